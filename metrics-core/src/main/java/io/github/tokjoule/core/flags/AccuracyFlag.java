package io.github.tokjoule.core.flags;

/**
 * The conditions that make a cell's numbers approximate or wrong (DESIGN §3.5), each with its default
 * {@link Severity}. {@link FlagRules} evaluates each from plain numbers.
 *
 * @since 0.1.0
 */
public enum AccuracyFlag {
    /**
     * Prefill energy is not known well: its 95 % interval reaches further than {@link
     * FlagThresholds#maxPrefillRelativeHalfWidth()} of the estimate on either side, or is absent ({@link
     * FlagRules#prefillUncertain}); by the older sample-count rule, fewer than {@link
     * FlagThresholds#minPrefillSamples()} power samples inside the prefill window ({@link
     * FlagRules#prefillUndersampled}); also the seed's rule "TTFT p50 &lt; 500 ms" (seed §J.12: "prefill tok/J is
     * approximate for 63 % of cells").
     */
    PREFILL_UNDERSAMPLED(Severity.WARNING),
    /**
     * The energy of the requests' windows is not known well: the total or decode energy's 95 % interval reaches
     * further than {@link FlagThresholds#maxEnergyRelativeHalfWidth()} of the estimate on either side (4 % by
     * default), or the total has none ({@link FlagRules#energyUncertain}, the measured method since 0.2.0); by the
     * older sample-count rule, fewer than {@link FlagThresholds#minWindowSamples()} power samples inside a request or
     * cell window ({@link FlagRules#windowUndersampled}, the seed-compatible method).
     */
    WINDOW_UNDERSAMPLED(Severity.WARNING),
    /** A gap between power samples longer than {@link FlagThresholds#sampleGapFactor()} × the nominal interval. */
    SAMPLE_GAP(Severity.WARNING),
    /**
     * The window lies partly (warning) or wholly (error) outside the power trace: the classic time-zone mistake
     * (docs/reference/seed-methodology.md §4.5).
     */
    WINDOW_OUTSIDE_TRACE(Severity.ERROR),
    /**
     * Realised output length differs from the target by more than {@link FlagThresholds#lengthMismatchFraction()}:
     * early EOS, or {@code max_tokens} ignored (docs/reference/seed-methodology.md §4.9).
     */
    OUTPUT_LENGTH_MISMATCH(Severity.WARNING),
    /** Realised input length differs from the target by more than the length-mismatch fraction. */
    INPUT_LENGTH_MISMATCH(Severity.WARNING),
    /** Some requests of the cell failed (error when all did). */
    REQUEST_ERRORS(Severity.WARNING),
    /** Peak junction temperature reached the throttle threshold (85 °C by default, seed §J.13). */
    THERMAL_THROTTLE(Severity.WARNING),
    /** The power rail asked for is not in the power log. */
    RAIL_MISSING(Severity.ERROR),
    /** Sample times were reconstructed below the log's 1 s resolution (DESIGN §4); information only. */
    TIMESTAMPS_RECONSTRUCTED(Severity.INFO),
    /**
     * The time zone recorded with the sweep differs from the one given to the analysis (error when their offsets
     * differ at the sweep's time, information when only the names differ).
     */
    ZONE_MISMATCH(Severity.WARNING),
    /**
     * The cell has no per-request records, only its summary: its energy figures are the run-window estimate
     * ({@link io.github.tokjoule.core.join.RunWindowEstimator}), the trace's energy over the run shared per request and
     * split by the mean timings; prefill's own power is not measured ({@link FlagRules#runWindowEstimate}).
     *
     * @since 0.2.0
     */
    RUN_WINDOW_ESTIMATE(Severity.WARNING);

    private final Severity defaultSeverity;

    AccuracyFlag(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    /** {@return the severity this flag has unless a rule decides otherwise} */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
