package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs aiperf for one cell.
 *
 * @since 0.1.0
 */
public interface AiperfRunner {

    /**
     * Runs aiperf with the cell's directory as artifact directory, stopping it at the plan's time limit.
     *
     * @param cell the cell
     * @param artifactDir the cell's directory
     * @param consoleLog where aiperf's console output goes
     * @return how it ended
     * @throws IOException if aiperf cannot be started
     * @throws InterruptedException if interrupted (aiperf is then stopped)
     */
    ProcessResult run(PlannedCell cell, Path artifactDir, Path consoleLog) throws IOException, InterruptedException;
}
