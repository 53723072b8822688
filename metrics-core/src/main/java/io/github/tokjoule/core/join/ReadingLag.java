package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The readings' lag measured from the readings at the requests' known edges ({@link EnergyEstimators#automatic(long,
 * long)}), for a sensor whose placement is declared only within a range {@code [L0 − U, L0 + U]} ({@code L0 = D/2}).
 *
 * <p><b>Why.</b> A sampler and a driver that refresh at the same period (nvidia-smi's 100 ms lines against the H100's
 * 100 ms refresh) are locked in phase: a reading's staleness is one constant per run, anywhere in the refresh period,
 * not a spread that {@code D/2} averages over. Every request of a cell is then misplaced alike and the error adds
 * linearly over the cell. But the requests' edges are known times where the power steps, and with some 40 edges at
 * random phases against the sampler the readings bracket the lag.
 *
 * <p><b>The estimate.</b> For an edge {@code x} the readings stamped in {@code [x + lo, x + hi]} ({@code lo = L0 − U},
 * {@code hi = L0 + U}; {@code lo < 0} where {@code U > L0}: a request clock offset, see {@link ReadingPlacement}) are
 * ambiguous: a reading stamped {@code t} shows the power before the edge if the lag
 * {@code L > t − x}, after it if {@code L < t − x}. The levels are the nearest readings outside that zone, {@code P⁻}
 * (last stamped before {@code x + lo}) and {@code P⁺} (first stamped after {@code x + hi}). For a lag {@code L} each
 * ambiguous reading {@code w} costs its distance from the level {@code L} says it shows, in steps:
 *
 * <pre>
 * cost(L) = Σ_edges Σ_ambiguous  (L &lt; t − x ? |w − P⁺| : |w − P⁻|) / |P⁺ − P⁻|
 * plausible = { L ∈ [lo, hi] : cost(L) ≤ min cost + TOLERANCE }   (TOLERANCE = 1: one reading wholly misread)
 * L̂ = (min plausible + max plausible) / 2,   u = (max plausible − min plausible) / 2
 * </pre>
 *
 * {@code cost} is a step function with a break at each {@code t − x}, so the minimum and the plausible set are found
 * exactly in {@code O(m log m)} for {@code m} ambiguous readings. A reading on a ramp or one that arrived late costs
 * part of a step either way; the tolerance lets one reading be wholly wrong before the bracket narrows past it.
 *
 * <p><b>Which edges.</b> An edge is used where (1) both level readings exist, (2) no other edge of the cell lies
 * where either level reading's power could come from ({@code (t⁻ − hi, t⁺ − lo)}, so a short gap's two edges are
 * both left out), (3) the step is at least {@value #MIN_STEP_NOISE} × the readings' noise (the median change between
 * neighbouring readings over the cell) and {@value #MIN_STEP_SHARE} of their range, and (4) at least one reading is
 * ambiguous. <b>Fallback</b> (the nominal {@code L0} with the whole {@code U} as the
 * allowance, and the reason): fewer than {@value #MIN_EDGES} such edges, or a plausible set that reaches {@code lo}
 * or {@code hi} (the lag may lie outside the declared range; the declared range is then all there is).
 */
final class ReadingLag {

    /** The fewest usable edges that identify the lag. */
    static final int MIN_EDGES = 8;

    /** The smallest step used, in multiples of the readings' noise (the median change between neighbours). */
    static final double MIN_STEP_NOISE = 4;

    /** The smallest step used, as a share of the readings' range over the cell. */
    static final double MIN_STEP_SHARE = 0.02;

    /** How far above the minimum a lag's cost may lie and still be plausible, in readings wholly misread. */
    static final double TOLERANCE = 1.0;

    private ReadingLag() {}

    /**
     * The placement of the trace's readings for the cell's requests: nominal where {@code uncertaintyNanos} is 0,
     * else estimated or, with its reason, the fallback.
     */
    static ReadingPlacement estimate(
            PowerTrace trace, List<RequestTimeline> requests, long nominalNanos, long uncertaintyNanos) {
        if (uncertaintyNanos == 0) {
            return ReadingPlacement.nominal(nominalNanos);
        }
        // below 0 where U > D/2: the requests' clock may run ahead of the readings' (ReadingPlacement)
        long lo = nominalNanos - uncertaintyNanos;
        long hi = nominalNanos + uncertaintyNanos;
        long[] edges = new long[2 * requests.size()];
        int n = 0;
        for (RequestTimeline r : requests) {
            if (r.succeeded()) {
                edges[n++] = r.startEpochNanos();
                edges[n++] = r.endEpochNanos();
            }
        }
        edges = Arrays.copyOf(edges, n);
        Arrays.sort(edges);
        if (n == 0 || trace.size() < 2) {
            return ReadingPlacement.fallback(
                    nominalNanos, uncertaintyNanos, 0, "no request edges within a trace of two readings or more");
        }
        double threshold = threshold(trace, edges[0] + lo, edges[n - 1] + hi);
        double[] at = new double[0];
        double[] before = new double[0];
        double[] after = new double[0];
        int m = 0;
        int used = 0;
        for (int e = 0; e < n; e++) {
            long x = edges[e];
            int iLo = PhasePool.lowerBound(trace, x + lo) - 1;
            int iHi = PhasePool.lowerBound(trace, x + hi + 1);
            if (iLo < 0 || iHi >= trace.size() || iHi - iLo < 2) {
                continue;
            }
            boolean isolated = (e == 0 || edges[e - 1] <= trace.epochNanosAt(iLo) - hi)
                    && (e == n - 1 || edges[e + 1] >= trace.epochNanosAt(iHi) - lo)
                    && (e == 0 || edges[e - 1] != x)
                    && (e == n - 1 || edges[e + 1] != x);
            double low = trace.wattsAt(iLo);
            double step = trace.wattsAt(iHi) - low;
            if (!isolated || Math.abs(step) < threshold || step == 0) {
                continue;
            }
            used++;
            int k = iHi - iLo - 1;
            if (m + k > at.length) {
                int size = Math.max(2 * at.length, m + k + 16);
                at = Arrays.copyOf(at, size);
                before = Arrays.copyOf(before, size);
                after = Arrays.copyOf(after, size);
            }
            for (int i = iLo + 1; i < iHi; i++, m++) {
                double w = trace.wattsAt(i);
                at[m] = trace.epochNanosAt(i) - x;
                before[m] = Math.abs(w - low) / Math.abs(step);
                after[m] = Math.abs(w - low - step) / Math.abs(step);
            }
        }
        if (used < MIN_EDGES) {
            return ReadingPlacement.fallback(
                    nominalNanos,
                    uncertaintyNanos,
                    used,
                    String.format(
                            Locale.ROOT,
                            "%d of %d request edges are isolated with a step of at least %.1f W (%d needed to"
                                    + " measure the lag)",
                            used,
                            n,
                            threshold,
                            MIN_EDGES));
        }
        return bracket(Arrays.copyOf(at, m), before, after, lo, hi, nominalNanos, uncertaintyNanos, used);
    }

    /** The plausible set of lags from the ambiguous readings' break points and costs (see the class comment). */
    static ReadingPlacement bracket(
            double[] at,
            double[] before,
            double[] after,
            long lo,
            long hi,
            long nominalNanos,
            long uncertaintyNanos,
            int edges) {
        int m = at.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(at[a], at[b]));
        // cost on [lo, at₁), [at₁, at₂), …, [at_m, hi]: below every break point each reading is read as after
        double[] cost = new double[m + 1];
        double c = 0;
        for (int i = 0; i < m; i++) {
            c += after[i];
        }
        cost[0] = c;
        for (int j = 0; j < m; j++) {
            int i = order[j];
            c += before[i] - after[i];
            cost[j + 1] = c;
        }
        double min = Arrays.stream(cost).min().orElseThrow();
        int first = -1;
        int last = -1;
        for (int j = 0; j <= m; j++) {
            if (cost[j] <= min + TOLERANCE) {
                first = first < 0 ? j : first;
                last = j;
            }
        }
        if (first == 0 || last == m) {
            return ReadingPlacement.fallback(
                    nominalNanos,
                    uncertaintyNanos,
                    edges,
                    String.format(
                            Locale.ROOT,
                            "the readings at %d request edges place the lag at the end of the declared range"
                                    + " [%.0f, %.0f] ms: it may lie beyond it",
                            edges,
                            lo / 1e6,
                            hi / 1e6));
        }
        double from = at[order[first - 1]];
        double to = at[order[last]];
        long lag = Math.round((from + to) / 2);
        long half = (long) Math.ceil((to - from) / 2);
        return ReadingPlacement.estimated(lag, half, edges);
    }

    /**
     * The smallest step an edge must show, in W: {@value #MIN_STEP_NOISE} × the median change between neighbouring
     * readings stamped within {@code [from, to]} (the readings' noise; edges are few among them), and at least
     * {@value #MIN_STEP_SHARE} of their range.
     */
    static double threshold(PowerTrace trace, long from, long to) {
        int a = Math.max(0, PhasePool.lowerBound(trace, from) - 1);
        int b = Math.min(trace.size() - 1, PhasePool.lowerBound(trace, to + 1));
        if (b <= a) {
            return 0;
        }
        double[] changes = new double[b - a];
        double min = trace.wattsAt(a);
        double max = min;
        for (int k = a + 1; k <= b; k++) {
            changes[k - a - 1] = Math.abs(trace.wattsAt(k) - trace.wattsAt(k - 1));
            min = Math.min(min, trace.wattsAt(k));
            max = Math.max(max, trace.wattsAt(k));
        }
        Arrays.sort(changes);
        return Math.max(MIN_STEP_NOISE * changes[changes.length / 2], MIN_STEP_SHARE * (max - min));
    }

    /**
     * How far the power moves near an edge {@code x}, in W, for the placement's allowance: the range (highest less
     * lowest) of the readings whose effective time, {@code lag ± allowance} before their stamps, may lie within one
     * nominal interval of {@code x}, and of the nearest reading either side of them. A lag wrong by {@code δ}
     * integrates a window {@code [a, b]} as {@code [a + δ, b + δ]}, off by {@code ∫_b^(b+δ) P − ∫_a^(a+δ) P}, at most
     * {@code |δ|} times the power's range near each edge: the range, not the step between the levels either side,
     * because a prefill's spike right after a start is what a misplaced start loses.
     */
    static double rangeNearWatts(PowerTrace trace, long x, ReadingPlacement placement) {
        long reach = placement.allowanceNanos() + trace.nominalIntervalNanos();
        int a = Math.max(0, PhasePool.lowerBound(trace, x + placement.lagNanos() - reach) - 1);
        int b = Math.min(trace.size() - 1, PhasePool.lowerBound(trace, x + placement.lagNanos() + reach + 1));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = a; k <= b; k++) {
            min = Math.min(min, trace.wattsAt(k));
            max = Math.max(max, trace.wattsAt(k));
        }
        return b < a ? 0 : max - min;
    }
}
