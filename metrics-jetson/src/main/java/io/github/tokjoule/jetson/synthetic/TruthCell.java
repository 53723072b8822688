package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One cell of requests on a continuous power model whose true per-phase energies are known exactly: the ground truth
 * the join's estimators and their 95 % intervals are measured against. {@link #simulate} is deterministic.
 *
 * <h2>The power model</h2>
 *
 * Piecewise linear, built from the requests' true instants: idle between requests; prefill on {@code [start, first
 * token)} at {@code prefillWatts · f_i}; decode on {@code [first token, end)} going linearly from {@code decodeWatts ·
 * f_i} to {@code decodeWatts · f_i · (1 + decodeDrift)}; {@code f_i = 1 + requestSpread · N(0, 1)} per request. At
 * every phase edge the power moves linearly from where it was to the new phase's level over {@code rampMillis} (or
 * until the next edge). On a 100 ms grid an additive fluctuation {@code noiseFraction · decodeWatts · N(0, 1)} (a
 * quarter of it between requests) is added. True energies are exact integrals of this function ({@link
 * LinearPowerFunction}), not of any sampled trace.
 *
 * <h2>The sensor</h2>
 *
 * Sample {@code k} is at {@code start + k · period ± jitter}; its reading is the mean of the true power over the
 * trailing {@code sensorAveragingMillis} (the instantaneous value for 0), rounded to the mW.
 *
 * <h2>The requests' clock</h2>
 *
 * {@link #requests()} are the request times an estimator is handed: the true ones plus the specification's {@link
 * TruthCellSpec#requestClockOffsetNanos()} {@code ε}. The power, the trace and {@link #trueJoules} are those of the
 * true times, whatever {@code ε}.
 *
 * @since 0.2.0
 */
public final class TruthCell {

    private static final long FLUCTUATION_NANOS = 100_000_000L;
    private static final long LOG_START = 1_780_000_000_000_000_000L;
    /** Input tokens of every request and the decode time per output token, for token counts. */
    private static final double INPUT_TOKENS = 512;

    private static final double ITL_NANOS = 25e6;

    private final TruthCellSpec spec;
    private final PowerTrace trace;
    private final List<RequestTimeline> requests;
    private final List<RequestTimeline> trueRequests;
    private final double[] prefillJoules;
    private final double[] decodeJoules;

    private TruthCell(
            TruthCellSpec spec,
            PowerTrace trace,
            List<RequestTimeline> requests,
            List<RequestTimeline> trueRequests,
            double[] prefillJoules,
            double[] decodeJoules) {
        this.spec = spec;
        this.trace = trace;
        this.requests = List.copyOf(requests);
        this.trueRequests = List.copyOf(trueRequests);
        this.prefillJoules = prefillJoules;
        this.decodeJoules = decodeJoules;
    }

    /**
     * Simulates a cell.
     *
     * @param spec the specification
     * @return the cell with its sampled trace, its requests and their true energies
     */
    public static TruthCell simulate(TruthCellSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.randomSeed());
        SplittableRandom timing = root.split();
        SplittableRandom noise = root.split();
        SplittableRandom sampling = root.split();
        int n = spec.requests();
        long period = Math.round(spec.samplingPeriodMillis() * 1e6);
        double spread = spec.phaseLocked() ? 0 : spec.latencySpread();
        long[] start = new long[n];
        long[] first = new long[n];
        long[] end = new long[n];
        double[] level = new double[n];
        long cursor = LOG_START + 1_500_000_000L + timing.nextLong(period);
        for (int i = 0; i < n; i++) {
            start[i] = cursor;
            long ttft = Math.max(
                    1_000_000L, Math.round(spec.ttftMillis() * 1e6 * Math.exp(spread * timing.nextGaussian())));
            long latency = Math.max(
                    ttft + 1_000_000L,
                    Math.round(spec.latencyMillis() * 1e6 * Math.exp(spread * timing.nextGaussian())));
            first[i] = cursor + ttft;
            end[i] = cursor + latency;
            level[i] = Math.max(0.5, 1 + spec.requestSpread() * timing.nextGaussian());
            long gap = Math.round(
                    1e6 * (spec.minGapMillis() + (spec.maxGapMillis() - spec.minGapMillis()) * timing.nextDouble()));
            if (spec.phaseLocked()) {
                long minPeriod = latency + Math.round(spec.minGapMillis() * 1e6);
                gap = ((minPeriod + period - 1) / period) * period - latency;
            }
            cursor = end[i] + gap;
        }
        long logEnd = cursor + 1_500_000_000L;
        LinearPowerFunction power = power(spec, start, first, end, level, logEnd, noise);
        long averaging = Math.round(spec.sensorAveragingMillis() * 1e6);
        long jitter = Math.round(spec.jitterMillis() * 1e6);
        int count = (int) ((logEnd - LOG_START - jitter) / period) + 1;
        long[] times = new long[count];
        double[] watts = new double[count];
        for (int k = 0; k < count; k++) {
            long j = k == 0 || jitter == 0 ? 0 : sampling.nextLong(-jitter, jitter + 1);
            times[k] = LOG_START + k * period + j;
            watts[k] = Math.max(0, Math.round(power.trailingMeanWatts(times[k], averaging) * 1000)) / 1000.0;
        }
        List<RequestTimeline> timelines = new ArrayList<>(n);
        double[] prefill = new double[n];
        double[] decode = new double[n];
        for (int i = 0; i < n; i++) {
            long outputTokens = Math.max(1, Math.round((end[i] - first[i]) / ITL_NANOS));
            timelines.add(RequestTimeline.succeeded(start[i], first[i], end[i], INPUT_TOKENS, outputTokens));
            prefill[i] = power.joules(start[i], first[i]);
            decode[i] = power.joules(first[i], end[i]);
        }
        return new TruthCell(
                spec,
                PowerTrace.of(times, watts),
                shifted(timelines, spec.requestClockOffsetNanos()),
                timelines,
                prefill,
                decode);
    }

    /**
     * Returns this cell with its requests' clock offset by {@code offsetNanos} from the sensor's instead: what {@link
     * #simulate} returns for {@code spec().withRequestClockOffsetNanos(offsetNanos)}, without simulating again (the
     * offset moves no draw).
     *
     * @param offsetNanos {@code ε}, either sign
     * @return the cell: the same trace and true energies, {@link #requests()} the true times plus {@code ε}
     * @since 0.2.0
     */
    public TruthCell withRequestClockOffsetNanos(long offsetNanos) {
        return new TruthCell(
                spec.withRequestClockOffsetNanos(offsetNanos),
                trace,
                shifted(trueRequests, offsetNanos),
                trueRequests,
                prefillJoules,
                decodeJoules);
    }

    private static List<RequestTimeline> shifted(List<RequestTimeline> requests, long offsetNanos) {
        if (offsetNanos == 0) {
            return requests;
        }
        List<RequestTimeline> shifted = new ArrayList<>(requests.size());
        for (RequestTimeline r : requests) {
            shifted.add(RequestTimeline.succeeded(
                    r.startEpochNanos() + offsetNanos,
                    r.firstTokenEpochNanos() + offsetNanos,
                    r.endEpochNanos() + offsetNanos,
                    r.inputTokens(),
                    r.outputTokens()));
        }
        return shifted;
    }

    private static LinearPowerFunction power(
            TruthCellSpec spec,
            long[] start,
            long[] first,
            long[] end,
            double[] level,
            long logEnd,
            SplittableRandom noise) {
        // The base level (ramps, drift, request factors) first, then the fluctuation on its 100 ms grid.
        List<long[]> untilAndPhase = new ArrayList<>();
        List<double[]> fromTo = new ArrayList<>();
        long ramp = Math.round(spec.rampMillis() * 1e6);
        double[] current = {spec.idleWatts()};
        long[] at = {LOG_START};
        for (int i = 0; i < start.length; i++) {
            phase(untilAndPhase, fromTo, at, current, start[i], spec.idleWatts(), spec.idleWatts(), ramp, 0);
            double p = spec.prefillWatts() * level[i];
            phase(untilAndPhase, fromTo, at, current, first[i], p, p, ramp, 1);
            double d = spec.decodeWatts() * level[i];
            phase(untilAndPhase, fromTo, at, current, end[i], d, d * (1 + spec.decodeDrift()), ramp, 1);
        }
        phase(untilAndPhase, fromTo, at, current, logEnd, spec.idleWatts(), spec.idleWatts(), ramp, 0);
        int grid = (int) ((logEnd - LOG_START) / FLUCTUATION_NANOS) + 2;
        double[] eta = new double[grid];
        for (int k = 0; k < grid; k++) {
            eta[k] = noise.nextGaussian();
        }
        double sigma = spec.noiseFraction() * spec.decodeWatts();
        LinearPowerFunction.Builder b = new LinearPowerFunction.Builder(LOG_START);
        long segStart = LOG_START;
        for (int s = 0; s < untilAndPhase.size(); s++) {
            long until = untilAndPhase.get(s)[0];
            double scale = untilAndPhase.get(s)[1] == 0 ? 0.25 * sigma : sigma;
            double from = fromTo.get(s)[0];
            double to = fromTo.get(s)[1];
            long t = segStart;
            while (t < until) {
                int k = (int) ((t - LOG_START) / FLUCTUATION_NANOS);
                long next = Math.min(until, LOG_START + (k + 1) * FLUCTUATION_NANOS);
                double wa = from + (to - from) * ((double) (t - segStart) / (until - segStart));
                double wb = from + (to - from) * ((double) (next - segStart) / (until - segStart));
                double shift = scale * eta[k];
                b.append(next, Math.max(0, wa + shift), Math.max(0, wb + shift));
                t = next;
            }
            segStart = until;
        }
        return b.build();
    }

    /** Appends a phase on {@code [at, until)} whose level goes from {@code a} to {@code b}, after a ramp. */
    private static void phase(
            List<long[]> untilAndPhase,
            List<double[]> fromTo,
            long[] at,
            double[] current,
            long until,
            double a,
            double b,
            long ramp,
            long code) {
        long from = at[0];
        if (until <= from) {
            return;
        }
        long rampEnd = Math.min(until, from + ramp);
        double atRampEnd = a + (b - a) * ((double) (rampEnd - from) / (until - from));
        if (rampEnd > from) {
            untilAndPhase.add(new long[] {rampEnd, code});
            fromTo.add(new double[] {current[0], atRampEnd});
        }
        if (until > rampEnd) {
            untilAndPhase.add(new long[] {until, code});
            fromTo.add(new double[] {atRampEnd, b});
        }
        current[0] = b;
        at[0] = until;
    }

    /** {@return the specification} */
    public TruthCellSpec spec() {
        return spec;
    }

    /** {@return the sampled power trace the sensor wrote, readings at their true sample times} */
    public PowerTrace trace() {
        return trace;
    }

    /** {@return the requests as an estimator sees them, in time order: the true times plus the clock offset} */
    public List<RequestTimeline> requests() {
        return requests;
    }

    /**
     * {@return the requests at their true times, in time order: {@link #requests()} less the clock offset}
     *
     * @since 0.2.0
     */
    public List<RequestTimeline> trueRequests() {
        return trueRequests;
    }

    /**
     * Returns the true energy of one request's phase.
     *
     * @param request the request's position
     * @param phase the phase
     * @return the exact integral of the true power over the phase's window, in joules
     */
    public double trueJoules(int request, Phase phase) {
        return switch (phase) {
            case PREFILL -> prefillJoules[request];
            case DECODE -> decodeJoules[request];
            case TOTAL -> prefillJoules[request] + decodeJoules[request];
        };
    }

    /**
     * Returns the true energy of a phase summed over the cell's requests.
     *
     * @param phase the phase
     * @return Σ over requests of {@link #trueJoules(int, Phase)}
     */
    public double trueCellJoules(Phase phase) {
        double sum = 0;
        for (int i = 0; i < requests.size(); i++) {
            sum += trueJoules(i, phase);
        }
        return sum;
    }

    /**
     * Returns how many samples of the trace fall inside a phase's true windows, over all requests (the same whatever
     * the clock offset).
     *
     * @param phase the phase
     * @return Σ over requests of the samples in the closed true window
     */
    public int pooledSamples(Phase phase) {
        int count = 0;
        for (RequestTimeline r : trueRequests) {
            count += trace.coverage(r.window(phase)).samplesInside();
        }
        return count;
    }
}
