/** JMH benchmarks of the tokjoule modules; see docs/PERFORMANCE.md. */
@NullMarked
package io.github.tokjoule.benchmarks;

import org.jspecify.annotations.NullMarked;
