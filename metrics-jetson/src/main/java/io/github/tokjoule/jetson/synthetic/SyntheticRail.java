package io.github.tokjoule.jetson.synthetic;

/**
 * The three power rails a synthetic Orin Nano / Orin NX tegrastats line prints, in the order printed, and how each is
 * derived from the compute-rail power {@code P(t)} the generator simulates:
 *
 * <pre>
 * VDD_CPU_GPU_CV(t) = P(t)                                   the seed's compute rail
 * VDD_SOC(t)        = 0.80 W + 0.12 · (P(t) − idleWatts)     memory controller and SoC, rising with load
 * VDD_IN(t)         = 1.00 W + P(t) + VDD_SOC(t)             board input: the board total
 * </pre>
 *
 * All three are affine in {@code P}, so the true energy of every rail over any window follows exactly from the true
 * energy of {@code P} over it ({@link #joules}). Under load {@code VDD_IN} is then about 1.5–3 W above
 * {@code VDD_CPU_GPU_CV}, as the seed report says (its appendix J.2).
 *
 * @since 0.1.0
 */
public enum SyntheticRail {
    /** The board input rail (the board total on Orin Nano / NX). */
    VDD_IN,
    /** The CPU + GPU + CV rail, which the seed benchmark reads. */
    VDD_CPU_GPU_CV,
    /** The SoC rail. */
    VDD_SOC;

    /** Fixed part of {@code VDD_SOC} in watts. */
    static final double SOC_BASE_WATTS = 0.80;
    /** Share of the compute rail's load above idle that {@code VDD_SOC} follows. */
    static final double SOC_LOAD_FRACTION = 0.12;
    /** Fixed part of {@code VDD_IN} beyond the two other rails, in watts. */
    static final double BOARD_BASE_WATTS = 1.00;

    /**
     * Returns this rail's power at an instant from the compute rail's power.
     *
     * @param computeWatts {@code P(t)} in watts
     * @param idleWatts the cell's idle compute power in watts
     * @return this rail's power in watts
     */
    public double watts(double computeWatts, double idleWatts) {
        double soc = SOC_BASE_WATTS + SOC_LOAD_FRACTION * (computeWatts - idleWatts);
        return switch (this) {
            case VDD_CPU_GPU_CV -> computeWatts;
            case VDD_SOC -> soc;
            case VDD_IN -> BOARD_BASE_WATTS + computeWatts + soc;
        };
    }

    /**
     * Returns this rail's energy over a window from the compute rail's energy over the same window.
     *
     * @param computeJoules {@code ∫P dt} over the window, in joules
     * @param seconds the window's length in seconds
     * @param idleWatts the cell's idle compute power in watts
     * @return this rail's energy over the window in joules
     */
    public double joules(double computeJoules, double seconds, double idleWatts) {
        double soc = SOC_BASE_WATTS * seconds + SOC_LOAD_FRACTION * (computeJoules - idleWatts * seconds);
        return switch (this) {
            case VDD_CPU_GPU_CV -> computeJoules;
            case VDD_SOC -> soc;
            case VDD_IN -> BOARD_BASE_WATTS * seconds + computeJoules + soc;
        };
    }
}
