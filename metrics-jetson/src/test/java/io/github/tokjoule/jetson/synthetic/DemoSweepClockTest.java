package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepGrid;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.tegrastats.TegrastatsLog;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo sweep's request clock against its readings (docs/ANALYSIS.md §11, "Round 8"): how far the sample times the
 * analysis reconstructs from tegrastats' whole-second stamps lie from the generator's true ones, and what coverage the
 * demo's prefill, total and decode intervals have against the generator's exact energy, with today's estimator and
 * with a declared request clock uncertainty {@code U}. Writes {@code target/demo-sweep-clock.md}.
 */
class DemoSweepClockTest {

    private static final long MS = 1_000_000L;

    @TempDir
    static Path dir;

    @Test
    void reconstructedTimesAndCoverageOnTheDemoSweep() throws IOException {
        SweepSpec spec = SweepSpec.builder(ZoneId.of("Asia/Kolkata")).build();
        SweepTruth truth = SyntheticSweep.generate(spec, dir);
        List<Double> errors = new ArrayList<>();
        List<Double> cellMeans = new ArrayList<>();
        List<Double> declared = new ArrayList<>();
        List<Double> coverages = new ArrayList<>();
        for (SweepGrid.Cell g : spec.grid().cells()) {
            Optional<CellTruth> t = truth.cell(g.model(), g.modeLabel(), g.promptTokens(), g.genTokens());
            if (t.isEmpty()) {
                continue;
            }
            long[] actual = SyntheticCell.simulate(spec.cellSpec(g, t.get().logStartEpochNanos()))
                    .sampleNanos();
            SampleTimes times = TegrastatsLog.read(g.directory(dir).resolve("tegrastats.log"))
                    .times(spec.zone(), TimingOptions.nominalIntervalMillis(spec.intervalMillis()));
            assertThat(times.size()).isEqualTo(actual.length);
            double sum = 0;
            for (int i = 0; i < actual.length; i++) {
                double e = (times.epochNanos(i) - actual[i]) / 1e6;
                errors.add(e);
                sum += e;
            }
            cellMeans.add(sum / actual.length);
            declared.add(
                    times.maxUncertaintyNanos().isPresent()
                            ? times.maxUncertaintyNanos().getAsLong() / 1e6
                            : -1);
        }
        StringBuilder sb = new StringBuilder("### Reconstructed tegrastats sample times less the true ones (ms)\n\n");
        sb.append("| quantity | samples or cells | median | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
        sb.append(quantiles("|error| per sample", errors, Math::abs));
        sb.append(quantiles("signed error per sample", errors, x -> x));
        sb.append(quantiles("|mean error| per cell", cellMeans, Math::abs));
        sb.append(quantiles("SampleTimes' largest declared uncertainty per cell", declared, x -> x));
        sb.append("\n### The demo's intervals against the generator's exact energy (per request, all cells)\n\n");
        sb.append("| estimator | figure | cells | coverage | median half width | median error |\n"
                + "|---|---|---|---|---|---|\n");
        for (long u : new long[] {0, 20}) {
            AnalysisOptions options = AnalysisOptions.defaults().withThreads(2);
            if (u > 0) {
                // the analysis' own option: a tegrastats trace (D = 0) gets automatic(0, U)
                options = options.withRequestClockUncertaintyNanos(u * MS);
            }
            sb.append(coverage(
                    u == 0 ? "automatic() (the default)" : "automatic(0, " + u + " ms)",
                    SweepAnalysis.analyze(dir, options),
                    truth,
                    coverages));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/demo-sweep-clock.md"), sb.toString());
        // every figure covered in at least 90 % of the cells, with and without the declared uncertainty
        assertThat(coverages).hasSize(6).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(0.9));
        // most reconstructed times lie within a few ms, a few lie tens of ms off (docs/ANALYSIS.md §11, "Round 8")
        double[] abs = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        assertThat(EstimatorAccuracy.quantile(abs, 0.5)).isLessThan(10);
        assertThat(abs[abs.length - 1]).isGreaterThan(20);
    }

    /**
     * The same coverage on six more demo sweeps (random seeds 1,796,696,001–006, chosen at 02:50 UTC on 2026-12-08;
     * the demo's own is 42), with the default estimator: every figure holds ≥ 90 % on each — decode 91.7–94.5 % since
     * round 10's decode sampling scale, 88.3–92.4 % before it, and not for the clock's sake: with the readings at their
     * true times it was about the same (docs/ANALYSIS.md §11, "Round 9", "Round 10"). Twelve further seeds, the scale's
     * hold-out, gave 90.9–94.5 %. Writes {@code target/demo-sweep-seeds.md}.
     */
    @Test
    void coverageOnSixMoreDemoSweeps(@TempDir Path root) throws IOException {
        StringBuilder sb = new StringBuilder("| sweep | estimator | figure | cells | coverage | median half width |"
                + " median error |\n|---|---|---|---|---|---|---|\n");
        for (long seed = 1_796_696_001L; seed <= 1_796_696_006L; seed++) {
            Path d = Files.createDirectories(root.resolve(Long.toString(seed)));
            SweepSpec spec = SweepSpec.builder(ZoneId.of("Asia/Kolkata"))
                    .randomSeed(seed)
                    .build();
            SweepTruth truth = SyntheticSweep.generate(spec, d);
            List<Double> coverages = new ArrayList<>();
            String rows = coverage(
                    "automatic() (the default)",
                    SweepAnalysis.analyze(d, AnalysisOptions.defaults().withThreads(2)),
                    truth,
                    coverages);
            for (String row : rows.split("\n")) {
                sb.append("| ").append(seed).append(' ').append(row).append('\n');
            }
            assertThat(coverages.get(0)).as("prefill, seed %d", seed).isGreaterThanOrEqualTo(0.9);
            assertThat(coverages.get(1)).as("total, seed %d", seed).isGreaterThanOrEqualTo(0.9);
            assertThat(coverages.get(2)).as("decode, seed %d", seed).isGreaterThanOrEqualTo(0.9);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/demo-sweep-seeds.md"), sb.toString());
    }

    private static String coverage(String label, SweepResult result, SweepTruth truth, List<Double> coverages) {
        StringBuilder sb = new StringBuilder();
        for (CellMetric metric : List.of(
                CellMetric.PREFILL_JOULES_PER_REQUEST,
                CellMetric.TOTAL_JOULES_PER_REQUEST,
                CellMetric.DECODE_JOULES_PER_REQUEST)) {
            int cells = 0;
            int covered = 0;
            List<Double> widths = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (AnalyzedCell c : result.cells()) {
                CellMetrics m = c.metrics();
                CellTruth t = truth.cell(
                                m.id().model(),
                                m.id().modeLabel(),
                                m.id().targetInputTokens(),
                                m.id().targetOutputTokens())
                        .orElseThrow();
                ToDoubleFunction<RequestTruth> joules =
                        switch (metric) {
                            case PREFILL_JOULES_PER_REQUEST ->
                                r -> r.prefillJoules().vddCpuGpuCvJoules();
                            case DECODE_JOULES_PER_REQUEST ->
                                r -> r.decodeJoules().vddCpuGpuCvJoules();
                            default -> r -> r.totalJoules().vddCpuGpuCvJoules();
                        };
                double exact = t.successfulRequests().stream()
                        .mapToDouble(joules)
                        .average()
                        .orElse(Double.NaN);
                Optional<Ci95> ci = m.ci95(metric);
                double v = metric.of(m);
                if (ci.isEmpty() || !Double.isFinite(exact)) {
                    continue;
                }
                cells++;
                covered += ci.get().contains(exact) ? 1 : 0;
                widths.add((ci.get().high() - ci.get().low()) / (2 * exact));
                errors.add(Math.abs(v / exact - 1));
            }
            coverages.add((double) covered / cells);
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f %% | %.2f %% | %.2f %% |%n",
                    label,
                    metric.name().toLowerCase(Locale.ROOT),
                    cells,
                    100.0 * covered / cells,
                    100 * median(widths),
                    100 * median(errors)));
        }
        long window = result.cells().stream()
                .filter(c -> c.metrics().hasFlag(AccuracyFlag.WINDOW_UNDERSAMPLED))
                .count();
        long prefill = result.cells().stream()
                .filter(c -> c.metrics().hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED))
                .count();
        return sb.append(String.format(
                        Locale.ROOT,
                        "| %s | cells flagged WINDOW_UNDERSAMPLED / PREFILL_UNDERSAMPLED | %d | %d / %d | | |%n",
                        label,
                        result.cells().size(),
                        window,
                        prefill))
                .toString();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return EstimatorAccuracy.quantile(v, 0.5);
    }

    private static String quantiles(String label, List<Double> values, java.util.function.DoubleUnaryOperator f) {
        double[] v =
                values.stream().mapToDouble(x -> f.applyAsDouble(x)).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n",
                label,
                v.length,
                EstimatorAccuracy.quantile(v, 0.5),
                EstimatorAccuracy.quantile(v, 0.9),
                EstimatorAccuracy.quantile(v, 0.99),
                v[v.length - 1]);
    }
}
