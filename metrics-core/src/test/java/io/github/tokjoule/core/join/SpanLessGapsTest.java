package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The span less the gaps ({@link SpanLessGaps}, estimator {@code SPAN} of {@link EnergyEstimators#automatic(long)}):
 * requests back to back, a piecewise-constant power read by a sensor that reports the exact mean of its last {@code
 * D} (a boxcar) every millisecond, against the power's exact integral over the requests.
 */
class SpanLessGapsTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long MS = StepPower.MS;

    /** Idle 4 W; two requests at 10 W, [100, 300] ms and [340, 540] ms, a 40 ms gap at idle between them. */
    private static final StepPower TWO = new StepPower(
            new long[] {T0 - 1000 * MS, T0 + 100 * MS, T0 + 300 * MS, T0 + 340 * MS, T0 + 540 * MS},
            new double[] {4, 10, 4, 10, 4});

    private static final List<RequestTimeline> REQUESTS = List.of(
            RequestTimeline.succeeded(T0 + 100 * MS, T0 + 120 * MS, T0 + 300 * MS, 100, 10),
            RequestTimeline.succeeded(T0 + 340 * MS, T0 + 360 * MS, T0 + 540 * MS, 100, 10));

    @Test
    void aShortGapIsTakenOffTheSpanAtTheFloorAndAllowedUpToTheBusyLevel() {
        long d = 100 * MS;
        PowerTrace trace = TWO.read(T0, T0 + 800 * MS, d);
        // Truth: 10 W × (0.2 + 0.2) s = 4 J. Span [100, 540] ms: 4 J + the gap's 4 W × 0.04 s = 4.16 J.
        // The readings placed 50 ms earlier are the power smoothed by a centred 100 ms boxcar: the gap's dip stays
        // inside the span (its integral kept), the two outer steps (+6 W, −6 W) lose 6 × 0.1/8 = 0.075 J each:
        //   E_span = 4.16 − 0.15 = 4.01 J (the smoothed power is linear between millisecond knots: exact)
        // ΔP_a = reading at 200 ms (10 W) − reading at 100 ms (4 W) = +6; ΔP_b = 4 − 10 = −6:
        //   correction (6 + 6) × 0.1 s / 16 = +0.075 J, allowance as much: span 4.085 J
        // The gap (40 ms < D) at the floor, the lowest reading around the cell, 4 W: 0.16 J
        //   total = 4.085 − 0.16 = 3.925 J (the boxcar's whole bias is twice the correction: 4 J − 3.925 J = 0.075 J)
        // High: 3.925 + 0.075 + 1.96 · √((36 + 36) · 0.001² / 12) = 3.925 + 0.075 + 0.0048 = 4.0048 J ≥ 4 J
        // Low: the gap allowed up to the highest reading averaging over it (10 W): 0.04 s × 6 W = 0.24 J less,
        //   3.925 − 0.075 − 0.0048 − 0.24 = 3.6052 J
        CellAttribution cell = EnergyEstimators.automatic(d).attribute(trace, REQUESTS);
        assertThat(cell.estimator()).isEqualTo("SPAN");
        EnergyEstimate total = cell.cell().total();
        double edge = 1.959964 * Math.sqrt(72 * 1e-6 / 12);
        assertThat(total.joules()).isCloseTo(3.925, within(1e-6));
        assertThat(total.ci95HighJoules()).isCloseTo(3.925 + 0.075 + edge, within(1e-6));
        assertThat(total.ci95LowJoules()).isCloseTo(3.925 - 0.075 - edge - 0.24, within(1e-6));
        assertThat(total.covers(TWO.joules(T0 + 100 * MS, T0 + 300 * MS) + TWO.joules(T0 + 340 * MS, T0 + 540 * MS)))
                .isTrue();
        // The phases stay additive: decode is the total less the prefill, the requests' own figures those of the
        // estimator automatic picks without the gaps (per request: a millisecond's readings are dense)
        CellAttribution pooled = EnergyEstimators.perRequest(d).attribute(trace, REQUESTS);
        assertThat(cell.cell().prefill()).isEqualTo(pooled.cell().prefill());
        assertThat(cell.cell().decode().joules())
                .isCloseTo(total.joules() - pooled.cell().prefill().joules(), within(1e-9));
        assertThat(cell.requests()).isEqualTo(pooled.requests());
        // Before: the sum of the requests' own windows, which the gap's dip smeared into them pulls low
        assertThat(pooled.cell().total().joules()).isLessThan(3.925);
    }

    @Test
    void gapsLongerThanTheAveragingLeaveTheEstimatorAsItWas() {
        long d = 30 * MS; // shorter than the 40 ms gap
        PowerTrace trace = TWO.read(T0, T0 + 800 * MS, d);
        CellAttribution cell = EnergyEstimators.automatic(d).attribute(trace, REQUESTS);
        assertThat(cell.estimator()).isNotEqualTo("SPAN");
        assertThat(cell.cell())
                .isEqualTo(EnergyEstimators.perRequest(d)
                        .attribute(trace, REQUESTS)
                        .cell());
        // and D = 0, one request, or overlapping requests never switch
        assertThat(EnergyEstimators.automatic(0).attribute(trace, REQUESTS).estimator())
                .isNotEqualTo("SPAN");
        assertThat(EnergyEstimators.automatic(100 * MS)
                        .attribute(trace, REQUESTS.subList(0, 1))
                        .estimator())
                .isNotEqualTo("SPAN");
        List<RequestTimeline> overlapping = List.of(
                REQUESTS.get(0), RequestTimeline.succeeded(T0 + 250 * MS, T0 + 260 * MS, T0 + 540 * MS, 100, 10));
        assertThat(EnergyEstimators.automatic(100 * MS)
                        .attribute(trace, overlapping)
                        .estimator())
                .isNotEqualTo("SPAN");
    }

    /**
     * Random cells: 2–12 requests of 50–400 ms at 8–20 W (many shorter than {@code D}), idle 3–5 W, gaps of 5–200 ms
     * in which the power first stays up to half-way between the last request's level and idle and drops to idle within
     * the gap (above the floor by an amount no averaged reading shows), read by a boxcar of 20–150 ms. Where the
     * estimator applies, its interval holds the exact total, the estimate lies within it, and the interval reaches
     * above the floor times the requests' time. (With a step-based allowance at the edges, {@code M · D/8}, 25 of 3,000
     * such cells missed the exact total, by 0.02–3 %, each with a request shorter than {@code D} beside an edge.)
     */
    @Test
    void theIntervalHoldsTheExactTotalOnRandomCells() {
        qt().withExamples(200)
                .forAll(longs().all(), integers().between(20, 150))
                .checkAssert(SpanLessGapsTest::check);
    }

    /** One random cell of {@link #theIntervalHoldsTheExactTotalOnRandomCells}. */
    static void check(long seed, int dMs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double idle = 3 + 2 * rnd.nextDouble();
        List<Long> knots = new ArrayList<>(List.of(T0 - 2000 * MS));
        List<Double> watts = new ArrayList<>(List.of(idle));
        List<RequestTimeline> requests = new ArrayList<>();
        long now = T0;
        int n = 2 + rnd.nextInt(11);
        for (int i = 0; i < n; i++) {
            long length = (50 + rnd.nextInt(351)) * MS;
            long first = now + (5 + rnd.nextInt(30)) * MS;
            double level = 8 + 12 * rnd.nextDouble();
            knots.add(now);
            watts.add(level);
            requests.add(RequestTimeline.succeeded(now, first, now + length, 100, 10));
            now += length;
            long gap = (5 + rnd.nextInt(196)) * MS;
            long tail = rnd.nextInt((int) (gap / MS)) * MS; // on the readings' millisecond grid: the trapezoid is exact
            knots.add(now);
            watts.add(idle + (level - idle) * rnd.nextDouble() * 0.5);
            if (tail > MS) {
                knots.add(now + tail);
                watts.add(idle);
            }
            now += gap;
        }
        knots.add(now);
        watts.add(idle);
        StepPower power = new StepPower(
                knots.stream().mapToLong(Long::longValue).toArray(),
                watts.stream().mapToDouble(Double::doubleValue).toArray());
        long d = dMs * MS;
        PowerTrace trace = power.read(T0 - 400 * MS, now + 400 * MS, d);
        double truth = 0;
        double busySeconds = 0;
        for (RequestTimeline r : requests) {
            truth += power.joules(r.startEpochNanos(), r.endEpochNanos());
            busySeconds += r.durationNanos(Phase.TOTAL) / 1e9;
        }
        CellAttribution cell = EnergyEstimators.automatic(d).attribute(trace, requests);
        if (!cell.estimator().equals("SPAN")) {
            assertThat(SpanLessGaps.applies(requests, EnergyEstimators.pooled(d).attribute(trace, requests), d))
                    .isFalse();
            return;
        }
        EnergyEstimate total = cell.cell().total();
        // a boxcar with each step right at an edge is the extreme the allowance reaches exactly (D/8 a step)
        double slack = 1e-9 * truth;
        assertThat(total.ci95LowJoules() - slack <= truth && truth <= total.ci95HighJoules() + slack)
                .as("%s holds %.6f J (D = %d ms)", total, truth, dMs)
                .isTrue();
        assertThat(total.joules()).isBetween(total.ci95LowJoules(), total.ci95HighJoules());
        assertThat(total.ci95LowJoules()).isGreaterThanOrEqualTo(0);
        assertThat(cell.cell().decode().joules() + cell.cell().prefill().joules())
                .isCloseTo(total.joules(), within(1e-6 + 1e-9 * total.joules()));
        assertThat(busySeconds * idle).isLessThan(total.ci95HighJoules());
    }
}
