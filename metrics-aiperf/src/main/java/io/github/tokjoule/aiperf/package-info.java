/**
 * Read aiperf and genai-perf exports: summary JSON, per-request JSON Lines and GPU telemetry.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.aiperf;

import org.jspecify.annotations.NullMarked;
