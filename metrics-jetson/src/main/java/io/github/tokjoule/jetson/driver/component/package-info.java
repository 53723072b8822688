/**
 * The driver's components, each behind a small interface and each starting its processes through one
 * {@link io.github.tokjoule.jetson.driver.process.ProcessRunner}: power mode ({@code nvpmodel}, {@code jetson_clocks}),
 * tegrastats recording, the inference server (llama-server or Ollama), aiperf, cell validation, memory compaction and
 * the system audit. {@link io.github.tokjoule.jetson.driver.component.JetsonCommands} builds every command line, so a
 * dry run prints exactly what a real run starts.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver.component;

import org.jspecify.annotations.NullMarked;
