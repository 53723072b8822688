package io.github.tokjoule.jetson.driver.plan;

import io.github.tokjoule.jetson.analysis.SweepLayout;
import java.nio.file.Path;

/**
 * The identity of one cell of a sweep run by the driver: model name, power mode label, prompt length and generation
 * length, in the order of {@link io.github.tokjoule.core.cell.CellId} (which adds the backend, one per plan) and of
 * {@code SweepResult.cell(model, modeLabel, ctx, gen)}. It names the cell's directory
 * {@code <MODE_LABEL>/<model>/gen<G>/ctx<C>} (our layout, as the seed's: gen outside, ctx inside).
 *
 * @param model the model name
 * @param modeLabel the power mode label, e.g. {@code 25W}
 * @param promptTokens the target input length, in tokens (ctx)
 * @param genTokens the target output length, in tokens (gen)
 * @since 0.1.0
 */
public record CellKey(String model, String modeLabel, int promptTokens, int genTokens) {

    /**
     * Returns the cell directory relative to the run directory.
     *
     * @return {@code <MODE_LABEL>/<model>/gen<G>/ctx<C>}
     */
    public Path relativeDir() {
        return SweepLayout.cellDirectory(Path.of(""), model, modeLabel, promptTokens, genTokens);
    }

    /**
     * Returns a short label for logs and progress, e.g. {@code 25W/qwen3-0.6b/gen64/ctx128}.
     *
     * @return the label
     */
    @Override
    public String toString() {
        return modeLabel + "/" + model + "/gen" + genTokens + "/ctx" + promptTokens;
    }
}
