package io.github.tokjoule.aiperf;

import java.util.List;

/**
 * What a summary reader skipped or assumed: every value of the wrong type, unknown unit, unresolvable timestamp or
 * duplicate key, each with its JSON path. Nothing is dropped silently; an empty report means the file was read
 * exactly as written (unknown keys aside, which the format allows and readers ignore).
 *
 * @param source the file name or description of the input
 * @param issues the problems in file order
 * @since 0.1.0
 */
public record ReadReport(String source, List<ReadIssue> issues) {

    /** Copies the list. */
    public ReadReport {
        issues = List.copyOf(issues);
    }

    /** {@return whether nothing was skipped or assumed} */
    public boolean isClean() {
        return issues.isEmpty();
    }
}
