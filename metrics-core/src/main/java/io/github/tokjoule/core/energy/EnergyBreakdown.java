package io.github.tokjoule.core.energy;

/**
 * Every energy and efficiency of one cell by the seed's arithmetic (DESIGN §3.3, seed §J.3–J.7), computed at once
 * from {@link PhaseInputs}.
 *
 * <pre>
 * prefill_J = P_prefill · TTFT          decode_J = P_decode · (RL − TTFT)
 * total_J   = prefill_J + decode_J      (= P · RL, seed §J.4, when both phases are at P)
 * prefill share = prefill_J / total_J
 * prefill tok/J = ISL / prefill_J       decode tok/J = OSL / decode_J       total tok/J = (ISL + OSL) / total_J
 * mJ per output token = 1000 / decode tok/J
 * output tok/J: REQUEST = OSL / (P · RL), DECODE_PHASE = decode tok/J, THROUGHPUT = tok_s / P
 * </pre>
 *
 * <p>With distinct phase powers {@code total_J} is the sum of the phase energies, as in the seed's corrected script
 * that produced its published total tok/J; {@link OutputTokJVariant#REQUEST} keeps the window power {@code P} as
 * §J.3 writes it.
 *
 * <p>Degenerate cells give {@code NaN}, not exceptions: a zero TTFT makes prefill tok/J {@code NaN}; {@code RL =
 * TTFT} makes decode tok/J and mJ per token {@code NaN}; {@code RL = 0} makes every ratio {@code NaN}; zero output
 * tokens make mJ per output token {@code NaN}; an unknown token rate makes {@code THROUGHPUT} {@code NaN}.
 *
 * @param prefillJoules energy of the prefill phase per request, J
 * @param decodeJoules energy of the decode phase per request, J
 * @param totalJoules energy of the request, J
 * @param prefillShare {@code prefill_J / total_J}, in [0, 1], or {@code NaN}
 * @param prefillTokensPerJoule input tokens per joule of prefill, or {@code NaN}
 * @param decodeTokensPerJoule output tokens per joule of decode, or {@code NaN}
 * @param totalTokensPerJoule input and output tokens per joule of the request, or {@code NaN}
 * @param millijoulesPerOutputToken {@code 1000 / decode tok/J}, or {@code NaN}
 * @param requestOutputTokensPerJoule {@link OutputTokJVariant#REQUEST}, or {@code NaN}
 * @param throughputOutputTokensPerJoule {@link OutputTokJVariant#THROUGHPUT}, or {@code NaN}
 * @since 0.1.0
 */
public record EnergyBreakdown(
        double prefillJoules,
        double decodeJoules,
        double totalJoules,
        double prefillShare,
        double prefillTokensPerJoule,
        double decodeTokensPerJoule,
        double totalTokensPerJoule,
        double millijoulesPerOutputToken,
        double requestOutputTokensPerJoule,
        double throughputOutputTokensPerJoule) {

    /**
     * Computes the breakdown of a cell.
     *
     * @param in the validated inputs
     * @return the breakdown
     */
    public static EnergyBreakdown of(PhaseInputs in) {
        double prefillJ = TokenEnergy.prefillJoules(in.prefillWatts(), in.ttftSeconds());
        double decodeJ = TokenEnergy.decodeJoules(in.decodeWatts(), in.ttftSeconds(), in.requestLatencySeconds());
        double totalJ = prefillJ + decodeJ;
        double decodeTokJ = ratio(in.outputTokens(), decodeJ);
        double windowJ = in.watts() * in.requestLatencySeconds();
        return new EnergyBreakdown(
                prefillJ,
                decodeJ,
                totalJ,
                ratio(prefillJ, totalJ),
                ratio(in.inputTokens(), prefillJ),
                decodeTokJ,
                ratio(in.inputTokens() + in.outputTokens(), totalJ),
                ratio(1000, decodeTokJ),
                ratio(in.outputTokens(), windowJ),
                in.outputTokensPerSecond() / in.watts());
    }

    /**
     * Returns one of the three output tokens per joule.
     *
     * @param variant the variant
     * @return its value, or {@code NaN} if it cannot be computed for this cell
     */
    public double outputTokensPerJoule(OutputTokJVariant variant) {
        switch (variant) {
            case REQUEST:
                return requestOutputTokensPerJoule;
            case DECODE_PHASE:
                return decodeTokensPerJoule;
            default:
                return throughputOutputTokensPerJoule;
        }
    }

    /** {@return {@code numerator / denominator}, or {@code NaN} when the denominator is not positive and finite} */
    private static double ratio(double numerator, double denominator) {
        return denominator > 0 && Double.isFinite(denominator) ? numerator / denominator : Double.NaN;
    }
}
