package io.github.tokjoule.core.power;

/**
 * One power sample: an instant in epoch nanoseconds and the power at that instant in watts. The element of
 * {@link PowerTrace#fromPairs(Iterable)}.
 *
 * @param epochNanos the sample time in nanoseconds since 1970-01-01T00:00Z
 * @param watts the power in watts, finite and not negative
 * @since 0.1.0
 */
public record PowerSample(long epochNanos, double watts) {

    /**
     * Validates the sample.
     *
     * @throws IllegalArgumentException if {@code watts} is NaN, infinite or negative
     */
    public PowerSample {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("watts = " + watts + " is not a finite, non-negative power");
        }
    }

    /**
     * Returns the sample (epochNanos, watts).
     *
     * @param epochNanos the sample time in epoch nanoseconds
     * @param watts the power in watts, finite and not negative
     * @return the sample
     * @throws IllegalArgumentException if {@code watts} is NaN, infinite or negative
     */
    public static PowerSample of(long epochNanos, double watts) {
        return new PowerSample(epochNanos, watts);
    }
}
