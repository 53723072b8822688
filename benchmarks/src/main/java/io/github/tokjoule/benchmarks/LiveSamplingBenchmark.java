package io.github.tokjoule.benchmarks;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.live.source.HwmonSource;
import io.github.tokjoule.live.source.RaplSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One live sample (issue 16: zero allocation per sample in steady state), measured with {@code -prof gc}:
 *
 * <ul>
 *   <li>{@link #hwmonSample()}: {@code HwmonSource.sampleNow()} on a fake Jetson tree of three rails (six sysfs files,
 *       V × I), into a ring of 1,000 samples that wraps many times per iteration: the steady state;
 *   <li>{@link #raplSample()}: one RAPL counter read, unwrapped, into an energy-counter ring;
 *   <li>{@link #appendOnly()}: {@code LiveTrace.appendWatts} alone;
 *   <li>{@link #naiveRead()}: the baseline, the same six files read the obvious way ({@code Files.readString} and
 *       {@code Long.parseLong}), in the same run.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveSamplingBenchmark {

    private Path dir = Path.of(".");

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private HwmonSource hwmon;

    @SuppressWarnings("NullAway.Init")
    private RaplSource rapl;

    @SuppressWarnings("NullAway.Init")
    private LiveTrace trace;

    private final double[] watts = {5.0, 5.5, 1.5};
    private long t = 1_765_000_000_000_000_000L;
    private Path[] files = new Path[0];

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("tokjoule-live-bench");
        FakeJetsonSysfs sysfs = new FakeJetsonSysfs(dir);
        hwmon = HwmonSource.open(sysfs.root, 10_000_000L, 1000, LiveClock.system());
        rapl = RaplSource.open(sysfs.root, 10_000_000L, 1000, LiveClock.system());
        trace = LiveTrace.builder("bench", List.of(FakeJetsonSysfs.RAILS))
                .capacity(1000)
                .build();
        Path chip = dir.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        files = new Path[] {
            chip.resolve("in1_input"), chip.resolve("curr1_input"),
            chip.resolve("in2_input"), chip.resolve("curr2_input"),
            chip.resolve("in3_input"), chip.resolve("curr3_input")
        };
    }

    @TearDown
    public void tearDown() throws IOException {
        hwmon.close();
        rapl.close();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public long hwmonSample() throws IOException {
        hwmon.sampleNow();
        return hwmon.traces().get(0).size();
    }

    @Benchmark
    public long raplSample() throws IOException {
        rapl.sampleNow();
        return rapl.traces().get(0).size();
    }

    @Benchmark
    public long appendOnly() {
        t += 10_000_000L;
        trace.appendWatts(t, watts);
        return trace.size();
    }

    @Benchmark
    public double naiveRead() throws IOException {
        double sum = 0;
        for (int i = 0; i < files.length; i += 2) {
            long mv = Long.parseLong(
                    Files.readString(files[i], StandardCharsets.US_ASCII).trim());
            long ma = Long.parseLong(
                    Files.readString(files[i + 1], StandardCharsets.US_ASCII).trim());
            sum += mv * (double) ma / 1e6;
        }
        return sum;
    }
}
