package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;

/**
 * A piecewise-constant power for the edge tests ({@link EdgeSmoothingTest}, {@link SpanLessGapsTest}): {@code
 * watts[i]} from {@code knots[i]} to {@code knots[i + 1]}, the last held; its exact energies and a boxcar sensor's
 * exact readings of it.
 */
record StepPower(long[] knots, double[] watts) {

    static final long MS = 1_000_000L;

    /** {@code ∫} of the power from {@code knots[0]} to {@code t} (t ≥ knots[0]), in W·ns. */
    double cumulative(long t) {
        double sum = 0;
        for (int i = 0; i < knots.length && knots[i] < t; i++) {
            long end = i + 1 < knots.length ? Math.min(t, knots[i + 1]) : t;
            sum += watts[i] * (end - knots[i]);
        }
        return sum;
    }

    /** The power at {@code t}. */
    double level(long t) {
        int i = 0;
        while (i + 1 < knots.length && knots[i + 1] <= t) {
            i++;
        }
        return watts[i];
    }

    /** The step at {@code x}: the power just after it less the power just before it. */
    double step(long x) {
        return level(x) - level(x - 1);
    }

    double joules(long a, long b) {
        return (cumulative(b) - cumulative(a)) / 1e9;
    }

    /** A boxcar sensor's reading at {@code t}: the exact mean power over {@code [t − d, t]}. */
    double reading(long t, long d) {
        return (cumulative(t) - cumulative(t - d)) / d;
    }

    /** Boxcar readings of the last {@code d}, every millisecond from {@code from} to {@code to}. */
    PowerTrace read(long from, long to, long d) {
        return read(from, to, d, 0);
    }

    /** Readings every millisecond from {@code from} to {@code to}, stamped {@code stampShift} earlier. */
    PowerTrace read(long from, long to, long d, long stampShift) {
        int n = (int) ((to - from) / MS) + 1;
        long[] t = new long[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = from + k * MS - stampShift;
            w[k] = reading(from + k * MS, d);
        }
        return PowerTrace.of(t, w);
    }
}
