/**
 * Temperatures over time (DESIGN §3.7): {@link io.github.tokjoule.core.thermal.ThermalSample}, one reading of every
 * sensor at an instant, and {@link io.github.tokjoule.core.thermal.ThermalSummary} of a window (mean CPU and GPU
 * temperature, peak junction temperature, throttled).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.thermal;

import org.jspecify.annotations.NullMarked;
