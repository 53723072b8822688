package io.github.tokjoule.jetson.driver.process;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A process started by a {@link ProcessRunner}.
 *
 * @since 0.1.0
 */
public interface RunningProcess {

    /**
     * Returns the command that started it.
     *
     * @return the command
     */
    Command command();

    /**
     * Returns the operating system's process id.
     *
     * @return the pid
     */
    long pid();

    /**
     * Returns whether the process is still running.
     *
     * @return true if alive
     */
    boolean isAlive();

    /**
     * Returns the exit code once the process has ended.
     *
     * @return the exit code, empty while it runs
     */
    OptionalInt exitCode();

    /**
     * Waits for the process to end.
     *
     * @param timeout the longest wait
     * @return true if it ended, false if the time ran out
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /**
     * Stops the process and every process it started: SIGTERM to the tree (snapshotted before the signal), then
     * SIGKILL to whatever is still alive after the grace period. Does nothing if it already ended. Never touches a
     * process outside this tree.
     *
     * @param grace the time between SIGTERM and SIGKILL
     */
    void stop(Duration grace);

    /**
     * Returns the output captured so far: the output file's content (last mebibyte at most).
     *
     * @return the output, empty if none
     */
    String output();
}
