/**
 * Live power sources: Jetson INA3221 rails through hwmon ({@link io.github.tokjoule.live.source.HwmonSource}),
 * powercap RAPL energy counters ({@link io.github.tokjoule.live.source.RaplSource}), and the tegrastats and nvidia-smi
 * tools as live child processes ({@link io.github.tokjoule.live.source.TegrastatsSource},
 * {@link io.github.tokjoule.live.source.NvidiaSmiSource}). Each fills a {@link io.github.tokjoule.live.LiveTrace} and
 * reports its health in a {@link io.github.tokjoule.live.source.SourceStatus}.
 *
 * @since 0.2.0
 */
@NullMarked
package io.github.tokjoule.live.source;

import org.jspecify.annotations.NullMarked;
