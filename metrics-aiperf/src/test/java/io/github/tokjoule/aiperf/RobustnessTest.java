package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated corpus files give either a correct partial result with a report or {@link AiperfFormatException} naming the
 * location: never another exception, never a hang (every test has a timeout).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RobustnessTest {

    private static final List<String> SUMMARIES = List.of(
            TestFiles.LEGACY,
            TestFiles.PLOT_SUMMARY,
            TestFiles.ANUD18,
            "fixtures/genai-perf.json",
            "fixtures/schema-1.5-telemetry-warmup.json");
    private static final List<String> LINES = List.of(TestFiles.PLOT_RECORDS, TestFiles.PLOT_TELEMETRY);
    private static final String[] REPLACEMENTS = {
        "\"a string\"",
        "[1, [2], {\"k\": 3}]",
        "1e999",
        "-1e999",
        "123456789012345678901234567890",
        "null",
        "{\"unit\": \"ms\"}",
        "true",
        "NaN"
    };
    private static final JsonFactory JSON = new JsonFactory();

    // --- truncation -------------------------------------------------------------------------------------

    @Test
    void summariesTruncatedAtEvery97thByteFailWithTheLocation() {
        for (String file : SUMMARIES) {
            byte[] bytes = TestFiles.bytes(file);
            for (int cut = 0; cut < bytes.length; cut += 97) {
                byte[] prefix = Arrays.copyOf(bytes, cut);
                Outcome o = readSummary(prefix);
                // a JSON object cut short is never valid: the reader must say where it stopped
                assertThat(o.error).as(file + " cut at " + cut).isNotNull();
                assertThat(o.error.location()).startsWith("$");
                assertThat(o.error.source()).isEqualTo("mutant.json");
            }
        }
    }

    @Test
    void jsonLinesTruncatedAtEvery97thByteKeepEveryCompleteLine() {
        for (String file : LINES) {
            byte[] bytes = TestFiles.bytes(file);
            for (int cut = 0; cut <= bytes.length; cut += 97) {
                byte[] prefix = Arrays.copyOf(bytes, cut);
                int completeLines = 0;
                for (int i = 0; i < cut; i++) {
                    completeLines += bytes[i] == '\n' ? 1 : 0;
                }
                boolean partial = cut > 0 && bytes[cut - 1] != '\n';
                for (boolean strict : new boolean[] {false, true}) {
                    JsonLinesReport report = file.equals(TestFiles.PLOT_RECORDS)
                            ? readRecords(prefix, strict).report
                            : readTelemetry(prefix, strict);
                    assertThat(report.records()).as(file + " cut at " + cut).isEqualTo(completeLines);
                    assertThat(report.malformedLines()).isZero();
                    if (partial) {
                        assertThat(report.truncatedLastLine()).hasValue(completeLines + 1);
                    } else {
                        assertThat(report.isClean()).isTrue();
                    }
                }
            }
        }
    }

    // --- value and key mutations of summaries -----------------------------------------------------------------

    @Test
    void summaryValueReplacedGivesAPartialResultThatKeepsEveryOtherMetric() {
        for (String file : SUMMARIES) {
            byte[] original = TestFiles.bytes(file);
            AiperfProfile expected = TestFiles.profile(file, ZoneId.of("UTC"));
            List<Span> values = spans(original, false, false);
            List<Span> owners = ownerSpans(original);
            qt().withExamples(300)
                    .forAll(integers().between(0, values.size() - 1), integers().between(0, REPLACEMENTS.length - 1))
                    .checkAssert((i, r) -> {
                        Span s = values.get(i);
                        byte[] mutant = s.replace(original, REPLACEMENTS[r]);
                        Outcome o = readSummary(mutant);
                        assertThat(o.error)
                                .as(file + " value at " + s.start + " -> " + REPLACEMENTS[r])
                                .isNull();
                        assertUnaffectedMetricsEqual(expected, o.profile, owner(owners, s.start));
                    });
        }
    }

    @Test
    void summaryKeyRenamedGivesAPartialResultThatKeepsEveryOtherMetric() {
        for (String file : SUMMARIES) {
            byte[] original = TestFiles.bytes(file);
            AiperfProfile expected = TestFiles.profile(file, ZoneId.of("UTC"));
            List<Span> keys = spans(original, true, false);
            List<Span> owners = ownerSpans(original);
            qt().withExamples(300)
                    .forAll(integers().between(0, keys.size() - 1))
                    .checkAssert(i -> {
                        Span s = keys.get(i);
                        Outcome o = readSummary(s.replace(original, "\"renamed_" + i + "\""));
                        assertThat(o.error).as(file + " key at " + s.start).isNull();
                        String owner = owner(owners, s.start);
                        if (!"records".equals(owner)) {
                            assertUnaffectedMetricsEqual(expected, o.profile, owner);
                        }
                    });
        }
    }

    @Test
    void summaryBytesDamagedGiveAResultOrTheDocumentedException() {
        for (String file : SUMMARIES) {
            // no exception other than AiperfFormatException escapes
            forEachOneByteMutant(TestFiles.bytes(file), RobustnessTest::readSummary);
        }
    }

    // --- JSON Lines ---------------------------------------------------------------------------------------

    @Test
    void recordValueReplacedOrKeyRenamedAffectsOnlyItsLine() {
        byte[] original = TestFiles.bytes(TestFiles.PLOT_RECORDS);
        Map<Long, String> expected = fingerprints(readRecords(original, false).records);
        List<Span> values = spans(original, false, true);
        List<Span> keys = spans(original, true, true);
        qt().withExamples(400)
                .forAll(
                        integers().between(0, values.size() + keys.size() - 1),
                        integers().between(0, REPLACEMENTS.length - 1))
                .checkAssert((i, r) -> {
                    boolean key = i >= values.size();
                    Span s = key ? keys.get(i - values.size()) : values.get(i);
                    byte[] mutant = s.replace(original, key ? "\"renamed\"" : REPLACEMENTS[r]);
                    long line = 1;
                    for (int k = 0; k < s.start; k++) {
                        line += original[k] == '\n' ? 1 : 0;
                    }
                    Records lenient = readRecords(mutant, false);
                    assertThat(lenient.error).isNull();
                    Map<Long, String> actual = fingerprints(lenient.records);
                    for (Map.Entry<Long, String> e : expected.entrySet()) {
                        if (e.getKey() != line) {
                            assertThat(actual.get(e.getKey()))
                                    .as("line " + e.getKey())
                                    .isEqualTo(e.getValue());
                        }
                    }
                    Records strict = readRecords(mutant, true);
                    if (strict.error != null) {
                        assertThat(strict.error.location()).startsWith("line " + line);
                    }
                });
    }

    @Test
    void jsonLinesBytesDamagedNeverEscapeAsAnotherException() {
        for (String file : LINES) {
            forEachOneByteMutant(TestFiles.bytes(file), mutant -> {
                for (boolean strict : new boolean[] {false, true}) {
                    assertThatCode(() -> {
                                try {
                                    if (file.equals(TestFiles.PLOT_RECORDS)) {
                                        readRecordsOrThrow(mutant, strict);
                                    } else {
                                        GpuTelemetry.read(new ByteArrayInputStream(mutant), "m.jsonl", strict);
                                    }
                                } catch (AiperfFormatException expected) {
                                    assertThat(expected.location()).startsWith("line ");
                                }
                            })
                            .doesNotThrowAnyException();
                }
            });
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Runs the check on 300 copies of a file, each with one byte, anywhere, set to any value. */
    private static void forEachOneByteMutant(byte[] original, Consumer<byte[]> check) {
        qt().withExamples(300)
                .forAll(integers().between(0, original.length - 1), integers().between(0, 255))
                .checkAssert((at, b) -> {
                    byte[] mutant = original.clone();
                    mutant[at] = (byte) (int) b;
                    check.accept(mutant);
                });
    }

    private static void assertUnaffectedMetricsEqual(AiperfProfile expected, AiperfProfile actual, String owner) {
        String affected = ProfileParser.ALIASES.getOrDefault(owner, owner);
        for (Map.Entry<String, MetricStats> e : expected.metrics().entrySet()) {
            if (!e.getKey().equals(affected)) {
                assertThat(actual.metrics().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    /** A byte range of the document. */
    private record Span(int start, int end) {
        byte[] replace(byte[] doc, String with) {
            byte[] w = with.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[doc.length - (end - start) + w.length];
            System.arraycopy(doc, 0, out, 0, start);
            System.arraycopy(w, 0, out, start, w.length);
            System.arraycopy(doc, end, out, start + w.length, doc.length - end);
            return out;
        }
    }

    /** Scalar values or field names with their byte ranges: of each line of JSON Lines, or of one document. */
    private static List<Span> spans(byte[] doc, boolean fieldNames, boolean jsonLines) {
        List<Span> out = new ArrayList<>();
        if (!jsonLines) {
            collect(doc, 0, doc.length, fieldNames, out);
            return out;
        }
        int lineStart = 0;
        for (int i = 0; i < doc.length; i++) {
            if (doc[i] == '\n') {
                if (i > lineStart) {
                    collect(doc, lineStart, i - lineStart, fieldNames, out);
                }
                lineStart = i + 1;
            }
        }
        return out;
    }

    private static void collect(byte[] doc, int offset, int length, boolean fieldNames, List<Span> out) {
        try (JsonParser p = JSON.createParser(doc, offset, length)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int start = offset + (int) p.currentTokenLocation().getByteOffset();
                if (fieldNames && t == JsonToken.FIELD_NAME) {
                    int end = start + p.currentName().getBytes(StandardCharsets.UTF_8).length + 2;
                    if (doc[start] == '"' && doc[end - 1] == '"') {
                        out.add(new Span(start, end));
                    }
                } else if (!fieldNames && t.isScalarValue()) {
                    p.finishToken(); // strings are read lazily: finish them so the location is past the closing quote
                    out.add(new Span(start, offset + (int) p.currentLocation().getByteOffset()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level members (and those of {@code records}) with the byte range of their values. */
    private static List<Span> ownerSpans(byte[] doc) {
        List<Span> out = new ArrayList<>();
        NAMES.clear();
        try (JsonParser p = JSON.createParser(doc)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int start = (int) p.currentTokenLocation().getByteOffset();
                JsonToken v = p.nextToken();
                if (name.equals("records") && v == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        int innerStart = (int) p.currentTokenLocation().getByteOffset();
                        p.nextToken();
                        p.skipChildren();
                        add(out, innerStart, (int) p.currentLocation().getByteOffset(), inner);
                    }
                    add(out, start, start + 10, "records");
                } else {
                    p.skipChildren();
                    add(out, start, (int) p.currentLocation().getByteOffset(), name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final Map<Span, String> NAMES = new HashMap<>();

    private static void add(List<Span> out, int start, int end, String name) {
        Span s = new Span(start, end);
        out.add(s);
        NAMES.put(s, name);
    }

    private static String owner(List<Span> owners, int offset) {
        for (Span s : owners) {
            if (offset >= s.start && offset < s.end) {
                return Objects.requireNonNull(NAMES.get(s));
            }
        }
        return "";
    }

    private static final class Outcome {
        AiperfProfile profile;
        AiperfFormatException error;
    }

    private static Outcome readSummary(byte[] bytes) {
        Outcome o = new Outcome();
        try {
            o.profile = AiperfProfile.read(new ByteArrayInputStream(bytes), "mutant.json", ZoneId.of("UTC"));
        } catch (AiperfFormatException e) {
            o.error = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o;
    }

    private static final class Records {
        List<RequestRecord> records = List.of();
        JsonLinesReport report;
        AiperfFormatException error;
    }

    private static Records readRecords(byte[] bytes, boolean strict) {
        Records r = new Records();
        try {
            readRecordsOrThrow(bytes, strict, r);
        } catch (AiperfFormatException e) {
            r.error = e;
        }
        return r;
    }

    private static void readRecordsOrThrow(byte[] bytes, boolean strict) {
        readRecordsOrThrow(bytes, strict, new Records());
    }

    private static void readRecordsOrThrow(byte[] bytes, boolean strict, Records out) {
        try (AiperfRecords r = AiperfRecords.open(
                new ByteArrayInputStream(bytes),
                "m.jsonl",
                RecordOptions.defaults().withStrict(strict))) {
            out.records = r.stream().toList();
            out.report = r.report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonLinesReport readTelemetry(byte[] bytes, boolean strict) {
        try {
            return GpuTelemetry.read(new ByteArrayInputStream(bytes), "t.jsonl", strict)
                    .report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a record holds, as text, by line number. */
    private static Map<Long, String> fingerprints(List<RequestRecord> records) {
        Map<Long, String> out = new HashMap<>();
        for (RequestRecord r : records) {
            out.put(
                    r.lineNumber(),
                    r.metrics() + "|" + r.requestStartEpochNanos() + r.requestAckEpochNanos()
                            + r.requestEndEpochNanos() + r.sessionNum() + r.requestId() + r.phaseName() + r.workerId()
                            + r.error() + r.wasCancelled() + Arrays.toString(r.interChunkLatenciesMillis()));
        }
        return out;
    }
}
