package io.github.tokjoule.core.join;

/**
 * Why an estimator left a request out of a cell's figures. Every request given to an estimator is either attributed
 * or excluded with one of these reasons, the first that applies in this order.
 *
 * @since 0.2.0
 */
public enum ExclusionReason {
    /** The request ended in an error ({@link RequestTimeline#succeeded()} is {@code false}). */
    FAILED,
    /** The request's input or output token count is unknown (NaN): no ratio of sums can include it. */
    TOKENS_UNKNOWN,
    /**
     * No instant of the request lies within the trace's first and last sample, or the trace is empty: the classic
     * sign of a wrong time zone or a log of another run.
     */
    OUTSIDE_TRACE,
    /**
     * The request starts before the trace's first sample or ends after its last: its energy would need an
     * extrapolation, which the join never makes.
     */
    PARTLY_OUTSIDE_TRACE
}
