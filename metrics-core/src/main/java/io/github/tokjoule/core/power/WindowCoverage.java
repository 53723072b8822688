package io.github.tokjoule.core.power;

/**
 * How well the samples of a {@link PowerTrace} cover one {@link TimeWindow}: returned with every energy and power
 * figure, and the numbers the accuracy flags of DESIGN §3.5 are computed from ({@code WINDOW_UNDERSAMPLED},
 * {@code PREFILL_UNDERSAMPLED}, {@code SAMPLE_GAP}, {@code WINDOW_OUTSIDE_TRACE}).
 *
 * <p>Definitions, for a window {@code [start, end]} and sample times {@code t_0 < … < t_{n−1}}:
 *
 * <ul>
 *   <li>{@code samplesInside}: the number of samples with {@code start ≤ t_i ≤ end} (both ends included, as in the
 *       seed's scripts).
 *   <li>{@code largestGapNanos}: the largest spacing {@code t_{i+1} − t_i} over the pairs of consecutive samples whose
 *       interval the integral interpolates across, i.e. with {@code t_i < end} and {@code t_{i+1} > start}. A window
 *       between two samples reports their spacing; 0 when no such pair exists (a single-sample trace, a zero-length
 *       window on a sample, a window outside the trace). Extrapolated parts are not gaps: see below.
 *   <li>{@code nominalIntervalNanos}: the trace's nominal sampling interval; given by the caller
 *       ({@link PowerTrace#withNominalIntervalNanos(long)}), or else estimated as the median spacing of the whole
 *       trace ({@code nominalIntervalEstimated} says which); 0 when it is estimated from fewer than two samples.
 *   <li>{@code startExtrapolatedNanos}: the length of the part of the window before the first sample, over which the
 *       first sample's power was held constant; {@code endExtrapolatedNanos}: the same after the last sample. Both 0
 *       for a window inside the trace and for an empty trace.
 *   <li>{@code outsideTrace}: {@code true} when the window has no instant in common with {@code [t_0, t_{n−1}]}
 *       ({@code end < t_0} or {@code start > t_{n−1}}) or the trace is empty: nothing was measured and the energy is
 *       NaN. This is the classic time-zone mistake.
 * </ul>
 *
 * @param samplesInside samples with {@code start ≤ t ≤ end}, not negative
 * @param largestGapNanos largest spacing between consecutive samples touching the window in ns, not negative
 * @param nominalIntervalNanos the nominal sampling interval in ns, not negative (0 = unknown)
 * @param nominalIntervalEstimated {@code true} if the nominal interval is the trace's median spacing, {@code false}
 *     if the caller gave it
 * @param startExtrapolatedNanos length of the window before the first sample in ns, not negative
 * @param endExtrapolatedNanos length of the window after the last sample in ns, not negative
 * @param outsideTrace {@code true} if the window lies wholly outside the trace (or the trace is empty)
 * @since 0.1.0
 */
public record WindowCoverage(
        int samplesInside,
        long largestGapNanos,
        long nominalIntervalNanos,
        boolean nominalIntervalEstimated,
        long startExtrapolatedNanos,
        long endExtrapolatedNanos,
        boolean outsideTrace) {

    /**
     * Validates the coverage.
     *
     * @throws IllegalArgumentException if a count or a length is negative
     */
    public WindowCoverage {
        requireNotNegative("samplesInside", samplesInside);
        requireNotNegative("largestGapNanos", largestGapNanos);
        requireNotNegative("nominalIntervalNanos", nominalIntervalNanos);
        requireNotNegative("startExtrapolatedNanos", startExtrapolatedNanos);
        requireNotNegative("endExtrapolatedNanos", endExtrapolatedNanos);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** {@return {@code true} if part of the window lies before the first or after the last sample} */
    public boolean extrapolated() {
        return startExtrapolatedNanos > 0 || endExtrapolatedNanos > 0;
    }

    /** {@return the total length of the window outside the trace in ns: start plus end extrapolation} */
    public long extrapolatedNanos() {
        return startExtrapolatedNanos + endExtrapolatedNanos;
    }
}
