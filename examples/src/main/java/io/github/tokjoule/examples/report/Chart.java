package io.github.tokjoule.examples.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure of the report: its id (the file name of its standalone SVG without extension), title, caption, and its
 * panels as inline SVG elements (one model per panel, or one wide panel), with one legend and, for heat maps, one
 * colour bar for the whole figure.
 *
 * @param id the file-name-safe id, e.g. {@code tok_s_vs_prompt_gen256}
 * @param title the figure title
 * @param caption what it shows and how its numbers were computed
 * @param panels the panels, each a complete {@code <svg viewBox>} element
 * @param legend the legend as an {@code <svg>} element, or empty
 * @param colourBar the colour bar as an {@code <svg>} element, or empty
 * @param wide whether the panels are wide (one per row) rather than small multiples
 */
public record Chart(
        String id, String title, String caption, List<String> panels, String legend, String colourBar, boolean wide) {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    /** Copies the panels. */
    public Chart {
        panels = List.copyOf(panels);
    }

    /**
     * {@return the figure as one standalone SVG document: the title, the panels in a grid (four per row, one when
     * wide), the colour bar and the legend below}
     */
    public String svgFile() {
        int cols = wide ? 1 : Math.min(4, Math.max(1, panels.size()));
        int[] cell = size(panels.isEmpty() ? "" : panels.get(0), SvgPlot.W, SvgPlot.H);
        int rows = (panels.size() + cols - 1) / cols;
        int[] bar = size(colourBar, 0, 0);
        int[] leg = size(legend, 0, 0);
        int width = Math.max(cols * cell[0], Math.max(bar[0], leg[0]));
        int height = 30 + rows * cell[1] + bar[1] + leg[1] + 8;
        StringBuilder sb = new StringBuilder(16384)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\"><style>")
                .append(SvgPlot.STYLE)
                .append("</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
                .append("<text class=\"pt\" x=\"")
                .append(width / 2)
                .append("\" y=\"20\" text-anchor=\"middle\">")
                .append(HtmlWriter.esc(title))
                .append("</text>");
        for (int i = 0; i < panels.size(); i++) {
            sb.append(place(panels.get(i), (i % cols) * cell[0], 30 + (i / cols) * cell[1], cell[0], cell[1]));
        }
        int y = 30 + rows * cell[1];
        if (!colourBar.isEmpty()) {
            sb.append(place(colourBar, (width - bar[0]) / 2, y, bar[0], bar[1]));
            y += bar[1];
        }
        if (!legend.isEmpty()) {
            sb.append(place(legend, Math.max(0, (width - leg[0]) / 2), y, leg[0], leg[1]));
        }
        return sb.append("</svg>\n").toString();
    }

    private static int[] size(String svg, int w, int h) {
        Matcher m = VIEW_BOX.matcher(svg);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {w, h};
    }

    /** The element with its position and size set, so that it nests in the standalone document. */
    private static String place(String svg, int x, int y, int w, int h) {
        return "<svg x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\"" + svg.substring(4);
    }
}
