package io.github.tokjoule.benchmarks;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window energy (DESIGN §9): {@value #WINDOWS} per-request windows over a trace of 10^4, 10^5 or 10^6 samples
 * (tegrastats-like: 500 ms ± 5 % spacing, 2–20 W), against a per-window linear scan measured in the same run.
 *
 * <p>Every figure is a cost <b>per window</b> (JMH {@code @OperationsPerInvocation}). The windows look like aiperf
 * requests: start uniform over the trace, length 50 ms to 30 s, sorted by start as a request log is. The baseline
 * ({@link #linearScan()}) is the straightforward integrator with an early exit: walk the samples from the first one,
 * skip those before the window, add the trapezoids (interpolated at the edges) and stop after the window's end; it
 * costs O(position of the window) and runs over the first {@value #SCANNED} windows only, so that one invocation
 * stays short. Setup checks that it computes the same energies as the library.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WindowEnergyBenchmark {

    static final int WINDOWS = 100_000;
    static final int SCANNED = 200;

    private static final long START = 1_760_000_000_000_000_000L;
    private static final long PERIOD_NANOS = 500_000_000L;

    @Param({"10000", "100000", "1000000"})
    int samples;

    private long[] times = new long[0];
    private double[] watts = new double[0];
    private PowerTrace trace = PowerTrace.of(new long[0], new double[0]);
    private List<TimeWindow> sortedWindows = List.of();
    private List<TimeWindow> shuffledWindows = List.of();
    private TimeWindow[] scanned = new TimeWindow[0];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        times = new long[samples];
        watts = new double[samples];
        long t = START;
        for (int i = 0; i < samples; i++) {
            times[i] = t;
            watts[i] = 2 + 18 * random.nextDouble();
            t += PERIOD_NANOS + random.nextLong(-25_000_000L, 25_000_001L);
        }
        trace = PowerTrace.of(times, watts);
        long last = times[samples - 1];
        List<TimeWindow> windows = new ArrayList<>(WINDOWS);
        for (int i = 0; i < WINDOWS; i++) {
            long start = random.nextLong(START, last);
            long length = random.nextLong(50_000_000L, 30_000_000_001L);
            windows.add(TimeWindow.of(start, Math.min(last, start + length)));
        }
        List<TimeWindow> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffledWindows = List.copyOf(shuffled);
        scanned = shuffled.subList(0, SCANNED).toArray(new TimeWindow[0]);
        windows.sort((a, b) -> Long.compare(a.startEpochNanos(), b.startEpochNanos()));
        sortedWindows = List.copyOf(windows);
        for (TimeWindow w : scanned) {
            double expected = trace.energyJoules(w);
            double actual = linearScanJoules(times, watts, w);
            if (Math.abs(expected - actual) > 1e-9 * Math.max(1, expected)) {
                throw new IllegalStateException("baseline disagrees on " + w + ": " + actual + " vs " + expected);
            }
        }
    }

    /** The library, one window at a time: two binary searches and O(1) arithmetic each. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public double oneByOne() {
        double sum = 0;
        for (TimeWindow w : sortedWindows) {
            sum += trace.energyJoules(w);
        }
        return sum;
    }

    /** The library's batch over windows sorted by start (galloping searches from the previous position). */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public double[] batchSorted() {
        return trace.energiesJoules(sortedWindows);
    }

    /** The batch over unsorted windows: includes ordering an index of the windows by start. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public double[] batchUnsorted() {
        return trace.energiesJoules(shuffledWindows);
    }

    /** The batch with a {@code WindowCoverage} per window (samples inside, largest gap, extrapolation). */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public List<WindowEnergy> batchWithCoverage() {
        return trace.energies(sortedWindows);
    }

    /** The baseline: a linear scan per window, over {@value #SCANNED} of the same windows. */
    @Benchmark
    @OperationsPerInvocation(SCANNED)
    public double linearScan() {
        double sum = 0;
        for (TimeWindow w : scanned) {
            sum += linearScanJoules(times, watts, w);
        }
        return sum;
    }

    /** Building the trace (validation, copies, prefix sums): once per trace, per trace. */
    @Benchmark
    public PowerTrace construct() {
        return PowerTrace.of(times, watts);
    }

    /** Trapezoids of the samples inside the window, interpolated at its edges; the window lies inside the trace. */
    static double linearScanJoules(long[] t, double[] w, TimeWindow window) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        double wattNanos = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            if (t[i] >= end) {
                break;
            }
            if (t[i + 1] <= start) {
                continue;
            }
            long from = Math.max(start, t[i]);
            long to = Math.min(end, t[i + 1]);
            double span = t[i + 1] - t[i];
            double atFrom = w[i] + (w[i + 1] - w[i]) * ((from - t[i]) / span);
            double atTo = w[i] + (w[i + 1] - w[i]) * ((to - t[i]) / span);
            wattNanos += 0.5 * (atFrom + atTo) * (to - from);
        }
        return wattNanos / 1e9;
    }
}
