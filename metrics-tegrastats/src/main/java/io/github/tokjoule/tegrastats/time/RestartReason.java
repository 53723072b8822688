package io.github.tokjoule.tegrastats.time;

/**
 * Why a constant-period segment of a stamped log starts where it does.
 *
 * @since 0.1.0
 */
public enum RestartReason {
    /** The first stamped sample of the input. */
    FIRST,
    /** The stamp went backward: tegrastats was restarted (or logs were appended), or the clock was set back. */
    STAMP_BACKWARD,
    /** The stamp jumped further than any allowed period can explain: tegrastats paused, or lines are missing. */
    STAMP_GAP,
    /**
     * The stamp is within reach but no single period and phase agree with it and every stamp since the segment
     * started: the period drifted, or a sample was late (tegrastats sleeps the interval after each sample, so one late
     * sample shifts all that follow).
     */
    INCONSISTENT
}
