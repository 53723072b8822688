package io.github.tokjoule.tegrastats.time;

import java.time.Duration;

/**
 * Parameters of the period-and-phase fit.
 *
 * <p>The period of every segment is searched in {@code [minPeriodFactor, maxPeriodFactor] × reference}, where the
 * reference is the nominal interval ({@code tegrastats --interval}) when given, or else the mean period of the log
 * ({@link SampleTimes#estimatedPeriodSeconds()}). tegrastats sleeps the interval after each sample, so the real period is a few percent above the
 * nominal one (522 ms for {@code --interval 500} in the corpus AGX Orin log).
 *
 * @param nominalIntervalNanos the nominal interval in nanoseconds, or 0 to estimate the reference from the stamps
 * @param minPeriodFactor the smallest period allowed, as a fraction of the reference (default 0.9)
 * @param maxPeriodFactor the largest period allowed, as a fraction of the reference (default 1.25)
 * @param stampToleranceNanos how far a true sample time may lie outside its printed second, for the delay between
 *     sampling and printing and for rounding (default 1 ms)
 * @since 0.1.0
 */
public record TimingOptions(
        long nominalIntervalNanos, double minPeriodFactor, double maxPeriodFactor, long stampToleranceNanos) {

    /** The default {@link #minPeriodFactor()}. */
    public static final double DEFAULT_MIN_PERIOD_FACTOR = 0.9;

    /** The default {@link #maxPeriodFactor()}. */
    public static final double DEFAULT_MAX_PERIOD_FACTOR = 1.25;

    /** The default {@link #stampToleranceNanos()}: 1 ms. */
    public static final long DEFAULT_STAMP_TOLERANCE_NANOS = 1_000_000L;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the interval or the tolerance is negative, a factor is not finite and
     *     positive, or {@code minPeriodFactor > maxPeriodFactor}
     */
    public TimingOptions {
        if (nominalIntervalNanos < 0) {
            throw new IllegalArgumentException("nominalIntervalNanos must not be negative: " + nominalIntervalNanos);
        }
        if (!(minPeriodFactor > 0) || Double.isInfinite(minPeriodFactor)) {
            throw new IllegalArgumentException("minPeriodFactor must be finite and positive: " + minPeriodFactor);
        }
        if (!(maxPeriodFactor >= minPeriodFactor) || Double.isInfinite(maxPeriodFactor)) {
            throw new IllegalArgumentException("maxPeriodFactor must be finite and >= minPeriodFactor ("
                    + minPeriodFactor + "): " + maxPeriodFactor);
        }
        if (stampToleranceNanos < 0) {
            throw new IllegalArgumentException("stampToleranceNanos must not be negative: " + stampToleranceNanos);
        }
    }

    /** {@return options that estimate the period from the stamps, with the default factors and tolerance} */
    public static TimingOptions estimated() {
        return new TimingOptions(
                0, DEFAULT_MIN_PERIOD_FACTOR, DEFAULT_MAX_PERIOD_FACTOR, DEFAULT_STAMP_TOLERANCE_NANOS);
    }

    /**
     * Returns options with a nominal interval and the default factors and tolerance.
     *
     * @param millis the {@code tegrastats --interval} in milliseconds, positive
     * @return the options
     * @throws IllegalArgumentException if {@code millis <= 0}
     */
    public static TimingOptions nominalIntervalMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("nominal interval must be positive: " + millis + " ms");
        }
        return new TimingOptions(
                Math.multiplyExact(millis, 1_000_000L),
                DEFAULT_MIN_PERIOD_FACTOR,
                DEFAULT_MAX_PERIOD_FACTOR,
                DEFAULT_STAMP_TOLERANCE_NANOS);
    }

    /**
     * Returns these options with other period bounds.
     *
     * @param min the smallest period as a fraction of the reference, positive
     * @param max the largest, not below {@code min}
     * @return the options
     * @throws IllegalArgumentException if the factors are invalid
     */
    public TimingOptions withPeriodFactors(double min, double max) {
        return new TimingOptions(nominalIntervalNanos, min, max, stampToleranceNanos);
    }

    /**
     * Returns these options with another stamp tolerance.
     *
     * @param tolerance the tolerance, not negative
     * @return the options
     * @throws IllegalArgumentException if the tolerance is negative
     */
    public TimingOptions withStampTolerance(Duration tolerance) {
        return new TimingOptions(nominalIntervalNanos, minPeriodFactor, maxPeriodFactor, tolerance.toNanos());
    }
}
