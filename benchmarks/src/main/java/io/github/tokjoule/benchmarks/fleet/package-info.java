/** The fleet join's scale figure: samples per second joined by metrics-flink in local mode (not JMH). */
@NullMarked
package io.github.tokjoule.benchmarks.fleet;

import org.jspecify.annotations.NullMarked;
