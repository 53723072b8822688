package io.github.tokjoule.examples.report;

import java.util.Arrays;

/**
 * A rendered chart: its id (the PNG's file name without extension), title, caption and PNG bytes. Immutable (the
 * bytes are copied in and out).
 */
public final class Chart {

    private final String id;
    private final String title;
    private final String caption;
    private final byte[] png;

    /**
     * Creates a chart.
     *
     * @param id the file-name-safe id, e.g. {@code tok_s_vs_prompt}
     * @param title the figure title
     * @param caption what it shows and how its numbers were computed
     * @param png the PNG image
     */
    public Chart(String id, String title, String caption, byte[] png) {
        this.id = id;
        this.title = title;
        this.caption = caption;
        this.png = png.clone();
    }

    /** {@return the file-name-safe id} */
    public String id() {
        return id;
    }

    /** {@return the figure title} */
    public String title() {
        return title;
    }

    /** {@return the caption} */
    public String caption() {
        return caption;
    }

    /** {@return a copy of the PNG bytes} */
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chart c
                && id.equals(c.id)
                && title.equals(c.title)
                && caption.equals(c.caption)
                && Arrays.equals(png, c.png);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Chart[" + id + ", " + png.length + " bytes]";
    }
}
