package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.jetson.PowerMode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis of a whole sweep: one {@link AnalyzedCell} per cell (failed cells included, with their reason), the
 * models that could not be served, and the seed's tables computed from the cells:
 *
 * <ul>
 *   <li>{@link #powerTable()}: power per model × mode at the canonical cell (seed Table 6);
 *   <li>{@link #canonicalRows()} and {@link #peakModes()}: the canonical-cell comparison and the mode with the most
 *       output tokens per joule per model (seed Tables 7 and 15);
 *   <li>{@link #paretoFronts()}: per model, the Pareto front of its modes at the canonical cell over (output tok/s,
 *       output tok/J);
 *   <li>{@link #speedups()}: the speedup matrices of Tables 9–12 by every method;
 *   <li>{@link #bestTotalTokensPerJoule()}: per model, the cell with the most total tokens per joule over mode ×
 *       prompt × generation, the cell itself and not only the value (seed Table 13);
 *   <li>{@link #thermal()}: power and temperatures per model × mode (seed Table 16).
 * </ul>
 *
 * @since 0.1.0
 */
public final class SweepResult {

    private final Path root;
    private final SweepLayout.Kind layoutKind;
    private final Optional<SweepManifest> manifest;
    private final AnalysisOptions options;
    private final ZoneId zone;
    private final List<String> modes;
    private final List<String> models;
    private final List<AnalyzedCell> cells;
    private final List<SweepLayout.FailedModel> failedModels;
    private final List<Flag> sweepFlags;
    private final List<String> warnings;
    private final List<ThermalRow> thermal;
    private final List<CanonicalRow> canonicalRows;
    private final Map<String, Map<String, Double>> powerTable;
    private final Map<String, Best<String>> peakModes;
    private final Map<String, ParetoFront<CellMetrics>> paretoFronts;
    private final Map<String, Best<CellMetrics>> bestTotal;
    private final SpeedupTables speedups;
    private final StageTimings timings;

    SweepResult(
            SweepLayout layout,
            AnalysisOptions options,
            ZoneId zone,
            List<String> models,
            List<AnalyzedCell> cells,
            List<Flag> sweepFlags,
            List<String> warnings,
            TimingsFactory timings) {
        long tablesStart = System.nanoTime();
        this.root = layout.root();
        this.layoutKind = layout.kind();
        this.manifest = layout.manifest();
        this.options = options;
        this.zone = zone;
        this.modes = layout.modes().stream().map(PowerMode::label).toList();
        this.models = List.copyOf(models);
        this.cells = List.copyOf(cells);
        this.failedModels = layout.failedModels();
        this.sweepFlags = List.copyOf(sweepFlags);
        List<String> w = new ArrayList<>(layout.warnings());
        w.addAll(warnings);
        Map<String, List<AnalyzedCell>> byModel = SweepTables.byModel(this.cells, this.models);
        this.canonicalRows = List.copyOf(
                SweepTables.canonicalRows(byModel, modes, options.canonicalCell(), options.headlineVariant()));
        this.powerTable = freeze(SweepTables.powerTable(canonicalRows));
        this.peakModes = Collections.unmodifiableMap(SweepTables.peakModes(canonicalRows));
        this.paretoFronts = Collections.unmodifiableMap(SweepTables.paretoFronts(canonicalRows));
        this.bestTotal = Collections.unmodifiableMap(SweepTables.bestTotal(byModel));
        this.thermal = List.copyOf(
                SweepTables.thermal(byModel, modes, options.thresholds().throttleCelsius()));
        this.speedups = SweepTables.speedups(byModel, modes, options.canonicalCell(), options.headlineVariant(), w);
        this.warnings = List.copyOf(w);
        this.timings = timings.create(tablesStart, System.nanoTime());
    }

    /** Builds the timings once the tables are done. */
    interface TimingsFactory {
        StageTimings create(long tablesStartNanos, long endNanos);
    }

    /** {@return where the analysis spent its time: read, compute, tables, wall} */
    public StageTimings timings() {
        return timings;
    }

    private static Map<String, Map<String, Double>> freeze(Map<String, Map<String, Double>> m) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    /** {@return the directory analyzed} */
    public Path root() {
        return root;
    }

    /** {@return which layout it had} */
    public SweepLayout.Kind layoutKind() {
        return layoutKind;
    }

    /** {@return its manifest, for the tokjoule layout} */
    public Optional<SweepManifest> manifest() {
        return manifest;
    }

    /** {@return the options the analysis ran with} */
    public AnalysisOptions options() {
        return options;
    }

    /** {@return the zone naive timestamps were resolved in} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return the mode labels, in sweep order} */
    public List<String> modes() {
        return modes;
    }

    /** {@return the models, in sweep order} */
    public List<String> models() {
        return models;
    }

    /** {@return every cell, failed ones included, in mode, model, gen, ctx order} */
    public List<AnalyzedCell> cells() {
        return cells;
    }

    /** {@return every cell's row, in the order of {@link #cells()}} */
    public List<CellMetrics> metrics() {
        return cells.stream().map(AnalyzedCell::metrics).toList();
    }

    /**
     * Returns one cell.
     *
     * @param id the cell's identity
     * @return the cell, or empty if the sweep has no such cell
     */
    public Optional<AnalyzedCell> cell(CellId id) {
        return cells.stream().filter(c -> c.metrics().id().equals(id)).findFirst();
    }

    /**
     * Returns one cell by model, mode, ctx and gen (any backend).
     *
     * @param model the model
     * @param modeLabel the mode label, case-insensitive
     * @param ctx the target prompt length
     * @param gen the target generation length
     * @return the cell, or empty
     */
    public Optional<AnalyzedCell> cell(String model, String modeLabel, int ctx, int gen) {
        return cells.stream()
                .filter(c -> {
                    CellId id = c.metrics().id();
                    return id.model().equals(model)
                            && id.modeLabel().equalsIgnoreCase(modeLabel)
                            && id.targetInputTokens() == ctx
                            && id.targetOutputTokens() == gen;
                })
                .findFirst();
    }

    /** {@return the models marked failed at a mode ({@code <MODE>/<model>/FAILED})} */
    public List<SweepLayout.FailedModel> failedModels() {
        return failedModels;
    }

    /** {@return sweep-level flags (e.g. {@code ZONE_MISMATCH}; the same flags are on every cell)} */
    public List<Flag> sweepFlags() {
        return sweepFlags;
    }

    /** {@return warnings: layout oddities, tables that could not be computed} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return the tegrastats samples read, over all cells} */
    public long tegrastatsLines() {
        long sum = 0;
        for (AnalyzedCell c : cells) {
            sum += c.tegrastatsLines();
        }
        return sum;
    }

    /**
     * Returns the power of a cell as the tables use it: MEASURED — the successful requests' energy over their total
     * latency ({@link CellMetrics#servingWatts()}); SEED_COMPATIBLE — the median of the samples in aiperf's window
     * ({@link io.github.tokjoule.core.power.PowerStatistic#SAMPLE_MEDIAN}, the seed's "avg_power_W").
     *
     * @param cell the cell
     * @return watts, or NaN
     */
    public static double powerWatts(CellMetrics cell) {
        return SweepTables.powerWatts(cell);
    }

    /** {@return power in watts per model × mode at the canonical cell (seed Table 6)} */
    public Map<String, Map<String, Double>> powerTable() {
        return powerTable;
    }

    /** {@return the canonical-cell rows, per model then mode (seed Tables 7 and 15)} */
    public List<CanonicalRow> canonicalRows() {
        return canonicalRows;
    }

    /** {@return per model, the mode with the most headline output tokens per joule at the canonical cell (Table 7)} */
    public Map<String, Best<String>> peakModes() {
        return peakModes;
    }

    /** {@return per model, the Pareto front of its canonical cells over (output tok/s, headline output tok/J)} */
    public Map<String, ParetoFront<CellMetrics>> paretoFronts() {
        return paretoFronts;
    }

    /** {@return per model, the cell with the most total tokens per joule (seed Table 13)} */
    public Map<String, Best<CellMetrics>> bestTotalTokensPerJoule() {
        return bestTotal;
    }

    /** {@return power and temperatures per model × mode (seed Table 16)} */
    public List<ThermalRow> thermal() {
        return thermal;
    }

    /** {@return the speedup matrices (seed Tables 9–12) by every method} */
    public SpeedupTables speedups() {
        return speedups;
    }
}
