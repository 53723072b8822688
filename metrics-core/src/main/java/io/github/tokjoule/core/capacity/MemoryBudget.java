package io.github.tokjoule.core.capacity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory of a board and what is reserved before a model loads (firmware carve-outs, OS, CMA, CUDA runtime), and
 * whether a model with its KV cache and activations fits in the rest (DESIGN §3.6, seed 004 §3.3). Immutable:
 * {@link #reserve(String, double)} returns a new budget.
 *
 * <p>Seed 004's Orin Nano 8 GB budget: 8.0 GB − 0.4 (firmware) − 0.5 (OS) − 0.5 (CMA) − 0.3 (CUDA) = 6.3 GB
 * available; Llama 3.2 3B INT4 1.5 GB + KV cache 0.1 GB + activations 0.2 GB leaves 4.5 GB.
 *
 * @since 0.1.0
 */
public final class MemoryBudget {

    private final double totalBytes;
    private final Map<String, Double> reservedBytes;

    private MemoryBudget(double totalBytes, Map<String, Double> reservedBytes) {
        this.totalBytes = totalBytes;
        this.reservedBytes = reservedBytes;
    }

    /**
     * Returns a budget of the board's total memory, nothing reserved yet.
     *
     * @param totalBytes the total memory in bytes, positive
     * @return the budget
     * @throws IllegalArgumentException if not positive and finite
     */
    public static MemoryBudget ofTotalBytes(double totalBytes) {
        return new MemoryBudget(Checks.positive(totalBytes, "totalBytes"), Map.of());
    }

    /**
     * Returns this budget with a further reservation.
     *
     * @param what what the memory is reserved for, e.g. {@code "CMA"}; not blank and not already reserved
     * @param bytes bytes reserved, not negative
     * @return the new budget
     * @throws IllegalArgumentException if {@code what} is blank or repeats, or {@code bytes} is invalid
     */
    public MemoryBudget reserve(String what, double bytes) {
        if (what.isBlank()) {
            throw new IllegalArgumentException("what must not be blank");
        }
        if (reservedBytes.containsKey(what)) {
            throw new IllegalArgumentException("'" + what + "' is already reserved: " + reservedBytes.get(what));
        }
        Map<String, Double> r = new LinkedHashMap<>(reservedBytes);
        r.put(what, Checks.nonNegative(bytes, "bytes"));
        return new MemoryBudget(totalBytes, Collections.unmodifiableMap(r));
    }

    /** {@return the total memory in bytes} */
    public double totalBytes() {
        return totalBytes;
    }

    /** {@return the reservations, in the order made} */
    public Map<String, Double> reservedBytes() {
        return reservedBytes;
    }

    /** {@return {@code total − Σ reserved}; negative if over-reserved} */
    public double availableBytes() {
        double a = totalBytes;
        for (double r : reservedBytes.values()) {
            a -= r;
        }
        return a;
    }

    /**
     * Checks whether a model fits: {@code model + KV cache + activations ≤ available}.
     *
     * @param modelBytes the weights in memory, not negative
     * @param kvCacheBytes the KV cache (see {@link KvCacheShape#bytes(long, double)}), not negative
     * @param activationBytes working memory for activations, not negative
     * @return the fit, with the remaining bytes
     * @throws IllegalArgumentException if a size is negative or not finite
     */
    public MemoryFit check(double modelBytes, double kvCacheBytes, double activationBytes) {
        double required = Checks.nonNegative(modelBytes, "modelBytes")
                + Checks.nonNegative(kvCacheBytes, "kvCacheBytes")
                + Checks.nonNegative(activationBytes, "activationBytes");
        return new MemoryFit(availableBytes(), required);
    }

    @Override
    public String toString() {
        return "MemoryBudget{total=" + totalBytes + " B, reserved=" + reservedBytes + ", available=" + availableBytes()
                + " B}";
    }
}
