package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.nio.file.Path;

/**
 * Where a run's files go (contracts: "our layout"). Everything only the driver needs is under {@code audit/}, so the
 * run root holds only the manifest, the plan, the journal, the cell summary and one directory per power mode:
 *
 * <pre>{@code
 * <run>/manifest.json                          run manifest (zone, modes, models, lengths, backend, ...)
 * <run>/plan.json                              the plan, every default written out (resume reads it)
 * <run>/journal.jsonl                          the crash-safe journal
 * <run>/cells.csv                              per-cell results of the sweep analysis (and driver status), after each session
 * <run>/audit/<name>.json                      system snapshots (driver only, like everything under audit/)
 * <run>/<MODE>/<model>/gen<G>/ctx<C>/          aiperf artifacts (profile_export_aiperf.json, profile_export.jsonl, ...)
 *                                              and tegrastats.log; FAILED (the reason) if the cell failed
 * <run>/<MODE>/<model>/FAILED                  the reason a model could not be served (each of its cells given up
 *                                              also gets a FAILED marker: "model failed: <reason>")
 * <run>/audit/logs/<MODE>/<model>/...          server, aiperf and tegrastats console logs
 * <run>/audit/attempts/...                     artifacts of earlier attempts of re-run cells, kept for diagnosis
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RunLayout {

    /** The name of the marker file holding a failure reason. */
    public static final String FAILED = "FAILED";

    private final Path runDir;

    private RunLayout(Path runDir) {
        this.runDir = runDir.toAbsolutePath().normalize();
    }

    /**
     * Returns the layout of a run directory.
     *
     * @param runDir the run directory
     * @return the layout
     */
    public static RunLayout of(Path runDir) {
        return new RunLayout(runDir);
    }

    /**
     * Returns the run directory.
     *
     * @return the absolute directory
     */
    public Path runDir() {
        return runDir;
    }

    /**
     * Returns {@code <run>/manifest.json}.
     *
     * @return the path
     */
    public Path manifest() {
        return runDir.resolve("manifest.json");
    }

    /**
     * Returns {@code <run>/plan.json}.
     *
     * @return the path
     */
    public Path planFile() {
        return runDir.resolve("plan.json");
    }

    /**
     * Returns {@code <run>/journal.jsonl}.
     *
     * @return the path
     */
    public Path journal() {
        return runDir.resolve("journal.jsonl");
    }

    /**
     * Returns {@code <run>/cells.csv}.
     *
     * @return the path
     */
    public Path cellsCsv() {
        return runDir.resolve("cells.csv");
    }

    /**
     * Returns {@code <run>/audit}.
     *
     * @return the path
     */
    public Path auditDir() {
        return runDir.resolve("audit");
    }

    /**
     * Returns {@code <run>/audit/logs}.
     *
     * @return the path
     */
    public Path logsDir() {
        return auditDir().resolve("logs");
    }

    /**
     * Returns {@code <run>/<MODE>/<model>}.
     *
     * @param model the model name
     * @param modeLabel the mode label
     * @return the path
     */
    public Path modelDir(String model, String modeLabel) {
        return runDir.resolve(modeLabel).resolve(model);
    }

    /**
     * Returns {@code <run>/<MODE>/<model>/FAILED}.
     *
     * @param model the model name
     * @param modeLabel the mode label
     * @return the path
     */
    public Path modelFailed(String model, String modeLabel) {
        return modelDir(model, modeLabel).resolve(FAILED);
    }

    /**
     * Returns {@code <run>/audit/logs/<MODE>/<model>}.
     *
     * @param model the model name
     * @param modeLabel the mode label
     * @return the path
     */
    public Path modelLogDir(String model, String modeLabel) {
        return logsDir().resolve(modeLabel).resolve(model);
    }

    /**
     * Returns the cell's directory {@code <run>/<MODE>/<model>/gen<G>/ctx<C>}.
     *
     * @param cell the cell
     * @return the path
     */
    public Path cellDir(CellKey cell) {
        return runDir.resolve(cell.relativeDir());
    }

    /**
     * Returns the cell's {@code FAILED} marker.
     *
     * @param cell the cell
     * @return the path
     */
    public Path cellFailed(CellKey cell) {
        return cellDir(cell).resolve(FAILED);
    }

    /**
     * Returns the cell's {@code tegrastats.log}.
     *
     * @param cell the cell
     * @return the path
     */
    public Path tegrastatsLog(CellKey cell) {
        return cellDir(cell).resolve("tegrastats.log");
    }

    /**
     * Returns the console log of one aiperf attempt: {@code <run>/audit/logs/<MODE>/<model>/gen<G>-ctx<C>-aiperf-<n>.log}.
     *
     * @param cell the cell
     * @param attempt the attempt, from 1
     * @return the path
     */
    public Path aiperfConsole(CellKey cell, int attempt) {
        return modelLogDir(cell.model(), cell.modeLabel())
                .resolve("gen" + cell.genTokens() + "-ctx" + cell.promptTokens() + "-aiperf-" + attempt + ".log");
    }

    /**
     * Returns tegrastats' console log of a cell.
     *
     * @param cell the cell
     * @return the path
     */
    public Path tegrastatsConsole(CellKey cell) {
        return modelLogDir(cell.model(), cell.modeLabel())
                .resolve("gen" + cell.genTokens() + "-ctx" + cell.promptTokens() + "-tegrastats.log");
    }

    /**
     * Returns {@code <run>/audit/attempts/<relative>}: where an earlier attempt's files are moved.
     *
     * @param relative the path relative to the run directory
     * @return the path
     */
    public Path attempts(Path relative) {
        return auditDir().resolve("attempts").resolve(relative);
    }
}
