package io.github.tokjoule.jetson.synthetic;

import java.util.Arrays;

/**
 * The statistics aiperf writes for a record metric: mean, numpy-default (linear, Hyndman–Fan 7) percentiles,
 * population standard deviation (ddof 0), min, max, count and sum.
 */
final class Distribution {

    static final double[] PERCENTS = {1, 5, 10, 25, 50, 75, 90, 95, 99};
    static final String[] PERCENT_KEYS = {"p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};

    private final double[] sorted;
    private final double sum;
    private final double mean;
    private final double std;

    Distribution(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a distribution needs at least one value");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
        double s = 0;
        for (double v : values) {
            s += v;
        }
        sum = s;
        mean = s / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        std = Math.sqrt(ss / values.length);
    }

    int count() {
        return sorted.length;
    }

    double sum() {
        return sum;
    }

    double mean() {
        return mean;
    }

    double std() {
        return std;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** numpy's default {@code percentile(values, p)}: linear interpolation at rank {@code (n − 1) · p / 100}. */
    double percentile(double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
