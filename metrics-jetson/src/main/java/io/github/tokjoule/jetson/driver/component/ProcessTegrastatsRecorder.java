package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.RunningProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link TegrastatsRecorder} running {@code sudo tegrastats --interval I --logfile F} per cell, as the seed's v2 driver
 * (seed-methodology §1.6), but stopping only the process it started — the seed's {@code sudo pkill -f tegrastats}
 * also killed any other tegrastats on the board, and {@code tegrastats --stop} would do the same.
 *
 * <p>Under sudo the process the runner started is {@code sudo} itself; SIGTERM to it is relayed to tegrastats.
 *
 * @since 0.1.0
 */
public final class ProcessTegrastatsRecorder implements TegrastatsRecorder {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Duration grace;

    private ProcessTegrastatsRecorder(ProcessRunner runner, JetsonCommands commands, Duration grace) {
        this.runner = runner;
        this.commands = commands;
        this.grace = grace;
    }

    /**
     * Returns the recorder.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param grace the time between SIGTERM and SIGKILL when stopping
     * @return the recorder
     */
    public static ProcessTegrastatsRecorder create(ProcessRunner runner, JetsonCommands commands, Duration grace) {
        return new ProcessTegrastatsRecorder(runner, commands, grace);
    }

    @Override
    public Recording start(Path logFile, Path consoleLog) throws IOException {
        RunningProcess process = runner.start(commands.tegrastats(logFile).withOutput(consoleLog, true));
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
}
