package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default analysis of {@link SweepAnalysisTest#designedSpec()} picks the estimator per cell, says which in
 * {@code cells.csv}, and writes a 95 % interval around every energy and tok/J figure.
 */
class EstimateColumnsTest {

    @TempDir
    static Path dir;

    static SweepResult result;

    @BeforeAll
    static void analyze() throws IOException {
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), dir.resolve("sweep"));
        result = SweepAnalysis.analyze(dir.resolve("sweep"));
        CellResultsCsv.write(result, dir.resolve("cells.csv"));
    }

    @Test
    void cellsCsvNamesTheEstimatorAndEnclosesEveryFigureInItsInterval() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("cells.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header)
                .endsWith(
                        "estimator",
                        "energy_total_j_ci95_low",
                        "energy_total_j_ci95_high",
                        "energy_prefill_j_ci95_low",
                        "energy_prefill_j_ci95_high",
                        "energy_decode_j_ci95_low",
                        "energy_decode_j_ci95_high",
                        "output_tok_per_j_ci95_low",
                        "output_tok_per_j_ci95_high",
                        "prefill_tok_per_j_ci95_low",
                        "prefill_tok_per_j_ci95_high",
                        "decode_tok_per_j_ci95_low",
                        "decode_tok_per_j_ci95_high",
                        "power_trace");
        int withIntervals = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String value = f[header.indexOf("energy_total_j")];
            if (value.isEmpty()) {
                // no figure (a failed cell): no interval, no estimator's claim
                assertThat(f[header.indexOf("energy_total_j_ci95_low")]).isEmpty();
                continue;
            }
            assertThat(f[header.indexOf("estimator")]).isIn("PER_REQUEST", "POOLED");
            for (String figure : List.of(
                    "energy_total_j",
                    "energy_prefill_j",
                    "energy_decode_j",
                    "output_tok_per_j",
                    "prefill_tok_per_j",
                    "decode_tok_per_j")) {
                double v = Double.parseDouble(f[header.indexOf(figure)]);
                double low = Double.parseDouble(f[header.indexOf(figure + "_ci95_low")]);
                double high = Double.parseDouble(f[header.indexOf(figure + "_ci95_high")]);
                assertThat(low).as("%s %s", line, figure).isLessThanOrEqualTo(v);
                assertThat(high).as("%s %s", line, figure).isGreaterThanOrEqualTo(v);
                assertThat(high)
                        .as("%s %s: an interval, not a point", line, figure)
                        .isGreaterThan(low);
            }
            withIntervals++;
        }
        assertThat(withIntervals).isGreaterThan(0);
    }

    @Test
    void theDefaultPicksPerCellAndTheSlowPrefillsArePooledNoLess() {
        // 0.51 s sampling: no cell's prefill holds 10 samples in every request, so every cell is pooled.
        for (AnalyzedCell c : result.cells()) {
            CellMetrics m = c.metrics();
            if (m.isOk() && !Double.isNaN(m.totalJoulesPerRequest())) {
                assertThat(m.estimator()).as("%s", m.id()).contains("POOLED");
                assertThat(c.attribution().orElseThrow().estimator()).isEqualTo("POOLED");
            }
        }
    }

    @Test
    void forcingPerRequestIsRecorded() throws IOException {
        SweepResult perRequest = SweepAnalysis.analyze(
                dir.resolve("sweep"), AnalysisOptions.defaults().withEstimator(EnergyEstimators.perRequest()));
        for (AnalyzedCell c : perRequest.cells()) {
            CellMetrics m = c.metrics();
            if (!Double.isNaN(m.totalJoulesPerRequest())) {
                assertThat(m.estimator()).contains("PER_REQUEST");
                Ci95 ci = m.ci95(CellMetric.TOTAL_JOULES_PER_REQUEST).orElseThrow();
                assertThat(ci.contains(m.totalJoulesPerRequest())).isTrue();
            }
        }
    }
}
