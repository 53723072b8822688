package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;

/**
 * Attributes the energy of a power trace to the requests of one cell: the strategy behind every energy figure.
 *
 * <p>Contract, for every implementation: each request given is either attributed or excluded, with the first
 * {@link ExclusionReason} that applies (failed, tokens unknown, outside the trace, partly outside the trace); no
 * figure is extrapolated beyond the trace; for each attributed request {@code prefill + decode = total} to rounding;
 * the cell's sums are over the attributed requests only. An estimator may use all requests of the cell together (a
 * pooled estimator does), so the cell, not a single request, is the unit of work.
 *
 * @since 0.2.0
 */
public interface EnergyEstimator {

    /**
     * Returns the estimator's name, as written in {@code cells.csv} and the report.
     *
     * @return a short upper-case name, for example {@code PER_REQUEST}
     */
    String name();

    /**
     * Attributes the trace's energy to the requests.
     *
     * @param trace the power trace of the rail (or sum of rails) that powers the requests
     * @param requests the requests of one cell, in any order; they may overlap in time
     * @return the attribution
     */
    CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests);

    /**
     * Returns this estimator for a trace whose readings average the last {@code sensorAveragingNanos} of the power
     * (a sensor's averaging window or delay {@code D}, e.g. a dense {@code hwmon.csv}'s recorded sensor delay): the
     * library's estimators return their counterpart of {@link EnergyEstimators#automatic(long)}, {@link
     * EnergyEstimators#perRequest(long)} or {@link EnergyEstimators#pooled(long)} for {@code D}, replacing whatever
     * averaging they were made with. An estimator that does not model a sensor's averaging returns itself, the
     * default; a caller can tell by identity and should say so.
     *
     * @param sensorAveragingNanos the averaging window {@code D}, 0 for instantaneous readings
     * @return the estimator for {@code D}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     * @since 0.2.0
     */
    default EnergyEstimator withSensorAveragingNanos(long sensorAveragingNanos) {
        if (sensorAveragingNanos < 0) {
            throw new IllegalArgumentException("sensorAveragingNanos must not be negative: " + sensorAveragingNanos);
        }
        return this;
    }

    /**
     * Returns this estimator for a trace whose readings average the last {@code sensorAveragingNanos} ({@code D}) and
     * whose lag is declared only within {@code D/2 ± placementUncertaintyNanos} ({@code U}; nvidia-smi's instant
     * reading): the library's estimators return {@link EnergyEstimators#automatic(long, long)}, {@link
     * EnergyEstimators#perRequest(long, long)} or {@link EnergyEstimators#pooled(long, long)}, which measure the lag per
     * cell at the requests' edges. The default is {@link #withSensorAveragingNanos(long) withSensorAveragingNanos(D)},
     * which ignores {@code U}: its attributions' {@link CellAttribution#placement()} then says {@code NOMINAL}, so a
     * caller can tell and should say so.
     *
     * @param sensorAveragingNanos the averaging window {@code D}
     * @param placementUncertaintyNanos {@code U}, at least 0; beyond {@code D/2} the lag may be negative (a request
     *     clock offset, see {@link ReadingPlacement})
     * @return the estimator for {@code D} and {@code U}
     * @throws IllegalArgumentException if either is negative
     * @since 0.2.0
     */
    default EnergyEstimator withReadingPlacement(long sensorAveragingNanos, long placementUncertaintyNanos) {
        EnergyEstimators.check(sensorAveragingNanos, placementUncertaintyNanos);
        return withSensorAveragingNanos(sensorAveragingNanos);
    }
}
