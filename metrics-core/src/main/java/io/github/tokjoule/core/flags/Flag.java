package io.github.tokjoule.core.flags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One raised accuracy flag: what, how serious, the numbers behind it (named with their units, in a stable order) and
 * a one-line reason a reader understands without the code.
 *
 * @param flag the condition
 * @param severity how serious it is
 * @param numbers the numbers behind it, e.g. {@code ttftP50Millis → 312.0, thresholdMillis → 500.0}; copied,
 *     iteration order kept
 * @param reason one line, not blank, without line breaks
 * @since 0.1.0
 */
public record Flag(AccuracyFlag flag, Severity severity, Map<String, Double> numbers, String reason) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code reason} is blank or spans more than one line
     */
    public Flag {
        if (reason.isBlank() || reason.indexOf('\n') >= 0 || reason.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("reason must be one non-blank line: '" + reason + "'");
        }
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /**
     * Returns a flag with its {@linkplain AccuracyFlag#defaultSeverity() default severity}.
     *
     * @param flag the condition
     * @param numbers the numbers behind it, in the order to show them
     * @param reason one line
     * @return the flag
     * @throws IllegalArgumentException if {@code reason} is blank or spans more than one line
     */
    public static Flag of(AccuracyFlag flag, Map<String, Double> numbers, String reason) {
        return new Flag(flag, flag.defaultSeverity(), numbers, reason);
    }

    /**
     * Returns one of the numbers.
     *
     * @param name its name, e.g. {@code "ttftP50Millis"}
     * @return the number, or NaN if the flag has no number of that name ({@link #numbers()} tells that apart from a
     *     number that is itself NaN)
     */
    public double number(String name) {
        Double v = numbers.get(name);
        return v == null ? Double.NaN : v;
    }

    /** {@return e.g. {@code WARNING PREFILL_UNDERSAMPLED: TTFT p50 312.0 ms < 500 ms ... {ttftP50Millis=312.0, ...}}} */
    @Override
    public String toString() {
        return severity + " " + flag + ": " + reason + " " + numbers;
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method handles on
    // first use, several ms of a cold command (docs/PERFORMANCE.md, "Round 5"). Same semantics; the hash is
    // the generated one's (31 · h + component hash, from 0).
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other
                || (other instanceof Flag o
                        && flag.equals(o.flag)
                        && severity.equals(o.severity)
                        && numbers.equals(o.numbers)
                        && reason.equals(o.reason));
    }

    @Override
    public int hashCode() {
        int h = flag.hashCode();
        h = 31 * h + severity.hashCode();
        h = 31 * h + numbers.hashCode();
        h = 31 * h + reason.hashCode();
        return h;
    }
}
