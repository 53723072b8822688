package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;

/**
 * One row of the canonical-cell comparison (seed Tables 7 and 15, and Table 6's power): a model at a mode, at the
 * canonical cell (ctx 2048 / gen 256 by default).
 *
 * @param model the model
 * @param modeLabel the mode
 * @param outputTokensPerSecond output tokens per second per user
 * @param ttftP50Millis TTFT p50 in ms
 * @param itlP50Millis inter-token latency p50 in ms
 * @param powerWatts the cell's power ({@link SweepResult#powerWatts(CellMetrics)})
 * @param outputTokensPerJoule the headline output tokens per joule ({@link AnalysisOptions#headlineVariant()})
 * @param cell the cell's row
 * @since 0.1.0
 */
public record CanonicalRow(
        String model,
        String modeLabel,
        double outputTokensPerSecond,
        double ttftP50Millis,
        double itlP50Millis,
        double powerWatts,
        double outputTokensPerJoule,
        CellMetrics cell) {}
