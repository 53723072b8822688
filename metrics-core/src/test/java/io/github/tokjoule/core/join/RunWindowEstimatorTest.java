package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
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
}
