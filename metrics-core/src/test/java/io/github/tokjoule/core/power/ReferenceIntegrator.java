package io.github.tokjoule.core.power;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The slow reference for window energy, written independently of {@link PowerTrace}: it visits every segment,
 * clips it to the window and adds the trapezoid of the clipped part, in 34-digit decimal arithmetic, plus the edge
 * power held over the parts of the window outside the trace. O(n) per window.
 */
final class ReferenceIntegrator {

    private static final MathContext MC = MathContext.DECIMAL128;

    private ReferenceIntegrator() {}

    static double energyJoules(long[] t, double[] w, long start, long end) {
        int n = t.length;
        if (n == 0 || end < t[0] || start > t[n - 1]) {
            return Double.NaN;
        }
        BigDecimal wattNanos = BigDecimal.ZERO;
        if (start < t[0]) {
            wattNanos = wattNanos.add(dec(w[0]).multiply(BigDecimal.valueOf(t[0] - start), MC), MC);
        }
        if (end > t[n - 1]) {
            wattNanos = wattNanos.add(dec(w[n - 1]).multiply(BigDecimal.valueOf(end - t[n - 1]), MC), MC);
        }
        for (int i = 0; i + 1 < n; i++) {
            long lo = Math.max(start, t[i]);
            long hi = Math.min(end, t[i + 1]);
            if (lo < hi) {
                BigDecimal sum = at(t, w, i, lo).add(at(t, w, i, hi), MC);
                BigDecimal trapezoid =
                        sum.multiply(BigDecimal.valueOf(hi - lo), MC).divide(BigDecimal.valueOf(2), MC);
                wattNanos = wattNanos.add(trapezoid, MC);
            }
        }
        return wattNanos.divide(BigDecimal.valueOf(1_000_000_000L), MC).doubleValue();
    }

    /** Power at {@code x} on the straight line from sample {@code i} to sample {@code i + 1}. */
    private static BigDecimal at(long[] t, double[] w, int i, long x) {
        BigDecimal slope = dec(w[i + 1]).subtract(dec(w[i]), MC);
        BigDecimal fraction = BigDecimal.valueOf(x - t[i]).divide(BigDecimal.valueOf(t[i + 1] - t[i]), MC);
        return dec(w[i]).add(slope.multiply(fraction, MC), MC);
    }

    private static BigDecimal dec(double value) {
        return new BigDecimal(value);
    }
}
