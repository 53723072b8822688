package io.github.tokjoule.jetson.driver.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts processes from argument lists. Every component of the driver goes through one runner, so a test can put fake
 * executables first on {@code PATH}, and an interrupted sweep can stop exactly the processes it started.
 *
 * @since 0.1.0
 */
public interface ProcessRunner {

    /**
     * Starts a process and returns at once.
     *
     * @param command the command
     * @return the running process
     * @throws IOException if the program is not found or cannot be started
     */
    RunningProcess start(Command command) throws IOException;

    /**
     * Runs a process to completion, stopping it if it outlives the time limit.
     *
     * @param command the command
     * @param timeout the time limit
     * @return how it ended, with its output
     * @throws IOException if the program is not found or cannot be started
     * @throws InterruptedException if the waiting thread is interrupted (the process is then stopped)
     */
    default ProcessResult run(Command command, Duration timeout) throws IOException, InterruptedException {
        return run(command, timeout, start(command));
    }

    /**
     * Waits for a started process like {@link #run(Command, Duration)} does.
     *
     * @param command the command
     * @param timeout the time limit
     * @param process the process started from the command
     * @return how it ended, with its output
     * @throws InterruptedException if the waiting thread is interrupted (the process is then stopped)
     */
    default ProcessResult run(Command command, Duration timeout, RunningProcess process) throws InterruptedException {
        try {
            boolean ended = process.waitFor(timeout);
            if (!ended) {
                process.stop(Duration.ofSeconds(5));
                return new ProcessResult(command, -1, true, process.output());
            }
            return new ProcessResult(command, process.exitCode().orElse(-1), false, process.output());
        } catch (InterruptedException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
    }

    /**
     * Finds the executable a command naming this program would start.
     *
     * @param program the program name
     * @return the executable, empty if it is not on the {@code PATH}
     */
    Optional<Path> which(String program);

    /**
     * Stops every process this runner started that is still alive (used on interruption and by shutdown hooks).
     *
     * @param grace the time between SIGTERM and SIGKILL
     */
    void stopAll(Duration grace);
}
