package io.github.tokjoule.tegrastats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte or character stream into lines held in one reusable {@code char[]}: constant memory whatever the
 * input length, bounded by the longest line accepted. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}
 * (as {@link java.io.BufferedReader#readLine()}); the last line may lack a terminator.
 */
abstract class LineSource implements Closeable {

    static final int BUFFER = 1 << 16;

    final int maxLineChars;
    char[] line = new char[1024];
    int length;
    /** The line had more than {@link #maxLineChars} characters; {@link #line} holds the first ones. */
    boolean truncated;

    LineSource(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /** Reads the next line into {@link #line}; {@code false} at the end of the input. */
    abstract boolean next() throws IOException;

    static LineSource of(InputStream in, int maxLineChars) {
        return new Bytes(in, maxLineChars);
    }

    static LineSource of(Reader in, int maxLineChars) {
        return new Chars(in, maxLineChars);
    }

    /** Bytes: ASCII is widened directly; a line with other bytes is decoded as UTF-8 (bad bytes become U+FFFD). */
    static final class Bytes extends LineSource {
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int limit;
        private boolean eof;
        private boolean skipLf;
        private boolean high;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);

        Bytes(InputStream in, int maxLineChars) {
            super(maxLineChars);
            this.in = in;
        }

        @Override
        boolean next() throws IOException {
            length = 0;
            truncated = false;
            high = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        return finish(any);
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                any = true;
                int i = pos;
                int n = limit;
                byte[] b = buf;
                // The hot loop: widen until a line break; bytes >= 0x80 are negative.
                int room = Math.min(n - i, maxLineChars - length);
                if (line.length - length < room) {
                    line = java.util.Arrays.copyOf(
                            line, Math.max(length + room, Math.min(maxLineChars, 2 * line.length)));
                }
                char[] l = line;
                int len = length;
                int stop = i + room;
                byte c = 0;
                while (i < stop) {
                    c = b[i];
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    high |= c < 0;
                    l[len++] = (char) (c & 0xFF);
                    i++;
                }
                length = len;
                if (i < stop) {
                    pos = i + 1;
                    if (c == '\r') {
                        skipLf = true;
                    }
                    return finish(true);
                }
                if (stop < n) {
                    // The line is longer than the limit: drop bytes up to the next break.
                    truncated = true;
                    int j = stop;
                    while (j < n && b[j] != '\n' && b[j] != '\r') {
                        j++;
                    }
                    if (j < n) {
                        pos = j + 1;
                        if (b[j] == '\r') {
                            skipLf = true;
                        }
                        return finish(true);
                    }
                    pos = n;
                } else {
                    pos = stop;
                }
            }
        }

        private boolean fill() throws IOException {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return false;
            }
            pos = 0;
            limit = r;
            return true;
        }

        private boolean finish(boolean any) throws IOException {
            if (any && high) {
                byte[] raw = new byte[length];
                for (int i = 0; i < length; i++) {
                    raw[i] = (byte) line[i];
                }
                CharBuffer decoded = utf8.reset().decode(ByteBuffer.wrap(raw));
                length = decoded.remaining();
                if (line.length < length) {
                    line = new char[length];
                }
                decoded.get(line, 0, length);
            }
            return any;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Characters from a {@link Reader}. */
    static final class Chars extends LineSource {
        private final Reader in;
        private final char[] buf = new char[BUFFER];
        private int pos;
        private int limit;
        private boolean eof;
        private boolean skipLf;

        Chars(Reader in, int maxLineChars) {
            super(maxLineChars);
            this.in = in;
        }

        @Override
        boolean next() throws IOException {
            length = 0;
            truncated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        return any;
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                any = true;
                int i = pos;
                while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
                    i++;
                }
                int take = Math.min(i - pos, maxLineChars - length);
                if (take < i - pos) {
                    truncated = true;
                }
                if (take > 0) {
                    if (line.length - length < take) {
                        line = java.util.Arrays.copyOf(
                                line, Math.max(length + take, Math.min(maxLineChars, 2 * line.length)));
                    }
                    System.arraycopy(buf, pos, line, length, take);
                    length += take;
                }
                if (i < limit) {
                    pos = i + 1;
                    if (buf[i] == '\r') {
                        skipLf = true;
                    }
                    return true;
                }
                pos = limit;
            }
        }

        private boolean fill() throws IOException {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return false;
            }
            pos = 0;
            limit = r;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
