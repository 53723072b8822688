package io.github.tokjoule.core.capacity;

/**
 * The result of a {@link MemoryBudget} check.
 *
 * @param availableBytes memory available after the budget's reservations
 * @param requiredBytes memory the workload needs (model, KV cache, activations)
 * @since 0.1.0
 */
public record MemoryFit(double availableBytes, double requiredBytes) {

    /** {@return {@code available − required}; negative when the workload does not fit} */
    public double remainingBytes() {
        return availableBytes - requiredBytes;
    }

    /** {@return {@code true} if the workload fits: {@code required ≤ available}} */
    public boolean fits() {
        return requiredBytes <= availableBytes;
    }
}
