package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class AiperfCommandTest extends CommandLineTest {

    private static final String PLOT = "aiperf/ai-dynamo_plot-fixture-qwen-c1-profile-export-aiperf.json";
    private static final String LEGACY = "aiperf/ai-dynamo_v01-records-format-profile-export-aiperf.json";

    private static String resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(
                                AiperfCommandTest.class.getClassLoader().getResource(name))
                        .toURI())
                .toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> outputJson() {
        return (Map<String, Object>) JsonTree.parse(out.toString()).root();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonSummaryOfTheFlatLayout() throws Exception {
        assertThat(run("aiperf", resource(PLOT), "--zone", "Asia/Kolkata")).isZero();
        assertThat(err.toString()).isEmpty();
        Map<String, Object> json = outputJson();

        assertThat(json.keySet())
                .containsExactly(
                        "export",
                        "aiperf_version",
                        "schema_version",
                        "start_time",
                        "end_time",
                        "error_count",
                        "error_summary",
                        "input_config",
                        "metrics");
        assertThat(json.get("aiperf_version")).isEqualTo("null"); // a 0.3-era file: no version fields
        assertThat(json.get("error_summary")).isEqualTo(List.of());
        // 2025-11-07T13:38:54.793124 at +05:30
        assertThat(json.get("start_time")).isEqualTo("2025-11-07T08:08:54.793124Z");
        assertThat(json.get("end_time")).isEqualTo("2025-11-07T08:13:13.730640Z");
        assertThat(json.get("error_count")).isEqualTo(0L);
        Map<String, Object> config = (Map<String, Object>) json.get("input_config");
        assertThat(config)
                .containsExactly(
                        Map.entry("model", "Qwen/Qwen3-0.6B"),
                        Map.entry("concurrency", 1L),
                        Map.entry("request_count", 64L),
                        Map.entry("isl_mean", 100.0),
                        Map.entry("osl_mean", 200.0));
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        assertThat(metrics).doesNotContainKeys("goodput", "reasoning_token_count"); // null in the file
        Map<String, Object> ttft = (Map<String, Object>) metrics.get("time_to_first_token");
        assertThat(ttft.keySet())
                .containsExactly(
                        "unit", "avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
                        "p99");
        assertThat(ttft.get("unit")).isEqualTo("ms");
        assertThat(ttft.get("p50")).isEqualTo(30.668547999999998);
        assertThat((Map<String, Object>) metrics.get("request_throughput"))
                .containsExactly(Map.entry("unit", "requests/s"), Map.entry("avg", 0.2504302580624667));
        assertThat(((Map<String, Object>) metrics.get("request_count")).get("unit"))
                .isEqualTo("count");
        // benchmark_duration: 255.56017270100003 sec -> ms
        Map<String, Object> duration = (Map<String, Object>) metrics.get("benchmark_duration");
        assertThat(duration.get("unit")).isEqualTo("ms");
        assertThat((Double) duration.get("avg")).isCloseTo(255560.172701, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Map<String, Object>) metrics.get("output_token_throughput_per_user")).get("unit"))
                .isEqualTo("tokens/s/user");
        assertThat(((Map<String, Object>) metrics.get("output_token_throughput")).get("unit"))
                .isEqualTo("tokens/s");
        assertThat(((Map<String, Object>) metrics.get("input_sequence_length")).get("unit"))
                .isEqualTo("tokens");
        assertThat(metrics).containsKey("prefill_throughput_per_user").doesNotContainKey("prefill_throughput");
    }

    @Test
    @SuppressWarnings("unchecked")
    void legacyLayoutAliasesAndCountsWithoutAZone() throws Exception {
        assertThat(run("aiperf", resource(LEGACY))).isZero();
        Map<String, Object> json = outputJson();
        assertThat(json.get("start_time")).isEqualTo("null");
        assertThat(json.get("error_count")).isEqualTo(11L);
        assertThat(err.toString())
                .contains(
                        "tokjoule aiperf: warning: ai-dynamo_v01-records-format-profile-export-aiperf.json: $.start_time:"
                                + " \"2025-10-03T13:13:39.146443\" is a naive local time and no zone was given");
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        assertThat(metrics)
                .containsKeys("time_to_first_token", "time_to_second_token")
                .doesNotContainKey("ttft");
        Map<String, Object> ttft = (Map<String, Object>) metrics.get("time_to_first_token");
        assertThat(ttft.get("count")).isEqualTo(89L);
        assertThat(ttft).doesNotContainKey("p10");
        assertThat((Map<String, Object>) json.get("input_config"))
                .containsExactly(
                        Map.entry("model", "openai/gpt-oss-20b"),
                        Map.entry("concurrency", 100L),
                        Map.entry("request_count", 100L),
                        Map.entry("osl_mean", 250.0));
    }

    @Test
    void csvHasOneRowPerMetric() throws Exception {
        assertThat(run("aiperf", resource(PLOT), "--format", "csv", "--zone", "UTC"))
                .isZero();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("metric,unit,avg,min,max,std,p1,p5,p10,p25,p50,p75,p90,p95,p99,count,sum");
        assertThat(lines[1]).isEqualTo("request_throughput,requests/s,0.2504302580624667,,,,,,,,,,,,,,");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("time_to_first_token,ms,30.814987671875,28.662267,"));
        assertThat(lines).hasSize(1 + 20);
    }

    @Test
    void unknownUnitsAreKeptAndWarnedAndCsvFieldsAreQuoted() throws Exception {
        Path f = dir.resolve("odd.json");
        Files.writeString(f, "{\"weird,metric\": {\"unit\": \"fort\\\"nights\", \"avg\": 2, \"count\": 3}}");
        assertThat(run("aiperf", f.toString(), "--format", "csv")).isZero();
        assertThat(out.toString()).contains("\"weird,metric\",\"fort\"\"nights\",2.0,,,,,,,,,,,,,3,");
        assertThat(err.toString()).contains("warning: odd.json: $.weird,metric.unit: unknown unit");
    }

    @Test
    void errorsAndUsage() throws Exception {
        assertThat(run("aiperf", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("tokjoule aiperf: FILE " + dir.resolve("missing.json") + ": no such file");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"time_to_first_token\": {\"unit\": \"ms\", \"avg\": ");
        assertThat(run("aiperf", broken.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("tokjoule aiperf: broken.json: $.time_to_first_token.avg (line 1, column");

        assertThat(run("aiperf", broken.toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString()).contains("'Mars/Olympus' is not a time zone");
        assertThat(run("aiperf", broken.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(run(
                        "aiperf",
                        Files.writeString(dir.resolve("profile_export.jsonl"), "")
                                .toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("profile_export.jsonl: no metric and no error summary");
        assertThat(run("aiperf")).isEqualTo(2);
        Path jsonDir = Files.createDirectory(dir.resolve("dir.json"));
        assertThat(run("aiperf", jsonDir.toString())).isEqualTo(2);
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("aiperf", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tokjoule aiperf", "--zone=ZONE", "--format=FORMAT");
    }
}
