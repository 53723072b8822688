package io.github.tokjoule.core.energy;

/**
 * The inputs of the seed's per-cell energy arithmetic (seed §J, DESIGN §3.3): realised token counts, the cell's
 * TTFT and request latency (the seed uses their p50) and the powers of the window and of each phase.
 *
 * <p>{@link #of(double, double, double, double, double)} puts both phases at the window power, which is the seed's
 * §J.4–J.6 as written; {@link #withPhaseWatts(double, double)} gives the phases their own powers, which is what its
 * published values use (median of the samples classified as prefill or decode, docs/reference/seed-methodology.md §2.7).
 *
 * @param inputTokens realised input tokens per request {@code ISL}, finite and not negative
 * @param outputTokens realised output tokens per request {@code OSL}, finite and not negative
 * @param ttftSeconds time to first token, finite and not negative
 * @param requestLatencySeconds request latency, finite and not less than {@code ttftSeconds}
 * @param watts power of the window {@code P}, finite and positive
 * @param prefillWatts power during prefill, finite and positive
 * @param decodeWatts power during decode, finite and positive
 * @param outputTokensPerSecond the per-user output token rate {@code tok_s}, finite and not negative, or
 *     {@code NaN} if unknown (then the {@link OutputTokJVariant#THROUGHPUT} variant is {@code NaN})
 * @since 0.1.0
 */
public record PhaseInputs(
        double inputTokens,
        double outputTokens,
        double ttftSeconds,
        double requestLatencySeconds,
        double watts,
        double prefillWatts,
        double decodeWatts,
        double outputTokensPerSecond) {

    /**
     * Validates the inputs.
     *
     * @throws IllegalArgumentException naming the first invalid argument and its value
     */
    public PhaseInputs {
        TokenEnergy.nonNegative(inputTokens, "inputTokens");
        TokenEnergy.nonNegative(outputTokens, "outputTokens");
        TokenEnergy.decodeSeconds(ttftSeconds, requestLatencySeconds);
        TokenEnergy.positive(watts, "watts");
        TokenEnergy.positive(prefillWatts, "prefillWatts");
        TokenEnergy.positive(decodeWatts, "decodeWatts");
        if (!Double.isNaN(outputTokensPerSecond)) {
            TokenEnergy.nonNegative(outputTokensPerSecond, "outputTokensPerSecond");
        }
    }

    /**
     * Returns inputs with both phases at the window power and no token rate.
     *
     * @param inputTokens realised input tokens {@code ISL}
     * @param outputTokens realised output tokens {@code OSL}
     * @param ttftSeconds time to first token
     * @param requestLatencySeconds request latency, not less than {@code ttftSeconds}
     * @param watts the window power, positive
     * @return the inputs
     * @throws IllegalArgumentException naming the first invalid argument
     */
    public static PhaseInputs of(
            double inputTokens, double outputTokens, double ttftSeconds, double requestLatencySeconds, double watts) {
        return new PhaseInputs(
                inputTokens, outputTokens, ttftSeconds, requestLatencySeconds, watts, watts, watts, Double.NaN);
    }

    /**
     * Returns a copy with the given phase powers.
     *
     * @param prefillWatts the power during prefill, positive
     * @param decodeWatts the power during decode, positive
     * @return the new inputs
     * @throws IllegalArgumentException if a power is not positive and finite
     */
    public PhaseInputs withPhaseWatts(double prefillWatts, double decodeWatts) {
        return new PhaseInputs(
                inputTokens,
                outputTokens,
                ttftSeconds,
                requestLatencySeconds,
                watts,
                prefillWatts,
                decodeWatts,
                outputTokensPerSecond);
    }

    /**
     * Returns a copy with the given output token rate.
     *
     * @param outputTokensPerSecond the per-user output token rate, not negative, or {@code NaN}
     * @return the new inputs
     * @throws IllegalArgumentException if the rate is negative or infinite
     */
    public PhaseInputs withOutputTokensPerSecond(double outputTokensPerSecond) {
        return new PhaseInputs(
                inputTokens,
                outputTokens,
                ttftSeconds,
                requestLatencySeconds,
                watts,
                prefillWatts,
                decodeWatts,
                outputTokensPerSecond);
    }
}
