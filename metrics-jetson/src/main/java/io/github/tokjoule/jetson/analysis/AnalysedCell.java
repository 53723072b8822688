package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.stats.Summary;
import java.nio.file.Path;
import java.util.List;

/**
 * One analysed cell: the core per-cell row plus what the tables and the report need beside it.
 *
 * @param metrics the per-cell row (identity, status, latencies, powers, every tok/J variant, energies, flags)
 * @param directory the cell directory
 * @param windowSeconds the length of aiperf's profiling window ({@code end_time − start_time}) in seconds, or NaN
 * @param windowJoules the energy over that window on the chosen rail in joules (trace integral), or NaN
 * @param requestOutputTokensPerJoule the distribution of the per-request output tokens per joule (MEASURED method:
 *     OSL / request energy of each successful request; its p50 and p90 sit beside the ratio of sums); empty for the
 *     seed-compatible method
 * @param tegrastatsLines tegrastats samples read for this cell (its own log; a whole-run log is counted once, by the
 *     first cell that reads it)
 * @param requests the successful requests as integrated (MEASURED method; empty for the seed-compatible method)
 * @since 0.1.0
 */
public record AnalysedCell(
        CellMetrics metrics,
        Path directory,
        double windowSeconds,
        double windowJoules,
        Summary requestOutputTokensPerJoule,
        long tegrastatsLines,
        List<RequestResult> requests) {

    /** Copies the request list. */
    public AnalysedCell {
        requests = List.copyOf(requests);
    }
}
