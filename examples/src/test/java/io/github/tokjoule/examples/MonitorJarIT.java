package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C against the built jar: {@code java -jar target/tokjoule.jar monitor} on a fake Jetson tree as a real child
 * process, stopped with SIGINT as a terminal's Ctrl-C would. Runs in the {@code integration-test} phase, after the
 * shaded jar is packaged (the {@code jar-tests} execution of surefire in examples/pom.xml: classes named {@code *IT}).
 *
 * <p>What must hold (docs/LIVE.md): the JVM exits with 130 (128 + SIGINT, as for any Java program stopped by
 * SIGINT, after the shutdown hook has let the command flush); the summary is printed; the log's last line is complete;
 * and the log reads back through {@link LiveLog#read} with every sample the summary counted.
 */
class MonitorJarIT {

    private static final Path JAR = Path.of("target/tokjoule.jar");

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
    @ValueSource(strings = {"run.csv", "run.jsonl"})
    void ctrlCFlushesTheLogAndPrintsTheSummary(String name) throws Exception {
        assertThat(JAR)
                .as("the shaded jar: this test runs in the integration-test phase (mvn verify), after package")
                .exists();
        fakeSysfs(dir);
        Path log = dir.resolve(name);
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // A build started in the background by a non-interactive shell runs with SIGINT ignored, the child
            // inherits that, and a JVM whose SIGINT is ignored keeps it ignored (as nohup'd programs should): give
            // the child the default disposition back (GNU env, coreutils 8.31 or later), as a terminal would.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
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
                log.toString()));
        Process p = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            // Wait for a few refreshes to reach the log, then Ctrl-C.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (rows(log) < 60 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(p.isAlive())
                    .as("monitor still running; stderr: %s", read(stderr))
                    .isTrue();
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS))
                    .as("monitor ends after SIGINT")
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = read(stdout);
        assertThat(p.exitValue()).as("stdout %s%nstderr %s", out, read(stderr)).isEqualTo(130);
        assertThat(out).contains("Stopped (Ctrl-C); summary:", "hwmon/VDD_IN", "6.000 W", "within 2 ms");
        Matcher samples = SAMPLES.matcher(out.substring(out.lastIndexOf("Stopped (Ctrl-C)")));
        Matcher rows = ROWS.matcher(out);
        assertThat(samples.find()).as(out).isTrue();
        assertThat(rows.find()).as(out).isTrue();
        assertThat(samples.group(2)).isEqualTo("0");
        assertThat(out.substring(out.lastIndexOf("Stopped (Ctrl-C)"))).doesNotContain("STOPPED");
        long sampleCount = Long.parseLong(samples.group(1));
        assertThat(Long.parseLong(rows.group(1)))
                .as("one row per sample and rail")
                .isEqualTo(2 * sampleCount);

        String text = read(log);
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

    /** Whether this process ignores SIGINT (signal 2: bit 1 of {@code SigIgn} in {@code /proc/self/status}). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    private static long rows(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        return read(log)
                .lines()
                .filter(l -> l.startsWith("1") || l.startsWith("{\"epoch"))
                .count();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
