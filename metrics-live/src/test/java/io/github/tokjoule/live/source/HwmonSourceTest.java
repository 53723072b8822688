package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonSourceTest {

    private static final long MS = 1_000_000L;

    @Test
    void discoversRailsByLabelOnceAndRecordsTheChip(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1200);
        sysfs.channel(2, "VDD_CPU_GPU_CV", 5000, 400);
        sysfs.channel(3, "VDD_SOC", 5000, 300);
        FakeSysfs.write(sysfs.chip.resolve("in3_enable"), "0");
        FakeSysfs.write(sysfs.chip.resolve("in7_label"), "sum of shunt voltages"); // no curr7: not a rail
        try (HwmonSource source = HwmonSource.open(dir, 10 * MS, 1000, LiveClock.system())) {
            LiveTrace trace = source.traces().get(0);
            assertThat(trace.rails()).containsExactly("VDD_IN", "VDD_CPU_GPU_CV");
            assertThat(source.status().facts().values())
                    .anySatisfy(v -> assertThat(v).contains("samples=4 update_interval=6"));
            // One read by hand: 5000 mV × 1200 mA = 6 W, 5000 mV × 400 mA = 2 W.
            source.sample(System.nanoTime());
            assertThat(trace.latestWatts(0)).isEqualTo(6.0);
            assertThat(trace.latestWatts(1)).isEqualTo(2.0);
            assertThat(source.status().samples()).isEqualTo(1);
        }
    }

    @Test
    void prefersPowerInputInMicrowatts(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1200);
        sysfs.set("power1_input", 5_900_000); // µW, wins over V × I
        try (HwmonSource source = HwmonSource.open(dir, 10 * MS, 100, LiveClock.system())) {
            source.sample(System.nanoTime());
            assertThat(source.traces().get(0).latestWatts(0)).isEqualTo(5.9);
        }
    }

    @Test
    void noChipIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> HwmonSource.open(dir, 10 * MS, 100, LiveClock.system()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no INA3221 rail")
                .hasMessageContaining("--sysfs-root");
    }

    /**
     * The sampler at 100 Hz against a tree that a thread rewrites: every sample is one of the (V, I) pairs written,
     * the trace's energy matches a trapezoid over its own samples, and a file that goes empty mid-run (a read error)
     * is counted and reported while every other sample stays.
     */
    @Test
    void samplesAFakeTreeThatAThreadRewrites(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        AtomicBoolean stop = new AtomicBoolean();
        Set<Double> written = new HashSet<>();
        for (int ma = 1000; ma < 2000; ma += 100) {
            written.add(5000.0 * ma / 1e6);
        }
        Thread writer = new Thread(() -> {
            int ma = 1000;
            while (!stop.get()) {
                try {
                    sysfs.set("curr1_input", ma);
                    ma = ma == 1900 ? 1000 : ma + 100;
                    Thread.sleep(3);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        try (HwmonSource source = HwmonSource.open(dir, 10 * MS, 10_000, LiveClock.system())) {
            source.start();
            Thread.sleep(300);
            stop.set(true);
            writer.join();
            // The current file disappears (reads empty) for a while, then comes back.
            Files.write(sysfs.chip.resolve("curr1_input"), new byte[0]);
            Thread.sleep(100);
            long failuresDuringOutage = source.status().failures();
            sysfs.set("curr1_input", 1500);
            Thread.sleep(100);
            source.close();
            SourceStatus status = source.status();
            assertThat(status.running()).isFalse();
            assertThat(failuresDuringOutage).isGreaterThan(0);
            assertThat(status.lastProblem())
                    .hasValueSatisfying(p -> assertThat(p).contains("curr1_input"));
            LiveTrace trace = source.traces().get(0);
            PowerTrace samples = trace.snapshot(0);
            assertThat(samples.size()).isEqualTo(status.samples()).isGreaterThan(20);
            for (double w : samples.watts()) {
                assertThat(written).contains(w);
            }
            assertThat(source.jitter().total()).isEqualTo(status.samples() + status.failures());
            TimeWindow all = samples.span().orElseThrow();
            assertThat(trace.energy("VDD_IN", all).joules()).isCloseTo(samples.energyJoules(all), within(1e-9));
            assertThat(trace.energy("VDD_IN", all).coverage().largestGapNanos()).isGreaterThanOrEqualTo(90 * MS);
        }
    }

    /**
     * A rail file that cannot be opened after others were (here a socket, which open(2) refuses even to root): the
     * files already opened are closed, not leaked on every retry.
     */
    @Test
    void aFileThatFailsToOpenLeavesNoOtherFileOpen(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        sysfs.channel(2, "VDD_SOC", 5000, 500);
        Path amps = sysfs.chip.resolve("curr2_input");
        Files.delete(amps);
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(amps));
            long before = openFiles();
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> HwmonSource.open(dir, 10 * MS, 100, LiveClock.system()))
                        .isInstanceOf(IOException.class);
            }
            // 3 files open before the failing one, 20 times: 60 descriptors leaked without the clean-up
            assertThat(openFiles() - before).isLessThan(10);
        }
    }

    private static long openFiles() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void chrtRunsThroughTheGivenPrefixAndARefusingPrefixIsSaid(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir.resolve("sys"));
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        // A stand-in for sudo -n: records the command it was given, then runs it (as the tests' user)
        Path calls = dir.resolve("calls.txt");
        Path sudo = dir.resolve("fake-sudo");
        Files.writeString(sudo, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + calls + "'\nexec \"$@\"\n");
        assertThat(sudo.toFile().setExecutable(true)).isTrue();
        try (HwmonSource source = HwmonSource.open(dir.resolve("sys"), 10 * MS, 100, LiveClock.system())) {
            assertThatThrownBy(() -> source.realtimePriority(3, List.of(sudo.toString(), "")))
                    .isInstanceOf(IllegalArgumentException.class);
            source.realtimePriority(3, List.of(sudo.toString(), "-n"));
            source.start();
            Thread.sleep(100);
            assertThat(Files.readString(calls)).matches("-n chrt -f -p 3 \\d+\\n");
            assertThat(source.status().facts().get("realtime")).matches("SCHED_FIFO 3 \\(thread \\d+\\)|refused.*");
        }
        // A prefix that refuses (sudo -n without a sudoers entry exits 1): sampling goes on at normal priority, and
        // the facts name the command and its words
        Path refusing = dir.resolve("refusing-sudo");
        Files.writeString(refusing, "#!/bin/sh\necho 'sudo: a password is required'\nexit 1\n");
        assertThat(refusing.toFile().setExecutable(true)).isTrue();
        try (HwmonSource source = HwmonSource.open(dir.resolve("sys"), 10 * MS, 100, LiveClock.system())) {
            source.realtimePriority(10, List.of(refusing.toString(), "-n"));
            source.start();
            Thread.sleep(100);
            assertThat(source.status().facts().get("realtime"))
                    .startsWith("refused, sampling at normal priority: " + refusing + " -n chrt -f -p 10 ")
                    .endsWith("said sudo: a password is required");
            assertThat(source.status().samples()).isPositive();
        }
    }

    @Test
    void realTimePriorityIsAskedForAndItsOutcomeRecorded(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        try (HwmonSource source = HwmonSource.open(dir, 10 * MS, 100, LiveClock.system())) {
            assertThat(source.status().facts()).containsEntry("realtime", "off");
            assertThatThrownBy(() -> source.realtimePriority(100)).isInstanceOf(IllegalArgumentException.class);
            source.realtimePriority(1);
            source.start();
            Thread.sleep(50);
            // Granted (root or CAP_SYS_NICE) or refused with chrt's reason: either way it is said, and sampling goes
            // on.
            assertThat(source.status().facts().get("realtime")).matches("SCHED_FIFO 1 \\(thread \\d+\\)|refused.*");
            assertThat(source.status().samples()).isPositive();
            assertThatThrownBy(() -> source.realtimePriority(2)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(source::sampleNow).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aStalledReadCountsMissedDeadlines() throws Exception {
        LiveTrace trace =
                LiveTrace.builder("stall", java.util.List.of("A")).capacity(100).build();
        PeriodicSource stalling = new PeriodicSource("stall", 10 * MS, LiveClock.system()) {
            private int reads;

            @Override
            void sample(long before) throws IOException {
                if (++reads == 3) {
                    try {
                        Thread.sleep(60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                trace.appendWatts(LiveClock.system().toEpochNanos(before), new double[] {1});
                sampled();
            }

            @Override
            void release() {}

            @Override
            public java.util.List<LiveTrace> traces() {
                return java.util.List.of(trace);
            }
        };
        stalling.start();
        Thread.sleep(200);
        stalling.close();
        assertThat(stalling.status().missedDeadlines()).isGreaterThanOrEqualTo(4);
        assertThat(stalling.status().samples()).isEqualTo(trace.size());
        assertThat(stalling.intervalNanos()).isEqualTo(10 * MS);
        assertThatThrownBy(stalling::start).isInstanceOf(IllegalStateException.class);
    }
}
