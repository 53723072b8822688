package io.github.tokjoule.jetson.synthetic;

import java.util.Arrays;

/**
 * A piecewise-linear power function with jumps allowed between segments: on {@code [t[i], t[i+1])} the power goes
 * linearly from {@code from[i]} to {@code to[i]}. Its integral over any interval is exact (a sum of trapezoids), so
 * true energies and a sensor's trailing-window averages are exact too.
 */
final class LinearPowerFunction {

    private final long[] breaks;
    private final double[] from;
    private final double[] to;
    /** {@code prefixJoules[i]} = energy on {@code [breaks[0], breaks[i]]}. */
    private final double[] prefixJoules;

    private LinearPowerFunction(long[] breaks, double[] from, double[] to) {
        this.breaks = breaks;
        this.from = from;
        this.to = to;
        this.prefixJoules = new double[breaks.length];
        for (int i = 0; i < from.length; i++) {
            prefixJoules[i + 1] = prefixJoules[i] + 0.5 * (from[i] + to[i]) * ((breaks[i + 1] - breaks[i]) / 1e9);
        }
    }

    long startEpochNanos() {
        return breaks[0];
    }

    long endEpochNanos() {
        return breaks[breaks.length - 1];
    }

    /** Power at {@code t}, clamped to the domain. */
    double wattsAt(long t) {
        long c = Math.max(breaks[0], Math.min(t, breaks[breaks.length - 1]));
        int i = segmentOf(c);
        return from[i] + (to[i] - from[i]) * ((double) (c - breaks[i]) / (breaks[i + 1] - breaks[i]));
    }

    /** The mean power over {@code [t − width, t]}, what a sensor that averages its last {@code width} reads. */
    double trailingMeanWatts(long t, long widthNanos) {
        if (widthNanos <= 0) {
            return wattsAt(t);
        }
        return joules(t - widthNanos, t) / (widthNanos / 1e9);
    }

    /** Exact energy in joules over {@code [a, b]}; outside the domain the end levels continue. */
    double joules(long a, long b) {
        return cumulative(b) - cumulative(a);
    }

    private double cumulative(long t) {
        if (t <= breaks[0]) {
            return -from[0] * ((breaks[0] - t) / 1e9);
        }
        long end = breaks[breaks.length - 1];
        if (t >= end) {
            return prefixJoules[breaks.length - 1] + to[to.length - 1] * ((t - end) / 1e9);
        }
        int i = segmentOf(t);
        double w = wattsAt(t);
        return prefixJoules[i] + 0.5 * (from[i] + w) * ((t - breaks[i]) / 1e9);
    }

    private int segmentOf(long t) {
        int i = Arrays.binarySearch(breaks, t);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(i, from.length - 1));
    }

    /** Builds the function segment by segment, in time order. */
    static final class Builder {
        private long[] breaks = new long[256];
        private double[] from = new double[255];
        private double[] to = new double[255];
        private int n;

        Builder(long startEpochNanos) {
            breaks[0] = startEpochNanos;
        }

        long endEpochNanos() {
            return breaks[n];
        }

        /** Appends {@code [end, until)} going linearly from {@code fromWatts} to {@code toWatts}; empty ones skipped. */
        void append(long until, double fromWatts, double toWatts) {
            if (until <= breaks[n]) {
                return;
            }
            if (n + 1 == breaks.length) {
                breaks = Arrays.copyOf(breaks, breaks.length * 2);
                from = Arrays.copyOf(from, breaks.length - 1);
                to = Arrays.copyOf(to, breaks.length - 1);
            }
            from[n] = fromWatts;
            to[n] = toWatts;
            n++;
            breaks[n] = until;
        }

        LinearPowerFunction build() {
            if (n == 0) {
                throw new IllegalStateException("a power function needs at least one segment");
            }
            return new LinearPowerFunction(Arrays.copyOf(breaks, n + 1), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }
}
