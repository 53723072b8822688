package io.github.tokjoule.core.stats;

import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A two-sided confidence interval {@code [lower, upper]} around a point estimate, at a confidence level such as 0.95
 * (seed 002 reports "95% CI ±3 tok/s"). Units are those of the data.
 *
 * <p>Two constructions, each a static factory:
 *
 * <ul>
 *   <li>{@link #studentTMean(double[], double)}: {@code mean ± t(1 − α/2, n − 1) · s / √n} with {@code s} the
 *       sample standard deviation (ddof 1) and {@code α = 1 − level};
 *   <li>{@link #bootstrapMedian(double[], double, int, long)}: the percentile bootstrap of the median, seeded and
 *       deterministic.
 * </ul>
 *
 * <p>Bounds that cannot be computed (too few values) are {@code NaN}, as each factory documents.
 *
 * @param estimate the point estimate (the sample mean or median), {@code NaN} for empty data
 * @param lower the lower bound, {@code NaN} if unknown
 * @param upper the upper bound, {@code NaN} if unknown; not below {@code lower}
 * @param level the confidence level, {@code 0 < level < 1}
 * @since 0.1.0
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1), a value is infinite, or
     *     {@code lower > upper}
     */
    public ConfidenceInterval {
        requireLevel(level);
        if (Double.isInfinite(estimate) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException(
                    "estimate, lower and upper must be finite or NaN: " + estimate + ", " + lower + ", " + upper);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower (" + lower + ") is greater than upper (" + upper + ")");
        }
    }

    /**
     * Returns the Student-t confidence interval of the mean of {@code values}:
     * {@code mean ± t(1 − α/2, n − 1) · s / √n}, with {@code s} the sample standard deviation
     * ({@code sqrt(Σ(x − mean)² / (n − 1))}), {@code α = 1 − level} and {@code t(·, n − 1)} the quantile of Student's
     * t distribution with {@code n − 1} degrees of freedom. It assumes independent values of a roughly normal
     * mean (fine for n ≳ 30, or normal data).
     *
     * <p>Special cases: no values → estimate and bounds {@code NaN}; one value {@code x} → estimate {@code x},
     * bounds {@code NaN} (no spread can be estimated); identical values → {@code [x, x]}.
     *
     * @param values the data, finite; not modified
     * @param level the confidence level, e.g. {@code 0.95}, in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in (0, 1) or a value is NaN or infinite
     */
    public static ConfidenceInterval studentTMean(double[] values, double level) {
        requireLevel(level);
        Quantiles.requireFinite(values, "values");
        int n = values.length;
        if (n == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, level);
        }
        double mean = Mean.of(values).getAsDouble();
        if (n == 1) {
            return new ConfidenceInterval(mean, Double.NaN, Double.NaN, level);
        }
        double s = StandardDeviation.of(values).getAsDouble();
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * s / Math.sqrt(n);
        return new ConfidenceInterval(mean, mean - half, mean + half, level);
    }

    /**
     * Returns the percentile-bootstrap confidence interval of the median of {@code values}, deterministic for a
     * given seed.
     *
     * <p>Algorithm (fixed, so results are reproducible across versions): one {@link SplittableRandom} created with
     * {@code seed}; for each of {@code resamples} resamples, draw {@code n} indices with
     * {@code random.nextInt(n)} in order and take the median ({@link QuantileMethod#LINEAR}) of the values drawn;
     * the bounds are the {@code 100 · α/2} and {@code 100 · (1 − α/2)} percentiles ({@link QuantileMethod#LINEAR})
     * of the resampled medians, {@code α = 1 − level}. The estimate is the median of {@code values}.
     *
     * <p>Special cases: no values → all {@code NaN}; one value {@code x} → {@code [x, x]}. With few values the
     * interval is coarse (it can only take values the data can produce); prefer at least 1,000 resamples.
     *
     * @param values the data, finite; not modified
     * @param level the confidence level, e.g. {@code 0.95}, in (0, 1)
     * @param resamples the number of bootstrap resamples, at least 1
     * @param seed the seed of the random generator
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in (0, 1), {@code resamples < 1}, or a value is NaN
     *     or infinite
     */
    public static ConfidenceInterval bootstrapMedian(double[] values, double level, int resamples, long seed) {
        requireLevel(level);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1: " + resamples);
        }
        Quantiles.requireFinite(values, "values");
        int n = values.length;
        if (n == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, level);
        }
        double median = Quantiles.median(values);
        Quantile inPlace = Quantiles.estimator(QuantileMethod.LINEAR).withCopy(false);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draw = new double[n];
        double[] medians = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                draw[i] = values[random.nextInt(n)];
            }
            medians[b] = inPlace.evaluate(draw, 0.5);
        }
        double alpha = 1 - level;
        double[] bounds = inPlace.evaluate(medians, alpha / 2, 1 - alpha / 2);
        return new ConfidenceInterval(median, bounds[0], bounds[1], level);
    }

    /** {@return half the width, {@code (upper − lower) / 2}: the "±" of "mean ± x"; {@code NaN} if unknown} */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /**
     * Tells whether a value lies in the closed interval.
     *
     * @param value the value
     * @return {@code true} if {@code lower ≤ value ≤ upper}; {@code false} if a bound is unknown
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    private static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), e.g. 0.95: " + level);
        }
    }
}
