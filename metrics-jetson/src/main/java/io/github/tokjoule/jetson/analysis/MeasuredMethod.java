package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.energy.TokenEnergy;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.join.RunSummary;
import io.github.tokjoule.core.join.RunWindowEstimator;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowCoverage;
import io.github.tokjoule.core.power.WindowPower;
import io.github.tokjoule.core.stats.Summary;
import java.util.List;
import java.util.Optional;

/**
 * The MEASURED method (ARCHITECTURE.md "The join"): the cell's requests, as aiperf's records give them
 * ({@link io.github.tokjoule.aiperf.RequestRecord#timeline()}), are attributed by the options' {@link
 * io.github.tokjoule.core.join.EnergyEstimator} (by default {@link
 * io.github.tokjoule.core.join.EnergyEstimators#automatic()}, which picks per cell: the trace integrated over each
 * request's own windows, prefill {@code [start, first token]}, decode {@code [first token, end]}, where every window
 * is densely sampled, else the pooled estimator), and the row is read off the join's {@link CellEnergy}, with the
 * estimator's name ({@link CellMetrics#estimator()}) and its 95 % intervals ({@link CellMetrics#ci95ByMetric()}).
 * Where the trace is a dense {@code hwmon.csv} ({@link DenseTrace}) that records a sensor delay {@code D}, the
 * estimator is the options' one for that delay ({@link
 * io.github.tokjoule.core.join.EnergyEstimator#withSensorAveragingNanos}: readings placed {@code D/2} earlier, the
 * edges' smoothing corrected and allowed for); an estimator of the caller's own that does not model it is used as is:
 *
 *
 * <pre>
 * energy per request (prefill, decode, total) = Σ E / n                 (n attributed requests)
 * output tok/J  REQUEST      = Σ OSL / Σ E_total                        (ratio of sums, MLPerf Power's work per joule)
 *               DECODE_PHASE = Σ OSL / Σ E_decode     (= decode tok/J)
 *               THROUGHPUT   = tok_s / P_serving,  P_serving = Σ E_total / Σ RL
 * prefill tok/J = Σ ISL / Σ E_prefill      total tok/J = Σ (ISL + OSL) / Σ E_total
 * mJ per output token = 1000 / decode tok/J
 * prefill W = Σ E_prefill / Σ TTFT          decode W = Σ E_decode / Σ (RL − TTFT)
 * </pre>
 *
 * Requests the estimator excludes (failed, tokens unknown, wholly or partly outside the trace) are in no sum: the
 * cell's {@link CellAttribution} lists them with their reasons. No window power is multiplied by a p50 latency. The
 * distribution of the per-request output tokens per joule ({@code OSL / E_total}) is reported beside the ratios.
 *
 * <p>A cell without per-request records (a summary only, as in the seed's published data sets) gets the same row
 * from {@link RunWindowEstimator} instead: the trace's energy over aiperf's run window less its idle time, shared by
 * the successful requests and split by the mean timings ({@link RunWindowInputs}); the estimator is recorded as
 * {@code RUN_WINDOW} and the cell flagged {@code RUN_WINDOW_ESTIMATE}. {@link SweepAnalysis} fails such a cell, naming
 * the fields, when its summary lacks what the estimate needs.
 *
 * <p>The undersampling flags are statements about the cell's 95 % intervals, not sample counts ({@link
 * io.github.tokjoule.core.flags.FlagThresholds}): {@code PREFILL_UNDERSAMPLED} where prefill energy's is wider than
 * ±10 %, {@code WINDOW_UNDERSAMPLED} where the total's or decode's is wider than ±4 %.
 */
final class MeasuredMethod {

    private MeasuredMethod() {}

    static AnalyzedCell compute(CellInputs in, AnalysisOptions options) {
        FlagThresholds th = options.thresholds();
        CellMetrics.Builder b = Rows.base(in, EnergyMethod.MEASURED);
        double tokensPerSecond = in.outputTokensPerSecond(Stat.AVG);
        b.outputTokensPerSecond(Rows.nonNegative(tokensPerSecond));
        b.prefillTokensPerSecond(Rows.nonNegative(in.prefillTokensPerSecond(Stat.AVG)));
        List<RequestTimeline> requests = in.timelines();
        double realisedIsl = realised(requests, true, in.inputTokens(Stat.AVG));
        double realisedOsl = realised(requests, false, in.outputTokens(Stat.AVG));
        b.realisedInputTokens(Rows.nonNegative(realisedIsl));
        b.realisedOutputTokens(Rows.nonNegative(realisedOsl));

        double windowSeconds = Double.NaN;
        double windowJoules = Double.NaN;
        Summary perRequestTokJ = Summary.empty();
        Optional<CellAttribution> attribution = Optional.empty();
        boolean anySucceeded = requests.stream().anyMatch(RequestTimeline::succeeded);
        Optional<RunSummary> run = requests.isEmpty() ? RunWindowInputs.summary(in) : Optional.empty();
        if (in.power().trace().isPresent() && (anySucceeded || run.isPresent())) {
            PowerTrace trace = in.power().trace().get();
            if (anySucceeded) {
                // A dense hwmon trace's readings average the chip's last D: the estimator places them D/2 earlier
                // and carries the edges' smoothing; tegrastats' D is 0, and its estimator is the options' own. A
                // declared request clock uncertainty U widens the placement to D/2 ± U.
                long delay = in.power().sensorDelayNanos();
                long clock = options.requestClockUncertaintyNanos();
                // withReadingPlacement(D, 0) is withSensorAveragingNanos(D), for the caller's estimators too
                EnergyEstimator estimator = delay == 0 && clock == 0
                        ? options.estimator()
                        : options.estimator().withReadingPlacement(delay, clock);
                CellAttribution a = estimator.attribute(trace, requests);
                attribution = Optional.of(a);
                b.estimator(a.estimator());
                CellEnergy cell = a.cell();
                if (cell.requests() > 0) {
                    putEnergies(b, cell, tokensPerSecond, th);
                    b.requestJoules(Summary.of(a.requests().stream()
                            .mapToDouble(r -> r.total().joules())
                            .toArray()));
                    perRequestTokJ = Summary.of(a.requests().stream()
                            .map(AttributedRequest::outputTokensPerJoule)
                            .mapToDouble(t -> t.tokensPerJoule())
                            .filter(Double::isFinite)
                            .toArray());
                }
            } else {
                // no per-request records, only the summary: the run window's energy, shared and split; a dense
                // trace's readings are placed D/2 earlier and the run's two edges carry the averaging's smoothing
                RunSummary r = run.orElseThrow();
                CellEnergy cell =
                        RunWindowEstimator.estimate(trace, r, in.power().sensorDelayNanos());
                b.estimator(RunWindowEstimator.NAME);
                b.addFlags(FlagRules.runWindowEstimate(r.requests(), r.window().durationSeconds()));
                if (Double.isFinite(cell.total().joules())) {
                    putEnergies(b, cell, tokensPerSecond, th);
                }
            }
            // with records, from the first request's start to the last one's end; without, the run window stands in
            TimeWindow span =
                    anySucceeded ? requestSpan(requests) : in.profilingWindow().orElseThrow();
            TimeWindow window = in.profilingWindow().orElse(span);
            if (!trace.isEmpty()) {
                long first = trace.epochNanosAt(0);
                long last = trace.epochNanosAt(trace.size() - 1);
                // aiperf's window first; if it is covered, the records' own span (true epoch times) must be too
                FlagRules.windowOutsideTrace(window.startEpochNanos(), window.endEpochNanos(), first, last)
                        .or(() ->
                                FlagRules.windowOutsideTrace(span.startEpochNanos(), span.endEpochNanos(), first, last))
                        .ifPresent(b::addFlags);
            }
            if (in.profilingWindow().isPresent()) {
                windowSeconds = window.durationSeconds();
                WindowPower twm = trace.power(window, PowerStatistic.TIME_WEIGHTED_MEAN);
                if (!twm.coverage().outsideTrace()) {
                    windowJoules = twm.watts() * windowSeconds;
                    Rows.putWatts(b, PowerStatistic.TIME_WEIGHTED_MEAN, twm.watts());
                    Rows.putWatts(
                            b,
                            PowerStatistic.SAMPLE_MEAN,
                            trace.power(window, PowerStatistic.SAMPLE_MEAN).watts());
                    Rows.putWatts(
                            b,
                            PowerStatistic.SAMPLE_MEDIAN,
                            trace.power(window, PowerStatistic.SAMPLE_MEDIAN).watts());
                    WindowCoverage c = twm.coverage();
                    if (c.nominalIntervalNanos() > 0) {
                        FlagRules.sampleGap(c.largestGapNanos() / 1e9, c.nominalIntervalNanos() / 1e9, th)
                                .ifPresent(b::addFlags);
                    }
                }
            }
        }
        Rows.commonFlags(b, in, realisedIsl, realisedOsl, th);
        Rows.thermal(b, in, th);
        return new AnalyzedCell(
                b.build(),
                in.directory(),
                windowSeconds,
                windowJoules,
                perRequestTokJ,
                in.power().lines(),
                attribution,
                in.power().source());
    }

    /** The row's energies, tok/J, watts and their intervals read off the cell's sums; the interval flags. */
    private static void putEnergies(CellMetrics.Builder b, CellEnergy cell, double tokensPerSecond, FlagThresholds th) {
        CellIntervals.put(b, cell);
        double decodeTokJ = cell.decodeTokensPerJoule().tokensPerJoule();
        double serving = cell.meanWatts(Phase.TOTAL);
        b.prefillJoulesPerRequest(cell.joulesPerRequest(Phase.PREFILL).joules())
                .decodeJoulesPerRequest(cell.joulesPerRequest(Phase.DECODE).joules())
                .totalJoulesPerRequest(cell.joulesPerRequest(Phase.TOTAL).joules())
                .prefillTokensPerJoule(
                        Rows.nonNegative(cell.prefillTokensPerJoule().tokensPerJoule()))
                .decodeTokensPerJoule(Rows.nonNegative(decodeTokJ))
                .totalTokensPerJoule(Rows.nonNegative(cell.totalTokensPerJoule().tokensPerJoule()))
                .millijoulesPerOutputToken(millijoulesPerOutputToken(decodeTokJ))
                .prefillWatts(Rows.nonNegative(cell.meanWatts(Phase.PREFILL)))
                .decodeWatts(Rows.nonNegative(cell.meanWatts(Phase.DECODE)));
        Rows.putVariant(
                b, OutputTokJVariant.REQUEST, cell.outputTokensPerJoule().tokensPerJoule());
        Rows.putVariant(b, OutputTokJVariant.DECODE_PHASE, decodeTokJ);
        Rows.putVariant(b, OutputTokJVariant.THROUGHPUT, throughput(tokensPerSecond, serving));
        if (Double.isFinite(serving) && serving >= 0) {
            b.servingWatts(serving);
        }
        // statements about the intervals, not sample counts: pooling resolves short phases and short requests, and a
        // near-locked sampler leaves part of every request unobserved however many readings each holds
        FlagRules.prefillUncertain(cell.prefill(), th).ifPresent(b::addFlags);
        FlagRules.energyUncertain(cell.total(), cell.decode(), th).ifPresent(b::addFlags);
    }

    /** {@link TokenEnergy}'s throughput tok/J where it accepts the inputs; NaN (no figure) otherwise. */
    private static double throughput(double tokensPerSecond, double watts) {
        return tokensPerSecond >= 0 && Double.isFinite(tokensPerSecond) && watts > 0 && Double.isFinite(watts)
                ? TokenEnergy.throughputOutputTokensPerJoule(tokensPerSecond, watts)
                : Double.NaN;
    }

    /** {@link TokenEnergy}'s mJ per output token where decode tok/J is a positive number; NaN otherwise. */
    private static double millijoulesPerOutputToken(double decodeTokensPerJoule) {
        return decodeTokensPerJoule > 0 && Double.isFinite(decodeTokensPerJoule)
                ? TokenEnergy.millijoulesPerOutputToken(decodeTokensPerJoule)
                : Double.NaN;
    }

    /**
     * The mean input or output length over the successful requests whose counts are both known, else aiperf's
     * summary average.
     */
    private static double realised(List<RequestTimeline> requests, boolean input, double summaryAverage) {
        double sum = 0;
        int n = 0;
        for (RequestTimeline r : requests) {
            if (r.succeeded() && r.tokensKnown()) {
                sum += input ? r.inputTokens() : r.outputTokens();
                n++;
            }
        }
        return n > 0 ? sum / n : summaryAverage;
    }

    /** From the first successful request's start to the last one's end. */
    private static TimeWindow requestSpan(List<RequestTimeline> requests) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (RequestTimeline r : requests) {
            if (r.succeeded()) {
                start = Math.min(start, r.startEpochNanos());
                end = Math.max(end, r.endEpochNanos());
            }
        }
        return TimeWindow.of(start, end);
    }
}
