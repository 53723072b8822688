package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TegrastatsReaderTest {

    private static final String A = "RAM 1/2MB VDD_IN 10/10";
    private static final String B = "RAM 1/2MB VDD_IN 20/15";

    @TempDir
    Path dir;

    /** Reads the text through every input path: chars, bytes in chunks of 1, 3 and 7, plain and gzip files. */
    private List<List<TegrastatsSample>> readAllWays(String text) throws IOException {
        List<List<TegrastatsSample>> out = new ArrayList<>();
        out.add(collect(TegrastatsReader.of(new StringReader(text), "chars", ReaderOptions.lenient())));
        out.add(collect(TegrastatsReader.of(new ChunkedReader(text, 5), "chunked chars", ReaderOptions.lenient())));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 7}) {
            out.add(collect(TegrastatsReader.of(new ChunkedStream(bytes, chunk), "bytes", ReaderOptions.lenient())));
        }
        Path plain = dir.resolve("plain.log.gz"); // a plain file with a misleading name
        Files.write(plain, bytes);
        out.add(collect(TegrastatsReader.open(plain)));
        Path gz = dir.resolve("compressed.log"); // a gzip file with a plain name
        Files.write(gz, gzip(bytes));
        out.add(collect(TegrastatsReader.open(gz)));
        return out;
    }

    private static List<TegrastatsSample> collect(TegrastatsReader r) throws IOException {
        try (r) {
            List<TegrastatsSample> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            return all;
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void everyLineEndingAndNoFinalNewlineGiveTheSameSamples() throws IOException {
        for (String text : List.of(
                A + "\n" + B + "\n",
                A + "\r\n" + B + "\r\n",
                A + "\r" + B + "\r",
                A + "\n" + B,
                A + "\r\n" + B,
                A + "\r\n\r\n" + B)) {
            for (List<TegrastatsSample> samples : readAllWays(text)) {
                assertThat(samples).extracting(s -> s.milliwatts("VDD_IN")).containsExactly(10.0, 20.0);
                assertThat(samples.get(0).lineNumber()).isEqualTo(1);
                assertThat(samples.get(1).sequence()).isEqualTo(1);
            }
        }
    }

    @Test
    void lineNumbersCountEveryLineAndSequencesCountTegrastatsLines() throws IOException {
        String text = "Tue Jan 26 18:22:31 UTC 2021\n" + A + "\n\nRAM 1/\n$ echo\n" + B + "\nhello\n";
        try (TegrastatsReader r = TegrastatsReader.of(new StringReader(text), "log", ReaderOptions.lenient())) {
            List<TegrastatsSample> all = r.stream().collect(Collectors.toList());
            assertThat(all).extracting(TegrastatsSample::lineNumber).containsExactly(2L, 6L);
            // the malformed line 4 occupies sequence 1
            assertThat(all).extracting(TegrastatsSample::sequence).containsExactly(0L, 2L);
            ParseReport report = r.report();
            assertThat(report.linesRead()).isEqualTo(7);
            assertThat(report.samples()).isEqualTo(2);
            assertThat(report.malformed()).isEqualTo(1);
            assertThat(report.skipped()).isEqualTo(4);
            assertThat(report.count(LineKind.BLANK)).isEqualTo(1);
            assertThat(report.count(LineKind.DATE_HEADER)).isEqualTo(1);
            assertThat(report.count(LineKind.SHELL_PROMPT)).isEqualTo(1);
            assertThat(report.count(LineKind.OTHER)).isEqualTo(1);
            assertThat(report.isClean()).isFalse();
            assertThat(report.malformedLines())
                    .containsExactly(new ReportedLine(
                            4, LineKind.MALFORMED, "RAM: expected the total after '/' at column 7", "RAM 1/"));
            assertThat(report.skippedLines())
                    .extracting(ReportedLine::lineNumber)
                    .containsExactly(1L, 5L, 7L);
            assertThat(report.skippedLines().get(2)).hasToString("line 7: OTHER: hello");
            assertThat(report.summary())
                    .isEqualTo("log: 7 lines, 2 samples, 1 malformed, 4 skipped (1 blank, 1 date_header, "
                            + "1 shell_prompt, 1 other)\n"
                            + "  malformed line 4: RAM: expected the total after '/' at column 7: RAM 1/");
            assertThat(report).hasToString("ParseReport[log, 7 lines, 2 samples, 1 malformed, 4 skipped]");
            assertThat(r.source()).isEqualTo("log");
        }
    }

    @Test
    void strictModeThrowsWithTheLineNumber() {
        String text = A + "\nhello\n\n" + B + "\nRAM 1/2MB cpu@4\n" + A + "\n";
        TegrastatsReader r = TegrastatsReader.of(new StringReader(text), "orin.log", ReaderOptions.strictMode());
        assertThat(r.next().lineNumber()).isEqualTo(1);
        assertThat(r.next().lineNumber()).isEqualTo(4);
        assertThatThrownBy(r::hasNext)
                .isInstanceOfSatisfying(TegrastatsFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(5);
                    assertThat(e.source()).isEqualTo("orin.log");
                })
                .hasMessage("orin.log:5: temperature cpu: expected degrees followed by 'C' at column 15: "
                        + "RAM 1/2MB cpu@4");
        assertThat(r.report().malformed()).isEqualTo(1);
        assertThat(r.report().count(LineKind.OTHER)).isEqualTo(1);
    }

    @Test
    void examplesAreCappedButEveryLineIsCounted() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("RAM x\nnoise ").append(i).append('\n');
        }
        ReaderOptions options = ReaderOptions.lenient().withExampleLimit(5);
        try (TegrastatsReader r = TegrastatsReader.of(new StringReader(text.toString()), "x", options)) {
            assertThat(r.hasNext()).isFalse();
            ParseReport report = r.report();
            assertThat(report.malformed()).isEqualTo(30);
            assertThat(report.count(LineKind.OTHER)).isEqualTo(30);
            assertThat(report.malformedLines()).hasSize(5);
            assertThat(report.skippedLines()).hasSize(5);
            assertThat(report.summary()).endsWith("  … and 25 more malformed lines");
        }
        assertThatThrownBy(() -> ReaderOptions.lenient().withExampleLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exampleLimit must not be negative: -1");
        assertThatThrownBy(() -> ReaderOptions.lenient().withMaxLineChars(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineChars must be positive: 0");
    }

    @Test
    void unknownTokenNamesAreCountedUpToALimit() throws IOException {
        StringBuilder text = new StringBuilder("RAM 1/2MB FOO BAR FOO\n");
        for (int i = 0; i < ParseReport.MAX_UNKNOWN_NAMES + 10; i++) {
            text.append("RAM 1/2MB X").append(i).append('\n');
        }
        try (TegrastatsReader r =
                TegrastatsReader.of(new StringReader(text.toString()), "x", ReaderOptions.lenient())) {
            assertThat(r.stream().count()).isEqualTo(ParseReport.MAX_UNKNOWN_NAMES + 11);
            var unknown = r.report().unknownTokens();
            assertThat(unknown).hasSize(ParseReport.MAX_UNKNOWN_NAMES + 1);
            assertThat(unknown.get("FOO")).isEqualTo(2);
            assertThat(unknown.get("…")).isEqualTo(12);
            assertThat(r.report().summary()).contains("unknown tokens kept: {FOO=2, BAR=1, X0=1");
        }
    }

    @Test
    void linesLongerThanTheLimitAreMalformedAndMemoryStaysBounded() throws IOException {
        String longLine = "RAM 1/2MB " + "x".repeat(1000);
        String text = A + "\n" + longLine + "\r\n" + B + "\n" + "y".repeat(300);
        ReaderOptions options = ReaderOptions.lenient().withMaxLineChars(100);
        List<TegrastatsReader> readers = List.of(
                TegrastatsReader.of(new StringReader(text), "chars", options),
                TegrastatsReader.of(new ChunkedReader(text, 64), "chunked", options),
                TegrastatsReader.of(new ChunkedStream(text.getBytes(StandardCharsets.UTF_8), 64), "bytes", options));
        for (TegrastatsReader r : readers) {
            try (r) {
                assertThat(r.stream().map(TegrastatsSample::lineNumber)).containsExactly(1L, 3L);
                ParseReport report = r.report();
                assertThat(report.malformed()).isEqualTo(2);
                assertThat(report.malformedLines().get(0).reason()).isEqualTo("line longer than 100 characters");
                assertThat(report.malformedLines().get(0).text()).hasSize(100);
                assertThat(report.malformedLines().get(1).lineNumber()).isEqualTo(4);
            }
        }
        // exactly at the limit is fine
        String exact = "RAM 1/2MB" + " ".repeat(91);
        assertThat(exact).hasSize(100);
        try (TegrastatsReader r = TegrastatsReader.of(new StringReader(exact), "x", options)) {
            assertThat(r.stream().count()).isEqualTo(1);
        }
    }

    @Test
    void aLineLongerThanTheReadBufferIsReassembled() throws IOException {
        String wide = "RAM 1/2MB" + " ".repeat(200_000) + "VDD_IN 7/7";
        for (List<TegrastatsSample> samples : readAllWays(A + "\n" + wide + "\n" + B)) {
            assertThat(samples).extracting(s -> s.milliwatts("VDD_IN")).containsExactly(10.0, 7.0, 20.0);
        }
    }

    @Test
    void nonAsciiBytesAreDecodedAsUtf8() throws IOException {
        String text = "héllo wörld\nRAM 1/2MB naïve\n" + A + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 2, bytes.length);
        broken[0] = (byte) 0xff;
        broken[1] = '\n';
        try (TegrastatsReader r = TegrastatsReader.of(new ByteArrayInputStream(broken), "u", ReaderOptions.lenient())) {
            List<TegrastatsSample> samples = r.stream().collect(Collectors.toList());
            assertThat(samples).hasSize(2);
            assertThat(samples.get(0).unknownTokens())
                    .extracting(UnknownToken::text)
                    .containsExactly("naïve");
            assertThat(r.report().skippedLines())
                    .extracting(ReportedLine::text)
                    .containsExactly("\uFFFD", "héllo wörld");
        }
    }

    @Test
    void iterationContract() throws IOException {
        TegrastatsReader r = TegrastatsReader.of(new StringReader(A), "x", ReaderOptions.lenient());
        assertThat(r.hasNext()).isTrue();
        assertThat(r.hasNext()).isTrue();
        assertThat(r.report().samples()).isEqualTo(1);
        r.next();
        assertThat(r.hasNext()).isFalse();
        assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class).hasMessage("no more samples in x");
        r.close();
        TegrastatsReader closed = TegrastatsReader.of(new StringReader(A + "\n" + B), "x", ReaderOptions.lenient());
        closed.close();
        assertThat(closed.hasNext()).isFalse();
        ClosingReader underlying = new ClosingReader(A);
        try (Stream<TegrastatsSample> s = TegrastatsReader.of(underlying, "x", ReaderOptions.lenient()).stream()) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThat(underlying.closed).isTrue();
    }

    @Test
    void ioErrorsNameTheSource() throws IOException {
        assertThatThrownBy(() -> TegrastatsReader.open(dir.resolve("missing.log")))
                .isInstanceOf(NoSuchFileException.class);
        Path badGzip = dir.resolve("bad.gz");
        Files.write(badGzip, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThatThrownBy(() -> TegrastatsReader.open(badGzip)).isInstanceOf(IOException.class);
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n < A.length()) {
                    return A.charAt(n++);
                }
                if (n++ == A.length()) {
                    return '\n';
                }
                throw new IOException("disk gone");
            }
        };
        TegrastatsReader r = TegrastatsReader.of(failing, "flaky.log", ReaderOptions.lenient());
        assertThatThrownBy(() -> r.stream().count())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("reading flaky.log after line 1")
                .hasRootCauseMessage("disk gone");
        Reader failingChars = new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("gone");
            }

            @Override
            public void close() throws IOException {
                throw new IOException("close failed");
            }
        };
        TegrastatsReader c = TegrastatsReader.of(failingChars, "c", ReaderOptions.lenient());
        assertThatThrownBy(c::hasNext).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> c.stream().close())
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("close failed");
    }

    @Test
    void emptyInput() throws IOException {
        for (List<TegrastatsSample> samples : readAllWays("")) {
            assertThat(samples).isEmpty();
        }
        try (TegrastatsReader r =
                TegrastatsReader.of(new ByteArrayInputStream(new byte[0]), "e", ReaderOptions.lenient())) {
            assertThat(r.hasNext()).isFalse();
            assertThat(r.report().linesRead()).isZero();
            assertThat(r.report().summary()).isEqualTo("e: 0 lines, 0 samples, 0 malformed, 0 skipped");
        }
    }

    /** A byte stream that returns at most {@code chunk} bytes per read, without mark support. */
    static final class ChunkedStream extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int pos;

        ChunkedStream(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** A reader that returns at most {@code chunk} characters per read. */
    static final class ChunkedReader extends Reader {
        private final String text;
        private final int chunk;
        private int pos;

        ChunkedReader(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }

    /** Remembers that it was closed. */
    static final class ClosingReader extends StringReader {
        boolean closed;

        ClosingReader(String s) {
            super(s);
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }
}
