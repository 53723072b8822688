package io.github.tokjoule.core.compare;

/**
 * Which way a metric improves, so that a speedup greater than 1 always means "better than the baseline"
 * (DESIGN §3.4): throughput-like metrics (tok/s, tok/J) are {@link #HIGHER_IS_BETTER} and compare as
 * {@code value / baseline}; latency- and cost-like metrics (TTFT, RL, mJ per token) are {@link #LOWER_IS_BETTER} and
 * compare as {@code baseline / value} (the seed's Tables 10–12: "TTFT_baseline / TTFT_mode").
 *
 * @since 0.1.0
 */
public enum MetricDirection {
    /** Larger values are better: tokens per second, tokens per joule. */
    HIGHER_IS_BETTER,
    /** Smaller values are better: latencies, energy per token, power. */
    LOWER_IS_BETTER;

    /**
     * Returns the speedup of {@code value} over {@code baseline}: {@code value / baseline} if higher is better,
     * {@code baseline / value} if lower is better.
     *
     * @param value the value of the mode being compared, positive and finite
     * @param baseline the value of the baseline, positive and finite
     * @return the speedup; greater than 1 means {@code value} is better
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public double speedup(double value, double baseline) {
        requirePositive(value, "value");
        requirePositive(baseline, "baseline");
        return this == HIGHER_IS_BETTER ? value / baseline : baseline / value;
    }

    /**
     * Tells whether {@code a} is strictly better than {@code b} in this direction.
     *
     * @param a a value
     * @param b another value
     * @return {@code a > b} if higher is better, {@code a < b} if lower is better; {@code false} if either is NaN
     */
    public boolean isBetter(double a, double b) {
        return this == HIGHER_IS_BETTER ? a > b : a < b;
    }

    static void requirePositive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite for a speedup: " + v);
        }
    }
}
