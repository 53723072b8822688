package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one phase of every request of a cell, pooled on the request-relative axis {@code u = (t − a) / (b −
 * a)} of each request's window {@code [a, b]}, and the phase's mean power with its 95 % interval.
 *
 * <p>Model: every request of a cell repeats one workload, so the phase's power profile over {@code u} is shared, and
 * the sampler falls at an independent relative position of each request. Two estimates of the profile's mean: the
 * plain mean of the readings (unbiased for independent positions; standard error from their spread) and the
 * equivalent-time reconstruction, the trapezoid through the readings in {@code u} order, flat beyond the first and
 * the last (it follows a ramp at an edge; standard error from successive differences times {@code √Σ w²}). The one
 * with the smaller standard error is taken, except that the reconstruction is taken whenever the positions are not
 * uniform ({@link #nearLocked}: Kolmogorov's test at 95 %), where the plain mean is biased toward the band the
 * readings crowd into (a near-locked sampler; one reading on a phase's start ramp then counts as much as one on its
 * plateau). Half width of the interval:
 *
 * <pre>
 * half = 0.6 · ( √((t₀.₉₇₅,ₙ₋₁ · SE)² + (0.05 % · mean)² + (plain − reconstruction)²)
 *              + ½ · (u_first · step_in + (1 − u_last) · range) )
 *        + gap term
 * step_in = 0.75 · max(range, |mean − level before the phase|)     (range without a level before)
 * ramp side = 0.1 · u_first · |mean − level before the phase|     (0 without a level before)
 * </pre>
 *
 * <p>Decode's own interval takes the square root's sampling term at 0.7 ({@link #DECODE_SAMPLING_SCALE}) instead of
 * 0.6: decode's error is sampling noise, which the common scale under-weights on a flat, fluctuating decode.
 *
 * <p>The end terms bound a ramp hidden in the unsampled stretches at the phase's two ends: at the start, the ramp climbs
 * from the level before the phase, which the readings' own range does not show when none fell on it. Such a ramp
 * pulls the phase's mean toward that level only, so the phase's own interval reaches a further ramp side there
 * ({@link #phaseLowWatts}, {@link #phaseHighWatts}; {@link #RAMP_SIDE}); the symmetric part stays, because a request
 * clock running early or late against the readings moves the estimate either way. The total's interval is combined
 * from the phases' symmetric parts: each figure's interval is calibrated on its own coverage, and the total's holds
 * without it (docs/ANALYSIS.md §11, "Round 9", "Round 10"). The gap term
 * is the widest gap beyond what {@code n} uniform positions would leave times the range (and beyond twice that, times
 * the range of every reading around the cell: a sampler locked to the request period). The two constants 0.6 ({@link
 * #SCALE}) and 0.75 ({@link #STEP_IN}) were chosen on the calibration seed sets of {@code EstimatorAccuracy}
 * (metrics-jetson tests: coverage ≥ 95 % for every figure there) and are reported on an independent hold-out seed
 * set (docs/ANALYSIS.md §11). With fewer than {@link #MIN_SAMPLES} samples the phase is unresolved: the interval
 * spans every reading around the cell's requests.
 */
final class PhasePool {

    /** Fewest pooled samples for which the phase's profile counts as resolved. */
    static final int MIN_SAMPLES = 3;
    /** Relative half width that no interval goes below: the model's own error. */
    static final double FLOOR = 0.0005;
    /**
     * Scale of the sampling and edge terms, chosen on the calibration seeds of {@code EstimatorAccuracy} (metrics-jetson
     * tests) as the smallest of 0.5–1 keeping every figure's coverage ≥ 95 % there; the hold-out seeds report it.
     */
    static final double SCALE = 0.6;
    /** Share of the step from the level before the phase that the unsampled start may hide (a ramp), chosen alike. */
    static final double STEP_IN = 0.75;
    /**
     * The phase's further reach toward the level before it, per unit of the unsampled start {@code u_first} and of
     * the step {@code |mean − before|}: a linear ramp hidden in {@code [0, u_first]} moves the phase's mean by up to
     * {@code ½ · u_first · step}, the symmetric start term allows {@code 0.6 · ½ · 0.75 = 0.225} of that, and this
     * brings the ramp's side to {@code 0.325}. Chosen on round 9's twenty calibration sweeps (20 × 198 cells of {@code
     * EstimatorAccuracy}, metrics-jetson tests) as the smallest of 0.05, 0.1, 0.2, 0.3 keeping every figure's coverage
     * ≥ 95 % there and the coverage of the figures the analysis leaves unflagged ≥ 90 % in 19 of the 20 sweeps.
     * Adopted in round 10 on two fresh draws of twenty sweeps each: there the unflagged prefill intervals hold the truth
     * in ≥ 90 % of cells in 40 of 40 sweeps (15 of 40 without it), at a median prefill interval 6–8 % wider where
     * prefill holds ≥ 3 or ≥ 6 pooled samples; no estimate moves (docs/ANALYSIS.md §11, "Round 10").
     */
    static final double RAMP_SIDE = 0.1;
    /**
     * The scale of decode's sampling term {@code √((t · SE)² + (0.05 % · mean)² + (plain − reconstruction)²)} in
     * decode's own interval, where {@link #SCALE} scales it in the total's: decode's error is sampling noise, which
     * {@code SCALE}, chosen with the bias allowances on a grid whose decode has ramps and drift, under-weights on a flat,
     * fluctuating decode (the demo sweep: 87–93 % covered on thirteen seeds). Chosen in round 10 on the twenty
     * calibration sweeps and thirteen demo sweeps as the one of 0.65, 0.7, 0.75, 0.8 whose larger distance of decode's
     * coverage from 95 % over the two is smallest (96.9 % and 93.0 %), and held on twelve fresh demo sweeps (90.9–94.5 %)
     * at a decode width 13 % wider on the truth grid (docs/ANALYSIS.md §11, "Round 10").
     */
    static final double DECODE_SAMPLING_SCALE = 0.7;
    /** Kolmogorov's asymptotic 95 % critical value, √(−ln(0.025) / 2): the near-locked test's threshold. */
    static final double KOLMOGOROV_95 = 1.3581;

    private final double meanWatts;
    private final double lowWatts;
    private final double highWatts;
    private final int samples;
    private final double residualWatts;
    /** The ramp side in W: positive toward a higher level before the phase, negative toward a lower one. */
    private final double rampSideWatts;
    /** How much further the phase's own interval reaches on both sides than the symmetric part (W, not negative). */
    private final double phaseExtraWatts;

    private PhasePool(double meanWatts, double lowWatts, double highWatts, int samples, double residualWatts) {
        this(meanWatts, lowWatts, highWatts, samples, residualWatts, 0, 0);
    }

    private PhasePool(
            double meanWatts,
            double lowWatts,
            double highWatts,
            int samples,
            double residualWatts,
            double rampSideWatts,
            double phaseExtraWatts) {
        this.meanWatts = meanWatts;
        this.lowWatts = lowWatts;
        this.highWatts = highWatts;
        this.samples = samples;
        this.residualWatts = residualWatts;
        this.rampSideWatts = rampSideWatts;
        this.phaseExtraWatts = phaseExtraWatts;
    }

    /**
     * Pools a phase.
     *
     * @param trace the trace
     * @param shiftNanos how far a reading's effective time lies before its stamp (half the sensor's averaging)
     * @param windows the phase's window of every attributed request
     * @param fallbackWatts the estimate when no sample falls in any window
     * @param priorLowWatts the lowest plausible power (lowest reading in the cell's requests)
     * @param priorHighWatts the highest plausible power
     * @param beforeWatts the power level before the phase starts (NaN if unknown: the readings' range stands in, and
     *     there is no ramp side)
     * @param samplingScale the scale of the sampling term in the phase's own interval, at least {@link #SCALE}
     *     ({@link #SCALE} for prefill, {@link #DECODE_SAMPLING_SCALE} for decode); the symmetric part, which the total
     *     combines, keeps {@link #SCALE}
     */
    static PhasePool of(
            PowerTrace trace,
            long shiftNanos,
            List<TimeWindow> windows,
            double fallbackWatts,
            double priorLowWatts,
            double priorHighWatts,
            double beforeWatts,
            double samplingScale) {
        int capacity = 0;
        for (TimeWindow w : windows) {
            capacity += Math.max(0, count(trace, w, shiftNanos));
        }
        double[] u = new double[capacity];
        double[] y = new double[capacity];
        int n = 0;
        for (TimeWindow w : windows) {
            long a = w.startEpochNanos();
            double length = w.endEpochNanos() - a;
            if (length <= 0) {
                continue;
            }
            for (int k = lowerBound(trace, a + shiftNanos); k < trace.size(); k++) {
                long t = trace.epochNanosAt(k) - shiftNanos;
                if (t > w.endEpochNanos()) {
                    break;
                }
                u[n] = (t - a) / length;
                y[n] = trace.wattsAt(k);
                n++;
            }
        }
        return fromPoints(
                Arrays.copyOf(u, n),
                Arrays.copyOf(y, n),
                fallbackWatts,
                priorLowWatts,
                priorHighWatts,
                beforeWatts,
                samplingScale);
    }

    static PhasePool fromPoints(
            double[] u,
            double[] y,
            double fallbackWatts,
            double priorLowWatts,
            double priorHighWatts,
            double beforeWatts,
            double samplingScale) {
        int n = u.length;
        if (n < MIN_SAMPLES) {
            if (n == 0) {
                // Not one reading inside any window: nothing bounds the phase's power but the trace's scale.
                return new PhasePool(fallbackWatts, 0, 2 * Math.max(priorHighWatts, fallbackWatts), 0, Double.NaN);
            }
            double mean = mean(y);
            return new PhasePool(mean, Math.min(priorLowWatts, mean), Math.max(priorHighWatts, mean), n, Double.NaN);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(u[p], u[q]));
        // Equivalent-time reconstruction: the trapezoid through the readings in u order, flat beyond the first and
        // last; weight k is half the stretch between its neighbours.
        double mean = 0;
        double weights = 0;
        double squares = 0;
        double widest = Math.max(u[order[0]], 1 - u[order[n - 1]]);
        double min = y[0];
        double max = y[0];
        for (int i = 0; i < n; i++) {
            double left = i == 0 ? u[order[0]] : 0.5 * (u[order[i]] - u[order[i - 1]]);
            double right = i == n - 1 ? 1 - u[order[n - 1]] : 0.5 * (u[order[i + 1]] - u[order[i]]);
            double w = left + right;
            mean += w * y[order[i]];
            weights += w * w;
            if (i > 0) {
                double d = y[order[i]] - y[order[i - 1]];
                squares += d * d;
                widest = Math.max(widest, u[order[i]] - u[order[i - 1]]);
            }
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
        }
        double residual = Math.sqrt(squares / (2.0 * (n - 1)));
        double plain = mean(y);
        double spread = 0;
        for (double v : y) {
            spread += (v - plain) * (v - plain);
        }
        // The plain mean has the smaller variance on a flat profile, the reconstruction on a shaped one (a ramp):
        // take the one whose estimated variance is smaller, unless the positions are not uniform (a near-locked
        // sampler): then the plain mean is biased toward the band the readings crowd into, whatever its variance.
        double standardError = residual * Math.sqrt(weights);
        double plainError = Math.sqrt(spread / (n - 1) / n);
        double disagreement = Math.abs(plain - mean);
        if (plainError < standardError && !nearLocked(u, order)) {
            mean = plain;
            standardError = plainError;
        }
        double t = StudentT.quantile975(n - 1);
        double expectedWidest = harmonic(n + 1) / (n + 1);
        // A gap twice as wide as uniform positions leave (a sampler locked to the request period) may hide anything
        // the cell's readings span.
        double gapTerm = Math.max(0, widest - expectedWidest) * (max - min)
                + Math.max(0, widest - 2 * expectedWidest) * Math.max(0, priorHighWatts - priorLowWatts);
        // A ramp after the phase's start edge climbs from the level before it: an unsampled start may hide part of
        // that step, which the readings' own range does not show when none of them fell on the ramp.
        double stepIn =
                Double.isNaN(beforeWatts) ? max - min : STEP_IN * Math.max(max - min, Math.abs(mean - beforeWatts));
        double edgeTerm = 0.5 * (u[order[0]] * stepIn + (1 - u[order[n - 1]]) * (max - min));
        double sampling =
                Math.sqrt(Math.pow(t * standardError, 2) + Math.pow(FLOOR * mean, 2) + disagreement * disagreement);
        double half = SCALE * (sampling + edgeTerm) + gapTerm;
        double rampSide = Double.isNaN(beforeWatts) ? 0 : RAMP_SIDE * u[order[0]] * (beforeWatts - mean);
        double extra = Math.max(0, samplingScale - SCALE) * sampling;
        return new PhasePool(mean, Math.max(0, mean - half), mean + half, n, residual, rampSide, extra);
    }

    /**
     * Whether the pooled positions reject uniformity on {@code [0, 1]}: Kolmogorov's statistic {@code D = max_i
     * max(i / n − u_(i), u_(i) − (i − 1) / n)} over the sorted positions above its asymptotic 95 % critical value
     * {@code 1.358 / √n} (√(−ln(0.025) / 2) = 1.3581). A sampler whose period is within a few ms of the request
     * period random-walks over a narrow band of each request and fails this test; independent positions pass it 95 %
     * of the time. No constant here was tuned.
     */
    static boolean nearLocked(double[] u, Integer[] order) {
        int n = order.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double v = u[order[i]];
            d = Math.max(d, Math.max((i + 1.0) / n - v, v - (double) i / n));
        }
        return d > KOLMOGOROV_95 / Math.sqrt(n);
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int i = 1; i <= n; i++) {
            h += 1.0 / i;
        }
        return h;
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    private static int count(PowerTrace trace, TimeWindow w, long shiftNanos) {
        return lowerBound(trace, w.endEpochNanos() + shiftNanos + 1)
                - lowerBound(trace, w.startEpochNanos() + shiftNanos);
    }

    /** The first sample at or after {@code t}. */
    static int lowerBound(PowerTrace trace, long t) {
        int lo = 0;
        int hi = trace.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.epochNanosAt(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    double meanWatts() {
        return meanWatts;
    }

    double lowWatts() {
        return lowWatts;
    }

    double highWatts() {
        return highWatts;
    }

    /**
     * The phase's own lower bound: {@link #lowWatts} less decode's further sampling allowance ({@link
     * #DECODE_SAMPLING_SCALE}; none for prefill) and less the ramp side where the level before lies lower.
     */
    double phaseLowWatts() {
        return Math.max(0, lowWatts - phaseExtraWatts + Math.min(0, rampSideWatts));
    }

    /**
     * The phase's own upper bound: {@link #highWatts} plus decode's further sampling allowance and plus the ramp side
     * where the level before lies higher.
     */
    double phaseHighWatts() {
        return highWatts + phaseExtraWatts + Math.max(0, rampSideWatts);
    }

    int samples() {
        return samples;
    }

    boolean resolved() {
        return samples >= MIN_SAMPLES;
    }

    /** The spread of one reading around the shared profile (NaN when unresolved). */
    double residualWatts() {
        return residualWatts;
    }
}
