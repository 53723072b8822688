package io.github.tokjoule.aiperf;

import java.util.OptionalLong;

/**
 * The part {@link LatencyStats} and {@link TokenStats} share: a typed view of one {@link MetricStats}, equal to
 * another view of the same type over equal statistics. The typed getters (whose names carry the unit) stay in the
 * subclasses.
 */
abstract sealed class StatsView permits LatencyStats, TokenStats {

    /** The viewed statistics; package-private so that the subclasses' getters read it directly. */
    final MetricStats stats;

    StatsView(MetricStats stats) {
        this.stats = stats;
    }

    /** {@return the underlying statistics (name, source unit, all values)} */
    public final MetricStats stats() {
        return stats;
    }

    /** {@return the canonical metric name, e.g. {@code "time_to_first_token"} or {@code "input_sequence_length"}} */
    public final String name() {
        return stats.name();
    }

    /** {@return the number of values in the distribution, or empty if the file does not say} */
    public final OptionalLong count() {
        return stats.count();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && stats.equals(((StatsView) o).stats);
    }

    @Override
    public final int hashCode() {
        return stats.hashCode();
    }

    @Override
    public final String toString() {
        return stats.toString();
    }
}
