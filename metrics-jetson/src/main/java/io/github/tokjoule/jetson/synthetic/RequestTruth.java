package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.power.TimeWindow;

/**
 * The ground truth of one synthetic request: its true timestamps, token counts, the exact energy of the true power
 * function over its prefill and decode windows, and what 500 ms sampling could see of it.
 *
 * <p>Windows: prefill = {@code [startEpochNanos, firstTokenEpochNanos]}, decode = {@code [firstTokenEpochNanos,
 * endEpochNanos]}. A failed request has no first token: its whole window counts as prefill (the server failed while
 * processing the prompt) and {@code firstTokenEpochNanos == endEpochNanos}.
 *
 * @param index the request's position in the cell, from 0
 * @param succeeded {@code false} for a request aiperf records as an error
 * @param startEpochNanos aiperf's {@code request_start_ns}
 * @param ackEpochNanos aiperf's {@code request_ack_ns} (response headers, a few ms after the start, before the first
 *     token); equals the start for a failed request, which has none
 * @param firstTokenEpochNanos when the first token arrived ({@code start + TTFT})
 * @param endEpochNanos aiperf's {@code request_end_ns} ({@code start + request latency})
 * @param inputTokens the realised input length (0 for a failed request in aiperf's successful-request metrics)
 * @param outputTokens the realised output length (0 for a failed request)
 * @param prefillJoules exact energy over the prefill window, per rail
 * @param decodeJoules exact energy over the decode window, per rail
 * @param sampledPrefillJoules the integral over the prefill window of the sampled trace (the printed mW values at
 *     their true sample times, trapezoid rule, linear interpolation at the window edges), per rail
 * @param sampledTotalJoules the same over the whole request window
 * @param samplesInPrefill tegrastats samples whose true time lies inside the closed prefill window
 * @param samplesInRequest tegrastats samples whose true time lies inside the closed request window
 * @since 0.1.0
 */
public record RequestTruth(
        int index,
        boolean succeeded,
        long startEpochNanos,
        long ackEpochNanos,
        long firstTokenEpochNanos,
        long endEpochNanos,
        int inputTokens,
        int outputTokens,
        RailEnergies prefillJoules,
        RailEnergies decodeJoules,
        RailEnergies sampledPrefillJoules,
        RailEnergies sampledTotalJoules,
        int samplesInPrefill,
        int samplesInRequest) {

    /** {@return the exact energy over the whole request window, per rail} */
    public RailEnergies totalJoules() {
        return prefillJoules.plus(decodeJoules);
    }

    /** {@return the request window {@code [start, end]}} */
    public TimeWindow window() {
        return TimeWindow.of(startEpochNanos, endEpochNanos);
    }

    /** {@return the prefill window {@code [start, first token]}} */
    public TimeWindow prefillWindow() {
        return TimeWindow.of(startEpochNanos, firstTokenEpochNanos);
    }

    /** {@return the decode window {@code [first token, end]}} */
    public TimeWindow decodeWindow() {
        return TimeWindow.of(firstTokenEpochNanos, endEpochNanos);
    }

    /** {@return the request latency in seconds} */
    public double latencySeconds() {
        return (endEpochNanos - startEpochNanos) / 1e9;
    }

    /** {@return the time to first token in seconds} */
    public double ttftSeconds() {
        return (firstTokenEpochNanos - startEpochNanos) / 1e9;
    }
}
