package io.github.tokjoule.core.join;

/**
 * The estimators of the join.
 *
 * @since 0.2.0
 */
public final class EnergyEstimators {

    private EnergyEstimators() {}

    /**
     * Returns the per-request estimator: each phase's energy is the exact trapezoid integral of the linearly
     * interpolated trace over the request's own window ({@link io.github.tokjoule.core.power.PowerTrace#energy}); the
     * cell's sums add the requests' integrals. Accurate where every phase window holds several samples; a phase
     * shorter than the sampling interval gets only an interpolation between two samples.
     *
     * @return the estimator, named {@code PER_REQUEST}
     */
    public static EnergyEstimator perRequest() {
        return PerRequestEstimator.INSTANCE;
    }
}
