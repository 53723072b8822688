package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.live.LiveLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler's real-time priority, asked for by default ({@code --realtime 10}), is either granted and recorded in
 * the log or refused and said on stderr: never silently lost. Runs the built jar as a real child process, like
 * {@link MonitorJarIT}.
 */
class MonitorRealtimeJarIT {

    private static final Path JAR = Path.of("target/tokjoule.jar");

    @TempDir
    Path dir;

    @Test
    void withoutChrtThePriorityIsRefusedLoudlyAndSamplingGoesOn() throws Exception {
        // No chrt on the PATH: the promotion cannot run, whoever the user is.
        Run run = monitor(List.of("env", "PATH=" + dir.resolve("no-such-bin")));
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stderr)
                .contains("tokjoule monitor: hwmon: real-time priority refused, sampling at normal priority")
                .contains("run as root or with CAP_SYS_NICE; --realtime 0 to not ask");
        assertThat(LiveLog.read(run.log).comments()).anyMatch(c -> c.startsWith("hwmon realtime: refused"));
        assertThat(LiveLog.read(run.log).traces().get("hwmon/VDD_IN").size()).isPositive();
    }

    @Test
    void theDefaultPriorityIsGrantedAndRecordedOrRefusedAndSaid() throws Exception {
        Run run = monitor(List.of());
        assertThat(run.exit).as(run.stderr).isZero();
        List<String> comments = LiveLog.read(run.log).comments();
        if (run.stderr.contains("real-time priority refused")) {
            assertThat(comments).anyMatch(c -> c.startsWith("hwmon realtime: refused"));
        } else {
            assertThat(comments).anyMatch(c -> c.matches("hwmon realtime: SCHED_FIFO 10 \\(thread \\d+\\)"));
        }
    }

    @Test
    void realtimeZeroDoesNotAsk() throws Exception {
        Run run = monitor(List.of("env", "PATH=" + dir.resolve("no-such-bin")), "--realtime", "0");
        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stderr).doesNotContain("real-time");
        assertThat(LiveLog.read(run.log).comments()).contains("hwmon realtime: off");
    }

    private record Run(int exit, String stderr, Path log) {}

    private Run monitor(List<String> prefix, String... options) throws Exception {
        assertThat(JAR)
                .as("the shaded jar: this test runs in the integration-test phase (mvn verify), after package")
                .exists();
        MonitorCommandTest.fakeSysfs(dir);
        Path log = dir.resolve("run-" + System.nanoTime() + ".csv");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "monitor",
                "--source",
                "hwmon",
                "--sysfs-root",
                dir.toString(),
                "--duration",
                "1s",
                "--out",
                log.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("monitor --duration 1s ends")
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8), log);
    }
}
