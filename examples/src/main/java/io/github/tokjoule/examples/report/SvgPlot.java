package io.github.tokjoule.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one chart panel as an inline SVG element: a line, bar, heat-map or scatter panel, a legend, a colour bar.
 * Every panel is a complete {@code <svg viewBox>} that scales to any width without blurring; styles come from CSS
 * classes ({@link #STYLE}), so the page and a standalone file look alike.
 *
 * <p>Marks carry a {@code <title>} (the browser's tooltip) with the exact value, its 95 % interval when known, and the
 * flags that make it approximate. A flagged point is drawn hollow with a black ring; a flagged heat-map cell has a
 * dashed outline and an asterisk; an interval is an error bar.
 */
final class SvgPlot {

    /** The CSS the panels need, for the page and for standalone SVG files. */
    static final String STYLE = ".ax{fill:none;stroke:#555;stroke-width:1}.gr{fill:none;stroke:#e4e4e4;stroke-width:1}"
            + ".tk{font:11px sans-serif;fill:#333}.at{font:12px sans-serif;fill:#222}"
            + ".pt{font:bold 13px sans-serif;fill:#111}.ln{fill:none;stroke-width:2}"
            + ".eb{fill:none;stroke-width:1.2}.fl{fill:#fff;stroke-width:2}.fb{fill:#fff;stroke-width:2;stroke-dasharray:3 2}.hm path{stroke:#fff}.w{fill:#fff}.rg{fill:none;stroke:#000;stroke-width:1.3}"
            + ".hv{font:11px sans-serif;text-anchor:middle}.hf{fill:none;stroke:#000;stroke-width:1.5;pointer-events:none;"
            + "stroke-dasharray:4 2}.fr{fill:none;stroke:#888;stroke-width:1.5;stroke-dasharray:5 3}"
            + ".lg{font:12px sans-serif;fill:#222}.e{text-anchor:end}.m{text-anchor:middle}"
            + ".hv{pointer-events:none}";

    /** The colour ramp's stops, equally spaced from 0 to 1. */
    private static final double[][] RAMP = {
        {255, 255, 204}, {254, 217, 118}, {253, 141, 60}, {227, 26, 28}, {128, 0, 38}, {60, 0, 60}
    };

    /** Panel width in viewBox units. */
    static final int W = 360;
    /** Panel height in viewBox units. */
    static final int H = 240;

    private static final int LEFT = 50;
    private static final int RIGHT = 10;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;

    private SvgPlot() {}

    /**
     * A value to draw.
     *
     * @param value the value (NaN: nothing drawn)
     * @param low the interval's lower end (NaN if none)
     * @param high the interval's upper end (NaN if none)
     * @param flagged whether a flag makes it approximate
     * @param tip the tooltip text
     */
    record Mark(double value, double low, double high, boolean flagged, String tip) {
        boolean hasInterval() {
            return Double.isFinite(low) && Double.isFinite(high);
        }

        /**
         * The lowest point an axis follows for this mark: its interval's low end, but no further from the value than
         * the value's own size ({@code value − |value|}). A few undersampled cells have intervals many times their
         * value, and an axis stretched to them flattens every other mark of the figure onto its floor; the error bar
         * is cut at the axis there (no cap at that end), the tooltip keeps the bounds.
         */
        double axisLow() {
            return hasInterval() ? Math.min(value, Math.max(low, value - Math.abs(value))) : value;
        }

        /** The highest point an axis follows for this mark: as {@link #axisLow()}, at most {@code value + |value|}. */
        double axisHigh() {
            return hasInterval() ? Math.max(value, Math.min(high, value + Math.abs(value))) : value;
        }
    }

    /**
     * A series: one colour, one mark per category (x position).
     *
     * @param colour the CSS colour
     * @param marks the marks in category order
     */
    record Series(String colour, List<Mark> marks) {
        Series {
            marks = List.copyOf(marks);
        }
    }

    /**
     * An axis scale: its ends and tick values.
     *
     * @param lo the lower end
     * @param hi the upper end
     * @param ticks the tick values
     */
    record Scale(double lo, double hi, List<Double> ticks) {
        Scale {
            ticks = List.copyOf(ticks);
        }

        double frac(double v) {
            return hi > lo ? (v - lo) / (hi - lo) : 0;
        }
    }

    /**
     * A legend entry.
     *
     * @param label the text
     * @param colour the colour
     * @param kind {@code line}, {@code box}, {@code ring}, {@code dash} or {@code hatch}
     */
    record Key(String label, String colour, String kind) {}

    /**
     * A scale from {@code 0} (or the minimum when negative) to a round number above the maximum, with 4–6 ticks.
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the scale; {@code [0, 1]} when no value is finite
     */
    static Scale scale(double min, double max) {
        double lo = Double.isFinite(min) ? Math.min(0, min) : 0;
        double hi = Double.isFinite(max) ? max : 1;
        if (hi <= lo) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double top = Math.ceil(hi / step - 1e-9) * step;
        double bottom = Math.floor(lo / step + 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = bottom; t <= top + step / 2; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return new Scale(bottom, top, ticks);
    }

    /**
     * A line panel: categories along x, one line per series, shared y scale.
     *
     * @param title the panel title
     * @param xs the category labels
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @param y the y scale
     * @param series the series
     * @return the SVG element
     */
    static String lines(String title, List<String> xs, String xTitle, String yTitle, Scale y, List<Series> series) {
        StringBuilder sb = open(W, H);
        frame(sb, W, title, xs, xTitle, yTitle, y);
        double step = (W - LEFT - RIGHT) / (double) Math.max(1, xs.size());
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.marks().size(); i++) {
                Mark m = s.marks().get(i);
                if (!Double.isFinite(m.value())) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : "L")
                        .append(n(LEFT + step * (i + 0.5)))
                        .append(',')
                        .append(n(yPos(y, m.value())));
            }
            if (path.length() > 0) {
                sb.append("<path class=\"ln\" stroke=\"")
                        .append(s.colour())
                        .append("\" d=\"")
                        .append(path)
                        .append("\"/>");
            }
        }
        for (Series s : series) {
            sb.append("<g fill=\"")
                    .append(s.colour())
                    .append("\" stroke=\"")
                    .append(s.colour())
                    .append("\">");
            Points p = new Points();
            for (int i = 0; i < s.marks().size(); i++) {
                p.add(LEFT + step * (i + 0.5), y, s.marks().get(i));
            }
            p.appendTo(sb, "");
            sb.append("</g>");
        }
        return sb.append("</svg>").toString();
    }

    /**
     * A bar panel: groups along x, one bar per series in each group.
     *
     * @param title the panel title
     * @param width the panel width in viewBox units
     * @param groups the group labels
     * @param yTitle the y-axis title
     * @param y the y scale
     * @param series the series; mark {@code i} is the bar of group {@code i}
     * @return the SVG element
     */
    static String bars(String title, int width, List<String> groups, String yTitle, Scale y, List<Series> series) {
        StringBuilder sb = open(width, H + 20);
        frame(sb, width, H + 20, title, groups, "", yTitle, y);
        double step = (width - LEFT - RIGHT) / (double) Math.max(1, groups.size());
        double bar = step * 0.8 / Math.max(1, series.size());
        StringBuilder bars = new StringBuilder();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            for (int i = 0; i < s.marks().size(); i++) {
                Mark m = s.marks().get(i);
                if (!Double.isFinite(m.value())) {
                    continue;
                }
                double x = LEFT + step * i + step * 0.1 + bar * k;
                double top = yPos(y, m.value(), H + 20);
                double base = yPos(y, Math.max(0, y.lo()), H + 20);
                sb.append("<rect x=\"")
                        .append(n(x))
                        .append("\" y=\"")
                        .append(n(Math.min(top, base)))
                        .append("\" width=\"")
                        .append(n(bar * 0.92))
                        .append("\" height=\"")
                        .append(n(Math.abs(base - top)))
                        .append('"')
                        .append(
                                m.flagged()
                                        ? " class=\"fb\" stroke=\"" + s.colour() + "\""
                                        : " fill=\"" + s.colour() + "\"")
                        .append("><title>")
                        .append(HtmlWriter.esc(m.tip()))
                        .append("</title></rect>");
                if (m.hasInterval()) {
                    errorBar(bars, x + bar * 0.46, y, m.low(), m.high(), H + 20);
                }
            }
        }
        if (bars.length() > 0) {
            sb.append("<path class=\"eb\" stroke=\"#000\" d=\"").append(bars).append("\"/>");
        }
        return sb.append("</svg>").toString();
    }

    /**
     * A heat-map panel: x categories × y categories, colours on one scale shared by the figure, values printed.
     *
     * @param title the panel title
     * @param xs the column labels
     * @param ys the row labels, bottom to top
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @param cells {@code cells[row][column]}
     * @param min the colour scale's lower end
     * @param max the colour scale's upper end
     * @return the SVG element
     */
    static String heat(
            String title,
            List<String> xs,
            List<String> ys,
            String xTitle,
            String yTitle,
            Mark[][] cells,
            double min,
            double max) {
        StringBuilder sb = open("hm panel", W, H);
        text(sb, W / 2.0, 16, "pt", "middle", title);
        double cw = (W - LEFT - RIGHT) / (double) Math.max(1, xs.size());
        double ch = (H - TOP - BOTTOM) / (double) Math.max(1, ys.size());
        StringBuilder values = new StringBuilder();
        sb.append("<g class=\"tk e\">");
        for (int r = 0; r < ys.size(); r++) {
            text(sb, LEFT - 6, H - BOTTOM - ch * (r + 0.5) + 4, ys.get(r));
        }
        sb.append("</g>");
        for (int r = 0; r < ys.size(); r++) {
            double y0 = H - BOTTOM - ch * (r + 1);
            for (int c = 0; c < xs.size(); c++) {
                Mark m = cells[r][c];
                double x0 = LEFT + cw * c;
                boolean finite = Double.isFinite(m.value());
                double t = finite && max > min ? (m.value() - min) / (max - min) : 0;
                sb.append("<path fill=\"")
                        .append(finite ? colour(t) : "#f4f4f4")
                        .append("\" d=\"M")
                        .append(n(x0))
                        .append(',')
                        .append(n(y0))
                        .append('h')
                        .append(n(cw))
                        .append('v')
                        .append(n(ch))
                        .append('h')
                        .append(n(-cw))
                        .append("z\"><title>")
                        .append(HtmlWriter.esc(m.tip()))
                        .append("</title></path>");
                if (finite && m.flagged()) {
                    sb.append("<rect class=\"hf\" x=\"")
                            .append(n(x0 + 2))
                            .append("\" y=\"")
                            .append(n(y0 + 2))
                            .append("\" width=\"")
                            .append(n(cw - 4))
                            .append("\" height=\"")
                            .append(n(ch - 4))
                            .append("\"/>");
                }
                values.append(finite && t > 0.6 ? "<text class=\"w\" x=\"" : "<text x=\"")
                        .append(n(x0 + cw / 2))
                        .append("\" y=\"")
                        .append(n(y0 + ch / 2 + 4))
                        .append("\">")
                        .append(finite ? Sig.of(m.value()) + (m.flagged() ? "*" : "") : "—")
                        .append("</text>");
            }
        }
        sb.append("<g class=\"hv\">").append(values).append("</g><g class=\"tk m\">");
        for (int c = 0; c < xs.size(); c++) {
            text(sb, LEFT + cw * (c + 0.5), H - BOTTOM + 15, xs.get(c));
        }
        sb.append("</g>");
        text(sb, LEFT + (W - LEFT - RIGHT) / 2.0, H - 6, "at", "middle", xTitle);
        sb.append("<text class=\"at m\" transform=\"translate(13,")
                .append(n(TOP + (H - TOP - BOTTOM) / 2.0))
                .append(") rotate(-90)\">")
                .append(HtmlWriter.esc(yTitle))
                .append("</text>");
        return sb.append("</svg>").toString();
    }

    /**
     * A scatter panel: one point per mark at ({@code xs[i]}, {@code marks[i]}), optionally joined by a dashed front.
     *
     * @param title the panel title
     * @param x the x scale
     * @param xTitle the x-axis title
     * @param y the y scale
     * @param yTitle the y-axis title
     * @param xs the x values
     * @param marks the y values with colours in {@code colours}
     * @param colours one colour per mark
     * @param front indices of the marks on the front, in drawing order (may be empty)
     * @return the SVG element
     */
    static String scatter(
            String title,
            Scale x,
            String xTitle,
            Scale y,
            String yTitle,
            List<Double> xs,
            List<Mark> marks,
            List<String> colours,
            List<Integer> front) {
        StringBuilder sb = open(W, H);
        text(sb, W / 2.0, 16, "pt", "middle", title);
        yAxis(sb, W, H, y, yTitle);
        xAxis(sb, W, x, xTitle);
        if (front.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (int i : front) {
                d.append(d.length() == 0 ? "M" : "L")
                        .append(n(xPos(x, xs.get(i))))
                        .append(',')
                        .append(n(yPos(y, marks.get(i).value())));
            }
            sb.append("<path class=\"fr\" d=\"").append(d).append("\"/>");
        }
        for (int i = 0; i < marks.size(); i++) {
            if (Double.isFinite(xs.get(i))) {
                sb.append("<g fill=\"")
                        .append(colours.get(i))
                        .append("\" stroke=\"")
                        .append(colours.get(i))
                        .append("\">");
                Points p = new Points();
                p.add(xPos(x, xs.get(i)), y, marks.get(i));
                p.appendTo(sb, "");
                sb.append("</g>");
            }
        }
        return sb.append("</svg>").toString();
    }

    /**
     * A wide time-series panel: runs of points {@code {x, low, high}} drawn as a band from each point's low to its high
     * (a line where they are equal, e.g. one reading per point), broken between runs (gaps), over shaded spans.
     *
     * @param title the panel title
     * @param width the panel width in viewBox units
     * @param x the x scale (time)
     * @param xTitle the x-axis title
     * @param y the y scale
     * @param yTitle the y-axis title
     * @param colour the CSS colour of the band
     * @param runs the runs, each an array of {@code {x, low, high}} in increasing x
     * @param spans the shaded spans, each {@code {from, to}} in x units
     * @return the SVG element
     */
    static String timeSeries(
            String title,
            int width,
            Scale x,
            String xTitle,
            Scale y,
            String yTitle,
            String colour,
            List<double[][]> runs,
            List<double[]> spans) {
        StringBuilder sb = open(width, H);
        text(sb, width / 2.0, 16, "pt", "middle", title);
        yAxis(sb, width, H, y, yTitle);
        double plot = width - LEFT - RIGHT;
        // Spans are drawn to whole units and merged where they touch: thousands of requests stay a small page.
        List<long[]> merged = new ArrayList<>();
        for (double[] span : spans) {
            long from = Math.round(LEFT + x.frac(span[0]) * plot);
            long to = Math.max(from + 1, Math.round(LEFT + x.frac(span[1]) * plot));
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                merged.add(new long[] {from, to});
            }
        }
        StringBuilder shade = new StringBuilder();
        for (long[] m : merged) {
            shade.append('M')
                    .append(m[0])
                    .append(',')
                    .append(TOP)
                    .append('H')
                    .append(m[1])
                    .append('V')
                    .append(H - BOTTOM)
                    .append('H')
                    .append(m[0])
                    .append('Z');
        }
        if (shade.length() > 0) {
            sb.append("<path fill=\"#e8e8e8\" d=\"").append(shade).append("\"/>");
        }
        xAxis(sb, width, x, xTitle);
        StringBuilder d = new StringBuilder();
        for (double[][] run : runs) {
            if (run.length == 0) {
                continue;
            }
            // Along the highs, back along the lows: a band, which its stroke shows as a line where they meet.
            for (int i = 0; i < run.length; i++) {
                xy(d.append(i == 0 ? 'M' : 'L'), LEFT + x.frac(run[i][0]) * plot, yPos(y, run[i][2]));
            }
            for (int i = run.length - 1; i >= 0; i--) {
                xy(d.append('L'), LEFT + x.frac(run[i][0]) * plot, yPos(y, run[i][1]));
            }
            d.append('Z');
        }
        sb.append("<path fill=\"")
                .append(colour)
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"1.2\" stroke-linejoin=\"round\" d=\"")
                .append(d)
                .append("\"/>");
        return sb.append("</svg>").toString();
    }

    /**
     * A horizontal legend, sized to its entries.
     *
     * @param keys the entries
     * @return the SVG element, or an empty string for no entries
     */
    static String legend(List<Key> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder body = new StringBuilder();
        double x = 4;
        for (Key k : keys) {
            switch (k.kind()) {
                case "line" ->
                    body.append("<path class=\"ln\" stroke=\"")
                            .append(k.colour())
                            .append("\" d=\"M")
                            .append(n(x))
                            .append(",11h22\"/><circle cx=\"")
                            .append(n(x + 11))
                            .append("\" cy=\"11\" r=\"3.5\" fill=\"")
                            .append(k.colour())
                            .append("\"/>");
                case "ring" ->
                    body.append("<circle class=\"fl\" stroke=\"#666\" cx=\"")
                            .append(n(x + 11))
                            .append("\" cy=\"11\" r=\"4\"/><circle class=\"rg\" cx=\"")
                            .append(n(x + 11))
                            .append("\" cy=\"11\" r=\"7\"/>");
                case "dash" ->
                    body.append("<path class=\"fr\" d=\"M").append(n(x)).append(",11h22\"/>");
                case "hatch" ->
                    body.append("<rect class=\"hf\" x=\"")
                            .append(n(x + 3))
                            .append("\" y=\"4\" width=\"16\" height=\"14\"/>");
                case "bar" ->
                    body.append("<path class=\"eb\" stroke=\"#000\" d=\"M")
                            .append(n(x + 11))
                            .append(",3v16M")
                            .append(n(x + 7))
                            .append(",3h8M")
                            .append(n(x + 7))
                            .append(",19h8\"/>");
                default ->
                    body.append("<rect x=\"")
                            .append(n(x + 4))
                            .append("\" y=\"4\" width=\"14\" height=\"14\" fill=\"")
                            .append(k.colour())
                            .append("\"/>");
            }
            x += 28;
            text(body, x, 15, "lg", "start", k.label());
            x += k.label().length() * 6.8 + 18;
        }
        int width = (int) Math.ceil(x);
        return "<svg class=\"legend\" viewBox=\"0 0 " + width + " 22\" style=\"max-width:" + width
                + "px\" role=\"img\">" + body + "</svg>";
    }

    /**
     * A horizontal colour bar for a heat-map figure: the gradient from {@code min} to {@code max} with ticks.
     *
     * @param min the lower end
     * @param max the upper end
     * @param label what the colour means, with its unit
     * @return the SVG element
     */
    static String colourBar(double min, double max, String label) {
        int w = 360;
        StringBuilder sb =
                new StringBuilder("<svg class=\"colourbar\" viewBox=\"0 0 " + w + " 44\" style=\"max-width:" + w
                        + "px\" role=\"img\"><title>colour scale: " + HtmlWriter.esc(label) + " from "
                        + Sig.of(min) + " to " + Sig.of(max) + "</title>");
        // The ramp is linear between its stops, so a gradient through the same stops is the exact scale. Its id
        // only has to be unique among different gradients: bars with the same label share the same ramp.
        String id = "cb" + Integer.toHexString(label.hashCode());
        sb.append("<defs><linearGradient id=\"").append(id).append("\">");
        for (int i = 0; i < RAMP.length; i++) {
            sb.append("<stop offset=\"")
                    .append(i * 100 / (RAMP.length - 1))
                    .append("%\" stop-color=\"")
                    .append(colour(i / (double) (RAMP.length - 1)))
                    .append("\"/>");
        }
        sb.append("</linearGradient></defs><rect x=\"10\" y=\"4\" width=\"")
                .append(w - 20)
                .append("\" height=\"12\" fill=\"url(#")
                .append(id)
                .append(")\"/>");
        Scale s = ticksWithin(min, max);
        StringBuilder ticks = new StringBuilder();
        for (double t : s.ticks()) {
            ticks.append('M')
                    .append(n(10 + (w - 20) * (max > min ? (t - min) / (max - min) : 0)))
                    .append(",16v4");
        }
        sb.append("<path class=\"ax\" d=\"").append(ticks).append("\"/><g class=\"tk m\">");
        for (double t : s.ticks()) {
            text(sb, 10 + (w - 20) * (max > min ? (t - min) / (max - min) : 0), 31, Sig.of(t));
        }
        sb.append("</g>");
        text(sb, w / 2.0, 43, "tk", "middle", label);
        return sb.append("</svg>").toString();
    }

    /** Round ticks inside [min, max], both ends included as ticks when nothing rounder falls near them. */
    private static Scale ticksWithin(double min, double max) {
        Scale s = scale(min, max);
        List<Double> ticks = new ArrayList<>();
        ticks.add(min);
        for (double t : s.ticks()) {
            if (t > min + (max - min) * 0.08 && t < max - (max - min) * 0.08) {
                ticks.add(t);
            }
        }
        if (max > min) {
            ticks.add(max);
        }
        return new Scale(min, max, ticks);
    }

    /**
     * The colour of a position on the sequential scale (light yellow through orange to dark purple, after the
     * perceptually ordered "inferno"-like ramp), as {@code #rrggbb}.
     *
     * @param t the position, clamped to [0, 1]
     * @return the colour
     */
    static String colour(double t) {
        double[][] stops = RAMP;
        double c = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(c));
        double f = c - i;
        StringBuilder sb = new StringBuilder("#");
        for (int k = 0; k < 3; k++) {
            int v = (int) Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f);
            sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
        }
        return sb.toString();
    }

    /**
     * The points of one series, written compactly: each point a circle with its tooltip inside (hollow when flagged),
     * then every error bar of the series as one path and every flag ring as one path, drawn over the points. Colours
     * come from the enclosing group ({@code fill} and {@code stroke}).
     */
    private static final class Points {
        private final StringBuilder circles = new StringBuilder();
        private final StringBuilder bars = new StringBuilder();
        private final StringBuilder rings = new StringBuilder();

        void add(double x, Scale y, Mark m) {
            if (!Double.isFinite(m.value())) {
                return;
            }
            double py = yPos(y, m.value());
            circles.append(m.flagged() ? "<circle class=\"fl\" cx=\"" : "<circle cx=\"")
                    .append(n(x))
                    .append("\" cy=\"")
                    .append(n(py))
                    .append("\" r=\"4\"><title>")
                    .append(HtmlWriter.esc(m.tip()))
                    .append("</title></circle>");
            if (m.hasInterval()) {
                errorBar(bars, x, y, m.low(), m.high(), H);
            }
            if (m.flagged()) {
                // a circle of radius 7 as two half arcs
                rings.append('M').append(n(x - 7)).append(',').append(n(py)).append("a7,7 0 1 0 14,0a7,7 0 1 0-14,0");
            }
        }

        void appendTo(StringBuilder sb, String barStroke) {
            if (bars.length() > 0) {
                sb.append("<path class=\"eb\"")
                        .append(barStroke)
                        .append(" d=\"")
                        .append(bars)
                        .append("\"/>");
            }
            sb.append(circles);
            if (rings.length() > 0) {
                sb.append("<path class=\"rg\" d=\"").append(rings).append("\"/>");
            }
        }
    }

    /**
     * An error bar with caps, as path data, cut at the ends of the y scale: an end beyond the axis gets no cap, so an
     * open end says the interval goes on (the axis follows an interval only so far, see {@code ReportCharts.mark}).
     */
    private static void errorBar(StringBuilder d, double x, Scale y, double low, double high, int h) {
        double lo = Math.max(low, y.lo());
        double hi = Math.min(high, y.hi());
        if (!(hi >= lo)) {
            return;
        }
        double yLow = yPos(y, lo, h);
        double yHigh = yPos(y, hi, h);
        xy(d.append('M'), x, yLow).append('V').append(n(yHigh));
        if (lo == low) {
            xy(d.append('M'), x - 4, yLow).append("h8");
        }
        if (hi == high) {
            xy(d.append('M'), x - 4, yHigh).append("h8");
        }
    }

    /** A point of path data, {@code x,y}. */
    private static StringBuilder xy(StringBuilder d, double x, double y) {
        return d.append(n(x)).append(',').append(n(y));
    }

    private static StringBuilder open(int w, int h) {
        return open("panel", w, h);
    }

    private static StringBuilder open(String cls, int w, int h) {
        return new StringBuilder(4096)
                .append("<svg class=\"")
                .append(cls)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" role=\"img\">");
    }

    private static void frame(
            StringBuilder sb, int w, String title, List<String> xs, String xTitle, String yTitle, Scale y) {
        frame(sb, w, H, title, xs, xTitle, yTitle, y);
    }

    private static void frame(
            StringBuilder sb, int w, int h, String title, List<String> xs, String xTitle, String yTitle, Scale y) {
        text(sb, w / 2.0, 16, "pt", "middle", title);
        yAxis(sb, w, h, y, yTitle);
        double step = (w - LEFT - RIGHT) / (double) Math.max(1, xs.size());
        sb.append("<g class=\"tk m\">");
        for (int i = 0; i < xs.size(); i++) {
            text(sb, LEFT + step * (i + 0.5), h - BOTTOM + 15, xs.get(i));
        }
        sb.append("</g>");
        if (!xTitle.isEmpty()) {
            text(sb, LEFT + (w - LEFT - RIGHT) / 2.0, h - 6, "at", "middle", xTitle);
        }
    }

    private static void yAxis(StringBuilder sb, int w, int h, Scale y, String yTitle) {
        StringBuilder grid = new StringBuilder();
        for (double t : y.ticks()) {
            grid.append('M')
                    .append(LEFT)
                    .append(',')
                    .append(n(yPos(y, t, h)))
                    .append('H')
                    .append(w - RIGHT);
        }
        sb.append("<path class=\"gr\" d=\"").append(grid).append("\"/><g class=\"tk e\">");
        List<String> labels = tickLabels(y.ticks());
        for (int i = 0; i < labels.size(); i++) {
            text(sb, LEFT - 5, yPos(y, y.ticks().get(i), h) + 4, labels.get(i));
        }
        sb.append("</g>");
        // both axes as one path: up the left side, then along the bottom
        sb.append("<path class=\"ax\" d=\"M")
                .append(LEFT)
                .append(',')
                .append(TOP)
                .append('V')
                .append(h - BOTTOM)
                .append('H')
                .append(w - RIGHT)
                .append("\"/>");
        sb.append("<text class=\"at m\" transform=\"translate(12,")
                .append(n(TOP + (h - TOP - BOTTOM) / 2.0))
                .append(") rotate(-90)\">")
                .append(HtmlWriter.esc(yTitle))
                .append("</text>");
    }

    /** A numeric x axis of a panel {@code w} wide: its grid lines, tick labels and title. */
    private static void xAxis(StringBuilder sb, int w, Scale x, String xTitle) {
        int plot = w - LEFT - RIGHT;
        StringBuilder grid = new StringBuilder();
        for (double t : x.ticks()) {
            grid.append('M')
                    .append(n(LEFT + x.frac(t) * plot))
                    .append(',')
                    .append(TOP)
                    .append('V')
                    .append(H - BOTTOM);
        }
        sb.append("<path class=\"gr\" d=\"").append(grid).append("\"/><g class=\"tk m\">");
        List<String> labels = tickLabels(x.ticks());
        for (int i = 0; i < labels.size(); i++) {
            text(sb, LEFT + x.frac(x.ticks().get(i)) * plot, H - BOTTOM + 15, labels.get(i));
        }
        sb.append("</g>");
        text(sb, LEFT + plot / 2.0, H - 6, "at", "middle", xTitle);
    }

    /**
     * The labels of an axis's round ticks, all with the decimals the finest of them needs: {@code 0, 50, 100, 150}
     * (was {@code 0, 50.0, 100, 150} at three significant figures each), {@code 0, 2.5, 5.0, 7.5, 10.0}, {@code 0,
     * 0.05, 0.10, 0.15}. Zero prints as {@code 0}. The ticks come from {@link #scale}, multiples of a step of 1, 2, 2.5
     * or 5 times a power of ten, so no label has more than three significant figures.
     *
     * @param ticks the tick values, each a multiple of one round step (up to floating-point error)
     * @return one label per tick
     */
    static List<String> tickLabels(List<Double> ticks) {
        List<BigDecimal> exact = new ArrayList<>();
        int decimals = 0;
        for (double t : ticks) {
            // 1e-9 of a unit undoes the sums' floating-point error (0.1 + 0.2); steps are far coarser
            BigDecimal d =
                    BigDecimal.valueOf(t).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
            exact.add(d);
            decimals = Math.max(decimals, d.scale());
        }
        List<String> labels = new ArrayList<>();
        for (BigDecimal d : exact) {
            labels.add(
                    d.signum() == 0
                            ? "0"
                            : d.setScale(decimals, RoundingMode.HALF_UP).toPlainString());
        }
        return labels;
    }

    private static double yPos(Scale y, double v) {
        return yPos(y, v, H);
    }

    private static double yPos(Scale y, double v, int h) {
        return h - BOTTOM - y.frac(v) * (h - TOP - BOTTOM);
    }

    private static double xPos(Scale x, double v) {
        return LEFT + x.frac(v) * (W - LEFT - RIGHT);
    }

    /** A text whose class and anchor come from its enclosing group. */
    private static void text(StringBuilder sb, double x, double y, String s) {
        textTail(sb.append("<text"), x, y, s);
    }

    private static void text(StringBuilder sb, double x, double y, String cls, String anchor, String s) {
        sb.append("<text class=\"")
                .append(cls)
                .append(anchor.equals("start") ? "" : anchor.equals("end") ? " e" : " m")
                .append('"');
        textTail(sb, x, y, s);
    }

    /** The rest of a text element after its tag name and class. */
    private static void textTail(StringBuilder sb, double x, double y, String s) {
        sb.append(" x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\">")
                .append(HtmlWriter.esc(s))
                .append("</text>");
    }

    /**
     * A coordinate rounded to a whole viewBox unit (a panel is 360 units wide: a third of a percent), without the
     * cost of {@code String.format}: the page stays small with thousands of marks.
     */
    static String n(double v) {
        return Long.toString(Math.round(v));
    }
}
