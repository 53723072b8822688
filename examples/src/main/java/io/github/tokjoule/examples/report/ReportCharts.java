package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The report's figures as inline SVG ({@link SvgPlot}): small multiples with one model per panel and one shared scale
 * per figure, wide grouped-bar panels, heat maps with one colour bar per figure. Pure drawing: every value is a cell's
 * metric or an aggregate of {@link ReportData}; the only arithmetic is the mean over prompt lengths of Figure 11's
 * prefill throughput (as the seed's figure).
 *
 * <p>Each mark's tooltip names the cell and gives the value to five significant figures, its 95 % interval when the
 * data has one (also drawn as an error bar), and the flags that make it approximate (drawn hollow, or dashed in a heat
 * map, with an asterisk).
 */
public final class ReportCharts {

    /** Mode colours in sweep order (the seed's 25W is orange when modes are 7W, 15W, 25W, MAXN). */
    private static final String[] MODE_COLOURS = {
        "#1f77b4", "#2ca02c", "#ff7f0e", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
    };

    /** Model colours for figures with one line per model. */
    private static final String[] MODEL_COLOURS = {
        "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#1f78b4", "#b2df8a"
    };

    private static final int WIDE = 760;

    private ReportCharts() {}

    /**
     * Returns the file-name-safe form of a label.
     *
     * @param label e.g. {@code MAXN_SUPER}
     * @return e.g. {@code maxn_super}
     */
    static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /**
     * Returns the id of a heat-map figure.
     *
     * @param metric the metric
     * @param mode the mode label
     * @return e.g. {@code heatmap_output_tok_per_j_25w}
     */
    public static String heatMapId(Metric metric, String mode) {
        return "heatmap_" + metric.column() + "_" + slug(mode);
    }

    /**
     * Returns the id of a metric-against-prompt-length figure.
     *
     * @param metric the metric
     * @param gen the generation length
     * @return e.g. {@code output_tok_per_j_vs_prompt_gen256}
     */
    public static String versusPromptId(Metric metric, int gen) {
        return metric.column() + "_vs_prompt_gen" + gen;
    }

    /**
     * A metric against prompt length at one generation length: one panel per model, one line per mode, one y scale.
     *
     * @param data the report's data
     * @param metric the metric
     * @param gen the generation length
     * @return the chart
     */
    public static Chart versusPrompt(ReportData data, Metric metric, int gen) {
        return perModelLines(
                data,
                metric,
                data.promptLengths(),
                "Prompt length (tokens)",
                (model, mode, ctx) -> data.cell(model, mode, ctx, gen),
                "mc",
                versusPromptId(metric, gen),
                metric.label() + " vs prompt length (gen " + gen + ")",
                metric.label() + " against prompt length at generation length " + gen);
    }

    /**
     * A metric against generation length at one prompt length: one panel per model, one line per mode, one y scale
     * (the seed's Figure F.2, decode tok/J against generation length at each prompt length: decode follows the
     * output, not the prompt).
     *
     * @param data the report's data
     * @param metric the metric
     * @param ctx the prompt length
     * @return the chart, id {@code <metric>_vs_gen_ctx<ctx>}
     */
    public static Chart versusGenAtPrompt(ReportData data, Metric metric, int ctx) {
        return perModelLines(
                data,
                metric,
                data.genLengths(),
                "Generation length (tokens)",
                (model, mode, gen) -> data.cell(model, mode, ctx, gen),
                "mg",
                metric.column() + "_vs_gen_ctx" + ctx,
                metric.label() + " vs generation length (prompt " + ctx + ")",
                metric.label() + " against generation length at prompt length " + ctx);
    }

    /** The cell of a model at a mode and one value of the x axis. */
    private interface CellAt {
        Optional<CellRow> cell(String model, String mode, int x);
    }

    /** One panel per model, one line per mode over the x values, one y scale for the figure. */
    private static Chart perModelLines(
            ReportData data,
            Metric metric,
            List<Integer> xValues,
            String xLabel,
            CellAt at,
            String where,
            String id,
            String title,
            String captionStart) {
        List<String> xs = xValues.stream().map(String::valueOf).toList();
        List<List<SvgPlot.Series>> byModel = new ArrayList<>();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean[] seen = new boolean[2];
        for (String model : data.models()) {
            List<SvgPlot.Series> series = new ArrayList<>();
            for (int k = 0; k < data.modes().size(); k++) {
                String mode = data.modes().get(k);
                List<SvgPlot.Mark> marks = new ArrayList<>();
                for (int x : xValues) {
                    marks.add(mark(at.cell(model, mode, x), metric, range, seen, where));
                }
                series.add(new SvgPlot.Series(modeColour(data.modes(), k), marks));
            }
            byModel.add(series);
        }
        SvgPlot.Scale y = SvgPlot.scale(range[0], range[1]);
        List<String> panels = new ArrayList<>();
        for (int i = 0; i < data.models().size(); i++) {
            panels.add(SvgPlot.lines(data.models().get(i), xs, xLabel, metric.label(), y, byModel.get(i)));
        }
        String caption = captionStart + ", one panel per model on one y scale, one line per power mode"
                + (metric.isEnergyDerived() ? "; energy by " + data.method() + " on " + data.rail() : "; from aiperf")
                + ". " + marksNote(seen) + "Missing points are failed cells.";
        return new Chart(id, title, caption, panels, modeLegend(data, seen), "", false);
    }

    /**
     * One model's metric against generation length: one panel per prompt length, one line per mode (seed Figure 6).
     *
     * @param data the report's data
     * @param metric the metric
     * @param model the model
     * @return the chart
     */
    public static Chart versusGen(ReportData data, Metric metric, String model) {
        List<String> xs = data.genLengths().stream().map(String::valueOf).toList();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean[] seen = new boolean[2];
        List<List<SvgPlot.Series>> byCtx = new ArrayList<>();
        for (int ctx : data.promptLengths()) {
            List<SvgPlot.Series> series = new ArrayList<>();
            for (int k = 0; k < data.modes().size(); k++) {
                List<SvgPlot.Mark> marks = new ArrayList<>();
                for (int gen : data.genLengths()) {
                    marks.add(mark(data.cell(model, data.modes().get(k), ctx, gen), metric, range, seen, "mg"));
                }
                series.add(new SvgPlot.Series(modeColour(data.modes(), k), marks));
            }
            byCtx.add(series);
        }
        SvgPlot.Scale y = SvgPlot.scale(range[0], range[1]);
        List<String> panels = new ArrayList<>();
        for (int i = 0; i < data.promptLengths().size(); i++) {
            panels.add(SvgPlot.lines(
                    "prompt " + data.promptLengths().get(i),
                    xs,
                    "Generation length (tokens)",
                    metric.label(),
                    y,
                    byCtx.get(i)));
        }
        return new Chart(
                metric.column() + "_vs_gen_" + slug(model),
                model + ": " + metric.label() + " at every power mode across generation lengths",
                metric.label() + " of " + model + " against generation length, one panel per prompt length, one line"
                        + " per power mode. " + marksNote(seen),
                panels,
                modeLegend(data, seen),
                "",
                false);
    }

    /**
     * A heat map of one metric at one mode: generation × prompt length, one panel per model, one colour scale and
     * colour bar for the whole figure.
     *
     * @param data the report's data
     * @param metric the metric
     * @param mode the mode label
     * @return the chart
     */
    public static Chart heatMap(ReportData data, Metric metric, String mode) {
        List<String> xs = data.promptLengths().stream().map(String::valueOf).toList();
        List<String> ys = data.genLengths().stream().map(String::valueOf).toList();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean[] seen = new boolean[2];
        List<SvgPlot.Mark[][]> grids = new ArrayList<>();
        for (String model : data.models()) {
            SvgPlot.Mark[][] g = new SvgPlot.Mark[ys.size()][xs.size()];
            for (int r = 0; r < ys.size(); r++) {
                for (int c = 0; c < xs.size(); c++) {
                    g[r][c] = mark(
                            data.cell(
                                    model,
                                    mode,
                                    data.promptLengths().get(c),
                                    data.genLengths().get(r)),
                            metric,
                            range,
                            seen,
                            "cg");
                }
            }
            grids.add(g);
        }
        // The colour scale spans the values (not their intervals) of every panel of the figure.
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SvgPlot.Mark[][] g : grids) {
            for (SvgPlot.Mark[] row : g) {
                for (SvgPlot.Mark m : row) {
                    if (Double.isFinite(m.value())) {
                        min = Math.min(min, m.value());
                        max = Math.max(max, m.value());
                    }
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        List<String> panels = new ArrayList<>();
        for (int i = 0; i < data.models().size(); i++) {
            panels.add(SvgPlot.heat(
                    data.models().get(i),
                    xs,
                    ys,
                    "Prompt length (tokens)",
                    "Generation length (tokens)",
                    grids.get(i),
                    min,
                    max));
        }
        List<SvgPlot.Key> keys = new ArrayList<>();
        if (seen[0]) {
            keys.add(new SvgPlot.Key("approximate (flagged), value marked *", "#000", "hatch"));
        }
        return new Chart(
                heatMapId(metric, mode),
                metric.label() + " heat map at " + mode,
                metric.label() + " at " + mode + " for every prompt and generation length, one panel per model, one"
                        + " colour scale for the whole figure (light: low, dark: high); the value is printed in each"
                        + " cell, a grey cell with a dash is missing or failed."
                        + (metric.isEnergyDerived() ? " Energy by " + data.method() + " on " + data.rail() + "." : "")
                        + (seen[0] ? " A dashed outline and an asterisk mark approximate values." : ""),
                panels,
                SvgPlot.legend(keys),
                SvgPlot.colourBar(min, max, metric.label() + " at " + mode),
                false);
    }

    /**
     * Grouped bars: one group per model, one bar per mode, in one wide panel.
     *
     * @param data the report's data
     * @param id the chart id
     * @param title the title
     * @param caption the caption
     * @param yTitle the y-axis title
     * @param value the mark of a model at a mode
     * @return the chart
     */
    static Chart bars(
            ReportData data,
            String id,
            String title,
            String caption,
            String yTitle,
            BiFunction<String, String, SvgPlot.Mark> value) {
        double max = Double.NEGATIVE_INFINITY;
        boolean[] seen = new boolean[2];
        List<SvgPlot.Series> series = new ArrayList<>();
        for (int k = 0; k < data.modes().size(); k++) {
            List<SvgPlot.Mark> marks = new ArrayList<>();
            for (String model : data.models()) {
                SvgPlot.Mark m = value.apply(model, data.modes().get(k));
                marks.add(m);
                if (Double.isFinite(m.value())) {
                    max = Math.max(max, m.axisHigh());
                    seen[0] |= m.flagged();
                    seen[1] |= m.hasInterval();
                }
            }
            series.add(new SvgPlot.Series(modeColour(data.modes(), k), marks));
        }
        String panel = SvgPlot.bars(title, WIDE, data.models(), yTitle, SvgPlot.scale(0, max), series);
        List<SvgPlot.Key> keys = new ArrayList<>();
        for (int k = 0; k < data.modes().size(); k++) {
            keys.add(new SvgPlot.Key(data.modes().get(k), modeColour(data.modes(), k), "box"));
        }
        if (seen[0]) {
            keys.add(new SvgPlot.Key("approximate (flagged)", "#000", "hatch"));
        }
        if (seen[1]) {
            keys.add(new SvgPlot.Key("95 % interval", "#000", "bar"));
        }
        return new Chart(
                id,
                title,
                caption + (seen[0] ? " Dashed hollow bars are approximate (flagged)." : ""),
                List.of(panel),
                SvgPlot.legend(keys),
                "",
                true);
    }

    /**
     * Bars of a cell metric at the canonical cell.
     *
     * @param data the report's data
     * @param metric the metric
     * @return the chart
     */
    public static Chart canonicalBars(ReportData data, Metric metric) {
        String where = "ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen();
        return bars(
                data,
                "canonical_" + metric.column(),
                metric.label() + " by power mode (" + where + ")",
                metric.label() + " of every model at every power mode at the canonical cell (" + where + ")"
                        + (metric.isEnergyDerived() ? "; energy by " + data.method() + " on " + data.rail() : "")
                        + ".",
                metric.label(),
                (model, mode) -> mark(
                        data.cell(model, mode, data.canonicalCtx(), data.canonicalGen()),
                        metric,
                        new double[2],
                        new boolean[2],
                        "Mm"));
    }

    /**
     * Prefill throughput per model and mode, the mean over prompt lengths at the canonical generation length (seed
     * Figure 11).
     *
     * @param data the report's data
     * @return the chart
     */
    public static Chart prefillThroughput(ReportData data) {
        int gen = data.canonicalGen();
        return bars(
                data,
                "prefill_tok_s_by_mode",
                "Prefill throughput by power mode (gen " + gen + ", mean over prompt lengths)",
                "Input tokens per second of prefill (aiperf), the arithmetic mean over the prompt lengths of each"
                        + " model and mode at generation length " + gen + " (failed cells left out of the mean).",
                Metric.PREFILL_TOK_S.label(),
                (model, mode) -> {
                    double sum = 0;
                    int n = 0;
                    List<String> flags = new ArrayList<>();
                    for (int ctx : data.promptLengths()) {
                        Optional<CellRow> c = data.cell(model, mode, ctx, gen);
                        double v = c.map(r -> r.value(Metric.PREFILL_TOK_S)).orElse(Double.NaN);
                        if (Double.isFinite(v)) {
                            sum += v;
                            n++;
                            flags.addAll(c.get().flagsOn(Metric.PREFILL_TOK_S));
                        }
                    }
                    double mean = n == 0 ? Double.NaN : sum / n;
                    return new SvgPlot.Mark(
                            mean,
                            Double.NaN,
                            Double.NaN,
                            !flags.isEmpty(),
                            model + ", " + mode + ": " + Sig.of(mean, 5) + " prefill tok/s (mean of " + n
                                    + " prompt lengths)" + flagsNote(flags));
                });
    }

    /**
     * Average power per model and mode (seed Figure 12).
     *
     * @param data the report's data
     * @return the chart
     */
    public static Chart power(ReportData data) {
        return bars(
                data,
                "power_by_mode",
                "Average " + data.rail() + " power per model at each power mode",
                "Average power on " + data.rail() + " over each model's cells at each mode (" + data.method() + ").",
                "Power (W)",
                (model, mode) -> {
                    double w = data.modelMode(model, mode)
                            .map(ModelModeRow::powerWatts)
                            .orElse(Double.NaN);
                    List<String> flags = ReportTables.flagsOver(data, model, List.of(mode), Metric.POWER_W);
                    return new SvgPlot.Mark(
                            w,
                            Double.NaN,
                            Double.NaN,
                            !flags.isEmpty(),
                            model + ", " + mode + ": " + Sig.of(w, 5) + " W" + flagsNote(flags));
                });
    }

    /**
     * Total energy per request against generation length at one mode and the canonical prompt length, one line per
     * model (seed Figure 15).
     *
     * @param data the report's data
     * @param mode the mode
     * @return the chart
     */
    public static Chart energyVersusOutput(ReportData data, String mode) {
        List<String> xs = data.genLengths().stream().map(String::valueOf).toList();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean[] seen = new boolean[2];
        List<SvgPlot.Series> series = new ArrayList<>();
        List<SvgPlot.Key> keys = new ArrayList<>();
        for (int i = 0; i < data.models().size(); i++) {
            String model = data.models().get(i);
            List<SvgPlot.Mark> marks = new ArrayList<>();
            for (int gen : data.genLengths()) {
                marks.add(mark(
                        data.cell(model, mode, data.canonicalCtx(), gen), Metric.ENERGY_TOTAL_J, range, seen, "Mg"));
            }
            String colour = MODEL_COLOURS[i % MODEL_COLOURS.length];
            series.add(new SvgPlot.Series(colour, marks));
            keys.add(new SvgPlot.Key(model, colour, "line"));
        }
        addMarkKeys(keys, seen);
        String title = "Energy per request vs generation length at " + mode + " (ctx " + data.canonicalCtx() + ")";
        String panel = SvgPlot.lines(
                title,
                xs,
                "Generation length (tokens)",
                Metric.ENERGY_TOTAL_J.label(),
                SvgPlot.scale(range[0], range[1]),
                series);
        return new Chart(
                "energy_vs_gen_" + slug(mode),
                title,
                "Energy of one request (" + data.method() + ", " + data.rail() + ") at " + mode + " and prompt length "
                        + data.canonicalCtx() + ", one line per model. " + marksNote(seen),
                List.of(panel),
                SvgPlot.legend(keys),
                "",
                false);
    }

    /**
     * Output tok/s against output tok/J at the canonical cell, one panel per model, one point per mode, the Pareto
     * front dashed.
     *
     * @param data the report's data
     * @return the chart
     */
    public static Chart pareto(ReportData data) {
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (ParetoEntry p : data.pareto()) {
            xMax = Math.max(xMax, p.tokensPerJoule());
            yMax = Math.max(yMax, p.tokensPerSecond());
        }
        SvgPlot.Scale x = SvgPlot.scale(0, xMax);
        SvgPlot.Scale y = SvgPlot.scale(0, yMax);
        List<String> panels = new ArrayList<>();
        for (String model : data.models()) {
            List<Double> xs = new ArrayList<>();
            List<SvgPlot.Mark> marks = new ArrayList<>();
            List<String> colours = new ArrayList<>();
            List<Integer> front = new ArrayList<>();
            for (ParetoEntry p : data.pareto()) {
                if (!p.model().equals(model)) {
                    continue;
                }
                if (p.onFront()) {
                    front.add(xs.size());
                }
                xs.add(p.tokensPerJoule());
                marks.add(new SvgPlot.Mark(
                        p.tokensPerSecond(),
                        Double.NaN,
                        Double.NaN,
                        false,
                        model + ", " + p.mode() + ": " + Sig.of(p.tokensPerSecond(), 5) + " tok/s, "
                                + Sig.of(p.tokensPerJoule(), 5) + " tok/J" + (p.onFront() ? " (on the front)" : "")));
                colours.add(modeColour(data.modes(), Math.max(0, data.modes().indexOf(p.mode()))));
            }
            front.sort((a, b) -> Double.compare(xs.get(a), xs.get(b)));
            panels.add(SvgPlot.scatter(
                    model, x, "Output tok/J", y, "Output tok/s", xs, marks, colours, List.copyOf(front)));
        }
        List<SvgPlot.Key> keys = new ArrayList<>();
        for (int k = 0; k < data.modes().size(); k++) {
            keys.add(new SvgPlot.Key(data.modes().get(k), modeColour(data.modes(), k), "line"));
        }
        keys.add(new SvgPlot.Key("Pareto front", "#888", "dash"));
        String where = "ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen();
        return new Chart(
                "pareto",
                "Pareto: output tok/s vs output tok/J per model (" + where + ")",
                "Each point is a power mode at the canonical cell; the dashed line joins the modes no other mode beats"
                        + " on both speed and efficiency. Output tok/J by " + data.method() + ".",
                panels,
                SvgPlot.legend(keys),
                "",
                false);
    }

    /**
     * A cell's metric as a mark; updates the figure's range and what kinds of marks it has. The tooltip names what the
     * panel and figure titles do not: {@code where} picks the mode ({@code m}), prompt ({@code c}), generation
     * ({@code g}) and model ({@code M}) by letter.
     */
    static SvgPlot.Mark mark(Optional<CellRow> cell, Metric metric, double[] range, boolean[] seen, String where) {
        if (cell.isEmpty()) {
            return new SvgPlot.Mark(Double.NaN, Double.NaN, Double.NaN, false, "not in the sweep");
        }
        CellRow c = cell.get();
        double v = c.value(metric);
        List<String> parts = new ArrayList<>();
        for (char k : where.toCharArray()) {
            parts.add(
                    switch (k) {
                        case 'M' -> c.model();
                        case 'm' -> c.mode();
                        case 'c' -> "ctx " + c.ctx();
                        default -> "gen " + c.gen();
                    });
        }
        String at = String.join(", ", parts) + ": ";
        if (!Double.isFinite(v)) {
            return new SvgPlot.Mark(
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    false,
                    at + c.failure().map(f -> "failed: " + f).orElse("no value"));
        }
        Optional<CellRow.Interval> i = c.interval(metric);
        List<String> flags = c.flagsOn(metric);
        seen[0] |= !flags.isEmpty();
        seen[1] |= i.isPresent();
        String tip = at + Sig.of(v, 5) + " " + unit(metric)
                + i.map(x -> " (95 % interval " + Sig.of(x.low(), 4) + " to " + Sig.of(x.high(), 4) + ")")
                        .orElse("")
                + flagsNote(flags);
        SvgPlot.Mark m = new SvgPlot.Mark(
                v,
                i.map(CellRow.Interval::low).orElse(Double.NaN),
                i.map(CellRow.Interval::high).orElse(Double.NaN),
                !flags.isEmpty(),
                tip);
        range[0] = Math.min(range[0], m.axisLow());
        range[1] = Math.max(range[1], m.axisHigh());
        return m;
    }

    /** The unit of a metric's label: the parenthesised part, or the last word when it is a rate. */
    static String unit(Metric metric) {
        String l = metric.label();
        int open = l.lastIndexOf('(');
        if (l.endsWith(")") && open >= 0) {
            return l.substring(open + 1, l.length() - 1);
        }
        int space = l.lastIndexOf(' ');
        return l.contains("tok/") && space >= 0 ? l.substring(space + 1) : l;
    }

    private static String flagsNote(List<String> flags) {
        return flags.isEmpty() ? "" : "; approximate: " + String.join(", ", new java.util.LinkedHashSet<>(flags));
    }

    private static String marksNote(boolean[] seen) {
        return (seen[0] ? "Hollow ringed points are approximate (flagged): hover for the flags. " : "")
                + (seen[1]
                        ? "Error bars are 95 % intervals; a bar that ends at the plot's edge without a cap runs beyond it"
                                + " (hover for its bounds). "
                        : "");
    }

    private static String modeLegend(ReportData data, boolean[] seen) {
        List<SvgPlot.Key> keys = new ArrayList<>();
        for (int k = 0; k < data.modes().size(); k++) {
            keys.add(new SvgPlot.Key(data.modes().get(k), modeColour(data.modes(), k), "line"));
        }
        addMarkKeys(keys, seen);
        return SvgPlot.legend(keys);
    }

    private static void addMarkKeys(List<SvgPlot.Key> keys, boolean[] seen) {
        if (seen[0]) {
            keys.add(new SvgPlot.Key("approximate (flagged)", "#000", "ring"));
        }
        if (seen[1]) {
            keys.add(new SvgPlot.Key("95 % interval", "#000", "bar"));
        }
    }

    /**
     * The colour of a mode: the seed's four modes always get the same one (7W blue, 15W green, 25W orange, MAXN red,
     * as in its charts), any other mode the next of the remaining colours by its position.
     */
    static String modeColour(List<String> modes, int index) {
        String label = modes.get(index).toUpperCase(Locale.ROOT);
        int seed = seedIndex(label);
        if (seed >= 0) {
            return MODE_COLOURS[seed];
        }
        int others = 0;
        for (int i = 0; i < index; i++) {
            if (seedIndex(modes.get(i).toUpperCase(Locale.ROOT)) < 0) {
                others++;
            }
        }
        return MODE_COLOURS[4 + others % (MODE_COLOURS.length - 4)];
    }

    private static int seedIndex(String label) {
        return switch (label) {
            case "7W" -> 0;
            case "15W" -> 1;
            case "25W" -> 2;
            default -> label.startsWith("MAXN") ? 3 : -1;
        };
    }
}
