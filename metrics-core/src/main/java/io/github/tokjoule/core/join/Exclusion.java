package io.github.tokjoule.core.join;

/**
 * A request an estimator left out of a cell's figures, and why.
 *
 * @param index the request's position in the list given to the estimator
 * @param timeline the request
 * @param reason why it was left out
 * @since 0.2.0
 */
public record Exclusion(int index, RequestTimeline timeline, ExclusionReason reason) {

    /**
     * Validates the index.
     *
     * @throws IllegalArgumentException if the index is negative
     */
    public Exclusion {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }
}
