package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The byte path (a {@link TegrastatsReader} over bytes: lines scanned where they lie in the read buffer, numbers read
 * straight from the bytes) gives exactly what the string path gives ({@link TegrastatsParser#parse(CharSequence,
 * long, long)} on each line that {@link java.io.BufferedReader#readLine()} would return): the same samples, the same
 * counts, the same examples with the same numbers, reasons and texts. Checked on every corpus file, and on mutated
 * lines with non-ASCII characters, invalid UTF-8, mixed line ends and read buffers as small as one byte, so that line
 * ends, numbers and names fall across every buffer boundary.
 */
class BytePathEquivalenceTest {

    /** What the string path gives for a text. */
    record Expected(
            List<TegrastatsSample> samples,
            long[] counts,
            List<ReportedLine> malformed,
            List<ReportedLine> skipped,
            Map<String, Long> unknown) {}

    /** The lines of {@code text} as {@code BufferedReader.readLine()} splits them. */
    static List<String> readLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // after the last terminator, or an empty text
        }
        return lines;
    }

    static Expected expected(String text, int exampleLimit) {
        TegrastatsParser parser = TegrastatsParser.create();
        List<TegrastatsSample> samples = new ArrayList<>();
        long[] counts = new long[LineKind.values().length];
        List<ReportedLine> malformed = new ArrayList<>();
        List<ReportedLine> skipped = new ArrayList<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        long number = 0;
        long sequence = 0;
        for (String line : readLines(text)) {
            number++;
            ParsedLine p = parser.parse(line, number, sequence);
            counts[p.kind().ordinal()]++;
            if (p.kind() == LineKind.SAMPLE || p.kind() == LineKind.MALFORMED) {
                sequence++;
            }
            if (p.kind() == LineKind.SAMPLE) {
                TegrastatsSample s = p.sample().orElseThrow();
                samples.add(s);
                s.unknownTokens().forEach(u -> unknown.merge(u.name(), 1L, Long::sum));
                continue;
            }
            String shown =
                    line.length() <= 200 ? line : line.substring(0, 200) + "… (" + line.length() + " characters)";
            List<ReportedLine> list = p.kind() == LineKind.MALFORMED ? malformed : skipped;
            if (p.kind() != LineKind.BLANK && list.size() < exampleLimit) {
                list.add(new ReportedLine(
                        number, p.kind(), p.problem().orElse(p.kind().name()), shown));
            }
        }
        return new Expected(samples, counts, malformed, skipped, unknown);
    }

    static void assertSame(TegrastatsReader reader, Expected e) {
        List<TegrastatsSample> samples = new ArrayList<>();
        reader.forEachRemaining(samples::add);
        ParseReport r = reader.report();
        assertThat(samples).containsExactlyElementsOf(e.samples());
        for (LineKind k : LineKind.values()) {
            assertThat(r.count(k)).as("count of %s", k).isEqualTo(e.counts()[k.ordinal()]);
        }
        assertThat(r.linesRead()).isEqualTo(Arrays.stream(e.counts()).sum());
        assertThat(r.malformedLines()).containsExactlyElementsOf(e.malformed());
        assertThat(r.skippedLines()).containsExactlyElementsOf(e.skipped());
        assertThat(r.unknownTokens()).isEqualTo(e.unknown());
    }

    static TegrastatsReader bytes(byte[] data, int bufferBytes) {
        return TegrastatsReader.of(
                new LineSource.Bytes(new ByteArrayInputStream(data), ReaderOptions.DEFAULT_MAX_LINE_CHARS, bufferBytes),
                "bytes",
                ReaderOptions.lenient());
    }

    @Test
    void everyCorpusFileGivesTheSameSamplesAndReportOnBothPaths() throws IOException {
        for (Path file : Corpus.logs()) {
            byte[] data = Files.readAllBytes(file);
            Expected e = expected(new String(data, StandardCharsets.UTF_8), ReaderOptions.DEFAULT_EXAMPLE_LIMIT);
            try (TegrastatsReader r = TegrastatsReader.open(file)) {
                assertSame(r, e);
            }
            // a read buffer shorter than a number, and one that puts a boundary in every line
            for (int size : new int[] {3, 509}) {
                try (TegrastatsReader r = bytes(data, size)) {
                    assertSame(r, e);
                }
            }
        }
    }

    @Test
    void nonAsciiLinesAreDecodedAndKeepTheirCharacters() throws IOException {
        // é (2 bytes), 𝄞 (4 bytes, a surrogate pair), İ (lower case is ASCII 'i'), a BOM, an invalid byte (→ U+FFFD)
        byte[] bad = {(byte) 0xC3};
        String text = "\uFEFFRAM 1/2MB cpu@4é.5C VDD_IN 1/1\n"
                + "RAM 1/2MB t\u00e9mp@40C 𝄞x 5 VDD_IN 2mW/2mW\r\n"
                + "FRİ Jan 01 00:00:00 UTC 2021\r"
                + "RAM 1/2MB tj@40C caf\u00e9 VDD_IN 3/3";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(utf8, utf8.length + 2);
        data[utf8.length] = '\n';
        data[utf8.length + 1] = bad[0];
        Expected e = expected(new String(data, StandardCharsets.UTF_8), 20);
        // hand-checked: the names keep their accents, the invalid byte is one replacement character on its own line
        assertThat(e.samples()).hasSize(2);
        assertThat(e.samples().get(0).temperatureSensor(0)).isEqualTo("t\u00e9mp");
        assertThat(e.samples().get(1).unknownTokens()).containsExactly(new UnknownToken("caf\u00e9", "caf\u00e9"));
        assertThat(e.skipped())
                .extracting(ReportedLine::text)
                .containsExactly("FRİ Jan 01 00:00:00 UTC 2021", "\uFFFD");
        assertThat(e.malformed()).hasSize(1);
        for (int size = 1; size <= 70; size++) {
            try (TegrastatsReader r = bytes(data, size)) {
                assertSame(r, e);
            }
        }
        try (TegrastatsReader r = TegrastatsReader.of(
                new StringReader(new String(data, StandardCharsets.UTF_8)), "chars", ReaderOptions.lenient())) {
            assertSame(r, e);
        }
    }

    /** A mutated corpus line, possibly with non-ASCII characters or raw bytes, and how it ends. */
    record Line(RobustnessPropertyTest.Case line, int extra, long seed, int terminator) {}

    private static final String[] TERMINATORS = {"\n", "\r\n", "\r"};
    private static final String[] NON_ASCII = {"é", "𝄞", "\uFEFF", "İ", "\u212A", "ÿ", "\u0080"};

    static byte[] encode(List<Line> lines, boolean bom, boolean trailing) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
        List<Integer> rawAt = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Random r = new Random(l.seed());
            StringBuilder s = new StringBuilder(l.line().text());
            for (int k = 0; k < l.extra(); k++) {
                int at = r.nextInt(s.length() + 1);
                if (r.nextBoolean()) {
                    s.insert(at, NON_ASCII[r.nextInt(NON_ASCII.length)]);
                } else {
                    s.insert(at, '\u0001'); // becomes a raw byte 0x80..0xFF: invalid UTF-8 on its own
                }
            }
            text.append(s);
            if (i < lines.size() - 1 || trailing) {
                text.append(TERMINATORS[l.terminator()]);
            }
        }
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        Random r = new Random(lines.size());
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 1) {
                b[i] = (byte) (0x80 + r.nextInt(0x80));
            }
        }
        return b;
    }

    private static Gen<Line> lines() {
        Gen<RobustnessPropertyTest.Case> cases = RobustnessPropertyTest.cases();
        return cases.zip(Generate.range(0, 3), Generate.longRange(0, Long.MAX_VALUE), Generate.range(0, 2), Line::new);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedLinesGiveTheSameSamplesAndReportOnBothPathsWhateverTheBufferSize() {
        qt().withExamples(400)
                .forAll(lines(), lines(), lines(), Generate.range(0, 1200))
                .checkAssert((a, b, c, choice) -> {
                    // the read buffer: 1 to 600 bytes; a BOM on one text in 7, a final line end on one in 2
                    int size = 1 + choice / 2;
                    byte[] data = encode(List.of(a, b, c), choice % 7 == 0, choice % 2 == 0);
                    Expected e = expected(new String(data, StandardCharsets.UTF_8), 2);
                    try (TegrastatsReader r = TegrastatsReader.of(
                            new LineSource.Bytes(
                                    new ByteArrayInputStream(data), ReaderOptions.DEFAULT_MAX_LINE_CHARS, size),
                            "bytes",
                            ReaderOptions.lenient().withExampleLimit(2))) {
                        assertSame(r, e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
    }

    @Test
    void linesLongerThanTheLimitAreMalformedWhereverTheBuffersEnd() throws IOException {
        // 10 characters is the limit: the first line has 10 (kept), the second 11 (malformed), the third 25
        String text = "RAM 1/2MB \n" + "RAM 1/2MB  \r\n" + "RAM 1/2MB " + "x".repeat(15) + "\rRAM 3/4MB";
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        for (int size = 1; size <= 40; size++) {
            TegrastatsReader r = TegrastatsReader.of(
                    new LineSource.Bytes(new ByteArrayInputStream(data), 10, size),
                    "bytes",
                    ReaderOptions.lenient().withMaxLineChars(10));
            List<TegrastatsSample> samples = new ArrayList<>();
            r.forEachRemaining(samples::add);
            assertThat(samples).extracting(TegrastatsSample::lineNumber).containsExactly(1L, 4L);
            assertThat(r.report().malformedLines())
                    .extracting(ReportedLine::lineNumber, ReportedLine::reason, ReportedLine::text)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2L, "line longer than 10 characters", "RAM 1/2MB "),
                            org.assertj.core.groups.Tuple.tuple(3L, "line longer than 10 characters", "RAM 1/2MB "));
            r.close();
        }
    }
}
