package io.github.tokjoule.tegrastats;

/**
 * A rail a power trace needs that some samples lack; those samples are left out of the trace, never zero-filled.
 *
 * @param rail the rail name
 * @param samples how many samples lack it
 * @param firstLineNumber the 1-based line number of the first such sample
 * @since 0.1.0
 */
public record MissingRail(String rail, long samples, long firstLineNumber) {}
