package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link AiperfRunner} running {@link JetsonCommands#aiperf} with the limit
 * {@link io.github.tokjoule.jetson.driver.plan.Timeouts#aiperfCellLimit(int, int)}.
 *
 * @since 0.1.0
 */
public final class ProcessAiperfRunner implements AiperfRunner {

    private final ProcessRunner runner;
    private final JetsonCommands commands;

    private ProcessAiperfRunner(ProcessRunner runner, JetsonCommands commands) {
        this.runner = runner;
        this.commands = commands;
    }

    /**
     * Returns the runner.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @return the aiperf runner
     */
    public static ProcessAiperfRunner create(ProcessRunner runner, JetsonCommands commands) {
        return new ProcessAiperfRunner(runner, commands);
    }

    @Override
    public ProcessResult run(PlannedCell cell, Path artifactDir, Path consoleLog)
            throws IOException, InterruptedException {
        SweepPlan plan = commands.plan();
        return runner.run(
                commands.aiperf(cell, artifactDir).withOutput(consoleLog, false),
                plan.timeouts().aiperfCellLimit(plan.warmupRequests(), plan.requestsPerCell()));
    }
}
