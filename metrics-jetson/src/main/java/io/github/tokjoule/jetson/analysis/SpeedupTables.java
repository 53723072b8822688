package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.compare.ModePair;
import io.github.tokjoule.core.compare.SpeedupMatrix;
import io.github.tokjoule.core.compare.SpeedupMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The speedup matrices of a sweep (seed Tables 9–12), per model, by every {@link SpeedupMetric} and every
 * {@link SpeedupMethod}: {@code CANONICAL_CELL} (the canonical cell only — what the seed's published numbers are),
 * {@code RATIO_OF_MEANS} (what its text says: mean over the 12 cells), {@code RATIO_OF_MEDIANS} (what one of its
 * scripts does) and {@code GEOMETRIC_MEAN_OF_RATIOS} (the sound default for ratios). Entry (row m, column b) of a
 * matrix is the speedup of mode m over baseline b; above 1 means better, for latencies too.
 *
 * @since 0.1.0
 */
public final class SpeedupTables {

    private final Map<SpeedupMetric, Map<SpeedupMethod, Map<String, SpeedupMatrix>>> matrices;
    private final List<ModePair> seedPairs;

    SpeedupTables(Map<SpeedupMetric, Map<SpeedupMethod, Map<String, SpeedupMatrix>>> matrices, List<ModePair> pairs) {
        Map<SpeedupMetric, Map<SpeedupMethod, Map<String, SpeedupMatrix>>> copy = new EnumMap<>(SpeedupMetric.class);
        matrices.forEach((metric, byMethod) -> {
            Map<SpeedupMethod, Map<String, SpeedupMatrix>> m = new EnumMap<>(SpeedupMethod.class);
            byMethod.forEach(
                    (method, byModel) -> m.put(method, Collections.unmodifiableMap(new LinkedHashMap<>(byModel))));
            copy.put(metric, Collections.unmodifiableMap(m));
        });
        this.matrices = Collections.unmodifiableMap(copy);
        this.seedPairs = List.copyOf(pairs);
    }

    /**
     * Returns one model's matrix.
     *
     * @param metric the metric
     * @param method the method
     * @param model the model
     * @return the matrix, or empty if the model has no data for that metric
     */
    public Optional<SpeedupMatrix> matrix(SpeedupMetric metric, SpeedupMethod method, String model) {
        return Optional.ofNullable(matrices.getOrDefault(metric, Map.of())
                .getOrDefault(method, Map.of())
                .get(model));
    }

    /**
     * Returns the matrices of every model for one metric and method.
     *
     * @param metric the metric
     * @param method the method
     * @return matrix by model, in sweep order
     */
    public Map<String, SpeedupMatrix> matrices(SpeedupMetric metric, SpeedupMethod method) {
        return matrices.getOrDefault(metric, Map.of()).getOrDefault(method, Map.of());
    }

    /**
     * Returns the seed's six comparisons (25W/15W, MAXN/15W, 15W/7W, 25W/7W, MAXN/7W, MAXN/25W) for one model, with
     * the sweep's own labels ({@code MAXN} or {@code MAXN_SUPER}); a pair whose modes the sweep lacks is NaN.
     *
     * @param metric the metric
     * @param method the method
     * @param model the model
     * @return speedup by pair, in the seed's column order
     */
    public Map<ModePair, Double> seedPairs(SpeedupMetric metric, SpeedupMethod method, String model) {
        Map<ModePair, Double> out = new LinkedHashMap<>();
        Optional<SpeedupMatrix> m = matrix(metric, method, model);
        for (ModePair p : seedPairs) {
            double v = Double.NaN;
            if (m.isPresent()
                    && m.get().labels().contains(p.mode())
                    && m.get().labels().contains(p.baseline())) {
                v = m.get().speedup(p.mode(), p.baseline());
            }
            out.put(p, v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@return the seed's six pairs with this sweep's labels} */
    public List<ModePair> seedPairs() {
        return seedPairs;
    }

    /** {@return the models with at least one matrix} */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        for (Map<SpeedupMethod, Map<String, SpeedupMatrix>> byMethod : matrices.values()) {
            for (Map<String, SpeedupMatrix> byModel : byMethod.values()) {
                for (String model : byModel.keySet()) {
                    if (!out.contains(model)) {
                        out.add(model);
                    }
                }
            }
        }
        return out;
    }
}
