package io.github.tokjoule.core.capacity;

/**
 * Which roof of the {@link Roofline} limits a workload: below the ridge point it waits for memory, at or above it
 * for arithmetic.
 *
 * @since 0.1.0
 */
public enum Bottleneck {
    /** Operational intensity below the ridge point: limited by memory bandwidth (single-stream decode). */
    MEMORY_BOUND,
    /** Operational intensity at or above the ridge point: limited by peak compute. */
    COMPUTE_BOUND
}
