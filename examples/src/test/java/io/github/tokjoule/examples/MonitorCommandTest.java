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
    }
}
