package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.CellShape;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.MetricDirection;
import io.github.tokjoule.core.compare.ModePair;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.compare.SpeedupMatrix;
import io.github.tokjoule.core.compare.SpeedupMethod;
import io.github.tokjoule.core.compare.Speedups;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.thermal.ThermalSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the seed's tables from analyzed cells. */
final class SweepTables {

    private SweepTables() {}

    /** The power of a cell for the tables: see {@link SweepResult#powerWatts(CellMetrics)}. */
    static double powerWatts(CellMetrics c) {
        return c.method() == EnergyMethod.SEED_COMPATIBLE ? c.watts(PowerStatistic.SAMPLE_MEDIAN) : c.servingWatts();
    }

    static Map<String, List<AnalyzedCell>> byModel(List<AnalyzedCell> cells, List<String> models) {
        Map<String, List<AnalyzedCell>> out = new LinkedHashMap<>();
        for (String m : models) {
            out.put(m, new ArrayList<>());
        }
        for (AnalyzedCell c : cells) {
            out.computeIfAbsent(c.metrics().id().model(), k -> new ArrayList<>())
                    .add(c);
        }
        return out;
    }

    static Optional<AnalyzedCell> canonical(List<AnalyzedCell> cellsOfModel, String mode, CellShape shape) {
        for (AnalyzedCell c : cellsOfModel) {
            CellMetrics m = c.metrics();
            if (m.isOk() && m.id().modeLabel().equals(mode) && m.id().shape().equals(shape)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<CanonicalRow> canonicalRows(
            Map<String, List<AnalyzedCell>> byModel, List<String> modes, CellShape shape, OutputTokJVariant headline) {
        List<CanonicalRow> rows = new ArrayList<>();
        byModel.forEach((model, cells) -> {
            for (String mode : modes) {
                canonical(cells, mode, shape).ifPresent(c -> {
                    CellMetrics m = c.metrics();
                    rows.add(new CanonicalRow(
                            model,
                            mode,
                            m.outputTokensPerSecond(),
                            m.ttftMillis().p50(),
                            m.interTokenLatencyMillis().p50(),
                            powerWatts(m),
                            m.outputTokensPerJoule(headline),
                            m));
                });
            }
        });
        return rows;
    }

    static Map<String, Map<String, Double>> powerTable(List<CanonicalRow> rows) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (CanonicalRow r : rows) {
            out.computeIfAbsent(r.model(), k -> new LinkedHashMap<>()).put(r.modeLabel(), r.powerWatts());
        }
        return out;
    }

    static Map<String, Best<String>> peakModes(List<CanonicalRow> rows) {
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        for (CanonicalRow r : rows) {
            byModel.computeIfAbsent(r.model(), k -> new LinkedHashMap<>()).put(r.modeLabel(), r.outputTokensPerJoule());
        }
        Map<String, Best<String>> out = new LinkedHashMap<>();
        byModel.forEach((model, values) -> Best.peakMode(values).ifPresent(b -> out.put(model, b)));
        return out;
    }

    static Map<String, ParetoFront<CellMetrics>> paretoFronts(List<CanonicalRow> rows) {
        Map<String, List<CellMetrics>> byModel = new LinkedHashMap<>();
        for (CanonicalRow r : rows) {
            if (Double.isFinite(r.outputTokensPerSecond()) && Double.isFinite(r.outputTokensPerJoule())) {
                byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r.cell());
            }
        }
        Map<String, ParetoFront<CellMetrics>> out = new LinkedHashMap<>();
        Map<CellMetrics, Double> tokJ = new LinkedHashMap<>();
        for (CanonicalRow r : rows) {
            tokJ.put(r.cell(), r.outputTokensPerJoule());
        }
        byModel.forEach((model, cells) -> out.put(
                model,
                ParetoFront.of(cells, CellMetrics::outputTokensPerSecond, c -> tokJ.getOrDefault(c, Double.NaN))));
        return out;
    }

    static Map<String, Best<CellMetrics>> bestTotal(Map<String, List<AnalyzedCell>> byModel) {
        Map<String, Best<CellMetrics>> out = new LinkedHashMap<>();
        byModel.forEach((model, cells) -> {
            List<CellMetrics> ok = new ArrayList<>();
            for (AnalyzedCell c : cells) {
                if (c.metrics().isOk() && Double.isFinite(c.metrics().totalTokensPerJoule())) {
                    ok.add(c.metrics());
                }
            }
            Best.max(ok, CellMetrics::totalTokensPerJoule).ifPresent(b -> out.put(model, b));
        });
        return out;
    }

    static List<ThermalRow> thermal(Map<String, List<AnalyzedCell>> byModel, List<String> modes, double throttle) {
        List<ThermalRow> rows = new ArrayList<>();
        byModel.forEach((model, cells) -> {
            for (String mode : modes) {
                int n = 0;
                double seconds = 0;
                double joules = 0;
                double sampleMeans = 0;
                int meanCount = 0;
                long samples = 0;
                double cpuSum = 0;
                long cpuN = 0;
                double gpuSum = 0;
                long gpuN = 0;
                double peak = Double.NaN;
                boolean seed = false;
                for (AnalyzedCell c : cells) {
                    CellMetrics m = c.metrics();
                    if (!m.isOk() || !m.id().modeLabel().equals(mode)) {
                        continue;
                    }
                    seed = m.method() == EnergyMethod.SEED_COMPATIBLE;
                    if (Double.isFinite(c.windowJoules()) && c.windowSeconds() > 0) {
                        seconds += c.windowSeconds();
                        joules += c.windowJoules();
                    }
                    double mean = m.watts(PowerStatistic.SAMPLE_MEAN);
                    if (Double.isFinite(mean)) {
                        sampleMeans += mean;
                        meanCount++;
                    }
                    Optional<ThermalSummary> t = m.thermal();
                    if (t.isPresent() && t.get().sampleCount() > 0) {
                        n++;
                        ThermalSummary s = t.get();
                        samples += s.sampleCount();
                        if (Double.isFinite(s.meanCpuCelsius())) {
                            cpuSum += s.meanCpuCelsius() * s.sampleCount();
                            cpuN += s.sampleCount();
                        }
                        if (Double.isFinite(s.meanGpuCelsius())) {
                            gpuSum += s.meanGpuCelsius() * s.sampleCount();
                            gpuN += s.sampleCount();
                        }
                        if (Double.isFinite(s.peakJunctionCelsius())
                                && (Double.isNaN(peak) || s.peakJunctionCelsius() > peak)) {
                            peak = s.peakJunctionCelsius();
                        }
                    }
                }
                if (n == 0 && meanCount == 0 && seconds == 0) {
                    continue;
                }
                double power = seed
                        ? (meanCount > 0 ? sampleMeans / meanCount : Double.NaN)
                        : (seconds > 0 ? joules / seconds : Double.NaN);
                rows.add(new ThermalRow(
                        model,
                        mode,
                        n,
                        power,
                        cpuN > 0 ? cpuSum / cpuN : Double.NaN,
                        gpuN > 0 ? gpuSum / gpuN : Double.NaN,
                        peak,
                        samples > 0 && peak >= throttle));
            }
        });
        return rows;
    }

    static SpeedupTables speedups(
            Map<String, List<AnalyzedCell>> byModel,
            List<String> modes,
            CellShape canonical,
            OutputTokJVariant headline,
            List<String> warnings) {
        Map<SpeedupMetric, Map<SpeedupMethod, Map<String, SpeedupMatrix>>> all = new EnumMap<>(SpeedupMetric.class);
        for (SpeedupMetric metric : SpeedupMetric.values()) {
            Map<SpeedupMethod, Map<String, SpeedupMatrix>> byMethod = new EnumMap<>(SpeedupMethod.class);
            for (SpeedupMethod method : SpeedupMethod.values()) {
                Map<String, SpeedupMatrix> byModelMatrix = new LinkedHashMap<>();
                byModel.forEach((model, cells) -> {
                    Map<String, Map<CellShape, Double>> values = values(cells, metric, headline);
                    if (values.isEmpty()) {
                        return;
                    }
                    List<String> labels = new ArrayList<>();
                    for (String m : modes) {
                        if (values.containsKey(m)) {
                            labels.add(m);
                        }
                    }
                    MetricDirection dir = metric.direction();
                    Speedups<CellShape> s = method == SpeedupMethod.CANONICAL_CELL
                            ? Speedups.canonicalCell(canonical, dir)
                            : Speedups.of(method, dir);
                    try {
                        byModelMatrix.put(model, s.matrix(labels, values));
                    } catch (IllegalArgumentException e) {
                        warnings.add("speedups of " + model + " by " + metric + " (" + method + "): " + e.getMessage());
                    }
                });
                byMethod.put(method, byModelMatrix);
            }
            all.put(metric, byMethod);
        }
        return new SpeedupTables(all, seedPairs(modes));
    }

    private static Map<String, Map<CellShape, Double>> values(
            List<AnalyzedCell> cells, SpeedupMetric metric, OutputTokJVariant headline) {
        Map<String, Map<CellShape, Double>> out = new LinkedHashMap<>();
        for (AnalyzedCell c : cells) {
            CellMetrics m = c.metrics();
            double v = metric.of(m, headline);
            if (m.isOk() && v > 0 && Double.isFinite(v)) {
                out.computeIfAbsent(m.id().modeLabel(), k -> new LinkedHashMap<>())
                        .put(m.id().shape(), v);
            }
        }
        return out;
    }

    /** The seed's six pairs with this sweep's labels for 7W, 15W, 25W and the MAXN mode. */
    static List<ModePair> seedPairs(List<String> modes) {
        String seven = find(modes, "7W");
        String fifteen = find(modes, "15W");
        String twentyFive = find(modes, "25W");
        String maxn = "MAXN";
        for (String m : modes) {
            if (ModeNames.sameMode(m, "MAXN")) {
                maxn = m;
            }
        }
        return ModePair.seedPairs(seven, fifteen, twentyFive, maxn);
    }

    private static String find(List<String> modes, String label) {
        for (String m : modes) {
            if (m.equalsIgnoreCase(label)) {
                return m;
            }
        }
        return label;
    }
}
