package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The readings' lag measured at the requests' edges ({@link EnergyEstimators#automatic(long, long)}, {@code
 * ReadingLag}) and the placement's allowance ({@link ReadingPlacement}).
 */
class ReadingLagTest {

    private static final long MS = StepPower.MS;
    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long D = 180 * MS;
    private static final long U = 60 * MS;

    /** A cell of {@code n} requests on a step power: idle 50 W, busy 150–350 W, 400–1400 ms each, 400–900 ms apart. */
    record Cell(StepPower power, List<RequestTimeline> requests, long end) {}

    static Cell cell(SplittableRandom rnd, int n) {
        List<Long> knots = new ArrayList<>(List.of(T0 - 10_000 * MS));
        List<Double> watts = new ArrayList<>(List.of(50.0));
        List<RequestTimeline> requests = new ArrayList<>();
        long now = T0;
        for (int i = 0; i < n; i++) {
            long length = (400 + rnd.nextInt(1000)) * MS;
            knots.add(now);
            watts.add(150 + 200 * rnd.nextDouble());
            knots.add(now + length);
            watts.add(50.0);
            requests.add(RequestTimeline.succeeded(now, now + length / 4, now + length, 100, 10));
            now += length + (400 + rnd.nextInt(500)) * MS;
        }
        return new Cell(
                new StepPower(
                        knots.stream().mapToLong(Long::longValue).toArray(),
                        watts.stream().mapToDouble(Double::doubleValue).toArray()),
                requests,
                now + 2000 * MS);
    }

    /** Point readings every 100 ms from {@code phase}, each showing the power {@code lag} before its stamp. */
    static PowerTrace read(Cell cell, long lag, long phase) {
        PowerTrace.Builder b = PowerTrace.builder();
        for (long t = T0 - 3000 * MS + phase; t < cell.end(); t += 100 * MS) {
            b.add(t, cell.power().level(t - lag));
        }
        return b.build().withNominalIntervalNanos(100 * MS);
    }

    @Test
    void theBracketIsTheLagsThatMisreadAtMostOneReadingMoreThanTheBest() {
        // Five ambiguous readings stamped 40, 50, 80, 120 and 140 ms after their edges; the first three show the
        // level before the edge (cost 0 if read as before, 1 as after), the last two the level after it. Range
        // [30, 150] ms. cost(L) = Σ (L < t − x ? after : before):
        //   [30, 40): 1+1+1+0+0 = 3   [40, 50): 2   [50, 80): 1   [80, 120): 0   [120, 140): 1   [140, 150]: 2
        // plausible (cost ≤ 0 + 1): [50, 140) → L̂ = 95 ms, u = 45 ms.
        double[] at = {40e6, 50e6, 80e6, 120e6, 140e6};
        double[] before = {0, 0, 0, 1, 1};
        double[] after = {1, 1, 1, 0, 0};
        ReadingPlacement p = ReadingLag.bracket(at, before, after, 30 * MS, 150 * MS, 90 * MS, U, 9);
        assertThat(p.kind()).isEqualTo(ReadingPlacement.Kind.ESTIMATED);
        assertThat(p.lagNanos()).isEqualTo(95 * MS);
        assertThat(p.allowanceNanos()).isEqualTo(45 * MS);
        assertThat(p.edges()).isEqualTo(9);
        // Without the reading at 140 ms the cost on [120, 150] is 1: plausible up to the range's end, so the lag may
        // lie beyond it, and the declared placement stands with its whole uncertainty.
        ReadingPlacement open = ReadingLag.bracket(
                new double[] {40e6, 50e6, 80e6, 120e6},
                new double[] {0, 0, 0, 1},
                new double[] {1, 1, 1, 0},
                30 * MS,
                150 * MS,
                90 * MS,
                U,
                9);
        assertThat(open.kind()).isEqualTo(ReadingPlacement.Kind.FALLBACK);
        assertThat(open.lagNanos()).isEqualTo(90 * MS);
        assertThat(open.allowanceNanos()).isEqualTo(U);
        assertThat(open.reason()).contains("end of the declared range [30, 150] ms");
    }

    @Test
    void aPartlyRaisedReadingVotesPartly() {
        // The reading at 80 ms sits a quarter of the step above the level before: before 0.25, after 0.75.
        //   [30, 40): 1+1+0.75 = 2.75  [40, 50): 1.75  [50, 80): 0.75  [80, 120): 0.25  [120, 140): 1.25
        //   [140, 150]: 2.25; plausible (≤ 1.25): [50, 140) as before, but now also for a reading half way.
        ReadingPlacement p = ReadingLag.bracket(
                new double[] {40e6, 50e6, 80e6, 120e6, 140e6},
                new double[] {0, 0, 0.25, 1, 1},
                new double[] {1, 1, 0.75, 0, 0},
                30 * MS,
                150 * MS,
                90 * MS,
                U,
                9);
        assertThat(p.lagNanos()).isEqualTo(95 * MS);
        assertThat(p.allowanceNanos()).isEqualTo(45 * MS);
    }

    @Test
    void aLagIsMeasuredOnAStepPowerAndTheNominalOneIsNot() {
        Cell c = cell(new SplittableRandom(5), 20);
        PowerTrace trace = read(c, 130 * MS, 37 * MS);
        ReadingPlacement p = ReadingLag.estimate(trace, c.requests(), D / 2, U);
        assertThat(p.kind()).isEqualTo(ReadingPlacement.Kind.ESTIMATED);
        assertThat(p.edges()).isEqualTo(40);
        assertThat((double) Math.abs(p.lagNanos() - 130 * MS)).isLessThanOrEqualTo(p.allowanceNanos() + 1.0);
        assertThat(p.allowanceNanos()).isLessThan(10 * MS);
        assertThat(ReadingLag.estimate(trace, c.requests(), D / 2, 0)).isEqualTo(ReadingPlacement.nominal(D / 2));
        // the group's total then holds the exact energy, its interval widened by the lag's few ms only
        double truth = 0;
        for (RequestTimeline r : c.requests()) {
            truth += c.power().joules(r.startEpochNanos(), r.endEpochNanos());
        }
        CellAttribution measured = EnergyEstimators.automatic(D, U).attribute(trace, c.requests());
        assertThat(measured.placement()).isEqualTo(p);
        EnergyEstimate total = measured.cell().total();
        assertThat(total.covers(truth)).isTrue();
        assertThat(total.ci95HighJoules() - total.ci95LowJoules()).isLessThan(0.1 * truth);
        assertThat(EnergyEstimators.automatic(D).attribute(trace, c.requests()).placement())
                .isEqualTo(ReadingPlacement.nominal(D / 2));
    }

    @Test
    void tooFewEdgesFallBackToTheDeclaredPlacementWithItsWholeUncertaintyAndSaySo() {
        Cell c = cell(new SplittableRandom(7), 3);
        PowerTrace trace = read(c, 60 * MS, 0);
        CellAttribution a = EnergyEstimators.pooled(D, U).attribute(trace, c.requests());
        assertThat(a.placement().kind()).isEqualTo(ReadingPlacement.Kind.FALLBACK);
        assertThat(a.placement().lagNanos()).isEqualTo(D / 2);
        assertThat(a.placement().allowanceNanos()).isEqualTo(U);
        assertThat(a.placement().edges()).isEqualTo(6);
        assertThat(a.placement().reason()).startsWith("6 of 6 request edges").contains("8 needed");
        assertThat(ReadingLag.estimate(trace, List.of(), D / 2, U).reason()).startsWith("no request edges");
    }

    @Test
    void thePowersRangeNearAnEdgeSpansTheReadingsThatMayLieWithinOneIntervalOfIt() {
        // readings every 100 ms from 0: 50 W up to 300 ms, 300 W at 400 ms, 200 W from 500 ms
        long[] t = new long[11];
        double[] w = new double[11];
        for (int k = 0; k < 11; k++) {
            t[k] = T0 + k * 100 * MS;
            w[k] = k < 4 ? 50 : k == 4 ? 300 : 200;
        }
        PowerTrace trace = PowerTrace.of(t, w).withNominalIntervalNanos(100 * MS);
        // edge at 300 ms, lag 90 ± 10 ms: stamps [300 + 90 − 110, 300 + 90 + 110] = [280, 500] ms, and the nearest
        // reading either side: 200..600 ms → 50, 50, 300, 200, 200 W: range 250 W
        ReadingPlacement p = ReadingPlacement.estimated(90 * MS, 10 * MS, 20);
        assertThat(ReadingLag.rangeNearWatts(trace, T0 + 300 * MS, p)).isEqualTo(250.0);
        // allowance per window: (250 + 150) W × 0.01 s = 4 J
        assertThat(p.allowanceJoules(250, -150)).isCloseTo(4.0, within(1e-12));
        assertThat(ReadingPlacement.nominal(90 * MS).allowanceJoules(250, 150)).isZero();
    }

    @Test
    void aPlacementChecksItsValues() {
        // a negative lag is a request clock offset (RequestClockOffsetTest); a negative allowance or count is wrong
        assertThatThrownBy(() -> ReadingPlacement.estimated(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadingPlacement.estimated(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadingPlacement(ReadingPlacement.Kind.NOMINAL, 0, 1, 0, ""))
                .hasMessageContaining("no allowance");
        assertThatThrownBy(() -> ReadingPlacement.fallback(0, 1, 0, "")).hasMessageContaining("reason");
        assertThatThrownBy(() -> new ReadingPlacement(ReadingPlacement.Kind.ESTIMATED, 0, 1, 0, "why"))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> EnergyEstimators.pooled(D, -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> EnergyEstimators.perRequest(-1, 0)).hasMessageContaining("negative");
    }

    @Test
    void withoutAnUncertaintyEveryEstimatorIsTheOneBeforeFigureForFigure() {
        Cell c = cell(new SplittableRandom(11), 12);
        PowerTrace trace = read(c, 90 * MS, 13 * MS);
        assertThat(EnergyEstimators.automatic(D, 0).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.automatic(D).attribute(trace, c.requests()));
        assertThat(EnergyEstimators.pooled(D, 0).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.pooled(D).attribute(trace, c.requests()));
        assertThat(EnergyEstimators.perRequest(D, 0).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.perRequest(D).attribute(trace, c.requests()));
        assertThat(EnergyEstimators.automatic(0, 0)).isSameAs(EnergyEstimators.automatic());
    }

    @Test
    void anEstimatorForADeclaredRangeIsTheFactorys() {
        Cell c = cell(new SplittableRandom(13), 20);
        PowerTrace trace = read(c, 70 * MS, 41 * MS);
        assertThat(EnergyEstimators.automatic().withReadingPlacement(D, U).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.automatic(D, U).attribute(trace, c.requests()));
        assertThat(EnergyEstimators.pooled().withReadingPlacement(D, U).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.pooled(D, U).attribute(trace, c.requests()));
        assertThat(EnergyEstimators.perRequest().withReadingPlacement(D, U).attribute(trace, c.requests()))
                .isEqualTo(EnergyEstimators.perRequest(D, U).attribute(trace, c.requests()));
        // an estimator of one's own ignores U visibly: EdgeSmoothingTest
    }

    @Test
    void aMeasuredLagHoldsTheTrueLagWithinItsStatedBound() {
        // exact point readings: every reading near an edge shows the level its true time says, so the true lag
        // costs nothing and lies inside the plausible set
        qt().withExamples(60)
                .forAll(longs().all(), integers().between(40, 140), integers().between(0, 99))
                .checkAssert((seed, lagMs, phaseMs) -> {
                    Cell c = cell(new SplittableRandom(seed), 20);
                    ReadingPlacement p = ReadingLag.estimate(read(c, lagMs * MS, phaseMs * MS), c.requests(), D / 2, U);
                    if (p.kind() == ReadingPlacement.Kind.ESTIMATED) {
                        assertThat((double) Math.abs(p.lagNanos() - lagMs * MS))
                                .isLessThanOrEqualTo(p.allowanceNanos() + 1.0);
                        assertThat(p.lagNanos()).isBetween(D / 2 - U, D / 2 + U);
                    } else {
                        // near the range's ends the bracket may reach them: then it says so
                        assertThat(p.kind()).isEqualTo(ReadingPlacement.Kind.FALLBACK);
                        assertThat(p.reason()).contains("end of the declared range");
                        assertThat(lagMs < 55 || lagMs > 125)
                                .as("lag %d ms", lagMs)
                                .isTrue();
                    }
                });
    }

    @Test
    void theAllowanceGrowsWithTheUncertaintyAndWithTheSteps() {
        qt().forAll(
                        integers().between(0, 90),
                        integers().between(0, 90),
                        integers().between(0, 500),
                        integers().between(0, 500))
                .checkAssert((u1, u2, a, b) -> {
                    ReadingPlacement small = ReadingPlacement.fallback(90 * MS, Math.min(u1, u2) * MS, 0, "test");
                    ReadingPlacement large = ReadingPlacement.fallback(90 * MS, Math.max(u1, u2) * MS, 0, "test");
                    assertThat(small.allowanceJoules(a, -b)).isLessThanOrEqualTo(large.allowanceJoules(a, -b));
                    assertThat(small.allowanceJoules(a, b)).isLessThanOrEqualTo(small.allowanceJoules(a + 1, b + 1));
                    assertThat(small.allowanceJoules(a, b)).isCloseTo((a + b) * Math.min(u1, u2) / 1e3, within(1e-9));
                });
        // and the estimator's interval with it: a single request falls back, its estimate stays, its interval widens
        qt().withExamples(30)
                .forAll(longs().all(), integers().between(0, 90), integers().between(0, 90))
                .checkAssert((seed, u1, u2) -> {
                    Cell c = cell(new SplittableRandom(seed), 1);
                    PowerTrace trace = read(c, 90 * MS, 0);
                    EnergyEstimate small = EnergyEstimators.pooled(D, Math.min(u1, u2) * MS)
                            .attribute(trace, c.requests())
                            .cell()
                            .total();
                    EnergyEstimate large = EnergyEstimators.pooled(D, Math.max(u1, u2) * MS)
                            .attribute(trace, c.requests())
                            .cell()
                            .total();
                    assertThat(large.joules()).isEqualTo(small.joules());
                    assertThat(large.ci95LowJoules()).isLessThanOrEqualTo(small.ci95LowJoules());
                    assertThat(large.ci95HighJoules()).isGreaterThanOrEqualTo(small.ci95HighJoules());
                });
    }
}
