package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.RecordOptions;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.ExclusionReason;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerSample;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two methods on hand-built inputs, without files. */
class MethodsTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_780_000_000L * S;

    /**
     * A cell of {@code n} back-to-back requests of {@code rlMillis} with {@code ttftMillis}, starting 2 s after the
     * log, under a constant {@code watts} sampled every 0.5 s from {@code T0}; the first {@code failed} requests fail.
     * aiperf's files are written as text and read by the aiperf module, as the reader does.
     */
    static CellInputs cell(
            double ttftMillis, double rlMillis, double watts, int isl, int osl, int n, double tokS, int failed) {
        long start = T0 + 2 * S;
        StringBuilder jsonl = new StringBuilder();
        long t = start;
        for (int i = 0; i < n; i++) {
            long end = t + Math.round(rlMillis * 1e6);
            jsonl.append("{\"metadata\":{\"request_start_ns\":")
                    .append(t)
                    .append(",\"request_ack_ns\":")
                    .append(t + 2_000_000)
                    .append(",\"request_end_ns\":")
                    .append(end)
                    .append(",\"benchmark_phase\":\"profiling\"},\"metrics\":{")
                    .append(
                            i >= failed
                                    ? "\"time_to_first_token\":{\"value\":" + ttftMillis + ",\"unit\":\"ms\"},"
                                    : "")
                    .append("\"input_sequence_length\":{\"value\":")
                    .append(isl)
                    .append(",\"unit\":\"tokens\"},\"output_sequence_length\":{\"value\":")
                    .append(osl)
                    .append(",\"unit\":\"tokens\"}}")
                    .append(
                            i >= failed
                                    ? ""
                                    : ",\"error\":{\"code\":500,\"type\":\"ServerError\",\"message\":\"boom\"}")
                    .append("}\n");
            t = end;
        }
        long end = t;
        String summary = "{\"time_to_first_token\":" + stats("ms", ttftMillis)
                + ",\"inter_token_latency\":" + stats("ms", (rlMillis - ttftMillis) / (osl - 1))
                + ",\"request_latency\":" + stats("ms", rlMillis)
                + ",\"output_token_throughput_per_user\":" + stats("tokens/sec/user", tokS)
                + ",\"input_sequence_length\":" + stats("tokens", isl)
                + ",\"output_sequence_length\":" + stats("tokens", osl)
                + ",\"request_count\":{\"unit\":\"requests\",\"avg\":" + (n - failed) + "}"
                + ",\"start_time\":\"" + local(start) + "\",\"end_time\":\"" + local(end) + "\"}";
        int samples = (int) ((end - T0) / (S / 2)) + 5;
        long[] times = new long[samples];
        double[] w = new double[samples];
        List<PowerSample> stamped = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            times[i] = T0 + i * (S / 2);
            stamped.add(PowerSample.of((times[i] / S) * S, watts));
            w[i] = watts;
        }
        PowerLog power = new PowerLog(
                Optional.of(PowerTrace.of(times, w)),
                "VDD_CPU_GPU_CV",
                Optional.empty(),
                List.of("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"),
                stamped,
                List.of(),
                0,
                Double.NaN,
                samples,
                List.of(),
                false,
                0);
        try {
            AiperfProfile profile = AiperfProfile.read(
                    new ByteArrayInputStream(summary.getBytes(StandardCharsets.UTF_8)), "summary", ZoneOffset.UTC);
            List<RequestRecord> records = new ArrayList<>();
            try (AiperfRecords r = AiperfRecords.open(
                    new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)),
                    "records",
                    RecordOptions.defaults().withStrict(true))) {
                r.forEach(records::add);
            }
            return new CellInputs(
                    CellId.of("m", "25W", "llamacpp", isl, osl),
                    Path.of("cell"),
                    profile,
                    Optional.of(TimeWindow.of(start, end)),
                    records,
                    n,
                    failed,
                    power,
                    new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stats(String unit, double value) {
        return "{\"unit\":\"" + unit + "\",\"avg\":" + value + ",\"p50\":" + value + ",\"count\":20}";
    }

    private static String local(long epochNanos) {
        return LocalDateTime.ofEpochSecond(epochNanos / S, (int) (epochNanos % S), ZoneOffset.UTC)
                .toString();
    }

    /**
     * Seed Table 15 rows of the four ~1B models, whose outputs were complete (256 tokens): TTFT p50 ms, ITL p50 ms,
     * power W, published output tok/J. The seed's J.3 formula {@code OSL / (P · RL_p50)} with {@code RL = TTFT + 255 ·
     * ITL} gives the published values.
     */
    static final double[][] TABLE_15 = {
        {4227.6, 72.98, 2.34, 4.79},
        {1510.0, 27.06, 5.96, 5.10},
        {1033.7, 18.49, 8.46, 5.26},
        {1008.0, 19.00, 9.79, 4.47},
        {2875.1, 70.62, 1.98, 6.19},
        {1113.4, 29.52, 5.02, 5.90},
        {771.0, 20.25, 6.89, 6.26},
        {700.3, 18.45, 8.19, 5.78},
        {4000.2, 82.88, 2.26, 4.51},
        {1432.1, 31.00, 6.04, 4.54},
        {982.7, 21.27, 8.56, 4.67},
        {890.5, 19.27, 10.54, 4.19},
        {3817.6, 89.08, 1.96, 4.92},
        {1442.3, 35.57, 5.01, 4.85},
        {1000.1, 24.51, 6.87, 5.14},
        {900.2, 22.60, 8.62, 4.46}
    };

    @Test
    void seedCompatibleReproducesTheSeedsPublishedTable15TokensPerJoule() {
        for (double[] row : TABLE_15) {
            double rl = row[0] + 255 * row[1];
            CellMetrics m = SeedMethod.compute(
                            cell(row[0], rl, row[2], 2048, 256, 20, 1000 / row[1], 0), AnalysisOptions.defaults())
                    .metrics();
            // inputs rounded as printed (P to 0.01 W, TTFT to 0.1 ms, ITL to 0.01 ms) move the result by up to
            // 0.15 %, the published 2-decimal rounding by up to 0.12 %
            assertThat(m.outputTokensPerJoule(OutputTokJVariant.REQUEST))
                    .as("Table 15 row %s", java.util.Arrays.toString(row))
                    .isCloseTo(row[3], within(row[3] * 0.0025));
            assertThat(m.watts(PowerStatistic.SAMPLE_MEDIAN)).isEqualTo(row[2]);
        }
    }

    @Test
    void seedCompatibleEnergiesFollowTheCorrectedScript() {
        // Llama3.2-1B 25W: TTFT 982.7 ms, RL = 982.7 + 255 · 21.27 = 6406.55 ms, P = 8.56 W everywhere
        CellMetrics m = SeedMethod.compute(
                        cell(982.7, 6406.55, 8.56, 2048, 256, 20, 47.0, 0), AnalysisOptions.defaults())
                .metrics();
        // prefill_J = 8.56 · 0.9827 = 8.411912; decode_J = 8.56 · 5.42385 = 46.428156; total 54.840068
        assertThat(m.prefillJoulesPerRequest()).isCloseTo(8.411912, within(1e-9));
        assertThat(m.decodeJoulesPerRequest()).isCloseTo(46.428156, within(1e-9));
        assertThat(m.totalJoulesPerRequest()).isCloseTo(54.840068, within(1e-9));
        // DECODE_PHASE = 256 / 46.428156 = 5.51389…; THROUGHPUT = 47.0 / 8.56 = 5.49065…
        assertThat(m.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)).isCloseTo(256 / 46.428156, within(1e-9));
        assertThat(m.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isCloseTo(47.0 / 8.56, within(1e-12));
        // total tok/J = (2048 + 256) / 54.840068
        assertThat(m.totalTokensPerJoule()).isCloseTo(2304 / 54.840068, within(1e-9));
        assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isFalse(); // TTFT p50 982.7 ≥ 500 ms
        CellMetrics fast = SeedMethod.compute(
                        cell(308.7, 1854, 5.74, 2048, 256, 20, 165, 0), AnalysisOptions.defaults())
                .metrics();
        assertThat(fast.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isTrue(); // 308.7 ms < 500 ms: the seed's rule
        assertThat(fast.rail()).contains("VDD_CPU_GPU_CV");
    }

    @Test
    void measuredIntegratesEachRequestUnderConstantPower() {
        // 10 requests of 4 s, TTFT 1 s, at 5 W: prefill 5 J, decode 15 J, total 20 J per request
        CellMetrics m = MeasuredMethod.compute(cell(1000, 4000, 5, 512, 64, 10, 20, 2), AnalysisOptions.defaults())
                .metrics();
        assertThat(m.prefillJoulesPerRequest()).isCloseTo(5, within(1e-9));
        assertThat(m.decodeJoulesPerRequest()).isCloseTo(15, within(1e-9));
        assertThat(m.totalJoulesPerRequest()).isCloseTo(20, within(1e-9));
        // ratio of sums over the 8 successful requests: 8 · 64 / (8 · 20) = 3.2 output tok/J
        assertThat(m.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(3.2, within(1e-9));
        assertThat(m.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)).isCloseTo(64 / 15.0, within(1e-9));
        // THROUGHPUT = tok_s / serving power = 20 / 5
        assertThat(m.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isCloseTo(4, within(1e-9));
        assertThat(m.prefillTokensPerJoule()).isCloseTo(512 / 5.0, within(1e-9));
        assertThat(m.totalTokensPerJoule()).isCloseTo(576 / 20.0, within(1e-9));
        assertThat(m.millijoulesPerOutputToken()).isCloseTo(1000 * 15 / 64.0, within(1e-9));
        assertThat(m.prefillWatts()).isCloseTo(5, within(1e-9));
        assertThat(m.servingWatts()).isCloseTo(5, within(1e-9));
        assertThat(m.watts(PowerStatistic.TIME_WEIGHTED_MEAN)).isCloseTo(5, within(1e-9));
        assertThat(m.requestJoules().count()).isEqualTo(8);
        assertThat(m.errorCount()).isEqualTo(2);
        assertThat(m.hasFlag(AccuracyFlag.REQUEST_ERRORS)).isTrue();
        // a 1 s prefill window at 0.5 s sampling holds 3 samples: not undersampled
        assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isFalse();
        assertThat(m.hasFlag(AccuracyFlag.WINDOW_OUTSIDE_TRACE)).isFalse();
    }

    @Test
    void measuredFlagsShortPrefillWindowsAndLengthMismatch() {
        // TTFT 100 ms between samples 0.5 s apart: at most one sample inside each prefill, but every reading is
        // 5 W, so the prefill interval is narrow: the flag states the interval, not the sample count
        CellMetrics m = MeasuredMethod.compute(cell(100, 4000, 5, 512, 64, 4, 20, 0), AnalysisOptions.defaults())
                .metrics();
        assertThat(m.prefillJoulesPerRequest()).isCloseTo(0.5, within(1e-9)); // 5 W x 0.1 s
        Ci95 prefill = m.ci95(CellMetric.PREFILL_JOULES_PER_REQUEST).orElseThrow();
        assertThat(prefill.contains(0.5)).isTrue();
        assertThat((prefill.high() - prefill.low()) / (2 * 0.5)).isLessThanOrEqualTo(0.10);
        assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isFalse();
        // realised OSL 64 against a target of 64: no mismatch; ISL equal too
        assertThat(m.hasFlag(AccuracyFlag.OUTPUT_LENGTH_MISMATCH)).isFalse();
        assertThat(m.hasFlag(AccuracyFlag.INPUT_LENGTH_MISMATCH)).isFalse();
    }

    @Test
    void measuredExcludesARequestThePowerTraceDoesNotCoverInsteadOfExtrapolating() {
        // 4 requests of 4 s from T0 + 2 s; the trace starts at T0 + 3 s, inside the first request
        CellInputs in = cell(1000, 4000, 5, 512, 64, 4, 20, 0);
        PowerTrace whole = in.power().trace().orElseThrow();
        PowerTrace late = whole.slice(TimeWindow.of(T0 + 3 * S, whole.epochNanosAt(whole.size() - 1)));
        CellInputs cut = new CellInputs(
                in.id(),
                in.directory(),
                in.summary(),
                in.profilingWindow(),
                in.records(),
                in.requestCount(),
                in.errorCount(),
                new PowerLog(
                        Optional.of(late),
                        "VDD_CPU_GPU_CV",
                        Optional.empty(),
                        List.of("VDD_CPU_GPU_CV"),
                        List.of(),
                        List.of(),
                        0,
                        Double.NaN,
                        late.size(),
                        List.of(),
                        false,
                        0),
                new ArrayList<>());
        AnalyzedCell c = MeasuredMethod.compute(cut, AnalysisOptions.defaults());
        CellAttribution a = c.attribution().orElseThrow();
        assertThat(a.excludedCount(ExclusionReason.PARTLY_OUTSIDE_TRACE)).isEqualTo(1);
        assertThat(a.excluded().get(0).index()).isZero();
        assertThat(c.requests()).extracting(AttributedRequest::index).containsExactly(1, 2, 3);
        // the other three: 5 W x 4 s = 20 J each, 64 / 20 = 3.2 output tok/J
        assertThat(c.metrics().requestJoules().count()).isEqualTo(3);
        assertThat(c.metrics().totalJoulesPerRequest()).isCloseTo(20, within(1e-9));
        assertThat(c.metrics().outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(3.2, within(1e-9));
        // aiperf's window starts before the trace: flagged, as before
        assertThat(c.metrics().hasFlag(AccuracyFlag.WINDOW_OUTSIDE_TRACE)).isTrue();
    }

    @Test
    void theMeasuredMethodRunsTheEstimatorOfItsOptions() {
        assertThat(AnalysisOptions.defaults().estimator().name()).isEqualTo("AUTO");
        EnergyEstimator renamed = new EnergyEstimator() {
            @Override
            public String name() {
                return "RENAMED";
            }

            @Override
            public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
                CellAttribution a = EnergyEstimators.perRequest().attribute(trace, requests);
                return new CellAttribution(name(), a.requests(), a.excluded(), a.cell());
            }
        };
        AnalyzedCell c = MeasuredMethod.compute(
                cell(1000, 4000, 5, 512, 64, 10, 20, 2),
                AnalysisOptions.defaults().withEstimator(renamed));
        CellAttribution a = c.attribution().orElseThrow();
        assertThat(a.estimator()).isEqualTo("RENAMED");
        // the 2 failed requests are excluded as FAILED, the 8 others attributed
        assertThat(a.excludedCount(ExclusionReason.FAILED)).isEqualTo(2);
        assertThat(a.requests()).hasSize(8);
    }
}
