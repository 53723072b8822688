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
 * readings' trapezoid has only two edges, corrected and allowed for as in {@link EdgeSmoothing}. Each gap {@code [x,
 * y]} between consecutive requests is then taken off:
 *
 * <pre>
 * E_cell   = E_span(a, b) + c_a + c_b − Σ_gaps E_gap
 * gap with g = y − x ≥ D:  measured as a window: E(x, y) + c_x + c_y
 * gap with g &lt; D:          E_gap ∈ [g · P_lo, g · P_hi(x, y)], estimated g · P_lo
 * c_x        = EdgeSmoothing's correction of an edge: +ΔP_x · D/16 where a window starts, −ΔP_x · D/16 where it ends
 * P_lo       = the lowest reading stamped within D + 10 nominal intervals of the span
 * P_hi(x, y) = the highest reading stamped in [x, y + D] (every reading whose averaging overlaps the gap), ≥ P_lo
 * interval   = [E_cell − Σ A_x − z · σ_edges − Σ g · (P_hi − P_lo),  E_cell + Σ A_x + z · σ_edges]
 * A_x        = max(|c_x|, M_x · D/8 − |c_x|)            beside a request at least D long
 *            = |c_x| + D/2 · (R_c(x) − P_lo)              beside a shorter one
 * M_x        = max(|ΔP_x|, R_request(x) − P_lo)        R_request: the reading beside x averaging the request only
 * σ²_edges   = Σ_edges M_x² · Δ² / 12                     (Δ the nominal sampling interval)
 * </pre>
 *
 * <p><b>What the readings can and cannot tell about a short gap.</b> A mean over {@code D} lies between the lowest and
 * the highest power within it, so averaged readings bound the power from the wrong side: the lowest reading is at
 * least the lowest power, the highest at most the highest. The bounds above are therefore assumptions, stated: (1)
 * between requests the device draws no less than its floor, and the context holds a stretch of at least {@code D}
 * at that floor (the idle before or after the cell), so the lowest reading is the floor; (2) a gap is no busier than
 * the busiest {@code D}-mean around it. The edges' allowances are derived in {@code Edges}. The estimate puts each
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
        joules += edges.add(a, true, true, first.durationNanos(Phase.TOTAL))
                + edges.add(b, false, false, last.durationNanos(Phase.TOTAL));
        double unknown = 0; // Σ g · (P_hi − P_lo) over the short gaps
        for (int i = 1; i < s.size(); i++) {
            long x = s.get(i - 1).endEpochNanos();
            long y = s.get(i).startEpochNanos();
            double g = (y - x) / 1e9;
            if (y - x >= averagingNanos) {
                // the gap as a window, the requests beside it: before its start and after its end
                double gap = trace.energyJoules(TimeWindow.of(x + shift, y + shift))
                        + edges.add(x, true, false, s.get(i - 1).durationNanos(Phase.TOTAL))
                        + edges.add(y, false, true, s.get(i).durationNanos(Phase.TOTAL));
                joules -= gap;
            } else {
                double high = Math.max(floor, range(trace, x, y + averagingNanos)[1]);
                joules -= g * floor;
                unknown += g * (high - floor);
            }
        }
        double half = edges.allowance + Z95 * Math.sqrt(edges.variance) + 1e-9 * Math.abs(joules);
        double e = Math.max(0, joules);
        return EnergyEstimate.of(e, Math.max(0, Math.min(e, joules - half - unknown)), Math.max(e, joules + half));
    }

    /**
     * The edges' corrections and allowances, one edge at a time. An edge {@code x} between a request and the idle or
     * a gap beside it gets {@link EdgeSmoothing}'s correction, {@code +ΔP · D/16} at a window's start and {@code −ΔP ·
     * D/16} at its end, and an allowance that reaches the step's whole boxcar bias, {@code M · D/8} with {@code M =
     * max(|ΔP|, R_request − P_lo)} ({@code R_request} the reading beside {@code x} whose averaging lies wholly in the
     * request): the gap's power need not be steady within {@code D} of the edge (a request's tail decaying), which
     * {@code ΔP}'s reading then misses, but it is at least the floor. Where the request is shorter than {@code D}
     * that reading is not the request's level either; there the allowance is the bound that holds for any power at
     * least the floor: the bias of a symmetric kernel within {@code D} is {@code ∫ (P − P_lo) · k} with {@code |k| ≤
     * 1/2} on {@code [x − D/2, x + D/2]} and 0 elsewhere, so it is at most {@code D/2 · (R_c − P_lo)}, {@code R_c} the
     * reading centred on {@code x} (stamped {@code x + D/2}; the highest within one sampling interval of it).
     */
    private static final class Edges {
        private final PowerTrace trace;
        private final long averagingNanos;
        private final double floor;
        private final EdgeSmoothing smoothing;
        private final double seconds;
        private final double intervalSeconds;
        double allowance;
        double variance;

        Edges(PowerTrace trace, long averagingNanos, double floor) {
            this.trace = trace;
            this.averagingNanos = averagingNanos;
            this.floor = floor;
            this.smoothing = new EdgeSmoothing(trace, averagingNanos);
            this.seconds = averagingNanos / 1e9;
            this.intervalSeconds = trace.nominalIntervalNanos() / 1e9;
        }

        /**
         * Adds an edge's allowance and variance and returns its correction, in J.
         *
         * @param x the edge
         * @param start whether {@code x} starts its window (the span or a gap) rather than ends it
         * @param requestAfter whether the request beside {@code x} lies after it rather than before
         * @param requestNanos the duration of the request beside the edge
         */
        double add(long x, boolean start, boolean requestAfter, long requestNanos) {
            double step = smoothing.stepWatts(x);
            double correction = (start ? step : -step) * seconds / 16;
            double beside = requestAfter ? smoothing.afterWatts(x) : smoothing.beforeWatts(x);
            double m = Math.max(Math.abs(step), beside - floor);
            double c = Math.abs(correction);
            if (requestNanos >= averagingNanos) {
                // the bias lies between 0 and M · D/8 in the step's direction; the estimate took c of it
                allowance += Math.max(c, m * seconds / 8 - c);
            } else {
                // the bias lies within ± D/2 · (R_c − P_lo), of either sign
                long centre = x + averagingNanos / 2;
                long interval = trace.nominalIntervalNanos();
                double centred = range(trace, centre - interval, centre + interval)[1];
                allowance += c + seconds / 2 * Math.max(0, centred - floor);
                m = Math.max(m, centred - floor);
            }
            variance += m * m * intervalSeconds * intervalSeconds / 12;
            return correction;
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
        return new CellAttribution(NAME, underlying.requests(), underlying.excluded(), cell);
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
