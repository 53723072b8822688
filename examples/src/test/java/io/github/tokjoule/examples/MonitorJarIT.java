package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM against the built jar: {@code java -jar target/tokjoule.jar monitor} on a fake Jetson tree as a
 * real child process ({@link JarProcess}), stopped with SIGINT as a terminal's Ctrl-C would, or with SIGTERM as
 * {@code kill} or a service manager would. Runs in the {@code integration-test} phase, after the
 * shaded jar is packaged (the {@code jar-tests} execution of surefire in examples/pom.xml: classes named {@code *IT}).
 *
 * <p>What must hold (docs/LIVE.md): the JVM exits with 130 or 143 (128 + the signal's number, as for any Java
 * program stopped by a signal, after the shutdown hook has let the command flush); the summary is printed and names
 * the signal ({@code Stopped (Ctrl-C)}, {@code Stopped (SIGTERM)}); the log's last line is complete;
 * and the log reads back through {@link LiveLog#read} with every sample the summary counted.
 */
class MonitorJarIT {

    @TempDir
    Path dir;

    private static final Pattern SAMPLES = Pattern.compile("hwmon: (\\d+) samples, (\\d+) failed");
    private static final Pattern ROWS = Pattern.compile("Log: .* \\((\\d+) rows\\)");

    /**
     * {@link MonitorCommandTest#fakeSysfs}'s tree (VDD_IN: 5000 mV × 1200 mA = 6 W) with a second INA3221 rail,
     * 5000 mV × 400 mA = 2 W.
     */
    private static void fakeSysfs(Path root) throws IOException {
        MonitorCommandTest.fakeSysfs(root);
        Path chip = root.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.writeString(chip.resolve("in2_label"), "VDD_CPU_GPU_CV\n");
        Files.writeString(chip.resolve("in2_input"), "5000\n");
        Files.writeString(chip.resolve("curr2_input"), "400\n");
    }

    @ParameterizedTest
    @CsvSource({"run.csv, INT", "run.jsonl, INT", "run.csv, TERM"})
    void aSignalFlushesTheLogAndPrintsTheSummaryNamingIt(String name, String signal) throws Exception {
        fakeSysfs(dir);
        Path log = dir.resolve(name);
        String out;
        int status;
        try (JarProcess p = JarProcess.start(
                dir,
                "monitor",
                "--source",
                "hwmon",
                "--sysfs-root",
                dir.toString(),
                "--interval-ms",
                "10",
                "--refresh-ms",
                "200",
                "--out",
                log.toString())) {
            // Wait for a few refreshes to reach the log, then the signal.
            p.awaitWhileRunning(() -> rows(log) >= 60, 60);
            status = p.signalAndWait(signal);
            out = p.stdout();
            assertThat(status).as("stdout %s%nstderr %s", out, p.stderr()).isEqualTo(JarProcess.exitStatus(signal));
        }
        String stopped = "Stopped (" + JarProcess.summaryName(signal) + ")";
        assertThat(out).contains(stopped + "; summary:", "hwmon/VDD_IN", "6.000 W", "within 2 ms");
        Matcher samples = SAMPLES.matcher(out.substring(out.lastIndexOf(stopped)));
        Matcher rows = ROWS.matcher(out);
        assertThat(samples.find()).as(out).isTrue();
        assertThat(rows.find()).as(out).isTrue();
        assertThat(samples.group(2)).isEqualTo("0");
        assertThat(out.substring(out.lastIndexOf(stopped))).doesNotContain("STOPPED");
        long sampleCount = Long.parseLong(samples.group(1));
        assertThat(Long.parseLong(rows.group(1)))
                .as("one row per sample and rail")
                .isEqualTo(2 * sampleCount);

        String text = JarProcess.read(log);
        assertThat(text).endsWith("\n"); // the last line is complete
        List<String> lines = text.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).satisfiesAnyOf(l -> assertThat(l.split(",")).hasSize(5), l -> assertThat(l)
                .startsWith("{\"epoch_nanos\":")
                .endsWith("}"));

        LiveLog.Contents contents = LiveLog.read(log);
        PowerTrace vddIn = contents.traces().get("hwmon/VDD_IN");
        PowerTrace cpuGpu = contents.traces().get("hwmon/VDD_CPU_GPU_CV");
        assertThat(vddIn.size()).as("every sample counted is in the log").isEqualTo((int) sampleCount);
        assertThat(cpuGpu.size()).isEqualTo((int) sampleCount);
        assertThat(vddIn.watts()).containsOnly(6.0);
        // 6 W over the logged span, by the trapezoid over the samples read back.
        assertThat(vddIn.energyJoules(vddIn.span().orElseThrow()))
                .isCloseTo(
                        6.0 * vddIn.span().orElseThrow().durationSeconds(),
                        org.assertj.core.api.Assertions.within(1e-9));
    }

    private static long rows(Path log) {
        try {
            return JarProcess.read(log)
                    .lines()
                    .filter(l -> l.startsWith("1") || l.startsWith("{\"epoch"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
