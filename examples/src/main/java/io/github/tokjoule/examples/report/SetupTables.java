package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The setup tables of the seed's post, from what the sweep's files record ({@link SetupFacts}): winners per mode
 * (Table 1), hardware (Table 2), software (Table 3), models (Table 4) and power modes (Table 5, with the power range
 * each mode drew in this sweep).
 */
final class SetupTables {

    private SetupTables() {}

    /**
     * The fastest model at each mode at the canonical cell, with its tok/s and output tok/J (seed Table 1).
     *
     * @param data the report's data
     * @return the table
     */
    static Table winners(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String mode : data.modes()) {
            CellRow best = null;
            for (String model : data.models()) {
                CellRow c = data.cell(model, mode, data.canonicalCtx(), data.canonicalGen())
                        .orElse(null);
                if (c != null
                        && Double.isFinite(c.value(Metric.TOK_S))
                        && (best == null || c.value(Metric.TOK_S) > best.value(Metric.TOK_S))) {
                    best = c;
                }
            }
            if (best != null) {
                rows.add(List.of(
                        Table.text(mode),
                        Table.text(best.model()),
                        Table.metric(best, Metric.TOK_S),
                        Table.metric(best, Metric.OUTPUT_TOK_PER_J)));
            }
        }
        return new Table(
                "winners",
                "Throughput winner at each power mode (ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen()
                        + ")",
                "The model with the most output tok/s at each mode at the canonical cell, with its output tok/J ("
                        + data.method() + ").",
                List.of("Mode", "Fastest model", "Output tok/s", "Output tok/J"),
                rows);
    }

    static Table hardware(ReportData data) {
        return items(
                "hardware",
                "Hardware",
                "From the driver's system audit (audit/start.json; a synthetic sweep's is simulated, and its first row"
                        + " says so); \"not recorded\" or \"unavailable\" where the audit has no such fact, with why.",
                data.facts().hardware());
    }

    static Table software(ReportData data) {
        return items(
                "software",
                "Software stack",
                "From the manifest, the system audit and the aiperf exports' aiperf_version; JetPack from the"
                        + " nvidia-jetpack package, else derived from the L4T release by NVIDIA's JetPack archive.",
                data.facts().software());
    }

    private static Table items(String id, String title, String caption, List<ReportData.SetupItem> items) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (ReportData.SetupItem i : items) {
            rows.add(List.of(Table.text(i.label()), Table.text(i.value())));
        }
        return new Table(id, title, caption, List.of("Component", "Detail"), rows);
    }

    /**
     * The models with their quantisation, GGUF size, tokenizer and context (seed Table 4).
     *
     * @param data the report's data
     * @return the table
     */
    static Table models(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (SetupFacts.ModelInfo m : data.facts().models()) {
            rows.add(List.of(
                    Table.text(m.name()),
                    Table.text(m.quantisation()),
                    Double.isFinite(m.ggufMegabytes())
                            ? Table.num(m.ggufMegabytes(), 0)
                            : Table.text(SetupFacts.UNKNOWN),
                    Table.text(m.tokenizer()),
                    m.contextTokens() > 0 ? Table.num(m.contextTokens(), 0) : Table.text(SetupFacts.UNKNOWN)));
        }
        return new Table(
                "models",
                "Models under test",
                "From the run's plan.json, else the system audit; the GGUF size is the file's size where it is"
                        + " readable on this machine, else the size the audit recorded. \"unknown\": neither records it"
                        + " (the seed's published layout has no plan and no audit).",
                List.of("Model", "Quantisation", "GGUF size (MB)", "Tokenizer", "Server context (tok)"),
                rows);
    }

    /**
     * The power modes: nvpmodel id, the clocks the audit saw at each mode, and the range of cell power this sweep
     * measured at each (seed Table 5).
     *
     * @param data the report's data
     * @return the table
     */
    static Table powerModes(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (SetupFacts.ModeInfo m : data.facts().modes()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (CellRow c : data.cells()) {
                double w = c.mode().equals(m.label()) ? c.value(Metric.POWER_W) : Double.NaN;
                if (Double.isFinite(w)) {
                    lo = Math.min(lo, w);
                    hi = Math.max(hi, w);
                }
            }
            rows.add(List.of(
                    Table.text(m.label()),
                    m.nvpmodelId() >= 0 ? Table.text("-m " + m.nvpmodelId()) : Table.text(SetupFacts.UNKNOWN),
                    Double.isFinite(m.gpuMaxMegahertz())
                            ? Table.num(m.gpuMaxMegahertz(), 0)
                            : Table.text(SetupFacts.UNKNOWN),
                    Double.isFinite(m.cpuMaxMegahertz())
                            ? Table.num(m.cpuMaxMegahertz(), 0)
                            : Table.text(SetupFacts.UNKNOWN),
                    lo <= hi ? Table.text(Sig.of(lo) + "–" + Sig.of(hi) + " W") : Table.text("no power measured")));
        }
        return new Table(
                "power_modes",
                "Power modes",
                "nvpmodel id from the manifest; GPU and CPU maximum clocks from the driver's audit at each mode"
                        + " (audit/mode-<MODE>.json); the last column is the range of cell power this sweep measured"
                        + " on " + data.rail() + " (" + data.method() + ").",
                List.of("Mode", "nvpmodel", "GPU max clock (MHz)", "CPU max clock (MHz)", "Cell power (observed)"),
                rows);
    }
}
