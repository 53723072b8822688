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
     * <p>Its 95 % interval comes from the {@link #pooled() pooled} estimator: if the pooled interval {@code [E_p − a,
     * E_p + b]} holds the truth, the truth lies within {@code |E − E_p| + max(a, b)} of this estimate {@code E}, so
     * the interval is {@code E ± (|E − E_p| + max(a, b))}, clipped at 0: as calibrated as the pooled one and wider by
     * the two estimators' disagreement.
     *
     * @return the estimator, named {@code PER_REQUEST}
     */
    public static EnergyEstimator perRequest() {
        return PerRequestEstimator.INSTANCE;
    }

    /**
     * Returns the pooled (equivalent-time) estimator for a sensor whose readings are instantaneous: {@link
     * #pooled(long) pooled(0)}.
     *
     * @return the estimator, named {@code POOLED}
     */
    public static EnergyEstimator pooled() {
        return pooled(0);
    }

    /**
     * Returns the pooled (equivalent-time) estimator. The requests of a cell repeat one workload and the sampler falls
     * at a different relative position of each, so the samples of every request, pooled per phase on the axis {@code
     * u = (t − phase start) / phase duration}, sample one shared profile far more densely than any single request:
     *
     * <pre>
     * P̂_phase        = mean of the readings inside the phase windows (reading time − averaging / 2)
     * E_phase,i      = P̂_phase · duration_phase,i          E_total,i = E_prefill,i + E_decode,i
     * E_phase (cell) = P̂_phase · Σ duration_phase,i
     * </pre>
     *
     * {@code P̂} is the plain mean of the pooled readings or their equivalent-time reconstruction (the trapezoid
     * through them in {@code u} order), whichever has the smaller standard error. Its 95 % interval adds Student's t
     * times that standard error, the two estimates' disagreement and the unsampled stretches at the phase's ends
     * (times the readings' range; at the start, times the step from the level before the phase, which a ramp climbs),
     * all scaled by a constant chosen on calibration seeds of a synthetic truth grid, plus any gap wider than uniform
     * positions leave (times the readings' range); a request's own interval adds its
     * deviation from the shared profile (one reading's spread, scaled by {@code √min(1, period / duration)}); the
     * total's half widths add the phases' in quadrature. A phase with fewer than 3 pooled samples is unresolved: its
     * estimate is the mean of what it has (the interpolated trace without any) and its interval spans every reading
     * from one sample before the cell's first request to one after its last: the data cannot say more.
     *
     * <p>Fails where its model fails: requests that differ systematically (a cold first request is averaged with the
     * rest, which the per-request estimator avoids when it has samples), and a sampler locked to the request period
     * (the interval widens but the estimate stays biased toward the few positions sampled).
     *
     * @param sensorAveragingNanos the sensor's trailing averaging window (0 for instantaneous readings): a reading is
     *     placed half of it before its time stamp
     * @return the estimator, named {@code POOLED}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     */
    public static EnergyEstimator pooled(long sensorAveragingNanos) {
        return new PooledEstimator(sensorAveragingNanos);
    }

    /**
     * The fewest samples inside each phase window of every request for which {@link #automatic()} integrates per
     * request.
     */
    public static final int DENSE_SAMPLES = 10;

    /**
     * Returns the default estimator, which picks per cell by a documented rule: {@link #perRequest()} where every
     * attributable request holds at least {@link #DENSE_SAMPLES} samples inside its prefill window and inside its
     * decode window (dense sampling: each request measured on its own, a cold first request included), else {@link
     * #pooled()}. The attribution's {@link CellAttribution#estimator()} names the estimator used, {@code PER_REQUEST}
     * or {@code POOLED}; a cell without attributable requests is pooled (every figure NaN).
     *
     * @return the estimator, named {@code AUTO}
     */
    public static EnergyEstimator automatic() {
        return AutomaticEstimator.INSTANCE;
    }
}
