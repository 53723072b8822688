package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {

    @TempDir
    Path tmp;

    static List<RequestRecord> readAll(byte[] bytes, RecordOptions options, JsonLinesReport[] report) {
        try (AiperfRecords r = AiperfRecords.open(new ByteArrayInputStream(bytes), "test.jsonl", options)) {
            List<RequestRecord> out = new ArrayList<>();
            r.forEach(out::add);
            report[0] = r.report();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<RequestRecord> readAll(String text, RecordOptions options, JsonLinesReport[] report) {
        return readAll(text.getBytes(StandardCharsets.UTF_8), options, report);
    }

    @Test
    void corpusRecordsCarryTheirMetadataAndMetrics() throws IOException {
        List<RequestRecord> records;
        JsonLinesReport report;
        try (AiperfRecords r = AiperfRecords.open(TestFiles.path(TestFiles.PLOT_RECORDS))) {
            records = r.stream().toList();
            report = r.report();
        }
        assertThat(records).hasSize(10);
        assertThat(report.isClean()).as(report.toString()).isTrue();
        assertThat(report.lines()).isEqualTo(10);
        assertThat(report.records()).isEqualTo(10);
        assertThat(report.source()).isEqualTo("ai-dynamo_plot-fixture-qwen-c1-profile-export.jsonl");

        RequestRecord first = records.get(0);
        assertThat(first.lineNumber()).isEqualTo(1);
        assertThat(first.sessionNum()).hasValue(0);
        assertThat(first.requestId()).contains("fd78b108-2a8f-43b0-8327-0f97e76c6a9c");
        assertThat(first.correlationId()).contains("66c73ffd-2dbb-48ea-b5a5-5a220d464bf0");
        assertThat(first.conversationId()).isEmpty(); // null
        assertThat(first.turnIndex()).hasValue(0);
        assertThat(first.requestStartEpochNanos()).hasValue(1762551534797067827L);
        assertThat(first.requestAckEpochNanos()).hasValue(1762551534807258440L);
        assertThat(first.requestEndEpochNanos()).hasValue(1762551538441354976L);
        assertThat(first.creditIssuedEpochNanos()).isEmpty();
        assertThat(first.cancellationEpochNanos()).isEmpty(); // null
        assertThat(first.workerId()).contains("worker_416f5670");
        assertThat(first.recordProcessorId()).contains("record_processor_63b1a30c");
        assertThat(first.phase()).isEqualTo(BenchmarkPhase.PROFILING);
        assertThat(first.phaseName()).contains("profiling");
        assertThat(first.wasCancelled()).contains(false);
        assertThat(first.isError()).isFalse();
        assertThat(first.timeToFirstTokenMillis()).isEqualTo(31.742933999999998);
        assertThat(first.timeToSecondTokenMillis()).isEqualTo(17.868007);
        assertThat(first.timeToFirstOutputTokenMillis()).isEqualTo(31.742933999999998);
        assertThat(first.requestLatencyMillis()).isEqualTo(3644.2601019999997);
        assertThat(first.interTokenLatencyMillis()).isEqualTo(18.153352603015076);
        assertThat(first.inputSequenceLengthTokens()).isEqualTo(100.0);
        assertThat(first.outputSequenceLengthTokens()).isEqualTo(200.0);
        assertThat(first.outputTokensPerSecondPerUser()).isEqualTo(55.08624339913448);
        assertThat(first.value("prefill_throughput", MetricUnit.TOKENS_PER_SECOND))
                .isEqualTo(3150.30740384616);
        assertThat(first.metric("prefill_throughput_per_user").orElseThrow().sourceName())
                .isEqualTo("prefill_throughput");
        double[] icl = first.interChunkLatenciesMillis();
        assertThat(icl).hasSize(199);
        assertThat(icl[0]).isEqualTo(17.868007);
        assertThat(icl[198]).isEqualTo(18.010986);
        assertThat(first.metrics()).hasSize(11);
        assertThat(first.toString()).isEqualTo("RequestRecord[line 1, PROFILING, 11 metrics]");
        assertThat(records.get(9).sessionNum()).hasValue(9);
        assertThat(records.get(9).timeToFirstTokenMillis()).isEqualTo(31.716016);
    }

    @Test
    void aiperfIdentitiesHoldOnEveryCorpusRecord() throws IOException {
        try (AiperfRecords records = AiperfRecords.open(TestFiles.path(TestFiles.PLOT_RECORDS))) {
            for (RequestRecord r : records) {
                double ttft = r.timeToFirstTokenMillis();
                double rl = r.requestLatencyMillis();
                double osl = r.outputSequenceLengthTokens();
                double itl = r.interTokenLatencyMillis();
                // docs/reference/aiperf-format.md §3: ITL = (RL - TTFT) / (OSL - 1); sum(ICL) = RL - TTFT; OTPS/user =
                // 1000/ITL
                assertThat(itl).isCloseTo((rl - ttft) / (osl - 1), within(1e-9));
                assertThat(Arrays.stream(r.interChunkLatenciesMillis()).sum()).isCloseTo(rl - ttft, within(1e-6));
                assertThat(r.outputTokensPerSecondPerUser()).isCloseTo(1000 / itl, within(1e-9));
                // wall-clock end - start differs from the perf_counter latency by tens of microseconds
                double wallMillis = (r.requestEndEpochNanos().getAsLong()
                                - r.requestStartEpochNanos().getAsLong())
                        / 1e6;
                assertThat(wallMillis - rl).isBetween(0.0, 0.1);
            }
        }
    }

    @Test
    void phasesErrorsUnitsAliasesAndBlankLines() {
        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> profiling =
                readAll(TestFiles.bytes("fixtures/errors-and-phases.jsonl"), RecordOptions.defaults(), report);

        // warm-up (line 1) and cooldown (line 6) are left out; records without a phase (line 7) are kept
        assertThat(profiling).extracting(RequestRecord::lineNumber).containsExactly(2L, 4L, 5L, 7L);
        assertThat(report[0].skippedByPhase()).isEqualTo(2);
        assertThat(report[0].blankLines()).isEqualTo(1);
        assertThat(report[0].lines()).isEqualTo(7);
        assertThat(report[0].records()).isEqualTo(4);
        assertThat(report[0].isClean()).isTrue();

        RequestRecord p1 = profiling.get(0);
        assertThat(p1.timeToFirstTokenMillis()).isEqualTo(20.0); // 20,000,000 ns
        assertThat(p1.requestLatencyMillis()).isCloseTo(990.0, within(1e-9)); // 0.99 sec
        assertThat(p1.interChunkLatenciesMillis()).containsExactly(0.1, 0.2, 0.3); // 100, 200, 300 us
        assertThat(p1.metric("inter_chunk_latency").orElseThrow().isList()).isTrue();
        assertThat(p1.metric("inter_chunk_latency").orElseThrow().size()).isEqualTo(3);
        assertThat(p1.metric("input_sequence_length").orElseThrow().values()).containsExactly(128.0);
        assertThat(p1.value("inter_chunk_latency", MetricUnit.MILLISECONDS)).isNaN(); // a list, not a scalar
        assertThat(p1.value("input_sequence_length", MetricUnit.MILLISECONDS)).isNaN(); // another unit
        assertThat(p1.creditIssuedEpochNanos()).hasValue(1700000001000000000L);
        assertThat(p1.conversationId()).contains("conv-1");
        assertThat(p1.turnIndex()).hasValue(2);
        assertThat(p1.error()).isEmpty();

        RequestRecord cancelled = profiling.get(1);
        assertThat(cancelled.isError()).isTrue();
        assertThat(cancelled.error().orElseThrow().code()).hasValue(499);
        assertThat(cancelled.error().orElseThrow().isCancellation()).isTrue();
        assertThat(cancelled.wasCancelled()).contains(true);
        assertThat(cancelled.cancellationEpochNanos()).hasValue(1700000003000400000L);
        assertThat(cancelled.requestAckEpochNanos()).isEmpty();
        assertThat(cancelled.timeToFirstTokenMillis()).isNaN();
        assertThat(cancelled.value("error_isl", MetricUnit.TOKENS)).isEqualTo(128.0);
        assertThat(cancelled.interChunkLatenciesMillis()).isEmpty();
        assertThat(cancelled.toString()).contains("error");

        RequestRecord legacy = profiling.get(2); // pre-0.2 tags: ttft, credit_phase
        assertThat(legacy.timeToFirstTokenMillis()).isEqualTo(12.5);
        assertThat(legacy.metric("ttft")).isPresent();
        assertThat(legacy.phase()).isEqualTo(BenchmarkPhase.PROFILING);
        assertThat(legacy.outputTokensPerSecondPerUser()).isEqualTo(55.5);

        RequestRecord noPhase = profiling.get(3); // CRLF line, no phase
        assertThat(noPhase.phase()).isEqualTo(BenchmarkPhase.UNKNOWN);
        assertThat(noPhase.outputSequenceLengthTokens()).isEqualTo(7.0);

        List<RequestRecord> all = readAll(
                TestFiles.bytes("fixtures/errors-and-phases.jsonl"),
                RecordOptions.defaults().withAllPhases(true),
                report);
        assertThat(all)
                .extracting(RequestRecord::phase)
                .containsExactly(
                        BenchmarkPhase.WARMUP,
                        BenchmarkPhase.PROFILING,
                        BenchmarkPhase.PROFILING,
                        BenchmarkPhase.PROFILING,
                        BenchmarkPhase.OTHER,
                        BenchmarkPhase.UNKNOWN);
        RequestRecord cooldown = all.get(4);
        assertThat(cooldown.phaseName()).contains("cooldown");
        RecordMetric mystery = cooldown.metric("mystery").orElseThrow();
        assertThat(mystery.unit()).isEqualTo(MetricUnit.OTHER);
        assertThat(mystery.sourceUnit()).isEqualTo("parsecs");
        assertThat(mystery.value()).isEqualTo(3.0);
        assertThat(report[0].issues())
                .extracting(ReadIssue::location)
                .containsExactly("line 6: $.metrics.mystery.unit");
        assertThat(report[0].isClean()).isFalse();
        assertThat(report[0].skippedByPhase()).isZero();
    }

    @Test
    void truncatedLastLineIsReportedAndEveryEarlierRecordKept() {
        byte[] corpus = TestFiles.bytes(TestFiles.PLOT_RECORDS);
        byte[] cut = Arrays.copyOf(corpus, corpus.length - 1000); // inside line 10's inter-chunk list
        for (boolean strict : new boolean[] {false, true}) {
            JsonLinesReport[] report = new JsonLinesReport[1];
            List<RequestRecord> records = readAll(cut, RecordOptions.defaults().withStrict(strict), report);
            assertThat(records).hasSize(9);
            assertThat(report[0].truncatedLastLine()).hasValue(10);
            assertThat(report[0].malformedLines()).isZero();
            assertThat(report[0].issueCount()).isEqualTo(1);
            assertThat(report[0].issues().get(0).location()).startsWith("line 10, column ");
            assertThat(report[0].issues().get(0).message()).startsWith("last line cut short");
            assertThat(report[0].isClean()).isFalse();
            assertThat(report[0].toString()).contains("last line 10 truncated");
        }
    }

    @Test
    void hand_written_truncatedFixture() throws IOException {
        try (AiperfRecords r = AiperfRecords.open(TestFiles.path("fixtures/truncated.jsonl"))) {
            assertThat(r.stream().count()).isEqualTo(2);
            assertThat(r.report().truncatedLastLine()).hasValue(3);
        }
    }

    @Test
    void aLastLineWithoutNewlineThatParsesIsKept() {
        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> records = readAll(
                "{\"metrics\":{\"request_latency\":{\"value\":1,\"unit\":\"ms\"}}}\n"
                        + "{\"metrics\":{\"request_latency\":{\"value\":2,\"unit\":\"ms\"}}}",
                RecordOptions.defaults(),
                report);
        assertThat(records).hasSize(2);
        assertThat(report[0].isClean()).isTrue();
        assertThat(report[0].truncatedLastLine()).isEmpty();
    }

    @Test
    void malformedMiddleLineIsSkippedLenientlyAndThrownStrictly() {
        String[] lines = TestFiles.text(TestFiles.PLOT_RECORDS).split("\n");
        List<String> broken = new ArrayList<>(Arrays.asList(lines));
        broken.set(2, "{\"metadata\": {\"session_num\": 2}, \"metrics\": {\"x\": tru}}");
        broken.add(5, "[1, 2, 3]");
        broken.add(7, "{\"metadata\": {}} {\"x\": 1}");
        String text = String.join("\n", broken) + "\n";

        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> records = readAll(text, RecordOptions.defaults(), report);
        assertThat(records).hasSize(9);
        assertThat(report[0].malformedLines()).isEqualTo(3);
        assertThat(report[0].lines()).isEqualTo(12);
        assertThat(report[0].issues())
                .extracting(ReadIssue::location)
                .containsExactly("line 3, column 51 ($.metrics.x)", "line 6", "line 8");
        assertThat(report[0].issues().get(1).message())
                .isEqualTo("malformed line skipped: expected a JSON object, found an array");
        assertThat(report[0].issues().get(2).message()).contains("content after the record");

        assertThatThrownBy(() -> readAll(text, RecordOptions.defaults().withStrict(true), report))
                .isInstanceOfSatisfying(AiperfFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.jsonl");
                    assertThat(e.location()).isEqualTo("line 3, column 51 ($.metrics.x)");
                });
    }

    @Test
    void wrongValueTypesAreDroppedAndReportedWithLineAndPath() {
        String line = "{\"metadata\": {\"session_num\": \"zero\", \"request_start_ns\": 1.5e18, \"request_end_ns\":"
                + " 123456789012345678901234567890, \"x_request_id\": 5, \"was_cancelled\": \"no\","
                + " \"turn_index\": 99999999999, \"benchmark_phase\": null},"
                + " \"metrics\": {\"request_latency\": {\"value\": \"fast\", \"unit\": \"ms\"},"
                + " \"time_to_first_token\": {\"value\": 1e999, \"unit\": \"ms\"},"
                + " \"inter_chunk_latency\": {\"value\": [1, \"x\", 3], \"unit\": \"ms\"},"
                + " \"output_sequence_length\": 5, \"input_sequence_length\": null,"
                + " \"inter_token_latency\": {\"value\": [1, NaN], \"unit\": \"ms\"},"
                + " \"request_count\": {\"unit\": \"requests\"},"
                + " \"osl\": {\"value\": 3}},"
                + " \"error\": \"boom\"}\n";
        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> records = readAll(line, RecordOptions.defaults(), report);
        assertThat(records).hasSize(1);
        RequestRecord r = records.get(0);
        assertThat(r.sessionNum()).isEmpty();
        assertThat(r.requestStartEpochNanos()).isEmpty();
        assertThat(r.requestEndEpochNanos()).isEmpty();
        assertThat(r.requestId()).isEmpty();
        assertThat(r.wasCancelled()).isEmpty();
        assertThat(r.turnIndex()).isEmpty(); // does not fit an int
        assertThat(r.metrics()).containsOnlyKeys("osl");
        assertThat(r.metric("osl").orElseThrow().unit()).isEqualTo(MetricUnit.OTHER);
        assertThat(r.isError()).isFalse();
        assertThat(report[0].issues())
                .extracting(ReadIssue::location)
                .containsExactly(
                        "line 1: $.metadata.session_num",
                        "line 1: $.metadata.request_start_ns",
                        "line 1: $.metadata.request_end_ns",
                        "line 1: $.metadata.x_request_id",
                        "line 1: $.metadata.was_cancelled",
                        "line 1: $.metrics.request_latency.value",
                        "line 1: $.metrics.time_to_first_token.value",
                        "line 1: $.metrics.inter_chunk_latency.value[1]",
                        "line 1: $.metrics.output_sequence_length",
                        "line 1: $.metrics.inter_token_latency.value[1]",
                        "line 1: $.metrics.osl.unit",
                        "line 1: $.error");
        assertThat(report[0].malformedLines()).isZero();
        assertThatThrownBy(() -> readAll(line, RecordOptions.defaults().withStrict(true), report))
                .isInstanceOfSatisfying(AiperfFormatException.class, e -> assertThat(e.location())
                        .isEqualTo("line 1: $.metadata.session_num"));
    }

    @Test
    void gzipFilesAreDecompressed() throws IOException {
        Path gz = tmp.resolve("profile_export.jsonl.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(TestFiles.bytes(TestFiles.PLOT_RECORDS));
        }
        Files.write(gz, bytes.toByteArray());
        try (AiperfRecords r = AiperfRecords.open(gz)) {
            assertThat(r.stream().count()).isEqualTo(10);
        }
        Path notGzip = tmp.resolve("broken.jsonl.gz");
        Files.writeString(notGzip, "not gzip");
        assertThatThrownBy(() -> AiperfRecords.open(notGzip)).isInstanceOf(java.util.zip.ZipException.class);
    }

    @Test
    void longLinesGrowTheBufferAndAreReadWhole() {
        StringBuilder sb = new StringBuilder("{\"metrics\":{\"inter_chunk_latency\":{\"unit\":\"ms\",\"value\":[");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",").append(i % 97).append(".25");
        }
        sb.append("]}}}\n{\"metrics\":{}}\n");
        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> records = readAll(sb.toString(), RecordOptions.defaults(), report);
        assertThat(records).hasSize(2);
        double[] icl = records.get(0).interChunkLatenciesMillis();
        assertThat(icl).hasSize(100_000);
        assertThat(icl[99_999]).isEqualTo(99_999 % 97 + 0.25);
    }

    @Test
    void aLineLongerThanTheLimitIsAFormatError() throws IOException {
        byte[] line = new byte[300];
        Arrays.fill(line, (byte) ' ');
        line[0] = '{';
        line[299] = '}';
        LineReader reader = new LineReader(new ByteArrayInputStream(line), 16, 128);
        assertThatThrownBy(reader::next)
                .isInstanceOf(LineReader.LineTooLongException.class)
                .hasMessage("line 1 is longer than 128 bytes");
    }

    @Test
    void iteratesOnceAndCollectsAMetric() throws IOException {
        try (AiperfRecords r = AiperfRecords.open(TestFiles.path(TestFiles.PLOT_RECORDS))) {
            java.util.Iterator<RequestRecord> it = r.iterator();
            assertThatThrownBy(r::iterator).isInstanceOf(IllegalStateException.class);
            while (it.hasNext()) {
                it.next();
            }
            assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
        AiperfRecords.MetricValues icl = AiperfRecords.collect(
                TestFiles.path(TestFiles.PLOT_RECORDS),
                "inter_chunk_latency",
                MetricUnit.MILLISECONDS,
                RecordOptions.defaults());
        assertThat(icl.values()).hasSize(1990); // 10 records x 199 gaps, pooled
        assertThat(icl.metric()).isEqualTo("inter_chunk_latency");
        assertThat(icl.report().records()).isEqualTo(10);
        AiperfRecords.MetricValues ttft = AiperfRecords.collect(
                TestFiles.path(TestFiles.PLOT_RECORDS), "ttft", MetricUnit.MILLISECONDS, RecordOptions.defaults());
        assertThat(ttft.metric()).isEqualTo("time_to_first_token");
        assertThat(ttft.values()).hasSize(10).startsWith(31.742933999999998, 31.274151999999997);
        AiperfRecords.MetricValues wrongUnit = AiperfRecords.collect(
                TestFiles.path(TestFiles.PLOT_RECORDS), "ttft", MetricUnit.TOKENS, RecordOptions.defaults());
        assertThat(wrongUnit.values()).isEmpty();
        assertThat(wrongUnit.report().issueCount()).isEqualTo(10);
        assertThat(wrongUnit.report().issues().get(0).message()).isEqualTo("unit \"ms\" is not tokens; not collected");
    }

    @Test
    void issuesBeyondTheCapAreCountedNotKept() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            sb.append("{\"metadata\": {\"session_num\": \"x\"}}\n");
        }
        JsonLinesReport[] report = new JsonLinesReport[1];
        assertThat(readAll(sb.toString(), RecordOptions.defaults(), report)).hasSize(250);
        assertThat(report[0].issueCount()).isEqualTo(250);
        assertThat(report[0].issues()).hasSize(JsonLinesReport.ISSUES_KEPT);
    }
}
