package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken or odd summaries: each problem is either reported with its JSON path or thrown with its location. */
class MalformedProfileTest {

    private static List<String> locations(AiperfProfile p) {
        return p.report().issues().stream().map(ReadIssue::location).toList();
    }

    @Test
    void notAnObjectIsAnErrorAtTheRoot() {
        assertThatThrownBy(() -> TestFiles.json("[1, 2]"))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessage("test.json: $: expected a JSON object at the top level, found an array");
        assertThatThrownBy(() -> TestFiles.json(""))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessageContaining("found the end of the input");
        assertThatThrownBy(() -> TestFiles.json("\"x\""))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessageContaining("found the string \"x\"");
    }

    @Test
    void truncatedDocumentNamesThePathLineAndColumn() {
        assertThatThrownBy(() -> TestFiles.json("{\"a\": 1,\n \"ttft\": {\"unit\": \"ms\", \"avg\": 1"))
                .isInstanceOfSatisfying(AiperfFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.json");
                    assertThat(e.location()).startsWith("$.ttft.avg (line 2, column ");
                })
                .hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> TestFiles.json("{\"records\": {\"ttft\": {\"p50\": tru}}}"))
                .isInstanceOfSatisfying(AiperfFormatException.class, e -> assertThat(e.location())
                        .startsWith("$.records.ttft.p50 (line 1"));
    }

    @Test
    void valuesOfTheWrongTypeAreReportedAndSkipped() {
        AiperfProfile p = TestFiles.json("{\"time_to_first_token\": {\"unit\": \"ms\", \"avg\": \"abc\", \"p50\": [1],"
                + " \"p90\": {\"x\": 1}, \"p99\": 1e999, \"min\": NaN, \"max\": 4.0, \"count\": -1, \"sum\": 1.5},"
                + " \"request_count\": {\"unit\": \"requests\", \"avg\": 3, \"count\": 2.5},"
                + " \"request_latency\": {\"unit\": 5, \"avg\": 7.0},"
                + " \"start_time\": 5, \"end_time\": \"yesterday\", \"was_cancelled\": \"yes\", \"schema_version\": 1.4,"
                + " \"aiperf_version\": true, \"input_config\": [1], \"error_summary\": {}, \"telemetry_data\": 1,"
                + " \"warmup_metrics\": [], \"telemetry_stats\": \"none\"}");

        assertThat(locations(p))
                .containsExactly(
                        "$.time_to_first_token.avg",
                        "$.time_to_first_token.p50",
                        "$.time_to_first_token.p90",
                        "$.time_to_first_token.p99",
                        "$.time_to_first_token.min",
                        "$.time_to_first_token.count",
                        "$.request_count.count",
                        "$.request_latency.unit",
                        "$.request_latency.unit",
                        "$.start_time",
                        "$.was_cancelled",
                        "$.aiperf_version",
                        "$.input_config",
                        "$.error_summary",
                        "$.telemetry_data",
                        "$.warmup_metrics",
                        "$.telemetry_stats",
                        "$.end_time");
        assertThat(p.report().issues().get(0).message())
                .isEqualTo("expected a number, found the string \"abc\"; ignored");
        assertThat(p.report().issues().get(3).message()).contains("1e999 is not a finite number");
        assertThat(p.report().issues().get(8).message()).isEqualTo("no unit; values kept as written");
        LatencyStats ttft = p.timeToFirstToken().orElseThrow();
        assertThat(ttft.maxMillis()).isEqualTo(4.0);
        assertThat(ttft.sumMillis()).isEqualTo(1.5);
        assertThat(ttft.stats().stats()).containsExactly(Stat.MAX, Stat.SUM);
        assertThat(p.requestCount()).hasValue(3);
        assertThat(p.metric("request_latency").orElseThrow().unit()).isEqualTo(MetricUnit.OTHER);
        assertThat(p.schemaVersion()).contains("1.4");
        assertThat(p.startTime()).isEmpty();
        assertThat(p.endTime()).isEmpty();
        assertThat(p.wasCancelled()).isEmpty();
        assertThat(p.errorCount()).isEmpty();
        assertThat(p.report().isClean()).isFalse();
    }

    @Test
    void badEntriesInsideStructuresAreReportedWithTheirPath() {
        AiperfProfile p = TestFiles.json("{\"records\": {\"ttft\": 5, \"empty\": {}, \"ok\": {\"unit\": \"ms\","
                + " \"avg\": 1}, \"nothing\": null},"
                + " \"error_summary\": [null, 3, {\"error_details\": {\"code\": \"E1\", \"type\": 4, \"message\": \"m\"},"
                + " \"count\": 2}, {\"error_details\": {}, \"count\": -1}, {\"count\": 1}],"
                + " \"telemetry_data\": {\"endpoints\": {\"e1\": {\"gpus\": {\"gpu_0\": {\"gpu_index\": \"zero\","
                + " \"gpu_name\": 7, \"metrics\": {\"gpu_power_usage\": {\"unit\": \"W\", \"avg\": 10}}, \"extra\": 1},"
                + " \"gpu_1\": 3}, \"other\": 1}, \"e2\": [] }, \"summary\": {}}}");

        assertThat(locations(p))
                .containsExactly(
                        "$.records.ttft",
                        "$.records.empty",
                        "$.error_summary[0]",
                        "$.error_summary[1]",
                        "$.error_summary[2].error_details.code",
                        "$.error_summary[2].error_details.type",
                        "$.error_summary[3]",
                        "$.error_summary[4]",
                        "$.telemetry_data.endpoints.e1.gpus.gpu_0.gpu_index",
                        "$.telemetry_data.endpoints.e1.gpus.gpu_0.gpu_name",
                        "$.telemetry_data.endpoints.e1.gpus.gpu_1",
                        "$.telemetry_data.endpoints.e2");
        assertThat(p.metric("ok")).isPresent();
        assertThat(p.errorSummary()).hasSize(1);
        assertThat(p.errorSummary().get(0).details().message()).contains("m");
        assertThat(p.errorSummary().get(0).details().code()).isEmpty();
        assertThat(p.errorCount()).hasValue(2);
        assertThat(p.gpus()).hasSize(1);
        assertThat(p.gpus().get(0).gpuIndex()).isEmpty();
        assertThat(p.gpus().get(0).powerWatts()).isPresent();
    }

    @Test
    void aliasAndCanonicalNameTogetherKeepTheCanonicalOne() {
        AiperfProfile p = TestFiles.json("{\"records\": {\"time_to_first_token\": {\"unit\": \"ms\", \"avg\": 1.0},"
                + " \"ttft\": {\"unit\": \"ms\", \"avg\": 2.0}}, \"ttst\": {\"unit\": \"ms\", \"avg\": 3.0},"
                + " \"time_to_second_token\": {\"unit\": \"ms\", \"avg\": 4.0}}");

        assertThat(p.timeToFirstToken().orElseThrow().avgMillis()).isEqualTo(1.0);
        assertThat(p.timeToSecondToken().orElseThrow().avgMillis()).isEqualTo(4.0);
        assertThat(p.report().issues()).hasSize(2);
        assertThat(p.report().issues().get(0).message())
                .isEqualTo("metric \"time_to_first_token\" appears twice (as \"time_to_first_token\" and \"ttft\");"
                        + " kept \"time_to_first_token\"");
    }

    @Test
    void impossibleStatisticsAreReportedAndDropped() {
        AiperfProfile p = TestFiles.json(
                "{\"m\": {\"unit\": \"ms\", \"avg\": 2, \"std\": -1, \"min\": 5, \"max\": 1," + " \"p50\": 2}}");
        assertThat(locations(p)).containsExactly("$.m.std", "$.m");
        assertThat(p.report().issues().get(1).message()).isEqualTo("min 5.0 is greater than max 1.0; both ignored");
        assertThat(p.metric("m").orElseThrow().stats()).containsExactly(Stat.AVG, Stat.P50);
    }

    @Test
    void contentAfterTheDocumentIsReported() {
        AiperfProfile p = TestFiles.json("{\"request_count\": {\"unit\": \"requests\", \"avg\": 1}} {\"x\": 1}");
        assertThat(p.requestCount()).hasValue(1);
        assertThat(p.report().issues().get(0).message()).startsWith("content after the top-level object (an object)");
        AiperfProfile q = TestFiles.json("{} garbage");
        assertThat(q.report().issues().get(0).message()).startsWith("content after the top-level object ignored");
    }

    @Test
    void inputConfigValuesOfTheWrongTypeAreReported() {
        AiperfProfile p = TestFiles.json("{\"input_config\": {\"endpoint\": {\"streaming\": \"yes\", \"model_names\":"
                + " [\"m\"], \"type\": 3}, \"loadgen\": {\"concurrency\": \"8\", \"request_count\": 12.0,"
                + " \"warmup_request_count\": 1.5, \"request_rate\": \"fast\"}, \"input\": {\"prompt\": {\"input_tokens\":"
                + " {\"mean\": \"big\"}}}, \"cli_command\": 5, \"datasets\": [{\"prompts\": {\"isl\": {\"mean\": \"x\"}}}],"
                + " \"phases\": [{\"name\": \"profiling\", \"concurrency\": [2]}, 4]}, \"run_info\": [1]}");

        assertThat(locations(p))
                .containsExactly(
                        "$.run_info",
                        "$.input_config.cli_command",
                        "$.input_config.endpoint.streaming",
                        "$.input_config.loadgen.concurrency",
                        "$.input_config.phases[0].concurrency",
                        "$.input_config.loadgen.request_rate",
                        "$.input_config.loadgen.warmup_request_count",
                        "$.input_config.input.prompt.input_tokens.mean",
                        "$.input_config.datasets[0].prompts.isl.mean");
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("m");
        assertThat(c.endpointType()).contains("3");
        assertThat(c.requestCount()).hasValue(12);
        assertThat(c.concurrency()).isEmpty();
        assertThat(c.streaming()).isEmpty();
        assertThat(c.toString()).contains("model=m");
    }

    @Test
    void naiveTimesNeedAZone() throws IOException {
        AiperfProfile p = AiperfProfile.read(TestFiles.path(TestFiles.LEGACY));
        assertThat(p.startTime()).isEmpty();
        assertThat(p.startTimeText()).contains("2025-10-03T13:13:39.146443");
        assertThat(p.report().issues().get(0).message())
                .isEqualTo("\"2025-10-03T13:13:39.146443\" is a naive local time and no zone was given; left"
                        + " unresolved");
        AiperfProfile offset = AiperfProfile.read(
                new java.io.ByteArrayInputStream("{\"start_time\": \"2025-10-03T13:13:39+05:30\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "offset.json");
        assertThat(offset.startTime()).contains(Instant.parse("2025-10-03T07:43:39Z"));
        assertThat(offset.report().isClean()).isTrue();
    }

    @Test
    void daylightSavingGapsAndOverlapsAreResolvedAndReported() {
        ZoneId ny = ZoneId.of("America/New_York");
        // 2026-03-08 02:30 does not exist in New York: shifted by the 1 h gap to 03:30 EDT = 07:30Z
        AiperfProfile gap = TestFiles.json("{\"start_time\": \"2026-03-08T02:30:00\"}", ny);
        assertThat(gap.startTime()).contains(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(gap.report().issues().get(0).message()).contains("daylight-saving gap");
        // 2026-11-01 01:30 happens twice: the earlier offset (EDT, -04:00) gives 05:30Z
        AiperfProfile overlap = TestFiles.json("{\"end_time\": \"2026-11-01 01:30:00\"}", ny);
        assertThat(overlap.endTime()).contains(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(overlap.report().issues().get(0).message()).contains("ambiguous", "-04:00");
    }

    @Test
    void byteOrderMarkAndUtf16AreAccepted() throws IOException {
        byte[] utf16 = "{\"request_count\": {\"unit\": \"requests\", \"avg\": 5}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        AiperfProfile p = AiperfProfile.read(new java.io.ByteArrayInputStream(utf16), "utf16.json");
        assertThat(p.requestCount()).hasValue(5);
        assertThat(p.toString()).isEqualTo("AiperfProfile[utf16.json, FLAT, 1 metrics, 0 issues]");
    }
}
