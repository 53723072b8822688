package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.RequestEnergies;
import io.github.tokjoule.core.power.RequestEnergy;
import io.github.tokjoule.core.power.RequestTimes;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowCoverage;
import io.github.tokjoule.core.power.WindowPower;
import io.github.tokjoule.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * The MEASURED method (DESIGN §3.3): the trace is integrated over each successful request's own windows, taken from
 * aiperf's per-request records — prefill {@code [start, start + TTFT]}, decode {@code [start + TTFT, end]}, total
 * {@code [start, end]}. Per cell, over the {@code n} successful requests whose windows the trace covers:
 *
 * <pre>
 * energy per request (prefill, decode, total) = Σ E / n                 (means of the per-request energies)
 * output tok/J  REQUEST      = Σ OSL / Σ E_total                        (ratio of sums, MLPerf Power's work per joule)
 *               DECODE_PHASE = Σ OSL / Σ E_decode     (= decode tok/J)
 *               THROUGHPUT   = tok_s / P_serving,  P_serving = Σ E_total / Σ RL
 * prefill tok/J = Σ ISL / Σ E_prefill      total tok/J = Σ (ISL + OSL) / Σ E_total
 * mJ per output token = 1000 / decode tok/J
 * prefill W = Σ E_prefill / Σ TTFT          decode W = Σ E_decode / Σ (RL − TTFT)
 * </pre>
 *
 * No window power is multiplied by a p50 latency. The per-request energies' distribution and the per-request output
 * tokens per joule ({@code OSL / E_total}) are reported beside the ratios (their p50 and p90).
 */
final class MeasuredMethod {

    private MeasuredMethod() {}

    static AnalysedCell compute(CellInputs in, AnalysisOptions options) {
        FlagThresholds th = options.thresholds();
        CellMetrics.Builder b = Rows.base(in, EnergyMethod.MEASURED);
        b.outputTokensPerSecond(Rows.nonNegative(in.outputTokensPerSecondAvg()));
        b.prefillTokensPerSecond(Rows.nonNegative(in.prefillTokensPerSecondAvg()));
        List<CellInputs.RequestRow> ok = new ArrayList<>();
        double isl = 0;
        double osl = 0;
        int withTokens = 0;
        for (CellInputs.RequestRow r : in.requests()) {
            if (r.ok()
                    && r.endEpochNanos() >= r.firstTokenEpochNanos()
                    && r.firstTokenEpochNanos() >= r.startEpochNanos()) {
                ok.add(r);
                if (Double.isFinite(r.inputTokens()) && Double.isFinite(r.outputTokens())) {
                    isl += r.inputTokens();
                    osl += r.outputTokens();
                    withTokens++;
                }
            }
        }
        double realisedIsl = withTokens > 0 ? isl / withTokens : in.inputTokensAvg();
        double realisedOsl = withTokens > 0 ? osl / withTokens : in.outputTokensAvg();
        b.realisedInputTokens(Rows.nonNegative(realisedIsl));
        b.realisedOutputTokens(Rows.nonNegative(realisedOsl));

        double windowSeconds = Double.NaN;
        double windowJoules = Double.NaN;
        Summary perRequestTokJ = Summary.empty();
        List<RequestResult> results = new ArrayList<>();
        if (in.trace().isPresent() && !ok.isEmpty()) {
            PowerTrace trace = in.trace().get();
            List<RequestTimes> times = new ArrayList<>(ok.size());
            for (CellInputs.RequestRow r : ok) {
                times.add(RequestTimes.of(r.startEpochNanos(), r.firstTokenEpochNanos(), r.endEpochNanos()));
            }
            List<RequestEnergy> energies = RequestEnergies.measure(trace, times);
            double ePre = 0;
            double eDec = 0;
            double eTot = 0;
            double tTtft = 0;
            double tDec = 0;
            double tRl = 0;
            double sumIsl = 0;
            double sumOsl = 0;
            int n = 0;
            int minPrefillSamples = Integer.MAX_VALUE;
            int minRequestSamples = Integer.MAX_VALUE;
            double[] totals = new double[ok.size()];
            double[] tokJ = new double[ok.size()];
            int k = 0;
            for (int i = 0; i < ok.size(); i++) {
                RequestEnergy e = energies.get(i);
                CellInputs.RequestRow r = ok.get(i);
                WindowCoverage total = e.totalCoverage();
                if (total.outsideTrace()
                        || !Double.isFinite(e.totalJoules())
                        || !Double.isFinite(e.prefillJoules())
                        || !Double.isFinite(e.decodeJoules())) {
                    continue;
                }
                minPrefillSamples =
                        Math.min(minPrefillSamples, e.prefillCoverage().samplesInside());
                minRequestSamples = Math.min(minRequestSamples, total.samplesInside());
                n++;
                ePre += e.prefillJoules();
                eDec += e.decodeJoules();
                eTot += e.totalJoules();
                tTtft += (r.firstTokenEpochNanos() - r.startEpochNanos()) / 1e9;
                tDec += (r.endEpochNanos() - r.firstTokenEpochNanos()) / 1e9;
                tRl += (r.endEpochNanos() - r.startEpochNanos()) / 1e9;
                double ri = Double.isFinite(r.inputTokens())
                        ? r.inputTokens()
                        : in.id().targetInputTokens();
                double ro = Double.isFinite(r.outputTokens()) ? r.outputTokens() : 0;
                sumIsl += ri;
                sumOsl += ro;
                results.add(new RequestResult(
                        r.startEpochNanos(),
                        r.firstTokenEpochNanos(),
                        r.endEpochNanos(),
                        r.inputTokens(),
                        r.outputTokens(),
                        e.prefillJoules(),
                        e.decodeJoules(),
                        e.totalJoules(),
                        e.prefillCoverage().samplesInside(),
                        total.samplesInside()));
                totals[k] = e.totalJoules();
                tokJ[k] = Rows.ratio(ro, e.totalJoules());
                k++;
            }
            if (n > 0) {
                double decodeTokJ = Rows.ratio(sumOsl, eDec);
                double serving = Rows.ratio(eTot, tRl);
                b.prefillJoulesPerRequest(ePre / n)
                        .decodeJoulesPerRequest(eDec / n)
                        .totalJoulesPerRequest(eTot / n)
                        .prefillTokensPerJoule(Rows.ratio(sumIsl, ePre))
                        .decodeTokensPerJoule(decodeTokJ)
                        .totalTokensPerJoule(Rows.ratio(sumIsl + sumOsl, eTot))
                        .millijoulesPerOutputToken(Rows.ratio(1000, decodeTokJ))
                        .prefillWatts(Rows.ratio(ePre, tTtft))
                        .decodeWatts(Rows.ratio(eDec, tDec))
                        .requestJoules(Summary.of(java.util.Arrays.copyOf(totals, k)));
                Rows.putVariant(b, OutputTokJVariant.REQUEST, Rows.ratio(sumOsl, eTot));
                Rows.putVariant(b, OutputTokJVariant.DECODE_PHASE, decodeTokJ);
                Rows.putVariant(b, OutputTokJVariant.THROUGHPUT, Rows.ratio(in.outputTokensPerSecondAvg(), serving));
                Rows.putWatts(b, SweepResult.REQUESTS_TIME_WEIGHTED_MEAN, serving);
                perRequestTokJ = Summary.of(finite(tokJ, k));
                FlagRules.prefillUndersampled(minPrefillSamples, th).ifPresent(b::addFlags);
                FlagRules.windowUndersampled(minRequestSamples, th).ifPresent(b::addFlags);
            }
            TimeWindow window = in.hasProfilingWindow()
                    ? TimeWindow.of(in.profilingStartEpochNanos(), in.profilingEndEpochNanos())
                    : requestSpan(ok);
            if (!trace.isEmpty()) {
                long first = trace.epochNanosAt(0);
                long last = trace.epochNanosAt(trace.size() - 1);
                TimeWindow span = requestSpan(ok);
                // aiperf's window first; if it is covered, the records' own span (true epoch times) must be too
                FlagRules.windowOutsideTrace(window.startEpochNanos(), window.endEpochNanos(), first, last)
                        .or(() ->
                                FlagRules.windowOutsideTrace(span.startEpochNanos(), span.endEpochNanos(), first, last))
                        .ifPresent(b::addFlags);
            }
            if (in.hasProfilingWindow()) {
                windowSeconds = window.durationSeconds();
                WindowPower twm = trace.power(window, PowerStatistic.TIME_WEIGHTED_MEAN);
                if (!twm.coverage().outsideTrace()) {
                    windowJoules = twm.watts() * windowSeconds;
                    Rows.putWatts(b, SweepResult.TIME_WEIGHTED_MEAN, twm.watts());
                    Rows.putWatts(
                            b,
                            SweepResult.SAMPLE_MEAN,
                            trace.power(window, PowerStatistic.SAMPLE_MEAN).watts());
                    Rows.putWatts(
                            b,
                            SweepResult.SAMPLE_MEDIAN,
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
        return new AnalysedCell(
                b.build(), in.directory(), windowSeconds, windowJoules, perRequestTokJ, in.logLines(), results);
    }

    private static TimeWindow requestSpan(List<CellInputs.RequestRow> ok) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (CellInputs.RequestRow r : ok) {
            start = Math.min(start, r.startEpochNanos());
            end = Math.max(end, r.endEpochNanos());
        }
        return TimeWindow.of(start, end);
    }

    private static double[] finite(double[] values, int n) {
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(values[i])) {
                out[k++] = values[i];
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
