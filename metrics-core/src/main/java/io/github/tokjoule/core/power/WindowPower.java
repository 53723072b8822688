package io.github.tokjoule.core.power;

/**
 * One power figure over a window, the statistic it was computed with, and the window's coverage.
 *
 * @param watts the power in watts; NaN when the statistic has no data (see {@link PowerStatistic})
 * @param statistic how the figure was computed
 * @param coverage how the trace's samples cover the window
 * @since 0.1.0
 */
public record WindowPower(double watts, PowerStatistic statistic, WindowCoverage coverage) {}
