package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.TimeWindow;

/**
 * One inference request as the join sees it: its three instants in epoch nanoseconds, its token counts, and whether
 * it succeeded. A load generator's record (aiperf's {@code profile_export.jsonl}, a live window) converts to this
 * shape and to no other.
 *
 * <p>A failed request has no first token: {@link #failed} sets {@code firstTokenEpochNanos = endEpochNanos} and
 * its output tokens to 0, so its prefill window is the whole request and its decode window is empty. Estimators
 * leave failed requests out of the cell's figures and count them ({@link ExclusionReason#FAILED}).
 *
 * <p>Token counts are NaN when the source did not report them; such a request is left out of the cell's figures
 * ({@link ExclusionReason#TOKENS_UNKNOWN}), since a ratio of sums needs the same requests above and below the line.
 *
 * @param startEpochNanos when the request was sent
 * @param firstTokenEpochNanos when the first output token arrived; not before the start
 * @param endEpochNanos when the last output token arrived (or the request failed); not before the first token
 * @param inputTokens input tokens (ISL), finite and not negative, or NaN if unknown
 * @param outputTokens output tokens (OSL), finite and not negative, or NaN if unknown
 * @param succeeded {@code false} for a request that ended in an error
 * @since 0.2.0
 */
public record RequestTimeline(
        long startEpochNanos,
        long firstTokenEpochNanos,
        long endEpochNanos,
        double inputTokens,
        double outputTokens,
        boolean succeeded) {

    /**
     * Validates the timeline.
     *
     * @throws IllegalArgumentException unless {@code start ≤ firstToken ≤ end}, if the request is longer than 292
     *     years, or if a token count is negative or infinite; the message names the field and its value
     */
    public RequestTimeline {
        if (firstTokenEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException("firstTokenEpochNanos (" + firstTokenEpochNanos
                    + ") is before startEpochNanos (" + startEpochNanos + ")");
        }
        if (endEpochNanos < firstTokenEpochNanos) {
            throw new IllegalArgumentException("endEpochNanos (" + endEpochNanos + ") is before firstTokenEpochNanos ("
                    + firstTokenEpochNanos + ")");
        }
        TimeWindow.of(startEpochNanos, endEpochNanos); // rejects a length that overflows a long
        requireCount("inputTokens", inputTokens);
        requireCount("outputTokens", outputTokens);
    }

    private static void requireCount(String name, double tokens) {
        if (tokens < 0 || Double.isInfinite(tokens)) {
            throw new IllegalArgumentException(name + " must be NaN (unknown) or finite and not negative: " + tokens);
        }
    }

    /**
     * Returns a successful request.
     *
     * @param startEpochNanos when the request was sent
     * @param firstTokenEpochNanos when the first output token arrived, not before the start
     * @param endEpochNanos when the last output token arrived, not before the first token
     * @param inputTokens input tokens, or NaN if unknown
     * @param outputTokens output tokens, or NaN if unknown
     * @return the timeline
     * @throws IllegalArgumentException on instants out of order or a negative count
     */
    public static RequestTimeline succeeded(
            long startEpochNanos,
            long firstTokenEpochNanos,
            long endEpochNanos,
            double inputTokens,
            double outputTokens) {
        return new RequestTimeline(
                startEpochNanos, firstTokenEpochNanos, endEpochNanos, inputTokens, outputTokens, true);
    }

    /**
     * Returns a successful request from its start and its latencies, as aiperf reports them.
     *
     * @param startEpochNanos when the request was sent
     * @param timeToFirstTokenNanos TTFT in nanoseconds, not negative
     * @param requestLatencyNanos start to last token in nanoseconds, at least the TTFT
     * @param inputTokens input tokens, or NaN if unknown
     * @param outputTokens output tokens, or NaN if unknown
     * @return the timeline
     * @throws IllegalArgumentException if a latency is negative or the request latency is below the TTFT
     * @throws ArithmeticException if an instant overflows a {@code long}
     */
    public static RequestTimeline ofLatencies(
            long startEpochNanos,
            long timeToFirstTokenNanos,
            long requestLatencyNanos,
            double inputTokens,
            double outputTokens) {
        if (timeToFirstTokenNanos < 0) {
            throw new IllegalArgumentException("timeToFirstTokenNanos must not be negative: " + timeToFirstTokenNanos);
        }
        if (requestLatencyNanos < timeToFirstTokenNanos) {
            throw new IllegalArgumentException("requestLatencyNanos (" + requestLatencyNanos
                    + ") is below timeToFirstTokenNanos (" + timeToFirstTokenNanos + ")");
        }
        return succeeded(
                startEpochNanos,
                Math.addExact(startEpochNanos, timeToFirstTokenNanos),
                Math.addExact(startEpochNanos, requestLatencyNanos),
                inputTokens,
                outputTokens);
    }

    /**
     * Returns a failed request: no first token, no output.
     *
     * @param startEpochNanos when the request was sent
     * @param endEpochNanos when it ended in an error, not before the start
     * @param inputTokens input tokens, or NaN if unknown
     * @return the timeline, with {@code firstTokenEpochNanos = endEpochNanos} and 0 output tokens
     * @throws IllegalArgumentException if the end is before the start
     */
    public static RequestTimeline failed(long startEpochNanos, long endEpochNanos, double inputTokens) {
        return new RequestTimeline(startEpochNanos, endEpochNanos, endEpochNanos, inputTokens, 0, false);
    }

    /**
     * Returns the window of a phase.
     *
     * @param phase the phase
     * @return {@code [start, firstToken]}, {@code [firstToken, end]} or {@code [start, end]}
     */
    public TimeWindow window(Phase phase) {
        return switch (phase) {
            case PREFILL -> TimeWindow.of(startEpochNanos, firstTokenEpochNanos);
            case DECODE -> TimeWindow.of(firstTokenEpochNanos, endEpochNanos);
            case TOTAL -> TimeWindow.of(startEpochNanos, endEpochNanos);
        };
    }

    /**
     * Returns the length of a phase.
     *
     * @param phase the phase
     * @return its duration in nanoseconds, not negative
     */
    public long durationNanos(Phase phase) {
        return switch (phase) {
            case PREFILL -> firstTokenEpochNanos - startEpochNanos;
            case DECODE -> endEpochNanos - firstTokenEpochNanos;
            case TOTAL -> endEpochNanos - startEpochNanos;
        };
    }

    /** {@return {@code true} if both token counts are known (not NaN)} */
    public boolean tokensKnown() {
        return !Double.isNaN(inputTokens) && !Double.isNaN(outputTokens);
    }
}
