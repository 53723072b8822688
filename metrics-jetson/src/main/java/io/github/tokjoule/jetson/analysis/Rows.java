package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.thermal.ThermalSample;
import io.github.tokjoule.core.thermal.ThermalSummary;
import java.util.List;
import java.util.Map;

/** What both methods do the same way: the row's identity and latencies, the non-energy flags, the thermal summary. */
final class Rows {

    private Rows() {}

    static CellMetrics.Builder base(CellInputs in, EnergyMethod method) {
        CellMetrics.Builder b = CellMetrics.builder();
        b.id(in.id())
                .method(method)
                .requestCount(in.requestCount())
                .errorCount(Math.min(in.errorCount(), in.requestCount()))
                .ttftMillis(in.ttftMillis())
                .interTokenLatencyMillis(in.interTokenLatencyMillis())
                .requestLatencyMillis(in.requestLatencyMillis());
        if (!in.power().rail().isEmpty()) {
            b.rail(in.power().rail());
        }
        return b;
    }

    /** {@code v} if finite and not negative, else NaN: a row never holds a negative or infinite number. */
    static double nonNegative(double v) {
        return v >= 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    static void putVariant(CellMetrics.Builder b, OutputTokJVariant variant, double value) {
        if (Double.isFinite(value) && value >= 0) {
            b.putOutputTokensPerJouleByVariant(variant, value);
        }
    }

    static void putWatts(CellMetrics.Builder b, PowerStatistic statistic, double value) {
        if (Double.isFinite(value) && value >= 0) {
            b.putWattsByStatistic(statistic, value);
        }
    }

    /** Length mismatches, request errors, the power source, reconstructed stamps, and the reader's flags. */
    static void commonFlags(
            CellMetrics.Builder b, CellInputs in, double realisedIsl, double realisedOsl, FlagThresholds th) {
        if (Double.isFinite(realisedOsl) && realisedOsl >= 0) {
            FlagRules.outputLengthMismatch(realisedOsl, in.id().targetOutputTokens(), th)
                    .ifPresent(b::addFlags);
        }
        if (Double.isFinite(realisedIsl) && realisedIsl >= 0) {
            FlagRules.inputLengthMismatch(realisedIsl, in.id().targetInputTokens(), th)
                    .ifPresent(b::addFlags);
        }
        if (in.requestCount() > 0) {
            FlagRules.requestErrors(Math.min(in.errorCount(), in.requestCount()), in.requestCount(), th)
                    .ifPresent(b::addFlags);
        }
        PowerLog power = in.power();
        if (power.problem().isPresent()) {
            String problem = power.problem().get();
            if (power.availableRails().isEmpty()) {
                b.addFlags(Flag.of(AccuracyFlag.RAIL_MISSING, Map.of(), problem));
            } else {
                b.addFlags(FlagRules.railMissing(power.rail(), power.availableRails())
                        .orElseGet(() -> Flag.of(AccuracyFlag.RAIL_MISSING, Map.of(), problem)));
            }
        }
        if (power.reconstructedSamples() > 0 && Double.isFinite(power.maxUncertaintyMillis())) {
            FlagRules.timestampsReconstructed(power.reconstructedSamples(), power.maxUncertaintyMillis())
                    .ifPresent(b::addFlags);
        }
        recordsAgreeWithWindow(in).ifPresent(b::addFlags);
        b.addAllFlags(in.flags());
    }

    /** How far aiperf's naive window may be from its records' epoch times before the zone is suspect. */
    static final long ZONE_TOLERANCE_NANOS = 60_000_000_000L;

    /**
     * aiperf's {@code start_time}/{@code end_time} are naive local times, its records' timestamps true epoch
     * nanoseconds: resolved in the right zone, the records lie inside the window. Records hours away mean the zone
     * given (or recorded) is not the one aiperf ran in — the seed's classic mistake, detected from the data alone.
     */
    static java.util.Optional<Flag> recordsAgreeWithWindow(CellInputs in) {
        if (in.profilingWindow().isEmpty() || in.records().isEmpty()) {
            return java.util.Optional.empty();
        }
        TimeWindow window = in.profilingWindow().get();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RequestTimeline r : in.timelines()) {
            first = Math.min(first, r.startEpochNanos());
            last = Math.max(last, r.endEpochNanos());
        }
        long before = window.startEpochNanos() - first;
        long after = last - window.endEpochNanos();
        long off = Math.max(before, after);
        if (off <= ZONE_TOLERANCE_NANOS) {
            return java.util.Optional.empty();
        }
        double hours = (first - window.startEpochNanos()) / 3.6e12;
        return java.util.Optional.of(new Flag(
                AccuracyFlag.ZONE_MISMATCH,
                io.github.tokjoule.core.flags.Severity.ERROR,
                Map.of("recordsMinusWindowHours", hours, "recordsStartEpochSeconds", first / 1e9),
                "aiperf's records start " + String.format(java.util.Locale.ROOT, "%.2f", hours)
                        + " h from its naive start_time resolved in this zone: the zone is not the one aiperf ran in"));
    }

    /** The thermal summary of aiperf's window (the whole log if there is no window), and the throttle flag. */
    static void thermal(CellMetrics.Builder b, CellInputs in, FlagThresholds th) {
        List<ThermalSample> thermal = in.power().thermal();
        if (thermal.isEmpty()) {
            return;
        }
        ThermalSummary t = in.profilingWindow()
                .map(w -> ThermalSummary.of(thermal, w.startEpochNanos(), w.endEpochNanos(), th.throttleCelsius()))
                .orElseGet(() -> ThermalSummary.of(thermal, Long.MIN_VALUE, Long.MAX_VALUE, th.throttleCelsius()));
        if (t.sampleCount() > 0) {
            b.thermal(t);
            FlagRules.thermalThrottle(t.peakJunctionCelsius(), th).ifPresent(b::addFlags);
        }
    }
}
