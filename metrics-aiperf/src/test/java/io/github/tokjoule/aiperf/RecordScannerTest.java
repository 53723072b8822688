package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RecordScanner}, the bytes-first path of {@link RecordParser}: on every input, well formed or not, reading with
 * it gives what Jackson alone gives (records, counts, issues, strict-mode exceptions), and it does take the lines aiperf
 * and the synthetic sweeps write.
 */
class RecordScannerTest {

    private static final String[] UNITS = {"ms", "ns", "sec", "tokens", "tokens/sec/user", "requests", "bogus", ""};
    private static final String[] METRICS = {
        "time_to_first_token",
        "ttft",
        "request_latency",
        "output_sequence_length",
        "input_sequence_length",
        "inter_chunk_latency",
        "inter_token_latency",
        "error_isl",
        "made_up_metric"
    };
    private static final String[] STRINGS = {
        "profiling",
        "warmup",
        "worker_1a2b3c4d",
        "fd78b108-2a8f-43b0-8327-0f97e76c6a9c",
        "",
        "with \\\"quotes\\\" and \\\\",
        "tab\\tand\\u00e9",
        "caf\u00e9",
        "\u65e5\u672c",
        "x"
    };
    private static final String[] META_KEYS = {
        "session_num",
        "x_request_id",
        "x_correlation_id",
        "conversation_id",
        "turn_index",
        "credit_issued_ns",
        "request_start_ns",
        "request_ack_ns",
        "request_end_ns",
        "cancellation_time_ns",
        "worker_id",
        "record_processor_id",
        "benchmark_phase",
        "credit_phase",
        "was_cancelled",
        "unknown_meta"
    };

    // --- the property: the same result as Jackson alone -------------------------------------------------------

    @Test
    void randomWellFormedLinesReadAsJacksonReadsThem() {
        int[] taken = new int[2]; // lines the scanner answered itself, lines in all
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            String text = lines(rng, 1 + rng.nextInt(4));
            assertSameAsJackson(text.getBytes(StandardCharsets.UTF_8));
            for (String line : text.split("\n")) {
                try {
                    taken[0] += scan(line, true, false) == JsonLinesSource.LineParser.UNSURE ? 0 : 1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                taken[1]++;
            }
        });
        // not a vacuous property: the generator's lines are mostly ones the scanner answers, not all of them
        assertThat(taken[0]).isBetween(taken[1] / 5, taken[1] * 9 / 10);
    }

    @Test
    void mutatedLinesReadAsJacksonReadsThem() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            byte[] bytes = lines(rng, 1 + rng.nextInt(3)).getBytes(StandardCharsets.UTF_8);
            for (int k = 1 + rng.nextInt(3); k > 0; k--) {
                bytes = mutate(bytes, rng);
            }
            assertSameAsJackson(bytes);
        });
    }

    @Test
    void numbersConvertAsJacksonConvertsThem() {
        // one metric per line, its value drawn from every number shape
        qt().withExamples(5000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            String line = "{\"metrics\":{\"request_latency\":{\"value\":" + number(rng) + ",\"unit\":\"ms\"},"
                    + "\"inter_chunk_latency\":{\"value\":[" + number(rng) + "," + number(rng)
                    + "],\"unit\":\"ms\"}},\"metadata\":{\"request_start_ns\":" + integer(rng) + "}}\n";
            assertSameAsJackson(line.getBytes(StandardCharsets.UTF_8));
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.tokjoule.aiperf.TestFiles#recordFiles")
    void filesReadAsJacksonReadsThem(String resource) {
        assertSameAsJackson(TestFiles.bytes(resource));
    }

    // --- the lines it takes and the lines it leaves to Jackson -------------------------------------------------

    /** A line as the synthetic sweeps write it (AiperfExports), with a shortened latency list. */
    static final String SYNTHETIC = "{\"metadata\":{\"session_num\":3,\"x_request_id\":"
            + "\"6f1c2d3e-0000-4000-8000-000000000001\",\"x_correlation_id\":\"6f1c2d3e-0000-4000-8000-000000000002\","
            + "\"conversation_id\":\"6f1c2d3e-0000-4000-8000-000000000003\",\"turn_index\":0,"
            + "\"credit_issued_ns\":1765000000000000000,\"request_start_ns\":1765000000000100000,"
            + "\"request_ack_ns\":1765000000031842934,\"request_end_ns\":1765000002000100000,"
            + "\"worker_id\":\"worker_0a1b2c3d\",\"record_processor_id\":\"record_processor_4e5f6a7b\","
            + "\"benchmark_phase\":\"profiling\",\"was_cancelled\":false},\"metrics\":{"
            + "\"output_sequence_length\":{\"value\":128,\"unit\":\"tokens\"},"
            + "\"time_to_first_token\":{\"value\":31.742934,\"unit\":\"ms\"},"
            + "\"inter_chunk_latency\":{\"value\":[15.6,15.0,16.25],\"unit\":\"ms\"},"
            + "\"e2e_output_token_throughput\":{\"value\":63.99679,\"unit\":\"tokens/sec/user\"}}}";

    @Test
    void takesTheLinesTheSweepsWrite() throws IOException {
        for (boolean skipLists : new boolean[] {false, true}) {
            Object fast = scan(SYNTHETIC, false, skipLists);
            assertThat(fast).isInstanceOf(RequestRecord.class);
            RequestRecord r = (RequestRecord) fast;
            assertThat(r.timeToFirstTokenMillis()).isEqualTo(31.742934);
            assertThat(r.outputSequenceLengthTokens()).isEqualTo(128.0);
            assertThat(r.requestStartEpochNanos()).hasValue(1765000000000100000L);
            assertThat(r.workerId()).contains("worker_0a1b2c3d");
            assertThat(r.wasCancelled()).contains(false);
            assertThat(r.interChunkLatenciesMillis())
                    .isEqualTo(skipLists ? new double[0] : new double[] {15.6, 15.0, 16.25});
        }
        // the corpus's records (aiperf 0.4 output) too: every line of it
        for (String line : new String(TestFiles.bytes(TestFiles.PLOT_RECORDS), StandardCharsets.UTF_8).split("\n")) {
            assertThat(scan(line, false, true)).isInstanceOf(RequestRecord.class);
        }
    }

    @Test
    void aLineOfAnotherPhaseIsLeftOutAndCounted() throws IOException {
        String warmup = SYNTHETIC.replace("\"profiling\"", "\"warmup\"");
        JsonLinesSource<RequestRecord> src = source(new byte[0], false, true);
        assertThat(new RecordScanner(false, true, Units::resolve).scan(bytes(warmup), 0, warmup.length(), src))
                .isNull();
        assertThat(src.report().skippedByPhase()).isEqualTo(1);
        assertThat(src.report().skippedListMetrics()).isZero(); // the list came after the metadata: not reached
        assertThat(scan(warmup, true, true)).isInstanceOf(RequestRecord.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"time_to_first_token\":{\"value\":31.742934,\"unit\":\"ms\"}|\"time_to_first_token\":{\"value\":NaN,\"unit\":\"ms\"}",
                "\"unit\":\"ms\"}|\"unit\":\"fortnights\"}",
                "\"was_cancelled\":false|\"was_cancelled\":0",
                "\"turn_index\":0|\"turn_index\":0.0",
                "\"session_num\":3|\"session_num\":12345678901234567890",
                "\"worker_0a1b2c3d\"|\"worker_\\u00e9\"",
                "\"benchmark_phase\"|\"benchmark_phas\\u0065\"",
                "\"worker_0a1b2c3d\"|\"w\u00f6rker\"",
                "128|0128",
                "128|1e999",
                "15.0|15.",
                "15.0|-",
                "15.0|.5",
                "15.0|15e",
                "15.0|+1",
                "false}|false,}",
                "false|fals",
                "false|false0",
                "{\"metadata\"|{\"error\":{\"code\":500},\"metadata\"",
                "{\"metadata\"|{\"error\":\"x\",\"metadata\"",
                "{\"metadata\"|{\"extra\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"metadata\"",
                "{\"metadata\"|[{\"metadata\"",
                "{\"metadata\":{|{\"metadata\":[{",
                "\"metrics\":{|\"metrics\":7,\"m\":{"
            })
    void leavesToJacksonWhatItCannotVouchFor(String edit) throws IOException {
        String[] fromTo = edit.split("\\|", 2);
        String line = SYNTHETIC.replace(fromTo[0], fromTo[1]);
        assertThat(line).isNotEqualTo(SYNTHETIC);
        assertThat(scan(line, false, false)).isSameAs(JsonLinesSource.LineParser.UNSURE);
        assertSameAsJackson((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentAfterTheRecordOrACutLineIsJacksons() throws IOException {
        assertThat(scan(SYNTHETIC + " {}", false, true)).isSameAs(JsonLinesSource.LineParser.UNSURE);
        assertThat(scan(SYNTHETIC + " \t\r", false, true)).isInstanceOf(RequestRecord.class);
        for (int cut = 0; cut < SYNTHETIC.length(); cut += 7) {
            assertThat(scan(SYNTHETIC.substring(0, cut), false, true)).isSameAs(JsonLinesSource.LineParser.UNSURE);
        }
    }

    @Test
    void emptyContainersNullsAndRepeatsAreRead() throws IOException {
        String line = "{ \"metadata\" : { } , \"metrics\" : {\"a\":{},\"b\":null,\"request_latency\":{\"value\":[],"
                + "\"unit\":\"ms\"},\"request_latency\":{\"unit\":\"sec\",\"value\":2,\"value\":null,\"x\":[{}]}},"
                + "\"error\":null,\"metadata\":{\"benchmark_phase\":null,\"x_request_id\":null,\"session_num\":null},"
                + "\"metrics\":null,\"metadata\":null,\"trace_data\":{\"k\":[true,false,null,-0.5E+3,\"s\"]}}";
        RequestRecord r = (RequestRecord) scan(line, false, false);
        assertThat(r.metrics().keySet()).containsExactly("request_latency");
        assertThat(r.requestLatencyMillis()).isEqualTo(2000.0); // 2 s × 1000, the second one replaced the list
        assertThat(r.sessionNum()).isEmpty();
        assertSameAsJackson((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static Object scan(String line, boolean allPhases, boolean skipLists) throws IOException {
        byte[] b = bytes("  " + line + "  ");
        try (JsonLinesSource<RequestRecord> src = source(new byte[0], false, allPhases)) {
            return new RecordScanner(allPhases, skipLists, Units::resolve).scan(b, 2, b.length - 4, src);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonLinesSource<RequestRecord> source(byte[] bytes, boolean strict, boolean allPhases) {
        return new JsonLinesSource<>(
                new ByteArrayInputStream(bytes), "t.jsonl", strict, new RecordParser(allPhases, false, false));
    }

    /** Reads the bytes with and without the fast path, in every mode, and compares everything either gives. */
    static void assertSameAsJackson(byte[] bytes) {
        for (int mode = 0; mode < 8; mode++) {
            boolean strict = (mode & 1) != 0;
            boolean allPhases = (mode & 2) != 0;
            boolean skipLists = (mode & 4) != 0;
            String jackson = read(bytes, strict, allPhases, skipLists, false);
            String fast = read(bytes, strict, allPhases, skipLists, true);
            assertThat(fast)
                    .as("mode %d, input %s", mode, new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(jackson);
        }
    }

    private static String read(byte[] bytes, boolean strict, boolean allPhases, boolean skipLists, boolean fast) {
        List<String> out = new ArrayList<>();
        try (JsonLinesSource<RequestRecord> src = new JsonLinesSource<>(
                new ByteArrayInputStream(bytes), "t.jsonl", strict, new RecordParser(allPhases, skipLists, fast))) {
            try {
                RequestRecord r;
                while ((r = src.next()) != null) {
                    out.add(describe(r));
                }
            } catch (AiperfFormatException e) {
                out.add("thrown: " + e.getMessage());
            }
            JsonLinesReport rep = src.report();
            out.add(rep + " | " + rep.lines() + " " + rep.records() + " " + rep.skippedByPhase() + " "
                    + rep.blankLines() + " " + rep.malformedLines() + " " + rep.truncatedLastLine() + " "
                    + rep.issueCount() + " " + rep.issues() + " " + rep.skippedListMetrics() + " "
                    + rep.skippedListMetricNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", out);
    }

    /** Every field, with the metrics' exact bits (a −0.0 differs from 0.0) and their order. */
    private static String describe(RequestRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.lineNumber())
                .append('|')
                .append(r.sessionNum())
                .append('|')
                .append(r.requestId())
                .append('|')
                .append(r.correlationId())
                .append('|')
                .append(r.conversationId())
                .append('|')
                .append(r.turnIndex())
                .append('|')
                .append(r.creditIssuedEpochNanos())
                .append('|')
                .append(r.requestStartEpochNanos())
                .append('|')
                .append(r.requestAckEpochNanos())
                .append('|')
                .append(r.requestEndEpochNanos())
                .append('|')
                .append(r.cancellationEpochNanos())
                .append('|')
                .append(r.workerId())
                .append('|')
                .append(r.recordProcessorId())
                .append('|')
                .append(r.phaseName())
                .append('|')
                .append(r.wasCancelled())
                .append('|')
                .append(r.error());
        for (RecordMetric m : r.metrics().values()) {
            sb.append('|')
                    .append(m.name())
                    .append('/')
                    .append(m.sourceName())
                    .append('/')
                    .append(m.sourceUnit())
                    .append('/')
                    .append(m.unit())
                    .append('/')
                    .append(m.isList());
            for (double v : m.values()) {
                sb.append('/').append(Long.toHexString(Double.doubleToRawLongBits(v)));
            }
        }
        return sb.toString();
    }

    // --- random lines -----------------------------------------------------------------------------------------

    private static String lines(SplittableRandom rng, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(10) == 0) {
                sb.append(rng.nextBoolean() ? "" : " \t");
            } else {
                record(sb, rng, rng.nextBoolean());
            }
            if (i < n - 1 || rng.nextInt(4) != 0) {
                sb.append(rng.nextInt(6) == 0 ? "\r\n" : "\n");
            }
        }
        return sb.toString();
    }

    /** A record line; {@code wild} ones draw escapes, non-ASCII, errors, NaN, unknown units and odd types too. */
    private static void record(StringBuilder sb, SplittableRandom rng, boolean wild) {
        List<String> members = new ArrayList<>();
        if (rng.nextInt(8) != 0) {
            members.add(q("metadata") + ":" + (rng.nextInt(12) == 0 ? "null" : metadata(rng, wild)));
        }
        if (rng.nextInt(8) != 0) {
            members.add(q("metrics") + ":" + (rng.nextInt(12) == 0 ? "null" : metrics(rng, wild)));
        }
        int r = rng.nextInt(10);
        if (r == 0 && wild) {
            members.add(q("error") + ":{\"code\":500,\"type\":\"E\",\"message\":\"m\"}");
        } else if (r == 1) {
            members.add(q("error") + ":null");
        }
        for (int k = rng.nextInt(3); k > 0; k--) {
            members.add(q(rng.nextBoolean() ? "trace_data" : "metadata") + ":" + anyValue(rng, 0, wild));
        }
        shuffle(members, rng);
        object(sb, members, rng);
    }

    private static String metadata(SplittableRandom rng, boolean wild) {
        List<String> members = new ArrayList<>();
        for (String key : META_KEYS) {
            if (rng.nextInt(5) == 0) {
                continue;
            }
            String v;
            int r = rng.nextInt(25);
            if (r == 0) {
                v = "null";
            } else if (r == 1 && wild) {
                v = anyValue(rng, 1, true);
            } else if (key.endsWith("_ns") || key.equals("session_num") || key.equals("turn_index")) {
                v = integer(rng, wild);
            } else if (key.equals("was_cancelled")) {
                v = rng.nextBoolean() ? "true" : "false";
            } else if (key.endsWith("phase")) {
                v = q(rng.nextInt(4) == 0 ? "warmup" : "profiling");
            } else {
                v = string(rng, wild);
            }
            members.add(q(key) + ":" + v);
        }
        if (rng.nextInt(6) == 0) {
            members.add(members.isEmpty() ? q("x") + ":1" : members.get(rng.nextInt(members.size())));
        }
        shuffle(members, rng);
        StringBuilder sb = new StringBuilder();
        object(sb, members, rng);
        return sb.toString();
    }

    private static String metrics(SplittableRandom rng, boolean wild) {
        List<String> members = new ArrayList<>();
        for (int k = rng.nextInt(6); k >= 0; k--) {
            String key = METRICS[rng.nextInt(METRICS.length)];
            int r = rng.nextInt(30);
            String v;
            if (r == 0) {
                v = "null";
            } else if (r == 1) {
                v = anyValue(rng, 1, wild);
            } else {
                List<String> fields = new ArrayList<>();
                int kind = rng.nextInt(20);
                String value = kind < 12
                        ? number(rng, wild)
                        : kind < 18 ? list(rng, wild) : kind == 18 ? "null" : anyValue(rng, 2, wild);
                if (rng.nextInt(12) != 0) {
                    fields.add(q("value") + ":" + value);
                }
                int u = rng.nextInt(20);
                if (u < 16) {
                    fields.add(q("unit") + ":" + q(UNITS[rng.nextInt(u < 12 || !wild ? 5 : UNITS.length)]));
                } else if (u == 16 && wild) {
                    fields.add(q("unit") + ":null");
                } else if (u == 17 && wild) {
                    fields.add(q("unit") + ":" + anyValue(rng, 2, true));
                } else if (!wild) {
                    fields.add(q("unit") + ":" + q("ms"));
                }
                if (rng.nextInt(8) == 0) {
                    fields.add(q("header") + ":" + anyValue(rng, 2, wild));
                }
                shuffle(fields, rng);
                StringBuilder sb = new StringBuilder();
                object(sb, fields, rng);
                v = sb.toString();
            }
            members.add(q(key) + ":" + v);
        }
        StringBuilder sb = new StringBuilder();
        object(sb, members, rng);
        return sb.toString();
    }

    private static String list(SplittableRandom rng, boolean wild) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = rng.nextInt(6); k > 0; k--) {
            sb.append(rng.nextInt(40) == 0 && wild ? "null" : number(rng, wild));
            if (k > 1) {
                sb.append(',').append(ws(rng));
            }
        }
        return sb.append(']').toString();
    }

    private static String anyValue(SplittableRandom rng, int depth, boolean wild) {
        int r = rng.nextInt(depth > 3 ? 5 : 7);
        return switch (r) {
            case 0 -> number(rng, wild);
            case 1 -> string(rng, wild);
            case 2 -> "true";
            case 3 -> "false";
            case 4 -> "null";
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int k = rng.nextInt(3); k > 0; k--) {
                    sb.append(anyValue(rng, depth + 1, wild)).append(k > 1 ? "," : "");
                }
                yield sb.append(']').toString();
            }
            default -> {
                List<String> m = new ArrayList<>();
                for (int k = rng.nextInt(3); k > 0; k--) {
                    m.add(q("k" + k) + ":" + anyValue(rng, depth + 1, wild));
                }
                StringBuilder sb = new StringBuilder();
                object(sb, m, rng);
                yield sb.toString();
            }
        };
    }

    /** An integer; only wild ones beyond a long's range or {@code Long.MIN_VALUE} (ABSENT, an issue). */
    static String integer(SplittableRandom rng, boolean wild) {
        String n = integer(rng);
        return wild || !beyondLong(n) ? n : "1765000000000000000";
    }

    private static boolean beyondLong(String integer) {
        return new BigInteger(integer).abs().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0;
    }

    static String integer(SplittableRandom rng) {
        return switch (rng.nextInt(8)) {
            case 0 -> "0";
            case 1 -> "-0";
            case 2 -> Long.toString(rng.nextLong());
            case 3 -> Long.toString(rng.nextLong(1L << 31));
            case 4 ->
                new String[] {
                            "1" + "0".repeat(18),
                            "9223372036854775807",
                            "9223372036854775808",
                            "-9223372036854775807",
                            "9999999999999999999"
                        }
                        [rng.nextInt(5)]; // 19 digits about long's bounds
            case 5 -> "123456789012345678901234567890";
            case 6 -> Long.toString(Long.MIN_VALUE);
            default -> Long.toString(1_765_000_000_000_000_000L + rng.nextLong(1L << 40));
        };
    }

    private static String string(SplittableRandom rng, boolean wild) {
        return q(STRINGS[rng.nextInt(wild ? STRINGS.length : 5)]);
    }

    /** Every shape of JSON number; wild ones also NaN (which Jackson accepts here) and out of range. */
    static String number(SplittableRandom rng, boolean wild) {
        String n = number(rng);
        boolean odd =
                n.equals("NaN") || Double.isInfinite(Double.parseDouble(n)) || (n.matches("-?[0-9]+") && beyondLong(n));
        return wild || !odd ? n : "0.25";
    }

    static String number(SplittableRandom rng) {
        return switch (rng.nextInt(16)) {
            case 0 -> integer(rng);
            case 1 -> Double.toString(rng.nextDouble() * 1000);
            case 2 ->
                Double.toString(-rng.nextDouble() * Math.pow(10, rng.nextInt(-30, 30)))
                        .replace("E", "e");
            case 3 -> rng.nextInt(100) + "." + digits(rng, 1 + rng.nextInt(8));
            case 4 -> "-" + rng.nextInt(10) + "." + digits(rng, 1 + rng.nextInt(25));
            case 5 -> digits1(rng, 1 + rng.nextInt(20)) + "." + digits(rng, 1 + rng.nextInt(20));
            case 6 ->
                rng.nextInt(10) + (rng.nextBoolean() ? "e" : "E") + (rng.nextBoolean() ? "-" : "+") + rng.nextInt(400);
            case 7 -> "0.0" + digits(rng, 1 + rng.nextInt(30));
            case 8 -> rng.nextBoolean() ? "-0.0" : "0.0";
            case 9 -> "1e" + rng.nextInt(-400, 400);
            case 10 -> Double.toString(Double.longBitsToDouble(rng.nextLong() & 0x7FEFFFFFFFFFFFFFL));
            case 11 -> rng.nextInt(3) == 0 ? "NaN" : "2.5";
            case 12 ->
                digits1(rng, 1 + rng.nextInt(16)) + "." + digits(rng, rng.nextInt(2) + 1) + "e-" + rng.nextInt(25);
            case 13 -> "9007199254740993.0"; // 2^53 + 1: needs the slow path to round to even
            case 14 -> "0." + "0".repeat(rng.nextInt(25)) + digits1(rng, 1 + rng.nextInt(15));
            default -> Integer.toString(rng.nextInt(-1000, 1000)) + ".5";
        };
    }

    private static String digits(SplittableRandom rng, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    /** Digits without a leading zero. */
    private static String digits1(SplittableRandom rng, int n) {
        return (char) ('1' + rng.nextInt(9)) + digits(rng, n - 1);
    }

    private static void object(StringBuilder sb, List<String> members, SplittableRandom rng) {
        sb.append('{').append(ws(rng));
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                sb.append(ws(rng)).append(',').append(ws(rng));
            }
            String m = members.get(i);
            // a space around the colon of the member's own key, sometimes
            sb.append(rng.nextInt(8) == 0 ? m.replaceFirst("\":", "\" : ") : m);
        }
        sb.append(ws(rng)).append('}');
    }

    private static String ws(SplittableRandom rng) {
        return switch (rng.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> " \r ";
            default -> "";
        };
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static final byte[] NOISE = "{}[]\",:0123456789eE.-+ntfa\\ \t\u00e9".getBytes(StandardCharsets.UTF_8);

    private static byte[] mutate(byte[] in, SplittableRandom rng) {
        if (in.length == 0) {
            return new byte[] {'{'};
        }
        int at = rng.nextInt(in.length);
        byte noise = rng.nextInt(10) == 0 ? (byte) rng.nextInt(256) : NOISE[rng.nextInt(NOISE.length)];
        return switch (rng.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(in, at); // cut
            case 1 -> concat(in, at, new byte[0], at + 1); // delete
            case 2 -> concat(in, at, new byte[] {noise}, at); // insert
            default -> concat(in, at, new byte[] {noise}, at + 1); // replace
        };
    }

    private static byte[] concat(byte[] in, int head, byte[] middle, int tail) {
        byte[] out = new byte[head + middle.length + in.length - tail];
        System.arraycopy(in, 0, out, 0, head);
        System.arraycopy(middle, 0, out, head, middle.length);
        System.arraycopy(in, tail, out, head + middle.length, in.length - tail);
        return out;
    }
}
