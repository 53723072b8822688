package io.github.tokjoule.jetson.synthetic;

import java.util.Arrays;

/**
 * A piecewise-constant power function on {@code [breaks[0], breaks[n]]}: {@code watts[i]} on
 * {@code [breaks[i], breaks[i+1])}. Its integral over any interval is exact (a sum of rectangles), which is what makes
 * the generator's ground truth exact.
 */
final class PowerTimeline {

    private final long[] breaks;
    private final double[] watts;
    /** {@code prefixJoules[i]} = energy on {@code [breaks[0], breaks[i]]}. */
    private final double[] prefixJoules;

    private PowerTimeline(long[] breaks, double[] watts) {
        this.breaks = breaks;
        this.watts = watts;
        this.prefixJoules = new double[breaks.length];
        for (int i = 0; i < watts.length; i++) {
            prefixJoules[i + 1] = prefixJoules[i] + watts[i] * ((breaks[i + 1] - breaks[i]) / 1e9);
        }
    }

    long startEpochNanos() {
        return breaks[0];
    }

    long endEpochNanos() {
        return breaks[breaks.length - 1];
    }

    int segments() {
        return watts.length;
    }

    /** Power at {@code t}; the last level at the end instant; 0 outside the function's domain. */
    double wattsAt(long t) {
        if (t < breaks[0] || t > breaks[breaks.length - 1]) {
            return 0;
        }
        return watts[segmentOf(t)];
    }

    /** Index of the segment containing {@code t}, for {@code breaks[0] <= t <= end}. */
    int segmentOf(long t) {
        int i = Arrays.binarySearch(breaks, t);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.min(i, watts.length - 1);
    }

    /** Exact energy in joules over {@code [a, b]}, clipped to the domain (outside it power is 0). */
    double joules(long a, long b) {
        long lo = Math.max(a, breaks[0]);
        long hi = Math.min(b, breaks[breaks.length - 1]);
        if (hi <= lo) {
            return 0;
        }
        return cumulative(hi) - cumulative(lo);
    }

    private double cumulative(long t) {
        int i = segmentOf(t);
        return prefixJoules[i] + watts[i] * ((t - breaks[i]) / 1e9);
    }

    /** Builds a timeline segment by segment, in time order. */
    static final class Builder {
        private long[] breaks = new long[256];
        private double[] watts = new double[255];
        private int n;

        Builder(long startEpochNanos) {
            breaks[0] = startEpochNanos;
        }

        long endEpochNanos() {
            return breaks[n];
        }

        /** Appends a segment {@code [end, until)} at the given level; empty segments are skipped. */
        void append(long until, double level) {
            if (until <= breaks[n]) {
                return;
            }
            if (n > 0 && watts[n - 1] == level) {
                breaks[n] = until;
                return;
            }
            if (n + 1 == breaks.length) {
                breaks = Arrays.copyOf(breaks, breaks.length * 2);
                watts = Arrays.copyOf(watts, breaks.length - 1);
            }
            watts[n] = level;
            n++;
            breaks[n] = until;
        }

        PowerTimeline build() {
            if (n == 0) {
                throw new IllegalStateException("a power timeline needs at least one segment");
            }
            return new PowerTimeline(Arrays.copyOf(breaks, n + 1), Arrays.copyOf(watts, n));
        }
    }
}
