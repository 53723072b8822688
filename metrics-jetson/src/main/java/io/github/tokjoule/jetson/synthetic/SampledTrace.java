package io.github.tokjoule.jetson.synthetic;

import java.util.Arrays;

/**
 * The sampled trace at its true sample times, and a deliberately plain integral over it: the reference the analysis's
 * integration is compared with. Independent of metrics-core on purpose.
 */
final class SampledTrace {

    private final long[] times;
    private final double[] watts;

    SampledTrace(long[] times, double[] watts) {
        this.times = times;
        this.watts = watts;
    }

    /** Number of samples with {@code a <= t <= b}. */
    int countInside(long a, long b) {
        int lo = lowerBound(a);
        int hi = lowerBound(b + 1);
        return Math.max(0, hi - lo);
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && times[i - 1] == t) {
            i--;
        }
        return i;
    }

    /** Linear interpolation between neighbouring samples; the end value outside the sampled range. */
    double wattsAt(long t) {
        if (t <= times[0]) {
            return watts[0];
        }
        int last = times.length - 1;
        if (t >= times[last]) {
            return watts[last];
        }
        int i = lowerBound(t);
        if (times[i] == t) {
            return watts[i];
        }
        double f = (double) (t - times[i - 1]) / (times[i] - times[i - 1]);
        return watts[i - 1] + f * (watts[i] - watts[i - 1]);
    }

    /** Trapezoid rule over {@code [a, b]} through every sample inside, with interpolated end points, in joules. */
    double joules(long a, long b) {
        if (b <= a) {
            return 0;
        }
        double sum = 0;
        long prevT = a;
        double prevW = wattsAt(a);
        for (int i = lowerBound(a); i < times.length && times[i] < b; i++) {
            if (times[i] <= a) {
                continue;
            }
            sum += 0.5 * (prevW + watts[i]) * ((times[i] - prevT) / 1e9);
            prevT = times[i];
            prevW = watts[i];
        }
        double endW = wattsAt(b);
        sum += 0.5 * (prevW + endW) * ((b - prevT) / 1e9);
        return sum;
    }
}
