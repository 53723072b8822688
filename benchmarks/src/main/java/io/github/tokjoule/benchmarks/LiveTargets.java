package io.github.tokjoule.benchmarks;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.live.source.HwmonSource;
import io.github.tokjoule.live.source.JitterHistogram;
import io.github.tokjoule.live.source.SourceStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two live-measurement targets of issue 16 that are whole-process runs, not JMH benchmarks (docs/PERFORMANCE.md):
 *
 * <ul>
 *   <li>{@code jitter SECONDS [PRIORITY [SPIN_MICROS]]}: the hwmon source (with its sampler at {@code SCHED_FIFO}
 *       PRIORITY if given, spinning SPIN_MICROS before each deadline, default 1000) at 100 Hz against a fake Jetson tree that a thread rewrites every
 *       3 ms, for the given time; prints the distribution of each sample's lateness against its deadline. Run it
 *       while a build runs beside it.
 *   <li>{@code memory}: a one-hour 100 Hz trace of 3 rails (360,000 samples) filled and measured on the heap.
 * </ul>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.tokjoule.benchmarks.LiveTargets jitter 60}
 */
public final class LiveTargets {

    private LiveTargets() {}

    /**
     * Runs one target.
     *
     * @param args {@code jitter SECONDS} or {@code memory}
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("jitter")) {
            jitter(
                    args.length > 1 ? Integer.parseInt(args[1]) : 60,
                    args.length > 2 ? Integer.parseInt(args[2]) : 0,
                    args.length > 3 ? Long.parseLong(args[3]) * 1000 : HwmonSource.DEFAULT_SPIN_NANOS);
        } else if (args.length == 1 && args[0].equals("memory")) {
            memory();
        } else {
            System.err.println("usage: LiveTargets jitter [SECONDS [SCHED_FIFO_PRIORITY [SPIN_MICROS]]] | memory");
            System.exit(2);
        }
    }

    private static void jitter(int seconds, int realtime, long spinNanos) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tokjoule-jitter");
        FakeJetsonSysfs sysfs = new FakeJetsonSysfs(dir);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            int step = 0;
            while (!stop.get()) {
                try {
                    for (int r = 0; r < FakeJetsonSysfs.RAILS.length; r++) {
                        sysfs.set(r, 5000 + step % 10, 1000 + (step * 7 + r * 100) % 900);
                    }
                    step++;
                    Thread.sleep(3);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        HwmonSource source = HwmonSource.open(sysfs.root, 10_000_000L, 360_000, LiveClock.system());
        source.realtimePriority(realtime);
        source.spinBeforeDeadlineNanos(spinNanos);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        source.start();
        long samplerThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tokjoule-live-hwmon"))
                .findFirst()
                .orElseThrow()
                .getId();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        Thread.sleep(2000); // past the first samples' class loading and JIT
        long samplesBefore = source.status().samples();
        long bytesBefore = allocation.getThreadAllocatedBytes(samplerThread);
        long cpuBefore = threads.getThreadCpuTime(samplerThread);
        double[] load = new double[2];
        load[0] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Thread.sleep(seconds * 1000L);
        long cpu = threads.getThreadCpuTime(samplerThread) - cpuBefore;
        long bytes = allocation.getThreadAllocatedBytes(samplerThread) - bytesBefore;
        long steadySamples = source.status().samples() - samplesBefore;
        load[1] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        source.close();
        stop.set(true);
        writer.join();
        JitterHistogram h = source.jitter();
        SourceStatus status = source.status();
        System.out.printf(
                Locale.ROOT,
                "hwmon at 100 Hz for %d s (real-time: %s): %d deadlines, %d samples, %d failed reads, %d missed"
                        + " deadlines%n",
                seconds,
                status.facts().get("realtime"),
                h.total(),
                status.samples(),
                status.failures(),
                status.missedDeadlines());
        System.out.printf(
                Locale.ROOT,
                "  spin before deadline %.2f ms; sampler thread CPU %.2f %% of one core; load average %.1f at start,"
                        + " %.1f at end%n",
                spinNanos / 1e6,
                100.0 * cpu / (seconds * 1e9),
                load[0],
                load[1]);
        System.out.printf(
                Locale.ROOT,
                "  sampler thread allocated %d bytes over %d samples after the first 2 s: %.3f B per sample%n",
                bytes,
                steadySamples,
                (double) bytes / Math.max(1, steadySamples));
        for (long limit : new long[] {500_000, 1_000_000, 2_000_000, 5_000_000}) {
            System.out.printf(Locale.ROOT, "  within %.1f ms: %.3f %%%n", limit / 1e6, 100 * h.fractionWithin(limit));
        }
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999, 1.0}) {
            long upper = h.quantileUpperNanos(q);
            System.out.printf(
                    Locale.ROOT,
                    "  p%s lateness <= %s%n",
                    q == 1.0 ? "100" : String.valueOf(q * 100),
                    upper == Long.MAX_VALUE ? "> 50 ms" : String.format(Locale.ROOT, "%.1f ms", upper / 1e6));
        }
        LiveTrace trace = source.traces().get(0);
        TimeWindow all = trace.snapshot(0).span().orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "  largest gap between samples: %.2f ms%n",
                trace.energy(FakeJetsonSysfs.RAILS[0], all).coverage().largestGapNanos() / 1e6);
    }

    private static void memory() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        LiveTrace trace = LiveTrace.builder("hwmon", List.of(FakeJetsonSysfs.RAILS))
                .capacity(360_000)
                .nominalIntervalNanos(10_000_000L)
                .build();
        double[] watts = {5.0, 2.0, 1.5};
        long t0 = 1_765_000_000_000_000_000L;
        for (int i = 0; i < 360_000; i++) {
            watts[0] = 5.0 + (i % 100) / 100.0;
            trace.appendWatts(t0 + i * 10_000_000L, watts);
        }
        long after = usedAfterGc(memory);
        System.out.printf(
                Locale.ROOT,
                "one hour at 100 Hz, 3 rails: %d samples; LiveTrace.bytes() = %.1f MB; heap growth after GC = %.1f MB;"
                        + " max heap %.0f MB%n",
                trace.size(),
                trace.bytes() / 1e6,
                (after - before) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(
                Locale.ROOT,
                "energy of the whole hour on VDD_IN: %.1f J%n",
                trace.energy("VDD_IN", TimeWindow.of(t0, t0 + 359_999 * 10_000_000L))
                        .joules());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
