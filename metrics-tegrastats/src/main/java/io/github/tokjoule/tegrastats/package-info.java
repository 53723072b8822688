/**
 * Parse NVIDIA tegrastats logs of every Jetson board and JetPack release into samples, power traces and thermal samples.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.tegrastats;

import org.jspecify.annotations.NullMarked;
