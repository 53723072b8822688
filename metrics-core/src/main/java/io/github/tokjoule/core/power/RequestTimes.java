package io.github.tokjoule.core.power;

import java.time.Instant;

/**
 * The three instants of one inference request, in epoch nanoseconds: sent, first output token received, last token
 * received (aiperf's per-request {@code request_start_ns}, start + TTFT, {@code request_end_ns}). They split the
 * request into a prefill window {@code [start, firstToken]} and a decode window {@code [firstToken, end]}.
 *
 * @param startEpochNanos when the request was sent, in epoch nanoseconds
 * @param firstTokenEpochNanos when the first output token arrived, not before the start
 * @param endEpochNanos when the last output token arrived, not before the first token
 * @since 0.1.0
 */
public record RequestTimes(long startEpochNanos, long firstTokenEpochNanos, long endEpochNanos) {

    /**
     * Validates the order of the instants.
     *
     * @throws IllegalArgumentException unless {@code start ≤ firstToken ≤ end}, or if the request is longer than a
     *     {@code long} of nanoseconds (292 years); the message names the instants and their values
     */
    public RequestTimes {
        if (firstTokenEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException("firstTokenEpochNanos (" + firstTokenEpochNanos
                    + ") is before startEpochNanos (" + startEpochNanos + ")");
        }
        if (endEpochNanos < firstTokenEpochNanos) {
            throw new IllegalArgumentException("endEpochNanos (" + endEpochNanos + ") is before firstTokenEpochNanos ("
                    + firstTokenEpochNanos + ")");
        }
        TimeWindow.of(startEpochNanos, endEpochNanos); // rejects a length that overflows a long
    }

    /**
     * Returns the request (start, first token, end).
     *
     * @param startEpochNanos when the request was sent, in epoch nanoseconds
     * @param firstTokenEpochNanos when the first output token arrived, not before the start
     * @param endEpochNanos when the last output token arrived, not before the first token
     * @return the request times
     * @throws IllegalArgumentException unless {@code start ≤ firstToken ≤ end}
     */
    public static RequestTimes of(long startEpochNanos, long firstTokenEpochNanos, long endEpochNanos) {
        return new RequestTimes(startEpochNanos, firstTokenEpochNanos, endEpochNanos);
    }

    /**
     * Returns the request (start, first token, end) from instants.
     *
     * @param start when the request was sent
     * @param firstToken when the first output token arrived, not before the start
     * @param end when the last output token arrived, not before the first token
     * @return the request times
     * @throws IllegalArgumentException unless {@code start ≤ firstToken ≤ end}
     * @throws ArithmeticException if an instant does not fit in a {@code long} of epoch nanoseconds
     */
    public static RequestTimes of(Instant start, Instant firstToken, Instant end) {
        return new RequestTimes(
                TimeWindow.toEpochNanos(start), TimeWindow.toEpochNanos(firstToken), TimeWindow.toEpochNanos(end));
    }

    /**
     * Returns the request from its start and its two latencies as aiperf reports them.
     *
     * @param startEpochNanos when the request was sent, in epoch nanoseconds
     * @param timeToFirstTokenNanos TTFT in nanoseconds, not negative
     * @param requestLatencyNanos request latency (start to last token) in nanoseconds, at least the TTFT
     * @return the request times
     * @throws IllegalArgumentException if a latency is negative or the request latency is below the TTFT
     * @throws ArithmeticException if an instant overflows a {@code long}
     */
    public static RequestTimes ofLatencies(long startEpochNanos, long timeToFirstTokenNanos, long requestLatencyNanos) {
        if (timeToFirstTokenNanos < 0) {
            throw new IllegalArgumentException("timeToFirstTokenNanos must not be negative: " + timeToFirstTokenNanos);
        }
        if (requestLatencyNanos < timeToFirstTokenNanos) {
            throw new IllegalArgumentException("requestLatencyNanos (" + requestLatencyNanos
                    + ") is below timeToFirstTokenNanos (" + timeToFirstTokenNanos + ")");
        }
        return new RequestTimes(
                startEpochNanos,
                Math.addExact(startEpochNanos, timeToFirstTokenNanos),
                Math.addExact(startEpochNanos, requestLatencyNanos));
    }

    /** {@return the prefill window {@code [start, firstToken]}} */
    public TimeWindow prefillWindow() {
        return TimeWindow.of(startEpochNanos, firstTokenEpochNanos);
    }

    /** {@return the decode window {@code [firstToken, end]}} */
    public TimeWindow decodeWindow() {
        return TimeWindow.of(firstTokenEpochNanos, endEpochNanos);
    }

    /** {@return the whole request {@code [start, end]}} */
    public TimeWindow totalWindow() {
        return TimeWindow.of(startEpochNanos, endEpochNanos);
    }

    /** {@return the time to first token in nanoseconds: {@code firstToken − start}} */
    public long timeToFirstTokenNanos() {
        return firstTokenEpochNanos - startEpochNanos;
    }

    /** {@return the request latency in nanoseconds: {@code end − start}} */
    public long requestLatencyNanos() {
        return endEpochNanos - startEpochNanos;
    }
}
