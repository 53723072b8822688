package io.github.tokjoule.core.stats;

/**
 * The nine sample-quantile definitions of Hyndman and Fan (1996), named as numpy names them
 * ({@code numpy.percentile(..., method=...)}).
 *
 * <p>For sorted data {@code x[1] ≤ … ≤ x[n]} and a probability {@code q = p/100}, each method picks a real position
 * {@code h} and returns {@code x[h]} (discontinuous methods 1–3) or interpolates linearly between the neighbours of
 * {@code h} (continuous methods 4–9); positions are clamped to {@code [1, n]}.
 *
 * <p>{@link #LINEAR} (type 7, {@code h = (n − 1)q + 1}) is the default everywhere in tokjoule because numpy and
 * aiperf use it: a p50 recomputed from aiperf's per-request records equals the one in its summary file
 * (DESIGN §3.1).
 *
 * @since 0.1.0
 */
public enum QuantileMethod {
    /** Type 1, inverse of the empirical CDF: {@code x[ceil(nq)]}. numpy {@code inverted_cdf}. */
    INVERTED_CDF(1, "inverted_cdf"),
    /** Type 2, type 1 with averaging at discontinuities. numpy {@code averaged_inverted_cdf}. */
    AVERAGED_INVERTED_CDF(2, "averaged_inverted_cdf"),
    /** Type 3, nearest even order statistic ({@code h = nq − 1/2}, ties to even). numpy {@code closest_observation}. */
    CLOSEST_OBSERVATION(3, "closest_observation"),
    /** Type 4, linear interpolation of the empirical CDF ({@code h = nq}). numpy {@code interpolated_inverted_cdf}. */
    INTERPOLATED_INVERTED_CDF(4, "interpolated_inverted_cdf"),
    /** Type 5, piecewise linear with knots at the midpoints ({@code h = nq + 1/2}). numpy {@code hazen}. */
    HAZEN(5, "hazen"),
    /** Type 6, {@code h = (n + 1)q}. numpy {@code weibull}. */
    WEIBULL(6, "weibull"),
    /** Type 7, {@code h = (n − 1)q + 1}: numpy's and aiperf's default; tokjoule's default. numpy {@code linear}. */
    LINEAR(7, "linear"),
    /** Type 8, approximately median-unbiased ({@code h = (n + 1/3)q + 1/3}). numpy {@code median_unbiased}. */
    MEDIAN_UNBIASED(8, "median_unbiased"),
    /**
     * Type 9, approximately unbiased for normal data ({@code h = (n + 1/4)q + 3/8}). numpy {@code normal_unbiased}.
     */
    NORMAL_UNBIASED(9, "normal_unbiased");

    private final int hyndmanFanType;
    private final String numpyName;

    QuantileMethod(int hyndmanFanType, String numpyName) {
        this.hyndmanFanType = hyndmanFanType;
        this.numpyName = numpyName;
    }

    /** {@return the method number, 1 to 9, in Hyndman and Fan (1996) and R's {@code quantile(type = ...)}} */
    public int hyndmanFanType() {
        return hyndmanFanType;
    }

    /** {@return the name numpy gives this method in {@code numpy.percentile(..., method=...)}} */
    public String numpyName() {
        return numpyName;
    }

    /** {@return {@link #LINEAR}, the default method (numpy's and aiperf's)} */
    public static QuantileMethod defaultMethod() {
        return LINEAR;
    }
}
