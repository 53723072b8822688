package io.github.tokjoule.examples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;

/**
 * The one legend of a multi-panel figure, drawn centred under the panels (XChart's per-panel legends would repeat the
 * same entries eight times and crowd the plots).
 */
final class FigureLegend {

    /** How an entry is drawn. */
    enum Kind {
        /** A line with a round marker (a mode in a line chart). */
        LINE,
        /** A filled square (a mode in a bar chart). */
        BAR,
        /** A round marker alone. */
        DOT,
        /** A diamond marker. */
        DIAMOND,
        /** A hollow black ring (an approximate value). */
        RING,
        /** A dashed grey line (a Pareto front). */
        DASHED
    }

    /**
     * One legend entry.
     *
     * @param label the text
     * @param color the colour
     * @param kind how it is drawn
     */
    record Item(String label, Color color, Kind kind) {}

    static final int HEIGHT = 36;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final int SYMBOL = 28;
    private static final int GAP = 22;

    private FigureLegend() {}

    /** Draws the items centred in a band of {@link #HEIGHT} pixels whose top is at {@code top}. */
    static void paint(Graphics2D g, List<Item> items, int width, int top) {
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int total = width(fm, items);
        int x = Math.max(8, (width - total) / 2);
        int mid = top + HEIGHT / 2;
        for (Item i : items) {
            symbol(g, i, x, mid);
            x += SYMBOL + 6;
            g.setColor(Color.BLACK);
            g.drawString(i.label(), x, mid + fm.getAscent() / 2 - 1);
            x += fm.stringWidth(i.label()) + GAP;
        }
    }

    /** {@return the width in pixels the items take in the given font metrics} */
    static int width(FontMetrics fm, List<Item> items) {
        int total = 0;
        for (Item i : items) {
            total += SYMBOL + 6 + fm.stringWidth(i.label()) + GAP;
        }
        return Math.max(0, total - GAP);
    }

    /** {@return the font the legend is drawn in} */
    static Font font() {
        return FONT;
    }

    private static void symbol(Graphics2D g, Item i, int x, int mid) {
        g.setColor(i.color());
        switch (i.kind()) {
            case LINE -> {
                g.setStroke(new BasicStroke(2.5f));
                g.drawLine(x, mid, x + SYMBOL, mid);
                g.fill(new Ellipse2D.Double(x + SYMBOL / 2.0 - 4, mid - 4, 8, 8));
            }
            case BAR -> g.fillRect(x + 6, mid - 8, 16, 16);
            case DOT -> g.fill(new Ellipse2D.Double(x + SYMBOL / 2.0 - 5, mid - 5, 10, 10));
            case DIAMOND -> {
                Path2D.Double d = new Path2D.Double();
                d.moveTo(x + SYMBOL / 2.0, mid - 7);
                d.lineTo(x + SYMBOL / 2.0 + 7, mid);
                d.lineTo(x + SYMBOL / 2.0, mid + 7);
                d.lineTo(x + SYMBOL / 2.0 - 7, mid);
                d.closePath();
                g.fill(d);
            }
            case RING -> {
                g.setStroke(new BasicStroke(1.8f));
                g.draw(new Ellipse2D.Double(x + SYMBOL / 2.0 - 7, mid - 7, 14, 14));
            }
            case DASHED -> {
                g.setStroke(new BasicStroke(
                        2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                g.drawLine(x, mid, x + SYMBOL, mid);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** A hollow ring around a point, for approximate values (XChart's own markers are all filled). */
    static final class Ring extends Marker {
        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            double d = markerSize * 2.0;
            g.setStroke(new BasicStroke(1.8f));
            g.draw(new Ellipse2D.Double(xOffset - d / 2, yOffset - d / 2, d, d));
        }
    }
}
