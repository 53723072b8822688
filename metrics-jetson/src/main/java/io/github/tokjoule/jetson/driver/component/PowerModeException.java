package io.github.tokjoule.jetson.driver.component;

/**
 * A power mode could not be set or verified: {@code nvpmodel} or {@code jetson_clocks} failed, or
 * {@code nvpmodel -q} reports another mode than the one asked for. The sweep stops: results measured in the wrong mode
 * would be filed under the wrong label.
 *
 * @since 0.1.0
 */
public class PowerModeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the command output
     */
    public PowerModeException(String message) {
        super(message);
    }
}
