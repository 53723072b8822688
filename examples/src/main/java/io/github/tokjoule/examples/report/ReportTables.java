package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the report's tables from {@link ReportData}: the seed's Tables 6, 7, 9–13, 15 and 16, a flags summary, and
 * the full cell table. Pure pivoting and formatting: no number is computed here except a peak-mode argmax and the
 * flag counts.
 */
public final class ReportTables {

    /** The id of the full cell table (its CSV is {@code cells.csv} at the report's root). */
    public static final String CELLS_ID = "cells";

    private static final Map<String, String> FLAG_MEANING = Map.ofEntries(
            Map.entry(
                    "PREFILL_UNDERSAMPLED",
                    "prefill energy's 95 % interval reaches beyond ±10 % (or is absent), seed method: TTFT p50 < 500 ms:"
                            + " prefill energy and prefill tok/J are approximate"),
            Map.entry(
                    "WINDOW_UNDERSAMPLED",
                    "total or decode energy's 95 % interval reaches beyond ±4 % (or the total has none), seed"
                            + " method: fewer than 2 power samples in a window: every energy value is approximate"),
            Map.entry("SAMPLE_GAP", "a gap in the power log longer than 3 sampling intervals inside the cell"),
            Map.entry(
                    "WINDOW_OUTSIDE_TRACE",
                    "the cell's time window lies (partly) outside its power log: usually a time-zone mistake"),
            Map.entry(
                    "OUTPUT_LENGTH_MISMATCH",
                    "realised output length differs from the target by more than 10 % (early EOS, ignored"
                            + " max_tokens)"),
            Map.entry("INPUT_LENGTH_MISMATCH", "realised prompt length differs from the target by more than 10 %"),
            Map.entry("REQUEST_ERRORS", "some requests of the cell failed; statistics cover the successful ones"),
            Map.entry("THERMAL_THROTTLE", "peak junction temperature reached the throttle threshold"),
            Map.entry("RAIL_MISSING", "the chosen power rail is absent from (part of) the log"),
            Map.entry(
                    "TIMESTAMPS_RECONSTRUCTED",
                    "sample times reconstructed below one second from the 1 s stamps (information only)"),
            Map.entry("ZONE_MISMATCH", "the zone given to the analysis differs from the one the sweep recorded"),
            Map.entry(
                    "RUN_WINDOW_ESTIMATE",
                    "no per-request records: energies from the run window, split by the mean timings (prefill not"
                            + " measured)"));

    private ReportTables() {}

    /**
     * Builds every table, in report order.
     *
     * @param data the report's data
     * @return the tables: power, canonical, the speedup matrices, best total tok/J, full comparison, thermal, flags,
     *     cells
     */
    public static List<Table> all(ReportData data) {
        List<Table> out = new ArrayList<>();
        out.add(power(data));
        out.add(canonical(data));
        for (SpeedupTable s : data.speedups()) {
            out.add(speedup(data, s));
        }
        out.add(bestTotal(data));
        out.add(fullComparison(data));
        out.add(thermal(data));
        out.add(flags(data));
        out.add(cells(data));
        return out;
    }

    /**
     * Average power per model and mode (seed Table 6), with the mode of highest power.
     *
     * @param data the report's data
     * @return the table
     */
    public static Table power(ReportData data) {
        List<String> cols = new ArrayList<>();
        cols.add("Model");
        for (String m : data.modes()) {
            cols.add(m + " (W)");
        }
        cols.add("Highest");
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String model : data.models()) {
            List<Table.Entry> row = new ArrayList<>();
            row.add(Table.text(model));
            String highest = "";
            double max = Double.NEGATIVE_INFINITY;
            for (String mode : data.modes()) {
                double w = data.modelMode(model, mode)
                        .map(ModelModeRow::powerWatts)
                        .orElse(Double.NaN);
                row.add(Table.num(w, 2, data.method(), flagsOver(data, model, List.of(mode), Metric.POWER_W)));
                if (w > max) {
                    max = w;
                    highest = mode;
                }
            }
            row.add(Table.text(highest));
            rows.add(row);
        }
        return new Table(
                "power",
                "Average power per model and mode",
                "Average " + data.rail() + " power over each model's cells at each mode, in watts (" + data.method()
                        + "). \"Highest\" names the mode of highest power draw.",
                cols,
                rows);
    }

    /**
     * The canonical cell (seed Table 7): output tok/s and output tok/J per mode, and the peak tok/J mode.
     *
     * @param data the report's data
     * @return the table
     */
    public static Table canonical(ReportData data) {
        List<String> cols = new ArrayList<>();
        cols.add("Model");
        for (String m : data.modes()) {
            cols.add(m + " tok/s");
        }
        for (String m : data.modes()) {
            cols.add(m + " tok/J");
        }
        cols.add("Peak tok/J");
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String model : data.models()) {
            List<Table.Entry> row = new ArrayList<>();
            row.add(Table.text(model));
            for (String mode : data.modes()) {
                row.add(canonicalEntry(data, mode, model, Metric.TOK_S));
            }
            for (String mode : data.modes()) {
                row.add(canonicalEntry(data, mode, model, Metric.OUTPUT_TOK_PER_J));
            }
            row.add(Table.text(peakMode(data, model).orElse("—")));
            rows.add(row);
        }
        return new Table(
                "canonical",
                "Canonical cell (ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen()
                        + "): output tok/s and output tok/J",
                "Output tok/s per user and output tok/J (" + data.method() + ", " + data.rail()
                        + ") at the canonical cell; \"Peak tok/J\" is the mode with the most output tokens per joule.",
                cols,
                rows);
    }

    /**
     * Returns the mode with the highest output tok/J at the canonical cell.
     *
     * @param data the report's data
     * @param model the model
     * @return the mode, or empty if no mode has a value
     */
    public static Optional<String> peakMode(ReportData data, String model) {
        String best = null;
        double max = Double.NEGATIVE_INFINITY;
        for (String mode : data.modes()) {
            Optional<CellRow> c = data.cell(model, mode, data.canonicalCtx(), data.canonicalGen());
            double v = c.map(r -> r.value(Metric.OUTPUT_TOK_PER_J)).orElse(Double.NaN);
            if (v > max) {
                max = v;
                best = mode;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Table.Entry canonicalEntry(ReportData data, String mode, String model, Metric metric) {
        return data.cell(model, mode, data.canonicalCtx(), data.canonicalGen())
                .map(c -> Table.metric(c, metric))
                .orElse(Table.num(Double.NaN, metric.decimals(), metric.source(), List.of()));
    }

    /**
     * A speedup matrix (seed Tables 9–12).
     *
     * @param data the report's data
     * @param s the matrix
     * @return the table
     */
    public static Table speedup(ReportData data, SpeedupTable s) {
        List<String> cols = new ArrayList<>();
        cols.add("Model");
        cols.addAll(s.pairs());
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : s.speedupsByModel().entrySet()) {
            List<Table.Entry> row = new ArrayList<>();
            row.add(Table.text(e.getKey()));
            for (int i = 0; i < s.pairs().size(); i++) {
                double v = i < e.getValue().size() ? e.getValue().get(i) : Double.NaN;
                List<String> modes = List.of(s.pairs().get(i).split(" / "));
                List<String> flags = flagsOver(data, e.getKey(), modes, s.metric());
                String method = s.metric().isEnergyDerived() ? s.method() + ", " + data.method() : s.method();
                row.add(new Table.Num(v, 2, "x", method, flags));
            }
            rows.add(row);
        }
        return new Table(
                s.id(),
                s.metricLabel() + " speedup ratios, all mode pairs",
                "Speedup of each mode over its baseline (" + s.direction() + "), by " + s.method()
                        + " over the prompt × generation cells of each model.",
                cols,
                rows);
    }

    /**
     * Best total tok/J per model with the cell that holds it (seed Table 13).
     *
     * @param data the report's data
     * @return the table
     */
    public static Table bestTotal(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (BestCell b : data.bestTotalTokPerJoule()) {
            List<String> flags = data.cell(b.model(), b.mode(), b.ctx(), b.gen())
                    .map(c -> c.flagsOn(Metric.TOTAL_TOK_PER_J))
                    .orElse(List.of());
            rows.add(List.of(
                    Table.text(b.model()),
                    Table.num(b.value(), 1, data.method(), flags),
                    Table.text(b.mode()),
                    Table.text(String.valueOf(b.ctx())),
                    Table.text(String.valueOf(b.gen()))));
        }
        return new Table(
                "best_total_tok_per_j",
                "Best total tok/J per model",
                "The highest (input + output) tokens per joule of request energy (" + data.method()
                        + ") over every mode, prompt and generation length of each model, with its cell.",
                List.of("Model", "Best total tok/J", "Mode", "ctx (tok)", "gen (tok)"),
                rows);
    }

    /**
     * Every mode at the canonical cell (seed Table 15).
     *
     * @param data the report's data
     * @return the table
     */
    public static Table fullComparison(ReportData data) {
        List<Metric> metrics = List.of(
                Metric.TOK_S,
                Metric.TTFT_P50_MS,
                Metric.ITL_P50_MS,
                Metric.POWER_W,
                Metric.OUTPUT_TOK_PER_J,
                Metric.DECODE_TOK_PER_J,
                Metric.TOTAL_TOK_PER_J);
        List<String> cols = new ArrayList<>(List.of("Model", "Mode"));
        metrics.forEach(m -> cols.add(m.label()));
        cols.add("Status");
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String model : data.models()) {
            for (String mode : data.modes()) {
                Optional<CellRow> cell = data.cell(model, mode, data.canonicalCtx(), data.canonicalGen());
                List<Table.Entry> row = new ArrayList<>(List.of(Table.text(model), Table.text(mode)));
                for (Metric m : metrics) {
                    row.add(cell.map(c -> Table.metric(c, m)).orElse(Table.num(Double.NaN, m.decimals())));
                }
                row.add(Table.text(cell.map(CellRow::status).orElse("not in sweep")));
                rows.add(row);
            }
        }
        return new Table(
                "full_comparison",
                "Full " + data.modes().size() + "-mode comparison (ctx " + data.canonicalCtx() + ", gen "
                        + data.canonicalGen() + ")",
                "Every mode at the canonical cell. Latencies are medians over the cell's requests; power and tok/J"
                        + " are " + data.method() + " on " + data.rail() + ".",
                cols,
                rows);
    }

    /**
     * Power and temperatures per model and mode (seed Table 16).
     *
     * @param data the report's data
     * @return the table
     */
    public static Table thermal(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String model : data.models()) {
            for (String mode : data.modes()) {
                Optional<ModelModeRow> r = data.modelMode(model, mode);
                if (r.isEmpty()) {
                    continue;
                }
                ModelModeRow t = r.get();
                rows.add(List.of(
                        Table.text(model),
                        Table.text(mode),
                        Table.num(
                                t.powerWatts(),
                                2,
                                data.method(),
                                flagsOver(data, model, List.of(mode), Metric.POWER_W)),
                        Table.num(t.cpuCelsius(), 1, "tegrastats", List.of()),
                        Table.num(t.gpuCelsius(), 1, "tegrastats", List.of()),
                        Table.num(t.peakJunctionCelsius(), 1, "tegrastats", List.of()),
                        Table.text(t.throttled() ? "Yes" : "No")));
            }
        }
        return new Table(
                "thermal",
                "Thermal summary, all power modes",
                "Power (" + data.rail() + ", " + data.method() + ") and temperatures over each model's cells at"
                        + " each mode. Throttled: peak junction temperature at or above the throttle threshold.",
                List.of("Model", "Mode", "Avg power (W)", "Avg CPU (°C)", "Avg GPU (°C)", "Peak TJ (°C)", "Throttled"),
                rows);
    }

    /**
     * How many cells carry each flag, and why.
     *
     * @param data the report's data
     * @return the table
     */
    public static Table flags(ReportData data) {
        Map<String, List<CellRow>> byFlag = new LinkedHashMap<>();
        Map<String, String> severity = new LinkedHashMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        long ok = data.cells().stream().filter(CellRow::ok).count();
        for (CellRow c : data.cells()) {
            for (FlagMark f : c.flags()) {
                byFlag.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(c);
                severity.putIfAbsent(f.name(), f.severity());
                example.putIfAbsent(
                        f.name(),
                        c.mode() + " " + c.model() + " ctx " + c.ctx() + " gen " + c.gen() + ": " + f.reason());
            }
        }
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (Map.Entry<String, List<CellRow>> e : byFlag.entrySet()) {
            String name = e.getKey();
            int n = e.getValue().size();
            rows.add(List.of(
                    Table.text(name + " (" + FlagMark.code(name) + ")"),
                    Table.text(severity.getOrDefault(name, "")),
                    Table.num(n, 0),
                    Table.num(ok == 0 ? Double.NaN : 100.0 * n / ok, 1),
                    Table.text(FLAG_MEANING.getOrDefault(name, "")),
                    Table.text(example.getOrDefault(name, ""))));
        }
        long failed = data.cells().size() - ok;
        if (failed > 0) {
            CellRow first =
                    data.cells().stream().filter(c -> !c.ok()).findFirst().orElseThrow();
            rows.add(List.of(
                    Table.text("FAILED"),
                    Table.text("ERROR"),
                    Table.num((double) failed, 0),
                    Table.num(Double.NaN, 1),
                    Table.text("the cell produced no usable result (model not served, run failed)"),
                    Table.text(first.mode() + " " + first.model() + " ctx " + first.ctx() + " gen " + first.gen() + ": "
                            + first.failure().orElse(""))));
        }
        return new Table(
                "flags",
                "Accuracy flags",
                "How many cells carry each flag (share of the " + ok + " successful cells) and why; values a flag"
                        + " makes approximate are marked with its two-letter code throughout the report.",
                List.of("Flag", "Severity", "Cells", "Share (%)", "What it means", "Example"),
                rows);
    }

    /**
     * Every cell with every metric ({@code cells.csv}).
     *
     * @param data the report's data
     * @return the table; its columns are {@link #cellColumns()}
     */
    public static Table cells(ReportData data) {
        return cells(data.cells(), data.method(), data.rail());
    }

    /**
     * Cells with every metric ({@code cells.csv}), from rows built elsewhere (a monitor log's report).
     *
     * @param cells the rows
     * @param method the energy method, for the caption
     * @param rail the power rail, for the caption
     * @return the table; its columns are {@link #cellColumns()}
     */
    static Table cells(List<CellRow> cells, String method, String rail) {
        List<List<Table.Entry>> rows = new ArrayList<>(cells.size());
        for (CellRow c : cells) {
            List<Table.Entry> row = new ArrayList<>();
            row.add(Table.text(c.mode()));
            row.add(Table.text(c.model()));
            row.add(Table.text(String.valueOf(c.ctx())));
            row.add(Table.text(String.valueOf(c.gen())));
            row.add(Table.text(c.status()));
            for (Metric m : Metric.REQUIRED) {
                row.add(Table.metric(c, m));
            }
            row.add(Table.text(c.method()));
            row.add(Table.text(
                    CellResultsCsv.flags(c.flags().stream().map(FlagMark::name).toList())));
            row.add(Table.text(c.rail()));
            for (Metric m : Metric.EXTRA) {
                row.add(Table.metric(c, m));
            }
            row.add(Table.text(c.estimator().orElse("")));
            for (String column : CellResultsCsv.ESTIMATE_COLUMNS.subList(1, CellResultsCsv.ESTIMATE_COLUMNS.size())) {
                row.add(intervalBound(c, column));
            }
            row.add(Table.text(c.powerTrace().map(PowerTraceSource::label).orElse("")));
            rows.add(row);
        }
        return new Table(
                CELLS_ID,
                "All cells",
                "Every cell with every metric; energy values by " + method + " on " + rail
                        + ". Flags are separated by ';'.",
                cellColumns(),
                rows);
    }

    /**
     * {@return the column names of {@code cells.csv}, in order: {@link CellResultsCsv#LEADING_COLUMNS} (the columns
     * shared with the sweep driver's {@code cells.csv}, whose metric columns are {@link Metric#REQUIRED}), then
     * {@link Metric#EXTRA}, then the analysis's {@link CellResultsCsv#ESTIMATE_COLUMNS} (the estimator and the 95 %
     * interval bounds) and {@link CellResultsCsv#POWER_TRACE_COLUMN}, as the sweep driver's file ends}
     */
    public static List<String> cellColumns() {
        List<String> extra = new ArrayList<>();
        Metric.EXTRA.forEach(m -> extra.add(m.column()));
        extra.addAll(CellResultsCsv.ESTIMATE_COLUMNS);
        extra.add(CellResultsCsv.POWER_TRACE_COLUMN);
        return CellResultsCsv.withExtra(extra);
    }

    /**
     * A {@code <figure>_ci95_low} or {@code _high} field of the cell table: the bound of the interval of the metric
     * whose column is {@code <figure>}, NaN (an empty field) when the cell has none.
     */
    private static Table.Entry intervalBound(CellRow c, String column) {
        boolean low = column.endsWith("_ci95_low");
        String figure = column.substring(0, column.lastIndexOf("_ci95_"));
        for (Metric m : Metric.values()) {
            if (m.column().equals(figure)) {
                double v = c.interval(m).map(i -> low ? i.low() : i.high()).orElse(Double.NaN);
                return Table.num(v, m.decimals(), c.method(), List.of());
            }
        }
        return Table.num(Double.NaN, 0);
    }

    /** The flags that make a metric approximate in any cell of a model at the given modes. */
    static List<String> flagsOver(ReportData data, String model, List<String> modes, Metric metric) {
        Set<String> out = new LinkedHashSet<>();
        for (CellRow c : data.cells()) {
            if (c.model().equals(model) && modes.contains(c.mode())) {
                out.addAll(c.flagsOn(metric));
            }
        }
        return List.copyOf(out);
    }
}
