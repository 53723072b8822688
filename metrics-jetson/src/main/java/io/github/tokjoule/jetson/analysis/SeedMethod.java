package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.EnergyBreakdown;
import io.github.tokjoule.core.energy.PhaseInputs;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.power.PowerSample;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SEED_COMPATIBLE method: the seed's published arithmetic (corrected script, docs/reference/seed-methodology.md §2.7; report
 * appendix J), so that its numbers can be reproduced.
 *
 * <ol>
 *   <li>Samples: the chosen rail's printed value of every tegrastats line at its <em>printed</em> stamp (whole
 *       seconds, resolved in the sweep's zone — the seed used the analyzing machine's zone), not at reconstructed
 *       times.
 *   <li>Window: aiperf's {@code start_time}..{@code end_time}, both ends included. No sample in it: the seed skipped
 *       the cell silently; we keep it, flagged {@code WINDOW_OUTSIDE_TRACE}, without energies.
 *   <li>Powers ({@link SeedPowers}): {@code P} = median of the window's samples ("avg_power_W"); {@code P_prefill},
 *       {@code P_decode} = medians of the samples classified by the jsonl's {@code [start, ack]} / {@code (ack,
 *       end]} windows, or by its timeline reconstruction when either class is empty.
 *   <li>Latencies and tokens: aiperf's p50s — TTFT, RL, ISL, OSL, {@code output_token_throughput_per_user}, {@code
 *       prefill_throughput_per_user} (the corrected script reads {@code .p50}).
 *   <li>Energies ({@link EnergyBreakdown}): {@code prefill_J = P_prefill · TTFT_p50}, {@code decode_J = P_decode ·
 *       (RL_p50 − TTFT_p50)} (the leaderboard's {@code decode_ms}), {@code total_J = prefill_J + decode_J}; output
 *       tok/J DECODE_PHASE {@code = OSL / decode_J} (the published per-cell values), REQUEST {@code = OSL / (P ·
 *       RL_p50)} (report J.3, Tables 7 and 15), THROUGHPUT {@code = tok_s / P} (its README and 7W rows).
 *   <li>Flags: the seed's prefill rule {@code TTFT_p50 < 500 ms} (its "prefill approximate"), windows with fewer than
 *       2 samples, and the same length, error, thermal and zone flags as MEASURED.
 * </ol>
 */
final class SeedMethod {

    private SeedMethod() {}

    static AnalyzedCell compute(CellInputs in, AnalysisOptions options) {
        FlagThresholds th = options.thresholds();
        CellMetrics.Builder b = Rows.base(in, EnergyMethod.SEED_COMPATIBLE);
        double tokensPerSecond = in.outputTokensPerSecond(Stat.P50);
        b.outputTokensPerSecond(Rows.nonNegative(tokensPerSecond));
        b.prefillTokensPerSecond(Rows.nonNegative(in.prefillTokensPerSecond(Stat.P50)));
        double islP50 = in.inputTokens(Stat.P50);
        double oslP50 = in.outputTokens(Stat.P50);
        double isl = Double.isFinite(islP50) ? islP50 : in.inputTokens(Stat.AVG);
        double osl = Double.isFinite(oslP50) ? oslP50 : in.outputTokens(Stat.AVG);
        b.realisedInputTokens(Rows.nonNegative(isl));
        b.realisedOutputTokens(Rows.nonNegative(osl));
        double ttftP50 = in.ttftMillis().p50();
        if (Double.isFinite(ttftP50) && ttftP50 >= 0) {
            FlagRules.prefillBelowSeedRule(ttftP50, th).ifPresent(b::addFlags);
        }
        double windowSeconds = Double.NaN;
        PowerLog power = in.power();
        List<PowerSample> stamped = power.stamped();
        if (in.profilingWindow().isPresent()
                && !stamped.isEmpty()
                && power.problem().isEmpty()) {
            TimeWindow window = in.profilingWindow().get();
            double t0 = window.startEpochNanos() / 1e9;
            double t1 = window.endEpochNanos() / 1e9;
            windowSeconds = t1 - t0;
            double[] ep = new double[stamped.size()];
            double[] watts = new double[stamped.size()];
            for (int i = 0; i < ep.length; i++) {
                ep[i] = stamped.get(i).epochNanos() / 1e9;
                watts[i] = stamped.get(i).watts();
            }
            // the seed classifies samples by the records' [start, ack] and (ack, end]: successful records with an ack
            List<RequestRecord> acknowledged = new ArrayList<>();
            for (RequestRecord r : in.records()) {
                if (!r.isError() && r.requestAckEpochNanos().isPresent()) {
                    acknowledged.add(r);
                }
            }
            double[] start = new double[acknowledged.size()];
            double[] ack = new double[acknowledged.size()];
            double[] end = new double[acknowledged.size()];
            for (int i = 0; i < acknowledged.size(); i++) {
                RequestRecord r = acknowledged.get(i);
                start[i] = r.requestStartEpochNanos().getAsLong() / 1e9;
                ack[i] = r.requestAckEpochNanos().getAsLong() / 1e9;
                end[i] = r.requestEndEpochNanos().getAsLong() / 1e9;
            }
            OptionalLong successful = in.summary().requestCount();
            SeedPowers.Result p = SeedPowers.compute(
                    ep,
                    watts,
                    t0,
                    t1,
                    start,
                    ack,
                    end,
                    ttftP50 / 1000,
                    in.requestLatencyMillis().p50() / 1000,
                    successful.isPresent() ? successful.getAsLong() : Double.NaN);
            if (p.windowSamples() == 0) {
                long first = stamped.get(0).epochNanos();
                long last = stamped.get(stamped.size() - 1).epochNanos();
                b.addFlags(FlagRules.windowOutsideTrace(
                                window.startEpochNanos(),
                                window.endEpochNanos(),
                                Math.min(first, last),
                                Math.max(first, last))
                        .orElseGet(() -> Flag.of(
                                AccuracyFlag.WINDOW_OUTSIDE_TRACE,
                                Map.of(),
                                "no tegrastats stamp falls inside aiperf's window (the seed skipped such cells)")));
            } else {
                FlagRules.windowUndersampled(p.windowSamples(), th).ifPresent(b::addFlags);
                Rows.putWatts(b, PowerStatistic.SAMPLE_MEDIAN, p.windowWatts());
                Rows.putWatts(b, PowerStatistic.SAMPLE_MEAN, mean(ep, watts, t0, t1));
                b.prefillWatts(Rows.nonNegative(p.prefillWatts())).decodeWatts(Rows.nonNegative(p.decodeWatts()));
                breakdown(in, isl, osl, tokensPerSecond, p).ifPresent(b::energy);
            }
        }
        Rows.commonFlags(b, in, isl, osl, th);
        Rows.thermal(b, in, th);
        return new AnalyzedCell(
                b.build(),
                in.directory(),
                windowSeconds,
                Double.NaN,
                Summary.empty(),
                power.lines(),
                Optional.empty(),
                power.source());
    }

    private static java.util.Optional<EnergyBreakdown> breakdown(
            CellInputs in, double isl, double osl, double tokensPerSecond, SeedPowers.Result p) {
        double ttft = in.ttftMillis().p50() / 1000;
        double rl = in.requestLatencyMillis().p50() / 1000;
        try {
            PhaseInputs inputs = PhaseInputs.of(isl, osl, ttft, rl, p.windowWatts())
                    .withPhaseWatts(p.prefillWatts(), p.decodeWatts())
                    .withOutputTokensPerSecond(Double.isFinite(tokensPerSecond) ? tokensPerSecond : Double.NaN);
            return java.util.Optional.of(EnergyBreakdown.of(inputs));
        } catch (IllegalArgumentException e) {
            // missing or inconsistent p50s (RL < TTFT, no power): the seed would crash or print NaN; no energies
            return java.util.Optional.empty();
        }
    }

    private static double mean(double[] ep, double[] watts, double t0, double t1) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < ep.length; i++) {
            if (t0 <= ep[i] && ep[i] <= t1) {
                sum += watts[i];
                n++;
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }
}
