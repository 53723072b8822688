package io.github.tokjoule.core.flags;

import java.util.function.Consumer;

/**
 * The thresholds of the {@link FlagRules}, immutable; {@link #defaults()} holds the seed's values and DESIGN §3.5's.
 * Change one with a {@code with…} method.
 *
 * @param prefillRuleMillis the seed's rule: a cell whose TTFT p50 is below this many milliseconds has an
 *     approximate prefill energy (seed §J.12: 500 ms); positive
 * @param minPrefillSamples fewer power samples than this inside the prefill window flag
 *     {@link AccuracyFlag#PREFILL_UNDERSAMPLED} (default 2); at least 1
 * @param minWindowSamples fewer power samples than this inside a window flag
 *     {@link AccuracyFlag#WINDOW_UNDERSAMPLED} (default 2); at least 1
 * @param sampleGapFactor a gap longer than this many nominal sampling intervals flags
 *     {@link AccuracyFlag#SAMPLE_GAP} (default 3); at least 1
 * @param lengthMismatchFraction a realised length differing from its target by more than this fraction of the target
 *     flags a length mismatch (seed: 0.10); in (0, 1]
 * @param throttleCelsius a peak junction temperature at or above this flags {@link AccuracyFlag#THERMAL_THROTTLE}
 *     (seed §J.13: 85 °C); finite
 * @param maxErrorFraction an error fraction above this flags {@link AccuracyFlag#REQUEST_ERRORS} (default 0: any
 *     error); in [0, 1)
 * @param maxPrefillRelativeHalfWidth a measured prefill energy whose 95 % interval has a relative half width on
 *     its wider side {@code max(estimate − low, high − estimate) / estimate} ({@code (high − low) / (2 · estimate)}
 *     for a symmetric interval) above this, or no interval, flags {@link
 *     AccuracyFlag#PREFILL_UNDERSAMPLED} ({@link FlagRules#prefillUncertain}; default 0.10: the prefill figure may
 *     be more than 10 % off); positive and finite (since 0.2.0)
 * @param maxEnergyRelativeHalfWidth a measured total or decode energy whose 95 % interval has a relative half width
 *     on its wider side above this, or a total without interval, flags {@link AccuracyFlag#WINDOW_UNDERSAMPLED}
 *     ({@link FlagRules#energyUncertain}; default 0.04: issue 14's bar for a cell's total); positive and finite
 *     (since 0.2.0)
 * @since 0.1.0
 */
public record FlagThresholds(
        double prefillRuleMillis,
        int minPrefillSamples,
        int minWindowSamples,
        double sampleGapFactor,
        double lengthMismatchFraction,
        double throttleCelsius,
        double maxErrorFraction,
        double maxPrefillRelativeHalfWidth,
        double maxEnergyRelativeHalfWidth) {

    private static final FlagThresholds DEFAULTS = new FlagThresholds(500, 2, 2, 3, 0.10, 85, 0, 0.10, 0.04);

    /**
     * Validates the thresholds.
     *
     * @throws IllegalArgumentException naming the first invalid threshold and its value
     */
    public FlagThresholds {
        if (!(prefillRuleMillis > 0) || Double.isInfinite(prefillRuleMillis)) {
            throw new IllegalArgumentException("prefillRuleMillis must be positive and finite: " + prefillRuleMillis);
        }
        if (minPrefillSamples < 1) {
            throw new IllegalArgumentException("minPrefillSamples must be at least 1: " + minPrefillSamples);
        }
        if (minWindowSamples < 1) {
            throw new IllegalArgumentException("minWindowSamples must be at least 1: " + minWindowSamples);
        }
        if (!(sampleGapFactor >= 1) || Double.isInfinite(sampleGapFactor)) {
            throw new IllegalArgumentException("sampleGapFactor must be finite and at least 1: " + sampleGapFactor);
        }
        if (!(lengthMismatchFraction > 0 && lengthMismatchFraction <= 1)) {
            throw new IllegalArgumentException("lengthMismatchFraction must be in (0, 1]: " + lengthMismatchFraction);
        }
        if (!Double.isFinite(throttleCelsius)) {
            throw new IllegalArgumentException("throttleCelsius must be finite: " + throttleCelsius);
        }
        if (!(maxErrorFraction >= 0 && maxErrorFraction < 1)) {
            throw new IllegalArgumentException("maxErrorFraction must be in [0, 1): " + maxErrorFraction);
        }
        if (!(maxPrefillRelativeHalfWidth > 0) || Double.isInfinite(maxPrefillRelativeHalfWidth)) {
            throw new IllegalArgumentException(
                    "maxPrefillRelativeHalfWidth must be positive and finite: " + maxPrefillRelativeHalfWidth);
        }
        if (!(maxEnergyRelativeHalfWidth > 0) || Double.isInfinite(maxEnergyRelativeHalfWidth)) {
            throw new IllegalArgumentException(
                    "maxEnergyRelativeHalfWidth must be positive and finite: " + maxEnergyRelativeHalfWidth);
        }
    }

    /**
     * Returns the defaults: 500 ms prefill rule, 2 samples in the prefill window and in any window, gap above 3
     * nominal intervals, 10 % length mismatch, 85 °C, any request error, prefill interval half width 10 %, total and
     * decode interval half width 4 %.
     *
     * @return the default thresholds
     */
    public static FlagThresholds defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another prefill rule.
     *
     * @param millis the TTFT p50 threshold in milliseconds, positive
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withPrefillRuleMillis(double millis) {
        return copy(c -> c.prefillRuleMillis = millis);
    }

    /**
     * Returns a copy with another minimum of prefill samples.
     *
     * @param samples at least 1
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withMinPrefillSamples(int samples) {
        return copy(c -> c.minPrefillSamples = samples);
    }

    /**
     * Returns a copy with another minimum of window samples.
     *
     * @param samples at least 1
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withMinWindowSamples(int samples) {
        return copy(c -> c.minWindowSamples = samples);
    }

    /**
     * Returns a copy with another gap factor.
     *
     * @param factor at least 1
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withSampleGapFactor(double factor) {
        return copy(c -> c.sampleGapFactor = factor);
    }

    /**
     * Returns a copy with another length-mismatch fraction.
     *
     * @param fraction in (0, 1], e.g. 0.05 for 5 %
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withLengthMismatchFraction(double fraction) {
        return copy(c -> c.lengthMismatchFraction = fraction);
    }

    /**
     * Returns a copy with another throttle temperature.
     *
     * @param celsius finite
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withThrottleCelsius(double celsius) {
        return copy(c -> c.throttleCelsius = celsius);
    }

    /**
     * Returns a copy with another tolerated error fraction.
     *
     * @param fraction in [0, 1)
     * @return the new thresholds
     * @throws IllegalArgumentException if invalid
     */
    public FlagThresholds withMaxErrorFraction(double fraction) {
        return copy(c -> c.maxErrorFraction = fraction);
    }

    /**
     * Returns a copy with another bound on the prefill interval's relative half width.
     *
     * @param fraction the bound, for example 0.10 for ±10 %
     * @return the new thresholds
     * @throws IllegalArgumentException if not positive and finite
     * @since 0.2.0
     */
    public FlagThresholds withMaxPrefillRelativeHalfWidth(double fraction) {
        return copy(c -> c.maxPrefillRelativeHalfWidth = fraction);
    }

    /**
     * Returns a copy with another bound on the total and decode energy intervals' relative half width.
     *
     * @param fraction the bound, for example 0.04 for ±4 %
     * @return the new thresholds
     * @throws IllegalArgumentException if not positive and finite
     * @since 0.2.0
     */
    public FlagThresholds withMaxEnergyRelativeHalfWidth(double fraction) {
        return copy(c -> c.maxEnergyRelativeHalfWidth = fraction);
    }

    private FlagThresholds copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.thresholds();
    }

    /** The components as mutable fields, so that each {@code with…} method names only the one it changes. */
    private static final class Copy {
        double prefillRuleMillis;
        int minPrefillSamples;
        int minWindowSamples;
        double sampleGapFactor;
        double lengthMismatchFraction;
        double throttleCelsius;
        double maxErrorFraction;
        double maxPrefillRelativeHalfWidth;
        double maxEnergyRelativeHalfWidth;

        Copy(FlagThresholds t) {
            prefillRuleMillis = t.prefillRuleMillis;
            minPrefillSamples = t.minPrefillSamples;
            minWindowSamples = t.minWindowSamples;
            sampleGapFactor = t.sampleGapFactor;
            lengthMismatchFraction = t.lengthMismatchFraction;
            throttleCelsius = t.throttleCelsius;
            maxErrorFraction = t.maxErrorFraction;
            maxPrefillRelativeHalfWidth = t.maxPrefillRelativeHalfWidth;
            maxEnergyRelativeHalfWidth = t.maxEnergyRelativeHalfWidth;
        }

        FlagThresholds thresholds() {
            return new FlagThresholds(
                    prefillRuleMillis,
                    minPrefillSamples,
                    minWindowSamples,
                    sampleGapFactor,
                    lengthMismatchFraction,
                    throttleCelsius,
                    maxErrorFraction,
                    maxPrefillRelativeHalfWidth,
                    maxEnergyRelativeHalfWidth);
        }
    }
}
