package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.jetson.synthetic.CellTruth;
import io.github.tokjoule.jetson.synthetic.RailEnergies;
import io.github.tokjoule.jetson.synthetic.RequestTruth;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SweepTruth;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic sweep's 25W mode (96 cells) with every {@code profile_export.jsonl} deleted, as in the seed's published
 * data sets: the MEASURED analysis falls back to the run-window estimate, whose figures are compared with the
 * generator's TRUE mean energy per successful request. Writes {@code target/summary-only-accuracy.md}.
 */
class SummaryOnlySweepTest {

    @TempDir
    Path dir;

    @Test
    void everyCellGetsARunWindowEstimateWhoseIntervalsCoverTheTruth() throws IOException {
        SweepTruth truth = SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("Asia/Kolkata")).modes("25W").build(), dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("profile_export.jsonl"))
                    .toList()) {
                Files.delete(p);
            }
        }
        SweepResult r = SweepAnalysis.analyze(dir, AnalysisOptions.defaults().withThreads(2));

        assertThat(r.cells()).hasSize(96);
        StringBuilder md = new StringBuilder("| figure (per request) | cells | median error | p90 | max | coverage |"
                + " median half width |\n|---|---|---|---|---|---|---|\n");
        md.append(row(r, truth, "total", CellMetric.TOTAL_JOULES_PER_REQUEST, RequestTruth::totalJoules));
        md.append(row(r, truth, "prefill", CellMetric.PREFILL_JOULES_PER_REQUEST, RequestTruth::prefillJoules));
        md.append(row(r, truth, "decode", CellMetric.DECODE_JOULES_PER_REQUEST, RequestTruth::decodeJoules));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/summary-only-accuracy.md"), md.toString());
        for (AnalyzedCell c : r.cells()) {
            CellMetrics m = c.metrics();
            assertThat(m.isOk()).as("%s", m.id()).isTrue();
            assertThat(m.estimator()).as("%s", m.id()).contains("RUN_WINDOW");
            assertThat(m.hasFlag(AccuracyFlag.RUN_WINDOW_ESTIMATE)).isTrue();
        }
    }

    /** One table row; asserts coverage ≥ 90 %. */
    private static String row(
            SweepResult r, SweepTruth truth, String name, CellMetric metric, Function<RequestTruth, RailEnergies> f) {
        List<double[]> rows = new ArrayList<>();
        for (AnalyzedCell c : r.cells()) {
            CellMetrics m = c.metrics();
            CellTruth t = truth.cell(
                            m.id().model(), m.id().modeLabel(), m.id().targetInputTokens(), m.id().targetOutputTokens())
                    .orElseThrow();
            double exact = t.successfulRequests().stream()
                    .mapToDouble(q -> f.apply(q).vddCpuGpuCvJoules())
                    .average()
                    .orElseThrow();
            double v =
                    switch (metric) {
                        case TOTAL_JOULES_PER_REQUEST -> m.totalJoulesPerRequest();
                        case PREFILL_JOULES_PER_REQUEST -> m.prefillJoulesPerRequest();
                        default -> m.decodeJoulesPerRequest();
                    };
            Ci95 ci = m.ci95(metric).orElseThrow();
            rows.add(new double[] {
                Math.abs(v / exact - 1), ci.contains(exact) ? 1 : 0, (ci.high() - ci.low()) / (2 * exact)
            });
        }
        double[] errors = rows.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] widths = rows.stream().mapToDouble(x -> x[2]).sorted().toArray();
        double coverage = rows.stream().mapToDouble(x -> x[1]).average().orElseThrow();
        assertThat(coverage).as(name).isGreaterThanOrEqualTo(0.9);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f %% | %.2f %% | %.2f %% | %.0f %% | %.2f %% |%n",
                name,
                rows.size(),
                100 * errors[errors.length / 2],
                100 * errors[(int) Math.floor(0.9 * (errors.length - 1))],
                100 * errors[errors.length - 1],
                100 * coverage,
                100 * widths[widths.length / 2]);
    }
}
