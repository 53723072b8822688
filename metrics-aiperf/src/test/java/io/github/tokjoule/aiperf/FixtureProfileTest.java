package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hand-written summaries for cases the corpus lacks; every expected value is written in the fixture. */
class FixtureProfileTest {

    @Test
    void allRequestsFailedLeavesOnlyErrorMetrics() {
        AiperfProfile p = TestFiles.profile("fixtures/all-requests-failed.json", ZoneId.of("Europe/Berlin"));

        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        assertThat(p.schemaVersion()).contains("1.0");
        assertThat(p.aiperfVersion()).contains("0.8.0");
        assertThat(p.timeToFirstToken()).isEmpty();
        assertThat(p.requestLatency()).isEmpty();
        assertThat(p.requestThroughputPerSecond()).isNaN();
        assertThat(p.benchmarkDurationSeconds()).isNaN();
        assertThat(p.requestCount()).hasValue(0);
        assertThat(p.errorRequestCount()).hasValue(10);
        assertThat(p.tokens("error_isl").orElseThrow().p50Tokens()).isEqualTo(128.0);
        // 7 + 3
        assertThat(p.errorCount()).hasValue(10);
        ErrorDetails first = p.errorSummary().get(0).details();
        assertThat(first.code()).hasValue(500);
        assertThat(first.type()).contains("ServerError");
        assertThat(first.cause()).contains("OOM");
        assertThat(first.isCancellation()).isFalse();
        ErrorDetails second = p.errorSummary().get(1).details();
        assertThat(second.code()).isEmpty();
        assertThat(second.cause()).isEmpty();
        assertThat(p.gpus()).isEmpty();
        // 09:00:00.000001 in Berlin (CET, UTC+1) = 08:00:00.000001Z
        assertThat(p.startTime()).contains(Instant.parse("2026-01-10T08:00:00.000001Z"));
        assertThat(p.endTime()).contains(Instant.parse("2026-01-10T08:00:05Z"));
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("tiny-model");
        assertThat(c.url()).contains("http://localhost:8080");
        assertThat(c.requestRatePerSecond()).isEqualTo(4.5);
        assertThat(c.warmupRequestCount()).hasValue(0);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(128.0);
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(64.0);
        assertThat(c.outputSequenceLengthStddevTokens()).isNaN();
    }

    @Test
    void nullMetricsAndNullStatisticsAreAbsent() {
        AiperfProfile p = TestFiles.profile("fixtures/metric-null.json", ZoneId.of("UTC"));

        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        assertThat(p.timeToFirstToken()).isEmpty();
        assertThat(p.metric("goodput")).isEmpty();
        LatencyStats rl = p.requestLatency().orElseThrow();
        assertThat(rl.avgMillis()).isEqualTo(100.0);
        assertThat(rl.p50Millis()).isNaN();
        assertThat(rl.minMillis()).isNaN();
        assertThat(rl.stdMillis()).isNaN();
        assertThat(rl.p99Millis()).isEqualTo(150.0);
        assertThat(rl.maxMillis()).isEqualTo(160.0);
        assertThat(rl.stats().stats()).containsExactly(Stat.AVG, Stat.MAX, Stat.P99);
        assertThat(p.errorCount()).isEmpty(); // "error_summary": null
        assertThat(p.inputConfig().model()).isEmpty();
        assertThat(p.startTime()).isEmpty();
        assertThat(p.endTime()).contains(Instant.parse("2025-11-07T13:43:13.730640Z"));
    }

    @Test
    void unknownSchemaVersionReadsWhatItKnowsAndReportsTheUnknownUnit() {
        AiperfProfile p = TestFiles.profile("fixtures/unknown-schema.json", ZoneId.of("Asia/Tokyo"));

        assertThat(p.schemaVersion()).contains("9.7");
        LatencyStats ttft = p.timeToFirstToken().orElseThrow();
        assertThat(ttft.avgMillis()).isEqualTo(12.0);
        assertThat(ttft.p50Millis()).isEqualTo(11.0); // adj_p50, p999 and histogram ignored
        assertThat(ttft.count()).hasValue(5);
        assertThat(ttft.sumMillis()).isEqualTo(60.0);
        MetricStats rl = p.metric("request_latency").orElseThrow();
        assertThat(rl.unit()).isEqualTo(MetricUnit.OTHER);
        assertThat(rl.sourceUnit()).isEqualTo("fortnights");
        assertThat(rl.get(Stat.AVG)).isEqualTo(2.0); // kept as written
        assertThat(p.requestLatency()).isEmpty(); // not a time unit: no latency view
        assertThat(p.metric("brand_new_metric").orElseThrow().unit()).isEqualTo(MetricUnit.TOKENS_PER_SECOND);
        assertThat(p.metric("branch_stats")).isEmpty();
        assertThat(p.report().issues()).extracting(ReadIssue::location).containsExactly("$.request_latency.unit");
        assertThat(p.report().issues().get(0).message()).contains("fortnights", "kept as written");
        // explicit offsets win over the zone
        assertThat(p.startTime()).contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(p.endTime()).contains(Instant.parse("2026-03-01T09:00:30Z"));
        // BenchmarkConfig shapes: models.items, phases as a map (warm-up by exclude_from_results), datasets as a map
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("model-from-items");
        assertThat(c.concurrency()).hasValue(3);
        assertThat(c.requestRatePerSecond()).isEqualTo(2.5);
        assertThat(c.requestCount()).hasValue(50);
        assertThat(c.warmupRequestCount()).hasValue(5);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(512.0);
        assertThat(c.inputSequenceLengthStddevTokens()).isNaN();
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(128.0);
        assertThat(c.outputSequenceLengthStddevTokens()).isEqualTo(8.0);
        assertThat(c.cliCommand()).contains("aiperf profile --from-run-info");
    }

    @Test
    void genaiPerfFlatConfigTelemetryStatsAndGoodputAlias() {
        AiperfProfile p = TestFiles.profile("fixtures/genai-perf.json", ZoneId.of("UTC"));

        assertThat(p.layout()).isEqualTo(AiperfLayout.GENAI_PERF);
        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        assertThat(p.metric("goodput").orElseThrow().sourceName()).isEqualTo("request_goodput");
        assertThat(p.metric("request_goodput").orElseThrow().get(Stat.AVG)).isEqualTo(5.0);
        assertThat(p.requestCount()).hasValue(70); // unit "count" equals aiperf's "requests"
        assertThat(p.timeToFirstToken().orElseThrow().p50Millis()).isEqualTo(16.0);
        assertThat(p.requestLatency().orElseThrow().p10Millis()).isEqualTo(7.5);
        assertThat(p.startTime()).isEmpty();
        assertThat(p.errorCount()).isEmpty();
        assertThat(p.wasCancelled()).isEmpty();
        assertThat(p.gpus()).hasSize(2);
        GpuSummary gpu0 = p.gpus().get(0);
        assertThat(gpu0.gpuKey()).isEqualTo("gpu0");
        assertThat(gpu0.gpuIndex()).hasValue(0);
        assertThat(gpu0.endpoint()).isEmpty();
        assertThat(gpu0.powerWatts().orElseThrow().get(Stat.P50)).isEqualTo(81.0);
        // 1.5 MJ = 1,500,000 J
        assertThat(gpu0.energyJoules().orElseThrow().get(Stat.AVG)).isEqualTo(1.5e6);
        assertThat(gpu0.metrics().get("gpu_utilization").unit()).isEqualTo(MetricUnit.PERCENT);
        assertThat(p.gpus().get(1).gpuIndex()).hasValue(1);
        assertThat(p.gpus().get(1).powerWatts().orElseThrow().get(Stat.AVG)).isEqualTo(60.25);
        assertThat(p.gpus().get(1).energyJoules()).isEmpty();
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("gpt2_vllm");
        assertThat(c.endpointType()).contains("chat");
        assertThat(c.url()).contains("localhost:8001");
        assertThat(c.streaming()).contains(true);
        assertThat(c.concurrency()).hasValue(1);
        assertThat(c.requestCount()).hasValue(0);
        assertThat(c.warmupRequestCount()).hasValue(2);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(550.0);
        assertThat(c.outputSequenceLengthMeanTokens()).isNaN(); // -1: genai-perf's "not set"
        assertThat(c.requestRatePerSecond()).isNaN();
    }

    @Test
    void genaiPerfNestedConfig() {
        AiperfProfile p = TestFiles.profile("fixtures/genai-perf-nested.json", ZoneId.of("UTC"));

        assertThat(p.layout()).isEqualTo(AiperfLayout.GENAI_PERF);
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("llama-3-8b");
        assertThat(c.streaming()).contains(false);
        assertThat(c.url()).contains("localhost:9000");
        assertThat(c.requestRatePerSecond()).isEqualTo(16.0);
        assertThat(c.concurrency()).isEmpty();
        assertThat(c.warmupRequestCount()).hasValue(4);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(300.0);
        assertThat(c.inputSequenceLengthStddevTokens()).isEqualTo(10.0);
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(100.0);
        assertThat(c.outputSequenceLengthStddevTokens()).isEqualTo(5.0);
        assertThat(p.timeToFirstToken().orElseThrow().p50Millis()).isEqualTo(39.0);
    }

    @Test
    void schema15TimeUnitsTelemetryAndWarmupMetrics() {
        AiperfProfile p = TestFiles.profile("fixtures/schema-1.5-telemetry-warmup.json", ZoneId.of("UTC"));

        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        // 1.25 s = 1250 ms; sum 10 s = 10000 ms; count is never converted
        LatencyStats rl = p.requestLatency().orElseThrow();
        assertThat(rl.avgMillis()).isEqualTo(1250.0);
        assertThat(rl.sumMillis()).isEqualTo(10000.0);
        assertThat(rl.stdMillis()).isCloseTo(100.0, within(1e-9));
        assertThat(rl.count()).hasValue(8);
        assertThat(rl.valueIn(Stat.AVG, TimeUnit.SECONDS)).isEqualTo(1.25);
        assertThat(rl.valueIn(Stat.AVG, TimeUnit.MICROSECONDS)).isEqualTo(1_250_000.0);
        assertThat(rl.valueIn(Stat.COUNT, TimeUnit.SECONDS)).isEqualTo(8.0);
        assertThat(rl.valueIn(Stat.P99, TimeUnit.SECONDS)).isNaN();
        // 45000 us = 45 ms; 9,000,000 ns = 9 ms
        assertThat(p.timeToFirstToken().orElseThrow().avgMillis()).isEqualTo(45.0);
        assertThat(p.interTokenLatency().orElseThrow().p90Millis()).isEqualTo(9.5);
        assertThat(p.metric("total_gpu_energy").orElseThrow().unit()).isEqualTo(MetricUnit.JOULES);
        assertThat(p.metric("output_tokens_per_joule").orElseThrow().unit()).isEqualTo(MetricUnit.TOKENS_PER_JOULE);
        GpuSummary gpu = p.gpus().get(0);
        assertThat(gpu.platform()).contains("nvidia");
        assertThat(gpu.gpuUuid()).contains("GPU-1");
        assertThat(gpu.endpoint()).isEqualTo("pynvml://localhost");
        assertThat(gpu.powerWatts().orElseThrow().get(Stat.AVG)).isEqualTo(310.0);
        // 0.003 MJ = 3000 J
        assertThat(gpu.energyJoules().orElseThrow().get(Stat.AVG)).isCloseTo(3000.0, within(1e-9));
        assertThat(p.warmupMetrics()).containsOnlyKeys("request_latency");
        assertThat(p.warmupMetrics().get("request_latency").count()).hasValue(32);
        assertThat(p.startTime()).contains(Instant.parse("2026-05-01T12:00:00.5Z"));
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("m15");
        assertThat(c.endpointType()).contains("completions");
        assertThat(c.concurrency()).hasValue(16);
        assertThat(c.requestCount()).hasValue(160);
        assertThat(c.warmupRequestCount()).hasValue(32);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(256.0);
        assertThat(c.inputSequenceLengthStddevTokens()).isEqualTo(16.0);
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(64.0);
        assertThat(c.outputSequenceLengthStddevTokens()).isNaN();
        assertThat(c.cliCommand()).contains("aiperf profile --isl 256");
    }
}
