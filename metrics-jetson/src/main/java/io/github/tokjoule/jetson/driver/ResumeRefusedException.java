package io.github.tokjoule.jetson.driver;

/**
 * A run cannot be resumed with this plan or on this board: the plan's fingerprint differs from the one the run was
 * started with, or the board reports a power mode other than the one recorded. Resuming would mix two measurements
 * in one directory (the seed's driver silently resumed a 25 W run in the default 15 W mode).
 *
 * @since 0.1.0
 */
public final class ResumeRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what differs, with both values
     */
    public ResumeRefusedException(String message) {
        super(message);
    }
}
