package io.github.tokjoule.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable square matrix of speedups between modes: entry (row {@code m}, column {@code b}) is the speedup of
 * mode {@code m} over baseline {@code b} (the seed's Tables 9–12 are six of its entries per model). The diagonal is 1
 * where a mode has data; entries without data are {@code NaN}.
 *
 * @since 0.1.0
 */
public final class SpeedupMatrix {

    private final List<String> labels;
    private final Map<String, Integer> index;
    private final double[][] values;
    private final SpeedupMethod method;
    private final MetricDirection direction;

    private SpeedupMatrix(
            List<String> labels,
            Map<String, Integer> index,
            double[][] values,
            SpeedupMethod method,
            MetricDirection direction) {
        this.labels = labels;
        this.index = index;
        this.values = values;
        this.method = method;
        this.direction = direction;
    }

    /**
     * Returns a matrix of the given values (copied).
     *
     * @param labels the mode labels of rows and columns, distinct
     * @param values square, {@code labels.size()} × {@code labels.size()}; {@code values[i][j]} is the speedup of
     *     mode {@code i} over baseline {@code j}
     * @param method how the values were computed
     * @param direction the direction of the metric
     * @return the matrix
     * @throws IllegalArgumentException if a label repeats or the array is not square of the right size
     */
    public static SpeedupMatrix of(
            List<String> labels, double[][] values, SpeedupMethod method, MetricDirection direction) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (index.put(labels.get(i), i) != null) {
                throw new IllegalArgumentException("mode label repeats: " + labels.get(i));
            }
        }
        if (values.length != labels.size()) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " rows for " + labels.size() + " labels");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != labels.size()) {
                throw new IllegalArgumentException(
                        "values row " + i + " has " + values[i].length + " columns for " + labels.size() + " labels");
            }
            copy[i] = values[i].clone();
        }
        return new SpeedupMatrix(List.copyOf(labels), index, copy, method, direction);
    }

    /** {@return the mode labels, in row and column order} */
    public List<String> labels() {
        return labels;
    }

    /** {@return how the speedups were computed} */
    public SpeedupMethod method() {
        return method;
    }

    /** {@return the direction of the metric} */
    public MetricDirection direction() {
        return direction;
    }

    /**
     * Returns the speedup of a mode over a baseline.
     *
     * @param mode the label of the mode compared (row)
     * @param baseline the label of the baseline (column)
     * @return the speedup, or {@code NaN} if there was no data
     * @throws IllegalArgumentException if a label is not in the matrix
     */
    public double speedup(String mode, String baseline) {
        return values[indexOf(mode, "mode")][indexOf(baseline, "baseline")];
    }

    /**
     * Returns the speedups of the given pairs, in their order.
     *
     * @param pairs the comparisons
     * @return the speedups
     * @throws IllegalArgumentException if a label is not in the matrix
     */
    public List<Double> speedups(List<ModePair> pairs) {
        List<Double> out = new ArrayList<>(pairs.size());
        for (ModePair p : pairs) {
            out.add(speedup(p.mode(), p.baseline()));
        }
        return List.copyOf(out);
    }

    private int indexOf(String label, String role) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException(role + " label '" + label + "' is not one of " + labels);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SpeedupMatrix)) {
            return false;
        }
        SpeedupMatrix m = (SpeedupMatrix) o;
        return labels.equals(m.labels)
                && method == m.method
                && direction == m.direction
                && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return ((labels.hashCode() * 31 + method.hashCode()) * 31 + direction.hashCode()) * 31
                + Arrays.deepHashCode(values);
    }

    /** {@return the matrix as text: one row per mode, columns are baselines, two decimals} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("mode\\baseline (")
                .append(method)
                .append(", ")
                .append(direction)
                .append(')');
        for (String l : labels) {
            sb.append('\t').append(l);
        }
        for (int i = 0; i < labels.size(); i++) {
            sb.append('\n').append(labels.get(i));
            for (int j = 0; j < labels.size(); j++) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.2f", values[i][j]));
            }
        }
        return sb.toString();
    }
}
