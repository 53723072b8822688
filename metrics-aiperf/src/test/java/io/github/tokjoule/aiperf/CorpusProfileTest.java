package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every summary file of the corpus, with values read off the files by eye (see corpus/SOURCES.md). */
class CorpusProfileTest {

    private static final double EXACT = 1e-12;

    @Test
    void legacyRecordsLayoutV01() {
        AiperfProfile p = TestFiles.profile(TestFiles.LEGACY, ZoneId.of("America/Los_Angeles"));

        assertThat(p.layout()).isEqualTo(AiperfLayout.RECORDS);
        assertThat(p.schemaVersion()).isEmpty();
        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        // "ttft" is mapped to the flat layout's name; the file's key is kept as the source name
        LatencyStats ttft = p.timeToFirstToken().orElseThrow();
        assertThat(ttft.stats().sourceName()).isEqualTo("ttft");
        assertThat(ttft.p50Millis()).isEqualTo(2369.317693);
        assertThat(ttft.p99Millis()).isEqualTo(3833.3894000399996);
        assertThat(ttft.stdMillis()).isEqualTo(1049.8164554204095);
        assertThat(ttft.p10Millis()).isNaN(); // no p10 before 0.2.0
        assertThat(ttft.count()).hasValue(89);
        assertThat(p.metric("ttft")).contains(ttft.stats());
        assertThat(p.timeToSecondToken().orElseThrow().avgMillis()).isEqualTo(120.16625153932584);
        assertThat(p.interChunkLatency().orElseThrow().count()).hasValue(21537);
        assertThat(p.outputSequenceLength().orElseThrow().p5Tokens()).isEqualTo(228.6);
        assertThat(p.outputTokenThroughputPerUser().orElseThrow().get(Stat.AVG)).isEqualTo(36.68434853220158);
        // scalar metrics: nulls for every statistic but avg (and the meaningless count 1)
        assertThat(p.requestCount()).hasValue(89);
        assertThat(p.errorRequestCount()).hasValue(11);
        assertThat(p.metric("request_count").orElseThrow().isDistribution()).isFalse();
        assertThat(p.benchmarkDurationSeconds()).isCloseTo(9.317788951, within(EXACT));
        assertThat(p.requestThroughputPerSecond()).isEqualTo(9.551622221540914);
        assertThat(p.outputTokenThroughputTokensPerSecond()).isEqualTo(2320.7222350404572);
        // "ns" converts to milliseconds: 1.759522419154569e18 ns = 1.759522419154569e12 ms
        MetricStats minTs = p.metric("min_request_timestamp").orElseThrow();
        assertThat(minTs.unit()).isEqualTo(MetricUnit.MILLISECONDS);
        assertThat(minTs.get(Stat.AVG)).isCloseTo(1.759522419154569e12, within(1e-3));
        // 2025-10-03T13:13:39.146443 in Los Angeles (PDT, UTC-7) = 20:13:39.146443Z
        assertThat(p.startTime()).contains(Instant.parse("2025-10-03T20:13:39.146443Z"));
        assertThat(p.endTime()).contains(Instant.parse("2025-10-03T20:13:48.474205Z"));
        assertThat(p.startTimeText()).contains("2025-10-03T13:13:39.146443");
        assertThat(p.wasCancelled()).contains(false);
        assertThat(p.errorCount()).hasValue(11);
        ErrorCount error = p.errorSummary().get(0);
        assertThat(error.count()).isEqualTo(11);
        assertThat(error.details().code()).hasValue(499);
        assertThat(error.details().isCancellation()).isTrue();
        assertThat(error.details().message()).contains("Request was cancelled after 0.000 seconds");
        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("openai/gpt-oss-20b");
        assertThat(c.endpointType()).contains("chat");
        assertThat(c.url()).contains("localhost:9000");
        assertThat(c.streaming()).contains(true);
        assertThat(c.concurrency()).hasValue(100);
        assertThat(c.requestCount()).hasValue(100);
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(250.0);
        assertThat(c.inputSequenceLengthMeanTokens()).isNaN();
        assertThat(c.warmupRequestCount()).isEmpty();
        assertThat(c.cliCommand().orElseThrow()).startsWith("aiperf profile -m \"openai/gpt-oss-20b\"");
        assertThat(p.gpus()).isEmpty();
        assertThat(p.warmupMetrics()).isEmpty();
    }

    @Test
    void flatLayoutPlotFixtureWithTelemetryAndNullMetrics() {
        AiperfProfile p = TestFiles.profile(TestFiles.PLOT_SUMMARY, ZoneId.of("Asia/Kolkata"));

        assertThat(p.layout()).isEqualTo(AiperfLayout.FLAT);
        assertThat(p.schemaVersion()).isEmpty();
        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        LatencyStats ttft = p.timeToFirstToken().orElseThrow();
        assertThat(ttft.p50Millis()).isEqualTo(30.668547999999998);
        assertThat(ttft.p10Millis()).isEqualTo(29.051044199999996);
        assertThat(ttft.count()).isEmpty(); // count arrives with schema 1.1
        assertThat(p.requestLatency().orElseThrow().p90Millis()).isEqualTo(3710.542044);
        assertThat(p.interTokenLatency().orElseThrow().avgMillis()).isEqualTo(18.19909533160138);
        assertThat(p.inputSequenceLength().orElseThrow().avgTokens()).isEqualTo(100.0);
        assertThat(p.requestCount()).hasValue(64);
        // "goodput": null, "reasoning_token_count": null, "error_request_count": null -> absent
        assertThat(p.metric("goodput")).isEmpty();
        assertThat(p.metric("reasoning_token_count")).isEmpty();
        assertThat(p.errorRequestCount()).isEmpty();
        // prefill_throughput (tokens/sec, <= 0.3) is the old name of prefill_throughput_per_user
        MetricStats prefill = p.metric("prefill_throughput_per_user").orElseThrow();
        assertThat(prefill.sourceName()).isEqualTo("prefill_throughput");
        assertThat(prefill.unit()).isEqualTo(MetricUnit.TOKENS_PER_SECOND);
        assertThat(prefill.get(Stat.P50)).isEqualTo(3260.6696082508024);
        assertThat(p.timeToFirstOutputToken().orElseThrow().avgMillis()).isEqualTo(30.814987671875);
        // benchmark_duration 255.56017270100003 sec
        assertThat(p.benchmarkDurationSeconds()).isCloseTo(255.56017270100003, within(1e-9));
        assertThat(p.metric("benchmark_duration").orElseThrow().get(Stat.AVG))
                .isCloseTo(255560.17270100003, within(1e-6));
        // 13:38:54.793124 IST (+05:30) = 08:08:54.793124Z
        assertThat(p.startTime()).contains(Instant.parse("2025-11-07T08:08:54.793124Z"));
        assertThat(p.errorSummary()).isEmpty();
        assertThat(p.errorCount()).hasValue(0);

        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("Qwen/Qwen3-0.6B");
        assertThat(c.concurrency()).hasValue(1);
        assertThat(c.requestCount()).hasValue(64);
        assertThat(c.warmupRequestCount()).hasValue(1);
        assertThat(c.inputSequenceLengthMeanTokens()).isEqualTo(100.0);
        assertThat(c.inputSequenceLengthStddevTokens()).isEqualTo(0.0);
        assertThat(c.outputSequenceLengthMeanTokens()).isEqualTo(200.0);
        assertThat(c.outputSequenceLengthStddevTokens()).isEqualTo(0.0);

        assertThat(p.gpus()).hasSize(2);
        GpuSummary gpu = p.gpus().get(0);
        assertThat(gpu.endpoint()).isEqualTo("localhost:9400");
        assertThat(gpu.gpuKey()).isEqualTo("gpu_0");
        assertThat(gpu.gpuIndex()).hasValue(0);
        assertThat(gpu.gpuName()).contains("NVIDIA RTX 6000 Ada Generation");
        assertThat(gpu.hostname()).contains("test-host-1");
        assertThat(gpu.platform()).isEmpty();
        assertThat(gpu.metrics()).hasSize(15);
        assertThat(gpu.powerWatts().orElseThrow().get(Stat.AVG)).isEqualTo(129.8854497206704);
        // energy_consumption avg 32.6402043566662 MJ = 32,640,204.3566662 J (a counter reading in 0.2/0.3)
        assertThat(gpu.energyJoules().orElseThrow().get(Stat.AVG)).isCloseTo(3.26402043566662e7, within(1e-6));
        assertThat(gpu.metrics().get("gpu_temperature").unit()).isEqualTo(MetricUnit.CELSIUS);
        // power_violation 1965327762271.9106 us = 1965327762.2719106 ms
        assertThat(gpu.metrics().get("power_violation").get(Stat.AVG)).isCloseTo(1965327762.2719107, within(1e-3));
        assertThat(p.gpus().get(1).hostname()).contains("test-host-2");
    }

    @Test
    void schema13Aiperf010() {
        AiperfProfile p = TestFiles.profile(TestFiles.ANUD18, ZoneId.of("UTC"));

        assertThat(p.layout()).isEqualTo(AiperfLayout.FLAT);
        assertThat(p.schemaVersion()).contains("1.3");
        assertThat(p.aiperfVersion()).contains("0.10.0");
        assertThat(p.benchmarkId()).contains("5e04df6a6d56");
        assertThat(p.report().isClean()).as(p.report().issues().toString()).isTrue();
        LatencyStats rl = p.requestLatency().orElseThrow();
        assertThat(rl.count()).hasValue(96);
        assertThat(rl.sumMillis()).isEqualTo(210169.893586);
        assertThat(rl.p50Millis()).isEqualTo(1789.1776195);
        assertThat(p.timeToFirstToken().orElseThrow().avgMillis()).isEqualTo(118.05834635416667);
        assertThat(p.interChunkLatency().orElseThrow().count()).hasValue(21804);
        assertThat(p.requestThroughputPerSecond()).isEqualTo(3.371709042256622);
        assertThat(p.metric("http_req_data_received").orElseThrow().unit()).isEqualTo(MetricUnit.KILOBYTES);
        assertThat(p.metric("http_req_connection_reused").orElseThrow().unit()).isEqualTo(MetricUnit.RATIO);
        assertThat(p.metric("osl_mismatch_diff_pct").orElseThrow().unit()).isEqualTo(MetricUnit.PERCENT);
        assertThat(p.metric("e2e_output_token_throughput").orElseThrow().unit())
                .isEqualTo(MetricUnit.TOKENS_PER_SECOND_PER_USER);
        assertThat(p.metric("total_token_throughput").orElseThrow().get(Stat.AVG))
                .isEqualTo(2345.761200242474);
        assertThat(p.metric("osl_mismatch_count").orElseThrow().unit()).isEqualTo(MetricUnit.COUNT);
        // 04:19:39.807147 read in UTC
        assertThat(p.startTime()).contains(Instant.parse("2026-07-03T04:19:39.807147Z"));
        assertThat(p.endTime()).contains(Instant.parse("2026-07-03T04:20:08.284362Z"));

        InputConfig c = p.inputConfig();
        assertThat(c.model()).contains("qwen3.6-nvfp4");
        assertThat(c.url()).contains("http://localhost:8000");
        assertThat(c.streaming()).contains(true);
        assertThat(c.concurrency()).hasValue(8);
        assertThat(c.requestCount()).hasValue(96);
        assertThat(c.warmupRequestCount()).hasValue(16);
        assertThat(c.inputSequenceLengthMeanTokens()).isNaN(); // a public dataset: no ISL target
        assertThat(c.cliCommand().orElseThrow()).startsWith("aiperf profile --model 'qwen3.6-nvfp4'");
        assertThat(c.requestRatePerSecond()).isNaN();
        assertThat(p.gpus()).isEmpty(); // "endpoints": {}
        assertThat(p.errorCount()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void legacyAndFlatLayoutsGiveTheSameAccessors() {
        // The same metric written in both layouts (legacy: tag/header/null stats, no p10; flat: no tag).
        String legacy = "{\"records\": {\"ttft\": {\"tag\": \"ttft\", \"unit\": \"ms\", \"header\": \"Time to First"
                + " Token\", \"avg\": 2.5, \"min\": 1.0, \"max\": 4.0, \"p1\": 1.03, \"p5\": 1.15, \"p25\": 1.75,"
                + " \"p50\": 2.5, \"p75\": 3.25, \"p90\": 3.7, \"p95\": 3.85, \"p99\": 3.97, \"std\": 1.118,"
                + " \"count\": 4}, \"request_count\": {\"tag\": \"request_count\", \"unit\": \"requests\", \"avg\":"
                + " 4.0, \"min\": null, \"p50\": null, \"count\": 1}}, \"start_time\": \"2025-01-01T00:00:00\"}";
        String flat = "{\"request_count\": {\"unit\": \"requests\", \"avg\": 4.0, \"count\": 1}, "
                + "\"time_to_first_token\": {\"unit\": \"ms\", \"avg\": 2.5, \"p1\": 1.03, \"p5\": 1.15, \"p25\": 1.75,"
                + " \"p50\": 2.5, \"p75\": 3.25, \"p90\": 3.7, \"p95\": 3.85, \"p99\": 3.97, \"min\": 1.0, \"max\": 4.0,"
                + " \"std\": 1.118, \"count\": 4}, \"start_time\": \"2025-01-01T00:00:00\"}";
        AiperfProfile a = TestFiles.json(legacy);
        AiperfProfile b = TestFiles.json(flat);

        assertThat(a.layout()).isEqualTo(AiperfLayout.RECORDS);
        assertThat(b.layout()).isEqualTo(AiperfLayout.FLAT);
        for (Stat s : Stat.values()) {
            assertThat(a.timeToFirstToken().orElseThrow().stats().get(s))
                    .as(s.key())
                    .isEqualByComparingTo(
                            b.timeToFirstToken().orElseThrow().stats().get(s)); // NaN = NaN
        }
        assertThat(a.timeToFirstToken().orElseThrow().stats().asMap())
                .isEqualTo(b.timeToFirstToken().orElseThrow().stats().asMap());
        assertThat(a.requestCount()).isEqualTo(b.requestCount()).hasValue(4);
        assertThat(a.metrics().keySet())
                .containsExactlyInAnyOrderElementsOf(b.metrics().keySet());
        assertThat(a.startTime()).isEqualTo(b.startTime()).contains(Instant.parse("2025-01-01T00:00:00Z"));
    }
}
