package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TokJoule.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A Jetson-like sysfs tree: one INA3221 channel (5000 mV × 1200 mA = 6 W) and one RAPL package zone. */
    static void fakeSysfs(Path root) throws IOException {
        Path chip = root.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.createDirectories(chip);
        Files.writeString(chip.resolve("in1_label"), "VDD_IN\n");
        Files.writeString(chip.resolve("in1_input"), "5000\n");
        Files.writeString(chip.resolve("curr1_input"), "1200\n");
        Files.writeString(chip.resolve("samples"), "4\n");
        Files.writeString(chip.resolve("update_interval"), "6\n");
        Path zone = root.resolve("class/powercap/intel-rapl:0");
        Files.createDirectories(zone);
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("energy_uj"), "1000\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
    }

    @Test
    void monitorsHwmonAndRaplIntoAReadableLog(@TempDir Path dir) throws IOException {
        fakeSysfs(dir);
        Path log = dir.resolve("run.csv");
        int code = run(
                "monitor",
                "--source",
                "hwmon,rapl",
                "--sysfs-root",
                dir.toString(),
                "--interval-ms",
                "10",
                "--duration",
                "400ms",
                "--refresh-ms",
                "100",
                "--out",
                log.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("hwmon/VDD_IN", "6.000 W", "rapl/package-0", "within 2 ms", "Done; summary:", "Log: ");
        // Sources the command closed itself at the end are not reported as stopped.
        assertThat(out.toString().substring(out.toString().indexOf("Done; summary:")))
                .doesNotContain("STOPPED");
        LiveLog.Contents contents = LiveLog.read(log);
        PowerTrace vddIn = contents.traces().get("hwmon/VDD_IN");
        assertThat(vddIn.size()).isGreaterThan(10);
        assertThat(vddIn.watts()).containsOnly(6.0);
        assertThat(contents.readings()).containsEntry("rapl/package-0", "energy_counter");
        assertThat(contents.comments()).anySatisfy(c -> assertThat(c).contains("update_interval=6"));
    }

    @Test
    void jsonLinesLog(@TempDir Path dir) throws IOException {
        fakeSysfs(dir);
        Path log = dir.resolve("run.jsonl");
        assertThat(run(
                        "monitor",
                        "--sysfs-root",
                        dir.toString(),
                        "--duration",
                        "200ms",
                        "--refresh-ms",
                        "50",
                        "--out",
                        log.toString()))
                .isZero();
        assertThat(Files.readAllLines(log).get(0)).contains(LiveLog.FORMAT);
        assertThat(LiveLog.read(log).traces().get("hwmon/VDD_IN").size()).isGreaterThan(5);
    }

    @Test
    void aSourceThatCannotStartFailsWithItsReason(@TempDir Path dir) {
        assertThat(run("monitor", "--sysfs-root", dir.toString(), "--duration", "1s"))
                .isEqualTo(TokJoule.FAILED);
        assertThat(err.toString()).contains("no INA3221 rail");
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        assertThat(run("monitor", "--sysfs-root", dir.toString(), "--duration", "3 parsecs"))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("not a whole number");
        assertThat(run("monitor", "--source", "geiger")).isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("unknown source 'geiger'");
        assertThat(run("monitor", "--interval-ms", "0")).isEqualTo(TokJoule.USAGE);
    }

    @Test
    void durations() {
        assertThat(MonitorCommand.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(MonitorCommand.parseDuration("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(MonitorCommand.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(MonitorCommand.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> MonitorCommand.parseDuration("1.5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonitorCommand.parseDuration("0s")).hasMessageContaining("is zero");
        // 2,562,048 h is past Long.MAX_VALUE ns; a number past Long.MAX_VALUE does not parse at all.
        assertThat(MonitorCommand.MAX_HOURS).isEqualTo(2_562_047L);
        assertThat(MonitorCommand.parseDuration("2562047h")).isEqualTo(Duration.ofHours(2_562_047L));
        assertThatThrownBy(() -> MonitorCommand.parseDuration("2562048h")).hasMessageContaining("too long");
        assertThatThrownBy(() -> MonitorCommand.parseDuration("99999999999999999999ms"))
                .hasMessageContaining("too long");
    }

    @Test
    void zeroOrOverlongDurationsAreUsageErrors(@TempDir Path dir) throws IOException {
        fakeSysfs(dir);
        for (String d : new String[] {"0s", "0ms", "9999999999999h", "99999999999999999999h"}) {
            assertThat(run("monitor", "--sysfs-root", dir.toString(), "--duration", d))
                    .as(d)
                    .isEqualTo(TokJoule.USAGE);
        }
        assertThat(err.toString()).contains("'0s' is zero", "'9999999999999h' is too long: at most 2562047h");
    }

    /** 10 intervals, at least 1 s, without a sample: stalled. */
    @Test
    void stallLimit() {
        assertThat(MonitorCommand.stallLimitNanos(10_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(MonitorCommand.stallLimitNanos(100_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(MonitorCommand.stallLimitNanos(500_000_000L)).isEqualTo(5_000_000_000L);
    }

    /**
     * A tool that prints three lines and then hangs (still running, silent) is a stalled source: the view marks it,
     * stderr names it and the time it was silent, the exit code is 1, and the log keeps the samples it gave.
     */
    @Test
    void aToolThatStallsIsReportedAndTheRunFails(@TempDir Path dir) throws IOException {
        Path tool = dir.resolve("tegrastats");
        Files.writeString(
                tool,
                "#!/bin/sh\n"
                        + "for i in 1 2 3; do\n"
                        + "  echo '12-07-2026 19:00:00 RAM 1000/7620MB (lfb 1x1MB) CPU [1%@729]"
                        + " VDD_IN 5000mW/5000mW VDD_CPU_GPU_CV 1000mW/1000mW'\n"
                        + "  sleep 0.1\n"
                        + "done\n"
                        + "exec sleep 600\n");
        assertThat(tool.toFile().setExecutable(true)).isTrue();
        Path log = dir.resolve("run.csv");
        int code = run(
                "monitor",
                "--source",
                "tegrastats",
                "--tegrastats",
                tool.toString(),
                "--duration",
                "2s",
                "--refresh-ms",
                "1900",
                "--out",
                log.toString());
        assertThat(code).as(out.toString()).isEqualTo(TokJoule.FAILED);
        assertThat(err.toString())
                .contains("tokjoule monitor: tegrastats stalled: no sample in the last ")
                .contains("more than 1.0 s without one");
        assertThat(out.toString().substring(out.toString().indexOf("Done; summary:")))
                .contains("STALLED: no sample for ")
                .doesNotContain("STOPPED");
        LiveLog.Contents contents = LiveLog.read(log);
        assertThat(contents.traces().get("tegrastats/VDD_IN").watts()).containsOnly(5.0);
        assertThat(contents.comments())
                .anySatisfy(c -> assertThat(c).startsWith("tegrastats command: "))
                .noneSatisfy(c -> assertThat(c).contains("silent_ms"));
    }
}
