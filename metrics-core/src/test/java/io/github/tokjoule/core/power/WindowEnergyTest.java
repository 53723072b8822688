package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Energies computed by hand (the arithmetic is in the comments), at epoch-2024 times to exercise precision. */
class WindowEnergyTest {

    /** 1.7·10^18 ns: too large for a double to hold every nanosecond. */
    private static final long T0 = 1_700_000_000_123_456_789L;

    private static final long S = 1_000_000_000L;

    private static long at(double seconds) {
        return T0 + Math.round(seconds * S);
    }

    private static TimeWindow window(double fromSeconds, double toSeconds) {
        return TimeWindow.of(at(fromSeconds), at(toSeconds));
    }

    private static PowerTrace trace(double[] seconds, double[] watts) {
        long[] t = new long[seconds.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = at(seconds[i]);
        }
        return PowerTrace.of(t, watts);
    }

    private static final PowerTrace CONSTANT = trace(new double[] {0, 1, 2, 3}, new double[] {4, 4, 4, 4});

    /** P(t) = 2t W for t = 0..4 s. */
    private static final PowerTrace RAMP = trace(new double[] {0, 1, 2, 3, 4}, new double[] {0, 2, 4, 6, 8});

    /** 1 W until 1 s, 5 W from 2 s: linear interpolation makes the step a ramp between 1 s and 2 s. */
    private static final PowerTrace STEP = trace(new double[] {0, 1, 2, 3, 4}, new double[] {1, 1, 5, 5, 5});

    private static final PowerTrace SAWTOOTH = trace(new double[] {0, 1, 2, 3, 4}, new double[] {0, 10, 0, 10, 0});

    @Test
    void constantPowerTimesDuration() {
        // 4 W × (2.25 − 0.5) s = 4 × 1.75 = 7 J.
        assertThat(CONSTANT.energyJoules(window(0.5, 2.25))).isCloseTo(7.0, within(1e-12));
        // Whole trace: 4 W × 3 s = 12 J.
        assertThat(CONSTANT.energyJoules(window(0, 3))).isEqualTo(12.0);
    }

    @Test
    void rampIsIntegratedExactly() {
        // ∫ 2t dt = t²: [0, 4] → 16 J; [1.5, 3.5] → 12.25 − 2.25 = 10 J; [1.25, 1.75] (between two samples)
        // → 3.0625 − 1.5625 = 1.5 J.
        assertThat(RAMP.energyJoules(window(0, 4))).isEqualTo(16.0);
        assertThat(RAMP.energyJoules(window(1.5, 3.5))).isCloseTo(10.0, within(1e-12));
        assertThat(RAMP.energyJoules(window(1.25, 1.75))).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void stepBecomesARampBetweenItsSamples() {
        // [0,4]: 1 W × 1 s + (1 + 5)/2 × 1 s + 5 W × 2 s = 1 + 3 + 10 = 14 J.
        assertThat(STEP.energyJoules(window(0, 4))).isEqualTo(14.0);
        // [1.5, 2.5]: P(1.5) = 3 W; (3 + 5)/2 × 0.5 + 5 × 0.5 = 2 + 2.5 = 4.5 J.
        assertThat(STEP.energyJoules(window(1.5, 2.5))).isCloseTo(4.5, within(1e-12));
    }

    @Test
    void sawtooth() {
        // Four triangles of (0 + 10)/2 × 1 s = 5 J each: 20 J.
        assertThat(SAWTOOTH.energyJoules(window(0, 4))).isEqualTo(20.0);
        // [0.5, 3.5]: P(0.5) = P(3.5) = 5 W; (5 + 10)/2 × 0.5 = 3.75 at each end + 5 + 5 = 17.5 J.
        assertThat(SAWTOOTH.energyJoules(window(0.5, 3.5))).isCloseTo(17.5, within(1e-12));
    }

    @Test
    void adjacentWindowsAddUp() {
        // Ramp: [0.3, 1.7] + [1.7, 3.9] = [0.3, 3.9]: 1.7² − 0.3² + 3.9² − 1.7² = 15.21 − 0.09 = 15.12 J.
        double left = RAMP.energyJoules(window(0.3, 1.7));
        double right = RAMP.energyJoules(window(1.7, 3.9));
        assertThat(left).isCloseTo(2.89 - 0.09, within(1e-12));
        assertThat(left + right).isCloseTo(RAMP.energyJoules(window(0.3, 3.9)), within(1e-12));
        assertThat(left + right).isCloseTo(15.12, within(1e-12));
    }

    @Test
    void zeroLengthWindowHasNoEnergy() {
        assertThat(RAMP.energyJoules(window(2, 2))).isZero(); // on a sample
        assertThat(RAMP.energyJoules(window(2.5, 2.5))).isZero(); // between samples
        assertThat(RAMP.energy(window(2.5, 2.5)).coverage().outsideTrace()).isFalse();
    }

    @Test
    void windowPartlyBeforeTheTraceHoldsTheFirstSample() {
        // Constant trace 4 W over [0, 3] s; window [−2, 1]: held 4 W × 2 s + 4 W × 1 s = 12 J.
        WindowEnergy e = CONSTANT.energy(window(-2, 1));
        assertThat(e.joules()).isEqualTo(12.0);
        assertThat(e.coverage().startExtrapolatedNanos()).isEqualTo(2 * S);
        assertThat(e.coverage().endExtrapolatedNanos()).isZero();
        assertThat(e.coverage().extrapolated()).isTrue();
        assertThat(e.coverage().outsideTrace()).isFalse();
        // Ramp (0 W at 0 s): the held power is 0 W, so [−1, 1] = 0 + 1² = 1 J.
        assertThat(RAMP.energy(window(-1, 1)).joules()).isEqualTo(1.0);
    }

    @Test
    void windowPartlyAfterTheTraceHoldsTheLastSample() {
        // Ramp ends at 4 s with 8 W; window [3, 6]: 4² − 3² = 7 J + 8 W × 2 s = 23 J.
        WindowEnergy e = RAMP.energy(window(3, 6));
        assertThat(e.joules()).isEqualTo(23.0);
        assertThat(e.coverage().endExtrapolatedNanos()).isEqualTo(2 * S);
        assertThat(e.coverage().extrapolatedNanos()).isEqualTo(2 * S);
    }

    @Test
    void windowAroundTheWholeTraceExtrapolatesBothEnds() {
        // Step: 1 W held over [−1, 0] + 14 J + 5 W held over [4, 5] = 1 + 14 + 5 = 20 J.
        WindowEnergy e = STEP.energy(window(-1, 5));
        assertThat(e.joules()).isEqualTo(20.0);
        assertThat(e.coverage().startExtrapolatedNanos()).isEqualTo(S);
        assertThat(e.coverage().endExtrapolatedNanos()).isEqualTo(S);
        assertThat(e.coverage().samplesInside()).isEqualTo(5);
    }

    @Test
    void windowWhollyBeforeOrAfterTheTraceIsNaN() {
        WindowEnergy before = RAMP.energy(window(-3, -1));
        assertThat(before.joules()).isNaN();
        assertThat(before.coverage().outsideTrace()).isTrue();
        assertThat(before.coverage().samplesInside()).isZero();
        assertThat(before.coverage().startExtrapolatedNanos()).isEqualTo(2 * S); // all of the window
        assertThat(before.coverage().endExtrapolatedNanos()).isZero();

        WindowEnergy after = RAMP.energy(window(4.5, 7));
        assertThat(after.joules()).isNaN();
        assertThat(after.coverage().outsideTrace()).isTrue();
        assertThat(after.coverage().endExtrapolatedNanos()).isEqualTo(2_500_000_000L);
        // Touching the first sample at one instant is not outside: held 0 W over [−1, 0] = 0 J.
        assertThat(RAMP.energy(window(-1, 0)).joules()).isZero();
    }

    @Test
    void singleSampleTraceIsAConstantWhereTheWindowTouchesIt() {
        PowerTrace single = trace(new double[] {5}, new double[] {3});
        // [4, 6] holds 3 W for 2 s: 6 J, 1 s extrapolated at each end.
        WindowEnergy e = single.energy(window(4, 6));
        assertThat(e.joules()).isEqualTo(6.0);
        assertThat(e.coverage()).isEqualTo(new WindowCoverage(1, 0, 0, true, S, S, false));
        assertThat(single.energyJoules(window(5, 5))).isZero();
        assertThat(single.energy(window(5, 7)).joules()).isEqualTo(6.0);
        assertThat(single.energy(window(6, 7)).joules()).isNaN();
        assertThat(single.energy(window(3, 4)).joules()).isNaN();
    }

    @Test
    void emptyTraceGivesNaNEverywhere() {
        PowerTrace empty = PowerTrace.of(new long[0], new double[0]);
        WindowEnergy e = empty.energy(window(0, 1));
        assertThat(e.joules()).isNaN();
        assertThat(e.coverage()).isEqualTo(new WindowCoverage(0, 0, 0, true, 0, 0, true));
        assertThatThrownBy(() -> empty.energyJoules(window(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 2023-11-14T22:13:20.123456789Z .. 2023-11-14T22:13:21.123456789Z (1.000 s) is not"
                        + " covered by the trace: the trace is empty; energyJoules never extrapolates. Integrate over a"
                        + " window inside span(), or call energy(window), which holds the edge power beyond the trace"
                        + " and reports it in its WindowCoverage");
        assertThat(empty.span()).isEmpty();
    }

    @Test
    void gapsAreBridgedByAStraightLineAndReported() {
        // Samples at 0, 0.5, 1, 3, 3.5 s of 2, 2, 2, 6, 6 W: the 2 s gap is bridged from 2 W to 6 W.
        PowerTrace gappy = trace(new double[] {0, 0.5, 1, 3, 3.5}, new double[] {2, 2, 2, 6, 6});
        // [0.75, 3.25]: 2 W × 0.25 + (2 + 6)/2 × 2 + 6 × 0.25 = 0.5 + 8 + 1.5 = 10 J.
        WindowEnergy e = gappy.energy(window(0.75, 3.25));
        assertThat(e.joules()).isCloseTo(10.0, within(1e-12));
        // Spacings 0.5, 0.5, 2, 0.5 s: median (0.5 + 0.5)/2 = 0.5 s; the window sees the 2 s gap.
        assertThat(e.coverage()).isEqualTo(new WindowCoverage(2, 2 * S, S / 2, true, 0, 0, false));
    }

    @Test
    void batchKeepsTheInputOrder() {
        // Unsorted on purpose: ramp windows [3, 4] = 7 J, [0, 1] = 1 J, before the trace = NaN, [1, 2] = 3 J.
        List<TimeWindow> windows = List.of(window(3, 4), window(0, 1), window(-5, -4), window(1, 2));
        assertThat(RAMP.energiesJoules(List.of(window(3, 4), window(0, 1), window(1, 2))))
                .containsExactly(7.0, 1.0, 3.0);
        assertThatThrownBy(() -> RAMP.energiesJoules(windows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "windows[2]: window 2023-11-14T22:13:15.123456789Z .. 2023-11-14T22:13:16.123456789Z"
                                + " (1.000 s) is not covered by the trace: the trace spans only");
        List<WindowEnergy> energies = RAMP.energies(windows);
        assertThat(energies).extracting(WindowEnergy::joules).containsExactly(7.0, 1.0, Double.NaN, 3.0);
        assertThat(energies.get(2).coverage().outsideTrace()).isTrue();
        assertThat(RAMP.energies(List.of())).isEmpty();
    }

    @Test
    void shortWindowsStayAccurateAtTheEndOfAMillionSamples() {
        // 20 W every 500 ms for 10^6 samples (5.8 days, 1e7 J in the prefix sums). A 2.1 s window near the end:
        // 20 × 2.1 = 42 J; one between two samples of 100 ms: 20 × 0.1 = 2 J.
        PowerTrace.Builder b = PowerTrace.builder();
        for (int i = 0; i < 1_000_000; i++) {
            b.add(T0 + i * (S / 2), 20.0);
        }
        PowerTrace trace = b.build();
        long last = trace.epochNanosAt(trace.size() - 1);
        assertThat(trace.energyJoules(TimeWindow.of(last - 2_300_000_000L, last - 200_000_000L)))
                .isCloseTo(42.0, within(1e-9));
        assertThat(trace.energyJoules(TimeWindow.of(last - 300_000_000L, last - 200_000_000L)))
                .isCloseTo(2.0, within(1e-12));
        // Whole trace: 20 W × 999,999 × 0.5 s = 9,999,990 J.
        assertThat(trace.energyJoules(trace.span().orElseThrow())).isCloseTo(9_999_990.0, within(1e-6));
    }

    @Test
    void energyJoulesRefusesAWindowTheTraceDoesNotCover() {
        // The README's old example: a one-hour window on a trace of a few seconds returned a held-power figure.
        assertThatThrownBy(() -> RAMP.energyJoules(window(-1800, 1800)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 2023-11-14T21:43:20.123456789Z .. 2023-11-14T22:43:20.123456789Z (3600.000 s) is"
                        + " not covered by the trace: the trace spans only 2023-11-14T22:13:20.123456789Z .."
                        + " 2023-11-14T22:13:24.123456789Z (4.000 s); energyJoules never extrapolates. Integrate over"
                        + " a window inside span(), or call energy(window), which holds the edge power beyond the"
                        + " trace and reports it in its WindowCoverage");
        assertThatThrownBy(() -> RAMP.energyJoules(window(3, 4.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RAMP.energyJoules(window(-3, -1))).isInstanceOf(IllegalArgumentException.class);
        // The whole span and its edges are covered.
        assertThat(RAMP.energyJoules(RAMP.span().orElseThrow())).isEqualTo(16.0);
        assertThat(RAMP.energyJoules(window(0, 0))).isZero();
    }
}
