package io.github.tokjoule.aiperf;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one read. In strict mode a problem is thrown at once as {@link AiperfFormatException};
 * otherwise it is kept (the first {@code cap} of them) and counted.
 */
final class Issues {

    private final String source;
    private final boolean strict;
    private final int cap;
    private final List<ReadIssue> kept = new ArrayList<>();
    private long total;

    Issues(String source, boolean strict, int cap) {
        this.source = source;
        this.strict = strict;
        this.cap = cap;
    }

    String source() {
        return source;
    }

    boolean strict() {
        return strict;
    }

    /** A problem: thrown in strict mode, else recorded. */
    void add(String location, String message) {
        if (strict) {
            throw new AiperfFormatException(source, location, message, null);
        }
        note(location, message);
    }

    /** A fact worth reporting that is never an error (e.g. a truncated last line): always recorded. */
    void note(String location, String message) {
        total++;
        if (kept.size() < cap) {
            kept.add(new ReadIssue(location, message));
        }
    }

    long total() {
        return total;
    }

    List<ReadIssue> kept() {
        return List.copyOf(kept);
    }
}
