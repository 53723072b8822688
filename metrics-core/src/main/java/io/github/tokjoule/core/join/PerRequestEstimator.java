package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link EnergyEstimators#perRequest()}: each request integrated over its own windows, in one pass over the trace. */
final class PerRequestEstimator implements EnergyEstimator {

    static final PerRequestEstimator INSTANCE = new PerRequestEstimator(0);

    private final long sensorAveragingNanos;
    private final PooledEstimator pooled;

    PerRequestEstimator(long sensorAveragingNanos) {
        this(sensorAveragingNanos, 0);
    }

    PerRequestEstimator(long sensorAveragingNanos, long placementUncertaintyNanos) {
        this.pooled = new PooledEstimator(sensorAveragingNanos, placementUncertaintyNanos);
        this.sensorAveragingNanos = sensorAveragingNanos;
    }

    @Override
    public EnergyEstimator withSensorAveragingNanos(long nanos) {
        return EnergyEstimators.perRequest(nanos);
    }

    @Override
    public EnergyEstimator withReadingPlacement(long sensorAveragingNanos, long placementUncertaintyNanos) {
        return EnergyEstimators.perRequest(sensorAveragingNanos, placementUncertaintyNanos);
    }

    @Override
    public String name() {
        return "PER_REQUEST";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        ReadingPlacement placement = pooled.placement(trace, requests);
        long shift = placement.lagNanos();
        Partition partition = Partition.of(trace, requests, shift);
        int[] included = partition.included();
        List<TimeWindow> windows = new ArrayList<>(3 * included.length);
        for (int i : included) {
            RequestTimeline r = requests.get(i);
            windows.add(PooledEstimator.shifted(r.window(Phase.PREFILL), shift));
            windows.add(PooledEstimator.shifted(r.window(Phase.DECODE), shift));
            windows.add(PooledEstimator.shifted(r.window(Phase.TOTAL), shift));
        }
        @Nullable
        EdgeSmoothing smoothing = sensorAveragingNanos / 2 > 0 ? new EdgeSmoothing(trace, sensorAveragingNanos) : null;
        List<WindowEnergy> energies = trace.energies(windows);
        List<AttributedRequest> attributed = new ArrayList<>(included.length);
        double prefill = 0;
        double decode = 0;
        double total = 0;
        for (int k = 0; k < included.length; k++) {
            WindowEnergy p = energies.get(3 * k);
            WindowEnergy d = energies.get(3 * k + 1);
            WindowEnergy t = energies.get(3 * k + 2);
            if (smoothing != null) {
                // The bias of the sensor's averaging at the edges (EdgeSmoothing); its allowance is the pooled
                // interval's, which widened() carries.
                double[] s = smoothing.steps(requests.get(included[k]));
                p = corrected(p, smoothing.correctionJoules(s[0], s[1]));
                d = corrected(d, smoothing.correctionJoules(s[1], s[2]));
                t = corrected(t, smoothing.correctionJoules(s[0], s[2]));
            }
            prefill += p.joules();
            decode += d.joules();
            total += t.joules();
            attributed.add(new AttributedRequest(included[k], requests.get(included[k]), phase(p), phase(d), phase(t)));
        }
        CellAttribution pooled = this.pooled.attribute(trace, requests, placement);
        List<AttributedRequest> withIntervals = new ArrayList<>(attributed.size());
        for (int k = 0; k < attributed.size(); k++) {
            AttributedRequest r = attributed.get(k);
            AttributedRequest p = pooled.requests().get(k);
            withIntervals.add(new AttributedRequest(
                    r.index(),
                    r.timeline(),
                    widened(r.prefill(), p.prefill().energy()),
                    widened(r.decode(), p.decode().energy()),
                    widened(r.total(), p.total().energy())));
        }
        CellEnergy cell = CellEnergy.of(
                withIntervals,
                widened(
                        included.length == 0 ? Double.NaN : prefill,
                        pooled.cell().prefill()),
                widened(
                        included.length == 0 ? Double.NaN : decode,
                        pooled.cell().decode()),
                widened(included.length == 0 ? Double.NaN : total, pooled.cell().total()));
        return new CellAttribution(name(), withIntervals, partition.excluded(), cell, placement);
    }

    private static PhaseEnergy widened(PhaseEnergy own, EnergyEstimate pooled) {
        return new PhaseEnergy(widened(own.joules(), pooled), own.coverage());
    }

    /** {@code E ± (|E − E_p| + the pooled interval's larger half width)}, clipped at 0. */
    static EnergyEstimate widened(double joules, EnergyEstimate pooled) {
        if (Double.isNaN(joules) || !pooled.hasInterval()) {
            return EnergyEstimate.withoutInterval(joules);
        }
        double half = Math.abs(joules - pooled.joules())
                + Math.max(pooled.joules() - pooled.ci95LowJoules(), pooled.ci95HighJoules() - pooled.joules());
        return EnergyEstimate.of(joules, Math.max(0, joules - half), joules + half);
    }

    private static WindowEnergy corrected(WindowEnergy e, double correctionJoules) {
        return new WindowEnergy(Math.max(0, e.joules() + correctionJoules), e.coverage());
    }

    private static PhaseEnergy phase(WindowEnergy e) {
        return new PhaseEnergy(EnergyEstimate.withoutInterval(e.joules()), e.coverage());
    }
}
