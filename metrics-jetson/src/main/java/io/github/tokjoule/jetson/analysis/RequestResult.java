package io.github.tokjoule.jetson.analysis;

/**
 * One successful request as the MEASURED method integrated it.
 *
 * @param startEpochNanos aiperf's {@code request_start_ns}
 * @param firstTokenEpochNanos start + TTFT
 * @param endEpochNanos aiperf's {@code request_end_ns}
 * @param inputTokens ISL, NaN if the record has none
 * @param outputTokens OSL, NaN if the record has none
 * @param prefillJoules energy over {@code [start, first token]}
 * @param decodeJoules energy over {@code [first token, end]}
 * @param totalJoules energy over {@code [start, end]}
 * @param prefillSamples power samples inside the prefill window
 * @param requestSamples power samples inside the request window
 * @since 0.1.0
 */
public record RequestResult(
        long startEpochNanos,
        long firstTokenEpochNanos,
        long endEpochNanos,
        double inputTokens,
        double outputTokens,
        double prefillJoules,
        double decodeJoules,
        double totalJoules,
        int prefillSamples,
        int requestSamples) {

    /** {@return OSL / total energy, or NaN} */
    public double outputTokensPerJoule() {
        return totalJoules > 0 ? outputTokens / totalJoules : Double.NaN;
    }
}
