package io.github.tokjoule.core.capacity;

/**
 * The shape of a transformer's key/value cache, and its size (DESIGN §3.6, seed 004 §3.1):
 * {@code bytes = 2 · layers · kvHeads · headDim · contextTokens · bytesPerElement} (2 for keys and values). With
 * grouped-query attention {@code kvHeads} is the number of key/value heads, not of query heads.
 *
 * <p>Seed 004's example, Llama 3.2 3B as it describes it (26 layers, 8 KV heads, head dimension 128) with an INT8
 * cache at 2048 tokens: {@code 2 · 26 · 8 · 128 · 2048 · 1 = 109,051,904} bytes ≈ 109 MB.
 *
 * <p>Element sizes: FP16 2 bytes, INT8/Q8 1 byte, INT4/Q4 0.5 byte.
 *
 * @param layers transformer layers, at least 1
 * @param kvHeads key/value heads per layer, at least 1
 * @param headDim dimension of one head, at least 1
 * @since 0.1.0
 */
public record KvCacheShape(int layers, int kvHeads, int headDim) {

    /**
     * Validates the shape.
     *
     * @throws IllegalArgumentException if a dimension is less than 1
     */
    public KvCacheShape {
        if (layers < 1 || kvHeads < 1 || headDim < 1) {
            throw new IllegalArgumentException(
                    "layers, kvHeads and headDim must be at least 1: " + layers + ", " + kvHeads + ", " + headDim);
        }
    }

    /**
     * Returns the shape.
     *
     * @param layers transformer layers
     * @param kvHeads key/value heads per layer
     * @param headDim dimension of one head
     * @return the shape
     * @throws IllegalArgumentException if a dimension is less than 1
     */
    public static KvCacheShape of(int layers, int kvHeads, int headDim) {
        return new KvCacheShape(layers, kvHeads, headDim);
    }

    /**
     * Bytes of cache per token of context: {@code 2 · layers · kvHeads · headDim · bytesPerElement}.
     *
     * @param bytesPerElement bytes per cached number, positive
     * @return bytes per token
     * @throws IllegalArgumentException if {@code bytesPerElement} is not positive and finite
     */
    public double bytesPerToken(double bytesPerElement) {
        return 2.0 * layers * kvHeads * headDim * Checks.positive(bytesPerElement, "bytesPerElement");
    }

    /**
     * Bytes of cache for a context: {@code 2 · layers · kvHeads · headDim · contextTokens · bytesPerElement}.
     *
     * @param contextTokens tokens of context, not negative
     * @param bytesPerElement bytes per cached number, positive
     * @return bytes
     * @throws IllegalArgumentException on an invalid argument
     */
    public double bytes(long contextTokens, double bytesPerElement) {
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must not be negative: " + contextTokens);
        }
        return bytesPerToken(bytesPerElement) * contextTokens;
    }

    /**
     * The longest context whose cache fits a budget: {@code floor(budgetBytes / bytesPerToken)}.
     *
     * @param budgetBytes bytes available for the cache, not negative
     * @param bytesPerElement bytes per cached number, positive
     * @return tokens of context
     * @throws IllegalArgumentException on an invalid argument
     */
    public long maxContextTokens(double budgetBytes, double bytesPerElement) {
        Checks.nonNegative(budgetBytes, "budgetBytes");
        return (long) Math.floor(budgetBytes / bytesPerToken(bytesPerElement));
    }
}
