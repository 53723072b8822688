/**
 * The join of a power trace and a request timeline: the energy of each request and of its prefill and decode phases,
 * and a cell's ratio-of-sums aggregates, each with its coverage and its 95 % interval.
 *
 * <ul>
 *   <li>{@link io.github.tokjoule.core.join.RequestTimeline}: one request (start, first token, end in epoch
 *       nanoseconds; input and output tokens; succeeded or failed), the only request shape the join knows.
 *   <li>{@link io.github.tokjoule.core.join.EnergyEstimator}: the strategy that attributes a
 *       {@link io.github.tokjoule.core.power.PowerTrace}'s energy to the requests of one cell;
 *       {@link io.github.tokjoule.core.join.EnergyEstimators} makes them.
 *   <li>{@link io.github.tokjoule.core.join.CellAttribution}: what an estimator returns: every
 *       {@link io.github.tokjoule.core.join.AttributedRequest}, every request it had to leave out with the reason
 *       ({@link io.github.tokjoule.core.join.Exclusion}), and the cell's sums ({@link
 *       io.github.tokjoule.core.join.CellEnergy}) with tokens per joule through
 *       {@link io.github.tokjoule.core.energy.TokenEnergy}.
 * </ul>
 *
 * <p>No figure here is extrapolated: a request any part of whose window lies outside the trace is excluded and
 * counted, never integrated over a held edge power.
 *
 * @since 0.2.0
 */
@NullMarked
package io.github.tokjoule.core.join;

import org.jspecify.annotations.NullMarked;
