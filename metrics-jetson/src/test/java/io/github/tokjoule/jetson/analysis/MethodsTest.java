package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.stats.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two methods on hand-built inputs, without files. */
class MethodsTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_780_000_000L * S;

    private static Summary p50(double value) {
        return Summary.builder().count(20).percentile(50, value).mean(value).build();
    }

    /**
     * A cell of {@code n} back-to-back requests of {@code rlMillis} with {@code ttftMillis}, starting 2 s after the
     * log, under a constant {@code watts} sampled every 0.5 s from {@code T0}.
     */
    static CellInputs cell(
            double ttftMillis, double rlMillis, double watts, int isl, int osl, int n, double tokS, int failed) {
        long start = T0 + 2 * S;
        List<CellInputs.RequestRow> rows = new ArrayList<>();
        long t = start;
        for (int i = 0; i < n; i++) {
            long first = t + Math.round(ttftMillis * 1e6);
            long end = t + Math.round(rlMillis * 1e6);
            rows.add(new CellInputs.RequestRow(t, t + 2_000_000, first, end, isl, osl, i >= failed));
            t = end;
        }
        long end = t;
        int samples = (int) ((end - T0) / (S / 2)) + 5;
        long[] times = new long[samples];
        double[] w = new double[samples];
        long[] stamps = new long[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = T0 + i * (S / 2);
            stamps[i] = (times[i] / S) * S;
            w[i] = watts;
        }
        return new CellInputs(
                CellId.of("m", "25W", "llamacpp", isl, osl),
                Path.of("cell"),
                p50(ttftMillis),
                p50((rlMillis - ttftMillis) / (osl - 1)),
                p50(rlMillis),
                tokS,
                tokS,
                Double.NaN,
                Double.NaN,
                isl,
                isl,
                osl,
                osl,
                n,
                failed,
                n - failed,
                start,
                end,
                rows,
                Optional.of(PowerTrace.of(times, w)),
                "VDD_CPU_GPU_CV",
                Optional.empty(),
                List.of("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"),
                stamps,
                w,
                List.of(),
                S / 2,
                0,
                Double.NaN,
                samples,
                List.of());
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
            assertThat(m.watts(SweepResult.SAMPLE_MEDIAN)).isEqualTo(row[2]);
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
        assertThat(m.watts(SweepResult.REQUESTS_TIME_WEIGHTED_MEAN)).isCloseTo(5, within(1e-9));
        assertThat(m.watts(SweepResult.TIME_WEIGHTED_MEAN)).isCloseTo(5, within(1e-9));
        assertThat(m.requestJoules().count()).isEqualTo(8);
        assertThat(m.errorCount()).isEqualTo(2);
        assertThat(m.hasFlag(AccuracyFlag.REQUEST_ERRORS)).isTrue();
        // a 1 s prefill window at 0.5 s sampling holds 3 samples: not undersampled
        assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isFalse();
        assertThat(m.hasFlag(AccuracyFlag.WINDOW_OUTSIDE_TRACE)).isFalse();
    }

    @Test
    void measuredFlagsShortPrefillWindowsAndLengthMismatch() {
        // TTFT 100 ms between samples 0.5 s apart: at most one sample inside
        CellMetrics m = MeasuredMethod.compute(cell(100, 4000, 5, 512, 64, 4, 20, 0), AnalysisOptions.defaults())
                .metrics();
        assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isTrue();
        // realised OSL 64 against a target of 64: no mismatch; ISL equal too
        assertThat(m.hasFlag(AccuracyFlag.OUTPUT_LENGTH_MISMATCH)).isFalse();
        assertThat(m.hasFlag(AccuracyFlag.INPUT_LENGTH_MISMATCH)).isFalse();
    }
}
