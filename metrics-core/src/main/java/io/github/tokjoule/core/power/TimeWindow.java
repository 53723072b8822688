package io.github.tokjoule.core.power;

import java.time.Instant;

/**
 * A closed time interval {@code [startEpochNanos, endEpochNanos]} in epoch nanoseconds.
 *
 * <p>A zero-length window ({@code start == end}) is valid: its energy is 0 J and its duration 0 s.
 *
 * @param startEpochNanos the start, in nanoseconds since 1970-01-01T00:00Z
 * @param endEpochNanos the end, in nanoseconds since 1970-01-01T00:00Z; not before the start
 * @since 0.1.0
 */
public record TimeWindow(long startEpochNanos, long endEpochNanos) {

    /**
     * Validates the window.
     *
     * @throws IllegalArgumentException if {@code endEpochNanos < startEpochNanos}, or if the window is longer than
     *     a {@code long} of nanoseconds can hold (292 years), so that {@link #durationNanos()} is always exact
     */
    public TimeWindow {
        if (endEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException(
                    "endEpochNanos (" + endEpochNanos + ") is before startEpochNanos (" + startEpochNanos + ")");
        }
        if (endEpochNanos - startEpochNanos < 0) {
            throw new IllegalArgumentException("window [" + startEpochNanos + ", " + endEpochNanos
                    + "] is longer than Long.MAX_VALUE nanoseconds");
        }
    }

    /**
     * Returns the window {@code [startEpochNanos, endEpochNanos]}.
     *
     * @param startEpochNanos the start in epoch nanoseconds
     * @param endEpochNanos the end in epoch nanoseconds, not before the start
     * @return the window
     * @throws IllegalArgumentException if the end is before the start or the window is longer than 292 years
     */
    public static TimeWindow of(long startEpochNanos, long endEpochNanos) {
        return new TimeWindow(startEpochNanos, endEpochNanos);
    }

    /**
     * Returns the window between two instants.
     *
     * @param start the start
     * @param end the end, not before the start
     * @return the window
     * @throws IllegalArgumentException if the end is before the start
     * @throws ArithmeticException if an instant is outside the range of epoch nanoseconds in a {@code long}
     *     (years 1677 to 2262)
     */
    public static TimeWindow of(Instant start, Instant end) {
        return new TimeWindow(toEpochNanos(start), toEpochNanos(end));
    }

    /**
     * Returns the window of the given length starting at {@code startEpochNanos}.
     *
     * @param startEpochNanos the start in epoch nanoseconds
     * @param durationNanos the length in nanoseconds, not negative
     * @return the window
     * @throws IllegalArgumentException if {@code durationNanos} is negative
     * @throws ArithmeticException if the end overflows a {@code long}
     */
    public static TimeWindow ofDuration(long startEpochNanos, long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must not be negative: " + durationNanos);
        }
        return new TimeWindow(startEpochNanos, Math.addExact(startEpochNanos, durationNanos));
    }

    /**
     * Converts an instant to epoch nanoseconds.
     *
     * @param instant the instant
     * @return nanoseconds since 1970-01-01T00:00Z
     * @throws ArithmeticException if the instant does not fit in a {@code long} of nanoseconds
     */
    public static long toEpochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** {@return the length of the window in nanoseconds} */
    public long durationNanos() {
        return endEpochNanos - startEpochNanos;
    }

    /** {@return the length of the window in seconds} */
    public double durationSeconds() {
        return durationNanos() / 1e9;
    }

    /** {@return the start as an {@link Instant}} */
    public Instant start() {
        return Instant.ofEpochSecond(0, startEpochNanos);
    }

    /** {@return the end as an {@link Instant}} */
    public Instant end() {
        return Instant.ofEpochSecond(0, endEpochNanos);
    }

    /**
     * Tells whether an instant lies in this closed window.
     *
     * @param epochNanos the instant in epoch nanoseconds
     * @return {@code true} if {@code start <= epochNanos <= end}
     */
    public boolean contains(long epochNanos) {
        return epochNanos >= startEpochNanos && epochNanos <= endEpochNanos;
    }
}
