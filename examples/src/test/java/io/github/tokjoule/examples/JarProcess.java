package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The built jar ({@code target/tokjoule.jar}) run as a real child process, stopped by a real signal as a terminal's
 * Ctrl-C ({@code INT}) or a service manager ({@code TERM}) would: the tests of the *IT classes, which run in the
 * {@code integration-test} phase after the shaded jar is packaged.
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/tokjoule.jar");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code java -jar target/tokjoule.jar ARGS}, its output in files of {@code dir}.
     *
     * @param dir where {@code stdout.txt} and {@code stderr.txt} go
     * @param args the command's arguments
     * @return the running process
     */
    static JarProcess start(Path dir, String... args) throws IOException {
        assertThat(JAR)
                .as("the shaded jar: this test runs in the integration-test phase (mvn verify), after package")
                .exists();
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // A build started in the background by a non-interactive shell runs with SIGINT ignored, the child
            // inherits that, and a JVM whose SIGINT is ignored keeps it ignored (as nohup'd programs should): give
            // the child the default disposition back (GNU env, coreutils 8.31 or later), as a terminal would.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new JarProcess(p, out, err);
    }

    /**
     * Waits until a condition holds while the process runs, then asserts that it still runs.
     *
     * @param condition what to wait for
     * @param seconds the most to wait
     */
    void awaitWhileRunning(BooleanSupplier condition, long seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean())
                .as("waited %d s; stdout: %s%nstderr: %s", seconds, stdout(), stderr())
                .isTrue();
        assertThat(process.isAlive()).as("still running; stderr: %s", stderr()).isTrue();
    }

    /**
     * Sends a signal with {@code kill} and waits for the process to end.
     *
     * @param signal {@code INT} or {@code TERM}
     * @return the exit status
     */
    int signalAndWait(String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                        .start()
                        .waitFor())
                .isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("ends after SIG%s", signal)
                .isTrue();
        return process.exitValue();
    }

    String stdout() throws IOException {
        return read(stdout);
    }

    String stderr() throws IOException {
        return read(stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** {@return the exit status a JVM ends with on a signal: 128 + its number (INT 2, TERM 15)} */
    static int exitStatus(String signal) {
        return 128
                + switch (signal) {
                    case "INT" -> 2;
                    case "TERM" -> 15;
                    default -> throw new IllegalArgumentException(signal);
                };
    }

    /** {@return how the summary names a signal: {@code Ctrl-C} for INT, else {@code SIG} and its name} */
    static String summaryName(String signal) {
        return signal.equals("INT") ? "Ctrl-C" : "SIG" + signal;
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

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
