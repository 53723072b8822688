/**
 * Live power traces and measurement windows.
 *
 * <ul>
 *   <li>{@link io.github.tokjoule.live.LiveTrace}: a growing ring buffer of samples of several rails on one time
 *       axis, appended by one sampler thread and read by any number of threads; energy over a window in O(log n)
 *       with the same formulas as {@link io.github.tokjoule.core.power.PowerTrace}, and immutable snapshots.
 *   <li>{@link io.github.tokjoule.live.LiveMeter}: named measurement windows, nested or overlapping, opened and closed
 *       from any thread, each returning the energy of every rail with its coverage.
 *   <li>{@link io.github.tokjoule.live.LiveLog}: the CSV / JSONL log format of {@code tokjoule monitor} and its reader.
 * </ul>
 *
 * <p>All instants are epoch nanoseconds, taken from one monotonic clock mapped once to the epoch
 * ({@link io.github.tokjoule.live.LiveClock}).
 *
 * @since 0.2.0
 */
@NullMarked
package io.github.tokjoule.live;

import org.jspecify.annotations.NullMarked;
