package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.time.Duration;
import java.util.Optional;

/**
 * A progress event.
 *
 * @param stage what just happened
 * @param cellsDone cells resolved so far (complete from an earlier session, run, failed, or given up with their model)
 * @param cellsTotal the plan's cells
 * @param modeLabel the current power mode, if any
 * @param model the current model, if any
 * @param cell the current cell, if any
 * @param elapsed time since this session started
 * @param eta the estimated time left (mean time of the cells run in this session × cells left), once a cell ran
 * @param message a one-line description
 * @since 0.1.0
 */
public record SweepProgress(
        Stage stage,
        int cellsDone,
        int cellsTotal,
        Optional<String> modeLabel,
        Optional<String> model,
        Optional<CellKey> cell,
        Duration elapsed,
        Optional<Duration> eta,
        String message) {

    /**
     * Renders the event as one status line, e.g.
     * {@code 12/384 cells | 25W qwen3-0.6b gen64/ctx512 | elapsed 1:02:03 | ETA 5:10:00 | attempt 1}.
     *
     * @return the line
     */
    public String statusLine() {
        StringBuilder sb = new StringBuilder()
                .append(cellsDone)
                .append('/')
                .append(cellsTotal)
                .append(" cells");
        if (cell.isPresent()) {
            CellKey c = cell.get();
            sb.append(" | ")
                    .append(c.modeLabel())
                    .append(' ')
                    .append(c.model())
                    .append(" gen")
                    .append(c.genTokens())
                    .append("/ctx")
                    .append(c.promptTokens());
        } else if (modeLabel.isPresent() || model.isPresent()) {
            sb.append(" |");
            modeLabel.ifPresent(m -> sb.append(' ').append(m));
            model.ifPresent(m -> sb.append(' ').append(m));
        }
        sb.append(" | elapsed ").append(clock(elapsed));
        eta.ifPresent(e -> sb.append(" | ETA ").append(clock(e)));
        if (!message.isEmpty()) {
            sb.append(" | ").append(message);
        }
        return sb.toString();
    }

    /** {@code H:MM:SS}. */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** What a progress event reports. */
    public enum Stage {
        /** The session started (cellsDone counts the cells already complete). */
        RUN_STARTED,
        /** A power mode was set and verified. */
        MODE_STARTED,
        /** A model's server is ready. */
        MODEL_STARTED,
        /** A model could not be served; its remaining cells are given up for this session. */
        MODEL_FAILED,
        /** A dead server was restarted. */
        SERVER_RESTARTED,
        /** A cell started (or is retried). */
        CELL_STARTED,
        /** A cell finished, valid or failed. */
        CELL_FINISHED,
        /** The session ended (completed, stopped or interrupted). */
        RUN_FINISHED
    }
}
