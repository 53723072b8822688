package io.github.tokjoule.core.join;

/**
 * An energy with its 95 % interval.
 *
 * <p>The interval is the estimator's statement of how far the true energy may lie from {@code joules}: it contains
 * the truth in about 95 % of cases, a claim the estimators' tests check against known true energies. Bounds are NaN
 * when the estimator gives no interval for this figure ({@link #hasInterval()} is then {@code false}); a reader must
 * then treat the figure as of unknown accuracy. {@code joules} itself is NaN only when nothing was measured.
 *
 * @param joules the estimate in joules, not negative, or NaN
 * @param ci95LowJoules the lower bound of the 95 % interval, at most {@code joules}, or NaN
 * @param ci95HighJoules the upper bound, at least {@code joules}, or NaN
 * @since 0.2.0
 */
public record EnergyEstimate(double joules, double ci95LowJoules, double ci95HighJoules) {

    /**
     * Validates the estimate.
     *
     * @throws IllegalArgumentException if a value is negative or infinite, if only one bound is NaN, or if the
     *     bounds do not enclose the estimate
     */
    public EnergyEstimate {
        requireEnergy("joules", joules);
        requireEnergy("ci95LowJoules", ci95LowJoules);
        requireEnergy("ci95HighJoules", ci95HighJoules);
        if (Double.isNaN(ci95LowJoules) != Double.isNaN(ci95HighJoules)) {
            throw new IllegalArgumentException("interval bounds must both be NaN or both be numbers: [" + ci95LowJoules
                    + ", " + ci95HighJoules + "]");
        }
        if (!Double.isNaN(ci95LowJoules) && !(ci95LowJoules <= joules && joules <= ci95HighJoules)) {
            throw new IllegalArgumentException(
                    "interval [" + ci95LowJoules + ", " + ci95HighJoules + "] does not enclose joules " + joules);
        }
    }

    private static void requireEnergy(String name, double value) {
        if (value < 0 || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be NaN or finite and not negative: " + value);
        }
    }

    /**
     * Returns an estimate with its interval.
     *
     * @param joules the estimate
     * @param ci95LowJoules the lower bound, at most the estimate
     * @param ci95HighJoules the upper bound, at least the estimate
     * @return the estimate
     * @throws IllegalArgumentException if the bounds do not enclose the estimate or a value is negative
     */
    public static EnergyEstimate of(double joules, double ci95LowJoules, double ci95HighJoules) {
        return new EnergyEstimate(joules, ci95LowJoules, ci95HighJoules);
    }

    /**
     * Returns an estimate for which the estimator gives no interval (both bounds NaN).
     *
     * @param joules the estimate, or NaN
     * @return the estimate
     */
    public static EnergyEstimate withoutInterval(double joules) {
        return new EnergyEstimate(joules, Double.NaN, Double.NaN);
    }

    /** {@return the estimate of nothing measured: NaN, without interval} */
    public static EnergyEstimate unmeasured() {
        return withoutInterval(Double.NaN);
    }

    /** {@return {@code true} if both bounds are numbers} */
    public boolean hasInterval() {
        return !Double.isNaN(ci95LowJoules);
    }

    /**
     * Tells whether the interval contains a value.
     *
     * @param trueJoules the value, for example the true energy of a synthetic sweep
     * @return {@code true} if {@code low ≤ trueJoules ≤ high}; {@code false} without an interval
     */
    public boolean covers(double trueJoules) {
        return hasInterval() && ci95LowJoules <= trueJoules && trueJoules <= ci95HighJoules;
    }

    /**
     * Returns the interval's half width relative to the estimate: {@code (high − low) / (2 · joules)}.
     *
     * @return the relative half width; NaN without an interval or for a zero or NaN estimate
     */
    public double relativeHalfWidth() {
        if (!hasInterval() || !(joules > 0)) {
            return Double.NaN;
        }
        return (ci95HighJoules - ci95LowJoules) / (2 * joules);
    }

    /**
     * Returns how far the interval reaches from the estimate on its wider side, relative to the estimate: {@code
     * max(joules − low, high − joules) / joules}. For a symmetric interval this is {@link #relativeHalfWidth()}; for
     * an asymmetric one (a ramp's side, a bound clipped at 0) it is larger, and it is what bounds the error: a true
     * value inside the interval lies within this share of the estimate. The accuracy flags read it ({@link
     * io.github.tokjoule.core.flags.FlagRules#energyUncertain}).
     *
     * @return the wider side's relative half width; NaN without an interval or for a zero or NaN estimate
     * @since 0.2.0
     */
    public double widerRelativeHalfWidth() {
        if (!hasInterval() || !(joules > 0)) {
            return Double.NaN;
        }
        return Math.max(joules - ci95LowJoules, ci95HighJoules - joules) / joules;
    }
}
