package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.ReadingPlacement;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.live.source.NvidiaSmiSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A group's total ({@link LiveMeter#group}) from nvidia-smi's readings against the exact energy, for cells shaped
 * like the real H100 run C (docs/LIVE.md, "Real hardware"): 20 requests of 0.3–3 s back to back, 0.1–0.5 s apart, a
 * short prefill at 250–700 W, a decode at 150–400 W with a drift, a cold first request that decodes 2–5 × longer, and
 * after each request a tail that decays from the decode level to idle (125–131 W) over 50–400 ms, so that the power
 * in the short gaps lies above the floor by an amount no reading shows; cells 1.5–3 s apart. Read through the model
 * of {@link NvidiaSmiWindowCoverageTest}: the one-second mean refreshed every 100 ms at a random phase ({@code D} =
 * 1.1 s), the instant reading 40 ms before the refresh ({@code D} = 0.18 s), a line every 100 ms arriving late, two
 * decimals. The truth of a cell is the exact integral over its requests. This is the synthetic model the span-less-gaps
 * total ({@code SPAN}, core's {@code SpanLessGaps}) was checked on before run C (figures in docs/LIVE.md).
 */
class NvidiaSmiGroupCoverageTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long REFRESH = 100 * MS;
    private static final int CELLS = 30;
    private static final int REQUESTS = 20;

    /** A known power for {@code CELLS} cells, and each cell's requests. */
    private record Workload(PiecewiseLinear truth, List<List<RequestTimeline>> cells, long until) {}

    private static Workload workload(SplittableRandom rnd) {
        List<Long> t = new ArrayList<>(List.of(T0));
        List<Double> w = new ArrayList<>(List.of(128.0));
        List<List<RequestTimeline>> cells = new ArrayList<>();
        long now = T0 + 4000 * MS;
        for (int c = 0; c < CELLS; c++) {
            double idle = 125 + 6 * rnd.nextDouble();
            double peak = 250 + 450 * rnd.nextDouble();
            double level = 150 + 250 * rnd.nextDouble();
            long decodeBase = (250 + rnd.nextInt(2700)) * MS;
            long prefillBase = (15 + rnd.nextInt(80)) * MS;
            long tail = (50 + rnd.nextInt(350)) * MS;
            double tailShare = 0.1 + 0.4 * rnd.nextDouble(); // the tail starts at this share of decode above idle
            List<RequestTimeline> cell = new ArrayList<>();
            t.add(now - MS);
            w.add(idle);
            for (int i = 0; i < REQUESTS; i++) {
                long ramp = (5 + rnd.nextInt(20)) * MS;
                long prefill = prefillBase + rnd.nextInt(10) * MS;
                long decode = (long) (decodeBase * (i == 0 ? 2 + 3 * rnd.nextDouble() : 0.9 + 0.2 * rnd.nextDouble()));
                double drift = -20 + 40 * rnd.nextDouble();
                long firstToken = now + ramp + prefill;
                long end = firstToken + decode;
                long[] knots = {now, now + ramp, firstToken, firstToken + ramp, end - MS, end};
                double[] watts = {idle, peak, peak, level, level + drift, idle + tailShare * (level + drift - idle)};
                for (int k = 0; k < knots.length; k++) {
                    t.add(knots[k]);
                    w.add(watts[k]);
                }
                long gap = (100 + rnd.nextInt(400)) * MS;
                long settle = Math.min(tail, gap - MS);
                t.add(end + settle);
                w.add(idle);
                cell.add(RequestTimeline.succeeded(now, firstToken, end, 1000, 100));
                now = end + gap;
            }
            cells.add(cell);
            now += (1500 + rnd.nextInt(1500)) * MS;
        }
        t.add(now + 10_000 * MS);
        w.add(128.0);
        PiecewiseLinear truth = new PiecewiseLinear(
                t.stream().mapToLong(Long::longValue).toArray(),
                w.stream().mapToDouble(Double::doubleValue).toArray());
        return new Workload(truth, cells, now + 3000 * MS);
    }

    private static LiveTrace sample(SplittableRandom rnd, Workload work, boolean averaged, long phase) {
        LiveTrace trace = LiveTrace.builder("nvidia-smi", List.of(averaged ? "power.draw" : "power.draw.instant"))
                .capacity(2_000_000)
                .nominalIntervalNanos(100 * MS)
                .sensorDelayNanos(
                        averaged
                                ? NvidiaSmiSource.AVERAGING_WINDOW_NANOS + NvidiaSmiSource.DRIVER_REFRESH_NANOS
                                : NvidiaSmiSource.INSTANT_DELAY_NANOS)
                .placementUncertaintyNanos(averaged ? 0 : NvidiaSmiSource.INSTANT_PLACEMENT_UNCERTAINTY_NANOS)
                .build();
        double[] w = new double[1];
        for (long deadline = T0 + 1000 * MS; deadline < work.until(); deadline += 100 * MS) {
            long late =
                    rnd.nextDouble() < 0.95 ? (long) (5 * MS * rnd.nextDouble()) : (long) (40 * MS * rnd.nextDouble());
            long at = deadline + late;
            w[0] = Math.round(NvidiaSmiWindowCoverageTest.reading(work.truth(), at, phase, averaged) * 100) / 100.0;
            trace.appendWatts(at, w);
        }
        return trace;
    }

    /** Coverage and the median error and half width, relative to the truth, over the cells. */
    record Figures(
            int cells, int covered, double medianError, double maxError, double medianHalfWidth, int lagEstimated) {}

    private static Figures groups(LiveTrace trace, Workload work, boolean pooledOnly, String what) {
        LiveMeter meter = LiveMeter.of(List.of(trace), LiveClock.system());
        String key = "nvidia-smi/" + trace.rails().get(0);
        int covered = 0;
        int estimated = 0;
        double[] errors = new double[work.cells().size()];
        double[] halves = new double[work.cells().size()];
        for (int c = 0; c < work.cells().size(); c++) {
            double truth = 0;
            for (RequestTimeline r : work.cells().get(c)) {
                truth += work.truth().joules(r.startEpochNanos(), r.endEpochNanos());
            }
            EnergyEstimate total;
            if (pooledOnly) {
                total = EnergyEstimators.pooled(trace.sensorDelayNanos())
                        .attribute(trace.snapshot(0), work.cells().get(c))
                        .cell()
                        .total();
            } else {
                for (RequestTimeline r : work.cells().get(c)) {
                    meter.measure("cell-" + c, r);
                }
                CellAttribution group = meter.group("cell-" + c).get(key);
                total = group.cell().total();
                estimated += group.placement().kind() == ReadingPlacement.Kind.ESTIMATED ? 1 : 0;
            }
            covered += total.covers(truth) ? 1 : 0;
            errors[c] = (total.joules() - truth) / truth;
            halves[c] = (total.ci95HighJoules() - total.ci95LowJoules()) / 2 / truth;
        }
        double[] abs = Arrays.stream(errors).map(Math::abs).sorted().toArray();
        Arrays.sort(halves);
        Figures f = new Figures(
                errors.length, covered, abs[abs.length / 2], abs[abs.length - 1], halves[halves.length / 2], estimated);
        System.out.printf(
                Locale.ROOT,
                "%s: %d of %d cells covered, |error| median %.2f %% max %.2f %%, errors %.2f to %+.2f %%,"
                        + " median half width %.2f %% (%.1f x the median error), lag measured in %d cells%n",
                what,
                f.covered(),
                f.cells(),
                100 * f.medianError(),
                100 * f.maxError(),
                100 * Arrays.stream(errors).min().orElseThrow(),
                100 * Arrays.stream(errors).max().orElseThrow(),
                100 * f.medianHalfWidth(),
                f.medianHalfWidth() / f.medianError(),
                f.lagEstimated());
        return f;
    }

    @Test
    void theOneSecondMeansGroupTotalsHoldTheExactEnergy() {
        int covered = 0;
        int cells = 0;
        for (long seed : new long[] {61, 62, 63}) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Workload work = workload(rnd);
            long phase = rnd.nextLong(REFRESH);
            long lineSeed = rnd.nextLong();
            String what = String.format(Locale.ROOT, "seed %d, power.draw (1 s mean), D = 1.1 s", seed);
            Figures before = groups(
                    sample(new SplittableRandom(lineSeed), work, true, phase), work, true, what + ", pooled (before)");
            Figures now = groups(
                    sample(new SplittableRandom(lineSeed), work, true, phase), work, false, what + ", group (SPAN)");
            covered += now.covered();
            cells += now.cells();
            // The pooled total of the smeared readings misses most cells; the span less the gaps holds them
            assertThat(before.covered()).isLessThan(before.cells() / 2);
            assertThat(now.covered()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * now.cells()));
            assertThat(now.medianError()).isLessThan(before.medianError());
        }
        System.out.printf(Locale.ROOT, "one-second mean, SPAN: %d of %d cells covered%n", covered, cells);
    }

    /**
     * The instant reading's group totals: its lag is one constant per run anywhere in 40–140 ms (the model's sampler
     * and refresh are locked in phase), which the group measures per cell from the readings at the requests' edges
     * ({@link ReadingPlacement}). Before, placed at the nominal 90 ms: 29, 20 and 27 of 30 cells (docs/LIVE.md).
     */
    @Test
    void theInstantReadingsGroupTotalsHoldTheExactEnergy() {
        for (long seed : new long[] {61, 62, 63}) {
            Figures f = instant(seed, "");
            assertThat(f.covered()).isGreaterThanOrEqualTo(27);
            // calibrated, not decorative: the interval is a few median errors wide, and the lag is measured
            assertThat(f.medianHalfWidth()).isLessThanOrEqualTo(8 * f.medianError());
            assertThat(f.lagEstimated()).isGreaterThanOrEqualTo(CELLS / 2);
        }
    }

    /** Seeds 64 and 65, never tuned on (the lag's range, tolerance and step threshold were set on 61–63 and run C). */
    @Test
    void theInstantReadingsGroupTotalsOnHoldOutSeeds() {
        for (long seed : new long[] {64, 65}) {
            Figures f = instant(seed, " (hold-out)");
            assertThat(f.covered()).isGreaterThanOrEqualTo(27);
        }
    }

    private static Figures instant(long seed, String note) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Workload work = workload(rnd);
        long phase = rnd.nextLong(REFRESH);
        long lineSeed = rnd.nextLong();
        Figures f = groups(
                sample(new SplittableRandom(lineSeed), work, false, phase),
                work,
                false,
                String.format(Locale.ROOT, "seed %d%s, power.draw.instant, D = 0.18 s, U = 60 ms, group", seed, note));
        assertThat(f.cells()).isEqualTo(CELLS);
        return f;
    }
}
