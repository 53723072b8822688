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
}
