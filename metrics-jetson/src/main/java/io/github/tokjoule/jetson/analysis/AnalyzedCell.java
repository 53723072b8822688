package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.stats.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One analyzed cell: the core per-cell row plus what the tables and the report need beside it.
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
 * @param attribution what the MEASURED method's estimator made of the cell's requests: each attributed request with
 *     its prefill, decode and total energy and their coverage, each excluded one with its reason; empty for the
 *     seed-compatible method, a failed cell, or a cell without power trace or successful request
 * @param powerTrace the power trace the cell's energy figures came from (tegrastats or the dense hwmon trace) with
 *     its nominal sample interval; empty for a failed cell or a cell without a power trace (since 0.2.0)
 * @since 0.1.0
 */
public record AnalyzedCell(
        CellMetrics metrics,
        Path directory,
        double windowSeconds,
        double windowJoules,
        Summary requestOutputTokensPerJoule,
        long tegrastatsLines,
        Optional<CellAttribution> attribution,
        Optional<PowerTraceSource> powerTrace) {

    /**
     * Returns the attributed requests.
     *
     * @return {@code attribution().requests()}, in file order; empty without an attribution
     * @since 0.2.0
     */
    public List<AttributedRequest> requests() {
        return attribution.map(CellAttribution::requests).orElse(List.of());
    }
}
