package io.github.tokjoule.tegrastats;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of parsing one line: its {@link LineKind}, the sample when it is one, the reason when it is malformed.
 *
 * @since 0.1.0
 */
public final class ParsedLine {

    private final LineKind kind;
    private final @Nullable TegrastatsSample sample;
    private final @Nullable String problem;

    ParsedLine(LineKind kind, @Nullable TegrastatsSample sample, @Nullable String problem) {
        this.kind = kind;
        this.sample = sample;
        this.problem = problem;
    }

    /** {@return what the line is} */
    public LineKind kind() {
        return kind;
    }

    /** {@return the sample, present exactly when {@link #kind()} is {@link LineKind#SAMPLE}} */
    public Optional<TegrastatsSample> sample() {
        return Optional.ofNullable(sample);
    }

    /**
     * Returns why a tegrastats line was refused, with the 1-based column, e.g. {@code "rail VDD_IN: the running
     * average after '/' is missing at column 410"}.
     *
     * @return the reason, present exactly when {@link #kind()} is {@link LineKind#MALFORMED}
     */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return "ParsedLine[" + kind + (problem == null ? "" : ": " + problem) + "]";
    }
}
