package io.github.tokjoule.jetson.driver.plan;

import io.github.tokjoule.jetson.PowerMode;

/**
 * One cell of a sweep with everything needed to run it.
 *
 * @param mode the power mode
 * @param model the model
 * @param genTokens the target output length, in tokens
 * @param promptTokens the target input length, in tokens
 * @since 0.1.0
 */
public record PlannedCell(PowerMode mode, ModelSpec model, int genTokens, int promptTokens) {

    /**
     * Returns the cell's identity.
     *
     * @return the key
     */
    public CellKey key() {
        return new CellKey(mode.label(), model.name(), genTokens, promptTokens);
    }
}
