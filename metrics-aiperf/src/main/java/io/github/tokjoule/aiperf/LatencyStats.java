package io.github.tokjoule.aiperf;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Latency statistics in milliseconds: a view of {@link MetricStats} whose unit is {@link MetricUnit#MILLISECONDS}
 * (the file's {@code ns}, {@code us}, {@code ms} or {@code sec} converted). Obtain it with
 * {@link MetricStats#asLatency()} or the typed accessors of {@link AiperfProfile}.
 *
 * @since 0.1.0
 */
public final class LatencyStats extends StatsView {

    LatencyStats(MetricStats stats) {
        super(stats);
    }

    /** {@return the mean in milliseconds, or empty if the file does not have it} */
    public OptionalDouble avgMillis() {
        return stats.get(Stat.AVG);
    }

    /** {@return the smallest value in milliseconds, or empty if the file does not have it} */
    public OptionalDouble minMillis() {
        return stats.get(Stat.MIN);
    }

    /** {@return the largest value in milliseconds, or empty if the file does not have it} */
    public OptionalDouble maxMillis() {
        return stats.get(Stat.MAX);
    }

    /** {@return the standard deviation in milliseconds, or empty if the file does not have it} */
    public OptionalDouble stdMillis() {
        return stats.get(Stat.STD);
    }

    /** {@return the 1st percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p1Millis() {
        return stats.get(Stat.P1);
    }

    /** {@return the 5th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p5Millis() {
        return stats.get(Stat.P5);
    }

    /** {@return the 10th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p10Millis() {
        return stats.get(Stat.P10);
    }

    /** {@return the 25th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p25Millis() {
        return stats.get(Stat.P25);
    }

    /** {@return the median in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p50Millis() {
        return stats.get(Stat.P50);
    }

    /** {@return the 75th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p75Millis() {
        return stats.get(Stat.P75);
    }

    /** {@return the 90th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p90Millis() {
        return stats.get(Stat.P90);
    }

    /** {@return the 95th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p95Millis() {
        return stats.get(Stat.P95);
    }

    /** {@return the 99th percentile in milliseconds, or empty if the file does not have it} */
    public OptionalDouble p99Millis() {
        return stats.get(Stat.P99);
    }

    /** {@return the sum of the values in milliseconds, or empty if the file does not have it} */
    public OptionalDouble sumMillis() {
        return stats.get(Stat.SUM);
    }

    /**
     * Returns one statistic in another time unit, as a fractional number.
     *
     * @param stat the statistic; {@link Stat#COUNT} is returned unconverted
     * @param unit the time unit wanted, e.g. {@link TimeUnit#SECONDS}
     * @return {@code millis × (nanoseconds per millisecond / nanoseconds per unit)}, or empty if absent
     */
    public OptionalDouble valueIn(Stat stat, TimeUnit unit) {
        OptionalDouble v = stats.get(stat);
        if (v.isEmpty() || !stat.isConverted()) {
            return v;
        }
        return OptionalDouble.of(v.getAsDouble() * (1e6 / unit.toNanos(1)));
    }
}
