package io.github.tokjoule.examples.report;

/**
 * A rendered chart: its id (the PNG's file name without extension), title, caption and PNG bytes.
 *
 * @param id the file-name-safe id, e.g. {@code tok_s_vs_prompt}
 * @param title the figure title
 * @param caption what it shows and how its numbers were computed
 * @param png the PNG image
 */
public record Chart(String id, String title, String caption, byte[] png) {

    /** Copies the bytes. */
    public Chart {
        png = png.clone();
    }

    /** {@return a copy of the PNG bytes} */
    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chart c
                && id.equals(c.id)
                && title.equals(c.title)
                && caption.equals(c.caption)
                && java.util.Arrays.equals(png, c.png);
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
