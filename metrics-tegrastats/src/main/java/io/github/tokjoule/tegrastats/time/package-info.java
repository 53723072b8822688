/**
 * Sample times of tegrastats logs: naive printed stamps resolved with the device's zone, and sub-second times
 * reconstructed by fitting period and phase to the floor-to-second stamps (DESIGN §4).
 *
 * <p>Entry point: {@link io.github.tokjoule.tegrastats.time.SampleTimes}; most callers get one from
 * {@link io.github.tokjoule.tegrastats.TegrastatsLog#times}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.tegrastats.time;

import org.jspecify.annotations.NullMarked;
