package io.github.tokjoule.aiperf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them, reusing one buffer: memory is bounded by the longest line,
 * whatever the file size. A line ends at {@code \n}; a trailing {@code \r} is dropped. The last line may lack its
 * {@code \n} ({@link #terminated()} false), which is how a run killed mid-write leaves a JSON Lines file.
 */
final class LineReader implements Closeable {

    /** Lines longer than this are refused rather than exhausting the heap. */
    static final int MAX_LINE_BYTES = 512 * 1024 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private int pos;
    private int limit;
    private int scanned;
    private boolean eof;
    private long lineNumber;
    private int lineStart;
    private int lineLength;
    private boolean terminated;

    LineReader(InputStream in, int initialBufferBytes, int maxLineBytes) {
        this.in = in;
        this.buf = new byte[initialBufferBytes];
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the input
     * @throws LineTooLongException if a line exceeds the maximum length
     */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    setLine(pos, end - pos, true);
                    pos = i + 1;
                    scanned = pos;
                    return true;
                }
            }
            scanned = limit;
            if (eof) {
                if (pos < limit) {
                    int end = buf[limit - 1] == '\r' ? limit - 1 : limit;
                    setLine(pos, end - pos, false);
                    pos = limit;
                    scanned = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int start, int length, boolean withNewline) {
        lineNumber++;
        lineStart = start;
        lineLength = length;
        terminated = withNewline;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            scanned -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxLineBytes) {
                throw new LineTooLongException(lineNumber + 1, maxLineBytes);
            }
            byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, maxLineBytes)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** {@return whether the current line ended with a newline (false only for an unterminated last line)} */
    boolean terminated() {
        return terminated;
    }

    /** {@return the 1-based number of the current line} */
    long lineNumber() {
        return lineNumber;
    }

    /** {@return whether the current line holds only spaces and tabs} */
    boolean isBlank() {
        for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A line longer than the reader's maximum. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        final long lineNumber;

        LineTooLongException(long lineNumber, int max) {
            super("line " + lineNumber + " is longer than " + max + " bytes");
            this.lineNumber = lineNumber;
        }
    }
}
