package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.process.Command;
import java.time.Duration;
import java.util.Optional;

/**
 * One step of a dry run: a process the sweep would run or start or stop, an HTTP request, a file write or a pause.
 *
 * @param kind what kind of step
 * @param text the command line (for processes, quoted for display) or a description
 * @param privileged whether it runs through the sudo prefix
 * @param command the command, for process steps
 * @param pause how long a {@link Kind#SLEEP} step pauses (a wait for a condition: its expected length, e.g. one
 *     tegrastats interval for the first sample); zero for the other kinds (since 0.2.0)
 * @since 0.1.0
 */
public record PlannedCommand(Kind kind, String text, boolean privileged, Optional<Command> command, Duration pause) {

    /**
     * Checks the pause.
     *
     * @throws IllegalArgumentException if the pause is negative
     */
    public PlannedCommand {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause = " + pause + " is negative");
        }
    }

    /**
     * A step that does not pause.
     *
     * @param kind what kind of step
     * @param text the command line or a description
     * @param privileged whether it runs through the sudo prefix
     * @param command the command, for process steps
     */
    public PlannedCommand(Kind kind, String text, boolean privileged, Optional<Command> command) {
        this(kind, text, privileged, command, Duration.ZERO);
    }

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
