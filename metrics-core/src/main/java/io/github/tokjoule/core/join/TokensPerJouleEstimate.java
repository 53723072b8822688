package io.github.tokjoule.core.join;

import io.github.tokjoule.core.energy.TokenEnergy;

/**
 * Tokens per joule with its 95 % interval, derived from a token count (exact) and an {@link EnergyEstimate}: the
 * interval of {@code tokens / E} is {@code [tokens / E_high, tokens / E_low]}, since the division reverses order.
 *
 * <p>NaN conventions: {@code tokensPerJoule} is NaN when the energy is NaN or zero (no efficiency without energy);
 * both bounds are NaN when the energy has no interval. A lower energy bound of zero gives an upper bound of
 * {@link Double#POSITIVE_INFINITY}: the data cannot rule out any efficiency above the estimate.
 *
 * @param tokensPerJoule the estimate, not negative, or NaN
 * @param ci95Low the lower bound, or NaN
 * @param ci95High the upper bound (possibly infinite), or NaN
 * @since 0.2.0
 */
public record TokensPerJouleEstimate(double tokensPerJoule, double ci95Low, double ci95High) {

    /**
     * Validates the estimate.
     *
     * @throws IllegalArgumentException if a value is negative, if the estimate or the lower bound is infinite, if
     *     only one bound is NaN, or if the bounds do not enclose the estimate
     */
    public TokensPerJouleEstimate {
        if (tokensPerJoule < 0 || Double.isInfinite(tokensPerJoule) || ci95Low < 0 || Double.isInfinite(ci95Low)) {
            throw new IllegalArgumentException("tokensPerJoule (" + tokensPerJoule + ") and ci95Low (" + ci95Low
                    + ") must be NaN or finite and not negative");
        }
        if (Double.isNaN(ci95Low) != Double.isNaN(ci95High)) {
            throw new IllegalArgumentException(
                    "interval bounds must both be NaN or both be numbers: [" + ci95Low + ", " + ci95High + "]");
        }
        if (!Double.isNaN(ci95Low) && !(ci95Low <= tokensPerJoule && tokensPerJoule <= ci95High)) {
            throw new IllegalArgumentException(
                    "interval [" + ci95Low + ", " + ci95High + "] does not enclose " + tokensPerJoule);
        }
    }

    /**
     * Returns {@code tokens / energy} with the interval carried over from the energy.
     *
     * @param tokens the tokens, finite and not negative
     * @param energy the energy that produced or processed them
     * @return the estimate; NaN (without interval) if the energy is NaN or zero
     * @throws IllegalArgumentException if {@code tokens} is negative or not finite
     */
    public static TokensPerJouleEstimate of(double tokens, EnergyEstimate energy) {
        if (!(tokens >= 0) || Double.isInfinite(tokens)) {
            throw new IllegalArgumentException("tokens must be finite and not negative: " + tokens);
        }
        if (!(energy.joules() > 0)) {
            return new TokensPerJouleEstimate(Double.NaN, Double.NaN, Double.NaN);
        }
        double value = TokenEnergy.tokensPerJoule(tokens, energy.joules());
        if (!energy.hasInterval()) {
            return new TokensPerJouleEstimate(value, Double.NaN, Double.NaN);
        }
        double low = TokenEnergy.tokensPerJoule(tokens, energy.ci95HighJoules());
        double high = energy.ci95LowJoules() > 0
                ? TokenEnergy.tokensPerJoule(tokens, energy.ci95LowJoules())
                : Double.POSITIVE_INFINITY;
        return new TokensPerJouleEstimate(value, low, high);
    }

    /** {@return {@code true} if both bounds are numbers} */
    public boolean hasInterval() {
        return !Double.isNaN(ci95Low);
    }

    /**
     * Tells whether the interval contains a value.
     *
     * @param trueTokensPerJoule the value, for example the true efficiency of a synthetic sweep
     * @return {@code true} if {@code low ≤ value ≤ high}; {@code false} without an interval
     */
    public boolean covers(double trueTokensPerJoule) {
        return hasInterval() && ci95Low <= trueTokensPerJoule && trueTokensPerJoule <= ci95High;
    }
}
