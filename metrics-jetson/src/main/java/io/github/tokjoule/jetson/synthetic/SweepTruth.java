package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.jetson.analysis.SweepManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ground truth of a generated sweep: where it was written, its manifest, every simulated cell and every injected
 * failure.
 *
 * @param runDirectory the run directory
 * @param manifest the manifest written to {@code manifest.json}
 * @param cells the simulated cells, in sweep order (cells marked failed are included: their tegrastats log was
 *     written but no aiperf files)
 * @param failures the injected failures (failed models and failed cells)
 * @since 0.1.0
 */
public record SweepTruth(
        Path runDirectory, SweepManifest manifest, List<CellTruth> cells, List<InjectedFailure> failures) {

    /** Copies the lists. */
    public SweepTruth {
        cells = List.copyOf(cells);
        failures = List.copyOf(failures);
    }

    /**
     * Returns one cell's truth.
     *
     * <p>The arguments come in {@link io.github.tokjoule.core.cell.CellId}'s order.
     *
     * @param model the model
     * @param modeLabel the mode label, case-insensitive
     * @param ctx the prompt length
     * @param gen the generation length
     * @return the cell, or empty if it was not simulated (its model failed, or it is not in the sweep)
     */
    public Optional<CellTruth> cell(String model, String modeLabel, int ctx, int gen) {
        for (CellTruth c : cells) {
            CellSpec s = c.spec();
            if (s.mode().label().equalsIgnoreCase(modeLabel)
                    && s.model().equals(model)
                    && s.targetOutputTokens() == gen
                    && s.targetInputTokens() == ctx) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@return the number of tegrastats lines written over all cells} */
    public long tegrastatsLines() {
        long sum = 0;
        for (CellTruth c : cells) {
            sum += c.samples();
        }
        return sum;
    }

    /**
     * A failure the generator injected on purpose.
     *
     * @param model the model
     * @param modeLabel the mode label
     * @param ctx the prompt length, or 0 for a whole model
     * @param gen the generation length, or 0 for a whole model
     * @param reason the text written to the {@code FAILED} file
     * @param directory the directory holding the {@code FAILED} file
     * @since 0.1.0
     */
    public record InjectedFailure(String model, String modeLabel, int ctx, int gen, String reason, Path directory) {

        /** {@return {@code true} if the whole model failed at this mode} */
        public boolean wholeModel() {
            return gen == 0 && ctx == 0;
        }
    }
}
