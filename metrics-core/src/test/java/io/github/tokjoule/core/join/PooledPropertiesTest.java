package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identities and bounds of the pooled estimator and of the intervals, over random cells. */
class PooledPropertiesTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long MS = 1_000_000L;

    /** A trace sampled every {@code periodMs} from T0 for 60 s with the given readings (cycled). */
    private static PowerTrace trace(int periodMs, List<Double> watts, double scale) {
        int n = 60_000 / periodMs;
        long[] t = new long[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = T0 + k * periodMs * MS;
            w[k] = scale * watts.get(k % watts.size());
        }
        return PowerTrace.of(t, w);
    }

    /** Back-to-back requests from 1 s: codes are TTFT and decode in ms. */
    private static List<RequestTimeline> requests(List<Integer> ttft, List<Integer> decode) {
        List<RequestTimeline> out = new ArrayList<>();
        long start = T0 + 1_000 * MS;
        for (int i = 0; i < ttft.size(); i++) {
            long first = start + ttft.get(i) * MS;
            long end = first + decode.get(i) * MS;
            out.add(RequestTimeline.succeeded(start, first, end, 100, 10 + i));
            start = end + 7 * MS;
        }
        return out;
    }

    @Test
    void decodesOwnIntervalHoldsTheSymmetricOneAndReachesEquallyFurtherOnBothSides() {
        // The larger sampling scale moves neither the mean nor the symmetric part; the phase's own bounds move out by
        // the same amount on both sides (unless the low one is clipped at 0).
        qt().forAll(
                        lists().of(doubles().between(0.001, 0.999)).ofSizeBetween(3, 30),
                        lists().of(doubles().between(1, 50)).ofSize(30),
                        doubles().between(0, 60))
                .checkAssert((u, y, before) -> {
                    double[] us = first(u, u.size());
                    double[] ys = first(y, us.length);
                    PhasePool common = PhasePool.fromPoints(us, ys, 0, 0, 100, before, PhasePool.SCALE);
                    PhasePool decode = PhasePool.fromPoints(us, ys, 0, 0, 100, before, PhasePool.DECODE_SAMPLING_SCALE);
                    double tol = 1e-9 * Math.max(1, common.meanWatts());
                    assertThat(decode.meanWatts()).isEqualTo(common.meanWatts());
                    assertThat(decode.lowWatts()).isEqualTo(common.lowWatts());
                    assertThat(decode.highWatts()).isEqualTo(common.highWatts());
                    double further = decode.phaseHighWatts() - common.phaseHighWatts();
                    assertThat(further).isGreaterThanOrEqualTo(0);
                    assertThat(decode.phaseLowWatts())
                            .isCloseTo(Math.max(0, common.phaseLowWatts() - further), within(tol));
                });
    }

    @Test
    void aPoolsIntervalReachesFurtherOnlyTowardTheLevelBeforeThePhase() {
        // The same readings after a level d below their mean and after one d above it: the level moves neither the
        // mean nor the symmetric part (step_in reads |mean − before| = d either way), so the phase's own interval
        // after the level above reaches exactly RAMP_SIDE · u_first · d higher, and the one after the level below
        // that much lower (where not clipped at 0); the symmetric part, which the total combines, is the same.
        qt().forAll(
                        lists().of(doubles().between(0.001, 0.999)).ofSizeBetween(3, 30),
                        lists().of(doubles().between(1, 50)).ofSize(30),
                        doubles().between(0.01, 1))
                .checkAssert((u, y, share) -> {
                    double[] us = first(u, u.size());
                    double[] ys = first(y, us.length);
                    double mean = PhasePool.fromPoints(us, ys, 0, 0, 100, Double.NaN, PhasePool.SCALE)
                            .meanWatts();
                    double d = share * mean;
                    PhasePool below = PhasePool.fromPoints(us, ys, 0, 0, 100, mean - d, PhasePool.SCALE);
                    PhasePool above = PhasePool.fromPoints(us, ys, 0, 0, 100, mean + d, PhasePool.SCALE);
                    double first =
                            u.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    double ramp = PhasePool.RAMP_SIDE * first * d;
                    double tol = 1e-9 * Math.max(1, mean);
                    assertThat(below.meanWatts()).isEqualTo(mean);
                    assertThat(above.meanWatts()).isEqualTo(mean);
                    assertThat(above.phaseHighWatts() - below.phaseHighWatts()).isCloseTo(ramp, within(tol));
                    assertThat(below.phaseLowWatts()).isCloseTo(Math.max(0, above.phaseLowWatts() - ramp), within(tol));
                    assertThat(below.lowWatts()).isCloseTo(above.lowWatts(), within(tol));
                    assertThat(below.highWatts()).isCloseTo(above.highWatts(), within(tol));
                });
    }

    @Test
    void phasesAddUpRequestsSumToTheCellAndIntervalsHoldTheEstimates() {
        qt().forAll(
                        integers().between(50, 1_000),
                        lists().of(doubles().between(0, 50)).ofSizeBetween(1, 40),
                        lists().of(integers().between(0, 1_500)).ofSize(12),
                        lists().of(integers().between(0, 3_000)).ofSize(12))
                .checkAssert((period, watts, ttft, decode) -> {
                    PowerTrace trace = trace(period, watts, 1);
                    for (EnergyEstimator e : List.of(EnergyEstimators.pooled(), EnergyEstimators.perRequest())) {
                        CellAttribution a = e.attribute(trace, requests(ttft, decode));
                        double total = 0;
                        for (AttributedRequest r : a.requests()) {
                            double tol = 1e-9 * Math.max(1, r.total().joules());
                            assertThat(r.prefill().joules() + r.decode().joules())
                                    .isCloseTo(r.total().joules(), within(tol));
                            for (Phase p : Phase.values()) {
                                assertThat(r.phase(p).energy().hasInterval()).isTrue();
                            }
                            total += r.total().joules();
                        }
                        assertThat(a.requests().size() + a.excluded().size()).isEqualTo(12);
                        assertThat(a.cell().total().joules()).isCloseTo(total, within(1e-9 * Math.max(1, total)));
                        assertThat(a.cell().total().hasInterval()).isTrue();
                    }
                });
    }

    @Test
    void constantPowerIsExactAndCovered() {
        qt().forAll(
                        integers().between(20, 1_000),
                        doubles().between(0.1, 50),
                        lists().of(integers().between(0, 1_500)).ofSize(8),
                        lists().of(integers().between(1, 3_000)).ofSize(8))
                .checkAssert((period, watts, ttft, decode) -> {
                    CellAttribution a = EnergyEstimators.pooled()
                            .attribute(trace(period, List.of(watts), 1), requests(ttft, decode));
                    for (Phase p : Phase.values()) {
                        double seconds = 0;
                        for (AttributedRequest r : a.requests()) {
                            seconds += r.timeline().durationNanos(p) / 1e9;
                        }
                        double truth = watts * seconds;
                        assertThat(a.cell().energy(p).joules()).isCloseTo(truth, within(1e-9 * Math.max(1, truth)));
                        EnergyEstimate e = a.cell().energy(p);
                        assertThat(e.ci95LowJoules()).isLessThanOrEqualTo(truth * (1 + 1e-9));
                        assertThat(e.ci95HighJoules()).isGreaterThanOrEqualTo(truth * (1 - 1e-9));
                    }
                });
    }

    @Test
    void scalingThePowerScalesEveryEnergyAndBound() {
        qt().forAll(
                        integers().between(50, 1_000),
                        lists().of(doubles().between(0, 50)).ofSizeBetween(1, 40),
                        lists().of(integers().between(0, 1_500)).ofSize(6),
                        lists().of(integers().between(0, 3_000)).ofSize(6))
                .checkAssert((period, watts, ttft, decode) -> {
                    List<RequestTimeline> rs = requests(ttft, decode);
                    CellEnergy one = EnergyEstimators.pooled()
                            .attribute(trace(period, watts, 1), rs)
                            .cell();
                    CellEnergy three = EnergyEstimators.pooled()
                            .attribute(trace(period, watts, 3), rs)
                            .cell();
                    for (Phase p : Phase.values()) {
                        EnergyEstimate a = one.energy(p);
                        EnergyEstimate b = three.energy(p);
                        double tol = 1e-9 * Math.max(1, b.ci95HighJoules());
                        assertThat(b.joules()).isCloseTo(3 * a.joules(), within(tol));
                        assertThat(b.ci95LowJoules()).isCloseTo(3 * a.ci95LowJoules(), within(tol));
                        assertThat(b.ci95HighJoules()).isCloseTo(3 * a.ci95HighJoules(), within(tol));
                    }
                });
    }

    /** The first {@code n} values, as an array. */
    private static double[] first(List<Double> values, int n) {
        return values.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
