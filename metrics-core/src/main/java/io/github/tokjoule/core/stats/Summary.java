package io.github.tokjoule.core.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The descriptive summary of a sample, as aiperf reports each latency metric: count, mean, population standard
 * deviation, min, max and the percentiles p1, p5, p10, p25, p50, p75, p90, p95, p99 (DESIGN §3.1).
 *
 * <p>Definitions for data {@code x[0..n)}: {@code mean = Σx / n}; {@code std = sqrt(Σ(x − mean)² / n)} (population,
 * numpy {@code ddof=0}, as aiperf); percentiles by a {@link QuantileMethod}, {@link QuantileMethod#LINEAR} unless
 * given. Units are those of the data; name the summary after them ({@code ttftMillis}).
 *
 * <p>Special cases: an empty sample has {@code count() == 0} and every other statistic {@code NaN}
 * ({@link #empty()}); one value {@code x} has mean, min, max and every percentile {@code x} and std 0. A summary
 * read from a report that lacks some statistics ({@link #builder()}) has those as {@code NaN}.
 *
 * <p>Equality compares every field with {@link Double#compare} semantics, so two empty summaries are equal.
 *
 * @since 0.1.0
 */
public final class Summary {

    private static final int[] PERCENTS = {1, 5, 10, 25, 50, 75, 90, 95, 99};
    private static final double[] PROBABILITIES = {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};
    private static final Summary EMPTY = new Builder().build();

    private final long count;
    private final double mean;
    private final double std;
    private final double min;
    private final double max;
    /** p1, p5, p10, p25, p50, p75, p90, p95, p99 in that order. */
    private final double[] percentiles;

    private Summary(long count, double mean, double std, double min, double max, double[] percentiles) {
        this.count = count;
        this.mean = mean;
        this.std = std;
        this.min = min;
        this.max = max;
        this.percentiles = percentiles;
    }

    /**
     * Summarises a sample with {@link QuantileMethod#LINEAR} percentiles.
     *
     * @param values the data, finite; not modified
     * @return the summary; {@link #empty()} if {@code values} is empty
     * @throws IllegalArgumentException if a value is NaN or infinite (the message names its index)
     */
    public static Summary of(double[] values) {
        return of(values, QuantileMethod.LINEAR);
    }

    /**
     * Summarises a sample with percentiles by the given method.
     *
     * @param values the data, finite; not modified
     * @param method the percentile estimation method
     * @return the summary; {@link #empty()} if {@code values} is empty
     * @throws IllegalArgumentException if a value is NaN or infinite (the message names its index)
     */
    public static Summary of(double[] values, QuantileMethod method) {
        Quantiles.requireFinite(values, "values");
        if (values.length == 0) {
            return EMPTY;
        }
        double lo = values[0];
        double hi = values[0];
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double mean = Mean.of(values).getAsDouble();
        double std = StandardDeviation.of(values).setBiased(true).getAsDouble();
        // The mean of identical values can differ from them in the last bit; clamp it into [min, max].
        mean = Math.min(hi, Math.max(lo, mean));
        double[] p = Quantiles.estimator(method).evaluate(values, PROBABILITIES);
        return new Summary(values.length, mean, std, lo, hi, p);
    }

    /** {@return the summary of an empty sample: count 0, every statistic {@code NaN}} */
    public static Summary empty() {
        return EMPTY;
    }

    /**
     * Returns a builder for a summary whose statistics come from elsewhere (an aiperf summary file); statistics not
     * set stay {@code NaN}, the count 0.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of values} */
    public long count() {
        return count;
    }

    /** {@return {@code true} if the sample had no values} */
    public boolean isEmpty() {
        return count == 0;
    }

    /** {@return the arithmetic mean, or {@code NaN} if empty or unknown} */
    public double mean() {
        return mean;
    }

    /** {@return the population standard deviation (ddof 0), or {@code NaN} if empty or unknown} */
    public double std() {
        return std;
    }

    /** {@return the smallest value, or {@code NaN} if empty or unknown} */
    public double min() {
        return min;
    }

    /** {@return the largest value, or {@code NaN} if empty or unknown} */
    public double max() {
        return max;
    }

    /** {@return the 1st percentile, or {@code NaN} if empty or unknown} */
    public double p1() {
        return percentiles[0];
    }

    /** {@return the 5th percentile, or {@code NaN} if empty or unknown} */
    public double p5() {
        return percentiles[1];
    }

    /** {@return the 10th percentile, or {@code NaN} if empty or unknown} */
    public double p10() {
        return percentiles[2];
    }

    /** {@return the 25th percentile (first quartile), or {@code NaN} if empty or unknown} */
    public double p25() {
        return percentiles[3];
    }

    /** {@return the 50th percentile (median), or {@code NaN} if empty or unknown} */
    public double p50() {
        return percentiles[4];
    }

    /** {@return the 75th percentile (third quartile), or {@code NaN} if empty or unknown} */
    public double p75() {
        return percentiles[5];
    }

    /** {@return the 90th percentile, or {@code NaN} if empty or unknown} */
    public double p90() {
        return percentiles[6];
    }

    /** {@return the 95th percentile, or {@code NaN} if empty or unknown} */
    public double p95() {
        return percentiles[7];
    }

    /** {@return the 99th percentile, or {@code NaN} if empty or unknown} */
    public double p99() {
        return percentiles[8];
    }

    /**
     * Returns one of the stored percentiles by its number.
     *
     * @param pPercent one of 1, 5, 10, 25, 50, 75, 90, 95, 99
     * @return that percentile, or {@code NaN} if empty or unknown
     * @throws IllegalArgumentException if {@code pPercent} is not one of the stored percentiles
     */
    public double percentile(int pPercent) {
        for (int i = 0; i < PERCENTS.length; i++) {
            if (PERCENTS[i] == pPercent) {
                return percentiles[i];
            }
        }
        throw new IllegalArgumentException(
                "pPercent must be one of " + Arrays.toString(PERCENTS) + " (the stored percentiles): " + pPercent);
    }

    /**
     * Returns a copy of this summary with every statistic multiplied by {@code factor} (count unchanged): converts
     * units, e.g. {@code scaled(1e-3)} for milliseconds to seconds.
     *
     * @param factor the positive, finite factor
     * @return the scaled summary
     * @throws IllegalArgumentException if {@code factor} is not positive and finite
     */
    public Summary scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be positive and finite: " + factor);
        }
        double[] p = percentiles.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= factor;
        }
        return new Summary(count, mean * factor, std * factor, min * factor, max * factor, p);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Summary)) {
            return false;
        }
        Summary s = (Summary) o;
        return count == s.count
                && Double.compare(mean, s.mean) == 0
                && Double.compare(std, s.std) == 0
                && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0
                && Arrays.equals(percentiles, s.percentiles);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(count);
        h = 31 * h + Double.hashCode(mean);
        h = 31 * h + Double.hashCode(std);
        h = 31 * h + Double.hashCode(min);
        h = 31 * h + Double.hashCode(max);
        return 31 * h + Arrays.hashCode(percentiles);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Summary{count=%d, mean=%s, std=%s, min=%s, p1=%s, p5=%s, p10=%s, p25=%s, p50=%s, p75=%s, p90=%s,"
                        + " p95=%s, p99=%s, max=%s}",
                count,
                mean,
                std,
                min,
                percentiles[0],
                percentiles[1],
                percentiles[2],
                percentiles[3],
                percentiles[4],
                percentiles[5],
                percentiles[6],
                percentiles[7],
                percentiles[8],
                max);
    }

    /**
     * Builds a {@link Summary} from statistics computed elsewhere. Every statistic starts as {@code NaN}, the count
     * as 0. Each value must be finite or {@code NaN}; {@code std} not negative; {@code min ≤ max} when both are
     * known.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private long count;
        private double mean = Double.NaN;
        private double std = Double.NaN;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private final double[] percentiles = new double[PERCENTS.length];

        private Builder() {
            Arrays.fill(percentiles, Double.NaN);
        }

        /**
         * Sets the number of values.
         *
         * @param count not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder count(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            this.count = count;
            return this;
        }

        /**
         * Sets the mean.
         *
         * @param mean finite, or {@code NaN} for unknown
         * @return this builder
         * @throws IllegalArgumentException if infinite
         */
        public Builder mean(double mean) {
            this.mean = finiteOrNaN(mean, "mean");
            return this;
        }

        /**
         * Sets the population standard deviation.
         *
         * @param std finite and not negative, or {@code NaN} for unknown
         * @return this builder
         * @throws IllegalArgumentException if infinite or negative
         */
        public Builder std(double std) {
            if (std < 0) {
                throw new IllegalArgumentException("std must not be negative: " + std);
            }
            this.std = finiteOrNaN(std, "std");
            return this;
        }

        /**
         * Sets the minimum.
         *
         * @param min finite, or {@code NaN} for unknown
         * @return this builder
         * @throws IllegalArgumentException if infinite
         */
        public Builder min(double min) {
            this.min = finiteOrNaN(min, "min");
            return this;
        }

        /**
         * Sets the maximum.
         *
         * @param max finite, or {@code NaN} for unknown
         * @return this builder
         * @throws IllegalArgumentException if infinite
         */
        public Builder max(double max) {
            this.max = finiteOrNaN(max, "max");
            return this;
        }

        /**
         * Sets one of the stored percentiles.
         *
         * @param pPercent one of 1, 5, 10, 25, 50, 75, 90, 95, 99
         * @param value finite, or {@code NaN} for unknown
         * @return this builder
         * @throws IllegalArgumentException if {@code pPercent} is not stored or {@code value} is infinite
         */
        public Builder percentile(int pPercent, double value) {
            for (int i = 0; i < PERCENTS.length; i++) {
                if (PERCENTS[i] == pPercent) {
                    percentiles[i] = finiteOrNaN(value, "p" + pPercent);
                    return this;
                }
            }
            throw new IllegalArgumentException(
                    "pPercent must be one of " + Arrays.toString(PERCENTS) + " (the stored percentiles): " + pPercent);
        }

        /**
         * Builds the summary.
         *
         * @return the summary
         * @throws IllegalArgumentException if {@code min > max}
         */
        public Summary build() {
            if (min > max) {
                throw new IllegalArgumentException("min (" + min + ") is greater than max (" + max + ")");
            }
            return new Summary(count, mean, std, min, max, percentiles.clone());
        }

        private static double finiteOrNaN(double v, String name) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be finite or NaN: " + v);
            }
            return v;
        }
    }
}
