/**
 * Sweep analysis, synthetic sweeps with known ground truth, and the Jetson llama.cpp sweep driver.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson;

import org.jspecify.annotations.NullMarked;
