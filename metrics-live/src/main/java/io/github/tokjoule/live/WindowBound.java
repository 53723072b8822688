package io.github.tokjoule.live;

import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.power.WindowCoverage;

/**
 * The 95 % interval of one window's energy, from the samples around it (see {@link LiveMeter} for the model).
 *
 * <p>The error of the trapezoid energy has three parts, taken as independent: the two edges and the bends inside.
 * At an edge {@code x}, a change of the power of at most {@code Rx} may lie anywhere within the sampling interval
 * around it, {@code Δx}, and the reading that saw it may reflect any time within the sensor delay {@code D}: the
 * trapezoid puts the change in the middle, so its error is that of two uniform positions, variance {@code Rx² · (Δx² +
 * D²) / 12}. Inside, a bend or step between two samples moves the trapezoid by at most {@code bᵢ}, at a uniform
 * position, variance {@code bᵢ² / 3}:
 *
 * <pre>
 * estimate   = E + (ΔPa − ΔPb) · D / 16
 * half width = 1.96 · √(σ²(a) + σ²(b) + Σ bᵢ² / 3) + (Ra + Rb) · D / 16 + 10⁻⁹ · E
 * σ²(x)      = Rx² · (Δx² + D²) / 12
 * Δx         = the spacing of the two samples around x
 * Rx         = max − min of the readings stamped within [x − D/2 − Δx, x + D/2 + Δx] and the two around x
 * bᵢ         = (tᵢ₊₁ − tᵢ) / 2 · max(|cᵢ|, |cᵢ₊₁|)      for every sampling interval wholly inside the window
 * cₖ         = (slope(k, k+1) − slope(k−1, k)) · (tₖ₊₁ − tₖ₋₁) / 2      (the readings' second difference, in W)
 * ΔPx        = (first reading stamped at or after x + D) − (last reading stamped at or before x)      (x the edge)
 * </pre>
 *
 * The edges' smoothing is not random: a reading that averages the last {@code D} turns a step {@code ΔP} at an edge
 * into a ramp of length {@code D} centred on it (after the shift by {@code D / 2}), and the window keeps only the
 * ramp's inner half, up to {@code |ΔP| · D / 8} short of the step (or over it, for a dip), in the step's direction,
 * at both edges alike. As for a group (core's {@code EdgeSmoothing}, {@link
 * io.github.tokjoule.core.join.EnergyEstimators#automatic(long)}) the estimate takes the middle of that range, {@code
 * (ΔPa − ΔPb) · D / 16}, and the interval allows for the rest, {@code (Ra + Rb) · D / 16} added linearly, with the
 * edge's range {@code Rx ≥ |ΔPx|} (the readings around a single window may not show a steady level either side).
 * Measured against exact truth (docs/LIVE.md): with the edges in quadrature alone nvidia-smi's one-second mean held
 * the energy in 78–84 % of windows; with {@code (Ra + Rb) · D / 8} allowed and no correction (round 4) in all, at a
 * median half width of 13.2–13.8 %; with the correction (round 5) in all, at 11.7–12.2 % and a median error 12–13 J
 * instead of 19–21 J.
 *
 * <p>The interval is then clipped to {@code [d · Pmin, d · Pmax]}, the window's length times the lowest and highest
 * reading around it, and to 0. For an energy counter the interior is exact (the counter counts it) and only the edges
 * count, with {@code D = 0} and the interval means as readings, without the clip. An extrapolated window has no
 * interval: nothing was read there. The last term is the prefix sums' rounding. A window of a power trace with fewer
 * than {@value #MIN_INSIDE} samples inside is unresolved: its interval spans the readings of {@value
 * #CONTEXT_INTERVALS} nominal intervals either side ({@code [d · Pmin, d · Pmax]}; {@code [0, 2 · d · Pmax]} with no
 * sample inside), since the readings at its edges cannot bound what happened between them.
 */
final class WindowBound {

    /** The prefix sums' rounding, relative. */
    private static final double ROUNDING = 1e-9;

    private static final double NANOS_PER_SECOND = 1e9;

    /** Fewest samples inside a window for the formula; fewer leave the window unresolved. */
    static final int MIN_INSIDE = 3;

    /** How many nominal intervals either side of an unresolved window its context spans. */
    static final long CONTEXT_INTERVALS = 10;

    /** The normal distribution's 97.5 % quantile. */
    private static final double Z95 = 1.959964;

    private WindowBound() {}

    /**
     * Returns the energy with its interval.
     *
     * @param joules the trace's energy over {@code [a, b]}
     * @param coverage its coverage
     * @param t the sample times around the window (from two before {@code a} to two after {@code b}, as retained)
     * @param w the rail's readings at those times
     * @param a the window's start, on the trace's time stamps (already shifted by {@code D / 2})
     * @param b the window's end, likewise
     * @param delayNanos the sensor delay {@code D}
     * @param counter whether the rail is an energy counter
     */
    static EnergyEstimate estimate(
            double joules,
            WindowCoverage coverage,
            long[] t,
            double[] w,
            long a,
            long b,
            long delayNanos,
            boolean counter) {
        if (Double.isNaN(joules)) {
            return EnergyEstimate.unmeasured();
        }
        double e = Math.max(0, joules);
        if (coverage.extrapolated() || t.length < 2 || a < t[0] || b > t[t.length - 1]) {
            return EnergyEstimate.withoutInterval(e);
        }
        long delay = counter ? 0 : delayNanos;
        if (!counter && coverage.samplesInside() < MIN_INSIDE) {
            return unresolved(e, t, w, a, b, delay, coverage);
        }
        double ra = edgeRange(t, w, a, delay);
        double rb = edgeRange(t, w, b, delay);
        double variance = edgeVariance(spacing(t, a), ra, delay) + edgeVariance(spacing(t, b), rb, delay);
        double smoothing = 0;
        if (!counter) {
            variance += interior(t, w, a, b) / 3;
            // Not random: a reading that averages the last D seconds turns a step at each edge into a ramp of
            // length D, and a window that ends on both ramps' middles misses (or gains) up to ΔP·D/8 at each edge,
            // in the step's direction. As core's EdgeSmoothing: the middle, ΔP·D/16, corrected; the rest allowed
            // for with the edge's range R ≥ |ΔP|.
            if (delay > 0) {
                double correction = (step(t, w, a, delay) - step(t, w, b, delay)) * delay / NANOS_PER_SECOND / 16;
                e = Math.max(0, e + correction);
            }
            smoothing = (ra + rb) * delay / NANOS_PER_SECOND / 16;
        }
        double half = Z95 * Math.sqrt(variance) + smoothing + ROUNDING * e;
        double low = e - half;
        double high = e + half;
        if (!counter && delay <= spacing(t, a)) {
            // Readings that average over more than a sampling interval are smoothed: a short burst inside the
            // window can exceed every one of them, so they bound the window's power only when D is short.
            double seconds = (b - a) / NANOS_PER_SECOND;
            double[] range = range(t, w, a - delay / 2 - spacing(t, a), b + delay / 2 + spacing(t, b));
            low = Math.max(low, seconds * range[0]);
            high = Math.min(high, seconds * range[1]);
        }
        return EnergyEstimate.of(e, Math.max(0, Math.min(low, e)), Math.max(high, e));
    }

    /**
     * A window with fewer than {@link #MIN_INSIDE} samples: the readings around it do not bound what happened inside
     * (a request between two tegrastats lines leaves both at idle power). As for core's pooled estimator with too few
     * samples, the interval spans the readings of the context, {@link #CONTEXT_INTERVALS} nominal intervals either
     * side: {@code [d · Pmin, d · Pmax]} with one or two samples inside, {@code [0, 2 · d · Pmax]} with none.
     */
    private static EnergyEstimate unresolved(
            double e, long[] t, double[] w, long a, long b, long delay, WindowCoverage coverage) {
        long margin = CONTEXT_INTERVALS * coverage.nominalIntervalNanos() + delay;
        double[] range = range(t, w, a - margin, b + margin);
        double seconds = (b - a) / NANOS_PER_SECOND;
        double low = coverage.samplesInside() == 0 ? 0 : seconds * range[0];
        double high = (coverage.samplesInside() == 0 ? 2 : 1) * seconds * range[1];
        return EnergyEstimate.of(e, Math.max(0, Math.min(low, e)), Math.max(high, e));
    }

    /**
     * {@code ΔP} at the edge whose window bound (on the stamps, shifted by {@code D/2}) is {@code x}: the first reading
     * stamped at or after the edge plus {@code D} less the last stamped at or before the edge, as core's {@code
     * EdgeSmoothing} reads it (the edge is {@code x − D/2}).
     */
    private static double step(long[] t, double[] w, long x, long delay) {
        long edge = x - delay / 2;
        int after = t.length - 1;
        for (int k = 0; k < t.length; k++) {
            if (t[k] >= edge + delay) {
                after = k;
                break;
            }
        }
        int before = 0;
        for (int k = t.length - 1; k >= 0; k--) {
            if (t[k] <= edge) {
                before = k;
                break;
            }
        }
        return w[after] - w[before];
    }

    /** The index {@code j} of the sample at or before {@code x} with {@code t[j] < t[j + 1]} covering it. */
    private static int straddle(long[] t, long x) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(t.length - 2, Math.max(0, lo - 1));
    }

    private static long spacing(long[] t, long x) {
        int j = straddle(t, x);
        return t[j + 1] - t[j];
    }

    /** {@code Rx} in W: the spread of the readings that may show a change at the edge {@code x}. */
    private static double edgeRange(long[] t, double[] w, long x, long delay) {
        int j = straddle(t, x);
        long spacing = t[j + 1] - t[j];
        double[] range = range(t, w, x - delay / 2 - spacing, x + delay / 2 + spacing);
        range[0] = Math.min(range[0], Math.min(w[j], w[j + 1]));
        range[1] = Math.max(range[1], Math.max(w[j], w[j + 1]));
        return range[1] - range[0];
    }

    /** {@code σ²(x)} in J², for the edge's spacing {@code Δx} and spread {@code Rx}. */
    private static double edgeVariance(long spacing, double r, long delay) {
        double seconds2 = ((double) spacing * spacing + (double) delay * delay) / (NANOS_PER_SECOND * NANOS_PER_SECOND);
        return r * r * seconds2 / 12;
    }

    /** The lowest and highest reading stamped in {@code [from, to]} (infinities if none). */
    private static double[] range(long[] t, double[] w, long from, long to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < t.length; k++) {
            if (t[k] >= from && t[k] <= to) {
                min = Math.min(min, w[k]);
                max = Math.max(max, w[k]);
            }
        }
        return new double[] {min, max};
    }

    /** Σ bᵢ² in J² over the sampling intervals wholly inside {@code [a, b]} whose both ends have neighbours. */
    private static double interior(long[] t, double[] w, long a, long b) {
        double sum = 0;
        for (int i = 1; i + 2 < t.length; i++) {
            if (t[i] < a || t[i + 1] > b) {
                continue;
            }
            double c = Math.max(Math.abs(bend(t, w, i)), Math.abs(bend(t, w, i + 1)));
            double bi = (t[i + 1] - t[i]) / 2.0 / NANOS_PER_SECOND * c;
            sum += bi * bi;
        }
        return sum;
    }

    /** {@code cₖ}: the change of slope at sample {@code k} times the mean spacing around it, in watts. */
    private static double bend(long[] t, double[] w, int k) {
        double right = (w[k + 1] - w[k]) / (t[k + 1] - t[k]);
        double left = (w[k] - w[k - 1]) / (t[k] - t[k - 1]);
        return (right - left) * (t[k + 1] - t[k - 1]) / 2.0;
    }
}
