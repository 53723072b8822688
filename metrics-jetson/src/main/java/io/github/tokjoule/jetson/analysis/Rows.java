package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.thermal.ThermalSummary;
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
                .interTokenLatencyMillis(in.itlMillis())
                .requestLatencyMillis(in.rlMillis());
        if (!in.rail().isEmpty()) {
            b.rail(in.rail());
        }
        return b;
    }

    /** {@code v} if finite and not negative, else NaN: a row never holds a negative or infinite number. */
    static double nonNegative(double v) {
        return v >= 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    /** {@code a / b} when both are finite, {@code a ≥ 0} and {@code b > 0}; else NaN. */
    static double ratio(double a, double b) {
        if (!(a >= 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.NaN;
        }
        return nonNegative(a / b);
    }

    static void putVariant(CellMetrics.Builder b, OutputTokJVariant variant, double value) {
        if (Double.isFinite(value) && value >= 0) {
            b.putOutputTokensPerJouleByVariant(variant, value);
        }
    }

    static void putWatts(CellMetrics.Builder b, String statistic, double value) {
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
        if (in.powerProblem().isPresent()) {
            if (in.availableRails().isEmpty()) {
                b.addFlags(Flag.of(
                        AccuracyFlag.RAIL_MISSING, Map.of(), in.powerProblem().get()));
            } else {
                b.addFlags(FlagRules.railMissing(in.rail(), in.availableRails())
                        .orElseGet(() -> Flag.of(
                                AccuracyFlag.RAIL_MISSING,
                                Map.of(),
                                in.powerProblem().get())));
            }
        }
        if (in.reconstructedSamples() > 0 && Double.isFinite(in.maxUncertaintyMillis())) {
            FlagRules.timestampsReconstructed(in.reconstructedSamples(), in.maxUncertaintyMillis())
                    .ifPresent(b::addFlags);
        }
        b.addAllFlags(in.flags());
    }

    /** The thermal summary of aiperf's window (the whole log if there is no window), and the throttle flag. */
    static void thermal(CellMetrics.Builder b, CellInputs in, FlagThresholds th) {
        if (in.thermal().isEmpty()) {
            return;
        }
        ThermalSummary t = in.hasProfilingWindow()
                ? ThermalSummary.of(
                        in.thermal(), in.profilingStartEpochNanos(), in.profilingEndEpochNanos(), th.throttleCelsius())
                : ThermalSummary.of(in.thermal(), Long.MIN_VALUE, Long.MAX_VALUE, th.throttleCelsius());
        if (t.sampleCount() > 0) {
            b.thermal(t);
            FlagRules.thermalThrottle(t.peakJunctionCelsius(), th).ifPresent(b::addFlags);
        }
    }
}
