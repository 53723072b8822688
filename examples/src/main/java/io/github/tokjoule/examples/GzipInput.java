package io.github.tokjoule.examples;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A file's bytes, gunzipped when they start with the gzip magic bytes, that survive a truncated gzip stream: where
 * {@link GZIPInputStream} throws {@link EOFException} (a copy or a run cut short), the stream ends instead after the
 * last complete line, so that every complete line before the cut is read, the cut line is dropped (not parsed as if it
 * were whole), and {@link #truncation()} says where the input was lost. A reader that let the exception through lost
 * every good line and hid the cause.
 *
 * <p>To drop a cut line, bytes are passed on up to the last line break seen; the rest waits for the next line break
 * or the end of the input (memory: the longest line).
 */
final class GzipInput extends InputStream {

    private final InputStream in;

    private byte[] buf = new byte[1 << 16];
    private int start;
    private int ready;
    private int end;
    private boolean finished;
    private long lines;
    private boolean gzip;
    private Optional<String> truncation = Optional.empty();

    private GzipInput(InputStream in) {
        this.in = in;
    }

    /**
     * Opens a file, plain or gzip-compressed (by its first two bytes).
     *
     * @param file the file
     * @return the stream; close it
     * @throws IOException if the file cannot be opened or its gzip header is broken
     */
    static GzipInput open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            GzipInput in = new GzipInput(gz ? new GZIPInputStream(raw, 1 << 16) : raw);
            in.gzip = gz;
            return in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** {@return whether the file is gzip-compressed} */
    boolean gzip() {
        return gzip;
    }

    /**
     * {@return why the input ended early, e.g. "truncated gzip after 43 lines (Unexpected end of ZLIB input stream;
     * a cut line of 17 bytes dropped): ...", or empty if it was read to its end}
     */
    Optional<String> truncation() {
        return truncation;
    }

    @Override
    public int available() {
        return ready - start;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (ready == start) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, ready - start);
        System.arraycopy(buf, start, b, off, n);
        start += n;
        return n;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            ready -= start;
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (EOFException e) {
            truncation = Optional.of("truncated gzip after " + lines + " lines (" + e.getMessage()
                    + (end > ready ? "; a cut line of " + (end - ready) + " bytes dropped" : "") + "): every complete"
                    + " line before the cut is kept, the rest of the file is lost");
            end = ready;
            finished = true;
            return;
        }
        if (n < 0) {
            ready = end;
            finished = true;
            return;
        }
        for (int i = end; i < end + n; i++) {
            if (buf[i] == '\n') {
                lines++;
                ready = i + 1;
            }
        }
        end += n;
    }
}
