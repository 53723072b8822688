package io.github.tokjoule.core.power;

import java.util.Arrays;

/**
 * An immutable, strictly time-sorted series of power samples: (epoch nanoseconds, watts).
 *
 * <p>Samples may come from any source: one tegrastats rail, a sum of rails, or aiperf GPU telemetry. Times are
 * strictly increasing; power is finite and not negative. The arrays are copied on construction and never exposed.
 *
 * @since 0.1.0
 */
public final class PowerTrace {

    private final long[] epochNanos;
    private final double[] watts;

    private PowerTrace(long[] epochNanos, double[] watts) {
        this.epochNanos = epochNanos;
        this.watts = watts;
    }

    /**
     * Returns a trace of the given samples. The arrays are copied.
     *
     * @param epochNanos sample times in epoch nanoseconds, strictly increasing
     * @param watts power at each sample time in watts, finite and not negative; same length as {@code epochNanos}
     * @return the trace
     * @throws IllegalArgumentException if the lengths differ, a time is not strictly after the previous one
     *     (unsorted or duplicate), or a power value is NaN, infinite or negative; the message names the index and
     *     the value
     */
    public static PowerTrace of(long[] epochNanos, double[] watts) {
        if (epochNanos.length != watts.length) {
            throw new IllegalArgumentException("epochNanos and watts differ in length: " + epochNanos.length
                    + " times, " + watts.length + " power values");
        }
        long[] times = epochNanos.clone();
        double[] power = watts.clone();
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(
                        "epochNanos[" + i + "] = " + times[i] + " is not after epochNanos[" + (i - 1) + "] = "
                                + times[i - 1] + (times[i] == times[i - 1] ? " (duplicate)" : " (unsorted)"));
            }
            double w = power[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("watts[" + i + "] = " + w + " is not a finite, non-negative power");
            }
        }
        return new PowerTrace(times, power);
    }

    /** {@return the number of samples} */
    public int size() {
        return epochNanos.length;
    }

    /** {@return {@code true} if the trace has no samples} */
    public boolean isEmpty() {
        return epochNanos.length == 0;
    }

    /**
     * Returns the time of a sample.
     *
     * @param index the sample index, {@code 0 <= index < size()}
     * @return the sample time in epoch nanoseconds
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public long epochNanosAt(int index) {
        return epochNanos[index];
    }

    /**
     * Returns the power of a sample.
     *
     * @param index the sample index, {@code 0 <= index < size()}
     * @return the power in watts
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double wattsAt(int index) {
        return watts[index];
    }

    /** {@return a copy of the sample times in epoch nanoseconds} */
    public long[] epochNanos() {
        return epochNanos.clone();
    }

    /** {@return a copy of the power values in watts} */
    public double[] watts() {
        return watts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerTrace other
                && Arrays.equals(epochNanos, other.epochNanos)
                && Arrays.equals(watts, other.watts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochNanos) + Arrays.hashCode(watts);
    }

    @Override
    public String toString() {
        return "PowerTrace[" + size() + " samples"
                + (isEmpty() ? "" : ", " + epochNanos[0] + " .. " + epochNanos[epochNanos.length - 1] + " ns")
                + "]";
    }
}
