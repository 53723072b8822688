package io.github.tokjoule.live;

import java.util.Arrays;

/**
 * A known power function for accuracy tests: linear between knots, constant beyond the first and the last, so that
 * the true energy of any window is exact (a sum of trapezoids), never an estimate.
 */
public final class PiecewiseLinear {

    private final long[] t;
    private final double[] watts;

    /**
     * @param epochNanos the knots' times, strictly increasing
     * @param watts the power at each knot
     */
    public PiecewiseLinear(long[] epochNanos, double[] watts) {
        if (epochNanos.length != watts.length || epochNanos.length < 1) {
            throw new IllegalArgumentException("knots and values differ in length or are empty");
        }
        for (int i = 1; i < epochNanos.length; i++) {
            if (epochNanos[i] <= epochNanos[i - 1]) {
                throw new IllegalArgumentException("knot times must increase: " + i);
            }
        }
        this.t = epochNanos.clone();
        this.watts = watts.clone();
    }

    /** {@return the power at a time} */
    public double watts(long epochNanos) {
        int i = Arrays.binarySearch(t, epochNanos);
        if (i >= 0) {
            return watts[i];
        }
        int k = -i - 1; // t[k - 1] < x < t[k]
        if (k == 0) {
            return watts[0];
        }
        if (k == t.length) {
            return watts[t.length - 1];
        }
        double f = (double) (epochNanos - t[k - 1]) / (t[k] - t[k - 1]);
        return watts[k - 1] + (watts[k] - watts[k - 1]) * f;
    }

    /** {@return the exact energy in joules over {@code [a, b]}, {@code a ≤ b}} */
    public double joules(long a, long b) {
        double sum = 0;
        long from = a;
        int k = upper(a);
        while (from < b) {
            long to = k < t.length ? Math.min(b, t[k]) : b;
            sum += 0.5 * (watts(from) + watts(to)) * (to - from) / 1e9;
            from = to;
            k++;
        }
        return sum;
    }

    /** The first knot strictly after {@code x}. */
    private int upper(long x) {
        int i = Arrays.binarySearch(t, x);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
