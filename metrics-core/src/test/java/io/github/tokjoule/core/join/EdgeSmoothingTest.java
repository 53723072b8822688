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
 * The sensor's averaging at a window's edges ({@link EnergyEstimators#automatic(long)}): a piecewise-constant power
 * read by a sensor that reports the exact mean of its last {@code D} (a boxcar), against the power's exact integral.
 */
class EdgeSmoothingTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long MS = StepPower.MS;

    /** Idle 4 W, a 50 ms prefill at 16 W from T0 + 100 ms, a 150 ms decode at 10 W, idle 4 W. */
    private static final StepPower REQUEST = new StepPower(
            new long[] {T0 - 1000 * MS, T0 + 100 * MS, T0 + 150 * MS, T0 + 300 * MS}, new double[] {4, 16, 10, 4});

    private static final RequestTimeline TIMELINE =
            RequestTimeline.succeeded(T0 + 100 * MS, T0 + 150 * MS, T0 + 300 * MS, 100, 10);

    @Test
    void aBoxcarSensorReadsEachStepShortByAnEighthOfItsWindowAndTheCorrectionRestoresIt() {
        long d = 8 * MS;
        // Truth: prefill 16 W × 0.05 s = 0.8 J, decode 10 W × 0.15 s = 1.5 J, total 2.3 J.
        // Read through an 8 ms boxcar and placed 4 ms earlier, each step ΔP becomes a ramp over ±4 ms and the window
        // keeps its inner half, ΔP · D/8 = ΔP × 1 ms short of the step (a fall: over it):
        //   start +12 W: −0.012 J; first token −6 W: prefill −0.006 J, decode +0.006 J; end −6 W: −0.006 J
        //   prefill 0.8 − 0.012 − 0.006 = 0.782 J, decode 1.5 + 0.006 − 0.006 = 1.5 J, total 2.3 − 0.018 = 2.282 J.
        PowerTrace stamped = REQUEST.read(T0, T0 + 400 * MS, d, 0);
        PowerTrace shiftedOnly = REQUEST.read(T0, T0 + 400 * MS, d, d / 2);
        AttributedRequest shift = EnergyEstimators.perRequest()
                .attribute(shiftedOnly, List.of(TIMELINE))
                .requests()
                .get(0);
        assertThat(shift.prefill().joules()).isCloseTo(0.782, within(1e-9));
        assertThat(shift.decode().joules()).isCloseTo(1.5, within(1e-9));
        assertThat(shift.total().joules()).isCloseTo(2.282, within(1e-9));

        // ΔP from the readings whose 8 ms lie wholly before / after each edge: +12, −6, −6 W. The estimate takes the
        // middle of the bias's range [0, ΔP · D/8], (ΔP_a − ΔP_b) · D/16 = (ΔP_a − ΔP_b) × 0.5 ms:
        //   prefill (12 + 6) × 0.5 ms = +0.009 J → 0.791 J; decode (−6 + 6) → 1.5 J; total +0.009 J → 2.291 J
        // and allows as much again on both sides, so every interval holds the truth.
        CellAttribution corrected = EnergyEstimators.automatic(d).attribute(stamped, List.of(TIMELINE));
        assertThat(corrected.estimator()).isEqualTo("PER_REQUEST");
        AttributedRequest r = corrected.requests().get(0);
        assertThat(r.timeline()).isEqualTo(TIMELINE);
        assertThat(r.prefill().joules()).isCloseTo(0.791, within(1e-9));
        assertThat(r.decode().joules()).isCloseTo(1.5, within(1e-9));
        assertThat(r.total().joules()).isCloseTo(2.291, within(1e-9));
        assertThat(r.prefill().energy().covers(0.8)).isTrue();
        assertThat(r.decode().energy().covers(1.5)).isTrue();
        assertThat(r.total().energy().covers(2.3)).isTrue();
        assertThat(corrected.cell().total().joules()).isCloseTo(2.291, within(1e-9));
        assertThat(corrected.cell().total().covers(2.3)).isTrue();
    }

    @Test
    void thePooledIntervalIsMovedByTheCorrectionAndWidenedByTheAllowance() {
        long d = 8 * MS;
        CellEnergy shiftOnly = EnergyEstimators.pooled()
                .attribute(REQUEST.read(T0, T0 + 400 * MS, d, d / 2), List.of(TIMELINE))
                .cell();
        CellEnergy smoothed = EnergyEstimators.pooled(d)
                .attribute(REQUEST.read(T0, T0 + 400 * MS, d, 0), List.of(TIMELINE))
                .cell();
        // StepPower +12, −6, −6 W, D/16 = 0.5 ms: correction / allowance
        //   prefill (12 − (−6)) · 0.5 ms = +0.009 J / (12 + 6) · 0.5 ms = 0.009 J
        //   decode  (−6 − (−6)) · 0.5 ms = 0 J      / (6 + 6) · 0.5 ms  = 0.006 J
        //   total   (12 − (−6)) · 0.5 ms = +0.009 J / (12 + 6) · 0.5 ms = 0.009 J
        double[][] expected = {{0.009, 0.009}, {0, 0.006}, {0.009, 0.009}};
        Phase[] phases = {Phase.PREFILL, Phase.DECODE, Phase.TOTAL};
        for (int i = 0; i < 3; i++) {
            EnergyEstimate before = shiftOnly.energy(phases[i]);
            EnergyEstimate after = smoothed.energy(phases[i]);
            double c = expected[i][0];
            double allowance = expected[i][1];
            assertThat(after.joules()).as("%s", phases[i]).isCloseTo(before.joules() + c, within(1e-9));
            assertThat(after.ci95HighJoules())
                    .as("%s", phases[i])
                    .isCloseTo(before.ci95HighJoules() + c + allowance, within(1e-9));
            assertThat(after.ci95LowJoules())
                    .as("%s", phases[i])
                    .isCloseTo(Math.max(0, before.ci95LowJoules() + c - allowance), within(1e-9));
        }
    }

    @Test
    void correctionAndAllowanceByHand() {
        EdgeSmoothing s = new EdgeSmoothing(PowerTrace.of(new long[] {T0, T0 + MS}, new double[] {1, 1}), 8 * MS);
        // D = 8 ms: (ΔP_a − ΔP_b) · D/16 = (12 − (−6)) · 0.5 ms = 0.009 J; (|12| + |−6|) · 0.5 ms = 0.009 J; a dip
        // (−5 W at the start, back up 5 W at the end) reads over: (−5 − 5) · 0.5 ms = −0.005 J, allowance 0.005 J.
        assertThat(s.correctionJoules(12, -6)).isCloseTo(0.009, within(1e-15));
        assertThat(s.allowanceJoules(12, -6)).isCloseTo(0.009, within(1e-15));
        assertThat(s.correctionJoules(-5, 5)).isCloseTo(-0.005, within(1e-15));
        assertThat(s.allowanceJoules(-5, 5)).isCloseTo(0.005, within(1e-15));
        // A correction that would go below 0 is clipped; an estimate without an interval stays without one.
        EnergyEstimate clipped = EdgeSmoothing.applied(EnergyEstimate.of(0.01, 0.005, 0.02), -0.02, 0.02);
        assertThat(clipped).isEqualTo(EnergyEstimate.of(0, 0, 0.02));
        assertThat(EdgeSmoothing.applied(EnergyEstimate.withoutInterval(1), 0.5, 0.5))
                .isEqualTo(EnergyEstimate.withoutInterval(1.5));
    }

    @Test
    void eachEstimatorGivesItsCounterpartForAnAveragingWindowAndOneOfTheCallersOwnItself() {
        long d = 8 * MS;
        PowerTrace stamped = REQUEST.read(T0, T0 + 400 * MS, d, 0);
        List<RequestTimeline> one = List.of(TIMELINE);
        assertThat(EnergyEstimators.automatic().withSensorAveragingNanos(d).attribute(stamped, one))
                .isEqualTo(EnergyEstimators.automatic(d).attribute(stamped, one));
        assertThat(EnergyEstimators.perRequest().withSensorAveragingNanos(d).attribute(stamped, one))
                .isEqualTo(EnergyEstimators.perRequest(d).attribute(stamped, one));
        // The window replaces the one the estimator was made with.
        assertThat(EnergyEstimators.pooled(3 * d).withSensorAveragingNanos(d).attribute(stamped, one))
                .isEqualTo(EnergyEstimators.pooled(d).attribute(stamped, one));
        assertThat(EnergyEstimators.pooled(d).withSensorAveragingNanos(0).attribute(stamped, one))
                .isEqualTo(EnergyEstimators.pooled().attribute(stamped, one));
        EnergyEstimator own = new EnergyEstimator() {
            @Override
            public String name() {
                return "OWN";
            }

            @Override
            public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
                return EnergyEstimators.pooled().attribute(trace, requests);
            }
        };
        assertThat(own.withSensorAveragingNanos(d)).isSameAs(own);
        assertThatThrownBy(() -> own.withSensorAveragingNanos(-1)).isInstanceOf(IllegalArgumentException.class);
        // and the lag's range (ReadingLagTest) likewise, visibly: its placement stays nominal
        assertThat(own.withReadingPlacement(d, d / 2)).isSameAs(own);
        assertThat(own.withReadingPlacement(d, d / 2)
                        .attribute(stamped, one)
                        .placement()
                        .kind())
                .isEqualTo(ReadingPlacement.Kind.NOMINAL);
        assertThatThrownBy(() -> own.withReadingPlacement(d, -1)).hasMessageContaining("must not be negative");
    }

    @Test
    void aNegativeAveragingWindowIsRefused() {
        assertThatThrownBy(() -> EnergyEstimators.automatic(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensorAveragingNanos");
        assertThatThrownBy(() -> EnergyEstimators.perRequest(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensorAveragingNanos");
    }

    /** A cell of 3–8 requests with random levels, every phase and gap longer than {@code D} by a margin. */
    private static StepPower cell(long seed, long d, List<RequestTimeline> timelines) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 3 + rnd.nextInt(6);
        List<Long> knots = new ArrayList<>(List.of(T0 - 1000 * MS));
        List<Double> watts = new ArrayList<>(List.of(1 + 9 * rnd.nextDouble()));
        long now = T0 + d + 2 * MS + rnd.nextInt(100) * MS;
        for (int i = 0; i < n; i++) {
            long prefill = Math.max(d + MS, 12 * MS) + rnd.nextInt(200) * MS;
            long decode = Math.max(d + MS, 12 * MS) + rnd.nextInt(500) * MS;
            knots.add(now);
            watts.add(50 * rnd.nextDouble());
            knots.add(now + prefill);
            watts.add(50 * rnd.nextDouble());
            knots.add(now + prefill + decode);
            watts.add(1 + 9 * rnd.nextDouble());
            timelines.add(RequestTimeline.succeeded(now, now + prefill, now + prefill + decode, 100, 10));
            now += prefill + decode + d + 2 * MS + rnd.nextInt(100) * MS;
        }
        knots.add(now);
        watts.add(watts.get(watts.size() - 1));
        return new StepPower(
                knots.stream().mapToLong(Long::longValue).toArray(),
                watts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void onStepsReadByABoxcarTheEstimateMissesHalfTheBoxcarsBiasAndEveryIntervalHoldsTheTruth() {
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 20)).checkAssert((seed, dMs) -> {
            long d = dMs * MS;
            List<RequestTimeline> timelines = new ArrayList<>();
            StepPower power = cell(seed, d, timelines);
            long last = timelines.get(timelines.size() - 1).endEpochNanos();
            PowerTrace trace = power.read(T0, last + 2 * d + 10 * MS, d, 0);
            CellAttribution perRequest = EnergyEstimators.automatic(d).attribute(trace, timelines);
            assertThat(perRequest.estimator()).isEqualTo("PER_REQUEST");
            assertThat(perRequest.requests()).hasSize(timelines.size());
            for (int i = 0; i < timelines.size(); i++) {
                for (Phase p : Phase.values()) {
                    RequestTimeline r = timelines.get(i);
                    long a = p == Phase.DECODE ? r.firstTokenEpochNanos() : r.startEpochNanos();
                    long b = p == Phase.PREFILL ? r.firstTokenEpochNanos() : r.endEpochNanos();
                    double truth = power.joules(a, b);
                    // The shift alone misses (ΔP_a − ΔP_b) · D/8 (the boxcar's triangles); half is put back.
                    double bias = (power.step(a) - power.step(b)) * d / 8e9;
                    EnergyEstimate e = perRequest.requests().get(i).phase(p).energy();
                    assertThat(e.joules())
                            .as("%s %d", p, i)
                            .isCloseTo(truth - bias / 2, within(1e-9 * Math.max(1, truth)));
                    assertThat(e.covers(truth))
                            .as("%s %d: %s ∌ %s", p, i, e, truth)
                            .isTrue();
                }
            }
            double total = timelines.stream()
                    .mapToDouble(r -> power.joules(r.startEpochNanos(), r.endEpochNanos()))
                    .sum();
            assertThat(perRequest.cell().total().covers(total)).isTrue();
        });
    }

    @Test
    void theAllowanceIsNotNegativeVanishesWithoutAveragingAndGrowsWithTheWindow() {
        qt().forAll(longs().all(), integers().between(0, 19)).checkAssert((seed, dMs) -> {
            // The same cell (its gaps long enough for the larger D) read through two windows D1 < D2.
            long d1 = dMs * MS;
            long d2 = d1 + MS;
            List<RequestTimeline> timelines = new ArrayList<>();
            StepPower power = cell(seed, d2, timelines);
            long to = timelines.get(timelines.size() - 1).endEpochNanos() + 2 * d2 + 10 * MS;
            for (RequestTimeline r : timelines) {
                double[] allowance = new double[2];
                long[] ds = {d1, d2};
                for (int j = 0; j < 2; j++) {
                    EdgeSmoothing s = new EdgeSmoothing(power.read(T0, to, Math.max(1, ds[j]), 0), ds[j]);
                    double[] steps = s.steps(r);
                    allowance[j] = s.allowanceJoules(steps[0], steps[2]);
                    assertThat(allowance[j]).isGreaterThanOrEqualTo(0);
                }
                if (d1 == 0) {
                    assertThat(allowance[0]).isZero();
                }
                assertThat(allowance[1]).isGreaterThanOrEqualTo(allowance[0] * (1 - 1e-12));
            }
        });
    }

    /** ΔP at {@code x} by a linear scan: the first reading stamped at or after x + d less the last at or before x. */
    private static double slowStep(PowerTrace trace, long x, long d) {
        double before = trace.wattsAt(0);
        double after = trace.wattsAt(trace.size() - 1);
        for (int k = trace.size() - 1; k >= 0; k--) {
            if (trace.epochNanosAt(k) >= x + d) {
                after = trace.wattsAt(k);
            }
        }
        for (int k = 0; k < trace.size(); k++) {
            if (trace.epochNanosAt(k) <= x) {
                before = trace.wattsAt(k);
            }
        }
        return after - before;
    }

    @Test
    void thePooledCellIsTheShiftedReadingsPooledAndMovedByTheEdgesOrExactlyTheOldOneWithoutAveraging() {
        qt().forAll(longs().all(), integers().between(0, 30), integers().between(5, 600))
                .checkAssert((seed, dMs, periodMs) -> {
                    long d = dMs * MS;
                    List<RequestTimeline> timelines = new ArrayList<>();
                    StepPower power = cell(seed, d, timelines);
                    long to = timelines.get(timelines.size() - 1).endEpochNanos() + 1000 * MS;
                    int n = (int) ((to - T0) / (periodMs * MS));
                    long[] t = new long[n];
                    long[] earlier = new long[n];
                    double[] w = new double[n];
                    for (int k = 0; k < n; k++) {
                        t[k] = T0 + k * periodMs * MS + Math.floorMod(seed + k, 3) * MS;
                        earlier[k] = t[k] - d / 2;
                        w[k] = power.reading(t[k], Math.max(d, MS));
                    }
                    PowerTrace trace = PowerTrace.of(t, w);
                    CellEnergy smoothed = EnergyEstimators.pooled(d)
                            .attribute(trace, timelines)
                            .cell();
                    CellEnergy old = EnergyEstimators.pooled()
                            .attribute(PowerTrace.of(earlier, w), timelines)
                            .cell();
                    if (d == 0) {
                        assertThat(smoothed).isEqualTo(old);
                        return;
                    }
                    double correction = 0;
                    double allowance = 0;
                    for (RequestTimeline r : timelines) {
                        if (r.startEpochNanos() + d / 2 < t[0] || r.endEpochNanos() + d / 2 > t[n - 1]) {
                            continue; // partly outside the trace: not attributed
                        }
                        double a = slowStep(trace, r.startEpochNanos(), d);
                        double b = slowStep(trace, r.endEpochNanos(), d);
                        correction += (a - b) * d / 16e9;
                        allowance += (Math.abs(a) + Math.abs(b)) * d / 16e9;
                    }
                    EnergyEstimate before = old.total();
                    EnergyEstimate after = smoothed.total();
                    double tol = 1e-9 * Math.max(1, before.ci95HighJoules());
                    assertThat(allowance).isGreaterThanOrEqualTo(0);
                    assertThat(after.joules()).isCloseTo(Math.max(0, before.joules() + correction), within(tol));
                    assertThat(after.ci95HighJoules())
                            .isCloseTo(
                                    Math.max(after.joules(), before.ci95HighJoules() + correction + allowance),
                                    within(tol));
                    assertThat(after.ci95LowJoules())
                            .isCloseTo(
                                    Math.max(
                                            0,
                                            Math.min(after.joules(), before.ci95LowJoules() + correction - allowance)),
                                    within(tol));
                });
    }
}
