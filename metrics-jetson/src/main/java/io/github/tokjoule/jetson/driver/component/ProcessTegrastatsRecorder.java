package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.RunningProcess;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link TegrastatsRecorder} running {@code sudo tegrastats --interval I --logfile F} per cell, as the seed's v2 driver
 * (docs/reference/seed-methodology.md §1.6), but
 *
 * <ul>
 *   <li>waiting for the first sample before returning (the seed started aiperf at once, so a log could begin after
 *       the first request), and
 *   <li>stopping only the process it started — the seed's {@code sudo pkill -f tegrastats} also killed any other
 *       tegrastats on the board, and {@code tegrastats --stop} would do the same.
 * </ul>
 *
 * <p>Under sudo the process the runner started is {@code sudo} itself; SIGTERM to it is relayed to tegrastats.
 *
 * @since 0.1.0
 */
public final class ProcessTegrastatsRecorder implements TegrastatsRecorder {

    private static final Duration POLL = Duration.ofMillis(10);

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Sleeper sleeper;
    private final Duration grace;

    private ProcessTegrastatsRecorder(ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration grace) {
        this.runner = runner;
        this.commands = commands;
        this.sleeper = sleeper;
        this.grace = grace;
    }

    /**
     * Returns the recorder.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param sleeper waits while polling for the first sample
     * @param grace the time between SIGTERM and SIGKILL when stopping
     * @return the recorder
     */
    public static ProcessTegrastatsRecorder create(
            ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration grace) {
        return new ProcessTegrastatsRecorder(runner, commands, sleeper, grace);
    }

    /**
     * Returns how long {@link #start} waits for the first sample: 20 sampling intervals, at least 5 s (sudo and the
     * first read of every sensor take a moment).
     *
     * @return the limit
     */
    public Duration firstSampleLimit() {
        Duration twenty = Duration.ofMillis(20L * commands.plan().tegrastatsIntervalMillis());
        return twenty.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : twenty;
    }

    @Override
    public Recording start(Path logFile, Path consoleLog) throws IOException, InterruptedException {
        RunningProcess process = runner.start(commands.tegrastats(logFile).withOutput(consoleLog, true));
        long deadline = System.nanoTime() + firstSampleLimit().toNanos();
        try {
            while (!hasSample(logFile)) {
                if (!process.isAlive()) {
                    throw new IOException("tegrastats ended before its first sample ("
                            + (process.exitCode().isPresent()
                                    ? "exit code " + process.exitCode().getAsInt()
                                    : "")
                            + "): " + OomSignatures.lastLines(consoleLog, 3));
                }
                if (System.nanoTime() > deadline) {
                    process.stop(grace);
                    throw new IOException("tegrastats wrote no sample to " + logFile + " within "
                            + firstSampleLimit().toMillis() + " ms");
                }
                sleeper.sleep(POLL);
            }
        } catch (InterruptedException e) {
            process.stop(grace);
            throw e;
        }
        return new Recording() {
            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public void stop() {
                process.stop(grace);
            }
        };
    }

    private static boolean hasSample(Path logFile) {
        try {
            return Files.isRegularFile(logFile) && Files.size(logFile) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
