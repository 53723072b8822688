package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link LineSource.Bytes}, which looks for line ends eight bytes at a time, splits any bytes exactly as a plain
 * byte-by-byte splitter written here does: the same lines, the same truncation, and a line is decoded (it has
 * {@link LineSource#text}) exactly when the bytes it keeps include one of 0x80 or above. Checked on random mixes of
 * {@code \n}, {@code \r}, {@code \r\n}, control bytes (which pass the word test's first filter), ASCII text and high
 * bytes, with read buffers of 1 to 64 bytes so that line ends, {@code \r\n} pairs and high bytes fall on every
 * position in a word and across reads.
 */
class LineSourceBytesPropertyTest {

    /** The pieces random input is made of; ASCII text and high bytes are drawn most often. */
    private static final byte[][] PIECES = pieces();

    private static byte[][] pieces() {
        List<byte[]> p = new ArrayList<>();
        p.add(new byte[] {'\n'});
        p.add(new byte[] {'\r'});
        p.add(new byte[] {'\r', '\n'});
        for (int c : new int[] {0x00, 0x09, 0x0B, 0x0C, 0x0E, 0x8A, 0x8D, 0x7F, 0x80, 0xC3, 0xA9, 0xFF}) {
            p.add(new byte[] {(byte) c});
        }
        for (int c = ' '; c < 0x7F; c += 3) {
            p.add(new byte[] {(byte) c});
        }
        for (int i = 0; i < 12; i++) {
            p.add("RAM 1/2MB ".getBytes(StandardCharsets.US_ASCII)); // long ASCII runs fill whole words
        }
        return p.toArray(new byte[0][]);
    }

    /** Random input, the read buffer size and the line length limit. */
    static final class Input {
        final byte[] data;
        final int bufferBytes;
        final int maxLineChars;

        Input(byte[] data, int bufferBytes, int maxLineChars) {
            this.data = data;
            this.bufferBytes = bufferBytes;
            this.maxLineChars = maxLineChars;
        }

        @Override
        public String toString() {
            return Arrays.toString(data) + " in reads of " + bufferBytes + ", at most " + maxLineChars;
        }
    }

    private static Gen<Input> inputs() {
        Gen<byte[]> data = Generate.intArrays(Generate.range(0, 120), Generate.range(0, PIECES.length - 1))
                .map(LineSourceBytesPropertyTest::join);
        // half the time no line is truncated
        Gen<Integer> limits = Generate.range(1, 200).map(n -> n > 100 ? Integer.MAX_VALUE : n);
        return data.zip(Generate.range(1, 64), limits, Input::new);
    }

    private static byte[] join(int[] pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int p : pieces) {
            out.writeBytes(PIECES[p]);
        }
        return out.toByteArray();
    }

    /**
     * A line as read: its characters, whether it has a byte 0x80 or above ({@link LineSource.Bytes#high}, counting
     * the bytes beyond the limit too), whether it was decoded (had {@link LineSource#text}) and whether it was cut at
     * the limit.
     */
    record Line(String chars, boolean high, boolean decoded, boolean truncated) {}

    /** Splits at {@code \n}, {@code \r\n} and a lone {@code \r}, one byte at a time; keeps the first bytes. */
    static List<Line> referenceLines(byte[] data, int maxLineChars) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' || data[i] == '\r') {
                lines.add(cut(data, start, i, maxLineChars));
                if (data[i] == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < data.length) {
            lines.add(cut(data, start, data.length, maxLineChars));
        }
        return lines;
    }

    private static Line cut(byte[] data, int from, int to, int maxLineChars) {
        int end = to - from > maxLineChars ? from + maxLineChars : to;
        boolean high = false;
        boolean decoded = false;
        for (int i = from; i < to; i++) {
            high |= data[i] < 0;
            decoded |= data[i] < 0 && i < end;
        }
        return new Line(new String(data, from, end - from, StandardCharsets.UTF_8), high, decoded, end < to);
    }

    static List<Line> read(Input in) {
        List<Line> lines = new ArrayList<>();
        try (LineSource.Bytes s =
                new LineSource.Bytes(new ByteArrayInputStream(in.data), in.maxLineChars, in.bufferBytes)) {
            while (s.next()) {
                char[] text = s.text;
                String chars = text != null
                        ? new String(text, s.from, s.to - s.from)
                        : new String(s.bytes, s.from, s.to - s.from, StandardCharsets.UTF_8);
                lines.add(new Line(chars, s.high, text != null, s.truncated));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @Test
    void randomBytesSplitAsTheByteByByteReferenceWhateverTheReadSize() {
        qt().withExamples(3000).forAll(inputs()).checkAssert(in -> assertThat(read(in))
                .containsExactlyElementsOf(referenceLines(in.data, in.maxLineChars)));
    }

    /**
     * The bytes of the words {@link LineSource.Bytes#lineEnds} is tried on: the line ends, bytes near them in value,
     * and high bytes whose low seven bits are a line end.
     */
    private static final int[] WORD_BYTES = {0x0A, 0x0D, 0x00, 0x09, 0x0B, 0x0E, 0x20, 0x41, 0x8A, 0x8D, 0xFF, 0x80};

    @Test
    void lineEndsFlagsEveryLineEndByteOfAWordAndNothingElse() {
        qt().withExamples(3000)
                .forAll(Generate.intArrays(Generate.constant(Long.BYTES), Generate.range(0, WORD_BYTES.length - 1)))
                .checkAssert(picks -> {
                    long w = 0;
                    long want = 0;
                    for (int k = 0; k < Long.BYTES; k++) {
                        int c = WORD_BYTES[picks[k]];
                        w |= (long) c << (8 * k); // little-endian: byte k of the buffer is bits 8k..8k+7
                        if (c == '\n' || c == '\r') {
                            want |= 0x80L << (8 * k);
                        }
                    }
                    assertThat(LineSource.Bytes.lineEnds(w)).as("%016x", w).isEqualTo(want);
                });
    }
}
