package io.github.tokjoule.core.stats;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Sample quantiles (percentiles) of {@code double}, {@code int} and {@code long} data.
 *
 * <p>Definition: for the data sorted ascending and {@code q = pPercent / 100}, the estimate of the chosen
 * {@link QuantileMethod}; by default {@link QuantileMethod#LINEAR} (Hyndman–Fan type 7, numpy's default):
 * {@code h = (n − 1)q}, {@code x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])} with zero-based indices, so that
 * {@code p = 0} is the minimum, {@code p = 100} the maximum and {@code p = 50} the median (DESIGN §3.1).
 *
 * <p>Special cases: empty data gives {@code NaN}; one value {@code x} gives {@code x} for every {@code p}. The input
 * array is never modified (the estimate works on a copy; expected cost O(n) per call by selection, not sorting).
 *
 * @since 0.1.0
 */
public final class Quantiles {

    private static final Map<QuantileMethod, Quantile> ESTIMATORS = new EnumMap<>(QuantileMethod.class);

    static {
        for (QuantileMethod m : QuantileMethod.values()) {
            ESTIMATORS.put(
                    m,
                    Quantile.withDefaults()
                            .withCopy(true)
                            .with(Quantile.EstimationMethod.valueOf("HF" + m.hyndmanFanType())));
        }
    }

    private Quantiles() {}

    /**
     * Returns the {@code pPercent}-th percentile by {@link QuantileMethod#LINEAR} (numpy's default).
     *
     * @param values the data, finite; not modified
     * @param pPercent the percentile in percent, {@code 0 ≤ pPercent ≤ 100}
     * @return the percentile, or {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if {@code pPercent} is outside [0, 100] or NaN, or a value is NaN or infinite
     *     (the message names its index)
     */
    public static double percentile(double[] values, double pPercent) {
        return percentile(values, pPercent, QuantileMethod.LINEAR);
    }

    /**
     * Returns the {@code pPercent}-th percentile by the given method.
     *
     * @param values the data, finite; not modified
     * @param pPercent the percentile in percent, {@code 0 ≤ pPercent ≤ 100}
     * @param method the estimation method
     * @return the percentile, or {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if {@code pPercent} is outside [0, 100] or NaN, or a value is NaN or infinite
     */
    public static double percentile(double[] values, double pPercent, QuantileMethod method) {
        double q = probability(pPercent, "pPercent");
        requireFinite(values, "values");
        if (values.length == 0) {
            return Double.NaN;
        }
        return estimator(method).evaluate(values, q);
    }

    /**
     * Returns several percentiles by {@link QuantileMethod#LINEAR} in one pass over a single copy of the data.
     *
     * @param values the data, finite; not modified
     * @param pPercents the percentiles in percent, each in [0, 100]
     * @return the percentiles, in the order of {@code pPercents}; all {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if a percentile is outside [0, 100] or NaN (the message names its index), or
     *     a value is NaN or infinite
     */
    public static double[] percentiles(double[] values, double... pPercents) {
        return percentiles(values, QuantileMethod.LINEAR, pPercents);
    }

    /**
     * Returns several percentiles by the given method in one pass over a single copy of the data.
     *
     * @param values the data, finite; not modified
     * @param method the estimation method
     * @param pPercents the percentiles in percent, each in [0, 100]
     * @return the percentiles, in the order of {@code pPercents}; all {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if a percentile is outside [0, 100] or NaN, or a value is NaN or infinite
     */
    public static double[] percentiles(double[] values, QuantileMethod method, double... pPercents) {
        double[] q = probabilities(pPercents);
        requireFinite(values, "values");
        if (values.length == 0 || q.length == 0) {
            double[] nan = new double[q.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return estimator(method).evaluate(values, q);
    }

    /**
     * Returns the median (50th percentile, {@link QuantileMethod#LINEAR}): the middle value, or the mean of the two
     * middle values for an even count.
     *
     * @param values the data, finite; not modified
     * @return the median, or {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static double median(double[] values) {
        return percentile(values, 50);
    }

    /**
     * Returns the {@code pPercent}-th percentile of integer data (token counts) by the given method. The result is
     * exact up to the final interpolation, which is done in {@code double}.
     *
     * @param values the data; not modified
     * @param pPercent the percentile in percent, {@code 0 ≤ pPercent ≤ 100}
     * @param method the estimation method
     * @return the percentile, or {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if {@code pPercent} is outside [0, 100] or NaN
     */
    public static double percentile(int[] values, double pPercent, QuantileMethod method) {
        double q = probability(pPercent, "pPercent");
        if (values.length == 0) {
            return Double.NaN;
        }
        return estimator(method).evaluate(values, q);
    }

    /**
     * Returns the {@code pPercent}-th percentile of {@code long} data (durations in nanoseconds) by the given method.
     * Values are converted to {@code double} first, so magnitudes above 2<sup>53</sup> lose precision; durations do
     * not reach that, absolute epoch nanoseconds do.
     *
     * @param values the data; not modified
     * @param pPercent the percentile in percent, {@code 0 ≤ pPercent ≤ 100}
     * @param method the estimation method
     * @return the percentile, or {@code NaN} if {@code values} is empty
     * @throws IllegalArgumentException if {@code pPercent} is outside [0, 100] or NaN
     */
    public static double percentile(long[] values, double pPercent, QuantileMethod method) {
        double q = probability(pPercent, "pPercent");
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return estimator(method).withCopy(false).evaluate(copy, q);
    }

    static Quantile estimator(QuantileMethod method) {
        Quantile q = ESTIMATORS.get(method);
        if (q == null) {
            throw new IllegalStateException("no estimator for " + method);
        }
        return q;
    }

    /** Converts a percentile in percent to a probability, naming the argument when it is outside [0, 100]. */
    static double probability(double pPercent, String name) {
        if (!(pPercent >= 0 && pPercent <= 100)) {
            throw new IllegalArgumentException(name + " must be in [0, 100] percent: " + pPercent);
        }
        return pPercent / 100;
    }

    private static double[] probabilities(double[] pPercents) {
        double[] q = new double[pPercents.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = probability(pPercents[i], "pPercents[" + i + "]");
        }
        return q;
    }

    /** Rejects NaN and infinite data, naming the index and the value. */
    static void requireFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }
}
