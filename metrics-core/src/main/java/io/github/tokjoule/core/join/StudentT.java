package io.github.tokjoule.core.join;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t 0.975 quantile by degrees of freedom: from {@link StudentTTable} up to 1024 degrees (Commons Statistics'
 * own values, bit for bit), computed by Commons Statistics above. Inverting the distribution numerically costs tens
 * of µs a call warm and milliseconds cold (with the compilation of the code it runs), and the estimators ask for it
 * once per phase of every cell.
 */
final class StudentT {

    private StudentT() {}

    /**
     * Returns the 0.975 quantile of Student's t distribution.
     *
     * @param degreesOfFreedom at least 1
     * @return {@code TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.975)}
     */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom >= 1 && degreesOfFreedom <= StudentTTable.Q975.length) {
            return StudentTTable.Q975[degreesOfFreedom - 1];
        }
        return compute(degreesOfFreedom);
    }

    private static double compute(int degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.975);
    }
}
