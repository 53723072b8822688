package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The join's estimators on the H100 energy-counter data set of {@code benchmarks/gpu/data} (its README defines the
 * files): per cell, the 500 ms sampler's instant readings give the trace, {@code requests.csv} the requests, and
 * {@code truth_requests.csv} the counter's truth per window with its bound.
 */
final class H100CounterAccuracy {

    /** One cell's estimate of one phase against the counter. */
    record Row(String run, int cell, double ttftSeconds, double truth, double bound, EnergyEstimate estimate) {
        double error() {
            return estimate.joules() / truth - 1;
        }

        /** Whether the truth is known to ±2 % (the data set's "truthful" threshold). */
        boolean truthful() {
            return bound <= 0.02 * truth;
        }

        /** Whether the interval overlaps the truth's own range [truth − bound, truth + bound]. */
        boolean overlaps() {
            return estimate.ci95LowJoules() <= truth + bound && estimate.ci95HighJoules() >= truth - bound;
        }
    }

    private H100CounterAccuracy() {}

    static List<Row> evaluate(Path runDir, EnergyEstimator estimator, Phase phase) throws IOException {
        return evaluate(runDir, estimator, phase, 0);
    }

    /** As {@link #evaluate(Path, EnergyEstimator, Phase)}, each reading stamped {@code lagNanos} earlier. */
    static List<Row> evaluate(Path runDir, EnergyEstimator estimator, Phase phase, long lagNanos) throws IOException {
        List<String[]> requests = csv(runDir.resolve("requests.csv"));
        List<String[]> truth = csv(runDir.resolve("truth_requests.csv"));
        List<String[]> power = csv(runDir.resolve("power_500ms.csv"));
        long[] t = new long[power.size()];
        double[] w = new double[power.size()];
        for (int k = 0; k < t.length; k++) {
            String[] p = power.get(k);
            long a = Long.parseLong(p[0]);
            t[k] = a + (Long.parseLong(p[1]) - a) / 2 - lagNanos;
            w[k] = Double.parseDouble(p[2]) / 1000;
        }
        PowerTrace trace = PowerTrace.of(t, w);
        int column =
                switch (phase) {
                    case TOTAL -> 2;
                    case PREFILL -> 4;
                    case DECODE -> 6;
                };
        TreeMap<Integer, List<Integer>> cells = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            cells.computeIfAbsent(Integer.parseInt(requests.get(i)[0]), c -> new ArrayList<>())
                    .add(i);
        }
        List<Row> rows = new ArrayList<>();
        for (var e : cells.entrySet()) {
            List<RequestTimeline> rs = new ArrayList<>();
            double trueJoules = 0;
            double bound = 0;
            double ttft = 0;
            for (int i : e.getValue()) {
                String[] r = requests.get(i);
                rs.add(RequestTimeline.succeeded(
                        Long.parseLong(r[4]),
                        Long.parseLong(r[5]),
                        Long.parseLong(r[6]),
                        Double.parseDouble(r[2]),
                        Double.parseDouble(r[3])));
                trueJoules += Double.parseDouble(truth.get(i)[column]);
                bound += Double.parseDouble(truth.get(i)[column + 1]);
                ttft += (Long.parseLong(r[5]) - Long.parseLong(r[4]))
                        / 1e9
                        / e.getValue().size();
            }
            CellEnergy cell = estimator.attribute(trace, rs).cell();
            rows.add(new Row(runDir.getFileName().toString(), e.getKey(), ttft, trueJoules, bound, cell.energy(phase)));
        }
        return rows;
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /** One line of the summary table: |error| median / p90 / max, coverage, median half width, over truthful cells. */
    static String summary(String label, List<Row> rows) {
        List<Row> truthful = rows.stream().filter(Row::truthful).toList();
        double[] errors =
                truthful.stream().mapToDouble(r -> Math.abs(r.error())).sorted().toArray();
        double[] widths = truthful.stream()
                .mapToDouble(r -> (r.estimate().ci95HighJoules() - r.estimate().ci95LowJoules()) / (2 * r.truth()))
                .sorted()
                .toArray();
        long covered =
                truthful.stream().filter(r -> r.estimate().covers(r.truth())).count();
        long overlapping = rows.stream().filter(Row::overlaps).count();
        return String.format(
                Locale.ROOT,
                "| %s | %d of %d | %.2f %% | %.2f %% | %.2f %% | %d of %d | %.2f %% | %d of %d |",
                label,
                truthful.size(),
                rows.size(),
                100 * EstimatorAccuracy.quantile(errors, 0.5),
                100 * EstimatorAccuracy.quantile(errors, 0.9),
                errors.length == 0 ? Double.NaN : 100 * errors[errors.length - 1],
                covered,
                truthful.size(),
                100 * EstimatorAccuracy.quantile(widths, 0.5),
                overlapping,
                rows.size());
    }
}
