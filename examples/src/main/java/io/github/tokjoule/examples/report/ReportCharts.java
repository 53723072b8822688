package io.github.tokjoule.examples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts with XChart, headless, as PNG: one panel per model (a 4-column grid) under a figure title,
 * with one legend for the whole figure.
 *
 * <ul>
 *   <li>output tok/s and output tok/J against prompt length at the canonical generation length, one line per mode;
 *   <li>output tok/J heat map (generation × prompt length) per mode, one panel per model;
 *   <li>canonical-cell bars: output tok/s and output tok/J per model, one bar per mode;
 *   <li>Pareto scatter of output tok/s against output tok/J per model at the canonical cell, front drawn;
 *   <li>prefill, decode and total tok/J against prompt length at the canonical generation length.
 * </ul>
 *
 * Points whose value is approximate (flagged) are circled.
 */
public final class ReportCharts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Mode colours in sweep order (the seed's 25W is orange when modes are 7W, 15W, 25W, MAXN). */
    private static final Color[] MODE_COLORS = {
        new Color(0x1f77b4),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f)
    };

    private static final String APPROX = "approximate (flagged)";
    private static final int PANEL_WIDTH = 440;
    private static final int PANEL_HEIGHT = 330;
    private static final int COLUMNS = 4;
    private static final int TITLE_BAND = 44;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font FIGURE_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final FigureLegend.Ring RING = new FigureLegend.Ring();

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private ReportCharts() {}

    /**
     * Starts, once per JVM, a background thread that draws and encodes a small chart of each kind and throws it
     * away, so that loading AWT, fonts and XChart and compiling the paint code overlap the sweep analysis instead of
     * following it. Harmless if charts are never drawn; a failure here is ignored (the real drawing reports it).
     */
    public static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(ReportCharts::warmUp, "tokjoule-chart-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warmUp() {
        try {
            CategoryChart line =
                    new CategoryChartBuilder().width(200).height(150).build();
            style(line.getStyler());
            line.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.addSeries("a", List.of("1", "2"), List.of(1.0, 2.0)).setMarker(RING);
            CategoryChart bars =
                    new CategoryChartBuilder().width(200).height(150).build();
            style(bars.getStyler());
            bars.addSeries("a", List.of("1", "2"), List.of(1.0, 2.0));
            HeatMapChart heat = new HeatMapChartBuilder().width(200).height(150).build();
            style(heat.getStyler());
            heat.getStyler().setShowValue(true);
            List<Number[]> cells = new ArrayList<>();
            cells.add(new Number[] {0, 0, 1.0});
            heat.addSeries("a", List.of("1"), List.of("1"), cells);
            XYChart xy = new XYChartBuilder().width(200).height(150).build();
            style(xy.getStyler());
            xy.addSeries("a", new double[] {1, 2}, new double[] {1, 2});
            grid(
                    "warm-up",
                    List.of(line, bars, heat, xy),
                    2,
                    200,
                    150,
                    List.of(new FigureLegend.Item("a", Color.BLACK, FigureLegend.Kind.LINE)));
        } catch (RuntimeException e) {
            // Ignored on purpose: only a warm-up; drawing the real charts raises any real problem.
        }
    }

    /**
     * Draws every chart, in parallel, in report order.
     *
     * @param data the report's data
     * @return the charts
     */
    public static List<Chart> all(ReportData data) {
        List<Supplier<Chart>> tasks = new ArrayList<>();
        tasks.add(() -> versusPrompt(data, Metric.TOK_S, "tok_s_vs_prompt"));
        tasks.add(() -> versusPrompt(data, Metric.OUTPUT_TOK_PER_J, "output_tok_per_j_vs_prompt"));
        for (String mode : data.modes()) {
            tasks.add(() -> heatMap(data, mode));
        }
        tasks.add(() -> canonicalBars(data));
        tasks.add(() -> pareto(data));
        tasks.add(() -> versusPrompt(data, Metric.PREFILL_TOK_PER_J, "prefill_tok_per_j_vs_prompt"));
        tasks.add(() -> versusPrompt(data, Metric.DECODE_TOK_PER_J, "decode_tok_per_j_vs_prompt"));
        tasks.add(() -> versusPrompt(data, Metric.TOTAL_TOK_PER_J, "total_tok_per_j_vs_prompt"));
        return tasks.parallelStream().map(Supplier::get).toList();
    }

    /**
     * Returns the id of a mode's heat-map chart.
     *
     * @param mode the mode label
     * @return e.g. {@code heatmap_output_tok_per_j_25w}
     */
    public static String heatMapId(String mode) {
        return "heatmap_output_tok_per_j_" + mode.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /**
     * A metric against prompt length at the canonical generation length: one panel per model, one line per mode.
     *
     * @param data the report's data
     * @param metric the metric
     * @param id the chart id
     * @return the chart
     */
    public static Chart versusPrompt(ReportData data, Metric metric, String id) {
        int gen = data.canonicalGen();
        List<String> xs = data.promptLengths().stream().map(String::valueOf).toList();
        List<CategoryChart> panels = new ArrayList<>();
        boolean anyApprox = false;
        for (String model : data.models()) {
            CategoryChart c = new CategoryChartBuilder()
                    .width(PANEL_WIDTH)
                    .height(PANEL_HEIGHT)
                    .title(model)
                    .xAxisTitle("Prompt length (tokens)")
                    .yAxisTitle(metric.label())
                    .build();
            style(c.getStyler());
            c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            c.getStyler().setOverlapped(true);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setMarkerSize(7);
            c.getStyler().setYAxisDecimalPattern(decimalPattern(metric));
            boolean any = false;
            List<List<@Nullable Double>> flaggedByMode = new ArrayList<>();
            for (int mi = 0; mi < data.modes().size(); mi++) {
                String mode = data.modes().get(mi);
                List<@Nullable Double> ys = new ArrayList<>();
                List<@Nullable Double> flaggedYs = new ArrayList<>();
                for (int ctx : data.promptLengths()) {
                    double v = value(data, mode, model, ctx, gen, metric);
                    boolean finite = Double.isFinite(v);
                    ys.add(finite ? v : null);
                    flaggedYs.add(finite && flagged(data, mode, model, ctx, gen, metric) ? v : null);
                    any |= finite;
                }
                if (ys.stream().allMatch(java.util.Objects::isNull)) {
                    continue;
                }
                CategorySeries s = c.addSeries(mode, xs, ys);
                Color col = modeColor(data.modes(), mi);
                s.setLineColor(col);
                s.setMarkerColor(col);
                s.setFillColor(col);
                s.setMarker(SeriesMarkers.CIRCLE);
                flaggedByMode.add(flaggedYs);
            }
            // Rings after the lines so that they are drawn on top.
            for (int i = 0; i < flaggedByMode.size(); i++) {
                List<@Nullable Double> ys = flaggedByMode.get(i);
                if (ys.stream().allMatch(java.util.Objects::isNull)) {
                    continue;
                }
                CategorySeries s = c.addSeries(APPROX + " " + i, xs, ys);
                s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                s.setMarker(RING);
                s.setMarkerColor(Color.BLACK);
                s.setShowInLegend(false);
                anyApprox = true;
            }
            if (!any) {
                // XChart cannot draw a chart without a series: an invisible one keeps the axes.
                c.setTitle(model + " (no data)");
                CategorySeries s =
                        c.addSeries(" ", xs, xs.stream().map(x -> 0.0).toList());
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(new Color(0, 0, 0, 0));
                s.setShowInLegend(false);
            }
            panels.add(c);
        }
        List<FigureLegend.Item> legend = modeLegend(data, FigureLegend.Kind.LINE);
        if (anyApprox) {
            legend.add(new FigureLegend.Item(APPROX, Color.BLACK, FigureLegend.Kind.RING));
        }
        String title = metric.label() + " vs prompt length (gen " + gen + ", all models and modes)";
        String caption = metric.label() + " against prompt length at gen " + gen + ", one panel per model, one line"
                + " per power mode" + (metric.isEnergyDerived() ? "; " + data.method() + " on " + data.rail() : "")
                + "." + (anyApprox ? " Circled points are approximate: see the flags of those cells." : "")
                + " Missing points are failed cells.";
        return new Chart(id, title, caption, grid(title, panels, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT, legend));
    }

    /**
     * Output tok/J heat map of one mode: generation length × prompt length, one panel per model, values printed.
     *
     * @param data the report's data
     * @param mode the mode label
     * @return the chart
     */
    public static Chart heatMap(ReportData data, String mode) {
        List<HeatMapChart> panels = new ArrayList<>();
        List<String> xs = data.promptLengths().stream().map(String::valueOf).toList();
        List<String> ys = data.genLengths().stream().map(String::valueOf).toList();
        for (String model : data.models()) {
            HeatMapChart c = new HeatMapChartBuilder()
                    .width(PANEL_WIDTH)
                    .height(PANEL_HEIGHT)
                    .title(model)
                    .xAxisTitle("Prompt length (tokens)")
                    .yAxisTitle("Generation length (tokens)")
                    .build();
            style(c.getStyler());
            c.getStyler().setShowValue(true);
            c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            c.getStyler().setValueFontColor(Color.BLACK);
            c.getStyler().setHeatMapValueDecimalPattern("0.0");
            c.getStyler().setLegendVisible(false);
            c.getStyler().setRangeColors(new Color[] {
                new Color(0xffffe5), new Color(0xfee391), new Color(0xfec44f), new Color(0xfe9929)
            });
            List<Number[]> heat = new ArrayList<>();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int yi = 0; yi < ys.size(); yi++) {
                for (int xi = 0; xi < xs.size(); xi++) {
                    double v = value(
                            data,
                            mode,
                            model,
                            data.promptLengths().get(xi),
                            data.genLengths().get(yi),
                            Metric.OUTPUT_TOK_PER_J);
                    if (Double.isFinite(v)) {
                        heat.add(new Number[] {xi, yi, v});
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (heat.isEmpty()) {
                c.setTitle(model + " (no data)");
                heat.add(new Number[] {0, 0, 0.0});
                c.getStyler().setShowValue(false);
                min = 0;
                max = 1;
            }
            c.getStyler().setMin(min);
            c.getStyler().setMax(max > min ? max : min + 1);
            c.addSeries("output tok/J", xs, ys, heat);
            panels.add(c);
        }
        String title = "Output tok/J heat map at " + mode + " (generation × prompt length)";
        String caption = "Output tok/J (" + data.method() + ", " + data.rail() + ") at " + mode + " for every"
                + " prompt and generation length, one panel per model; each panel has its own colour scale (pale"
                + " yellow lowest, orange highest), the value is printed in each cell, an empty cell failed.";
        return new Chart(
                heatMapId(mode), title, caption, grid(title, panels, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT, List.of()));
    }

    /**
     * Canonical-cell bars: output tok/s and output tok/J per model, one bar per mode, side by side.
     *
     * @param data the report's data
     * @return the chart
     */
    public static Chart canonicalBars(ReportData data) {
        List<CategoryChart> panels = new ArrayList<>();
        for (Metric metric : List.of(Metric.TOK_S, Metric.OUTPUT_TOK_PER_J)) {
            CategoryChart c = new CategoryChartBuilder()
                    .width(880)
                    .height(480)
                    .title(metric.label() + " at ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen())
                    .xAxisTitle("Model")
                    .yAxisTitle(metric.label())
                    .build();
            style(c.getStyler());
            c.getStyler().setXAxisLabelRotation(25);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setAvailableSpaceFill(0.8);
            c.getStyler().setYAxisDecimalPattern(decimalPattern(metric));
            for (int mi = 0; mi < data.modes().size(); mi++) {
                String mode = data.modes().get(mi);
                List<Double> ys = new ArrayList<>();
                for (String model : data.models()) {
                    double v = value(data, mode, model, data.canonicalCtx(), data.canonicalGen(), metric);
                    ys.add(Double.isFinite(v) ? v : 0.0);
                }
                CategorySeries s = c.addSeries(mode, data.models(), ys);
                s.setFillColor(modeColor(data.modes(), mi));
            }
            panels.add(c);
        }
        String title = "Canonical cell (ctx " + data.canonicalCtx() + ", gen " + data.canonicalGen()
                + "): output tok/s and output tok/J";
        String caption = "Output tok/s (left) and output tok/J (right, " + data.method() + ", " + data.rail()
                + ") at the canonical cell, one bar per power mode; a missing bar is a failed cell.";
        return new Chart(
                "canonical_bars",
                title,
                caption,
                grid(title, panels, 2, 880, 480, modeLegend(data, FigureLegend.Kind.BAR)));
    }

    /**
     * Pareto scatter per model: output tok/s against output tok/J at the canonical cell, one point per mode, the
     * front drawn as a dashed line.
     *
     * @param data the report's data
     * @return the chart
     */
    public static Chart pareto(ReportData data) {
        List<XYChart> panels = new ArrayList<>();
        for (String model : data.models()) {
            XYChart c = new XYChartBuilder()
                    .width(PANEL_WIDTH)
                    .height(PANEL_HEIGHT)
                    .title(model)
                    .xAxisTitle("Output tok/s")
                    .yAxisTitle("Output tok/J")
                    .build();
            style(c.getStyler());
            c.getStyler().setMarkerSize(12);
            c.getStyler().setXAxisDecimalPattern("#,##0");
            c.getStyler().setYAxisDecimalPattern("#,##0.0#");
            List<ParetoEntry> points = data.pareto().stream()
                    .filter(p -> p.model().equals(model)
                            && Double.isFinite(p.tokensPerSecond())
                            && Double.isFinite(p.tokensPerJoule()))
                    .toList();
            List<ParetoEntry> front = points.stream()
                    .filter(ParetoEntry::onFront)
                    .sorted(Comparator.comparingDouble(ParetoEntry::tokensPerSecond))
                    .toList();
            if (front.size() > 1) {
                XYSeries f = c.addSeries(
                        "Pareto front",
                        front.stream().mapToDouble(ParetoEntry::tokensPerSecond).toArray(),
                        front.stream().mapToDouble(ParetoEntry::tokensPerJoule).toArray());
                f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                f.setMarker(SeriesMarkers.NONE);
                f.setLineColor(Color.GRAY);
                f.setLineStyle(new BasicStroke(
                        1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
            for (int mi = 0; mi < data.modes().size(); mi++) {
                String mode = data.modes().get(mi);
                for (ParetoEntry p : points) {
                    if (p.mode().equals(mode)) {
                        XYSeries s = c.addSeries(
                                mode, new double[] {p.tokensPerSecond()}, new double[] {p.tokensPerJoule()});
                        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        s.setMarker(p.onFront() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
                        s.setMarkerColor(modeColor(data.modes(), mi));
                    }
                }
            }
            if (points.isEmpty()) {
                c.setTitle(model + " (no data)");
                c.addSeries("no data", new double[] {0}, new double[] {0});
            } else {
                pad(c.getStyler(), points);
            }
            panels.add(c);
        }
        List<FigureLegend.Item> legend = modeLegend(data, FigureLegend.Kind.DOT);
        legend.add(new FigureLegend.Item("on the front", Color.DARK_GRAY, FigureLegend.Kind.DIAMOND));
        legend.add(new FigureLegend.Item("Pareto front", Color.GRAY, FigureLegend.Kind.DASHED));
        String title = "Pareto: output tok/s vs output tok/J per model (ctx " + data.canonicalCtx() + ", gen "
                + data.canonicalGen() + ")";
        String caption = "Each point is a power mode at the canonical cell (output tok/J by " + data.method() + " on "
                + data.rail() + "); diamonds are on the model's Pareto front (no other mode is both faster and more"
                + " efficient), joined by the dashed line.";
        return new Chart("pareto", title, caption, grid(title, panels, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT, legend));
    }

    /** Keeps the markers off the plot's edges: 8 % of the range (or of the value) on each side. */
    private static void pad(AxesChartStyler s, List<ParetoEntry> points) {
        DoubleSummaryStatistics x =
                points.stream().mapToDouble(ParetoEntry::tokensPerSecond).summaryStatistics();
        DoubleSummaryStatistics y =
                points.stream().mapToDouble(ParetoEntry::tokensPerJoule).summaryStatistics();
        double dx = margin(x);
        double dy = margin(y);
        s.setXAxisMin(Math.max(0, x.getMin() - dx));
        s.setXAxisMax(x.getMax() + dx);
        s.setYAxisMin(Math.max(0, y.getMin() - dy));
        s.setYAxisMax(y.getMax() + dy);
    }

    private static double margin(DoubleSummaryStatistics s) {
        double range = s.getMax() - s.getMin();
        return 0.08 * (range > 0 ? range : Math.max(Math.abs(s.getMax()), 1e-9));
    }

    private static List<FigureLegend.Item> modeLegend(ReportData data, FigureLegend.Kind kind) {
        List<FigureLegend.Item> items = new ArrayList<>();
        for (int mi = 0; mi < data.modes().size(); mi++) {
            items.add(new FigureLegend.Item(data.modes().get(mi), modeColor(data.modes(), mi), kind));
        }
        return items;
    }

    private static String decimalPattern(Metric metric) {
        return metric == Metric.TOK_S || metric == Metric.TOTAL_TOK_PER_J || metric == Metric.PREFILL_TOK_PER_J
                ? "#,##0"
                : "#,##0.#";
    }

    /**
     * The colour of a mode: the seed's four modes always get the same one (7W blue, 15W green, 25W orange, MAXN red,
     * as in its charts), any other mode the next of the remaining colours by its position.
     */
    static Color modeColor(List<String> modes, int index) {
        String label = modes.get(index).toUpperCase(Locale.ROOT);
        if (label.equals("7W")) {
            return MODE_COLORS[0];
        }
        if (label.equals("15W")) {
            return MODE_COLORS[1];
        }
        if (label.equals("25W")) {
            return MODE_COLORS[2];
        }
        if (label.startsWith("MAXN")) {
            return MODE_COLORS[3];
        }
        int others = 0;
        for (int i = 0; i < index; i++) {
            String l = modes.get(i).toUpperCase(Locale.ROOT);
            if (!(l.equals("7W") || l.equals("15W") || l.equals("25W") || l.startsWith("MAXN"))) {
                others++;
            }
        }
        return MODE_COLORS[4 + others % (MODE_COLORS.length - 4)];
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setLegendVisible(false);
        s.setAntiAlias(true);
        s.setSeriesColors(MODE_COLORS);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(AXIS_TITLE_FONT);
            a.setAxisTickLabelsFont(TICK_FONT);
            a.setPlotBackgroundColor(Color.WHITE);
            a.setPlotBorderColor(Color.LIGHT_GRAY);
            a.setPlotGridLinesColor(new Color(0xe6e6e6));
        }
    }

    /** Paints the panels in a grid under a figure title, the legend below, and encodes the image as PNG. */
    private static byte[] grid(
            String title,
            List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels,
            int columns,
            int width,
            int height,
            List<FigureLegend.Item> legend) {
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = Math.max(1, (panels.size() + cols - 1) / cols);
        int legendBand = legend.isEmpty() ? 0 : FigureLegend.HEIGHT;
        // Wide enough for the title and the legend even with a single panel; panels are centred.
        int needed = 0;
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            needed = Math.max(
                    probe.getFontMetrics(FIGURE_TITLE_FONT).stringWidth(title),
                    FigureLegend.width(probe.getFontMetrics(FigureLegend.font()), legend));
        } finally {
            probe.dispose();
        }
        int imageWidth = Math.max(cols * width, needed + 40);
        int left = (imageWidth - cols * width) / 2;
        BufferedImage image =
                new BufferedImage(imageWidth, TITLE_BAND + rows * height + legendBand, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(FIGURE_TITLE_FONT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(8, (image.getWidth() - fm.stringWidth(title)) / 2), 30);
            for (int i = 0; i < panels.size(); i++) {
                Graphics2D p = (Graphics2D)
                        g.create(left + (i % cols) * width, TITLE_BAND + (i / cols) * height, width, height);
                try {
                    panels.get(i).paint(p, width, height);
                } finally {
                    p.dispose();
                }
            }
            if (!legend.isEmpty()) {
                FigureLegend.paint(g, legend, image.getWidth(), TITLE_BAND + rows * height);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart \"" + title + "\" as PNG", e);
        }
        return out.toByteArray();
    }

    private static double value(ReportData data, String mode, String model, int ctx, int gen, Metric metric) {
        return data.cell(mode, model, ctx, gen).map(c -> c.value(metric)).orElse(Double.NaN);
    }

    private static boolean flagged(ReportData data, String mode, String model, int ctx, int gen, Metric metric) {
        return data.cell(mode, model, ctx, gen)
                .map(c -> !c.flagsOn(metric).isEmpty())
                .orElse(false);
    }
}
