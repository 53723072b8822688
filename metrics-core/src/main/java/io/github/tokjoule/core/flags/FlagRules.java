package io.github.tokjoule.core.flags;

import io.github.tokjoule.core.join.EnergyEstimate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accuracy-flag rules of DESIGN §3.5, one static method each, evaluated from plain numbers (so callers need no
 * particular power or parser type): each returns the {@link Flag} when the rule fires and an empty
 * {@link Optional} otherwise. Thresholds come from {@link FlagThresholds}; the seed's values are the defaults.
 *
 * @since 0.1.0
 */
public final class FlagRules {

    private FlagRules() {}

    /**
     * {@link AccuracyFlag#PREFILL_UNDERSAMPLED} from the data: fewer than {@code minPrefillSamples} power samples
     * fell inside the prefill window(s), so prefill energy is interpolated between samples rather than measured.
     *
     * @param samplesInPrefillWindow power samples inside the prefill window (of a request, or the fewest over a
     *     cell's requests), not negative
     * @param thresholds the thresholds
     * @return the flag, or empty if enough samples
     * @throws IllegalArgumentException if {@code samplesInPrefillWindow} is negative
     */
    public static Optional<Flag> prefillUndersampled(int samplesInPrefillWindow, FlagThresholds thresholds) {
        requireNonNegative(samplesInPrefillWindow, "samplesInPrefillWindow");
        if (samplesInPrefillWindow >= thresholds.minPrefillSamples()) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.PREFILL_UNDERSAMPLED,
                numbers(
                        "samplesInPrefillWindow",
                        samplesInPrefillWindow,
                        "minPrefillSamples",
                        thresholds.minPrefillSamples()),
                samplesInPrefillWindow + " power sample(s) inside the prefill window (fewer than "
                        + thresholds.minPrefillSamples() + "): prefill energy is interpolated, not measured"));
    }

    /**
     * {@link AccuracyFlag#PREFILL_UNDERSAMPLED} as a statement about the prefill energy's 95 % interval: the flag
     * fires when its relative half width on its wider side, {@code max(estimate − low, high − estimate) / estimate}
     * ({@link io.github.tokjoule.core.join.EnergyEstimate#widerRelativeHalfWidth()}; {@code (high − low) / (2 ·
     * estimate)} for a symmetric interval), exceeds {@link FlagThresholds#maxPrefillRelativeHalfWidth()}, or when
     * there is no interval (NaN: accuracy unknown). The wider side, because an unflagged figure's truth, where the
     * interval holds it, is then within the bound of the estimate on either side. Unlike a sample count, this credits
     * an estimator that resolves short prefills by pooling many requests, and still fires where nothing can know (a
     * 20 ms prefill with one pooled sample gets an interval spanning every reading).
     *
     * @param relativeHalfWidth the interval's relative half width on its wider side, not negative, or NaN without an
     *     interval
     * @param thresholds the thresholds
     * @return the flag, or empty if the interval is narrow enough
     * @throws IllegalArgumentException if {@code relativeHalfWidth} is negative or infinite
     * @since 0.2.0
     */
    public static Optional<Flag> prefillUncertain(double relativeHalfWidth, FlagThresholds thresholds) {
        if (relativeHalfWidth < 0 || Double.isInfinite(relativeHalfWidth)) {
            throw new IllegalArgumentException(
                    "relativeHalfWidth must be NaN or finite and not negative: " + relativeHalfWidth);
        }
        double max = thresholds.maxPrefillRelativeHalfWidth();
        if (relativeHalfWidth <= max) {
            return Optional.empty();
        }
        String why = Double.isNaN(relativeHalfWidth)
                ? "prefill energy has no 95 % interval: its accuracy is unknown"
                : "prefill energy's 95 % interval reaches " + fmt(100 * relativeHalfWidth)
                        + " % from the estimate (more than " + fmt(100 * max)
                        + " %): too few power samples fall inside the prefill windows";
        return Optional.of(Flag.of(
                AccuracyFlag.PREFILL_UNDERSAMPLED,
                Double.isNaN(relativeHalfWidth)
                        ? numbers("maxRelativeHalfWidth", max)
                        : numbers("relativeHalfWidth", relativeHalfWidth, "maxRelativeHalfWidth", max),
                why));
    }

    /**
     * {@link AccuracyFlag#WINDOW_UNDERSAMPLED} as a statement about the total and decode energies' 95 % intervals: the
     * flag fires when the larger of their relative half widths on their wider sides, {@code max(estimate − low, high −
     * estimate) / estimate} ({@link io.github.tokjoule.core.join.EnergyEstimate#widerRelativeHalfWidth()}), exceeds
     * {@link FlagThresholds#maxEnergyRelativeHalfWidth()}, or when the total has no interval (NaN: accuracy unknown).
     * A NaN for decode alone means no decode figure (no decode time, or no interval to state) and does not fire. Unlike the
     * count of samples inside each request ({@link #windowUndersampled}), this credits an estimator that pools the
     * readings of many requests, and it fires where a sampler nearly locked to the request period leaves part of every
     * request unobserved although each request holds readings.
     *
     * @param totalRelativeHalfWidth the total energy interval's relative half width on its wider side, not negative,
     *     or NaN
     * @param decodeRelativeHalfWidth the decode energy interval's, likewise
     * @param thresholds the thresholds
     * @return the flag, or empty if both intervals are narrow enough
     * @throws IllegalArgumentException if a half width is negative or infinite
     * @since 0.2.0
     */
    public static Optional<Flag> energyUncertain(
            double totalRelativeHalfWidth, double decodeRelativeHalfWidth, FlagThresholds thresholds) {
        for (double w : new double[] {totalRelativeHalfWidth, decodeRelativeHalfWidth}) {
            if (w < 0 || Double.isInfinite(w)) {
                throw new IllegalArgumentException("a relative half width must be NaN or finite and not negative: "
                        + totalRelativeHalfWidth + ", " + decodeRelativeHalfWidth);
            }
        }
        double max = thresholds.maxEnergyRelativeHalfWidth();
        if (Double.isNaN(totalRelativeHalfWidth)) {
            return Optional.of(Flag.of(
                    AccuracyFlag.WINDOW_UNDERSAMPLED,
                    numbers("maxRelativeHalfWidth", max),
                    "total energy has no 95 % interval: its accuracy is unknown"));
        }
        boolean decodeWider = decodeRelativeHalfWidth > totalRelativeHalfWidth;
        double widest = decodeWider ? decodeRelativeHalfWidth : totalRelativeHalfWidth;
        if (widest <= max) {
            return Optional.empty();
        }
        Map<String, Double> n = new LinkedHashMap<>();
        n.put("totalRelativeHalfWidth", totalRelativeHalfWidth);
        if (!Double.isNaN(decodeRelativeHalfWidth)) {
            n.put("decodeRelativeHalfWidth", decodeRelativeHalfWidth);
        }
        n.put("maxRelativeHalfWidth", max);
        return Optional.of(Flag.of(
                AccuracyFlag.WINDOW_UNDERSAMPLED,
                n,
                (decodeWider ? "decode" : "total") + " energy's 95 % interval reaches " + fmt(100 * widest)
                        + " % from the estimate (more than " + fmt(100 * max) + " %): the power samples do not"
                        + " observe enough of the requests"));
    }

    /**
     * {@link #prefillUncertain(double, FlagThresholds)} on an estimate's interval, read on its wider side ({@link
     * EnergyEstimate#widerRelativeHalfWidth()}): what the sweep analysis and the monitor-log report flag.
     *
     * @param prefill the prefill energy with its interval
     * @param thresholds the thresholds
     * @return the flag, or empty if the interval is narrow enough
     * @since 0.2.0
     */
    public static Optional<Flag> prefillUncertain(EnergyEstimate prefill, FlagThresholds thresholds) {
        return prefillUncertain(prefill.widerRelativeHalfWidth(), thresholds);
    }

    /**
     * {@link #energyUncertain(double, double, FlagThresholds)} on the estimates' intervals, each read on its wider
     * side ({@link EnergyEstimate#widerRelativeHalfWidth()}): what the sweep analysis and the monitor-log report flag.
     *
     * @param total the total energy with its interval
     * @param decode the decode energy with its interval
     * @param thresholds the thresholds
     * @return the flag, or empty if both intervals are narrow enough
     * @since 0.2.0
     */
    public static Optional<Flag> energyUncertain(
            EnergyEstimate total, EnergyEstimate decode, FlagThresholds thresholds) {
        return energyUncertain(total.widerRelativeHalfWidth(), decode.widerRelativeHalfWidth(), thresholds);
    }

    /**
     * {@link AccuracyFlag#PREFILL_UNDERSAMPLED} by the seed's rule: {@code TTFT p50 < 500 ms} (seed §J.12,
     * docs/reference/seed-methodology.md §2.9; it reproduces the seed's "approximate for 63 % of cells"). The rule looks at TTFT only,
     * not at the samples actually found; prefer {@link #prefillUndersampled(int, FlagThresholds)} when the power
     * samples are at hand.
     *
     * @param ttftP50Millis the cell's TTFT p50 in milliseconds, finite and not negative
     * @param thresholds the thresholds ({@link FlagThresholds#prefillRuleMillis()})
     * @return the flag, or empty if TTFT p50 is at least the threshold
     * @throws IllegalArgumentException if {@code ttftP50Millis} is negative or not finite
     */
    public static Optional<Flag> prefillBelowSeedRule(double ttftP50Millis, FlagThresholds thresholds) {
        requireFiniteNonNegative(ttftP50Millis, "ttftP50Millis");
        if (ttftP50Millis >= thresholds.prefillRuleMillis()) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.PREFILL_UNDERSAMPLED,
                numbers("ttftP50Millis", ttftP50Millis, "thresholdMillis", thresholds.prefillRuleMillis()),
                "TTFT p50 " + fmt(ttftP50Millis) + " ms < " + fmt(thresholds.prefillRuleMillis())
                        + " ms (the seed's rule): prefill energy is approximate"));
    }

    /**
     * {@link AccuracyFlag#WINDOW_UNDERSAMPLED}: fewer than {@code minWindowSamples} power samples inside a window
     * (a request or a whole cell).
     *
     * @param samplesInWindow power samples inside the window, not negative
     * @param thresholds the thresholds
     * @return the flag, or empty if enough samples
     * @throws IllegalArgumentException if {@code samplesInWindow} is negative
     */
    public static Optional<Flag> windowUndersampled(int samplesInWindow, FlagThresholds thresholds) {
        requireNonNegative(samplesInWindow, "samplesInWindow");
        if (samplesInWindow >= thresholds.minWindowSamples()) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.WINDOW_UNDERSAMPLED,
                numbers("samplesInWindow", samplesInWindow, "minWindowSamples", thresholds.minWindowSamples()),
                samplesInWindow + " power sample(s) inside the window (fewer than " + thresholds.minWindowSamples()
                        + "): its energy is interpolated, not measured"));
    }

    /**
     * {@link AccuracyFlag#SAMPLE_GAP}: the largest gap between consecutive power samples exceeds
     * {@code sampleGapFactor × nominalIntervalSeconds}.
     *
     * @param largestGapSeconds the largest gap in seconds, finite and not negative
     * @param nominalIntervalSeconds the nominal sampling interval in seconds, positive
     * @param thresholds the thresholds
     * @return the flag, or empty if no gap is too long
     * @throws IllegalArgumentException on an invalid argument
     */
    public static Optional<Flag> sampleGap(
            double largestGapSeconds, double nominalIntervalSeconds, FlagThresholds thresholds) {
        requireFiniteNonNegative(largestGapSeconds, "largestGapSeconds");
        if (!(nominalIntervalSeconds > 0) || Double.isInfinite(nominalIntervalSeconds)) {
            throw new IllegalArgumentException(
                    "nominalIntervalSeconds must be positive and finite: " + nominalIntervalSeconds);
        }
        double limit = thresholds.sampleGapFactor() * nominalIntervalSeconds;
        if (largestGapSeconds <= limit) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.SAMPLE_GAP,
                numbers(
                        "largestGapSeconds", largestGapSeconds,
                        "nominalIntervalSeconds", nominalIntervalSeconds,
                        "sampleGapFactor", thresholds.sampleGapFactor()),
                "a " + fmt(largestGapSeconds) + " s gap between power samples exceeds "
                        + fmt(thresholds.sampleGapFactor()) + " × the " + fmt(nominalIntervalSeconds)
                        + " s interval"));
    }

    /**
     * {@link AccuracyFlag#WINDOW_OUTSIDE_TRACE}: the window is not inside the power trace's time span. Severity
     * {@link Severity#ERROR} when they do not overlap at all (nothing was measured; typically a time-zone mismatch),
     * {@link Severity#WARNING} when only an edge sticks out (the edge is extrapolated).
     *
     * @param windowStartEpochNanos start of the window in epoch nanoseconds
     * @param windowEndEpochNanos end of the window, not before its start
     * @param traceStartEpochNanos time of the trace's first sample
     * @param traceEndEpochNanos time of the trace's last sample, not before its first
     * @return the flag, or empty if the window lies within the trace
     * @throws IllegalArgumentException if an end is before its start
     */
    public static Optional<Flag> windowOutsideTrace(
            long windowStartEpochNanos, long windowEndEpochNanos, long traceStartEpochNanos, long traceEndEpochNanos) {
        requireOrdered(windowStartEpochNanos, windowEndEpochNanos, "windowEndEpochNanos", "windowStartEpochNanos");
        requireOrdered(traceStartEpochNanos, traceEndEpochNanos, "traceEndEpochNanos", "traceStartEpochNanos");
        double before = Math.max(0, traceStartEpochNanos - windowStartEpochNanos) / 1e9;
        double after = Math.max(0, windowEndEpochNanos - traceEndEpochNanos) / 1e9;
        if (before == 0 && after == 0) {
            return Optional.empty();
        }
        boolean disjoint = windowEndEpochNanos < traceStartEpochNanos || windowStartEpochNanos > traceEndEpochNanos;
        Map<String, Double> n = numbers("secondsBeforeTrace", before, "secondsAfterTrace", after);
        if (disjoint) {
            double offHours = (windowStartEpochNanos > traceEndEpochNanos
                            ? windowStartEpochNanos - traceEndEpochNanos
                            : traceStartEpochNanos - windowEndEpochNanos)
                    / 3.6e12;
            return Optional.of(new Flag(
                    AccuracyFlag.WINDOW_OUTSIDE_TRACE,
                    Severity.ERROR,
                    n,
                    "the window lies entirely outside the power trace (" + fmt(offHours)
                            + " h away): nothing was measured; a time-zone mismatch?"));
        }
        return Optional.of(new Flag(
                AccuracyFlag.WINDOW_OUTSIDE_TRACE,
                Severity.WARNING,
                n,
                "the window extends " + fmt(before) + " s before and " + fmt(after)
                        + " s after the power trace: its edges are extrapolated"));
    }

    /**
     * {@link AccuracyFlag#OUTPUT_LENGTH_MISMATCH}: {@code |realised − target| / target > lengthMismatchFraction}
     * (early EOS, or {@code max_tokens} ignored; docs/reference/seed-methodology.md §4.9).
     *
     * @param realisedTokens realised output tokens per request (mean or p50), finite and not negative
     * @param targetTokens the requested output length, positive
     * @param thresholds the thresholds
     * @return the flag, or empty if within the tolerance
     * @throws IllegalArgumentException on an invalid argument
     */
    public static Optional<Flag> outputLengthMismatch(
            double realisedTokens, double targetTokens, FlagThresholds thresholds) {
        return lengthMismatch(AccuracyFlag.OUTPUT_LENGTH_MISMATCH, "output", realisedTokens, targetTokens, thresholds);
    }

    /**
     * {@link AccuracyFlag#INPUT_LENGTH_MISMATCH}: {@code |realised − target| / target > lengthMismatchFraction}.
     *
     * @param realisedTokens realised input tokens per request, finite and not negative
     * @param targetTokens the requested input length, positive
     * @param thresholds the thresholds
     * @return the flag, or empty if within the tolerance
     * @throws IllegalArgumentException on an invalid argument
     */
    public static Optional<Flag> inputLengthMismatch(
            double realisedTokens, double targetTokens, FlagThresholds thresholds) {
        return lengthMismatch(AccuracyFlag.INPUT_LENGTH_MISMATCH, "input", realisedTokens, targetTokens, thresholds);
    }

    private static Optional<Flag> lengthMismatch(
            AccuracyFlag flag, String which, double realised, double target, FlagThresholds thresholds) {
        requireFiniteNonNegative(realised, "realisedTokens");
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("targetTokens must be positive and finite: " + target);
        }
        double rel = (realised - target) / target;
        if (Math.abs(rel) <= thresholds.lengthMismatchFraction()) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                flag,
                numbers("realisedTokens", realised, "targetTokens", target, "relativeDifference", rel),
                "realised " + which + " length " + fmt(realised) + " tokens is " + fmt(Math.abs(rel) * 100) + " % "
                        + (rel < 0 ? "below" : "above") + " the target " + fmt(target) + " (tolerance "
                        + fmt(thresholds.lengthMismatchFraction() * 100) + " %)"));
    }

    /**
     * {@link AccuracyFlag#REQUEST_ERRORS}: the fraction of failed requests exceeds {@code maxErrorFraction} (by
     * default: any error). Severity {@link Severity#ERROR} when every request failed.
     *
     * @param errorCount failed requests, not negative
     * @param requestCount all requests sent, failed included; at least {@code errorCount}
     * @param thresholds the thresholds
     * @return the flag, or empty if no (or few enough) errors
     * @throws IllegalArgumentException if a count is negative or {@code errorCount > requestCount}
     */
    public static Optional<Flag> requestErrors(long errorCount, long requestCount, FlagThresholds thresholds) {
        requireNonNegative(errorCount, "errorCount");
        requireNonNegative(requestCount, "requestCount");
        if (errorCount > requestCount) {
            throw new IllegalArgumentException(
                    "errorCount (" + errorCount + ") exceeds requestCount (" + requestCount + ")");
        }
        if (errorCount == 0 || (double) errorCount / requestCount <= thresholds.maxErrorFraction()) {
            return Optional.empty();
        }
        return Optional.of(new Flag(
                AccuracyFlag.REQUEST_ERRORS,
                errorCount == requestCount ? Severity.ERROR : Severity.WARNING,
                numbers("errorCount", errorCount, "requestCount", requestCount),
                errorCount + " of " + requestCount + " requests failed"
                        + (errorCount == requestCount ? ": the cell has no successful request" : "")));
    }

    /**
     * {@link AccuracyFlag#THERMAL_THROTTLE}: peak junction temperature at or above {@code throttleCelsius} (85 °C
     * by default; the seed's §J.13 flags "peak_tj_C &gt; 85", the strict form, so exactly 85.0 °C is flagged here
     * and not there).
     *
     * @param peakJunctionCelsius the peak junction temperature in °C; {@code NaN} means not measured (no flag)
     * @param thresholds the thresholds
     * @return the flag, or empty if below the threshold or not measured
     * @throws IllegalArgumentException if the temperature is infinite
     */
    public static Optional<Flag> thermalThrottle(double peakJunctionCelsius, FlagThresholds thresholds) {
        if (Double.isInfinite(peakJunctionCelsius)) {
            throw new IllegalArgumentException("peakJunctionCelsius must be finite or NaN: " + peakJunctionCelsius);
        }
        if (!(peakJunctionCelsius >= thresholds.throttleCelsius())) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.THERMAL_THROTTLE,
                numbers("peakJunctionCelsius", peakJunctionCelsius, "throttleCelsius", thresholds.throttleCelsius()),
                "peak junction temperature " + fmt(peakJunctionCelsius) + " °C reached the throttle threshold "
                        + fmt(thresholds.throttleCelsius()) + " °C: clocks may have been reduced"));
    }

    /**
     * {@link AccuracyFlag#RAIL_MISSING}: the power rail asked for is not among the rails of the log (names compared
     * without regard to case).
     *
     * @param rail the rail asked for, e.g. {@code "VDD_CPU_GPU_CV"}
     * @param availableRails the rails the log has
     * @return the flag, or empty if the rail is available
     */
    public static Optional<Flag> railMissing(String rail, Collection<String> availableRails) {
        for (String r : availableRails) {
            if (r.equalsIgnoreCase(rail)) {
                return Optional.empty();
            }
        }
        return Optional.of(Flag.of(
                AccuracyFlag.RAIL_MISSING,
                numbers("availableRails", availableRails.size()),
                "rail " + rail + " is not in the power log (rails: " + String.join(", ", availableRails) + ")"));
    }

    /**
     * {@link AccuracyFlag#TIMESTAMPS_RECONSTRUCTED} (information): sample times were reconstructed below the log's
     * one-second resolution (DESIGN §4).
     *
     * @param reconstructedSamples samples whose time was reconstructed, not negative
     * @param uncertaintyMillis the largest uncertainty of a reconstructed time in milliseconds, finite and not
     *     negative
     * @return the flag, or empty if no sample time was reconstructed
     * @throws IllegalArgumentException on an invalid argument
     */
    public static Optional<Flag> timestampsReconstructed(int reconstructedSamples, double uncertaintyMillis) {
        requireNonNegative(reconstructedSamples, "reconstructedSamples");
        requireFiniteNonNegative(uncertaintyMillis, "uncertaintyMillis");
        if (reconstructedSamples == 0) {
            return Optional.empty();
        }
        return Optional.of(Flag.of(
                AccuracyFlag.TIMESTAMPS_RECONSTRUCTED,
                numbers("reconstructedSamples", reconstructedSamples, "uncertaintyMillis", uncertaintyMillis),
                reconstructedSamples + " sample time(s) reconstructed from 1 s stamps (uncertainty up to "
                        + fmt(uncertaintyMillis) + " ms)"));
    }

    /**
     * {@link AccuracyFlag#RUN_WINDOW_ESTIMATE}: the cell's energies come from its run window, not from its requests'
     * own windows (a summary without per-request records).
     *
     * @param requests the successful requests the run's energy is shared by, at least 1
     * @param windowSeconds the run window's length in seconds, finite and not negative
     * @return the flag
     * @throws IllegalArgumentException on an invalid argument
     * @since 0.2.0
     */
    public static Flag runWindowEstimate(int requests, double windowSeconds) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        requireFiniteNonNegative(windowSeconds, "windowSeconds");
        return Flag.of(
                AccuracyFlag.RUN_WINDOW_ESTIMATE,
                numbers("requests", requests, "windowSeconds", windowSeconds),
                "no per-request records: the energy of the " + fmt(windowSeconds) + " s run window, less its idle"
                        + " time, shared by " + requests + " requests and split by the mean timings (prefill is not"
                        + " measured)");
    }

    /**
     * {@link AccuracyFlag#ZONE_MISMATCH}: the time zone recorded with the sweep differs from the one given to the
     * analysis. Severity {@link Severity#ERROR} when their offsets differ at {@code at} (every naive timestamp is
     * then resolved to the wrong instant), {@link Severity#INFO} when only the names differ (e.g.
     * {@code Asia/Calcutta} and {@code Asia/Kolkata}).
     *
     * @param recorded the zone recorded with the sweep
     * @param given the zone given to the analysis
     * @param at an instant of the sweep, to compare the offsets at
     * @return the flag, or empty if the zones are equal
     */
    public static Optional<Flag> zoneMismatch(ZoneId recorded, ZoneId given, Instant at) {
        if (recorded.equals(given)) {
            return Optional.empty();
        }
        int recordedOffset = recorded.getRules().getOffset(at).getTotalSeconds();
        int givenOffset = given.getRules().getOffset(at).getTotalSeconds();
        int diff = givenOffset - recordedOffset;
        Map<String, Double> n = numbers(
                "recordedOffsetSeconds", recordedOffset, "givenOffsetSeconds", givenOffset, "differenceSeconds", diff);
        if (diff == 0) {
            return Optional.of(new Flag(
                    AccuracyFlag.ZONE_MISMATCH,
                    Severity.INFO,
                    n,
                    "zone " + given + " given to the analysis differs in name from the recorded " + recorded
                            + " but has the same offset at " + at));
        }
        return Optional.of(new Flag(
                AccuracyFlag.ZONE_MISMATCH,
                Severity.ERROR,
                n,
                "zone " + given + " given to the analysis differs from the recorded " + recorded + " by "
                        + fmt(diff / 3600.0) + " h at " + at + ": naive timestamps resolve to the wrong instants"));
    }

    private static Map<String, Double> numbers(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return m;
    }

    /** Up to three decimals, trailing zeros dropped: 312.0 → "312", 0.52 → "0.52". */
    /**
     * {@code String.format(Locale.ROOT, "%.3f", v)} without its trailing zeros and point ("312", "0.52", "-0").
     * Messages are built for every flagged cell, and the formatter (and a regular expression per call) was a few per
     * cent of a cold report's CPU, so the usual case is done by hand: {@code |v| · 1000} rounded to the nearest
     * integer, which is what the formatter's half-up rounding of {@code v}'s decimal digits gives unless those digits
     * lie within {@code 10^-6} of a tie. Near a tie, for {@code |v| ≥ 10^9} and for NaN and infinities, the formatter
     * itself decides. Why the margin suffices: below {@code 10^9} the product's rounding error and the distance of
     * the formatter's digits from {@code v}, both scaled by 1000, are under {@code 2^-13 ≈ 1.2 · 10^-4}, so no tie
     * lies between either of them and the exact {@code |v| · 1000} when that is {@code 10^-3} from a tie.
     */
    static String fmt(double v) {
        String s = fixed3(v);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String fixed3(double v) {
        double x = Math.abs(v) * 1000;
        if (!(x < 1e12)) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        double whole = Math.floor(x);
        double fraction = x - whole;
        if (Math.abs(fraction - 0.5) < 1e-3) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        long n = (long) whole + (fraction > 0.5 ? 1 : 0);
        long thousandths = n % 1000;
        String digits = Long.toString(thousandths);
        String sign = Double.doubleToRawLongBits(v) < 0 ? "-" : ""; // the sign bit: -0.0 prints "-0" too
        return sign + n / 1000 + "." + "000".substring(digits.length()) + digits;
    }

    private static void requireNonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }

    private static void requireFiniteNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and not negative: " + v);
        }
    }

    private static void requireOrdered(long start, long end, String endName, String startName) {
        if (end < start) {
            throw new IllegalArgumentException(endName + " (" + end + ") is before " + startName + " (" + start + ")");
        }
    }
}
