package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.PowerMode;
import java.io.IOException;

/**
 * Sets and verifies the board's power mode.
 *
 * @since 0.1.0
 */
public interface PowerModeControl {

    /**
     * Sets a mode, pins the clocks, and verifies the mode took effect.
     *
     * @param mode the mode
     * @return the verified status
     * @throws RebootRequiredException if the mode needs a reboot
     * @throws PowerModeException if a step failed or the board reports another mode
     * @throws IOException if a program cannot be started
     * @throws InterruptedException if interrupted
     */
    PowerModeStatus apply(PowerMode mode) throws PowerModeException, IOException, InterruptedException;

    /**
     * Reads the current mode.
     *
     * @return the status
     * @throws PowerModeException if {@code nvpmodel -q} fails
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted
     */
    PowerModeStatus query() throws PowerModeException, IOException, InterruptedException;
}
