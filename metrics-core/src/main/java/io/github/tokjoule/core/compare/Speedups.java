package io.github.tokjoule.core.compare;

import io.github.tokjoule.core.stats.Quantiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A configured speedup calculation: a {@link SpeedupMethod} and a {@link MetricDirection} (and, for
 * {@link SpeedupMethod#CANONICAL_CELL}, the key of the canonical cell), applied to per-mode series of cell values
 * keyed by {@code K} (for example a record of prompt length and generation length).
 *
 * <p>Pairing: only keys present in both series with a non-NaN value are used (a failed cell can be left out or
 * given as {@code NaN}); the key order of the maps does not matter. Values used must be positive and finite. A
 * speedup that has no data (no common key, or the canonical cell missing in either mode) is {@code NaN}.
 *
 * <pre>{@code
 * Speedups<CellKey> s = Speedups.of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER);
 * double x = s.speedup(tokPerSecondByCell.get("25W"), tokPerSecondByCell.get("15W"));
 * SpeedupMatrix m = s.matrix(tokPerSecondByCell);              // every mode against every mode
 * Map<ModePair, Double> six = s.seedPairs(tokPerSecondByCell); // the seed's six columns
 * }</pre>
 *
 * @param <K> the cell key type; must have value equality
 * @since 0.1.0
 */
public final class Speedups<K> {

    private final SpeedupMethod method;
    private final MetricDirection direction;
    private final @Nullable K canonicalKey;

    private Speedups(SpeedupMethod method, MetricDirection direction, @Nullable K canonicalKey) {
        this.method = method;
        this.direction = direction;
        this.canonicalKey = canonicalKey;
    }

    /**
     * Returns a calculation by a method that uses every common cell: {@link SpeedupMethod#RATIO_OF_MEANS},
     * {@link SpeedupMethod#RATIO_OF_MEDIANS} or {@link SpeedupMethod#GEOMETRIC_MEAN_OF_RATIOS}.
     *
     * @param method the method; not {@link SpeedupMethod#CANONICAL_CELL}
     * @param direction which way the metric improves
     * @param <K> the cell key type
     * @return the calculation
     * @throws IllegalArgumentException if {@code method} is {@link SpeedupMethod#CANONICAL_CELL}, which needs a key:
     *     use {@link #canonicalCell(Object, MetricDirection)}
     */
    public static <K> Speedups<K> of(SpeedupMethod method, MetricDirection direction) {
        if (method == SpeedupMethod.CANONICAL_CELL) {
            throw new IllegalArgumentException("method CANONICAL_CELL needs the canonical cell's key: use"
                    + " Speedups.canonicalCell(key, direction)");
        }
        return new Speedups<>(method, direction, null);
    }

    /**
     * Returns the {@link SpeedupMethod#CANONICAL_CELL} calculation at the given cell (the seed's ctx=2048, gen=256).
     *
     * @param canonicalKey the key of the canonical cell
     * @param direction which way the metric improves
     * @param <K> the cell key type
     * @return the calculation
     */
    public static <K> Speedups<K> canonicalCell(K canonicalKey, MetricDirection direction) {
        return new Speedups<>(SpeedupMethod.CANONICAL_CELL, direction, canonicalKey);
    }

    /**
     * The speedup of one value over a baseline value: {@link MetricDirection#speedup(double, double)}.
     *
     * @param value the value of the mode compared, positive and finite
     * @param baseline the value of the baseline, positive and finite
     * @param direction which way the metric improves
     * @return the speedup; above 1 means better than the baseline
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public static double ratio(double value, double baseline, MetricDirection direction) {
        return direction.speedup(value, baseline);
    }

    /** {@return the method} */
    public SpeedupMethod method() {
        return method;
    }

    /** {@return the direction} */
    public MetricDirection direction() {
        return direction;
    }

    /**
     * Returns the speedup of a mode over a baseline mode.
     *
     * @param mode the values of the mode compared, by cell key
     * @param baseline the values of the baseline mode, by cell key
     * @return the speedup (above 1: the mode is better), or {@code NaN} if there is no data to compare
     * @throws IllegalArgumentException if a value used is zero, negative or infinite (the message names the key)
     */
    public double speedup(Map<K, Double> mode, Map<K, Double> baseline) {
        if (method == SpeedupMethod.CANONICAL_CELL) {
            K key = Objects.requireNonNull(canonicalKey);
            Double a = mode.get(key);
            Double b = baseline.get(key);
            if (a == null || b == null || a.isNaN() || b.isNaN()) {
                return Double.NaN;
            }
            return direction.speedup(checked(a, key, "mode"), checked(b, key, "baseline"));
        }
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<K, Double> e : mode.entrySet()) {
            Double a = e.getValue();
            Double b = baseline.get(e.getKey());
            if (a == null || b == null || a.isNaN() || b.isNaN()) {
                continue;
            }
            pairs.add(new double[] {checked(a, e.getKey(), "mode"), checked(b, e.getKey(), "baseline")});
        }
        if (pairs.isEmpty()) {
            return Double.NaN;
        }
        double[] as = new double[pairs.size()];
        double[] bs = new double[pairs.size()];
        for (int i = 0; i < as.length; i++) {
            as[i] = pairs.get(i)[0];
            bs[i] = pairs.get(i)[1];
        }
        switch (method) {
            case RATIO_OF_MEANS:
                return direction.speedup(mean(as), mean(bs));
            case RATIO_OF_MEDIANS:
                return direction.speedup(Quantiles.median(as), Quantiles.median(bs));
            default:
                double sumLog = 0;
                for (int i = 0; i < as.length; i++) {
                    sumLog += Math.log(direction.speedup(as[i], bs[i]));
                }
                return Math.exp(sumLog / as.length);
        }
    }

    /**
     * Returns the speedup of every mode over every mode, in the iteration order of {@code valuesByMode}.
     *
     * @param valuesByMode values by cell key, by mode label
     * @return the matrix; entry (row m, column b) is the speedup of m over baseline b
     * @throws IllegalArgumentException if a value used is zero, negative or infinite
     */
    public SpeedupMatrix matrix(Map<String, ? extends Map<K, Double>> valuesByMode) {
        return matrix(new ArrayList<>(valuesByMode.keySet()), valuesByMode);
    }

    /**
     * Returns the speedup of every listed mode over every listed mode; a mode without values gives {@code NaN}s.
     *
     * @param modeLabels the modes, in the order of rows and columns; distinct
     * @param valuesByMode values by cell key, by mode label
     * @return the matrix; entry (row m, column b) is the speedup of m over baseline b
     * @throws IllegalArgumentException if a label repeats, or a value used is zero, negative or infinite
     */
    public SpeedupMatrix matrix(List<String> modeLabels, Map<String, ? extends Map<K, Double>> valuesByMode) {
        int n = modeLabels.size();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = speedup(series(valuesByMode, modeLabels.get(i)), series(valuesByMode, modeLabels.get(j)));
            }
        }
        return SpeedupMatrix.of(modeLabels, m, method, direction);
    }

    /**
     * Returns the speedups of the given pairs, in their order; a pair whose mode has no values gives {@code NaN}.
     *
     * @param pairs the comparisons
     * @param valuesByMode values by cell key, by mode label
     * @return speedup by pair, in the order of {@code pairs}
     * @throws IllegalArgumentException if a value used is zero, negative or infinite
     */
    public Map<ModePair, Double> pairs(List<ModePair> pairs, Map<String, ? extends Map<K, Double>> valuesByMode) {
        Map<ModePair, Double> out = new LinkedHashMap<>();
        for (ModePair p : pairs) {
            out.put(p, speedup(series(valuesByMode, p.mode()), series(valuesByMode, p.baseline())));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the seed's six comparisons (25W/15W, MAXN/15W, 15W/7W, 25W/7W, MAXN/7W, MAXN/25W) with the seed's
     * labels {@code 7W 15W 25W MAXN}; for other labels use {@link #pairs(List, Map)} with
     * {@link ModePair#seedPairs(String, String, String, String)}.
     *
     * @param valuesByMode values by cell key, by mode label
     * @return speedup by pair, in the seed's column order
     * @throws IllegalArgumentException if a value used is zero, negative or infinite
     */
    public Map<ModePair, Double> seedPairs(Map<String, ? extends Map<K, Double>> valuesByMode) {
        return pairs(ModePair.seedPairs(), valuesByMode);
    }

    @Override
    public String toString() {
        return "Speedups{" + method + ", " + direction + (canonicalKey == null ? "" : ", cell " + canonicalKey) + "}";
    }

    private Map<K, Double> series(Map<String, ? extends Map<K, Double>> valuesByMode, String label) {
        Map<K, Double> s = valuesByMode.get(label);
        return s == null ? Map.of() : s;
    }

    private static <K> double checked(double v, K key, String which) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(
                    which + " value at cell " + key + " must be positive and finite for a speedup: " + v);
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
