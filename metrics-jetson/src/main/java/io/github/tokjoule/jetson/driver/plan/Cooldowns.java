package io.github.tokjoule.jetson.driver.plan;

import java.time.Duration;

/**
 * Pauses between the steps of a sweep, so that one cell's heat and memory state do not leak into the next.
 * Defaults are the seed's (docs/reference/seed-methodology.md §1.1, §1.3 step 7): 10 s between cells, 30 s between models, 12 s after a
 * server stops; between modes the seed's backend cooldown, 45 s (the seed ran one mode per invocation).
 *
 * @param betweenCells pause after each cell
 * @param betweenModels pause after a model's server stopped and memory was compacted
 * @param betweenModes pause after a power mode was set and verified, before the first model
 * @param afterServerStop pause between a server's stop and memory compaction
 * @since 0.1.0
 */
public record Cooldowns(
        Duration betweenCells, Duration betweenModels, Duration betweenModes, Duration afterServerStop) {

    /** The seed's cooldowns. */
    public static final Cooldowns SEED = new Cooldowns(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45), Duration.ofSeconds(12));

    /**
     * Validates the cooldowns.
     *
     * @throws IllegalArgumentException if one is negative
     */
    public Cooldowns {
        SweepPlan.requireNotNegative("betweenCells", betweenCells);
        SweepPlan.requireNotNegative("betweenModels", betweenModels);
        SweepPlan.requireNotNegative("betweenModes", betweenModes);
        SweepPlan.requireNotNegative("afterServerStop", afterServerStop);
    }
}
