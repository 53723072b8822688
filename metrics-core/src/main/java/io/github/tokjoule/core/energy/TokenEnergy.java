package io.github.tokjoule.core.energy;

/**
 * The token-energy formulas of DESIGN §3.3 (seed §J.3–J.7), one static method each, with units in every parameter
 * name.
 *
 * <p>Symbols: {@code ISL}/{@code OSL} input/output tokens per request (realised, not target), {@code TTFT} and
 * {@code RL} time to first token and request latency in seconds (the seed uses their p50), {@code P},
 * {@code P_prefill}, {@code P_decode} power in watts.
 *
 * <pre>
 * total_J   = P · RL                 prefill_J = P_prefill · TTFT        decode_J = P_decode · (RL − TTFT)
 * output tok/J  REQUEST      = OSL / (P · RL)
 *               DECODE_PHASE = OSL / (P_decode · (RL − TTFT))
 *               THROUGHPUT   = tok_s / P
 * prefill tok/J = ISL / prefill_J     decode tok/J = OSL / decode_J     total tok/J = (ISL + OSL) / total_J
 * mJ per output token = 1000 / decode tok/J      prefill share = prefill_J / total_J
 * </pre>
 *
 * <p>Validation, common to every method: token counts, durations and energies must be finite and not negative,
 * powers finite and positive (a zero power is a failed measurement, not an efficiency); a quantity in a denominator
 * must be positive; {@code RL ≥ TTFT}. Violations throw {@link IllegalArgumentException} naming the argument and
 * its value.
 *
 * @since 0.1.0
 */
public final class TokenEnergy {

    private TokenEnergy() {}

    /**
     * Energy of a request at constant power: {@code total_J = P · RL} (seed §J.4).
     *
     * @param watts the power {@code P}, positive
     * @param requestLatencySeconds the request latency {@code RL}, not negative
     * @return the energy in joules
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double totalJoules(double watts, double requestLatencySeconds) {
        return positive(watts, "watts") * nonNegative(requestLatencySeconds, "requestLatencySeconds");
    }

    /**
     * Energy of the prefill phase: {@code prefill_J = P_prefill · TTFT} (seed §J.5).
     *
     * @param prefillWatts the power during prefill, positive (the seed uses the window power)
     * @param ttftSeconds the time to first token, not negative
     * @return the energy in joules
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double prefillJoules(double prefillWatts, double ttftSeconds) {
        return positive(prefillWatts, "prefillWatts") * nonNegative(ttftSeconds, "ttftSeconds");
    }

    /**
     * Energy of the decode phase: {@code decode_J = P_decode · (RL − TTFT)} (seed §J.5).
     *
     * @param decodeWatts the power during decode, positive
     * @param ttftSeconds the time to first token, not negative
     * @param requestLatencySeconds the request latency, not less than {@code ttftSeconds}
     * @return the energy in joules
     * @throws IllegalArgumentException on an invalid argument, or if {@code RL < TTFT}
     */
    public static double decodeJoules(double decodeWatts, double ttftSeconds, double requestLatencySeconds) {
        return positive(decodeWatts, "decodeWatts") * decodeSeconds(ttftSeconds, requestLatencySeconds);
    }

    /**
     * The decode time {@code RL − TTFT} in seconds (seed Table 10a's "decode time").
     *
     * @param ttftSeconds the time to first token, not negative
     * @param requestLatencySeconds the request latency, not less than {@code ttftSeconds}
     * @return {@code RL − TTFT}, not negative
     * @throws IllegalArgumentException on an invalid argument, or if {@code RL < TTFT}
     */
    public static double decodeSeconds(double ttftSeconds, double requestLatencySeconds) {
        nonNegative(ttftSeconds, "ttftSeconds");
        nonNegative(requestLatencySeconds, "requestLatencySeconds");
        if (requestLatencySeconds < ttftSeconds) {
            throw new IllegalArgumentException("requestLatencySeconds (" + requestLatencySeconds
                    + ") is less than ttftSeconds (" + ttftSeconds + ")");
        }
        return requestLatencySeconds - ttftSeconds;
    }

    /**
     * Share of the request energy spent in prefill: {@code prefill_J / total_J} (seed §J.5 without the ×100).
     *
     * @param prefillJoules the prefill energy, not negative and not above {@code totalJoules}
     * @param totalJoules the request energy, positive
     * @return the share in [0, 1]
     * @throws IllegalArgumentException on an invalid argument or if {@code prefillJoules > totalJoules}
     */
    public static double prefillShare(double prefillJoules, double totalJoules) {
        nonNegative(prefillJoules, "prefillJoules");
        positive(totalJoules, "totalJoules");
        if (prefillJoules > totalJoules) {
            throw new IllegalArgumentException(
                    "prefillJoules (" + prefillJoules + ") exceeds totalJoules (" + totalJoules + ")");
        }
        return prefillJoules / totalJoules;
    }

    /**
     * {@link OutputTokJVariant#REQUEST}: {@code OSL / (P · RL)}, output tokens per joule of the whole request (seed
     * §J.3 as written).
     *
     * @param outputTokens the output tokens {@code OSL}, not negative
     * @param watts the power of the window {@code P}, positive
     * @param requestLatencySeconds the request latency {@code RL}, positive
     * @return output tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double requestOutputTokensPerJoule(double outputTokens, double watts, double requestLatencySeconds) {
        nonNegative(outputTokens, "outputTokens");
        positive(requestLatencySeconds, "requestLatencySeconds");
        return outputTokens / totalJoules(watts, requestLatencySeconds);
    }

    /**
     * {@link OutputTokJVariant#DECODE_PHASE}: {@code OSL / (P_decode · (RL − TTFT))}, output tokens per joule of the
     * decode phase (what the seed's published values are).
     *
     * @param outputTokens the output tokens {@code OSL}, not negative
     * @param decodeWatts the power during decode, positive
     * @param ttftSeconds the time to first token, not negative
     * @param requestLatencySeconds the request latency, greater than {@code ttftSeconds}
     * @return output tokens per joule of decode
     * @throws IllegalArgumentException on an invalid argument, if {@code RL < TTFT}, or if {@code RL = TTFT} (no
     *     decode time)
     */
    public static double decodePhaseOutputTokensPerJoule(
            double outputTokens, double decodeWatts, double ttftSeconds, double requestLatencySeconds) {
        return decodeTokensPerJoule(outputTokens, decodeJoules(decodeWatts, ttftSeconds, requestLatencySeconds));
    }

    /**
     * {@link OutputTokJVariant#THROUGHPUT}: {@code tok_s / P}, tokens per second per watt (= tokens per joule at
     * steady state; seed README, v1 code, 7W rows; seed 002).
     *
     * @param outputTokensPerSecond the output token rate, not negative
     * @param watts the power, positive
     * @return output tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double throughputOutputTokensPerJoule(double outputTokensPerSecond, double watts) {
        return nonNegative(outputTokensPerSecond, "outputTokensPerSecond") / positive(watts, "watts");
    }

    /**
     * Input tokens per joule of prefill: {@code ISL / prefill_J} (seed §J.6).
     *
     * @param inputTokens the input tokens {@code ISL}, not negative
     * @param prefillJoules the prefill energy, positive
     * @return input tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double prefillTokensPerJoule(double inputTokens, double prefillJoules) {
        return nonNegative(inputTokens, "inputTokens") / positive(prefillJoules, "prefillJoules");
    }

    /**
     * Output tokens per joule of decode: {@code OSL / decode_J} (seed §J.6).
     *
     * @param outputTokens the output tokens {@code OSL}, not negative
     * @param decodeJoules the decode energy, positive
     * @return output tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double decodeTokensPerJoule(double outputTokens, double decodeJoules) {
        return nonNegative(outputTokens, "outputTokens") / positive(decodeJoules, "decodeJoules");
    }

    /**
     * All tokens per joule of the request: {@code (ISL + OSL) / total_J} (seed §J.6, Table 13).
     *
     * @param inputTokens the input tokens {@code ISL}, not negative
     * @param outputTokens the output tokens {@code OSL}, not negative
     * @param totalJoules the request energy, positive
     * @return tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double totalTokensPerJoule(double inputTokens, double outputTokens, double totalJoules) {
        return (nonNegative(inputTokens, "inputTokens") + nonNegative(outputTokens, "outputTokens"))
                / positive(totalJoules, "totalJoules");
    }

    /**
     * Millijoules per output token: {@code 1000 / decode tok/J} (seed §J.7, Figure 16).
     *
     * @param decodeTokensPerJoule the decode efficiency, positive
     * @return millijoules per output token
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double millijoulesPerOutputToken(double decodeTokensPerJoule) {
        return 1000 / positive(decodeTokensPerJoule, "decodeTokensPerJoule");
    }

    /**
     * Tokens per joule of one measurement: {@code tokens / joules}.
     *
     * @param tokens tokens produced or processed, not negative
     * @param joules the energy spent, positive
     * @return tokens per joule
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double tokensPerJoule(double tokens, double joules) {
        return nonNegative(tokens, "tokens") / positive(joules, "joules");
    }

    /**
     * The measured method's cell efficiency: the ratio of sums {@code Σ tokens_i / Σ joules_i} over the successful
     * requests of a cell, the way MLPerf Power defines work per joule (DESIGN §3.3). Unlike a mean of per-request
     * ratios it is not dominated by short requests whose energy is poorly sampled.
     *
     * @param tokens tokens of each request, each not negative
     * @param joules energy of each request, each not negative; same length as {@code tokens}
     * @return tokens per joule, or {@code NaN} if there are no requests
     * @throws IllegalArgumentException if the lengths differ, a value is negative or not finite (the message names
     *     its index), or the energies sum to zero while there are requests
     */
    public static double tokensPerJouleOfSums(double[] tokens, double[] joules) {
        if (tokens.length != joules.length) {
            throw new IllegalArgumentException(
                    "tokens and joules differ in length: " + tokens.length + " tokens, " + joules.length + " energies");
        }
        if (tokens.length == 0) {
            return Double.NaN;
        }
        double sumTokens = 0;
        double sumJoules = 0;
        for (int i = 0; i < tokens.length; i++) {
            sumTokens += nonNegative(tokens[i], "tokens[" + i + "]");
            sumJoules += nonNegative(joules[i], "joules[" + i + "]");
        }
        return sumTokens / positive(sumJoules, "sum of joules");
    }

    static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and not negative: " + value);
        }
        return value;
    }
}
