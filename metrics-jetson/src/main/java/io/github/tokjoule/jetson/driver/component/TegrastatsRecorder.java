package io.github.tokjoule.jetson.driver.component;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records a tegrastats power log for one cell.
 *
 * @since 0.1.0
 */
public interface TegrastatsRecorder {

    /**
     * Starts recording and returns once the first sample is in the log, so that the log covers everything that
     * follows.
     *
     * @param logFile the cell's {@code tegrastats.log}
     * @param consoleLog where tegrastats' own output goes
     * @return the recording
     * @throws IOException if tegrastats cannot be started, or ends or writes nothing before its first sample is due
     * @throws InterruptedException if interrupted while waiting for the first sample (the process is then stopped)
     */
    Recording start(Path logFile, Path consoleLog) throws IOException, InterruptedException;

    /**
     * One running recording.
     *
     * @since 0.1.0
     */
    interface Recording {

        /**
         * Returns whether the recorder still runs.
         *
         * @return true if alive
         */
        boolean isAlive();

        /**
         * Stops this recording's process (never another tegrastats).
         */
        void stop();
    }
}
