package io.github.tokjoule.core.stats;

import java.util.Arrays;

/**
 * The nine Hyndman–Fan (1996) sample quantiles written out from the paper with a full sort: the slow reference the
 * property tests compare {@link Quantiles} with. Positions are 1-based as in the paper.
 */
final class SlowQuantile {

    private SlowQuantile() {}

    static double of(double[] values, double q, int type) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        if (type <= 3) {
            double np = n * q;
            double m = type == 3 ? -0.5 : 0;
            int j = (int) Math.floor(np + m);
            double g = np + m - j;
            boolean takeLower;
            if (type == 1) {
                takeLower = g == 0;
            } else if (type == 2) {
                if (g == 0) {
                    return (at(x, j) + at(x, j + 1)) / 2;
                }
                takeLower = false;
            } else {
                takeLower = g == 0 && j % 2 == 0;
            }
            return takeLower ? at(x, j) : at(x, j + 1);
        }
        double h;
        switch (type) {
            case 4:
                h = n * q;
                break;
            case 5:
                h = n * q + 0.5;
                break;
            case 6:
                h = (n + 1) * q;
                break;
            case 7:
                h = (n - 1) * q + 1;
                break;
            case 8:
                h = (n + 1.0 / 3) * q + 1.0 / 3;
                break;
            default:
                h = (n + 0.25) * q + 0.375;
                break;
        }
        h = Math.max(1, Math.min(n, h));
        int lo = (int) Math.floor(h);
        return at(x, lo) + (h - lo) * (at(x, lo + 1) - at(x, lo));
    }

    /** x[k] with 1-based k clamped to [1, n]. */
    private static double at(double[] x, int k) {
        return x[Math.max(1, Math.min(x.length, k)) - 1];
    }
}
