package io.github.tokjoule.tegrastats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte or character stream into lines for the {@link LineScanner}: constant memory whatever the input
 * length, bounded by the longest line accepted. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r} (as
 * {@link java.io.BufferedReader#readLine()}); the last line may lack a terminator.
 *
 * <p>The current line is {@code bytes[from, to)}. For an ASCII line (every tegrastats line) those are its bytes,
 * often straight in the read buffer, so no character or string is made for it. A line with other characters has them
 * in {@link #text} (same positions), and {@link LineScanner#NON_ASCII} in their place in {@code bytes}.
 */
abstract class LineSource implements Closeable {

    static final int BUFFER = 1 << 16;

    final int maxLineChars;
    byte[] bytes = new byte[0];
    int from;
    int to;
    /** The line's characters when it is not all ASCII, else {@code null}. */
    char @Nullable [] text;
    /** The line had more than {@link #maxLineChars} characters (bytes, for byte input); only the first are held. */
    boolean truncated;

    LineSource(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /** Reads the next line; {@code false} at the end of the input. */
    abstract boolean next() throws IOException;

    /** Makes the first {@code n} characters of {@code e} the current line, in the scanner's form; {@code true}. */
    final boolean encodedLine(Encoded e, int n) {
        e.encode(n);
        bytes = e.bytes;
        from = 0;
        to = n;
        text = e.text;
        return true;
    }

    static LineSource of(InputStream in, int maxLineChars) {
        return new Bytes(in, maxLineChars);
    }

    static LineSource of(Reader in, int maxLineChars) {
        return new Chars(in, maxLineChars);
    }

    /**
     * A line given as characters, in the scanner's form: ASCII characters as bytes, any other as
     * {@link LineScanner#NON_ASCII} with the characters kept aside. Shared by the {@link Reader} input and
     * {@link TegrastatsParser#parse(CharSequence)}.
     */
    static final class Encoded {
        byte[] bytes = new byte[1024];
        char[] chars = new char[1024];
        char @Nullable [] text;

        /** Encodes {@code chars[0, n)}, which the caller has filled (see {@link #room}). */
        void encode(int n) {
            byte[] b = bytes;
            char[] c = chars;
            int any = 0;
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                any |= ch;
                b[i] = ch < 0x80 ? (byte) ch : LineScanner.NON_ASCII;
            }
            text = any < 0x80 ? null : c;
        }

        /** Makes room for {@code n} characters, keeping those there, growing at most to {@code cap} beyond. */
        void room(int n, int cap) {
            if (chars.length < n) {
                chars = Arrays.copyOf(chars, Math.max(n, (int) Math.min(cap, 2L * chars.length)));
            }
            if (bytes.length < chars.length) {
                bytes = new byte[chars.length];
            }
        }
    }

    /**
     * Bytes: an ASCII line is scanned where it lies in the read buffer (copied only when it straddles two reads); a
     * line with other bytes is decoded as UTF-8 (bad bytes become U+FFFD).
     */
    static final class Bytes extends LineSource {
        private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
        private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
        private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
        private static final long HIGH_BITS = 0x8080808080808080L;
        /** {@code (w - BELOW_0E) & ~w & HIGH_BITS} is not zero iff a byte of {@code w} is below 0x0E. */
        private static final long BELOW_0E = 0x0E0E0E0E0E0E0E0EL;

        private final InputStream in;
        private final byte[] buf;
        private int pos;
        private int limit;
        private boolean eof;
        private boolean skipLf;
        /** The part of a line carried over from earlier reads. */
        private byte[] carry = new byte[1024];

        private int carried;
        /**
         * The line being read, or last read, has a byte 0x80 or above (beyond {@link #maxLineChars} too), in any of its
         * reads: it must be decoded. Read by tests.
         */
        boolean high;

        private final Encoded decoded = new Encoded();

        Bytes(InputStream in, int maxLineChars) {
            this(in, maxLineChars, BUFFER);
        }

        /** With a given buffer size: tests use tiny ones to put line ends on every buffer boundary. */
        Bytes(InputStream in, int maxLineChars, int bufferBytes) {
            super(maxLineChars);
            this.in = in;
            this.buf = new byte[bufferBytes];
        }

        @Override
        boolean next() throws IOException {
            truncated = false;
            carried = 0;
            boolean any = false;
            high = false;
            while (true) {
                if (pos == limit && !fill()) {
                    return any && line(carry, 0, carried);
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                any = true;
                byte[] b = buf;
                int start = pos;
                int n = limit;
                int i = lineEnd(b, start, n);
                if (i < n) {
                    pos = i + 1;
                    skipLf = b[i] == '\r';
                    if (carried == 0) {
                        return line(b, start, i);
                    }
                    append(b, start, i);
                    return line(carry, 0, carried);
                }
                pos = n;
                append(b, start, n);
            }
        }

        /**
         * Finds the first {@code \n} or {@code \r} in {@code b[from, n)}, eight bytes at a time, and sets {@link #high}
         * when a byte before it is 0x80 or above.
         *
         * @return the index of the line end, or {@code n} when the line goes on past this read
         */
        private int lineEnd(byte[] b, int from, int n) {
            int i = from;
            long seen = 0; // the bytes passed over, OR-ed: bit 7 of any byte tells of a non-ASCII byte
            while (n - i >= Long.BYTES) {
                long w = AsciiDigits.word(b, i);
                // Text seldom has a byte below 0x0E: ruling one out takes three operations, the exact test eleven.
                if (((w - BELOW_0E) & ~w & HIGH_BITS) != 0) {
                    long ends = lineEnds(w);
                    if (ends != 0) {
                        int k = Long.numberOfTrailingZeros(ends) >>> 3;
                        seen |= w & ((1L << (k << 3)) - 1); // the bytes after the line end are the next line's
                        high |= (seen & HIGH_BITS) != 0;
                        return i + k;
                    }
                }
                seen |= w;
                i += Long.BYTES;
            }
            high |= (seen & HIGH_BITS) != 0;
            // fewer than eight bytes left in this read: reading a word would go beyond what was read
            while (i < n) {
                byte c = b[i];
                if (c <= '\r') {
                    if (c == '\n' || c == '\r') {
                        return i;
                    }
                    high |= c < 0;
                }
                i++;
            }
            return n;
        }

        /**
         * Bit 7 of every byte of {@code w} that is {@code \n} or {@code \r}, and no other bit. Exact for every byte,
         * not only the lowest: {@code ((x & 0x7F) + 0x7F) | x} has bit 7 set iff the byte {@code x} is not zero, and
         * the sum never carries into the next byte.
         */
        static long lineEnds(long w) {
            long lf = w ^ LFS;
            long cr = w ^ CRS;
            long notLf = ((lf & LOW_BITS) + LOW_BITS) | lf;
            long notCr = ((cr & LOW_BITS) + LOW_BITS) | cr;
            return ~(notLf & notCr) & HIGH_BITS;
        }

        /** Keeps {@code b[s, e)} for a line that goes on in the next read, up to {@link #maxLineChars} bytes. */
        private void append(byte[] b, int s, int e) {
            int take = Math.min(e - s, maxLineChars - carried);
            if (take < e - s) {
                truncated = true;
            }
            if (take > 0) {
                if (carry.length - carried < take) {
                    carry = Arrays.copyOf(carry, Math.max(carried + take, Math.min(maxLineChars, 2 * carry.length)));
                }
                System.arraycopy(b, s, carry, carried, take);
                carried += take;
            }
        }

        private boolean line(byte[] b, int s, int e) {
            int end = e;
            if (e - s > maxLineChars) {
                truncated = true;
                end = s + maxLineChars;
            }
            if (!high) {
                bytes = b;
                from = s;
                to = end;
                text = null;
                return true;
            }
            String chars = new String(b, s, end - s, StandardCharsets.UTF_8); // bad bytes become U+FFFD
            int n = chars.length();
            decoded.room(n, n);
            chars.getChars(0, n, decoded.chars, 0);
            return encodedLine(decoded, n);
        }

        private boolean fill() throws IOException {
            while (!eof) {
                int r = in.read(buf, 0, buf.length);
                pos = 0;
                limit = Math.max(r, 0);
                eof = r < 0;
                if (r > 0) {
                    return true;
                }
            }
            return false;
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
        private final Encoded line = new Encoded();
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
            int length = 0;
            truncated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        return any && encodedLine(line, length);
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
                    line.room(length + take, maxLineChars);
                    System.arraycopy(buf, pos, line.chars, length, take);
                    length += take;
                }
                if (i < limit) {
                    pos = i + 1;
                    if (buf[i] == '\r') {
                        skipLf = true;
                    }
                    return encodedLine(line, length);
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
