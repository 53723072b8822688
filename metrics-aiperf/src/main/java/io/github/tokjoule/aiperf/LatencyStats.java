package io.github.tokjoule.aiperf;

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

    /** {@return the mean in milliseconds, or NaN if the file does not have it} */
    public double avgMillis() {
        return stats.get(Stat.AVG);
    }

    /** {@return the smallest value in milliseconds, or NaN if the file does not have it} */
    public double minMillis() {
        return stats.get(Stat.MIN);
    }

    /** {@return the largest value in milliseconds, or NaN if the file does not have it} */
    public double maxMillis() {
        return stats.get(Stat.MAX);
    }

    /** {@return the standard deviation in milliseconds, or NaN if the file does not have it} */
    public double stdMillis() {
        return stats.get(Stat.STD);
    }

    /** {@return the 1st percentile in milliseconds, or NaN if the file does not have it} */
    public double p1Millis() {
        return stats.get(Stat.P1);
    }

    /** {@return the 5th percentile in milliseconds, or NaN if the file does not have it} */
    public double p5Millis() {
        return stats.get(Stat.P5);
    }

    /** {@return the 10th percentile in milliseconds, or NaN if the file does not have it} */
    public double p10Millis() {
        return stats.get(Stat.P10);
    }

    /** {@return the 25th percentile in milliseconds, or NaN if the file does not have it} */
    public double p25Millis() {
        return stats.get(Stat.P25);
    }

    /** {@return the median in milliseconds, or NaN if the file does not have it} */
    public double p50Millis() {
        return stats.get(Stat.P50);
    }

    /** {@return the 75th percentile in milliseconds, or NaN if the file does not have it} */
    public double p75Millis() {
        return stats.get(Stat.P75);
    }

    /** {@return the 90th percentile in milliseconds, or NaN if the file does not have it} */
    public double p90Millis() {
        return stats.get(Stat.P90);
    }

    /** {@return the 95th percentile in milliseconds, or NaN if the file does not have it} */
    public double p95Millis() {
        return stats.get(Stat.P95);
    }

    /** {@return the 99th percentile in milliseconds, or NaN if the file does not have it} */
    public double p99Millis() {
        return stats.get(Stat.P99);
    }

    /** {@return the sum of the values in milliseconds, or NaN if the file does not have it} */
    public double sumMillis() {
        return stats.get(Stat.SUM);
    }

    /**
     * Returns one statistic in another time unit, as a fractional number.
     *
     * @param stat the statistic; {@link Stat#COUNT} is returned unconverted
     * @param unit the time unit wanted, e.g. {@link TimeUnit#SECONDS}
     * @return {@code millis × (nanoseconds per millisecond / nanoseconds per unit)}, or NaN if the file does not have it
     */
    public double valueIn(Stat stat, TimeUnit unit) {
        double v = stats.get(stat);
        return stat.isConverted() ? v * (1e6 / unit.toNanos(1)) : v;
    }
}
