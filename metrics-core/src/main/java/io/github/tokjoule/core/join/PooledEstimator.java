package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowCoverage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EnergyEstimators#pooled(long)}: each phase's mean power from the samples of every request pooled on the
 * request-relative axis ({@link PhasePool}), times each request's own phase duration.
 */
final class PooledEstimator implements EnergyEstimator {

    private static final double Z95 = 1.959964;

    private final long sensorAveragingNanos;

    PooledEstimator(long sensorAveragingNanos) {
        if (sensorAveragingNanos < 0) {
            throw new IllegalArgumentException("sensorAveragingNanos must not be negative: " + sensorAveragingNanos);
        }
        this.sensorAveragingNanos = sensorAveragingNanos;
    }

    @Override
    public String name() {
        return "POOLED";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        Partition partition = Partition.of(trace, requests);
        int[] included = partition.included();
        if (included.length == 0) {
            return new CellAttribution(name(), List.of(), partition.excluded(), CellEnergy.none());
        }
        long shift = sensorAveragingNanos / 2;
        List<TimeWindow> prefillWindows = new ArrayList<>(included.length);
        List<TimeWindow> decodeWindows = new ArrayList<>(included.length);
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int i : included) {
            RequestTimeline r = requests.get(i);
            prefillWindows.add(r.window(Phase.PREFILL));
            decodeWindows.add(r.window(Phase.DECODE));
            from = Math.min(from, r.startEpochNanos());
            to = Math.max(to, r.endEpochNanos());
        }
        double[] prior = prior(trace, from + shift, to + shift);
        // Before prefill the power is at most the lowest reading around the cell (idle); before decode, prefill's.
        PhasePool prefill = PhasePool.of(
                trace, shift, prefillWindows, interpolatedWatts(trace, prefillWindows), prior[0], prior[1], prior[0]);
        PhasePool decode = PhasePool.of(
                trace,
                shift,
                decodeWindows,
                interpolatedWatts(trace, decodeWindows),
                prior[0],
                prior[1],
                prefill.meanWatts());
        double periodSeconds = trace.nominalIntervalNanos() / 1e9;
        List<AttributedRequest> attributed = new ArrayList<>(included.length);
        long prefillNanos = 0;
        long decodeNanos = 0;
        for (int k = 0; k < included.length; k++) {
            RequestTimeline r = requests.get(included[k]);
            prefillNanos = Math.addExact(prefillNanos, r.durationNanos(Phase.PREFILL));
            decodeNanos = Math.addExact(decodeNanos, r.durationNanos(Phase.DECODE));
            Span p = Span.of(prefill, r.durationNanos(Phase.PREFILL) / 1e9, periodSeconds);
            Span d = Span.of(decode, r.durationNanos(Phase.DECODE) / 1e9, periodSeconds);
            attributed.add(new AttributedRequest(
                    included[k],
                    r,
                    phase(p, trace.coverage(prefillWindows.get(k))),
                    phase(d, trace.coverage(decodeWindows.get(k))),
                    phase(Span.sum(p, d), trace.coverage(r.window(Phase.TOTAL)))));
        }
        Span cellPrefill = Span.cell(prefill, prefillNanos / 1e9);
        Span cellDecode = Span.cell(decode, decodeNanos / 1e9);
        CellEnergy cell = CellEnergy.of(
                attributed,
                cellPrefill.estimate(),
                cellDecode.estimate(),
                Span.sum(cellPrefill, cellDecode).estimate());
        return new CellAttribution(name(), attributed, partition.excluded(), cell);
    }

    private static PhaseEnergy phase(Span span, WindowCoverage coverage) {
        return new PhaseEnergy(span.estimate(), coverage);
    }

    /** The lowest and highest reading from one sample before the cell's first request to one after its last. */
    private static double[] prior(PowerTrace trace, long from, long to) {
        int first = Math.max(0, PhasePool.lowerBound(trace, from) - 1);
        int last = Math.min(trace.size() - 1, PhasePool.lowerBound(trace, to + 1));
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = first; k <= last; k++) {
            min = Math.min(min, trace.wattsAt(k));
            max = Math.max(max, trace.wattsAt(k));
        }
        return new double[] {Math.min(min, max), max};
    }

    /** The trace's trapezoid energy over the windows divided by their duration: the estimate without samples. */
    private static double interpolatedWatts(PowerTrace trace, List<TimeWindow> windows) {
        double joules = 0;
        double seconds = 0;
        for (TimeWindow w : windows) {
            joules += trace.energyJoules(w);
            seconds += (w.endEpochNanos() - w.startEpochNanos()) / 1e9;
        }
        return seconds > 0 ? joules / seconds : 0;
    }

    /** An energy with its lower and upper half widths, the form in which phases add. */
    private record Span(double joules, double below, double above) {

        static Span of(PhasePool pool, double seconds, double periodSeconds) {
            double mean = pool.meanWatts() * seconds;
            if (!pool.resolved()) {
                return new Span(mean, mean - pool.lowWatts() * seconds, pool.highWatts() * seconds - mean);
            }
            // A request's own mean deviates from the shared profile by about one reading's spread when it is shorter
            // than a sampling period, less when it spans several.
            double own = Z95 * pool.residualWatts() * Math.sqrt(Math.min(1, periodSeconds / Math.max(seconds, 1e-9)));
            double half = Math.hypot(pool.highWatts() - pool.meanWatts(), own) * seconds;
            return new Span(mean, Math.min(mean, half), half);
        }

        static Span cell(PhasePool pool, double seconds) {
            double mean = pool.meanWatts() * seconds;
            return new Span(mean, mean - pool.lowWatts() * seconds, pool.highWatts() * seconds - mean);
        }

        static Span sum(Span a, Span b) {
            double joules = a.joules + b.joules;
            return new Span(joules, Math.min(joules, Math.hypot(a.below, b.below)), Math.hypot(a.above, b.above));
        }

        EnergyEstimate estimate() {
            return EnergyEstimate.of(joules, Math.max(0, joules - below), joules + above);
        }
    }
}
