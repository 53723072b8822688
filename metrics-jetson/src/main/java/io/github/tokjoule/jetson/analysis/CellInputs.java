package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.stats.Summary;
import io.github.tokjoule.core.thermal.ThermalSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything read for one cell, before a method turns it into a row. Times are epoch nanoseconds.
 *
 * @param id the cell's identity
 * @param directory the cell directory
 * @param ttftMillis aiperf's TTFT statistics
 * @param itlMillis aiperf's inter-token latency statistics
 * @param rlMillis aiperf's request latency statistics
 * @param outputTokensPerSecondAvg {@code output_token_throughput_per_user.avg}
 * @param outputTokensPerSecondP50 {@code output_token_throughput_per_user.p50}
 * @param prefillTokensPerSecondAvg {@code prefill_throughput_per_user.avg}
 * @param prefillTokensPerSecondP50 {@code prefill_throughput_per_user.p50}
 * @param inputTokensAvg {@code input_sequence_length.avg}
 * @param inputTokensP50 {@code input_sequence_length.p50}
 * @param outputTokensAvg {@code output_sequence_length.avg}
 * @param outputTokensP50 {@code output_sequence_length.p50}
 * @param requestCount requests sent (successful + failed)
 * @param errorCount failed requests
 * @param requestCountAvg aiperf's {@code request_count.avg} (successful requests), NaN if absent
 * @param profilingStartEpochNanos aiperf's {@code start_time}, resolved in the zone; {@link Long#MIN_VALUE} if absent
 * @param profilingEndEpochNanos aiperf's {@code end_time}; {@link Long#MIN_VALUE} if absent
 * @param requests the profiling records, failed ones included
 * @param trace the chosen rail's power trace at reconstructed sample times, if a log and the rail exist
 * @param rail the chosen rail's name (names joined by {@code +} for a sum)
 * @param powerProblem why there is no trace (no log, rail missing), if so
 * @param availableRails the rails the log prints
 * @param stampEpochNanos each sample's printed stamp (whole seconds) resolved in the zone, for the seed's method
 * @param stampWatts the chosen rail's power of each sample, same order
 * @param thermal the temperature samples at reconstructed times
 * @param nominalIntervalNanos the tegrastats interval
 * @param reconstructedSamples samples whose time was reconstructed from 1-second stamps
 * @param maxUncertaintyMillis the largest uncertainty of a reconstructed time
 * @param logLines tegrastats samples attributed to this cell
 * @param flags flags found while reading (zone mismatch, reader problems)
 */
record CellInputs(
        CellId id,
        Path directory,
        Summary ttftMillis,
        Summary itlMillis,
        Summary rlMillis,
        double outputTokensPerSecondAvg,
        double outputTokensPerSecondP50,
        double prefillTokensPerSecondAvg,
        double prefillTokensPerSecondP50,
        double inputTokensAvg,
        double inputTokensP50,
        double outputTokensAvg,
        double outputTokensP50,
        int requestCount,
        int errorCount,
        double requestCountAvg,
        long profilingStartEpochNanos,
        long profilingEndEpochNanos,
        List<RequestRow> requests,
        Optional<PowerTrace> trace,
        String rail,
        Optional<String> powerProblem,
        List<String> availableRails,
        long[] stampEpochNanos,
        double[] stampWatts,
        List<ThermalSample> thermal,
        long nominalIntervalNanos,
        int reconstructedSamples,
        double maxUncertaintyMillis,
        long logLines,
        List<Flag> flags) {

    static final long ABSENT = Long.MIN_VALUE;

    boolean hasProfilingWindow() {
        return profilingStartEpochNanos != ABSENT
                && profilingEndEpochNanos != ABSENT
                && profilingEndEpochNanos >= profilingStartEpochNanos;
    }

    /**
     * One aiperf profiling record.
     *
     * @param startEpochNanos {@code request_start_ns}
     * @param ackEpochNanos {@code request_ack_ns}, or {@link #ABSENT}
     * @param firstTokenEpochNanos start + TTFT, or the end for a failed request
     * @param endEpochNanos {@code request_end_ns}
     * @param inputTokens ISL, NaN if absent
     * @param outputTokens OSL, NaN if absent
     * @param ok {@code false} for an error record
     */
    record RequestRow(
            long startEpochNanos,
            long ackEpochNanos,
            long firstTokenEpochNanos,
            long endEpochNanos,
            double inputTokens,
            double outputTokens,
            boolean ok) {}
}
