/**
 * tokjoule metrics-core: statistics, power traces and time-window energy, token-energy formulas, speedups, Pareto
 * fronts, accuracy flags and capacity estimates. Pure functions and immutable values; depends on Apache Commons
 * Statistics only (not exposed in the API).
 *
 * @since 0.1.0
 */
module io.github.tokjoule.core {
    requires static transitive org.jspecify;
    requires static org.immutables.value.annotations;
    requires org.apache.commons.statistics.descriptive;
    requires org.apache.commons.statistics.distribution;

    exports io.github.tokjoule.core.capacity;
    exports io.github.tokjoule.core.cell;
    exports io.github.tokjoule.core.compare;
    exports io.github.tokjoule.core.energy;
    exports io.github.tokjoule.core.flags;
    exports io.github.tokjoule.core.join;
    exports io.github.tokjoule.core.power;
    exports io.github.tokjoule.core.stats;
    exports io.github.tokjoule.core.thermal;
}
