package io.github.tokjoule.examples;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.ErrorCount;
import io.github.tokjoule.aiperf.InputConfig;
import io.github.tokjoule.aiperf.MetricStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One aiperf export as {@code tokjoule aiperf} prints it, whichever file it came from: the summary JSON, the CSV
 * export, or the per-request records.
 *
 * @param kind which export it is, e.g. {@code "summary json"}
 * @param aiperfVersion {@code aiperf_version}, where the file has it (the summary JSON of aiperf 0.4 and later)
 * @param schemaVersion {@code schema_version}, likewise
 * @param startTime the profiling phase's start (summary JSON, resolved with {@code --zone}) or the first request's
 *     start (records, epoch nanoseconds, no zone needed; CSV, its {@code Minimum Request Timestamp} to the
 *     microsecond); empty where unknown
 * @param endTime the profiling phase's end, or the last request's end
 * @param unresolvedStartTime the summary's {@code start_time} as written, where it is a naive local time that no
 *     {@code --zone} resolved (then {@code startTime} is empty); empty otherwise
 * @param unresolvedEndTime likewise for {@code end_time}
 * @param errorCount the failed requests, where the file says
 * @param errorSummary the failed requests by error, where the file says
 * @param inputConfig the run's configuration (summary JSON only)
 * @param metrics the statistics by metric name, in the file's order
 * @param records what was read of a records file (lines, records, skipped); empty for a summary
 */
record AiperfExport(
        String kind,
        Optional<String> aiperfVersion,
        Optional<String> schemaVersion,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        Optional<String> unresolvedStartTime,
        Optional<String> unresolvedEndTime,
        OptionalLong errorCount,
        List<ErrorCount> errorSummary,
        Optional<InputConfig> inputConfig,
        Map<String, MetricStats> metrics,
        Map<String, Long> records) {

    /** Copies the collections. */
    AiperfExport {
        errorSummary = List.copyOf(errorSummary);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    }

    /** {@return the export of a summary JSON} */
    static AiperfExport of(AiperfProfile p) {
        return new AiperfExport(
                "summary json",
                p.aiperfVersion(),
                p.schemaVersion(),
                p.startTime(),
                p.endTime(),
                p.startTime().isPresent() ? Optional.empty() : p.startTimeText(),
                p.endTime().isPresent() ? Optional.empty() : p.endTimeText(),
                p.errorCount(),
                p.errorSummary(),
                Optional.of(p.inputConfig()),
                p.metrics(),
                Map.of());
    }
}
