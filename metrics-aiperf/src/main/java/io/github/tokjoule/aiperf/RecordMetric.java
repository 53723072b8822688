package io.github.tokjoule.aiperf;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One metric of a per-request record ({@code metrics.<tag> = {"value": ..., "unit": ...}}), converted to its canonical
 * unit by the unit string like summary metrics ({@link MetricUnit}). Its value is a number or, for
 * {@code inter_chunk_latency}, a list of numbers.
 *
 * @since 0.1.0
 */
public final class RecordMetric {

    private final String name;
    private final String sourceName;
    private final String sourceUnit;
    private final MetricUnit unit;
    private final double value;
    private final double @Nullable [] values;

    RecordMetric(
            String name,
            String sourceName,
            String sourceUnit,
            MetricUnit unit,
            double value,
            double @Nullable [] values) {
        this.name = name;
        this.sourceName = sourceName;
        this.sourceUnit = sourceUnit;
        this.unit = unit;
        this.value = value;
        this.values = values;
    }

    /** {@return the canonical metric name, e.g. {@code "time_to_first_token"}} */
    public String name() {
        return name;
    }

    /** {@return the key as written, e.g. {@code "ttft"}} */
    public String sourceName() {
        return sourceName;
    }

    /** {@return the unit string as written; empty if none} */
    public String sourceUnit() {
        return sourceUnit;
    }

    /** {@return the unit of the value(s)} */
    public MetricUnit unit() {
        return unit;
    }

    /** {@return whether the value is a list (inter-chunk latencies)} */
    public boolean isList() {
        return values != null;
    }

    /** {@return the value in {@link #unit()}; NaN for a list} */
    public double value() {
        return value;
    }

    /** {@return a copy of the list values in {@link #unit()}; a one-element array for a scalar} */
    public double[] values() {
        return values != null ? values.clone() : new double[] {value};
    }

    /** {@return the number of values: the list length, or 1 for a scalar} */
    public int size() {
        return values != null ? values.length : 1;
    }

    /** Adds the values to a sink without copying. */
    void forEachValue(java.util.function.DoubleConsumer sink) {
        if (values == null) {
            sink.accept(value);
        } else {
            for (double v : values) {
                sink.accept(v);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordMetric other
                && name.equals(other.name)
                && sourceName.equals(other.sourceName)
                && sourceUnit.equals(other.sourceUnit)
                && unit == other.unit
                && Double.compare(value, other.value) == 0
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + unit.hashCode()) * 31 + Double.hashCode(value) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + "=" + (values != null ? values.length + " values" : Double.toString(value)) + " " + unit.symbol();
    }
}
