package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.driver.component.CellValidation;
import io.github.tokjoule.jetson.driver.component.CellValidator;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code <run>/cells.csv}: the sweep analysis' per-cell results ({@link CellResultsCsv}: the columns of the
 * report's {@code cells.csv}), one row per cell of the plan, in plan order. The analysis reads the run directory with
 * the default options (MEASURED, default rail, the manifest's zone). {@code status} is the analysis' {@code ok} or
 * {@code failed: <reason>} (a cell's or its model's {@code FAILED} marker gives the reason), except for a cell the
 * driver has not completed yet — not journaled valid, no {@code FAILED} marker — which is {@code missing: <reason>}
 * (it is re-run on resume), with whatever metrics its files give. If the analysis cannot read the run at all, every
 * row keeps its driver status, without metrics, and the reason is logged.
 */
final class CellsCsv {

    private static final System.Logger LOG = System.getLogger(CellsCsv.class.getName());

    private CellsCsv() {}

    static void write(RunLayout layout, SweepPlan plan) throws IOException {
        Optional<SweepResult> analyzed;
        try {
            analyzed = Optional.of(SweepAnalysis.analyze(layout.runDir(), AnalysisOptions.defaults()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cells.csv without metrics: the sweep analysis failed: " + e);
            analyzed = Optional.empty();
        }
        Set<CellKey> ok = JournalReplay.read(layout.journal()).okCells();
        StringBuilder sb = new StringBuilder(CellResultsCsv.header());
        for (PlannedCell cell : plan.cells()) {
            CellKey key = cell.key();
            String status = driverStatus(layout, plan, key, ok);
            Optional<AnalyzedCell> result =
                    analyzed.flatMap(r -> r.cell(key.model(), key.modeLabel(), key.promptTokens(), key.genTokens()));
            if (result.isPresent()) {
                CellMetrics m = result.get().metrics();
                sb.append(CellResultsCsv.row(
                        result.get(),
                        analyzed.get().options().headlineVariant(),
                        status.startsWith("missing") ? status : CellResultsCsv.status(m)));
            } else {
                sb.append(CellResultsCsv.quote(key.modeLabel()))
                        .append(',')
                        .append(CellResultsCsv.quote(key.model()))
                        .append(',')
                        .append(key.promptTokens())
                        .append(',')
                        .append(key.genTokens())
                        .append(',')
                        .append(CellResultsCsv.quote(status))
                        .append(",".repeat(CellResultsCsv.COLUMNS.size() - 5))
                        .append('\n');
            }
        }
        Files.writeString(layout.cellsCsv(), sb.toString(), StandardCharsets.UTF_8);
    }

    /** {@code ok}, {@code failed: <reason>} or {@code missing: <reason>}, from the journal and the files. */
    static String driverStatus(RunLayout layout, SweepPlan plan, CellKey key, Set<CellKey> ok) {
        CellValidation v = CellValidator.validate(layout.cellDir(key), plan.requestsPerCell(), plan.maxErrorRequests());
        if (ok.contains(key) && v.valid()) {
            return "ok";
        } else if (Files.exists(layout.cellFailed(key))) {
            return "failed: " + read(layout.cellFailed(key));
        } else if (Files.exists(layout.modelFailed(key.model(), key.modeLabel()))) {
            return "failed: model failed: " + read(layout.modelFailed(key.model(), key.modeLabel()));
        } else {
            return "missing: " + (Files.isDirectory(layout.cellDir(key)) ? v.reason() : "not run");
        }
    }

    private static String read(Path file) {
        try {
            return CellResultsCsv.oneLine(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(unreadable " + file.getFileName() + ")";
        }
    }
}
