package io.github.tokjoule.jetson.driver.plan;

import java.nio.file.Path;

/**
 * The identity of one cell of a sweep: power mode label, model name, generation length and prompt length. It names
 * the cell's directory {@code <MODE_LABEL>/<model>/gen<G>/ctx<C>} (our layout, as the seed's: gen outside, ctx
 * inside).
 *
 * @param modeLabel the power mode label, e.g. {@code 25W}
 * @param model the model name
 * @param genTokens the target output length, in tokens
 * @param promptTokens the target input length, in tokens
 * @since 0.1.0
 */
public record CellKey(String modeLabel, String model, int genTokens, int promptTokens) {

    /**
     * Returns the cell directory relative to the run directory.
     *
     * @return {@code <MODE_LABEL>/<model>/gen<G>/ctx<C>}
     */
    public Path relativeDir() {
        return Path.of(modeLabel, model, "gen" + genTokens, "ctx" + promptTokens);
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
