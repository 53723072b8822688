package io.github.tokjoule.jetson.driver.plan;

import io.github.tokjoule.jetson.PowerMode;

/**
 * One cell of a sweep with everything needed to run it.
 *
 * @param model the model
 * @param mode the power mode
 * @param promptTokens the target input length, in tokens (ctx)
 * @param genTokens the target output length, in tokens (gen)
 * @since 0.1.0
 */
public record PlannedCell(ModelSpec model, PowerMode mode, int promptTokens, int genTokens) {

    /**
     * Returns the cell's identity.
     *
     * @return the key
     */
    public CellKey key() {
        return new CellKey(model.name(), mode.label(), promptTokens, genTokens);
    }
}
