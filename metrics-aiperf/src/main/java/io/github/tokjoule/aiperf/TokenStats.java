package io.github.tokjoule.aiperf;

/**
 * Token-count statistics: a view of {@link MetricStats} whose unit is {@link MetricUnit#TOKENS} (input and output
 * sequence lengths, token counts). Obtain it with {@link MetricStats#asTokens()} or the typed accessors of
 * {@link AiperfProfile}.
 *
 * @since 0.1.0
 */
public final class TokenStats extends StatsView {

    TokenStats(MetricStats stats) {
        super(stats);
    }

    /** {@return the mean in tokens, or NaN if the file does not have it} */
    public double avgTokens() {
        return stats.get(Stat.AVG);
    }

    /** {@return the smallest value in tokens, or NaN if the file does not have it} */
    public double minTokens() {
        return stats.get(Stat.MIN);
    }

    /** {@return the largest value in tokens, or NaN if the file does not have it} */
    public double maxTokens() {
        return stats.get(Stat.MAX);
    }

    /** {@return the standard deviation in tokens, or NaN if the file does not have it} */
    public double stdTokens() {
        return stats.get(Stat.STD);
    }

    /** {@return the 1st percentile in tokens, or NaN if the file does not have it} */
    public double p1Tokens() {
        return stats.get(Stat.P1);
    }

    /** {@return the 5th percentile in tokens, or NaN if the file does not have it} */
    public double p5Tokens() {
        return stats.get(Stat.P5);
    }

    /** {@return the 10th percentile in tokens, or NaN if the file does not have it} */
    public double p10Tokens() {
        return stats.get(Stat.P10);
    }

    /** {@return the 25th percentile in tokens, or NaN if the file does not have it} */
    public double p25Tokens() {
        return stats.get(Stat.P25);
    }

    /** {@return the median in tokens, or NaN if the file does not have it} */
    public double p50Tokens() {
        return stats.get(Stat.P50);
    }

    /** {@return the 75th percentile in tokens, or NaN if the file does not have it} */
    public double p75Tokens() {
        return stats.get(Stat.P75);
    }

    /** {@return the 90th percentile in tokens, or NaN if the file does not have it} */
    public double p90Tokens() {
        return stats.get(Stat.P90);
    }

    /** {@return the 95th percentile in tokens, or NaN if the file does not have it} */
    public double p95Tokens() {
        return stats.get(Stat.P95);
    }

    /** {@return the 99th percentile in tokens, or NaN if the file does not have it} */
    public double p99Tokens() {
        return stats.get(Stat.P99);
    }

    /** {@return the sum of the values in tokens, or NaN if the file does not have it} */
    public double sumTokens() {
        return stats.get(Stat.SUM);
    }
}
