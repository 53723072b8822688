/**
 * Sweep analysis: reads a power-mode sweep directory (the tokjoule layout, or the seed benchmark's published layout)
 * and joins latency and power into one result per cell, plus the tables the seed benchmark publishes (power and
 * thermal summary per model and mode, speedup matrices, best total tok/J, Pareto front and peak mode).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.analysis;

import org.jspecify.annotations.NullMarked;
