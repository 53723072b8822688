package io.github.tokjoule.aiperf;

import io.github.tokjoule.core.stats.Summary;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * The statistics of one metric of an aiperf summary, converted to the metric's canonical {@link #unit()}.
 *
 * <p>Every statistic is optional: {@link #get(Stat)} is NaN when the file does not carry it (or carries
 * {@code null}); a statistic in the file is always finite, so NaN means absent and {@link #has(Stat)} says the same. Values are in {@link #unit()}, converted from the file's unit string ({@link #sourceUnit()}) by
 * {@link MetricUnit}; {@link Stat#COUNT} is never converted. When the unit string is unknown, {@link #unit()} is
 * {@link MetricUnit#OTHER} and the values are exactly those of the file.
 *
 * <p>For latencies and token counts, the typed views {@link #asLatency()} and {@link #asTokens()} name the unit in
 * every accessor ({@code p50Millis()}, {@code avgTokens()}).
 *
 * @since 0.1.0
 */
public final class MetricStats {

    private static final Set<Stat> PERCENTILES = EnumSet.range(Stat.P1, Stat.P99);
    private static final Set<Stat> DISTRIBUTION = EnumSet.complementOf(EnumSet.of(Stat.AVG, Stat.COUNT, Stat.SUM));

    private final String name;
    private final String sourceName;
    private final String sourceUnit;
    private final MetricUnit unit;
    private final EnumMap<Stat, Double> values; // present statistics only

    private MetricStats(
            String name, String sourceName, String sourceUnit, MetricUnit unit, EnumMap<Stat, Double> values) {
        this.name = name;
        this.sourceName = sourceName;
        this.sourceUnit = sourceUnit;
        this.unit = unit;
        this.values = values;
    }

    /**
     * Returns statistics already in a canonical unit (for tests, synthetic data and recomputed summaries).
     *
     * @param name the canonical metric name, e.g. {@code "time_to_first_token"}
     * @param unit the unit of the values
     * @param values the statistics present, in {@code unit}; absent statistics are simply not in the map
     * @return the statistics, with {@link #sourceName()} = {@code name} and {@link #sourceUnit()} = the unit's symbol
     * @throws IllegalArgumentException if the name is blank, a value is NaN or infinite, std is negative, min is
     *     greater than max, or count is not a non-negative whole number (the message names the statistic and the
     *     value)
     */
    public static MetricStats of(String name, MetricUnit unit, Map<Stat, Double> values) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name = \"" + name + "\" is blank");
        }
        EnumMap<Stat, Double> v = new EnumMap<>(Stat.class);
        for (Map.Entry<Stat, Double> e : values.entrySet()) {
            double x = e.getValue();
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("values[" + e.getKey() + "] = " + x + " is not finite");
            }
            v.put(e.getKey(), x);
        }
        if (v.getOrDefault(Stat.STD, 0.0) < 0) {
            throw new IllegalArgumentException("values[STD] = " + v.get(Stat.STD) + " is negative");
        }
        if (v.getOrDefault(Stat.MIN, 0.0) > v.getOrDefault(Stat.MAX, Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "values[MIN] = " + v.get(Stat.MIN) + " is greater than values[MAX] = " + v.get(Stat.MAX));
        }
        if (v.getOrDefault(Stat.COUNT, 0.0) < 0 || v.getOrDefault(Stat.COUNT, 0.0) % 1 != 0) {
            throw new IllegalArgumentException("values[COUNT] = " + v.get(Stat.COUNT) + " is not a count");
        }
        return new MetricStats(name, name, unit.symbol(), unit, v);
    }

    /** Creates statistics from values already converted (finite); the map is owned by the result. */
    static MetricStats converted(
            String name, String sourceName, String sourceUnit, MetricUnit unit, EnumMap<Stat, Double> v) {
        return new MetricStats(name, sourceName, sourceUnit, unit, v);
    }

    /** {@return the canonical (flat-layout) metric name, e.g. {@code "time_to_first_token"} for {@code ttft}} */
    public String name() {
        return name;
    }

    /** {@return the key as written in the file, e.g. {@code "ttft"} in the legacy layout} */
    public String sourceName() {
        return sourceName;
    }

    /** {@return the unit string as written in the file, e.g. {@code "sec"}; empty if the file had none} */
    public String sourceUnit() {
        return sourceUnit;
    }

    /** {@return the unit of every value returned by {@link #get(Stat)} except {@link Stat#COUNT}} */
    public MetricUnit unit() {
        return unit;
    }

    /**
     * Returns one statistic.
     *
     * @param stat the statistic
     * @return its value in {@link #unit()} ({@link Stat#COUNT}: a pure number), or NaN if the file does not have it (every
     *     statistic in the file is finite, so NaN means absent)
     */
    public double get(Stat stat) {
        Double v = values.get(stat);
        return v == null ? Double.NaN : v;
    }

    /**
     * {@return whether the file has this statistic}
     *
     * @param stat the statistic
     */
    public boolean has(Stat stat) {
        return values.containsKey(stat);
    }

    /** {@return the statistics present, in {@link Stat} order} */
    public Set<Stat> stats() {
        return values.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(values.keySet()));
    }

    /** {@return the statistics present as a map in {@link Stat} order, values in {@link #unit()}} */
    public Map<Stat, Double> asMap() {
        return Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /**
     * {@return whether this is a distribution (a record metric): it has a minimum, maximum, standard deviation or
     * percentile, not only a single value}
     */
    public boolean isDistribution() {
        for (Stat s : DISTRIBUTION) {
            if (has(s)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the number of values in the distribution, or empty if the file does not say (before schema 1.1)} */
    public OptionalLong count() {
        Double v = values.get(Stat.COUNT);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Math.round(v));
    }

    /**
     * Returns these statistics as a core {@link Summary} (same unit), to compare with or combine with recomputed
     * summaries. Statistics the file lacks are {@code NaN} in the summary; its count is {@link Stat#COUNT}, or 0 when
     * the file does not say (before schema 1.1).
     *
     * @return the summary
     */
    public Summary toSummary() {
        Summary.Builder b = Summary.builder();
        count().ifPresent(b::count);
        ifPresent(Stat.AVG, b::mean);
        ifPresent(Stat.STD, b::std);
        ifPresent(Stat.MIN, b::min);
        ifPresent(Stat.MAX, b::max);
        for (Stat s : PERCENTILES) {
            ifPresent(s, v -> b.percentile(Integer.parseInt(s.key().substring(1)), v));
        }
        return b.build();
    }

    private void ifPresent(Stat stat, DoubleConsumer action) {
        Double v = values.get(stat);
        if (v != null) {
            action.accept(v);
        }
    }

    /** {@return these statistics as a latency view, or empty if {@link #unit()} is not milliseconds} */
    public Optional<LatencyStats> asLatency() {
        return unit == MetricUnit.MILLISECONDS ? Optional.of(new LatencyStats(this)) : Optional.empty();
    }

    /** {@return these statistics as a token-count view, or empty if {@link #unit()} is not tokens} */
    public Optional<TokenStats> asTokens() {
        return unit == MetricUnit.TOKENS ? Optional.of(new TokenStats(this)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricStats other
                && name.equals(other.name)
                && sourceName.equals(other.sourceName)
                && sourceUnit.equals(other.sourceUnit)
                && unit == other.unit
                && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sourceName, sourceUnit, unit, values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('[');
        sb.append(unit == MetricUnit.OTHER ? "unit \"" + sourceUnit + "\" (unknown)" : unit.symbol());
        for (Map.Entry<Stat, Double> e : values.entrySet()) {
            sb.append(", ").append(e.getKey().key()).append('=').append(e.getValue());
        }
        return sb.append(']').toString();
    }
}
