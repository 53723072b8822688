package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cell's total for a sensor whose averaging window {@code D} is longer than most gaps between the cell's requests
 * (nvidia-smi's one-second mean against requests 0.1–0.5 s apart): the energy over the cell's whole span less the
 * energy of the gaps between its requests ({@link EnergyEstimators#automatic(long)}, estimator {@code SPAN}).
 *
 * <p><b>Why.</b> A reading that averages the last {@code D}, {@code R(t) = (A(t) − A(t − D)) / D} with {@code A} the
 * cumulative energy, smears each request into the gaps around it. The trapezoid of the readings over the requests'
 * own windows (placed {@code D/2} earlier) weights a gap of length {@code g < D} by {@code 1 − g/D} instead of 0 and
 * the requests' edges beside it by less than 1, so a cell's sum falls short by about {@code ΔP · g · (1 − g/D)} per
 * gap ({@code ΔP} the busy less the idle power), and the edge correction of {@link EdgeSmoothing} cannot see it: the
 * readings on both sides of a short gap are both busy-level means, so its {@code ΔP} reads ≈ 0. On a real H100 (run
 * C, docs/LIVE.md) the one-second mean's pooled group totals fell 2.5–33 % short and none of 9 intervals held the
 * energy counter's truth.
 *
 * <p><b>The estimate.</b> Over the span {@code [a, b]} from the first request's start to the last one's end the
 * readings' trapezoid has only two edges, corrected as in {@link EdgeSmoothing} and bounded (below). Each gap {@code [x,
 * y]} between consecutive requests is then taken off:
 *
 * <pre>
 * E_cell   = E_span(a, b) + c_a + c_b − Σ_gaps E_gap
 * gap with g = y − x ≥ D:  measured as a window: E(x, y) + c_x + c_y
 * gap with g &lt; D:          E_gap ∈ [g · P_lo, g · P_hi(x, y)], estimated g · P_lo
 * c_x        = EdgeSmoothing's correction of an edge: +ΔP_x · D/16 where a window starts, −ΔP_x · D/16 where it ends
 * P_lo       = the lowest reading stamped within D + 10 nominal intervals of the span
 * P_hi(x, y) = the highest reading stamped in [x, y + D] (every reading whose averaging overlaps the gap), ≥ P_lo
 * interval   = [raw − Σ below_x − z · σ_edges − Σ g · (P_hi − P_lo),  raw + Σ above_x + z · σ_edges]
 * raw        = E_cell without the corrections c_x
 * below_x, above_x: how far the boxcar's smoothing at edge x can move the total either way (Edges): for a span edge
 *            that starts it, above ≤ ∫_x^(x+D/2) (R(t) − P_lo) dt, below ≤ D/2 · (R(x) − P_lo), R(t) the reading
 *            stamped t; for one that ends it, above ≤ ∫_(x+D/2)^(x+D) (R(t) − P_lo) dt, below ≤ D/2 · (R(x + D) −
 *            P_lo); a measured gap's edges the other way round (the gap is taken off)
 * σ²_edges   = Σ_edges M_x² · Δ² / 12, M_x = max(|ΔP_x|, R_request(x) − P_lo), Δ the nominal sampling interval
 * </pre>
 *
 * <p><b>What the readings can and cannot tell about a short gap.</b> A mean over {@code D} lies between the lowest and
 * the highest power within it, so averaged readings bound the power from the wrong side: the lowest reading is at
 * least the lowest power, the highest at most the highest. The bounds above are therefore assumptions, stated: (1)
 * between requests the device draws no less than its floor, and the context holds a stretch of at least {@code D}
 * at that floor (the idle before or after the cell), so the lowest reading is the floor; (2) a gap is no busier than
 * the busiest {@code D}-mean around it. The edges' bounds are derived in {@code Edges}; they assume the readings a
 * boxcar of {@code D} and the power at least the floor, nothing about its shape. The estimate puts each
 * short gap at the floor (a device waiting for its next request idles) and the interval allows the gap up to the
 * busy level: where the readings cannot tell, the interval says so. The point estimate does not depend on (2). The
 * gaps' share is systematic and added linearly.
 *
 * <p><b>When.</b> Only where it is needed and valid: {@code D > 0}, at least two requests, every request of the cell
 * attributed (an excluded request's energy would stay in the span), the requests one at a time (no overlap), and at
 * least half the gaps shorter than {@code D}. Otherwise the estimators' totals stand (a sensor whose {@code D} is
 * far below the gaps, an instantaneous reading with {@code D = 0}). The requests' own figures and the cell's prefill
 * are the underlying estimator's; the cell's decode is the new total less its prefill, so the sums stay additive.
 *
 * <p><b>Tried and not used: deconvolution.</b> {@code A(y) − A(x) = D · Σ_{k≥0} [R(y − kD) − R(x − kD)]}, truncated
 * where both arguments reach the idle before the cell, determines a gap's energy exactly from exact boxcar readings.
 * On run C's one-second mean it missed the gaps' energy (from the counter) by −575 to +669 J per cell (13–74 terms):
 * each term adds the readings' timing error (the driver's refresh, 0–100 ms stale) and their departure from a boxcar,
 * and the sum of 20 gaps' series drifted −58 to +2 % off the cells' truth.
 */
final class SpanLessGaps {

    static final String NAME = "SPAN";

    private static final double Z95 = 1.959964;

    /** How many nominal intervals beyond {@code D} either side of the span the floor is looked for. */
    static final long CONTEXT_INTERVALS = 10;

    private SpanLessGaps() {}

    /**
     * Whether the cell's total should be the span less the gaps: see the class comment.
     *
     * @param requests every request of the cell
     * @param attribution the underlying estimator's attribution
     */
    static boolean applies(List<RequestTimeline> requests, CellAttribution attribution, long averagingNanos) {
        if (averagingNanos <= 0
                || requests.size() < 2
                || !attribution.excluded().isEmpty()
                || attribution.requests().size() != requests.size()) {
            return false;
        }
        long[] gaps = gapsNanos(sorted(requests));
        if (gaps.length == 0) {
            return false;
        }
        int shorter = 0;
        for (long g : gaps) {
            if (g < 0) {
                return false; // overlapping requests: the span is not their sum
            }
            shorter += g < averagingNanos ? 1 : 0;
        }
        return 2 * shorter >= gaps.length;
    }

    /** The requests by start. */
    static List<RequestTimeline> sorted(List<RequestTimeline> requests) {
        List<RequestTimeline> s = new ArrayList<>(requests);
        s.sort(Comparator.comparingLong(RequestTimeline::startEpochNanos));
        return s;
    }

    /** The gaps between consecutive requests (next start − this end; negative where they overlap). */
    static long[] gapsNanos(List<RequestTimeline> sorted) {
        long[] g = new long[sorted.size() - 1];
        long end = sorted.get(0).endEpochNanos();
        for (int i = 1; i < sorted.size(); i++) {
            g[i - 1] = sorted.get(i).startEpochNanos() - end;
            end = Math.max(end, sorted.get(i).endEpochNanos());
        }
        return g;
    }

    /**
     * The cell's total over its sequential requests: the span's energy less the gaps', with the interval of the
     * class comment.
     */
    static EnergyEstimate total(PowerTrace trace, List<RequestTimeline> requests, long averagingNanos) {
        List<RequestTimeline> s = sorted(requests);
        long shift = averagingNanos / 2;
        RequestTimeline first = s.get(0);
        RequestTimeline last = s.get(s.size() - 1);
        long a = first.startEpochNanos();
        long b = last.endEpochNanos();
        long margin = averagingNanos + CONTEXT_INTERVALS * trace.nominalIntervalNanos();
        double floor = range(trace, a - margin, b + margin)[0];
        Edges edges = new Edges(trace, averagingNanos, floor);
        double joules = trace.energyJoules(TimeWindow.of(a + shift, b + shift));
        joules += edges.add(a, true, true) + edges.add(b, false, true);
        double unknown = 0; // Σ g · (P_hi − P_lo) over the short gaps
        for (int i = 1; i < s.size(); i++) {
            long x = s.get(i - 1).endEpochNanos();
            long y = s.get(i).startEpochNanos();
            double g = (y - x) / 1e9;
            if (y - x >= averagingNanos) {
                // the gap as a window, taken off the span
                joules -= trace.energyJoules(TimeWindow.of(x + shift, y + shift))
                        + edges.add(x, true, false)
                        + edges.add(y, false, false);
            } else {
                double high = Math.max(floor, range(trace, x, y + averagingNanos)[1]);
                joules -= g * floor;
                unknown += g * (high - floor);
            }
        }
        edges.raw = joules - edges.corrections;
        double noise = Z95 * Math.sqrt(edges.variance) + 1e-9 * Math.abs(joules);
        double e = Math.max(0, joules);
        double low = edges.raw - edges.below - noise - unknown;
        double high = edges.raw + edges.above + noise;
        return EnergyEstimate.of(e, Math.max(0, Math.min(e, low)), Math.max(e, high));
    }

    /**
     * The edges: each one's correction, and the range its smoothing can move the cell's total by. For a window's edge
     * {@code x} (the span's or a measured gap's) the readings placed {@code D/2} earlier are the power smoothed by a
     * centred boxcar of {@code D}, which moves {@code ∫ (P − P_lo) · k} across the edge, {@code k(u) = 1/2 − |u|/D}
     * within {@code D/2} of it: in from outside, out from inside. With {@code F(w)} the energy above the floor within
     * {@code w} of the edge on one side, that part is {@code (1/D) ∫₀^(D/2) F(w) dw}, and a reading whose averaging
     * {@code [t − D, t]} holds that stretch bounds {@code F(w) ≤ D · (R(t) − P_lo)} (the power being at least the
     * floor everywhere). Hence, for an edge that starts its window (the inside after it):
     *
     * <pre>
     * out ≤ ∫_x^(x + D/2) (R(t) − P_lo) dt          (t = x + w: the reading ending w after the edge)
     * in  ≤ D/2 · (R(x) − P_lo)                      (the reading ending at the edge)
     * </pre>
     *
     * and for one that ends it, {@code out ≤ ∫_(x + D/2)^(x + D) (R(t) − P_lo) dt} and {@code in ≤ D/2 · (R(x + D) −
     * P_lo)}. The window's truth lies in {@code [raw − in, raw + out]}: no assumption about the power's shape near
     * the edge (a prefill's spike, a tail decaying, a request shorter than {@code D}), and tight for a steady step,
     * {@code ΔP · D/8}. The estimate adds {@link EdgeSmoothing}'s correction, {@code ±ΔP · D/16}, the middle for a step.
     * A gap is taken off the total, so its bounds enter the other way round.
     */
    static final class Edges {
        private final PowerTrace trace;
        private final long averagingNanos;
        private final double floor;
        private final EdgeSmoothing smoothing;
        private final double intervalSeconds;
        /** The readings' own total (the estimate without the corrections), set by the caller. */
        double raw;
        /** Σ of the corrections as they enter the total. */
        double corrections;

        double below;
        double above;
        double variance;

        Edges(PowerTrace trace, long averagingNanos, double floor) {
            this.trace = trace;
            this.averagingNanos = averagingNanos;
            this.floor = floor;
            this.smoothing = new EdgeSmoothing(trace, averagingNanos);
            this.intervalSeconds = trace.nominalIntervalNanos() / 1e9;
        }

        /**
         * Adds an edge's bounds and variance and returns its correction, in J.
         *
         * @param x the edge
         * @param start whether {@code x} starts its window rather than ends it
         * @param span whether the window is the span (added) rather than a gap (taken off)
         */
        double add(long x, boolean start, boolean span) {
            double step = smoothing.stepWatts(x);
            double correction = (start ? step : -step) * averagingNanos / 1e9 / 16;
            corrections += span ? correction : -correction;
            long half = averagingNanos / 2;
            double out = start ? excessJoules(x, x + half) : excessJoules(x + half, x + averagingNanos);
            double in = half / 1e9 * Math.max(0, reading(start ? x : x + averagingNanos) - floor);
            if (span) {
                below += in;
                above += out;
            } else {
                below += out;
                above += in;
            }
            double m = Math.max(Math.abs(step), (start ? smoothing.afterWatts(x) : smoothing.beforeWatts(x)) - floor);
            variance += m * m * intervalSeconds * intervalSeconds / 12;
            return correction;
        }

        /** {@code ∫ (R(t) − P_lo) dt} over the readings' stamps {@code [from, to]}, in J, at least 0. */
        private double excessJoules(long from, long to) {
            return Math.max(0, trace.energyJoules(TimeWindow.of(from, to)) - floor * (to - from) / 1e9);
        }

        /** The reading at a stamp, interpolated linearly (the first or last reading beyond the trace). */
        private double reading(long t) {
            int k = PhasePool.lowerBound(trace, t);
            if (k <= 0) {
                return trace.wattsAt(0);
            }
            if (k >= trace.size()) {
                return trace.wattsAt(trace.size() - 1);
            }
            long t0 = trace.epochNanosAt(k - 1);
            long t1 = trace.epochNanosAt(k);
            double f = t1 == t0 ? 1 : (double) (t - t0) / (t1 - t0);
            return trace.wattsAt(k - 1) + f * (trace.wattsAt(k) - trace.wattsAt(k - 1));
        }
    }

    /**
     * The lowest and highest reading stamped in {@code [from, to]}; where none is, the readings just around that
     * stretch.
     */
    static double[] range(PowerTrace trace, long from, long to) {
        int first = PhasePool.lowerBound(trace, from);
        int last = PhasePool.lowerBound(trace, to + 1) - 1;
        if (first > last) {
            first = Math.max(0, last);
            last = Math.min(trace.size() - 1, first + 1);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = first; k <= last; k++) {
            min = Math.min(min, trace.wattsAt(k));
            max = Math.max(max, trace.wattsAt(k));
        }
        return new double[] {min, max};
    }

    /**
     * The attribution with the cell's total replaced by the span less the gaps and its decode by that total less its
     * prefill; the requests' own figures and the prefill unchanged.
     */
    static CellAttribution attribute(
            PowerTrace trace, List<RequestTimeline> requests, CellAttribution underlying, long averagingNanos) {
        EnergyEstimate total = total(trace, requests, averagingNanos);
        EnergyEstimate prefill = underlying.cell().prefill();
        EnergyEstimate decode = decode(total, prefill);
        CellEnergy cell = CellEnergy.of(underlying.requests(), prefill, decode, total);
        // The span's total reads the readings at D/2 (its edges' bounds allow the whole averaging), whatever lag the
        // requests' own figures were measured with.
        return new CellAttribution(
                NAME, underlying.requests(), underlying.excluded(), cell, ReadingPlacement.nominal(averagingNanos / 2));
    }

    /** {@code total − prefill}, its interval the extremes' difference ({@code [lo_t − hi_p, hi_t − lo_p]}), at ≥ 0. */
    static EnergyEstimate decode(EnergyEstimate total, EnergyEstimate prefill) {
        double joules = Math.max(0, total.joules() - prefill.joules());
        if (!total.hasInterval() || !prefill.hasInterval()) {
            return EnergyEstimate.withoutInterval(joules);
        }
        double low = Math.max(0, total.ci95LowJoules() - prefill.ci95HighJoules());
        double high = Math.max(0, total.ci95HighJoules() - prefill.ci95LowJoules());
        return EnergyEstimate.of(joules, Math.min(low, joules), Math.max(high, joules));
    }
}
