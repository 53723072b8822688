package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.Ina3221Model;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveMeter;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.live.PiecewiseLinear;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window intervals end to end against the exact truth: the real {@link HwmonSource} reads a fake Jetson tree whose
 * current files this test rewrites, before every read, with what an INA3221 refreshing every 6 ms with 4 samples
 * averaged ({@link Ina3221Model}) would show at that instant for a known piecewise-linear power; the source samples at
 * 100 Hz in real time ({@link HwmonSource#sampleNow()} on this thread, so that the file always holds the value of
 * the read's instant). Then every request's window is measured through {@link LiveMeter}, and the share of intervals
 * holding the exact energy is checked, as is the group's attribution.
 */
class HwmonWindowCoverageTest {

    private static final long MS = 1_000_000L;

    @Test
    void windowIntervalsOnAFakeTreeHoldTheExactEnergy(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir); // samples=4, update_interval=6
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        LiveClock clock = LiveClock.system();
        SplittableRandom rnd = new SplittableRandom(16);
        HwmonSource source = HwmonSource.open(dir, 10 * MS, 100_000, clock);
        // The first request starts a second after this, well after the first samples: with 200 ms a loaded machine
        // (load 10-14) once started sampling after it, and the request, partly outside the trace, was left out.
        long t0 = clock.nowEpochNanos() + 1000 * MS;
        // A cell of repeated work: 40 requests of one shape (durations ± 20 %), idle between them.
        List<Long> knots = new ArrayList<>(List.of(t0 - 2000 * MS));
        List<Double> watts = new ArrayList<>(List.of(4.5));
        List<TimeWindow> windows = new ArrayList<>();
        long now = t0;
        for (int i = 0; i < 40; i++) {
            long prefill = (long) ((30 + rnd.nextInt(12)) * MS);
            long decode = (long) ((120 + rnd.nextInt(50)) * MS);
            long[] t = {now, now + 2 * MS, now + prefill, now + prefill + 2 * MS, now + prefill + decode};
            double[] w = {4.5, 16, 16, 11, 12};
            for (int k = 0; k < t.length; k++) {
                knots.add(t[k]);
                watts.add(w[k]);
            }
            long end = now + prefill + decode + 2 * MS;
            knots.add(end);
            watts.add(4.5);
            windows.add(TimeWindow.of(now, end));
            now = end + (20 + rnd.nextInt(60)) * MS;
        }
        knots.add(now + 60_000 * MS);
        watts.add(4.5);
        PiecewiseLinear truth = new PiecewiseLinear(
                knots.stream().mapToLong(Long::longValue).toArray(),
                watts.stream().mapToDouble(Double::doubleValue).toArray());
        Ina3221Model chip = new Ina3221Model(truth, 6 * MS, 4, 3, 1_234_567L);
        try (source) {
            LiveTrace trace = source.traces().get(0);
            assertThat(trace.sensorDelayNanos()).as("6 ms × (2 − 1/4)").isEqualTo(10_500_000L);
            int misTimed = 0;
            long deadline = System.nanoTime();
            while (trace.lastEpochNanos().orElse(Long.MIN_VALUE) < now + 100 * MS) {
                long at = clock.nowEpochNanos();
                // 5000 mV × whole mA, as the driver reports them.
                sysfs.set("curr1_input", Math.round(chip.readWatts(at) / 5.0 * 1000));
                source.sampleNow();
                if (trace.lastEpochNanos().orElseThrow() - at > MS) {
                    misTimed++; // preempted between the write and the read: the file was older than a chip's
                }
                deadline += 10 * MS;
                LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
            }
            LiveMeter meter = LiveMeter.of(source.traces(), clock);
            int covered = 0;
            double[] half = new double[windows.size()];
            double[] error = new double[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                TimeWindow w = windows.get(i);
                EnergyEstimate e = meter.measure("request", w).estimate("hwmon/VDD_IN");
                double exact = truth.joules(w.startEpochNanos(), w.endEpochNanos());
                covered += e.covers(exact) ? 1 : 0;
                half[i] = (e.ci95HighJoules() - e.ci95LowJoules()) / 2;
                error[i] = Math.abs(e.joules() - exact);
            }
            Arrays.sort(half);
            Arrays.sort(error);
            System.out.printf(
                    Locale.ROOT,
                    "fake hwmon tree at 100 Hz: %d windows, %d covered; median half width %.4f J, median |error| %.4f"
                            + " J; %d of %d samples mis-timed by the fake%n",
                    windows.size(),
                    covered,
                    half[half.length / 2],
                    error[error.length / 2],
                    misTimed,
                    trace.size());
            // A sample stamped more than 1 ms after its file was written saw a value older than the chip's: allow
            // each such sample to spoil one window, beyond the 10 % the interval itself may miss.
            assertThat(covered).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * windows.size()) - misTimed);
            // Since round 5 a window's edges are corrected for the chip's averaging (WindowBound): the median error
            // fell (0.013-0.018 J in three runs; 0.026-0.032 J before) while the width hardly did (0.149-0.150 J; was
            // 0.161-0.166 J), so the ratio rose from 5-6 to 8.6-12; the interval is conservative (docs/LIVE.md)
            assertThat(half[half.length / 2]).isLessThanOrEqualTo(15 * error[error.length / 2]);

            // The group through core's automatic estimator (per window where every half holds 10 samples, pooled
            // otherwise): the sum's interval holds the exact total.
            CellAttribution group = meter.group("request").get("hwmon/VDD_IN");
            System.out.printf(
                    Locale.ROOT,
                    "group: %s, total %s%n",
                    group.estimator(),
                    group.cell().total());
            assertThat(group.estimator()).isIn("PER_REQUEST", "POOLED");
            assertThat(group.requests()).hasSize(windows.size());
            double exactTotal = windows.stream()
                    .mapToDouble(w -> truth.joules(w.startEpochNanos(), w.endEpochNanos()))
                    .sum();
            System.out.printf(Locale.ROOT, "group exact total %.4f J%n", exactTotal);
            // The join corrects the sensor's smoothing at every window's outer edges and allows for it (core's
            // automatic(D)); before it did, the sum missed the exact total by 1.03-1.4 half widths (docs/LIVE.md).
            // The same group over ten seeds, deterministically: WindowIntervalCoverageTest.
            EnergyEstimate total = group.cell().total();
            assertThat(total.covers(exactTotal))
                    .as("%s against the exact %s", total, exactTotal)
                    .isTrue();
        }
    }
}
