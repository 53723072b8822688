package io.github.tokjoule.core.join;

import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t 0.975 quantile by degrees of freedom, remembered: Commons Statistics inverts the distribution function
 * numerically (tens of µs a call), and the estimators ask for the same few values once per phase of every cell.
 */
final class StudentT {

    private static final int CACHED = 1024;
    /** Raw bits of each remembered quantile; 0 (the bits of +0.0, never a quantile) until computed. */
    private static final AtomicLongArray Q975 = new AtomicLongArray(CACHED + 1);

    private StudentT() {}

    /**
     * Returns the 0.975 quantile of Student's t distribution.
     *
     * @param degreesOfFreedom at least 1
     * @return {@code TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.975)}
     */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom > CACHED) {
            return compute(degreesOfFreedom);
        }
        long bits = Q975.get(degreesOfFreedom);
        if (bits != 0) {
            return Double.longBitsToDouble(bits);
        }
        double q = compute(degreesOfFreedom);
        Q975.set(degreesOfFreedom, Double.doubleToRawLongBits(q));
        return q;
    }

    private static double compute(int degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.975);
    }
}
