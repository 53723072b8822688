package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;

/**
 * {@link EnergyEstimators#automatic()}: per-request integration where every request's phases hold dense samples,
 * pooling otherwise; the attribution names the estimator it used.
 */
final class AutomaticEstimator implements EnergyEstimator {

    static final AutomaticEstimator INSTANCE = new AutomaticEstimator();

    private AutomaticEstimator() {}

    @Override
    public String name() {
        return "AUTO";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        return (dense(trace, requests) ? EnergyEstimators.perRequest() : EnergyEstimators.pooled())
                .attribute(trace, requests);
    }

    /** Whether every attributable request holds at least {@code DENSE_SAMPLES} samples in each of its phases. */
    static boolean dense(PowerTrace trace, List<RequestTimeline> requests) {
        int[] included = Partition.of(trace, requests).included();
        if (included.length == 0) {
            return false;
        }
        for (int i : included) {
            RequestTimeline r = requests.get(i);
            if (trace.coverage(r.window(Phase.PREFILL)).samplesInside() < EnergyEstimators.DENSE_SAMPLES
                    || trace.coverage(r.window(Phase.DECODE)).samplesInside() < EnergyEstimators.DENSE_SAMPLES) {
                return false;
            }
        }
        return true;
    }
}
