package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.nio.file.Path;
import java.util.List;

/**
 * How a session of a sweep ended.
 *
 * @param status the end state
 * @param runDir the run directory
 * @param cellsTotal the plan's cells
 * @param cellsAlreadyComplete cells valid from an earlier session, not re-run
 * @param cellsOk cells run and valid in this session
 * @param cellsFailed cells run and marked FAILED in this session
 * @param cellsRun the cells run in this session, in order (each once, whatever its attempts)
 * @param failedModels models marked FAILED in this session, as {@code <MODE>/<model>}
 * @param message a one-line summary, or why the sweep stopped
 * @since 0.1.0
 */
public record SweepOutcome(
        Status status,
        Path runDir,
        int cellsTotal,
        int cellsAlreadyComplete,
        int cellsOk,
        int cellsFailed,
        List<CellKey> cellsRun,
        List<String> failedModels,
        String message) {

    /**
     * Copies the lists.
     */
    public SweepOutcome {
        cellsRun = List.copyOf(cellsRun);
        failedModels = List.copyOf(failedModels);
    }

    /** The end state of a session. */
    public enum Status {
        /** Every cell is valid. */
        COMPLETED,
        /** The sweep went through, but some cells or models failed; resume retries them. */
        COMPLETED_WITH_FAILURES,
        /** The sweep stopped before the end: a power mode needs a reboot or could not be verified. */
        STOPPED,
        /** The sweep was interrupted (Ctrl-C); resume continues it. */
        INTERRUPTED
    }

    /**
     * Returns the number of cells that are still missing or invalid.
     *
     * @return the count
     */
    public int cellsRemaining() {
        return cellsTotal - cellsAlreadyComplete - cellsOk;
    }
}
