package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;

/**
 * The run-window estimate, for runs whose summary is all there is (no per-request records, as in the seed's published
 * data sets): the trace's energy over the run's window, less the idle time's, shared by the requests, and split into
 * prefill and decode by the mean timings. Named {@link #NAME}.
 *
 * <pre>
 * T = window length            E_run = trapezoid energy of the trace over the window      P̄ = E_run / T
 * D_p = n · TTFT,  D_d = n · (latency − TTFT),  busy = D_p + D_d,  idle = max(0, T − busy)
 * E_total   = E_run − idle · P_min                  (idle between requests at the lowest reading of the window)
 * E_prefill = E_total · D_p / busy                  E_decode = E_total · D_d / busy   (one mean request power)
 * </pre>
 *
 * 95 % intervals (all clipped at 0): the total's adds, to its idle range {@code [E_run − idle · P̄, E_run − idle ·
 * P_min]}, the sampling error of the run's mean power, {@code T · t₀.₉₇₅,ₘ₋₁ · sd / √m} over the {@code m} readings
 * inside the window, and the unsampled stretches at the window's ends times half the readings' range. The split's
 * model error: prefill's own power is not observed, so prefill spans {@code [0.5 · P_min, P_max] · D_p} (the
 * readings' extremes, the lower one halved for a ramp from idle; widened to hold the estimate, capped by the total's
 * upper bound); decode is the total less prefill, its interval the total's less prefill's, within {@code [P_min,
 * P_max] · D_d}. With a mean timing replaced by a median (a summary without means) the split
 * carries that error too, unbounded here: the caller records which it gave.
 *
 * <p>Degenerate cases: a window not inside the trace, or holding fewer than 2 readings, gives no estimate (every
 * energy NaN): the run's power is not measured.
 *
 * @since 0.2.0
 */
public final class RunWindowEstimator {

    /** The estimator's name as cells record it. */
    public static final String NAME = "RUN_WINDOW";

    /**
     * Share of the lowest reading that bounds prefill's mean power from below: a short prefill ramping up from idle
     * may average below any reading of a run sampled only in its busy parts. Chosen on the calibration seeds of
     * {@code RunWindowAccuracyTest} (metrics-jetson tests), 0.5 of {0.5, 1}; reported on the hold-out seeds.
     */
    static final double PREFILL_LOW_SHARE = 0.5;

    private RunWindowEstimator() {}

    /**
     * Estimates a run's energy per phase from its window.
     *
     * @param trace the power trace
     * @param run the run's summary
     * @return sums over the run's {@code n} requests (tokens {@code n ×} the means, durations {@code n ×} the
     *     timings) with their intervals; {@link CellEnergy#none()}'s energies (NaN) with the counts when the window is
     *     not measured
     */
    public static CellEnergy estimate(PowerTrace trace, RunSummary run) {
        return estimate(trace, run, 0);
    }

    /**
     * Estimates a run's energy per phase from its window, for a trace whose readings average the sensor's last {@code
     * sensorAveragingNanos} ({@code D}: a dense {@code hwmon.csv}'s recorded sensor delay), as the join's estimators
     * do ({@link EnergyEstimators#automatic(long)}): the window is read {@code D/2} later on the readings' stamps (its
     * readings, its energy and its sampling term), the run's two outer edges are corrected for the averaging's
     * smoothing, {@code (ΔP_start − ΔP_end) · D/16} (the first request rises from idle at the window's start, the
     * last falls back at its end; {@code ΔP} as {@code EdgeSmoothing} reads it), and the total's interval reaches as
     * far as the boxcar's smoothing can move the readings' energy at those edges whatever the power's shape near them
     * (the bounds of the span less the gaps, {@link EnergyEstimators#automatic(long)}: out of the window at most
     * {@code ∫} of the readings above the floor over {@code D/2} inside each edge, in at most {@code D/2} times the
     * reading that ends at the edge above the floor); its upper end takes the idle time at the
     * floor, the lowest reading within {@code D} plus 10 nominal intervals of the window, rather than at the
     * window's lowest reading (an average over {@code D} does not fall to the floor in a gap shorter than {@code D}).
     * Prefill and decode follow the total as before. {@code D = 0} is {@link #estimate(PowerTrace, RunSummary)},
     * figure for figure.
     *
     * @param trace the power trace
     * @param run the run's summary
     * @param sensorAveragingNanos the sensor's averaging window {@code D}, 0 for instantaneous readings
     * @return as {@link #estimate(PowerTrace, RunSummary)}
     * @throws IllegalArgumentException if {@code sensorAveragingNanos} is negative
     * @since 0.2.0
     */
    public static CellEnergy estimate(PowerTrace trace, RunSummary run, long sensorAveragingNanos) {
        if (sensorAveragingNanos < 0) {
            throw new IllegalArgumentException("sensorAveragingNanos must not be negative: " + sensorAveragingNanos);
        }
        int n = run.requests();
        long prefillNanos = Math.round(n * run.ttftNanos());
        long decodeNanos = Math.round(n * (run.latencyNanos() - run.ttftNanos()));
        double in = n * run.inputTokensMean();
        double out = n * run.outputTokensMean();
        TimeWindow w = PooledEstimator.shifted(run.window(), sensorAveragingNanos / 2);
        int first = PhasePool.lowerBound(trace, w.startEpochNanos());
        int end = PhasePool.lowerBound(trace, w.endEpochNanos() + 1);
        int m = end - first;
        if (trace.isEmpty()
                || m < 2
                || w.startEpochNanos() < trace.epochNanosAt(0)
                || w.endEpochNanos() > trace.epochNanosAt(trace.size() - 1)) {
            EnergyEstimate none = EnergyEstimate.unmeasured();
            return new CellEnergy(n, in, out, prefillNanos, decodeNanos, none, none, none);
        }
        double seconds = w.durationSeconds();
        double runJoules = trace.energyJoules(w);
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = first; k < end; k++) {
            double y = trace.wattsAt(k);
            mean += y;
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        mean /= m;
        double squares = 0;
        for (int k = first; k < end; k++) {
            squares += Math.pow(trace.wattsAt(k) - mean, 2);
        }
        double t = StudentT.quantile975(m - 1);
        double unsampled =
                (trace.epochNanosAt(first) - w.startEpochNanos() + w.endEpochNanos() - trace.epochNanosAt(end - 1))
                        / 1e9;
        double sampling = seconds * t * Math.sqrt(squares / (m - 1) / m) + 0.5 * unsampled * (max - min);

        double busySeconds = (prefillNanos + decodeNanos) / 1e9;
        double idleSeconds = Math.max(0, seconds - busySeconds);
        double meanWatts = runJoules / seconds;
        double correction = 0;
        double below = 0;
        double above = 0;
        double floor = min;
        if (sensorAveragingNanos > 0) {
            // the run's two outer edges, corrected as EdgeSmoothing does and bounded as the span less the gaps
            // bounds its own (SpanLessGaps.Edges: whatever the power's shape near them, above the floor)
            long margin = sensorAveragingNanos + SpanLessGaps.CONTEXT_INTERVALS * trace.nominalIntervalNanos();
            floor = Math.min(
                    min, SpanLessGaps.range(trace, w.startEpochNanos() - margin, w.endEpochNanos() + margin)[0]);
            SpanLessGaps.Edges edges = new SpanLessGaps.Edges(trace, sensorAveragingNanos, floor);
            correction = edges.add(run.window().startEpochNanos(), true, true)
                    + edges.add(run.window().endEpochNanos(), false, true);
            double noise = 1.959964 * Math.sqrt(edges.variance);
            below = edges.below + noise;
            above = edges.above + noise;
        }
        double joules = runJoules + correction;
        double total = Math.max(0, joules - idleSeconds * min);
        double totalLow = Math.max(0, runJoules - idleSeconds * Math.max(min, meanWatts) - sampling - below);
        double totalHigh = Math.max(total, runJoules - idleSeconds * floor + above) + sampling;

        double share = prefillNanos / 1e9 / busySeconds;
        double prefill = total * share;
        double decode = total - prefill;
        double prefillLow = Math.min(prefill, PREFILL_LOW_SHARE * min * prefillNanos / 1e9);
        double prefillHigh = Math.max(prefill, Math.min(totalHigh, max * prefillNanos / 1e9));
        double decodeLow = Math.min(decode, Math.max(Math.max(0, totalLow - prefillHigh), min * decodeNanos / 1e9));
        double decodeHigh = Math.max(decode, Math.min(totalHigh - prefillLow, max * decodeNanos / 1e9));
        return new CellEnergy(
                n,
                in,
                out,
                prefillNanos,
                decodeNanos,
                EnergyEstimate.of(prefill, prefillLow, prefillHigh),
                EnergyEstimate.of(decode, decodeLow, decodeHigh),
                EnergyEstimate.of(total, Math.min(total, totalLow), totalHigh));
    }
}
