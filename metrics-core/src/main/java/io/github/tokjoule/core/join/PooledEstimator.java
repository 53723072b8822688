package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link EnergyEstimators#pooled(long)}: each phase's mean power from the samples of every request pooled on the
 * request-relative axis ({@link PhasePool}), times each request's own phase duration.
 */
final class PooledEstimator implements EnergyEstimator {

    private static final double Z95 = 1.959964;

    private final long sensorAveragingNanos;
    private final long placementUncertaintyNanos;

    PooledEstimator(long sensorAveragingNanos) {
        this(sensorAveragingNanos, 0);
    }

    PooledEstimator(long sensorAveragingNanos, long placementUncertaintyNanos) {
        EnergyEstimators.check(sensorAveragingNanos, placementUncertaintyNanos);
        this.sensorAveragingNanos = sensorAveragingNanos;
        this.placementUncertaintyNanos = placementUncertaintyNanos;
    }

    @Override
    public EnergyEstimator withSensorAveragingNanos(long nanos) {
        return EnergyEstimators.pooled(nanos);
    }

    @Override
    public EnergyEstimator withReadingPlacement(long sensorAveragingNanos, long placementUncertaintyNanos) {
        return EnergyEstimators.pooled(sensorAveragingNanos, placementUncertaintyNanos);
    }

    /** The readings' placement for these requests: {@code D/2}, or measured within {@code D/2 ± U} (ReadingLag). */
    ReadingPlacement placement(PowerTrace trace, List<RequestTimeline> requests) {
        return ReadingLag.estimate(trace, requests, sensorAveragingNanos / 2, placementUncertaintyNanos);
    }

    @Override
    public String name() {
        return "POOLED";
    }

    @Override
    public CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests) {
        return attribute(trace, requests, placement(trace, requests));
    }

    /** The attribution with the readings placed as given. */
    CellAttribution attribute(PowerTrace trace, List<RequestTimeline> requests, ReadingPlacement placement) {
        long shift = placement.lagNanos();
        Partition partition = Partition.of(trace, requests, shift);
        int[] included = partition.included();
        if (included.length == 0) {
            return new CellAttribution(name(), List.of(), partition.excluded(), CellEnergy.none(), placement);
        }
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
                trace,
                shift,
                prefillWindows,
                interpolatedWatts(trace, prefillWindows, shift),
                prior[0],
                prior[1],
                prior[0],
                PhasePool.SCALE);
        PhasePool decode = PhasePool.of(
                trace,
                shift,
                decodeWindows,
                interpolatedWatts(trace, decodeWindows, shift),
                prior[0],
                prior[1],
                prefill.meanWatts(),
                PhasePool.DECODE_SAMPLING_SCALE);
        double periodSeconds = trace.nominalIntervalNanos() / 1e9;
        List<AttributedRequest> attributed = new ArrayList<>(included.length);
        long prefillNanos = 0;
        long decodeNanos = 0;
        @Nullable
        EdgeSmoothing smoothing = sensorAveragingNanos / 2 > 0 ? new EdgeSmoothing(trace, sensorAveragingNanos) : null;
        // Σ over the requests of the phases' and the total's edge corrections and allowances (EdgeSmoothing).
        double[] cellSmoothing = new double[6];
        for (int k = 0; k < included.length; k++) {
            RequestTimeline r = requests.get(included[k]);
            prefillNanos = Math.addExact(prefillNanos, r.durationNanos(Phase.PREFILL));
            decodeNanos = Math.addExact(decodeNanos, r.durationNanos(Phase.DECODE));
            double ps = r.durationNanos(Phase.PREFILL) / 1e9;
            double ds = r.durationNanos(Phase.DECODE) / 1e9;
            // each phase with its own interval (ramp side, decode's sampling scale); the total from the phases'
            // symmetric parts (PhasePool)
            EnergyEstimate pe = Span.of(prefill, ps, periodSeconds, true).estimate();
            EnergyEstimate de = Span.of(decode, ds, periodSeconds, true).estimate();
            EnergyEstimate te = Span.sum(
                            Span.of(prefill, ps, periodSeconds, false), Span.of(decode, ds, periodSeconds, false))
                    .estimate();
            if (smoothing != null || placement.allowanceNanos() != 0) {
                // the averaging's edge correction and allowance (EdgeSmoothing; none for instantaneous readings) and
                // the placement's allowance (0 where nominal), both systematic: added linearly
                double[] s = smoothing == null ? new double[3] : smoothing.steps(r);
                double[] m = placement.allowanceNanos() == 0 ? new double[3] : rangesNear(trace, r, placement);
                double[] c = {
                    correction(smoothing, s[0], s[1]),
                    allowance(smoothing, s[0], s[1]) + placement.allowanceJoules(m[0], m[1]),
                    correction(smoothing, s[1], s[2]),
                    allowance(smoothing, s[1], s[2]) + placement.allowanceJoules(m[1], m[2]),
                    correction(smoothing, s[0], s[2]),
                    allowance(smoothing, s[0], s[2]) + placement.allowanceJoules(m[0], m[2])
                };
                for (int j = 0; j < c.length; j++) {
                    cellSmoothing[j] += c[j];
                }
                pe = EdgeSmoothing.applied(pe, c[0], c[1]);
                de = EdgeSmoothing.applied(de, c[2], c[3]);
                te = EdgeSmoothing.applied(te, c[4], c[5]);
            }
            attributed.add(new AttributedRequest(
                    included[k],
                    r,
                    new PhaseEnergy(pe, trace.coverage(shifted(prefillWindows.get(k), shift))),
                    new PhaseEnergy(de, trace.coverage(shifted(decodeWindows.get(k), shift))),
                    new PhaseEnergy(te, trace.coverage(shifted(r.window(Phase.TOTAL), shift)))));
        }
        EnergyEstimate cp = Span.cell(prefill, prefillNanos / 1e9, true).estimate();
        EnergyEstimate cd = Span.cell(decode, decodeNanos / 1e9, true).estimate();
        EnergyEstimate ct = Span.sum(
                        Span.cell(prefill, prefillNanos / 1e9, false), Span.cell(decode, decodeNanos / 1e9, false))
                .estimate();
        if (smoothing != null || placement.allowanceNanos() != 0) {
            cp = EdgeSmoothing.applied(cp, cellSmoothing[0], cellSmoothing[1]);
            cd = EdgeSmoothing.applied(cd, cellSmoothing[2], cellSmoothing[3]);
            ct = EdgeSmoothing.applied(ct, cellSmoothing[4], cellSmoothing[5]);
        }
        CellEnergy cell = CellEnergy.of(attributed, cp, cd, ct);
        return new CellAttribution(name(), attributed, partition.excluded(), cell, placement);
    }

    /** The averaging's edge correction of a window, in J ({@link EdgeSmoothing}); 0 for instantaneous readings. */
    private static double correction(@Nullable EdgeSmoothing smoothing, double startStep, double endStep) {
        return smoothing == null ? 0 : smoothing.correctionJoules(startStep, endStep);
    }

    /** The allowance for that correction, in J; 0 for instantaneous readings. */
    private static double allowance(@Nullable EdgeSmoothing smoothing, double startStep, double endStep) {
        return smoothing == null ? 0 : smoothing.allowanceJoules(startStep, endStep);
    }

    /** The power's range near a request's start, first token and end ({@link ReadingLag#rangeNearWatts}). */
    private static double[] rangesNear(PowerTrace trace, RequestTimeline r, ReadingPlacement placement) {
        return new double[] {
            ReadingLag.rangeNearWatts(trace, r.startEpochNanos(), placement),
            ReadingLag.rangeNearWatts(trace, r.firstTokenEpochNanos(), placement),
            ReadingLag.rangeNearWatts(trace, r.endEpochNanos(), placement)
        };
    }

    /** A window on the readings' stamps: {@code shift} later (a reading's effective time lies that much before it). */
    static TimeWindow shifted(TimeWindow w, long shift) {
        return shift == 0 ? w : TimeWindow.of(w.startEpochNanos() + shift, w.endEpochNanos() + shift);
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
    private static double interpolatedWatts(PowerTrace trace, List<TimeWindow> windows, long shift) {
        double joules = 0;
        double seconds = 0;
        for (TimeWindow w : windows) {
            joules += trace.energyJoules(shifted(w, shift));
            seconds += (w.endEpochNanos() - w.startEpochNanos()) / 1e9;
        }
        return seconds > 0 ? joules / seconds : 0;
    }

    /** An energy with its lower and upper half widths, the form in which phases add. */
    private record Span(double joules, double below, double above) {

        /**
         * A request's phase: the pool's own bounds for the phase's figure ({@link PhasePool#phaseLowWatts}, {@link
         * PhasePool#phaseHighWatts}), its symmetric part for the total.
         */
        static Span of(PhasePool pool, double seconds, double periodSeconds, boolean phase) {
            double mean = pool.meanWatts() * seconds;
            if (!pool.resolved()) {
                return new Span(mean, mean - pool.lowWatts() * seconds, pool.highWatts() * seconds - mean);
            }
            // A request's own mean deviates from the shared profile by about one reading's spread when it is shorter
            // than a sampling period, less when it spans several.
            double own = Z95 * pool.residualWatts() * Math.sqrt(Math.min(1, periodSeconds / Math.max(seconds, 1e-9)));
            double half = Math.hypot(pool.highWatts() - pool.meanWatts(), own) * seconds;
            if (!phase) {
                return new Span(mean, Math.min(mean, half), half);
            }
            double below = Math.hypot(pool.meanWatts() - pool.phaseLowWatts(), own) * seconds;
            double above = Math.hypot(pool.phaseHighWatts() - pool.meanWatts(), own) * seconds;
            return new Span(mean, Math.min(mean, below), above);
        }

        /** A cell's phase over {@code seconds}: the phase's own bounds or the symmetric part, as {@link #of}. */
        static Span cell(PhasePool pool, double seconds, boolean phase) {
            double mean = pool.meanWatts() * seconds;
            double low = phase ? pool.phaseLowWatts() : pool.lowWatts();
            double high = phase ? pool.phaseHighWatts() : pool.highWatts();
            return new Span(mean, mean - low * seconds, high * seconds - mean);
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
