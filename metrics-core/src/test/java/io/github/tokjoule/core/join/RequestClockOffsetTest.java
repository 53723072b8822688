package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.join.ReadingLagTest.Cell;
import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A declared placement uncertainty {@code U} beyond {@code D/2}: the lag's range {@code [D/2 − U, D/2 + U]} reaches
 * below 0, a request clock offset against the readings ({@link ReadingPlacement}, docs/ANALYSIS.md §11 "Round 8").
 */
class RequestClockOffsetTest {

    private static final long MS = StepPower.MS;
    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long U = 60 * MS;

    @Test
    void anUncertaintyBeyondHalfTheAveragingIsAccepted() {
        assertThat(EnergyEstimators.pooled(0, U)).isNotNull();
        assertThat(EnergyEstimators.automatic(180 * MS, 91 * MS)).isNotNull();
        assertThat(EnergyEstimators.perRequest(0, 1)).isNotNull();
        assertThat(ReadingPlacement.estimated(-30 * MS, 5 * MS, 12).lagNanos()).isEqualTo(-30 * MS);
        assertThatThrownBy(() -> EnergyEstimators.automatic(0, -1)).hasMessageContaining("must not be negative");
    }

    @Test
    void aNegativeLagIsMeasuredWhereTheRequestsClockRunsAhead() {
        // instantaneous readings (D = 0) of the power 30 ms AFTER their stamps on the requests' clock: the requests
        // were stamped 30 ms late; range [−60, 60] ms
        Cell c = ReadingLagTest.cell(new SplittableRandom(5), 20);
        PowerTrace trace = ReadingLagTest.read(c, -30 * MS, 37 * MS);
        ReadingPlacement p = ReadingLag.estimate(trace, c.requests(), 0, U);
        assertThat(p.kind()).isEqualTo(ReadingPlacement.Kind.ESTIMATED);
        assertThat((double) Math.abs(p.lagNanos() + 30 * MS)).isLessThanOrEqualTo(p.allowanceNanos() + 1.0);
        assertThat(p.allowanceNanos()).isLessThan(10 * MS);
        double truth = 0;
        for (RequestTimeline r : c.requests()) {
            truth += c.power().joules(r.startEpochNanos(), r.endEpochNanos());
        }
        CellAttribution a = EnergyEstimators.automatic(0, U).attribute(trace, c.requests());
        assertThat(a.placement()).isEqualTo(p);
        assertThat(a.cell().total().covers(truth)).isTrue();
        // placed at the stamps, as today, the offset is not allowed for: the nominal placement
        assertThat(EnergyEstimators.automatic(0).attribute(trace, c.requests()).placement())
                .isEqualTo(ReadingPlacement.nominal(0));
    }

    @Test
    void aMeasuredOffsetHoldsTheTrueOneWithinItsStatedBoundOfEitherSign() {
        qt().withExamples(60)
                .forAll(longs().all(), integers().between(-50, 50), integers().between(0, 99))
                .checkAssert((seed, lagMs, phaseMs) -> {
                    Cell c = ReadingLagTest.cell(new SplittableRandom(seed), 20);
                    ReadingPlacement p =
                            ReadingLag.estimate(ReadingLagTest.read(c, lagMs * MS, phaseMs * MS), c.requests(), 0, U);
                    if (p.kind() == ReadingPlacement.Kind.ESTIMATED) {
                        assertThat((double) Math.abs(p.lagNanos() - lagMs * MS))
                                .isLessThanOrEqualTo(p.allowanceNanos() + 1.0);
                        assertThat(p.lagNanos()).isBetween(-U, U);
                    } else {
                        assertThat(p.kind()).isEqualTo(ReadingPlacement.Kind.FALLBACK);
                        assertThat(p.reason()).contains("end of the declared range [-60, 60] ms");
                        assertThat(Math.abs(lagMs)).as("lag %d ms", lagMs).isGreaterThan(35);
                    }
                });
    }

    @Test
    void anInstantaneousSensorsFallbackWidensEveryPooledIntervalByTheWholeUncertainty() {
        // readings every 100 ms from 0: 50 W up to 500 ms, 250 W from 600 to 1400 ms, 50 W after; one request
        // [550, 1450] ms, first token at 700 ms. Two edges: the fallback, lag 0 (D = 0), allowance u = 20 ms.
        long[] t = new long[21];
        double[] w = new double[21];
        for (int k = 0; k < 21; k++) {
            t[k] = T0 + k * 100 * MS;
            w[k] = k >= 6 && k <= 14 ? 250 : 50;
        }
        PowerTrace trace = PowerTrace.of(t, w).withNominalIntervalNanos(100 * MS);
        List<RequestTimeline> one =
                List.of(RequestTimeline.succeeded(T0 + 550 * MS, T0 + 700 * MS, T0 + 1450 * MS, 100, 30));
        CellAttribution before = EnergyEstimators.pooled().attribute(trace, one);
        CellAttribution after = EnergyEstimators.pooled(0, 20 * MS).attribute(trace, one);
        assertThat(after.placement().kind()).isEqualTo(ReadingPlacement.Kind.FALLBACK);
        assertThat(after.placement().lagNanos()).isZero();
        assertThat(after.placement().allowanceNanos()).isEqualTo(20 * MS);
        // the readings within u + 100 ms of each edge and the nearest either side:
        //   550 ms: 400..700 ms → 50, 50, 250, 250 W: range 200 W
        //   700 ms: 500..900 ms → 50, 250, 250, 250, 250 W: range 200 W
        //   1450 ms: 1300..1600 ms → 250, 250, 50, 50 W: range 200 W
        // every window: (200 + 200) W × 0.02 s = 8 J on both sides, the estimate unchanged
        EnergyEstimate[][] pairs = {
            {before.cell().total(), after.cell().total()},
            {before.cell().prefill(), after.cell().prefill()},
            {before.cell().decode(), after.cell().decode()},
            {
                before.requests().get(0).total().energy(),
                after.requests().get(0).total().energy()
            }
        };
        for (EnergyEstimate[] p : pairs) {
            assertThat(p[1].joules()).isEqualTo(p[0].joules());
            assertThat(p[1].ci95HighJoules()).isCloseTo(p[0].ci95HighJoules() + 8, within(1e-9));
            assertThat(p[1].ci95LowJoules()).isCloseTo(Math.max(0, p[0].ci95LowJoules() - 8), within(1e-9));
        }
        // per-request integration with instantaneous readings keeps U too (perRequest(0, U) was the plain instance,
        // which dropped it): its interval is the pooled one widened, so its upper bound moves by the same 8 J
        CellAttribution perBefore = EnergyEstimators.perRequest().attribute(trace, one);
        CellAttribution perAfter = EnergyEstimators.perRequest(0, 20 * MS).attribute(trace, one);
        assertThat(perAfter.placement()).isEqualTo(after.placement());
        assertThat(perAfter.cell().total().joules())
                .isEqualTo(perBefore.cell().total().joules());
        assertThat(perAfter.cell().total().ci95HighJoules())
                .isCloseTo(perBefore.cell().total().ci95HighJoules() + 8, within(1e-9));
    }

    @Test
    void withinHalfTheAveragingTheRangeIsTheOneBefore() {
        // U ≤ D/2 keeps lo = D/2 − U ≥ 0: the figures of ReadingLagTest stand; U = D/2 exactly reaches 0
        Cell c = ReadingLagTest.cell(new SplittableRandom(17), 20);
        PowerTrace trace = ReadingLagTest.read(c, 20 * MS, 11 * MS);
        ReadingPlacement p = ReadingLag.estimate(trace, c.requests(), 90 * MS, 90 * MS);
        if (p.kind() == ReadingPlacement.Kind.ESTIMATED) {
            assertThat(p.lagNanos() - p.allowanceNanos()).isGreaterThanOrEqualTo(0);
        } else {
            assertThat(p.reason()).doesNotContain("[-");
        }
    }
}
