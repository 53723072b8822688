package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An aiperf or genai-perf summary: {@code profile_export_aiperf.json} in every layout (the {@code records} layout of
 * aiperf ≤ 0.1.1, the flat layout of 0.2.0 on with schema_version 1.0–1.5) or genai-perf's
 * {@code profile_export_genai_perf.json}. See {@code docs/AIPERF.md} and DESIGN §6.
 *
 * <p>Reading rules: every metric and every statistic is optional; {@code null} is absent; unknown keys are ignored
 * (their children skipped unread); metric values are converted by their {@code unit} field ({@link MetricUnit}),
 * never by guessing from the name; legacy and genai-perf names are mapped to the flat layout's
 * ({@code ttft → time_to_first_token}, {@code ttst → time_to_second_token},
 * {@code prefill_throughput → prefill_throughput_per_user}, {@code request_goodput → goodput}). A value of the wrong
 * type, an unknown unit or an unresolvable time is skipped and listed in {@link #report()}; a file that is not JSON
 * (or is cut short) raises {@link AiperfFormatException} naming the JSON path, line and column.
 *
 * <p>Times: {@code start_time}/{@code end_time} are written by aiperf as naive local times of the benchmark host
 * ({@code datetime.fromtimestamp}); they are resolved only with the zone the caller gives (DESIGN §4). An explicit
 * offset in the text wins over the zone. Without a zone, naive times stay unresolved ({@link #startTime()} empty,
 * {@link #startTimeText()} present) and the report says so. aiperf's start/end are the profiling phase's bounds, not
 * the first request and last response.
 *
 * @since 0.1.0
 */
public final class AiperfProfile {

    private final String source;
    private final AiperfLayout layout;
    private final @Nullable String schemaVersion;
    private final @Nullable String aiperfVersion;
    private final @Nullable String benchmarkId;
    private final Map<String, MetricStats> metrics;
    private final Map<String, MetricStats> warmupMetrics;
    private final @Nullable String startText;
    private final @Nullable String endText;
    private final @Nullable Instant start;
    private final @Nullable Instant end;
    private final @Nullable Boolean wasCancelled;
    private final InputConfig inputConfig;
    private final @Nullable List<ErrorCount> errorSummary;
    private final List<GpuSummary> gpus;
    private final ReadReport report;

    @SuppressWarnings("TooManyParameters") // built by ProfileParser only
    AiperfProfile(
            String source,
            AiperfLayout layout,
            @Nullable String schemaVersion,
            @Nullable String aiperfVersion,
            @Nullable String benchmarkId,
            Map<String, MetricStats> metrics,
            Map<String, MetricStats> warmupMetrics,
            @Nullable String startText,
            @Nullable String endText,
            @Nullable Instant start,
            @Nullable Instant end,
            @Nullable Boolean wasCancelled,
            InputConfig inputConfig,
            @Nullable List<ErrorCount> errorSummary,
            List<GpuSummary> gpus,
            ReadReport report) {
        this.source = source;
        this.layout = layout;
        this.schemaVersion = schemaVersion;
        this.aiperfVersion = aiperfVersion;
        this.benchmarkId = benchmarkId;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.warmupMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(warmupMetrics));
        this.startText = startText;
        this.endText = endText;
        this.start = start;
        this.end = end;
        this.wasCancelled = wasCancelled;
        this.inputConfig = inputConfig;
        this.errorSummary = errorSummary == null ? null : List.copyOf(errorSummary);
        this.gpus = List.copyOf(gpus);
        this.report = report;
    }

    // --- reading ------------------------------------------------------------------------------------------

    /**
     * Reads a summary file, resolving naive start/end times in a zone.
     *
     * @param file the {@code profile_export_aiperf.json} or {@code profile_export_genai_perf.json}
     * @param zone the zone of the benchmark host's clock (e.g. the sweep manifest's zone)
     * @return the profile
     * @throws IOException if the file cannot be read
     * @throws AiperfFormatException if the file is not a JSON object (the message names file, JSON path, line and
     *     column)
     */
    public static AiperfProfile read(Path file, ZoneId zone) throws IOException {
        return readFile(file, zone);
    }

    /**
     * Reads a summary file without a zone: naive start/end times stay unresolved (reported); times with an explicit
     * offset are resolved.
     *
     * @param file the summary file
     * @return the profile
     * @throws IOException if the file cannot be read
     * @throws AiperfFormatException if the file is not a JSON object
     */
    public static AiperfProfile read(Path file) throws IOException {
        return readFile(file, null);
    }

    /**
     * Reads a summary from a stream (not closed).
     *
     * @param in the JSON bytes (UTF-8, UTF-16 or UTF-32, detected)
     * @param source the name used in messages, e.g. the file name
     * @param zone the zone of the benchmark host's clock
     * @return the profile
     * @throws IOException if the stream cannot be read
     * @throws AiperfFormatException if the input is not a JSON object
     */
    public static AiperfProfile read(InputStream in, String source, ZoneId zone) throws IOException {
        return readStream(in, source, zone);
    }

    /**
     * Reads a summary from a stream (not closed) without a zone.
     *
     * @param in the JSON bytes
     * @param source the name used in messages
     * @return the profile
     * @throws IOException if the stream cannot be read
     * @throws AiperfFormatException if the input is not a JSON object
     */
    public static AiperfProfile read(InputStream in, String source) throws IOException {
        return readStream(in, source, null);
    }

    private static AiperfProfile readFile(Path file, @Nullable ZoneId zone) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readStream(in, String.valueOf(file.getFileName()), zone);
        }
    }

    private static AiperfProfile readStream(InputStream in, String source, @Nullable ZoneId zone) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            return ProfileParser.parse(p, source, zone);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // --- identity -----------------------------------------------------------------------------------------

    /** {@return the file name or description given when reading} */
    public String source() {
        return source;
    }

    /** {@return the layout of the file} */
    public AiperfLayout layout() {
        return layout;
    }

    /** {@return the {@code schema_version} (aiperf ≥ 0.4.0), as written} */
    public Optional<String> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }

    /** {@return the {@code aiperf_version} (aiperf ≥ 0.4.0)} */
    public Optional<String> aiperfVersion() {
        return Optional.ofNullable(aiperfVersion);
    }

    /** {@return the {@code benchmark_id} (aiperf ≥ 0.4.0)} */
    public Optional<String> benchmarkId() {
        return Optional.ofNullable(benchmarkId);
    }

    /** {@return what was skipped or assumed while reading} */
    public ReadReport report() {
        return report;
    }

    // --- metrics ------------------------------------------------------------------------------------------

    /** {@return every profiling-phase metric by canonical name, in file order} */
    public Map<String, MetricStats> metrics() {
        return metrics;
    }

    /**
     * Returns one metric.
     *
     * @param name a canonical name such as {@code "time_to_first_token"}, or a legacy alias such as {@code "ttft"}
     * @return the metric, or empty if the file does not have it (or has {@code null})
     */
    public Optional<MetricStats> metric(String name) {
        return Optional.ofNullable(metrics.get(ProfileParser.ALIASES.getOrDefault(name, name)));
    }

    /**
     * Returns a latency metric in milliseconds.
     *
     * @param name a canonical name or alias
     * @return the metric, or empty if absent or if its unit is not a time unit
     */
    public Optional<LatencyStats> latency(String name) {
        return metric(name).flatMap(MetricStats::asLatency);
    }

    /**
     * Returns a token-count metric.
     *
     * @param name a canonical name or alias
     * @return the metric, or empty if absent or if its unit is not tokens
     */
    public Optional<TokenStats> tokens(String name) {
        return metric(name).flatMap(MetricStats::asTokens);
    }

    /** {@return time to first token (TTFT; any token, reasoning included, in aiperf), in milliseconds} */
    public Optional<LatencyStats> timeToFirstToken() {
        return latency("time_to_first_token");
    }

    /** {@return time from the first to the second token (TTST), in milliseconds} */
    public Optional<LatencyStats> timeToSecondToken() {
        return latency("time_to_second_token");
    }

    /** {@return time to the first non-reasoning token (aiperf ≥ 0.3), in milliseconds} */
    public Optional<LatencyStats> timeToFirstOutputToken() {
        return latency("time_to_first_output_token");
    }

    /** {@return inter-token latency per request, {@code (RL − TTFT) / (OSL − 1)}, in milliseconds} */
    public Optional<LatencyStats> interTokenLatency() {
        return latency("inter_token_latency");
    }

    /** {@return inter-chunk latency, pooled over all gaps between responses, in milliseconds} */
    public Optional<LatencyStats> interChunkLatency() {
        return latency("inter_chunk_latency");
    }

    /** {@return request latency (request start to last content response), in milliseconds} */
    public Optional<LatencyStats> requestLatency() {
        return latency("request_latency");
    }

    /** {@return input sequence length (ISL) per request, in tokens} */
    public Optional<TokenStats> inputSequenceLength() {
        return tokens("input_sequence_length");
    }

    /** {@return output sequence length (OSL, reasoning included in aiperf) per request, in tokens} */
    public Optional<TokenStats> outputSequenceLength() {
        return tokens("output_sequence_length");
    }

    /** {@return output token throughput per user ({@code 1 / ITL} per request), in tokens per second per user} */
    public Optional<MetricStats> outputTokenThroughputPerUser() {
        return metric("output_token_throughput_per_user")
                .filter(m -> m.unit() == MetricUnit.TOKENS_PER_SECOND_PER_USER);
    }

    /** {@return successful requests per second of benchmark duration, or NaN if the file does not have it} */
    public double requestThroughputPerSecond() {
        return scalar("request_throughput", MetricUnit.REQUESTS_PER_SECOND);
    }

    /** {@return output tokens per second of benchmark duration, or NaN if the file does not have it} */
    public double outputTokenThroughputTokensPerSecond() {
        return scalar("output_token_throughput", MetricUnit.TOKENS_PER_SECOND);
    }

    /** {@return the number of successful profiling requests} */
    public OptionalLong requestCount() {
        return count("request_count");
    }

    /** {@return the number of failed profiling requests ({@code error_request_count}; absent when none failed)} */
    public OptionalLong errorRequestCount() {
        return count("error_request_count");
    }

    /** {@return the benchmark duration in seconds (first request start to last response, successful requests), or NaN if the file does not have it} */
    public double benchmarkDurationSeconds() {
        return scalar("benchmark_duration", MetricUnit.MILLISECONDS) / 1e3;
    }

    private double scalar(String name, MetricUnit unit) {
        MetricStats m = metrics.get(name);
        return m == null || m.unit() != unit ? Double.NaN : m.get(Stat.AVG);
    }

    private OptionalLong count(String name) {
        double v = scalar(name, MetricUnit.COUNT);
        return Double.isNaN(v) ? OptionalLong.empty() : OptionalLong.of(Math.round(v));
    }

    /** {@return the metrics of the warm-up phase ({@code warmup_metrics}, schema 1.4), by canonical name} */
    public Map<String, MetricStats> warmupMetrics() {
        return warmupMetrics;
    }

    // --- run ----------------------------------------------------------------------------------------------

    /** {@return the start of the profiling phase, resolved (see the class note on zones)} */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(start);
    }

    /** {@return the end of the profiling phase, resolved} */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    /** {@return {@code start_time} as written} */
    public Optional<String> startTimeText() {
        return Optional.ofNullable(startText);
    }

    /** {@return {@code end_time} as written} */
    public Optional<String> endTimeText() {
        return Optional.ofNullable(endText);
    }

    /** {@return whether the run was interrupted ({@code was_cancelled})} */
    public Optional<Boolean> wasCancelled() {
        return Optional.ofNullable(wasCancelled);
    }

    /** {@return the essentials of {@code input_config}} */
    public InputConfig inputConfig() {
        return inputConfig;
    }

    /** {@return the {@code error_summary} entries; empty if none or if the file has no error summary} */
    public List<ErrorCount> errorSummary() {
        return errorSummary == null ? List.of() : errorSummary;
    }

    /**
     * {@return the total count of the error summary, or empty if the file has no {@code error_summary} (genai-perf)}
     */
    public OptionalLong errorCount() {
        if (errorSummary == null) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (ErrorCount e : errorSummary) {
            total += e.count();
        }
        return OptionalLong.of(total);
    }

    /** {@return the GPU telemetry summaries, one per GPU and endpoint, in file order} */
    public List<GpuSummary> gpus() {
        return gpus;
    }

    @Override
    public String toString() {
        return "AiperfProfile[" + source + ", " + layout + (schemaVersion == null ? "" : " " + schemaVersion) + ", "
                + metrics.size() + " metrics, " + report.issues().size() + " issues]";
    }
}
