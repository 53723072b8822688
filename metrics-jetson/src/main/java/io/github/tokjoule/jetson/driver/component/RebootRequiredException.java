package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.PowerMode;

/**
 * {@code nvpmodel -m N} answered that the mode takes effect only after a reboot (on an Orin Nano Super this happens
 * for some transitions, e.g. into or out of MAXN_SUPER). The driver declined the reboot; the sweep stops and can be
 * resumed after the reboot, when the board is already in the mode.
 *
 * @since 0.1.0
 */
public final class RebootRequiredException extends PowerModeException {
    private static final long serialVersionUID = 1L;

    private final transient PowerMode mode;

    /**
     * Creates the exception.
     *
     * @param mode the mode that needs a reboot
     * @param nvpmodelOutput what nvpmodel printed
     */
    public RebootRequiredException(PowerMode mode, String nvpmodelOutput) {
        super("power mode " + mode.id() + " (" + mode.label() + ") needs a reboot; nvpmodel said: \""
                + nvpmodelOutput.strip().replaceAll("\\R+", " | ") + "\". The driver answered no and stopped the"
                + " sweep. Reboot the Jetson (it comes back in mode " + mode.id() + "), then resume the run.");
        this.mode = mode;
    }

    /**
     * Returns the mode that needs a reboot.
     *
     * @return the mode
     */
    public PowerMode mode() {
        return mode;
    }
}
