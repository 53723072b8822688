package io.github.tokjoule.examples.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One speedup matrix (seed Tables 9–12): for each model, the speedup of each mode pair for one metric.
 *
 * @param id a short file-name-safe id, e.g. {@code speedup_throughput}
 * @param metric the per-cell metric compared (its flags mark the speedups)
 * @param metricLabel what is compared, e.g. {@code Output throughput}
 * @param method the speedup method, e.g. {@code GEOMETRIC_MEAN_OF_RATIOS}
 * @param direction how a speedup is formed, e.g. {@code mode / baseline} or {@code baseline / mode}
 * @param pairs the mode pairs, each {@code mode / baseline}, e.g. {@code 25W / 15W}
 * @param speedupsByModel per model, one speedup per pair (NaN when a mode is missing)
 */
public record SpeedupTable(
        String id,
        Metric metric,
        String metricLabel,
        String method,
        String direction,
        List<String> pairs,
        Map<String, List<Double>> speedupsByModel) {

    /** Copies the collections, keeping the model order. */
    public SpeedupTable {
        pairs = List.copyOf(pairs);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        speedupsByModel.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        speedupsByModel = java.util.Collections.unmodifiableMap(copy);
    }
}
