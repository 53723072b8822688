package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.jetson.PowerMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cells of a sweep: models × power modes × prompt lengths × generation lengths, each axis in sweep order. One
 * type for the three places that declare a sweep: the driver's plan ({@code SweepPlan.grid()}), the synthetic
 * generator's spec and the run manifest the analysis reads ({@link SweepManifest#grid()}).
 *
 * <p>The factory takes the axes in {@link io.github.tokjoule.core.cell.CellId}'s order (model, mode, prompt,
 * generation). {@link #cells()} lists the cells in <em>run</em> order, which is not that order: mode outermost (a
 * mode switch is the slowest step, a reboot on a Jetson), then model (a server start), then generation length and
 * prompt length innermost, as the seed's driver runs them and as the directories nest
 * ({@code <MODE>/<model>/gen<G>/ctx<C>}).
 *
 * <p>Degenerate cases: an empty axis, a duplicate on an axis (model names and mode labels compared ignoring case,
 * because they name directories; mode ids compared too), a blank model name or a length below 1 is an
 * {@link IllegalArgumentException} naming the axis and the value. A grid therefore has at least one cell.
 *
 * <p>What is not on the grid stays with its owner: requests per cell and concurrency (how each cell is run, in the
 * plan and the manifest), the model files (the plan's {@code ModelSpec}s), the generator's truth knobs (its spec).
 *
 * @since 0.2.0
 */
public final class SweepGrid {

    private final List<String> models;
    private final List<PowerMode> modes;
    private final List<Integer> promptLengths;
    private final List<Integer> genLengths;

    private SweepGrid(
            List<String> models, List<PowerMode> modes, List<Integer> promptLengths, List<Integer> genLengths) {
        this.models = models;
        this.modes = modes;
        this.promptLengths = promptLengths;
        this.genLengths = genLengths;
    }

    /**
     * Returns a grid.
     *
     * @param models the model names (they name directories), in sweep order
     * @param modes the power modes, in sweep order
     * @param promptLengths the target prompt lengths ({@code ctx}), in tokens, in sweep order
     * @param genLengths the target generation lengths ({@code gen}), in tokens, in sweep order
     * @return the grid
     * @throws IllegalArgumentException if an axis is empty or holds a duplicate, a model name is blank, or a length
     *     is below 1; the message names the axis
     */
    public static SweepGrid of(
            List<String> models, List<PowerMode> modes, List<Integer> promptLengths, List<Integer> genLengths) {
        List<String> m = List.copyOf(models);
        List<PowerMode> p = List.copyOf(modes);
        List<Integer> ctx = List.copyOf(promptLengths);
        List<Integer> gen = List.copyOf(genLengths);
        nonEmpty("models", m);
        nonEmpty("modes", p);
        nonEmpty("promptLengths", ctx);
        nonEmpty("genLengths", gen);
        for (String name : m) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("sweep grid axis models: blank model name in " + m);
            }
        }
        unique("models", m, name -> name.toLowerCase(Locale.ROOT));
        unique("modes", p, mode -> mode.label().toLowerCase(Locale.ROOT));
        unique("modes", p, mode -> "id " + mode.id());
        positive("promptLengths", ctx);
        positive("genLengths", gen);
        return new SweepGrid(m, p, ctx, gen);
    }

    private static void nonEmpty(String axis, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep grid axis " + axis + " is empty: a sweep needs at least one");
        }
    }

    private static <T> void unique(String axis, List<T> values, java.util.function.Function<T, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer first = seen.putIfAbsent(key.apply(values.get(i)), i);
            if (first != null) {
                throw new IllegalArgumentException("sweep grid axis " + axis + ": " + values.get(i) + " at index " + i
                        + " duplicates " + values.get(first) + " at index " + first + " (" + values + ")");
            }
        }
    }

    private static void positive(String axis, List<Integer> lengths) {
        unique(axis, lengths, String::valueOf);
        for (int v : lengths) {
            if (v < 1) {
                throw new IllegalArgumentException(
                        "sweep grid axis " + axis + ": lengths are tokens, at least 1: " + v + " in " + lengths);
            }
        }
    }

    /** {@return the model names, in sweep order} */
    public List<String> models() {
        return models;
    }

    /** {@return the power modes, in sweep order} */
    public List<PowerMode> modes() {
        return modes;
    }

    /** {@return the target prompt lengths ({@code ctx}), in tokens, in sweep order} */
    public List<Integer> promptLengths() {
        return promptLengths;
    }

    /** {@return the target generation lengths ({@code gen}), in tokens, in sweep order} */
    public List<Integer> genLengths() {
        return genLengths;
    }

    /** {@return the number of cells: models × modes × prompt lengths × generation lengths} */
    public int cellCount() {
        return models.size() * modes.size() * promptLengths.size() * genLengths.size();
    }

    /**
     * Returns every cell in run order: mode, then model, then generation length, then prompt length (innermost), each
     * axis in its own order. This is the one loop over a grid: the driver runs it, the generator simulates it and the
     * analysis finds the planned cells that have no directory with it.
     *
     * @return the {@link #cellCount()} cells
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(cellCount());
        for (PowerMode mode : modes) {
            for (String model : models) {
                for (int gen : genLengths) {
                    for (int ctx : promptLengths) {
                        cells.add(new Cell(model, mode, ctx, gen));
                    }
                }
            }
        }
        return cells;
    }

    /**
     * One cell of a grid, in {@link io.github.tokjoule.core.cell.CellId}'s order.
     *
     * @param model the model name
     * @param mode the power mode
     * @param promptTokens the target prompt length ({@code ctx}), in tokens
     * @param genTokens the target generation length ({@code gen}), in tokens
     * @since 0.2.0
     */
    public record Cell(String model, PowerMode mode, int promptTokens, int genTokens) {

        /** {@return the power mode's label, e.g. {@code 25W}} */
        public String modeLabel() {
            return mode.label();
        }

        /**
         * Returns the cell's directory, {@link SweepLayout#cellDirectory}.
         *
         * @param runDir the run directory (an empty path gives the relative directory)
         * @return {@code <run>/<MODE>/<model>/gen<G>/ctx<C>}
         */
        public Path directory(Path runDir) {
            return SweepLayout.cellDirectory(runDir, model, mode.label(), promptTokens, genTokens);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepGrid g
                && g.models.equals(models)
                && g.modes.equals(modes)
                && g.promptLengths.equals(promptLengths)
                && g.genLengths.equals(genLengths);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(models, modes, promptLengths, genLengths);
    }

    @Override
    public String toString() {
        return "SweepGrid[models=" + models + ", modes=" + modes + ", ctx=" + promptLengths + ", gen=" + genLengths
                + "]";
    }
}
