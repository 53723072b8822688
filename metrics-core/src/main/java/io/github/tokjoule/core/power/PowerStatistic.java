package io.github.tokjoule.core.power;

/**
 * How one power figure in watts is drawn from the samples of a window (DESIGN §3.2). Each seed variant has its own
 * name so that a published number can be reproduced; {@link #TIME_WEIGHTED_MEAN} is the honest default.
 *
 * @since 0.1.0
 */
public enum PowerStatistic {
    /**
     * Energy over the window divided by its duration: {@code P = E[start, end] / (end − start)}, with {@code E} the
     * trapezoid integral of {@link PowerTrace#energyJoules(TimeWindow)} (edges linearly interpolated, power held
     * constant beyond the trace). Unequal sample spacing and samples near the edges are weighted by the time they
     * represent. A zero-length window gives the interpolated power at that instant. NaN when the window lies wholly
     * outside the trace. The default.
     */
    TIME_WEIGHTED_MEAN,

    /**
     * The arithmetic mean of the samples with {@code start ≤ t ≤ end}, each counted once whatever the spacing:
     * {@code Σ P_i / n}. This is the seed's v1 chart statistic ({@code sum(mW)/len/1000},
     * docs/reference/seed-methodology.md §2.3, §2.6). NaN when no sample lies in the window, including a window that falls between
     * two samples (the seed skipped such cells).
     */
    SAMPLE_MEAN,

    /**
     * The median of the samples with {@code start ≤ t ≤ end}: the middle value, or the mean {@code (a + b) / 2} of
     * the two middle values when their count is even (numpy's {@code median}). This is what the seed's published
     * "avg_power_W" really is (corrected script, docs/reference/seed-methodology.md §2.7). NaN when no sample lies in the window.
     */
    SAMPLE_MEDIAN
}
