package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.stats.Summary;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Per-request records → core {@link Summary} (mean, population std, numpy-linear percentiles) → the summary file's
 * statistics, on a complete run that has both files (corpus/derived, see SOURCES.md).
 */
class RecomputationTest {

    private static final String RECORDS = "corpus/derived/ai-dynamo_plot-fixture-llama-c4-profile-export.scalars.jsonl";
    private static final String SUMMARY =
            "corpus/derived/ai-dynamo_plot-fixture-llama-c4-profile-export-aiperf.metrics.json";
    /**
     * aiperf sums in another order than Commons Statistics (and numpy): the statistics agree to a few ulps, the worst
     * case here being the mean of ITL (19.562400243168973 in the file, ...966 by numpy over the same values).
     */
    private static final double RELATIVE = 1e-14;

    private static AiperfRecords.MetricValues collect(String file, String metric, MetricUnit unit) throws IOException {
        return AiperfRecords.collect(TestFiles.path(file), metric, unit, RecordOptions.defaults());
    }

    private static void assertSame(Summary recomputed, Summary file, String metric) {
        double[] a = stats(recomputed);
        double[] b = stats(file);
        String[] names = {"mean", "std", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i])
                    .as(metric + " " + names[i])
                    .isCloseTo(b[i], within(Math.max(Math.abs(b[i]) * RELATIVE, 1e-15)));
        }
    }

    private static double[] stats(Summary s) {
        return new double[] {
            s.mean(), s.std(), s.min(), s.max(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95(),
            s.p99()
        };
    }

    @Test
    void recomputedSummariesEqualTheSummaryFileOnACompleteRun() throws IOException {
        AiperfProfile profile = TestFiles.profile(SUMMARY, ZoneId.of("UTC"));
        assertThat(profile.report().isClean()).isTrue();
        List<String> checked = new ArrayList<>();
        for (String metric : List.of(
                "time_to_first_token",
                "time_to_second_token",
                "request_latency",
                "inter_token_latency",
                "output_token_throughput_per_user",
                "input_sequence_length",
                "output_sequence_length")) {
            MetricStats fromFile = profile.metric(metric).orElseThrow();
            AiperfRecords.MetricValues values = collect(RECORDS, metric, fromFile.unit());
            assertThat(values.values()).as(metric).hasSize(64);
            assertThat(values.report().isClean()).isTrue();
            assertSame(values.summary(), fromFile.toSummary(), metric);
            checked.add(metric);
        }
        assertThat(checked).hasSize(7);
        // 64 successful profiling records = request_count
        assertThat(profile.requestCount()).hasValue(64);
        // and the exact ones, by hand from the file: TTFT p50 38.7542805 ms, RL p99 4220.479373679999 ms
        Summary ttft =
                collect(RECORDS, "time_to_first_token", MetricUnit.MILLISECONDS).summary();
        assertThat(ttft.p50()).isEqualTo(38.7542805);
        assertThat(ttft.count()).isEqualTo(64);
        assertThat(collect(RECORDS, "request_latency", MetricUnit.MILLISECONDS)
                        .summary()
                        .p99())
                .isEqualTo(4220.479373679999);
    }

    @Test
    void benchmarkDurationAndTimestampsFollowFromTheRecords() throws IOException {
        AiperfProfile profile = TestFiles.profile(SUMMARY, ZoneId.of("UTC"));
        long firstStart = Long.MAX_VALUE;
        double lastEnd = Double.NEGATIVE_INFINITY;
        try (AiperfRecords records = AiperfRecords.open(TestFiles.path(RECORDS))) {
            for (RequestRecord r : records) {
                long start = r.requestStartEpochNanos().getAsLong();
                firstStart = Math.min(firstStart, start);
                lastEnd = Math.max(lastEnd, start + r.requestLatencyMillis() * 1e6);
            }
        }
        // docs/reference/aiperf-format.md §3: benchmark_duration = max(start + RL) - min(start) = 68.157513694 s in the
        // file;
        // RL is a perf_counter delta in ns there, a rounded ms double here: agreement to well under a microsecond
        assertThat((lastEnd - firstStart) / 1e9).isCloseTo(profile.benchmarkDurationSeconds(), within(1e-6));
        // min_request_timestamp 1.761254710476273e18 ns (as ms after conversion) is the first request start
        assertThat(profile.metric("min_request_timestamp").orElseThrow().get(Stat.AVG))
                .isCloseTo(firstStart / 1e6, Offset.offset(1e-3));
    }

    @Test
    void theTenRecordPlotFixtureGivesNumpysValuesAndStaysInsideItsRunsRange() throws IOException {
        // numpy over the corpus file's 10 records (np.mean, np.std, np.percentile linear), computed independently:
        // TTFT mean 31.2755395, std 1.0221382538232533, p50 31.4261615, p90 32.7058357, p99 32.82070747;
        // ICL (1990 pooled gaps) mean 18.08224939698492, std 0.772751546958738, p50 17.9842, p90 18.9985122,
        // p99 20.35359358. The run's summary covers 64 records, so only its range can be checked.
        Summary ttft = collect(TestFiles.PLOT_RECORDS, "time_to_first_token", MetricUnit.MILLISECONDS)
                .summary();
        assertThat(ttft.count()).isEqualTo(10);
        assertThat(ttft.mean()).isCloseTo(31.2755395, within(1e-12));
        assertThat(ttft.std()).isCloseTo(1.0221382538232533, within(1e-12));
        assertThat(ttft.p50()).isCloseTo(31.4261615, within(1e-12));
        assertThat(ttft.p90()).isCloseTo(32.7058357, within(1e-12));
        assertThat(ttft.p99()).isCloseTo(32.82070747, within(1e-12));
        Summary icl = collect(TestFiles.PLOT_RECORDS, "inter_chunk_latency", MetricUnit.MILLISECONDS)
                .summary();
        assertThat(icl.count()).isEqualTo(1990);
        assertThat(icl.mean()).isCloseTo(18.08224939698492, within(1e-12));
        assertThat(icl.std()).isCloseTo(0.772751546958738, within(1e-12));
        assertThat(icl.p50()).isCloseTo(17.9842, within(1e-12));
        assertThat(icl.p90()).isCloseTo(18.9985122, within(1e-12));
        assertThat(icl.p99()).isCloseTo(20.35359358, within(1e-12));

        AiperfProfile run = TestFiles.profile(TestFiles.PLOT_SUMMARY, ZoneId.of("UTC"));
        for (String metric :
                List.of("time_to_first_token", "request_latency", "inter_token_latency", "inter_chunk_latency")) {
            Summary part = collect(TestFiles.PLOT_RECORDS, metric, MetricUnit.MILLISECONDS)
                    .summary();
            Summary whole = run.metric(metric).orElseThrow().toSummary();
            assertThat(part.min()).as(metric).isGreaterThanOrEqualTo(whole.min());
            assertThat(part.max()).as(metric).isLessThanOrEqualTo(whole.max());
        }
    }

    @Test
    void summaryOfAFileMetricKeepsWhatTheFileHas() {
        MetricStats legacy = TestFiles.profile(TestFiles.LEGACY, ZoneId.of("UTC"))
                .metric("ttft")
                .orElseThrow();
        Summary s = legacy.toSummary();
        assertThat(s.count()).isEqualTo(89);
        assertThat(s.p50()).isEqualTo(2369.317693);
        assertThat(s.p10()).isNaN(); // no p10 in the legacy layout
        Summary scalar = TestFiles.profile(TestFiles.LEGACY, ZoneId.of("UTC"))
                .metric("request_throughput")
                .orElseThrow()
                .toSummary();
        assertThat(scalar.mean()).isEqualTo(9.551622221540914);
        assertThat(scalar.std()).isNaN();
        assertThat(scalar.count()).isEqualTo(1); // the legacy layout writes count 1 for scalars
        AiperfRecords.MetricValues none = new AiperfRecords.MetricValues(
                "x",
                MetricUnit.MILLISECONDS,
                new double[0],
                new JsonLinesReport("s", 0, 0, 0, 0, 0, 0, 0, List.of(), 0, Set.of()));
        assertThat(none.summary().isEmpty()).isTrue();
        assertThat(none.unit()).isEqualTo(MetricUnit.MILLISECONDS);
    }
}
