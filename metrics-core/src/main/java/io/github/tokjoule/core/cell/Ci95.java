package io.github.tokjoule.core.cell;

import org.jspecify.annotations.Nullable;

/**
 * The 95 % interval of one number of a {@link CellMetrics} row, in that number's unit: the estimator's statement of
 * where the true value lies (it contains the truth in about 95 % of cells, which the estimators' tests check against
 * known true energies).
 *
 * <p>An upper bound of {@link Double#POSITIVE_INFINITY} is allowed and means "unbounded": a tokens-per-joule figure
 * whose energy interval reaches 0 J, where the data cannot rule out any efficiency above the estimate.
 *
 * @param low the lower bound, finite and not negative
 * @param high the upper bound, at least {@code low}, possibly {@link Double#POSITIVE_INFINITY}
 * @since 0.2.0
 */
public record Ci95(double low, double high) {

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if {@code low} is negative, NaN or infinite, or {@code high} is NaN or below
     *     {@code low}
     */
    public Ci95 {
        if (!(low >= 0) || Double.isInfinite(low) || !(high >= low)) {
            throw new IllegalArgumentException("need 0 ≤ low ≤ high, low finite: [" + low + ", " + high + "]");
        }
    }

    /**
     * Returns an interval.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the interval
     * @throws IllegalArgumentException as the constructor
     */
    public static Ci95 of(double low, double high) {
        return new Ci95(low, high);
    }

    /**
     * Tells whether the interval contains a value.
     *
     * @param value the value, for example the true figure of a synthetic sweep
     * @return {@code true} if {@code low ≤ value ≤ high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method handles on
    // first use, several ms of a cold command (docs/PERFORMANCE.md, "Round 5"). Same semantics; the hash is
    // the generated one's (31 · h + component hash, from 0).
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other
                || (other instanceof Ci95 o && Double.compare(low, o.low) == 0 && Double.compare(high, o.high) == 0);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(low);
        h = 31 * h + Double.hashCode(high);
        return h;
    }
}
