/**
 * Power traces and energy over time windows (DESIGN §3.2, §3.3 "measured").
 *
 * <ul>
 *   <li>{@link io.github.tokjoule.core.power.PowerTrace}: an immutable time-sorted series of (epoch nanoseconds,
 *       watts) with prefix sums; exact trapezoid energy over any {@link io.github.tokjoule.core.power.TimeWindow} in
 *       O(log n), batches of windows in one pass, power statistics by
 *       {@link io.github.tokjoule.core.power.PowerStatistic}, sums of rails on a common time base.
 *   <li>{@link io.github.tokjoule.core.power.WindowCoverage}, returned with every figure: samples inside, largest
 *       gap, nominal interval, extrapolation beyond the trace, window outside the trace. The accuracy flags are
 *       computed from it.
 *   <li>Per-request prefill, decode and total energy is the join's: {@link io.github.tokjoule.core.join}.
 * </ul>
 *
 * <p>All instants are epoch nanoseconds (DESIGN §4); energies are joules, powers watts.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.power;

import org.jspecify.annotations.NullMarked;
