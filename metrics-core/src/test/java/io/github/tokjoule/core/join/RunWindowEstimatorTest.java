package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunWindowEstimatorTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    /** Readings every second from T0 to T0 + 10 s. */
    private static PowerTrace trace(double even, double odd) {
        long[] t = new long[11];
        double[] w = new double[11];
        for (int k = 0; k < 11; k++) {
            t[k] = T0 + k * S;
            w[k] = k % 2 == 0 ? even : odd;
        }
        return PowerTrace.of(t, w);
    }

    /** Two requests of 1 s TTFT and 3 s latency in the window [1 s, 9 s]: busy 6 s, idle 2 s. */
    private static RunSummary run() {
        return new RunSummary(TimeWindow.of(T0 + S, T0 + 9 * S), 2, 100, 40, 1e9, 3e9);
    }

    @Test
    void aConstantTraceSplitsByTheTimings() {
        // E_run = 8 s · 10 W = 80 J; total = 80 − 2 s idle · 10 W = 60 J, no spread: [60, 60].
        // prefill = 60 · 2 / 6 = 20 J in [0.5 · 10 W · 2 s, 10 W · 2 s] = [10, 20]; decode 40 J in [40, 40].
        CellEnergy e = RunWindowEstimator.estimate(trace(10, 10), run());

        assertThat(e.requests()).isEqualTo(2);
        assertThat(e.outputTokens()).isEqualTo(80);
        assertThat(e.prefillNanos()).isEqualTo(2 * S);
        assertThat(e.decodeNanos()).isEqualTo(4 * S);
        assertThat(e.total()).isEqualTo(EnergyEstimate.of(60, 60, 60));
        assertThat(e.prefill()).isEqualTo(EnergyEstimate.of(20, 10, 20));
        assertThat(e.decode()).isEqualTo(EnergyEstimate.of(40, 40, 40));
        assertThat(e.joulesPerRequest(Phase.TOTAL).joules()).isEqualTo(30);
    }

    @Test
    void aVaryingTraceCarriesItsSamplingErrorAndTheIdleRange() {
        // Readings 20, 10, 20, … W at 1..9 s (m = 9, mean 140 / 9, sd² = 222.2 / 8): trapezoid 8 s · 15 W = 120 J.
        // sampling = 8 · t₀.₉₇₅,₈ · √(sd² / 9) = 32.40989 J (python3: from scipy.stats import t;
        // t.ppf(0.975, 8) = 2.306004135204166). total = 120 − 2 · 10 = 100 J in [120 − 2 · 15 − 32.41, 100 + 32.41];
        // prefill 100 / 3 in [0.5 · 10 · 2, min(132.41, 20 · 2)] = [10, 40]; decode 200 / 3 in [max(57.59 − 40,
        // 10 · 4), min(132.41 − 10, 20 · 4)] = [40, 80].
        CellEnergy e = RunWindowEstimator.estimate(trace(10, 20), run());

        assertThat(e.total().joules()).isCloseTo(100, within(1e-9));
        assertThat(e.total().ci95LowJoules()).isCloseTo(57.59010950661317, within(1e-6));
        assertThat(e.total().ci95HighJoules()).isCloseTo(132.40989049338683, within(1e-6));
        assertThat(e.prefill().joules()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(e.prefill().ci95LowJoules()).isCloseTo(10, within(1e-9));
        assertThat(e.prefill().ci95HighJoules()).isCloseTo(40, within(1e-9));
        assertThat(e.decode().joules()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(e.decode().ci95LowJoules()).isCloseTo(40, within(1e-9));
        assertThat(e.decode().ci95HighJoules()).isCloseTo(80, within(1e-9));
    }

    @Test
    void aBusyRunHasNoIdleToTakeOff() {
        // 4 requests of 3 s in an 8 s window: busy 12 s > 8 s, idle 0: total = E_run = 80 J.
        RunSummary busy = new RunSummary(TimeWindow.of(T0 + S, T0 + 9 * S), 4, 100, 40, 1e9, 3e9);
        assertThat(RunWindowEstimator.estimate(trace(10, 10), busy).total()).isEqualTo(EnergyEstimate.of(80, 80, 80));
    }

    @Test
    void aWindowTheTraceDoesNotCoverIsNotMeasured() {
        RunSummary late = new RunSummary(TimeWindow.of(T0 + 5 * S, T0 + 12 * S), 2, 100, 40, 1e9, 3e9);
        CellEnergy e = RunWindowEstimator.estimate(trace(10, 10), late);
        assertThat(e.requests()).isEqualTo(2);
        assertThat(e.total().joules()).isNaN();
        assertThat(e.outputTokensPerJoule().tokensPerJoule()).isNaN();
    }

    @Test
    void theSummaryIsValidated() {
        TimeWindow w = TimeWindow.of(T0, T0 + S);
        assertThatThrownBy(() -> new RunSummary(w, 0, 1, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests must be at least 1: 0");
        assertThatThrownBy(() -> new RunSummary(w, 1, Double.NaN, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mean token counts");
        assertThatThrownBy(() -> new RunSummary(w, 1, 1, 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 0 < ttftNanos < latencyNanos, finite: ttftNanos 2.0, latencyNanos 2.0");
    }

    /**
     * Readings every 100 ms from T0 to T0 + 20 s of a boxcar sensor that reports the exact mean of its last {@code d}
     * of a piecewise-constant power: idle {@code idle} W, and {@code level} W over each {@code [starts[i], ends[i]]}.
     */
    private static PowerTrace boxcar(long[] starts, long[] ends, double idle, double level, long d) {
        long step = S / 10;
        int n = 201;
        long[] t = new long[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = T0 + k * step;
            double busy = 0;
            for (int i = 0; i < starts.length; i++) {
                busy += Math.max(0, Math.min(t[k], ends[i]) - Math.max(t[k] - d, starts[i]));
            }
            w[k] = idle + (level - idle) * busy / d;
        }
        return PowerTrace.of(t, w);
    }

    @Test
    void aDenseTracesAveragingIsCarriedAtTheRunsEdges() {
        // Idle 4 W; requests at 10 W over [1, 4] s and [6, 9] s; window [1, 9] s, 2 requests of 1 s TTFT and 3 s
        // latency: truth 10 W × 6 s = 60 J. A 400 ms boxcar, readings placed 200 ms earlier: the power smoothed by a
        // centred 400 ms window, whose integral over [1, 9] s loses 6 W × 0.4 s / 8 = 0.3 J at each outer step (the
        // gap's two steps stay inside): 68 − 0.6 = 67.4 J (exact: the smoothed power is linear between 100 ms knots).
        // ΔP_start = 10 − 4 = +6 W, ΔP_end = 4 − 10 = −6 W: correction (6 + 6) × 0.4 s / 16 = +0.3 J, allowance 0.3 J.
        // Idle 8 − 6 = 2 s at the lowest reading (4 W, the 2 s gap is longer than D): 67.7 − 8 = 59.7 J.
        long d = 400_000_000L;
        PowerTrace trace = boxcar(new long[] {T0 + S, T0 + 6 * S}, new long[] {T0 + 4 * S, T0 + 9 * S}, 4, 10, d);
        CellEnergy e = RunWindowEstimator.estimate(trace, run(), d);
        assertThat(e.total().joules()).isCloseTo(59.7, within(1e-9));
        assertThat(e.total().covers(60)).isTrue();
        assertThat(e.prefill().joules() + e.decode().joules()).isCloseTo(59.7, within(1e-9));
        // D = 0 is the estimator without the parameter, figure for figure
        assertThat(RunWindowEstimator.estimate(trace, run(), 0)).isEqualTo(RunWindowEstimator.estimate(trace, run()));
        assertThatThrownBy(() -> RunWindowEstimator.estimate(trace, run(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensorAveragingNanos must not be negative: -1");
    }

    /** A random run read by a boxcar: its trace, summary and exact total. */
    private record BoxcarRun(PowerTrace trace, RunSummary run, double truth) {

        static BoxcarRun of(long seed, long d) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 2 + rnd.nextInt(5);
            long length = (300 + rnd.nextInt(1000)) * 1_000_000L;
            long ttft = (20 + rnd.nextInt(200)) * 1_000_000L;
            long[] starts = new long[n];
            long[] ends = new long[n];
            long now = T0 + S;
            for (int i = 0; i < n; i++) {
                starts[i] = now;
                ends[i] = now + length;
                now = ends[i] + (50 + rnd.nextInt(950)) * 1_000_000L;
            }
            double idle = 3 + 2 * rnd.nextDouble();
            double level = 8 + 12 * rnd.nextDouble();
            return new BoxcarRun(
                    boxcar(starts, ends, idle, level, d),
                    new RunSummary(TimeWindow.of(starts[0], ends[n - 1]), n, 100, 40, ttft, length),
                    level * n * length / 1e9);
        }
    }

    /**
     * Random runs of 2–6 equal requests at 8–20 W from 1 s on, 0.05–1 s apart (many gaps shorter than {@code D}),
     * idle 3–5 W, read by a boxcar of 50–600 ms: the total's interval holds the exact energy; and {@code D = 0} is the
     * estimator without the parameter.
     */
    @Test
    void theTotalsIntervalHoldsTheExactEnergyOfBoxcarReadRuns() {
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(50, 600))
                .checkAssert((seed, dMs) -> {
                    long d = dMs * 1_000_000L;
                    BoxcarRun b = BoxcarRun.of(seed, d);
                    CellEnergy e = RunWindowEstimator.estimate(b.trace(), b.run(), d);
                    assertThat(e.total().covers(b.truth()))
                            .as("%s holds %.6f J (D = %d ms)", e.total(), b.truth(), dMs)
                            .isTrue();
                    assertThat(RunWindowEstimator.estimate(b.trace(), b.run(), 0))
                            .isEqualTo(RunWindowEstimator.estimate(b.trace(), b.run()));
                });
    }

    @Test
    void carryingTheAveragingMakesTheTotalCloserToTheExactEnergy() {
        // 200 random runs, D = 50..600 ms: the mean |error| of the total with D and without (the readings taken at
        // their stamps, D/2 late): measured 1.75 % against 4.64 % (printed)
        double with = 0;
        double without = 0;
        for (long seed = 0; seed < 200; seed++) {
            long d = (50 + seed * 11 % 551) * 1_000_000L;
            BoxcarRun b = BoxcarRun.of(seed, d);
            with += Math.abs(RunWindowEstimator.estimate(b.trace(), b.run(), d)
                                    .total()
                                    .joules()
                            - b.truth())
                    / b.truth();
            without += Math.abs(RunWindowEstimator.estimate(b.trace(), b.run())
                                    .total()
                                    .joules()
                            - b.truth())
                    / b.truth();
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "RUN_WINDOW mean |error|: with D %.2f %%, without %.2f %%%n",
                with / 2,
                without / 2);
        assertThat(with).isLessThan(without / 2);
    }
}
