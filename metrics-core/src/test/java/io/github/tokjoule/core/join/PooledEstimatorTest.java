package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

class PooledEstimatorTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void threeReadingsOnARisingProfile() {
        // Trapezoid weights 0.3, 0.4, 0.3: reconstruction 0.3·10 + 0.4·12 + 0.3·14 = 12 W = the plain mean.
        // Successive differences 2, 2: residual √(8 / 4) = √2; SE = √2 · √(0.09 + 0.16 + 0.09) = 0.8246 (< the plain
        // mean's √(8 / 2 / 3) = 1.1547). Widest gap 0.4 < H(4) / 4 = 0.5208: no gap term. Ends: 0.5 · 0.2 · 4 = 0.4.
        // half = 0.6 · (√((4.302653 · 0.8246)² + (0.0005 · 12)²) + 0.4) = 0.6 · 3.948063 = 2.368838 W
        // (python3: from scipy.stats import t; t.ppf(0.975, 2) = 4.302652729749462; python3 -c "import math;
        // c = math.sqrt((4.302652729749462 * math.sqrt(0.68))**2 + 0.006**2); print(12 - 0.6 * (c + 0.4))")
        PhasePool pool = PhasePool.fromPoints(
                new double[] {0.5, 0.1, 0.9}, new double[] {12, 10, 14}, 0, 0, 100, Double.NaN, PhasePool.SCALE);

        assertThat(pool.resolved()).isTrue();
        assertThat(pool.meanWatts()).isCloseTo(12, within(1e-12));
        assertThat(pool.residualWatts()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(pool.lowWatts()).isCloseTo(9.631161955070688, within(1e-9));
        assertThat(pool.highWatts()).isCloseTo(14.368838044929312, within(1e-9));
    }

    @Test
    void anUnsampledStartMayHideTheStepFromTheLevelBefore() {
        // As above, with 2 W before the phase: the start's step is 0.75 · max(range 4, |12 − 2|) = 7.5 W, so the
        // ends add 0.5 · (0.1 · 7.5 + 0.1 · 4) = 0.575 W instead of 0.4 W: half = 0.6 · (3.548063 + 0.575) = 2.473838
        // W. A ramp from 2 W pulls the mean down only: the phase's own low side reaches a further 0.1 · u_first 0.1 ·
        // |12 − 2| = 0.1 W (RAMP_SIDE), 12 − 2.473838 − 0.1; the symmetric part, which the total combines, does not.
        PhasePool pool = PhasePool.fromPoints(
                new double[] {0.5, 0.1, 0.9}, new double[] {12, 10, 14}, 0, 0, 100, 2, PhasePool.SCALE);

        assertThat(pool.lowWatts()).isCloseTo(9.526161955070688, within(1e-9));
        assertThat(pool.highWatts()).isCloseTo(14.473838044929312, within(1e-9));
        assertThat(pool.phaseLowWatts()).isCloseTo(9.426161955070688, within(1e-9));
        assertThat(pool.phaseHighWatts()).isCloseTo(14.473838044929312, within(1e-9));
    }

    @Test
    void aLevelBeforeAboveThePhaseWidensTheHighSide() {
        // As above with 20 W before (decode after a higher prefill): step 0.75 · max(4, |12 − 20|) = 6 W, ends
        // 0.5 · (0.1 · 6 + 0.1 · 4) = 0.5 W, half = 0.6 · (3.548063 + 0.5) = 2.428838 W; a ramp down from 20 W pulls
        // the mean up only: the high side reaches a further 0.1 · 0.1 · 8 = 0.08 W.
        PhasePool pool = PhasePool.fromPoints(
                new double[] {0.5, 0.1, 0.9}, new double[] {12, 10, 14}, 0, 0, 100, 20, PhasePool.SCALE);

        assertThat(pool.lowWatts()).isCloseTo(12 - 2.428838044929312, within(1e-9));
        assertThat(pool.highWatts()).isCloseTo(12 + 2.428838044929312, within(1e-9));
        assertThat(pool.phaseLowWatts()).isCloseTo(12 - 2.428838044929312, within(1e-9));
        assertThat(pool.phaseHighWatts()).isCloseTo(12 + 2.428838044929312 + 0.08, within(1e-9));
    }

    @Test
    void decodesOwnIntervalTakesTheSamplingTermAtItsOwnScale() {
        // The pool of anUnsampledStartMayHideTheStepFromTheLevelBefore as decode's: half = 0.6 · (S + 0.575) =
        // 2.473838 W gives the square root's sampling term S = 2.473838 / 0.6 − 0.575 = 3.548063 W. Decode's own
        // interval takes it at 0.7 instead of 0.6, so it reaches (0.7 − 0.6) · S = 0.354806 W further on both sides
        // (and the ramp side's 0.1 W further down); the symmetric part, which the total combines, is the same.
        double[] u = {0.5, 0.1, 0.9};
        double[] y = {12, 10, 14};
        PhasePool prefill = PhasePool.fromPoints(u, y, 0, 0, 100, 2, PhasePool.SCALE);
        PhasePool decode = PhasePool.fromPoints(u, y, 0, 0, 100, 2, PhasePool.DECODE_SAMPLING_SCALE);

        assertThat(decode.lowWatts()).isEqualTo(prefill.lowWatts());
        assertThat(decode.highWatts()).isEqualTo(prefill.highWatts());
        assertThat(decode.phaseLowWatts()).isCloseTo(9.526161955070688 - 0.354806340821552 - 0.1, within(1e-9));
        assertThat(decode.phaseHighWatts()).isCloseTo(14.473838044929312 + 0.354806340821552, within(1e-9));
    }

    @Test
    void aRequestsSpanKeepsEachSideOfThePool() {
        // Readings every 0.1 s: 2 W idle, then 30 W through the prefill [1.05, 1.45] s and 20 W through the decode
        // [1.45, 2.95] s. Prefill's first reading is at u = 0.125 after 2 W: its low side reaches a further
        // 0.1 · 0.125 · 28 = 0.35 W; decode's, at u = 0.05 / 1.5 after 30 W, its high side 0.1 · (1 / 30) · 10 W. The
        // readings are flat, so a request's own deviation is 0 and its energy keeps the pool's sides exactly.
        long[] t = new long[50];
        double[] w = new double[50];
        for (int k = 0; k < 50; k++) {
            t[k] = T0 + k * S / 10;
            w[k] = k <= 10 || k >= 30 ? 2 : k <= 14 ? 30 : 20;
        }
        List<RequestTimeline> requests =
                List.of(RequestTimeline.succeeded(T0 + 105 * S / 100, T0 + 145 * S / 100, T0 + 295 * S / 100, 100, 10));
        CellAttribution a = EnergyEstimators.pooled().attribute(PowerTrace.of(t, w), requests);
        EnergyEstimate prefill = a.requests().get(0).prefill().energy();
        EnergyEstimate decode = a.requests().get(0).decode().energy();
        EnergyEstimate total = a.requests().get(0).total().energy();
        EnergyEstimate cellPrefill = a.cell().prefill();

        assertThat(prefill.joules()).isCloseTo(30 * 0.4, within(1e-9));
        assertThat((prefill.joules() - prefill.ci95LowJoules()) - (prefill.ci95HighJoules() - prefill.joules()))
                .isCloseTo(0.35 * 0.4, within(1e-9));
        assertThat((decode.ci95HighJoules() - decode.joules()) - (decode.joules() - decode.ci95LowJoules()))
                .isCloseTo(0.1 / 30 * 10 * 1.5, within(1e-9));
        assertThat(prefill.widerRelativeHalfWidth()).isGreaterThan(prefill.relativeHalfWidth());
        assertThat((cellPrefill.joules() - cellPrefill.ci95LowJoules())
                        - (cellPrefill.ci95HighJoules() - cellPrefill.joules()))
                .isCloseTo(0.35 * 0.4, within(1e-9));
        // the total combines the phases' symmetric parts: no ramp side
        assertThat(total.joules() - total.ci95LowJoules())
                .isCloseTo(total.ci95HighJoules() - total.joules(), within(1e-9));
    }

    @Test
    void readingsCrowdedIntoABandTakeTheReconstructionEvenWhenThePlainMeanIsQuieter() {
        // Three readings on a start ramp (u = 0.02–0.04) and one on the plateau, as a near-locked sampler leaves them.
        // Kolmogorov's D = 0.75 − 0.04 = 0.71 > 1.3581 / √4 = 0.679: not uniform. Plain mean 4.075 W (SE 1.975) is
        // quieter than the reconstruction (SE 2.214), but biased toward the ramp; the reconstruction, weights 0.025,
        // 0.01, 0.435, 0.53: 0.05 + 0.022 + 0.9135 + 5.3 = 6.2855 W.
        // half = 0.6 · (√((3.182446 · 2.213944)² + (0.0005 · 6.2855)² + 2.2105²) + 0.5 · (0.02 · 8 + 0.1 · 8))
        //        + (0.86 − H(5) / 5) · 8 = 7.945293 W, low clipped at 0 (python3 with scipy.stats.t.ppf(0.975, 3), as
        // in the first test)
        double[] u = {0.02, 0.03, 0.04, 0.9};
        PhasePool pool =
                PhasePool.fromPoints(u, new double[] {2, 2.2, 2.1, 10}, 0, 0, 100, Double.NaN, PhasePool.SCALE);

        assertThat(PhasePool.nearLocked(u, new Integer[] {0, 1, 2, 3})).isTrue();
        assertThat(pool.meanWatts()).isCloseTo(6.2855, within(1e-12));
        assertThat(pool.lowWatts()).isEqualTo(0);
        assertThat(pool.highWatts()).isCloseTo(14.230793093492434, within(1e-9));
    }

    @Test
    void evenlySpreadPositionsAreNotNearLockedAndABandIs() {
        for (int n = 3; n <= 200; n++) {
            double[] even = new double[n];
            double[] band = new double[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                even[i] = (i + 0.5) / n; // D = 0.5 / n < 1.3581 / √n
                band[i] = 0.1 * i / n; // D ≥ 1 − 0.1 = 0.9 > 1.3581 / √3
                order[i] = i;
            }
            assertThat(PhasePool.nearLocked(even, order)).as("n = %d", n).isFalse();
            assertThat(PhasePool.nearLocked(band, order)).as("n = %d", n).isTrue();
        }
    }

    @Test
    void tooFewReadingsSpanThePrior() {
        PhasePool one =
                PhasePool.fromPoints(new double[] {0.3}, new double[] {7}, 5, 1, 9, Double.NaN, PhasePool.SCALE);
        assertThat(one.resolved()).isFalse();
        assertThat(one.meanWatts()).isEqualTo(7);
        assertThat(one.lowWatts()).isEqualTo(1);
        assertThat(one.highWatts()).isEqualTo(9);

        PhasePool none = PhasePool.fromPoints(new double[0], new double[0], 5, 6, 9, Double.NaN, PhasePool.SCALE);
        assertThat(none.meanWatts()).isEqualTo(5);
        // Not one reading in any window: [0, 2 · max(9, 5)] W.
        assertThat(none.lowWatts()).isEqualTo(0);
        assertThat(none.highWatts()).isEqualTo(18);
    }

    @Test
    void poolsShortPhasesAcrossRequests() {
        // A 10 W idle, 30 W prefill, 20 W decode profile sampled every second; requests 2.3 s long with 0.4 s of
        // prefill, starting 2.75 s apart: the sampler falls at 0, 0.25, 0.5, 0.75 s into successive requests, never on
        // an
        // edge but at the start.
        int requests = 10;
        long period = S;
        long spacing = 275 * S / 100;
        long[] t = new long[30];
        double[] w = new double[30];
        List<RequestTimeline> rs = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = T0 + S + i * spacing;
            rs.add(RequestTimeline.succeeded(start, start + 4 * S / 10, start + 23 * S / 10, 100, 50));
        }
        for (int k = 0; k < t.length; k++) {
            t[k] = T0 + k * period;
            w[k] = 10;
            for (RequestTimeline r : rs) {
                if (t[k] >= r.startEpochNanos() && t[k] < r.firstTokenEpochNanos()) {
                    w[k] = 30;
                } else if (t[k] >= r.firstTokenEpochNanos() && t[k] < r.endEpochNanos()) {
                    w[k] = 20;
                }
            }
        }
        CellAttribution a = EnergyEstimators.pooled().attribute(PowerTrace.of(t, w), rs);

        assertThat(a.estimator()).isEqualTo("POOLED");
        // Every prefill reading is 30 W and every decode reading 20 W: 10 · (0.4 · 30 + 1.9 · 20) = 500 J.
        assertThat(a.cell().prefill().joules()).isCloseTo(120, within(1e-9));
        assertThat(a.cell().decode().joules()).isCloseTo(380, within(1e-9));
        assertThat(a.cell().total().joules()).isCloseTo(500, within(1e-9));
        assertThat(a.cell().prefill().covers(120)).isTrue();
        // The per-request estimator interpolates 10 W idle readings into the windows and misses; its interval, built
        // on the pooled one, still holds the truth.
        CellAttribution perRequest = EnergyEstimators.perRequest().attribute(PowerTrace.of(t, w), rs);
        assertThat(perRequest.cell().prefill().joules()).isNotCloseTo(120, within(1.0));
        assertThat(perRequest.cell().prefill().covers(120)).isTrue();
    }

    @Test
    void rejectsANegativeAveragingWindow() {
        assertThatThrownBy(() -> EnergyEstimators.pooled(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensorAveragingNanos must not be negative: -1");
    }
}
