package io.github.tokjoule.tegrastats.time;

/**
 * A run of samples whose floor-to-second stamps one period and one phase satisfy together: the stamp of each sample
 * {@code i} of the segment obeys {@code s_i - tol <= t0 + (q_i - q_0)·T < s_i + 1 + tol}, {@code q} being the
 * sequence number. The feasible (t0, T) set is a convex polygon; this records its period extent and its centroid.
 *
 * @param firstIndex the index of the first sample of the segment (in the sample order of {@link SampleTimes})
 * @param lastIndex the index of the last sample of the segment, inclusive
 * @param reason why the segment starts here
 * @param periodSeconds the period at the polygon's centroid, in seconds
 * @param minPeriodSeconds the smallest period in the polygon, in seconds
 * @param maxPeriodSeconds the largest period in the polygon, in seconds
 * @param stampedSamples how many samples of the segment carry a stamp (the others are placed by the fit)
 * @since 0.1.0
 */
public record TimeSegment(
        int firstIndex,
        int lastIndex,
        RestartReason reason,
        double periodSeconds,
        double minPeriodSeconds,
        double maxPeriodSeconds,
        int stampedSamples) {

    /** {@return the number of samples in the segment} */
    public int size() {
        return lastIndex - firstIndex + 1;
    }
}
