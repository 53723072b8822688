package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;

/**
 * {@link EnergyEstimators#automatic()}: per-request integration where every request's phases hold dense samples,
 * pooling otherwise; the attribution names the estimator it used.
 */
final class AutomaticEstimator implements EnergyEstimator {

    static final AutomaticEstimator INSTANCE = new AutomaticEstimator(0);

    private final long sensorAveragingNanos;
    private final long placementUncertaintyNanos;

    AutomaticEstimator(long sensorAveragingNanos) {
        this(sensorAveragingNanos, 0);
    }

    AutomaticEstimator(long sensorAveragingNanos, long placementUncertaintyNanos) {
        EnergyEstimators.check(sensorAveragingNanos, placementUncertaintyNanos);
        this.sensorAveragingNanos = sensorAveragingNanos;
        this.placementUncertaintyNanos = placementUncertaintyNanos;
    }

    @Override
    public EnergyEstimator withSensorAveragingNanos(long nanos) {
        return EnergyEstimators.automatic(nanos);
    }

    @Override
    public EnergyEstimator withReadingPlacement(long sensorAveragingNanos, long placementUncertaintyNanos) {
        return EnergyEstimators.automatic(sensorAveragingNanos, placementUncertaintyNanos);
    }

    @Override
    public String name() {
        return "AUTO";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        CellAttribution attribution = (dense(trace, requests, sensorAveragingNanos / 2)
                        ? EnergyEstimators.perRequest(sensorAveragingNanos, placementUncertaintyNanos)
                        : EnergyEstimators.pooled(sensorAveragingNanos, placementUncertaintyNanos))
                .attribute(trace, requests);
        // A sensor that averages over more than most gaps smears the requests into them: the span less the gaps.
        return SpanLessGaps.applies(requests, attribution, sensorAveragingNanos)
                ? SpanLessGaps.attribute(trace, requests, attribution, sensorAveragingNanos)
                : attribution;
    }

    /**
     * Whether every attributable request holds at least {@code DENSE_SAMPLES} samples in each of its phases, the
     * readings' effective times lying {@code shift} before their stamps.
     */
    static boolean dense(PowerTrace trace, List<RequestTimeline> requests, long shift) {
        int[] included = Partition.of(trace, requests, shift).included();
        if (included.length == 0) {
            return false;
        }
        for (int i : included) {
            RequestTimeline r = requests.get(i);
            if (trace.coverage(PooledEstimator.shifted(r.window(Phase.PREFILL), shift))
                                    .samplesInside()
                            < EnergyEstimators.DENSE_SAMPLES
                    || trace.coverage(PooledEstimator.shifted(r.window(Phase.DECODE), shift))
                                    .samplesInside()
                            < EnergyEstimators.DENSE_SAMPLES) {
                return false;
            }
        }
        return true;
    }
}
