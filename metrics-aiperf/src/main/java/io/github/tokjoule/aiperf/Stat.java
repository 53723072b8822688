package io.github.tokjoule.aiperf;

import java.util.Optional;

/**
 * One statistic of an aiperf metric, as exported per metric in {@code profile_export_aiperf.json}: the mean, the
 * extremes, the population standard deviation, nine percentiles (numpy {@code linear} method), the number of values
 * and their sum.
 *
 * <p>Every statistic is optional in a file: scalar metrics carry {@link #AVG} only, files before schema 1.1 have no
 * {@link #COUNT} or {@link #SUM}, the legacy layout (aiperf ≤ 0.1.1) has no {@link #P10}. The declaration order is the
 * order of the {@code tokjoule aiperf} output.
 *
 * @since 0.1.0
 */
public enum Stat {
    /** The arithmetic mean; for a scalar (aggregate or derived) metric, its single value. */
    AVG("avg"),
    /** The smallest value. */
    MIN("min"),
    /** The largest value. */
    MAX("max"),
    /** The standard deviation (population, ddof 0, for request metrics; ddof 1 for aiperf GPU telemetry). */
    STD("std"),
    /** The 1st percentile. */
    P1("p1"),
    /** The 5th percentile. */
    P5("p5"),
    /** The 10th percentile (absent from the legacy layout). */
    P10("p10"),
    /** The 25th percentile. */
    P25("p25"),
    /** The median. */
    P50("p50"),
    /** The 75th percentile. */
    P75("p75"),
    /** The 90th percentile. */
    P90("p90"),
    /** The 95th percentile. */
    P95("p95"),
    /** The 99th percentile. */
    P99("p99"),
    /** The number of values in the distribution: a pure number, never converted between units. */
    COUNT("count"),
    /** The sum of the values, in the metric's unit. */
    SUM("sum");

    private static final Stat[] VALUES = values();

    private final String key;

    Stat(String key) {
        this.key = key;
    }

    /** {@return the JSON key of this statistic, e.g. {@code "p50"}} */
    public String key() {
        return key;
    }

    /**
     * {@return whether a unit conversion applies to this statistic: every statistic but {@link #COUNT}}
     */
    public boolean isConverted() {
        return this != COUNT;
    }

    /**
     * Finds the statistic with a JSON key.
     *
     * @param key a key such as {@code "avg"} or {@code "p99"} (exact, lower case)
     * @return the statistic, or empty if the key is not one of the fifteen statistics
     */
    public static Optional<Stat> fromKey(String key) {
        for (Stat s : VALUES) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
