package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The window interval's formulas, by hand. */
class WindowBoundTest {

    private static final long MS = 1_000_000L;
    private static final long[] T = {0, 10 * MS, 20 * MS, 30 * MS, 40 * MS, 50 * MS};
    /** A step from 2 W to 6 W somewhere between the samples at 20 and 30 ms. */
    private static final double[] STEP = {2, 2, 2, 6, 6, 6};

    private static EnergyEstimate estimate(double[] w, long a, long b, long delay, boolean counter) {
        WindowEnergy e = PowerTrace.of(T, w).energy(TimeWindow.of(a, b));
        return WindowBound.estimate(e.joules(), e.coverage(), T, w, a, b, delay, counter);
    }

    /**
     * Window [5, 45] ms around the step: E = 0.01 + 0.02 + 0.04 + 0.06 + 0.03 = 0.16 J. Flat edges (R = 0); inside,
     * second differences c₂ = +4 W, c₃ = −4 W (c₁ = c₄ = 0), so b₁ = b₂ = b₃ = 5 ms × 4 W = 0.02 J and the half width
     * is 1.96 · √(3 · 0.02² / 3) = 1.96 · 0.02 = 0.0392 J (+ 1.6·10⁻¹⁰ rounding). The truth for a step anywhere in
     * [20, 30] ms is 0.14 to 0.18 J: inside.
     */
    @Test
    void aStepInsideTheWindowWidensByItsBends() {
        EnergyEstimate e = estimate(STEP, 5 * MS, 45 * MS, 0, false);
        assertThat(e.joules()).isCloseTo(0.16, within(1e-12));
        assertThat(e.ci95HighJoules() - e.joules()).isCloseTo(1.959964 * 0.02 + 1.6e-10, within(1e-12));
        assertThat(e.covers(0.14) && e.covers(0.18)).isTrue();
    }

    /**
     * Window [22, 28] ms inside the step's interval: E = (2.8 + 5.2) / 2 × 6 ms = 0.024 J, but no sample inside, so the
     * readings at its edges cannot bound what happened in it: unresolved, [0, 2 × 6 ms × 6 W] = [0, 0.072] J (6 W the
     * highest reading within 10 intervals). With samples 2 and 3 inside ([15, 35] ms: one or two samples, still below
     * 3) the interval is 20 ms × [2, 6] W = [0.04, 0.12] J.
     */
    @Test
    void aWindowWithTooFewSamplesIsUnresolved() {
        EnergyEstimate e = estimate(STEP, 22 * MS, 28 * MS, 0, false);
        assertThat(e.joules()).isCloseTo(0.024, within(1e-12));
        assertThat(e.ci95LowJoules()).isZero();
        assertThat(e.ci95HighJoules()).isCloseTo(0.072, within(1e-12));
        EnergyEstimate two = estimate(STEP, 15 * MS, 35 * MS, 0, false);
        assertThat(two.ci95LowJoules()).isCloseTo(0.04, within(1e-12));
        assertThat(two.ci95HighJoules()).isCloseTo(0.12, within(1e-12));
    }

    /**
     * The sensor delay widens each edge: window [15, 45] ms, D = 10 ms. Start edge at 15: Δ = 10 ms, zone [0, 30] →
     * readings 2..6, R = 4 W; end edge at 45: zone [30, 60] → R = 0. σ²(15) = 16 × (100 + 100) / 12 ms² =
     * 2.667·10⁻⁴ J²; inside, b₂ = b₃ = 0.02 J (intervals [20, 30], [30, 40]; [10, 20] is not wholly inside), Σ b² / 3
     * = 2.667·10⁻⁴; half width 1.96 · √(5.333·10⁻⁴) + (4 + 0) W · 10 ms / 16 = 0.04776 J below E = 0.14 J (D is not
     * longer than the spacing, so the clip applies); above, the clip at 30 ms × 6 W =
     * 0.18 J (the highest reading within [0, 60] ms) binds first. Neither edge's step is corrected: at the start
     * (the edge 10 ms, the window being shifted by D/2) the readings at 10 ms and at 20 ms (10 + D) are both 2 W, at
     * the end (40 ms) those at 40 and 50 ms both 6 W.
     */
    @Test
    void theSensorDelayWidensTheEdges() {
        EnergyEstimate e = estimate(STEP, 15 * MS, 45 * MS, 10 * MS, false);
        double e0 = 0.01 + 0.04 + 0.06 + 0.03; // [15,20] 2 W, [20,30] 4 W, [30,40] 6 W, [40,45] 6 W
        assertThat(e.joules()).isCloseTo(e0, within(1e-12));
        assertThat(e.joules() - e.ci95LowJoules())
                // + the edges' smoothing, (Ra + Rb) · D / 16 = (4 W + 0 W) · 10 ms / 16 = 0.0025 J
                .isCloseTo(
                        1.959964 * Math.sqrt(16 * 200e-6 / 12 + 2 * 0.02 * 0.02 / 3) + 0.0025 + e0 * 1e-9,
                        within(1e-9));
        assertThat(e.ci95HighJoules()).isCloseTo(0.18, within(1e-12));
    }

    /**
     * A step at the window's start is corrected by half the boxcar's bias: readings 2, 2, 6, 6, 6, 6 W (a step
     * between 10 and 20 ms), window [15, 45] ms (shifted by D/2 = 5 ms: the edge is at 10 ms), D = 10 ms, three
     * samples inside. The trapezoid: [15, 20] ms from 4 to 6 W, 0.025 J, and [20, 45] ms at 6 W, 0.15 J: 0.175 J. ΔP at
     * the start = the reading at 20 ms (10 + D), 6 W, less the one at 10 ms, 2 W: +4 W; at the end (40 ms) 6 − 6 = 0.
     * Correction (4 − 0) W × 10 ms / 16 = +0.0025 J: 0.1775 J.
     */
    @Test
    void aStepAtTheStartIsCorrectedByHalfTheBoxcarsBias() {
        double[] early = {2, 2, 6, 6, 6, 6};
        EnergyEstimate e = estimate(early, 15 * MS, 45 * MS, 10 * MS, false);
        assertThat(e.joules()).isCloseTo(0.175 + 0.0025, within(1e-12));
        assertThat(estimate(early, 15 * MS, 45 * MS, 0, false).joules()).isCloseTo(0.175, within(1e-12));
    }

    @Test
    void anEnergyCounterCountsOnlyItsEdges() {
        // Interval means as readings; inside is exact, D is ignored, so only the start edge at 25 ms counts (readings
        // within [15, 35] ms: 2 and 6 W, R = 4 W, Δ = 10 ms); the end edge at 45 ms sees 6 W only.
        EnergyEstimate e = estimate(STEP, 25 * MS, 45 * MS, 10 * MS, true);
        assertThat(e.ci95HighJoules() - e.joules())
                .isCloseTo(1.959964 * Math.sqrt(16 * 100e-6 / 12) + e.joules() * 1e-9, within(1e-9));
    }

    @Test
    void anExtrapolatedOrEmptyWindowHasNoInterval() {
        assertThat(estimate(STEP, 45 * MS, 60 * MS, 0, false).hasInterval()).isFalse();
        assertThat(estimate(STEP, 60 * MS, 70 * MS, 0, false).joules()).isNaN();
    }

    /** Constant power: the estimate is exact and the interval is only the rounding allowance, yet holds the truth. */
    @Test
    void constantPowerIsExact() {
        double[] flat = {3, 3, 3, 3, 3, 3};
        EnergyEstimate e = estimate(flat, 3 * MS, 47 * MS, 7 * MS, false);
        assertThat(e.covers(3 * 0.044)).isTrue();
        assertThat(e.relativeHalfWidth()).isLessThan(2e-9);
    }

    /**
     * Property: on random readings and windows the interval stays within the window's length times twice the highest
     * reading, and widens with the sensor delay.
     */
    @Test
    void intervalsAreBoundedAndGrowWithTheDelay() {
        Gen<double[]> readings = SourceDSL.lists()
                .of(SourceDSL.doubles().between(0, 20))
                .ofSize(6)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
        QuickTheory.qt()
                .forAll(
                        readings,
                        SourceDSL.integers().between(0, 44),
                        SourceDSL.integers().between(1, 50),
                        SourceDSL.integers().between(0, 20))
                .checkAssert((w, startMs, lengthMs, delayMs) -> {
                    long a = startMs * MS;
                    long b = Math.min(50 * MS, a + lengthMs * MS);
                    EnergyEstimate e = estimate(w, a, b, delayMs * MS, false);
                    EnergyEstimate wider = estimate(w, a, b, (delayMs + 5) * MS, false);
                    double max = java.util.Arrays.stream(w).max().orElseThrow();
                    assertThat(e.hasInterval()).isTrue();
                    // At most the window's length times twice the highest reading (an unresolved window with no
                    // sample inside; a resolved one is clipped at once the highest).
                    assertThat(e.ci95HighJoules()).isLessThanOrEqualTo(2 * max * (b - a) / 1e9 * (1 + 1e-12) + 1e-12);
                    assertThat(wider.ci95HighJoules() - wider.ci95LowJoules())
                            .isGreaterThanOrEqualTo((e.ci95HighJoules() - e.ci95LowJoules()) * (1 - 1e-9));
                });
    }
}
