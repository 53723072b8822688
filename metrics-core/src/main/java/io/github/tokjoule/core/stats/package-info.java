/**
 * Descriptive statistics (DESIGN §3.1): {@link io.github.tokjoule.core.stats.Quantiles} with numpy's default linear
 * interpolation (Hyndman–Fan type 7) and the other eight Hyndman–Fan methods by
 * {@link io.github.tokjoule.core.stats.QuantileMethod}, the latency {@link io.github.tokjoule.core.stats.Summary}
 * (count, mean, population standard deviation, min, max, p1 … p99) and
 * {@link io.github.tokjoule.core.stats.ConfidenceInterval}s (Student-t of a mean, seeded bootstrap of a median).
 *
 * <p>Conventions of this package: inputs are never mutated; a value that must be a number (NaN or infinite data,
 * a percentile outside [0, 100]) is an {@link java.lang.IllegalArgumentException} naming the argument; an empty data
 * set is not an error and gives {@code NaN} results, as each method documents. The implementation uses Apache
 * Commons Statistics, which never appears in the API.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.stats;

import org.jspecify.annotations.NullMarked;
