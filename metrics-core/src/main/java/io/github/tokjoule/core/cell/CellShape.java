package io.github.tokjoule.core.cell;

import org.jspecify.annotations.Nullable;

/**
 * The prompt × generation lengths of a cell (the seed's ctx × gen): the key under which cells of different power
 * modes are paired in a speedup ({@link io.github.tokjoule.core.compare.Speedups}).
 *
 * @param targetInputTokens the requested prompt length, at least 1
 * @param targetOutputTokens the requested generation length, at least 1
 * @since 0.1.0
 */
public record CellShape(int targetInputTokens, int targetOutputTokens) {

    /**
     * Validates the shape.
     *
     * @throws IllegalArgumentException if a length is less than 1
     */
    public CellShape {
        if (targetInputTokens < 1 || targetOutputTokens < 1) {
            throw new IllegalArgumentException(
                    "target lengths must be at least 1: ctx " + targetInputTokens + ", gen " + targetOutputTokens);
        }
    }

    /**
     * Returns a shape.
     *
     * @param targetInputTokens the prompt length (ctx)
     * @param targetOutputTokens the generation length (gen)
     * @return the shape
     * @throws IllegalArgumentException if a length is less than 1
     */
    public static CellShape of(int targetInputTokens, int targetOutputTokens) {
        return new CellShape(targetInputTokens, targetOutputTokens);
    }

    /** {@return e.g. {@code ctx2048/gen256}} */
    @Override
    public String toString() {
        return "ctx" + targetInputTokens + "/gen" + targetOutputTokens;
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method handles on
    // first use, several ms of a cold command (docs/PERFORMANCE.md, "Round 5"). Same semantics; the hash is
    // the generated one's (31 · h + component hash, from 0).
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other
                || (other instanceof CellShape o
                        && targetInputTokens == o.targetInputTokens
                        && targetOutputTokens == o.targetOutputTokens);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(targetInputTokens);
        h = 31 * h + Integer.hashCode(targetOutputTokens);
        return h;
    }
}
