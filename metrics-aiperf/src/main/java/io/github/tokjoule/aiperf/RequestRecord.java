package io.github.tokjoule.aiperf;

import io.github.tokjoule.core.join.RequestTimeline;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code profile_export.jsonl}: a request's metadata, its metrics (converted by their units) and, for a
 * failed request, its error.
 *
 * <p>Timestamps ({@code *_ns}) are wall-clock epoch nanoseconds ({@code time.time_ns()} on the benchmark host), so
 * they need no zone. Latency metrics come from {@code perf_counter} deltas: {@link #requestLatencyMillis()} is close
 * to, but not exactly, {@code requestEnd − requestStart} (tens of microseconds apart in the corpus).
 *
 * <p>A failed request carries {@link #error()} and usually only the {@code error_isl} metric; aiperf's summary
 * statistics are computed over successful profiling records only.
 *
 * @since 0.1.0
 */
public final class RequestRecord {

    static final long ABSENT = Long.MIN_VALUE;

    private final long lineNumber;
    private final @Nullable Long sessionNum;
    private final @Nullable String requestId;
    private final @Nullable String correlationId;
    private final @Nullable String conversationId;
    private final @Nullable Integer turnIndex;
    private final long creditIssuedEpochNanos;
    private final long requestStartEpochNanos;
    private final long requestAckEpochNanos;
    private final long requestEndEpochNanos;
    private final long cancellationEpochNanos;
    private final @Nullable String workerId;
    private final @Nullable String recordProcessorId;
    private final @Nullable String phaseName;
    private final @Nullable Boolean wasCancelled;
    private final Map<String, RecordMetric> metrics;
    private final @Nullable ErrorDetails error;

    @SuppressWarnings("TooManyParameters") // built by RecordParser only
    RequestRecord(
            long lineNumber,
            @Nullable Long sessionNum,
            @Nullable String requestId,
            @Nullable String correlationId,
            @Nullable String conversationId,
            @Nullable Integer turnIndex,
            long creditIssuedEpochNanos,
            long requestStartEpochNanos,
            long requestAckEpochNanos,
            long requestEndEpochNanos,
            long cancellationEpochNanos,
            @Nullable String workerId,
            @Nullable String recordProcessorId,
            @Nullable String phaseName,
            @Nullable Boolean wasCancelled,
            Map<String, RecordMetric> metrics,
            @Nullable ErrorDetails error) {
        this.lineNumber = lineNumber;
        this.sessionNum = sessionNum;
        this.requestId = requestId;
        this.correlationId = correlationId;
        this.conversationId = conversationId;
        this.turnIndex = turnIndex;
        this.creditIssuedEpochNanos = creditIssuedEpochNanos;
        this.requestStartEpochNanos = requestStartEpochNanos;
        this.requestAckEpochNanos = requestAckEpochNanos;
        this.requestEndEpochNanos = requestEndEpochNanos;
        this.cancellationEpochNanos = cancellationEpochNanos;
        this.workerId = workerId;
        this.recordProcessorId = recordProcessorId;
        this.phaseName = phaseName;
        this.wasCancelled = wasCancelled;
        this.metrics = Collections.unmodifiableMap(metrics);
        this.error = error;
    }

    private static OptionalLong ns(long v) {
        return v == ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** {@return the 1-based line of this record in its file} */
    public long lineNumber() {
        return lineNumber;
    }

    // --- metadata -----------------------------------------------------------------------------------------

    /** {@return {@code session_num}} */
    public OptionalLong sessionNum() {
        return sessionNum == null ? OptionalLong.empty() : OptionalLong.of(sessionNum);
    }

    /** {@return {@code x_request_id}} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** {@return {@code x_correlation_id}} */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /** {@return {@code conversation_id}} */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** {@return {@code turn_index} within the conversation} */
    public OptionalInt turnIndex() {
        return turnIndex == null ? OptionalInt.empty() : OptionalInt.of(turnIndex);
    }

    /** {@return when the request's credit was issued, epoch nanoseconds (aiperf ≥ 0.5)} */
    public OptionalLong creditIssuedEpochNanos() {
        return ns(creditIssuedEpochNanos);
    }

    /** {@return when the request was sent, epoch nanoseconds} */
    public OptionalLong requestStartEpochNanos() {
        return ns(requestStartEpochNanos);
    }

    /** {@return when the server acknowledged the request (streaming only), epoch nanoseconds} */
    public OptionalLong requestAckEpochNanos() {
        return ns(requestAckEpochNanos);
    }

    /** {@return when the last response arrived, epoch nanoseconds} */
    public OptionalLong requestEndEpochNanos() {
        return ns(requestEndEpochNanos);
    }

    /** {@return when the request was cancelled, epoch nanoseconds} */
    public OptionalLong cancellationEpochNanos() {
        return ns(cancellationEpochNanos);
    }

    /** {@return {@code worker_id}} */
    public Optional<String> workerId() {
        return Optional.ofNullable(workerId);
    }

    /** {@return {@code record_processor_id}} */
    public Optional<String> recordProcessorId() {
        return Optional.ofNullable(recordProcessorId);
    }

    /** {@return the phase} */
    public BenchmarkPhase phase() {
        return phaseName == null ? BenchmarkPhase.UNKNOWN : BenchmarkPhase.of(phaseName);
    }

    /** {@return the phase name as written ({@code benchmark_phase})} */
    public Optional<String> phaseName() {
        return Optional.ofNullable(phaseName);
    }

    /** {@return {@code was_cancelled}} */
    public Optional<Boolean> wasCancelled() {
        return Optional.ofNullable(wasCancelled);
    }

    // --- the join ----------------------------------------------------------------------------------------

    /**
     * Returns this record as the join's {@link RequestTimeline}: the one place where aiperf's millisecond TTFT
     * becomes an epoch-nanosecond instant.
     *
     * <ul>
     *   <li>a failed record: {@link RequestTimeline#failed} from {@code request_start_ns} to {@code request_end_ns},
     *       with its input length (NaN if absent);
     *   <li>a successful record: first token at {@code request_start_ns + round(time_to_first_token ms · 10^6)},
     *       never after {@code request_end_ns} (aiperf's latencies come from {@code perf_counter}, its stamps from the
     *       wall clock: they disagree by tens of microseconds);
     *   <li>a successful record without a TTFT (not streamed, or a negative value): no first token is known, so the
     *       first token is put at the start and the whole request counts as decode;
     *   <li>input and output lengths are {@code input_sequence_length} and {@code output_sequence_length}, NaN when
     *       the record lacks them (the estimators then exclude it as {@code TOKENS_UNKNOWN}).
     * </ul>
     *
     * @return the timeline
     * @throws AiperfFormatException if the record has no {@code request_start_ns} or {@code request_end_ns}, or ends
     *     before it starts: the message names the record's line
     * @since 0.2.0
     */
    public RequestTimeline timeline() {
        return timeline("profile_export.jsonl");
    }

    RequestTimeline timeline(String source) {
        String where = "line " + lineNumber;
        if (requestStartEpochNanos == ABSENT || requestEndEpochNanos == ABSENT) {
            throw new AiperfFormatException(
                    source,
                    where,
                    "the record has no " + (requestStartEpochNanos == ABSENT ? "request_start_ns" : "request_end_ns")
                            + ": it cannot be placed in time (aiperf 0.2 or later writes both for every record)",
                    null);
        }
        long start = requestStartEpochNanos;
        long end = requestEndEpochNanos;
        if (end < start) {
            throw new AiperfFormatException(
                    source, where, "request_end_ns (" + end + ") is before request_start_ns (" + start + ")", null);
        }
        double isl = inputSequenceLengthTokens();
        if (isError()) {
            return RequestTimeline.failed(start, end, isl);
        }
        double osl = outputSequenceLengthTokens();
        double ttft = timeToFirstTokenMillis();
        long first = ttft >= 0 ? Math.min(end, start + Math.round(ttft * 1e6)) : start; // NaN >= 0 is false
        return RequestTimeline.succeeded(start, first, end, isl, osl);
    }

    // --- outcome ------------------------------------------------------------------------------------------

    /** {@return the error of a failed request} */
    public Optional<ErrorDetails> error() {
        return Optional.ofNullable(error);
    }

    /** {@return whether the request failed (has an error)} */
    public boolean isError() {
        return error != null;
    }

    // --- metrics ------------------------------------------------------------------------------------------

    /** {@return every metric by canonical name, in file order} */
    public Map<String, RecordMetric> metrics() {
        return metrics;
    }

    /**
     * Returns one metric.
     *
     * @param name a canonical name or a legacy alias ({@code ttft})
     * @return the metric, or empty if the record does not have it
     */
    public Optional<RecordMetric> metric(String name) {
        return Optional.ofNullable(metrics.get(ProfileParser.ALIASES.getOrDefault(name, name)));
    }

    /**
     * Returns a scalar metric in a given unit.
     *
     * @param name a canonical name or alias
     * @param unit the unit expected
     * @return the value, or NaN if the metric is absent, a list, or in another unit
     */
    public double value(String name, MetricUnit unit) {
        RecordMetric m = metrics.get(ProfileParser.ALIASES.getOrDefault(name, name));
        return m == null || m.isList() || m.unit() != unit ? Double.NaN : m.value();
    }

    /** {@return time to first token in milliseconds, or NaN if the record does not have it} */
    public double timeToFirstTokenMillis() {
        return value("time_to_first_token", MetricUnit.MILLISECONDS);
    }

    /** {@return time from first to second token in milliseconds, or NaN if the record does not have it} */
    public double timeToSecondTokenMillis() {
        return value("time_to_second_token", MetricUnit.MILLISECONDS);
    }

    /** {@return time to first non-reasoning token in milliseconds, or NaN if the record does not have it} */
    public double timeToFirstOutputTokenMillis() {
        return value("time_to_first_output_token", MetricUnit.MILLISECONDS);
    }

    /** {@return inter-token latency {@code (RL − TTFT) / (OSL − 1)} in milliseconds, or NaN if the record does not have it} */
    public double interTokenLatencyMillis() {
        return value("inter_token_latency", MetricUnit.MILLISECONDS);
    }

    /** {@return request latency in milliseconds, or NaN if the record does not have it} */
    public double requestLatencyMillis() {
        return value("request_latency", MetricUnit.MILLISECONDS);
    }

    /** {@return input sequence length in tokens, or NaN if the record does not have it} */
    public double inputSequenceLengthTokens() {
        return value("input_sequence_length", MetricUnit.TOKENS);
    }

    /** {@return output sequence length (reasoning included) in tokens, or NaN if the record does not have it} */
    public double outputSequenceLengthTokens() {
        return value("output_sequence_length", MetricUnit.TOKENS);
    }

    /** {@return output token throughput of this request ({@code 1000 / ITL[ms]}) in tokens per second per user, or NaN if the record does not have it} */
    public double outputTokensPerSecondPerUser() {
        return value("output_token_throughput_per_user", MetricUnit.TOKENS_PER_SECOND_PER_USER);
    }

    /**
     * {@return the gaps between consecutive responses in milliseconds (a copy); empty if absent or not in a time
     * unit, or stepped over by {@link RecordOptions#skipListMetrics()} (then counted in
     * {@link JsonLinesReport#skippedListMetrics()}). Their sum is {@code RL − TTFT}}
     */
    public double[] interChunkLatenciesMillis() {
        RecordMetric m = metrics.get("inter_chunk_latency");
        return m == null || m.unit() != MetricUnit.MILLISECONDS ? new double[0] : m.values();
    }

    @Override
    public String toString() {
        return "RequestRecord[line " + lineNumber + ", " + phase() + (error != null ? ", error " + error : "") + ", "
                + metrics.size() + " metrics]";
    }
}
