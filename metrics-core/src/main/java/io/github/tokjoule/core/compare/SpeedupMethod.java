package io.github.tokjoule.core.compare;

/**
 * How several cells of two modes are condensed into one speedup (DESIGN §3.4; docs/reference/seed-methodology.md §2.6–2.9, §4.11).
 * Each method pairs the cells of the two modes by key (e.g. prompt length × generation length) and uses only keys
 * present in both; {@code d} is the {@link MetricDirection}'s speedup of one value over another.
 *
 * @since 0.1.0
 */
public enum SpeedupMethod {
    /**
     * {@code d(a[k], b[k])} at one designated cell {@code k} (the seed's canonical ctx=2048, gen=256): what the
     * seed's headline numbers and Figures 12–14 are.
     */
    CANONICAL_CELL,
    /** {@code d(mean(a), mean(b))} over the common cells: what the seed's text (§J.9) says it does. */
    RATIO_OF_MEANS,
    /** {@code d(median(a), median(b))} over the common cells: what one of the seed's scripts really does. */
    RATIO_OF_MEDIANS,
    /**
     * {@code exp(mean_k(ln d(a[k], b[k])))} over the common cells: the geometric mean of the per-cell speedups, the
     * statistically sound summary of ratios (each cell counts equally, and {@code speedup(a, b) · speedup(b, a) = 1}
     * per cell as well as overall). tokjoule's recommended default.
     */
    GEOMETRIC_MEAN_OF_RATIOS
}
