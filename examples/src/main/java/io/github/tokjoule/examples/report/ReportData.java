package io.github.tokjoule.examples.report;

import java.util.List;
import java.util.Optional;

/**
 * Everything a report is written from: the sweep's setup, its cells and the aggregate tables the analysis computed.
 * The report itself only pivots, formats, and draws; every number comes from here.
 *
 * @param title the report's title
 * @param setup the setup section (board, software, sweep, method), in display order
 * @param facts the hardware, software, models and power modes the sweep's files record (seed Tables 2–5)
 * @param method the energy method of every energy-derived number, e.g. {@code MEASURED}
 * @param methodDescription one or two sentences saying how the method computes energy and tok/J
 * @param rail the power rail, e.g. {@code VDD_CPU_GPU_CV}
 * @param modes the power-mode labels in sweep order
 * @param models the models in sweep order
 * @param promptLengths the target prompt lengths, ascending
 * @param genLengths the target generation lengths, ascending
 * @param canonicalCtx the canonical cell's prompt length (the seed: 2048)
 * @param canonicalGen the canonical cell's generation length (the seed: 256)
 * @param cells every cell, failed ones included
 * @param modelModes power and temperatures per model and mode
 * @param speedups the speedup matrices (throughput, TTFT, decode time, request latency)
 * @param bestTotalTokPerJoule the best total tok/J per model with its cell
 * @param pareto the throughput–efficiency points per model and mode at the canonical cell, front marked
 * @param notes warnings to show under the setup (e.g. a model that could not be served)
 */
public record ReportData(
        String title,
        List<SetupItem> setup,
        SetupFacts facts,
        String method,
        String methodDescription,
        String rail,
        List<String> modes,
        List<String> models,
        List<Integer> promptLengths,
        List<Integer> genLengths,
        int canonicalCtx,
        int canonicalGen,
        List<CellRow> cells,
        List<ModelModeRow> modelModes,
        List<SpeedupTable> speedups,
        List<BestCell> bestTotalTokPerJoule,
        List<ParetoEntry> pareto,
        List<String> notes) {

    /** Copies the lists. */
    public ReportData {
        setup = List.copyOf(setup);
        modes = List.copyOf(modes);
        models = List.copyOf(models);
        promptLengths = List.copyOf(promptLengths);
        genLengths = List.copyOf(genLengths);
        cells = List.copyOf(cells);
        modelModes = List.copyOf(modelModes);
        speedups = List.copyOf(speedups);
        bestTotalTokPerJoule = List.copyOf(bestTotalTokPerJoule);
        pareto = List.copyOf(pareto);
        notes = List.copyOf(notes);
    }

    /**
     * Returns a cell.
     *
     * <p>The arguments come in {@link io.github.tokjoule.core.cell.CellId}'s order.
     *
     * @param model the model
     * @param mode the mode label
     * @param ctx the prompt length
     * @param gen the generation length
     * @return the cell, or empty if the sweep has no such cell
     */
    public Optional<CellRow> cell(String model, String mode, int ctx, int gen) {
        for (CellRow c : cells) {
            if (c.is(model, mode, ctx, gen)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a model's power and temperatures at a mode.
     *
     * @param model the model
     * @param mode the mode label
     * @return the row, or empty
     */
    public Optional<ModelModeRow> modelMode(String model, String mode) {
        for (ModelModeRow r : modelModes) {
            if (r.model().equals(model) && r.mode().equals(mode)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * One line of the setup section.
     *
     * @param label e.g. {@code Board}
     * @param value e.g. {@code Jetson Orin Nano Super 8GB}
     */
    public record SetupItem(String label, String value) {}
}
