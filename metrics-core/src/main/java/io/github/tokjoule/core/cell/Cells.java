package io.github.tokjoule.core.cell;

import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.MetricDirection;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.compare.Speedups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Glue between {@link CellMetrics} rows and the {@link io.github.tokjoule.core.compare} package: per-mode series for
 * {@link Speedups}, best-of searches and Pareto fronts by {@link CellMetric}. Only {@linkplain CellMetrics#isOk()
 * ok} cells with a value (not {@code NaN}) take part.
 *
 * @since 0.1.0
 */
public final class Cells {

    private Cells() {}

    /**
     * Returns a metric by mode label and cell shape: the input of {@link Speedups#speedup(Map, Map)},
     * {@link Speedups#matrix(Map)} and {@link Speedups#seedPairs(Map)}. Pass the cells of one model and backend.
     *
     * @param cells the rows of one model and backend, any order
     * @param metric the metric
     * @return mode label → shape → value, modes and shapes in the order first met
     * @throws IllegalArgumentException if two ok cells share a mode and shape (cells of several models or backends
     *     mixed)
     */
    public static Map<String, Map<CellShape, Double>> byMode(Collection<CellMetrics> cells, CellMetric metric) {
        Map<String, Map<CellShape, Double>> out = new LinkedHashMap<>();
        Map<String, CellId> seen = new LinkedHashMap<>();
        for (CellMetrics c : cells) {
            double v = metric.of(c);
            if (!c.isOk() || Double.isNaN(v)) {
                continue;
            }
            String key = c.id().modeLabel() + "|" + c.id().shape();
            CellId before = seen.put(key, c.id());
            if (before != null) {
                throw new IllegalArgumentException("two cells with mode " + c.id().modeLabel() + " and shape "
                        + c.id().shape() + ": " + before + " and " + c.id()
                        + " (pass the cells of one model and backend)");
            }
            out.computeIfAbsent(c.id().modeLabel(), m -> new LinkedHashMap<>()).put(c.id().shape(), v);
        }
        Map<String, Map<CellShape, Double>> frozen = new LinkedHashMap<>();
        out.forEach((m, s) -> frozen.put(m, Collections.unmodifiableMap(s)));
        return Collections.unmodifiableMap(frozen);
    }

    /**
     * Returns the best cell by a metric in its own direction (seed Table 13: {@link CellMetric#TOTAL_TOKENS_PER_JOULE}
     * over mode × prompt × generation), with its value.
     *
     * @param cells the candidates
     * @param metric the metric; its {@link CellMetric#direction()} decides max or min
     * @return the winning row and value; empty if no ok cell has the metric; ties go to the first
     */
    public static Optional<Best<CellMetrics>> best(Collection<CellMetrics> cells, CellMetric metric) {
        return Best.best(ok(cells), metric::of, metric.direction());
    }

    /**
     * Returns the Pareto front of cells over two higher-is-better metrics, e.g.
     * ({@link CellMetric#OUTPUT_TOKENS_PER_SECOND}, {@link CellMetric#OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE}).
     *
     * @param cells the candidates; failed cells and cells missing either metric are left out
     * @param throughput the first axis
     * @param efficiency the second axis
     * @return the front
     * @throws IllegalArgumentException if an axis is a lower-is-better metric
     */
    public static ParetoFront<CellMetrics> paretoFront(
            Collection<CellMetrics> cells, CellMetric throughput, CellMetric efficiency) {
        for (CellMetric m : List.of(throughput, efficiency)) {
            if (m.direction() != MetricDirection.HIGHER_IS_BETTER) {
                throw new IllegalArgumentException("Pareto axes must be higher-is-better metrics: " + m);
            }
        }
        List<CellMetrics> usable = new ArrayList<>();
        for (CellMetrics c : ok(cells)) {
            if (Double.isFinite(throughput.of(c)) && Double.isFinite(efficiency.of(c))) {
                usable.add(c);
            }
        }
        return ParetoFront.of(usable, throughput::of, efficiency::of);
    }

    private static List<CellMetrics> ok(Collection<CellMetrics> cells) {
        List<CellMetrics> out = new ArrayList<>();
        for (CellMetrics c : cells) {
            if (c.isOk()) {
                out.add(c);
            }
        }
        return out;
    }
}
