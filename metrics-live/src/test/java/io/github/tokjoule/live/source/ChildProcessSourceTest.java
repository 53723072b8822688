package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.tegrastats.TegrastatsParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tegrastats and nvidia-smi as real child processes: fake executables that print like the real tools. */
class ChildProcessSourceTest {

    private static final long MS = 1_000_000L;

    private static List<String> shell(Path tool, String mode, String... args) {
        String command = "FAKE_TEGRASTATS_MODE=" + mode + " exec " + tool + " " + String.join(" ", args);
        return List.of("sh", "-c", command);
    }

    @Test
    void tegrastatsLinesBecomeSamplesOfTheFirstLinesRails(@TempDir Path dir) throws Exception {
        Path tool = FakeTools.install(dir, "tegrastats");
        List<String> lines = Files.readAllLines(dir.resolve("tegrastats-orin.log"));
        try (TegrastatsSource source =
                TegrastatsSource.create(shell(tool, "loop", "--interval", "20"), 20 * MS, 1000, LiveClock.system())) {
            source.start();
            Thread.sleep(300);
            source.close();
            LiveTrace trace = source.traces().get(0);
            assertThat(trace.rails()).containsExactly("VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0", "VDDQ_VDD2_1V8AO");
            PowerTrace gpu = trace.snapshot("VDD_GPU_SOC");
            assertThat(gpu.size()).isGreaterThanOrEqualTo(3);
            // The values are the printed ones, in order: line k's VDD_GPU_SOC current value in watts.
            for (int k = 0; k < gpu.size(); k++) {
                double printed = TegrastatsParser.parseSample(lines.get(k)).milliwatts("VDD_GPU_SOC") / 1000;
                assertThat(gpu.wattsAt(k)).isEqualTo(printed);
            }
            assertThat(source.status().samples()).isEqualTo(trace.size());
            assertThat(source.status().failures()).isZero();
            assertThat(source.command()).contains("sh");
        }
    }

    @Test
    void malformedLinesAreCountedNotSampled(@TempDir Path dir) throws Exception {
        Path tool = FakeTools.install(dir, "tegrastats");
        try (TegrastatsSource source = TegrastatsSource.create(
                shell(tool, "garbage", "--interval", "20"), 20 * MS, 1000, LiveClock.system())) {
            source.start();
            Thread.sleep(200);
            source.close();
            SourceStatus status = source.status();
            assertThat(status.failures()).isGreaterThan(0);
            assertThat(status.lastProblem())
                    .hasValueSatisfying(p -> assertThat(p).contains("tegrastats line"));
            assertThat(status.samples()).isEqualTo(source.traces().get(0).size());
        }
    }

    @Test
    void aToolThatDiesIsReportedAndItsSamplesStay(@TempDir Path dir) throws Exception {
        Path tool = FakeTools.install(dir, "tegrastats");
        try (TegrastatsSource source =
                TegrastatsSource.create(shell(tool, "die", "--interval", "10"), 10 * MS, 1000, LiveClock.system())) {
            source.start();
            long deadline = System.nanoTime() + 5_000 * MS;
            while (source.status().running() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(50);
            SourceStatus status = source.status();
            assertThat(status.running()).isFalse();
            assertThat(status.facts()).containsEntry("exit_code", "3");
            assertThat(status.lastProblem())
                    .hasValueSatisfying(
                            p -> assertThat(p).contains("exit code 3").contains("sensor gone"));
            assertThat(source.traces().get(0).size()).isEqualTo(5);
        }
    }

    @Test
    void aToolThatStallsShowsItsSilence(@TempDir Path dir) throws Exception {
        Path tool = FakeTools.install(dir, "tegrastats");
        try (TegrastatsSource source =
                TegrastatsSource.create(shell(tool, "stall", "--interval", "10"), 10 * MS, 1000, LiveClock.system())) {
            source.start();
            Thread.sleep(400);
            assertThat(source.status().running()).isTrue();
            assertThat(source.silenceNanos()).isGreaterThan(200 * MS);
            assertThat(Long.parseLong(source.status().facts().get("silent_ms"))).isGreaterThan(200);
            assertThat(source.traces().get(0).size()).isEqualTo(5);
        }
    }

    @Test
    void aToolThatCannotStartOrPrintsNothingIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> TegrastatsSource.create(
                                List.of(dir.resolve("absent").toString()), 10 * MS, 10, LiveClock.system())
                        .start())
                .isInstanceOf(IOException.class)
                .hasMessage("tegrastats: cannot start " + dir.resolve("absent") + ": no program "
                        + dir.resolve("absent") + " at that path (is the tool installed? give its full path)");
        assertThatThrownBy(
                        () -> TegrastatsSource.create(List.of("tokjoule-no-such-tool"), 10 * MS, 10, LiveClock.system())
                                .start())
                .hasMessageEndingWith(
                        ": no program tokjoule-no-such-tool on the PATH (is the tool installed? give its full path)");
        Path notExecutable = dir.resolve("plain-file");
        assertThatThrownBy(() -> {
                    Files.writeString(notExecutable, "#!/bin/sh\n");
                    TegrastatsSource.create(List.of(notExecutable.toString()), 10 * MS, 10, LiveClock.system())
                            .start();
                })
                .hasMessageEndingWith(notExecutable + " is not executable (permission denied)");
        assertThatThrownBy(() -> TegrastatsSource.create(
                                List.of("sh", "-c", "echo broken >&2; exit 4"), 10 * MS, 10, LiveClock.system())
                        .start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exit code 4")
                .hasMessageContaining("broken");
    }

    @Test
    void nvidiaSmiRecordsWhatTheGpuOffersAndTheEnergyCounter(@TempDir Path dir) throws Exception {
        Path wrapper = fakeNvidiaSmi(dir, "FAKE_NVSMI_INSTANT=na");
        try (NvidiaSmiSource source = NvidiaSmiSource.probe(wrapper.toString(), 0, 20 * MS, 1000, LiveClock.system())) {
            assertThat(source.command())
                    .contains("--query-gpu=index,power.draw,power.draw.average,power.draw.instant,"
                            + "total_energy_consumption")
                    .contains("-lms", "20");
            source.start();
            Thread.sleep(400);
            source.close();
            List<LiveTrace> traces = source.traces();
            assertThat(traces).hasSize(2);
            assertThat(traces.get(0).rails()).containsExactly("power.draw", "power.draw.average");
            // power.draw.average is offered: this GPU averages power.draw over a second too
            assertThat(traces.get(0).sensorDelayNanos())
                    .isEqualTo(NvidiaSmiSource.AVERAGING_WINDOW_NANOS + NvidiaSmiSource.DRIVER_REFRESH_NANOS);
            assertThat(source.status().facts().get("power.draw averaging")).startsWith("a trailing 1 s mean");
            assertThat(source.status().facts())
                    .containsEntry("power.draw", "offered")
                    .containsEntry("energy counter field", "total_energy_consumption");
            assertThat(source.status().facts().get("power.draw.instant")).contains("[N/A]");
            LiveTrace energy = traces.get(1);
            assertThat(energy.reading()).isEqualTo(LiveTrace.Reading.ENERGY_COUNTER);
            assertThat(energy.size()).isGreaterThanOrEqualTo(3);
            // The fake adds watts × ms millijoules per line: the counter's energy between two lines is the watts
            // printed on the second line × 20 ms, whatever the real time between the lines was.
            PowerTrace draw = traces.get(0).snapshot(0);
            LiveTrace.Batch counters = energy.samplesFrom(0);
            for (int k = 1; k < counters.size(); k++) {
                double joules = counters.cumulativeJoules()[0][k] - counters.cumulativeJoules()[0][k - 1];
                assertThat(joules).isCloseTo(draw.wattsAt(k) * 0.020, within(1e-9));
            }
            TimeWindow span = draw.span().orElseThrow();
            assertThat(traces.get(0).energy("power.draw", span).joules())
                    .isCloseTo(draw.energyJoules(span), within(1e-9));
        }
    }

    /** Against the replay of a real H100's nvidia-smi (benchmarks/gpu/nvidia-smi): what that GPU offers. */
    @Test
    void nvidiaSmiOfARealH100(@TempDir Path dir) throws Exception {
        Path tool = FakeTools.install(dir, "nvidia-smi-h100");
        List<String> captured = Files.readAllLines(dir.resolve("h100-query-100ms-nounits.csv"));
        try (NvidiaSmiSource source = NvidiaSmiSource.probe(tool.toString(), 0, 10 * MS, 1000, LiveClock.system())) {
            // Driver 580 lists all three power fields and no energy field.
            assertThat(source.status().facts()).containsEntry("energy counter field", "none listed");
            source.start();
            long deadline = System.nanoTime() + 10_000 * MS;
            while (source.traces().get(0).size() < captured.size() - 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            source.close();
            // one trace per averaging window: the one-second means, and the instant reading
            assertThat(source.traces()).hasSize(2);
            LiveTrace trace = source.traces().get(0);
            assertThat(trace.rails()).containsExactly("power.draw", "power.draw.average");
            assertThat(trace.sensorDelayNanos())
                    .isEqualTo(NvidiaSmiSource.AVERAGING_WINDOW_NANOS + NvidiaSmiSource.DRIVER_REFRESH_NANOS);
            assertThat(trace.size()).isEqualTo(captured.size() - 1);
            LiveTrace instantTrace = source.traces().get(1);
            assertThat(instantTrace.rails()).containsExactly("power.draw.instant");
            // twice the 90 ms lag of the H100's instant reading behind its energy counter (docs/ANALYSIS.md)
            assertThat(instantTrace.sensorDelayNanos()).isEqualTo(2 * 90_000_000L);
            // its lag one constant in 30-150 ms, measured per group (sampler and refresh locked in phase)
            assertThat(instantTrace.placementUncertaintyNanos()).isEqualTo(60_000_000L);
            assertThat(trace.placementUncertaintyNanos()).isZero();
            assertThat(source.status().facts().get("power.draw.instant averaging"))
                    .startsWith("instantaneous");
            PowerTrace instant = instantTrace.snapshot("power.draw.instant");
            for (int k = 0; k < instant.size(); k++) {
                String[] columns = captured.get(k + 1).split(", ");
                assertThat(instant.wattsAt(k)).isEqualTo(Double.parseDouble(columns[18]));
                assertThat(trace.snapshot("power.draw").wattsAt(k)).isEqualTo(Double.parseDouble(columns[15]));
            }
            assertThat(source.status().failures()).isZero();
        }
    }

    @Test
    void nvidiaSmiWithoutPowerFieldsIsAClearError(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("nvsmi-old");
        Files.writeString(none, "#!/bin/sh\necho '\"index\"'\n");
        assertThat(none.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> NvidiaSmiSource.probe(none.toString(), 0, 20 * MS, 10, LiveClock.system()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lists none of");
        assertThatThrownBy(() ->
                        NvidiaSmiSource.probe(dir.resolve("absent").toString(), 0, 20 * MS, 10, LiveClock.system()))
                .hasMessageContaining("cannot run");
        assertThatThrownBy(() -> NvidiaSmiSource.probe("nvidia-smi", 0, 10_000, 10, LiveClock.system()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nvidiaSmiWithoutEnergyFieldHasOneTrace(@TempDir Path dir) throws Exception {
        try (NvidiaSmiSource source = startedAndClosed(dir, "FAKE_NVSMI_ENERGY=none")) {
            assertThat(source.traces()).hasSize(2);
            assertThat(source.traces().get(0).rails()).containsExactly("power.draw", "power.draw.average");
            assertThat(source.traces().get(1).rails()).containsExactly("power.draw.instant");
            assertThat(source.status().facts()).containsEntry("energy counter field", "none listed");
        }
    }

    @Test
    void nvidiaSmiOfAnOlderGpuReadsPowerDrawAsInstantaneous(@TempDir Path dir) throws Exception {
        try (NvidiaSmiSource source = startedAndClosed(dir, "FAKE_NVSMI_AVERAGE=na")) {
            // power.draw.average listed but not available: older than Ampere (or GA100), power.draw is a point reading
            assertThat(source.traces()).hasSize(2);
            LiveTrace power = source.traces().get(0);
            assertThat(power.rails()).containsExactly("power.draw", "power.draw.instant");
            // instantaneous on this GPU: the instant reading's delay, twice its measured 90 ms lag
            assertThat(power.sensorDelayNanos()).isEqualTo(2 * 90_000_000L);
            assertThat(power.placementUncertaintyNanos()).isEqualTo(60_000_000L);
            assertThat(source.status().facts().get("power.draw averaging"))
                    .startsWith("instantaneous (this GPU does not offer power.draw.average");
        }
    }

    /** The fake nvidia-smi with one of its variables set, started (its first line in) and closed. */
    private static NvidiaSmiSource startedAndClosed(Path dir, String variable) throws Exception {
        NvidiaSmiSource source =
                NvidiaSmiSource.probe(fakeNvidiaSmi(dir, variable).toString(), 0, 20 * MS, 100, LiveClock.system());
        source.start();
        source.close();
        return source;
    }

    /** The fake nvidia-smi behind a wrapper that sets one of its variables, as one executable path. */
    private static Path fakeNvidiaSmi(Path dir, String variable) throws IOException {
        Path tool = FakeTools.install(dir, "nvidia-smi");
        Path wrapper = dir.resolve("nvsmi-wrapper");
        Files.writeString(wrapper, "#!/bin/sh\n" + variable + " exec " + tool + " \"$@\"\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        return wrapper;
    }
}
