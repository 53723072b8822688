package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.process.Command;
import java.util.Optional;

/**
 * One step of a dry run: a process the sweep would run or start or stop, an HTTP request, a file write or a pause.
 *
 * @param kind what kind of step
 * @param text the command line (for processes, quoted for display) or a description
 * @param privileged whether it runs through the sudo prefix
 * @param command the command, for process steps
 * @since 0.1.0
 */
public record PlannedCommand(Kind kind, String text, boolean privileged, Optional<Command> command) {

    /** The kind of step. */
    public enum Kind {
        /** Run a process to completion. */
        RUN,
        /** Start a background process. */
        START,
        /** Stop a background process started earlier. */
        STOP,
        /** An HTTP request. */
        HTTP,
        /** Write a file. */
        WRITE,
        /** Pause. */
        SLEEP,
        /** A heading: which mode, model or cell the following steps belong to. */
        NOTE
    }

    /**
     * Renders the step as one line, e.g. {@code RUN   sudo -n nvpmodel -m 0}.
     *
     * @return the line
     */
    @Override
    public String toString() {
        if (kind == Kind.NOTE) {
            return "# " + text;
        }
        String k = kind.name();
        return k + " ".repeat(Math.max(1, 6 - k.length())) + text;
    }
}
