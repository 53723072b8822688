/**
 * Comparisons between power modes and cells (DESIGN §3.4): direction-aware
 * {@link io.github.tokjoule.core.compare.Speedups} by four named
 * {@link io.github.tokjoule.core.compare.SpeedupMethod}s, pairwise
 * {@link io.github.tokjoule.core.compare.SpeedupMatrix}es (seed Tables 9–12) and the seed's six
 * {@link io.github.tokjoule.core.compare.ModePair}s, the {@link io.github.tokjoule.core.compare.ParetoFront} of
 * (throughput, efficiency) points, and {@link io.github.tokjoule.core.compare.Best}-of searches that return the
 * winning item with its value (seed Tables 7 and 13).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.compare;

import org.jspecify.annotations.NullMarked;
