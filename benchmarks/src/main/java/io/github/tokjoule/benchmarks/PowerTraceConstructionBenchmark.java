package io.github.tokjoule.benchmarks;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a {@link PowerTrace} (copy, validation and the prefix sums of trapezoid areas that make every window query
 * O(log n)) against copying the same arrays: the one-off cost per sample that later queries amortise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PowerTraceConstructionBenchmark {

    @Param({"100000"})
    int samples;

    private long[] times = new long[0];
    private double[] watts = new double[0];

    @Setup
    public void setUp() {
        times = new long[samples];
        watts = new double[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = 1_700_000_000_000_000_000L + i * 500_000_000L;
            watts[i] = 5 + (i % 7);
        }
    }

    /** The baseline: the two array copies that construction makes anyway. */
    @Benchmark
    public int copyOnly() {
        return times.clone().length + watts.clone().length;
    }

    @Benchmark
    public PowerTrace build() {
        return PowerTrace.of(times, watts);
    }
}
