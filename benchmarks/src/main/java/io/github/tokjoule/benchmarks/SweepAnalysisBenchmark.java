package io.github.tokjoule.benchmarks;

import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.StageTimings;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SweepTruth;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end sweep analysis of the default synthetic sweep (4 modes × 8 models × 12 cells × 20 requests, seed 42:
 * 66,580 tegrastats lines, 20 MB of aiperf records, 384 summaries), in process, warm JVM: layout walk, aiperf summary
 * and records, tegrastats parsing and time reconstruction, the default estimator ({@code automatic()}: pooled at
 * tegrastats' ~520 ms), flags and the seed's tables; {@code measuredPerRequest} runs the previous default,
 * per-request integration, for comparison in the same run.
 * Throughput in tegrastats lines per second = 66,580 / the average time.
 *
 * <p>Baseline, measured in the same run on the same files: {@code readLines} — {@link BufferedReader#lines()} counting
 * every line of every file the analysis reads (the I/O and UTF-8 decoding floor).
 *
 * <p>{@link #main} is a timed harness that prints, besides wall time, the calling thread's CPU time (for one thread:
 * the analysis's CPU time, which a loaded machine disturbs less than wall time) and the breakdown (read / compute /
 * tables) from {@link SweepResult#timings()}: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.tokjoule.benchmarks.SweepAnalysisBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SweepAnalysisBenchmark {

    private Path dir = Path.of(".");
    private List<Path> files = List.of();
    private long lines;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("tokjoule-sweep-bench");
        SweepTruth truth = SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("Asia/Kolkata")).build(), dir);
        lines = truth.tegrastatsLines();
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The baseline: count the lines of every file. */
    @Benchmark
    public long readLines() throws IOException {
        long n = 0;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                n += r.lines().count();
            }
        }
        return n;
    }

    @Benchmark
    public SweepResult measured() throws IOException {
        return SweepAnalysis.analyze(dir);
    }

    /** The previous default estimator, per-request integration, measured in the same run as the new default. */
    @Benchmark
    public SweepResult measuredPerRequest() throws IOException {
        return SweepAnalysis.analyze(dir, AnalysisOptions.defaults().withEstimator(EnergyEstimators.perRequest()));
    }

    @Benchmark
    public SweepResult measuredTwoThreads() throws IOException {
        return SweepAnalysis.analyze(dir, AnalysisOptions.defaults().withThreads(2));
    }

    @Benchmark
    public SweepResult seedCompatible() throws IOException {
        return SweepAnalysis.analyze(dir, AnalysisOptions.defaults().withMethod(EnergyMethod.SEED_COMPATIBLE));
    }

    /**
     * The timed harness: warms up, then analyzes the sweep {@code runs} times per configuration and prints lines/s
     * and the stage breakdown.
     *
     * @param args optional: the number of measured runs (default 20)
     * @throws IOException if the sweep cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SweepAnalysisBenchmark b = new SweepAnalysisBenchmark();
        b.setUp();
        try {
            for (int i = 0; i < runs; i++) {
                b.readLines();
                b.measured();
            }
            report(
                    "readLines (baseline)",
                    runs,
                    () -> {
                        b.readLines();
                        return null;
                    },
                    b.lines);
            report("measured, 1 thread", runs, b::measured, b.lines);
            report("measured, per-request, 1 thr", runs, b::measuredPerRequest, b.lines);
            report("measured, 2 threads", runs, b::measuredTwoThreads, b.lines);
            report("seed-compatible, 1 thread", runs, b::seedCompatible, b.lines);
        } finally {
            b.tearDown();
        }
    }

    private interface Run {
        @org.jspecify.annotations.Nullable
        SweepResult run() throws IOException;
    }

    private static void report(String name, int runs, Run run, long lines) throws IOException {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long wall = 0;
        long cpu = 0;
        long read = 0;
        long compute = 0;
        long tables = 0;
        for (int i = 0; i < runs; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            SweepResult r = run.run();
            wall += System.nanoTime() - t;
            cpu += mx.getCurrentThreadCpuTime() - c;
            if (r != null) {
                StageTimings s = r.timings();
                read += s.readNanos();
                compute += s.computeNanos();
                tables += s.tablesNanos();
            }
        }
        double ms = wall / 1e6 / runs;
        double cpuMs = cpu / 1e6 / runs;
        String out = String.format(
                Locale.ROOT,
                "%-28s %8.1f ms  %,10.0f lines/s  (this thread's CPU %6.1f ms: %,10.0f lines per CPU-s)   read %6.1f ms"
                        + "  compute %6.1f ms  tables %5.1f ms (sums over threads)",
                name,
                ms,
                lines / (ms / 1000),
                cpuMs,
                lines / (cpuMs / 1000),
                read / 1e6 / runs,
                compute / 1e6 / runs,
                tables / 1e6 / runs);
        System.out.println(out);
    }
}
