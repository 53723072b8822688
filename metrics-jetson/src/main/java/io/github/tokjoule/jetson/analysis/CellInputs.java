package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.LatencyStats;
import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.stats.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one cell's files hold, before a method turns it into a row: aiperf's summary and profiling records as the
 * aiperf module read them, and the power log. Nothing is copied out of them into fields of its own: each method reads
 * what it uses, and the requests reach the join through {@link RequestRecord#timeline()} only.
 *
 * @param id the cell's identity
 * @param directory the cell directory
 * @param summary aiperf's {@code profile_export_aiperf.json}
 * @param profilingWindow aiperf's {@code start_time}..{@code end_time} resolved in the sweep's zone; empty if either
 *     is absent or they are out of order
 * @param records the profiling records of {@code profile_export.jsonl}, failed ones included, each with its start and
 *     end (the reader leaves out, counts and reports a record without them); empty without the file
 * @param requestCount requests sent (successful + failed): the records' count, else the summary's
 * @param errorCount failed requests, from the same source
 * @param power the tegrastats log as read for this cell
 * @param flags flags found while reading (the zone check adds to it)
 */
record CellInputs(
        CellId id,
        Path directory,
        AiperfProfile summary,
        Optional<TimeWindow> profilingWindow,
        List<RequestRecord> records,
        int requestCount,
        int errorCount,
        PowerLog power,
        List<Flag> flags) {

    /** {@return the records as the join's request timelines, in file order} */
    List<RequestTimeline> timelines() {
        return records.stream().map(RequestRecord::timeline).toList();
    }

    /** {@return aiperf's TTFT statistics, empty if absent} */
    Summary ttftMillis() {
        return latency(summary.timeToFirstToken());
    }

    /** {@return aiperf's request latency statistics, empty if absent} */
    Summary requestLatencyMillis() {
        return latency(summary.requestLatency());
    }

    /** {@return aiperf's inter-token latency statistics, empty if absent} */
    Summary interTokenLatencyMillis() {
        return latency(summary.interTokenLatency());
    }

    private static Summary latency(Optional<LatencyStats> stats) {
        return stats.map(l -> l.stats().toSummary()).orElse(Summary.empty());
    }

    /**
     * Returns one statistic of a summary metric.
     *
     * @param metric the metric, as {@link AiperfProfile} returns it
     * @param stat the statistic
     * @return its value, NaN if the metric or the statistic is absent
     */
    static double stat(Optional<MetricStats> metric, Stat stat) {
        return metric.isPresent() ? metric.get().get(stat) : Double.NaN;
    }

    /** {@return aiperf's {@code output_token_throughput_per_user} statistic, NaN if absent} */
    double outputTokensPerSecond(Stat stat) {
        return stat(summary.outputTokenThroughputPerUser(), stat);
    }

    /** {@return aiperf's {@code prefill_throughput_per_user} statistic, NaN if absent} */
    double prefillTokensPerSecond(Stat stat) {
        return stat(summary.metric("prefill_throughput_per_user"), stat);
    }

    /** {@return aiperf's {@code input_sequence_length} statistic, NaN if absent} */
    double inputTokens(Stat stat) {
        return stat(summary.inputSequenceLength().map(t -> t.stats()), stat);
    }

    /** {@return aiperf's {@code output_sequence_length} statistic, NaN if absent} */
    double outputTokens(Stat stat) {
        return stat(summary.outputSequenceLength().map(t -> t.stats()), stat);
    }
}
