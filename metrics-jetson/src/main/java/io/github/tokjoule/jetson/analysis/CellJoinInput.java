package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One cell of a sweep as the request–power join sees it: its requests as {@link RequestTimeline}s and its power
 * trace, read exactly as {@link SweepAnalysis#analyze} reads them (same zone, rail, reconstructed sample times and
 * request windows), for a caller that runs the join elsewhere (the Flink fleet job).
 *
 * <p>A cell the analysis would report as failed (a {@code FAILED} file, no summary, every request failed, an
 * unreadable file) has {@link #failure()} set and no requests. A cell without a trace (no log, rail missing) has
 * {@link #powerProblem()} set. Cells sharing a whole-run log share the same {@link PowerTrace} instance.
 *
 * @param id the cell's identity
 * @param directory the cell directory
 * @param requests every profiling record, failed ones included, in file order
 * @param trace the chosen rail's trace at reconstructed sample times, if there is one
 * @param rail the chosen rail's name ({@code +}-joined for a sum), empty if unknown
 * @param sensorDelayNanos the trace's sensor delay {@code D} (a dense {@code hwmon.csv}'s recorded one; 0 for
 *     tegrastats and without a trace), which the join's estimator must be given ({@link
 *     io.github.tokjoule.core.join.EnergyEstimator#withSensorAveragingNanos})
 * @param powerProblem why there is no trace, if there is none
 * @param failure why the cell failed, if it did
 * @since 0.2.0
 */
public record CellJoinInput(
        CellId id,
        Path directory,
        List<RequestTimeline> requests,
        Optional<PowerTrace> trace,
        String rail,
        long sensorDelayNanos,
        Optional<String> powerProblem,
        Optional<String> failure) {

    /**
     * Copies the request list.
     *
     * @throws IllegalArgumentException if {@code sensorDelayNanos} is negative
     */
    public CellJoinInput {
        requests = List.copyOf(requests);
        if (sensorDelayNanos < 0) {
            throw new IllegalArgumentException("sensorDelayNanos must not be negative: " + sensorDelayNanos);
        }
    }

    static CellJoinInput of(CellInputs in) {
        return new CellJoinInput(
                in.id(),
                in.directory(),
                in.timelines(),
                in.power().trace(),
                in.power().rail(),
                in.power().trace().isPresent() ? in.power().sensorDelayNanos() : 0,
                in.power().problem(),
                Optional.empty());
    }

    static CellJoinInput failed(CellId id, Path directory, String reason) {
        return new CellJoinInput(
                id, directory, List.of(), Optional.empty(), "", 0, Optional.empty(), Optional.of(reason));
    }
}
