package io.github.tokjoule.core.compare;

/**
 * One point of a {@link ParetoFront}: an item (a cell, a mode, a label) with its throughput and efficiency, both to
 * be maximised.
 *
 * @param item the payload, e.g. a cell's metrics
 * @param throughput the throughput coordinate, e.g. output tokens per second; finite
 * @param efficiency the efficiency coordinate, e.g. output tokens per joule; finite
 * @param <T> the payload type
 * @since 0.1.0
 */
public record ParetoPoint<T>(T item, double throughput, double efficiency) {

    /**
     * Validates the coordinates.
     *
     * @throws IllegalArgumentException if a coordinate is NaN or infinite
     */
    public ParetoPoint {
        if (!Double.isFinite(throughput) || !Double.isFinite(efficiency)) {
            throw new IllegalArgumentException("throughput and efficiency must be finite: " + throughput + ", "
                    + efficiency + " (item " + item + ")");
        }
    }

    /**
     * Tells whether this point dominates another: at least as good in both coordinates and strictly better in one.
     * Identical points do not dominate each other.
     *
     * @param other the other point
     * @return {@code true} if this point dominates {@code other}
     */
    public boolean dominates(ParetoPoint<?> other) {
        return throughput >= other.throughput
                && efficiency >= other.efficiency
                && (throughput > other.throughput || efficiency > other.efficiency);
    }
}
