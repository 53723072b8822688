/**
 * Power traces and energy over time windows (DESIGN §3.2): {@link io.github.tokjoule.core.power.PowerTrace}, an
 * immutable time-sorted series of (epoch nanoseconds, watts), and {@link io.github.tokjoule.core.power.TimeWindow}.
 *
 * <p>All instants are epoch nanoseconds (DESIGN §4).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.power;

import org.jspecify.annotations.NullMarked;
