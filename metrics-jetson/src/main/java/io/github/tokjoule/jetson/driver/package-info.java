/**
 * The thin Jetson sweep driver (DESIGN §7): runs a {@link io.github.tokjoule.jetson.driver.plan.SweepPlan} — power
 * mode → model → generation length → prompt length, as the seed's bash driver (docs/reference/seed-methodology.md §1) — through the
 * components of {@code io.github.tokjoule.jetson.driver.component} (not exported), writes a run directory the sweep analysis reads,
 * keeps a crash-safe journal so an interrupted run can be resumed, reports progress to a listener, and prints every
 * command a plan would run without running it (dry run).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver;

import org.jspecify.annotations.NullMarked;
