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
        Optional<String> powerProblem,
        Optional<String> failure) {

    /** Copies the request list. */
    public CellJoinInput {
        requests = List.copyOf(requests);
    }

    static CellJoinInput of(CellInputs in) {
        return new CellJoinInput(
                in.id(),
                in.directory(),
                in.timelines(),
                in.power().trace(),
                in.power().rail(),
                in.power().problem(),
                Optional.empty());
    }

    static CellJoinInput failed(CellId id, Path directory, String reason) {
        return new CellJoinInput(id, directory, List.of(), Optional.empty(), "", Optional.empty(), Optional.of(reason));
    }
}
