package io.github.tokjoule.core.cell;

import org.jspecify.annotations.Nullable;

/**
 * The identity of one cell of a sweep: which model, at which power mode, on which backend, with which target prompt
 * and generation lengths (the seed's {@code <mode>/<model>/gen<G>/ctx<C>}).
 *
 * @param model the model name as the sweep calls it, e.g. {@code "llama3.2-1b"}; not blank
 * @param modeLabel the power-mode label, e.g. {@code "25W"} or {@code "MAXN_SUPER"}; not blank
 * @param backend the inference backend, e.g. {@code "llamacpp"} or {@code "ollama"}; not blank
 * @param targetInputTokens the requested prompt length (ISL target, the seed's ctx), at least 1
 * @param targetOutputTokens the requested generation length (OSL target, the seed's gen), at least 1
 * @since 0.1.0
 */
public record CellId(String model, String modeLabel, String backend, int targetInputTokens, int targetOutputTokens) {

    /**
     * Validates the identity.
     *
     * @throws IllegalArgumentException if a name is blank or a target is less than 1
     */
    public CellId {
        requireNotBlank(model, "model");
        requireNotBlank(modeLabel, "modeLabel");
        requireNotBlank(backend, "backend");
        if (targetInputTokens < 1) {
            throw new IllegalArgumentException("targetInputTokens must be at least 1: " + targetInputTokens);
        }
        if (targetOutputTokens < 1) {
            throw new IllegalArgumentException("targetOutputTokens must be at least 1: " + targetOutputTokens);
        }
    }

    /**
     * Returns the identity of a cell.
     *
     * @param model the model name
     * @param modeLabel the power-mode label
     * @param backend the backend
     * @param targetInputTokens the requested prompt length
     * @param targetOutputTokens the requested generation length
     * @return the identity
     * @throws IllegalArgumentException if a name is blank or a target is less than 1
     */
    public static CellId of(
            String model, String modeLabel, String backend, int targetInputTokens, int targetOutputTokens) {
        return new CellId(model, modeLabel, backend, targetInputTokens, targetOutputTokens);
    }

    /**
     * Returns the prompt × generation shape of this cell, the key that pairs cells of different modes in a speedup.
     *
     * @return the shape
     */
    public CellShape shape() {
        return new CellShape(targetInputTokens, targetOutputTokens);
    }

    /** {@return e.g. {@code llama3.2-1b @ 25W (llamacpp) ctx2048/gen256}} */
    @Override
    public String toString() {
        return model + " @ " + modeLabel + " (" + backend + ") " + shape();
    }

    private static void requireNotBlank(String s, String name) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method handles on
    // first use, several ms of a cold command (docs/PERFORMANCE.md, "Round 5"). Same semantics; the hash is
    // the generated one's (31 · h + component hash, from 0).
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other
                || (other instanceof CellId o
                        && model.equals(o.model)
                        && modeLabel.equals(o.modeLabel)
                        && backend.equals(o.backend)
                        && targetInputTokens == o.targetInputTokens
                        && targetOutputTokens == o.targetOutputTokens);
    }

    @Override
    public int hashCode() {
        int h = model.hashCode();
        h = 31 * h + modeLabel.hashCode();
        h = 31 * h + backend.hashCode();
        h = 31 * h + Integer.hashCode(targetInputTokens);
        h = 31 * h + Integer.hashCode(targetOutputTokens);
        return h;
    }
}
