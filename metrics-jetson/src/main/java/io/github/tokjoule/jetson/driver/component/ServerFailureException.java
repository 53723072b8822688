package io.github.tokjoule.jetson.driver.component;

/**
 * An inference server could not serve a model: it died while loading (often out of memory on an 8 GB Orin), did not
 * become ready in time, failed its smoke test, or its port was taken by a process the driver did not start. The model
 * is marked FAILED with {@link #getMessage()} as the reason, and the sweep goes on with the next model.
 *
 * @since 0.1.0
 */
public final class ServerFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the server failed. */
    public enum Kind {
        /** Something already answers on the port; the driver never stops a process it did not start. */
        PORT_IN_USE,
        /** The server process ended, and its log holds an out-of-memory signature. */
        OUT_OF_MEMORY,
        /** The server process ended for another reason. */
        DIED,
        /** The server did not answer its health check in time. */
        TIMEOUT,
        /** A smoke-test request failed. */
        SMOKE_TEST,
        /** A start-up command failed (e.g. {@code ollama create}). */
        START_FAILED
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why
     * @param message the reason, with log lines that show it
     */
    public ServerFailureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * Returns why the server failed.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
