package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job on Flink's MiniCluster gives the same per-cell energies and tokens per joule as the single-machine
 * analysis ({@code tokjoule report}, MEASURED) of the 384-cell demo sweep, to a relative 1e-9, at parallelism 1 and 2:
 * the figures the join computes, the estimator's name and every 95 % interval of the row.
 */
class FleetJobReportAgreementTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.extension();

    /** The metric columns of cells.csv (CellResultsCsv.metricValues) the join computes: the others are aiperf's. */
    private static final List<Integer> JOIN_COLUMNS = List.of(0, 1, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16);

    @TempDir
    static Path sweep;

    private static Map<CellId, CellMetrics> report = Map.of();

    @BeforeAll
    static void demoSweepAndItsReport() throws Exception {
        SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("Asia/Kolkata")).randomSeed(1).build(), sweep);
        SweepResult result = SweepAnalysis.analyze(sweep);
        Map<CellId, CellMetrics> byId = new HashMap<>();
        for (AnalyzedCell c : result.cells()) {
            byId.put(c.metrics().id(), c.metrics());
        }
        report = byId;
    }

    @Test
    void parallelismOneAgreesWithTheReport() throws Exception {
        assertAgrees(1);
    }

    @Test
    void parallelismTwoAgreesWithTheReport() throws Exception {
        assertAgrees(2);
    }

    @Test
    void theClusterEntryPointWritesCellsAndBoards(@TempDir Path out) throws Exception {
        FleetMain.main(new String[] {"--out", out.toString(), "--rail", "VDD_CPU_GPU_CV", sweep.toString()});

        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertThat(cells.get(0)).isEqualTo(String.join(",", FleetCsv.CELL_COLUMNS));
        assertThat(cells).hasSize(1 + 384);
        assertThat(Files.readAllLines(out.resolve("boards.csv"))).hasSize(2);
        assertThatThrownBy(() -> FleetMain.main(new String[] {"--out", out.toString()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage");
        // a followed directory or sweeps, not both
        assertThatThrownBy(() -> FleetMain.main(
                        new String[] {"--out", out.toString(), "--follow", out.toString(), sweep.toString()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--follow FLEET_DIR");
        assertThatThrownBy(() -> FleetMain.main(new String[] {"--zone"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--zone needs a value");
    }

    private static void assertClose(double got, double want, String what) {
        if (Double.isInfinite(want)) {
            assertThat(got).as(what).isEqualTo(want);
        } else {
            assertThat(Math.abs(got - want))
                    .as("%s: fleet %s, report %s", what, got, want)
                    .isLessThanOrEqualTo(1e-9 * Math.abs(want));
        }
    }

    private static void assertAgrees(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        FleetResult fleet = FleetJob.run(
                env, FleetJob.sweeps(env, FleetJob.boards(List.of(sweep)), "", ""), JoinSettings.defaults());

        assertThat(report).hasSize(384);
        assertThat(fleet.cells()).hasSize(report.size());
        int compared = 0;
        for (CellFigures f : fleet.cells()) {
            CellMetrics expected = report.get(f.cell());
            assertThat(expected).as("cell %s in the report", f.cell()).isNotNull();
            CellMetrics actual = FleetCsv.metrics(f);
            assertThat(actual.isOk()).isEqualTo(expected.isOk());
            double[] want = CellResultsCsv.metricValues(expected, OutputTokJVariant.REQUEST);
            double[] got = CellResultsCsv.metricValues(actual, OutputTokJVariant.REQUEST);
            for (int column : JOIN_COLUMNS) {
                String name = CellResultsCsv.LEADING_COLUMNS.get(5 + column);
                if (Double.isNaN(want[column])) {
                    assertThat(got[column]).as("%s of %s", name, f.cell()).isNaN();
                } else {
                    assertThat(Math.abs(got[column] - want[column]) / Math.abs(want[column]))
                            .as("%s of %s: fleet %s, report %s", name, f.cell(), got[column], want[column])
                            .isLessThanOrEqualTo(1e-9);
                    compared++;
                }
            }
        }
        assertThat(compared).as("figures compared").isGreaterThan(384 * 10);
        int intervals = 0;
        for (CellFigures f : fleet.cells()) {
            CellMetrics expected = report.get(f.cell());
            CellMetrics actual = FleetCsv.metrics(f);
            assertThat(actual.estimator()).as("estimator of %s", f.cell()).isEqualTo(expected.estimator());
            assertThat(actual.ci95ByMetric().keySet())
                    .as("figures with an interval in %s", f.cell())
                    .isEqualTo(expected.ci95ByMetric().keySet());
            for (Map.Entry<CellMetric, Ci95> e : expected.ci95ByMetric().entrySet()) {
                Ci95 got = actual.ci95ByMetric().get(e.getKey());
                assertClose(got.low(), e.getValue().low(), e.getKey() + " ci95 low of " + f.cell());
                assertClose(got.high(), e.getValue().high(), e.getKey() + " ci95 high of " + f.cell());
                intervals++;
            }
        }
        assertThat(intervals).as("intervals compared").isGreaterThan(384);
        assertThat(fleet.notices(BoardNotice.Kind.SUMMARY)).singleElement().satisfies(s -> {
            assertThat(s.lateSamples()).isZero();
            assertThat(s.duplicateSamples()).isZero();
            assertThat(s.samples()).isPositive();
        });
        assertThat(fleet.notices(BoardNotice.Kind.SILENT)).isEmpty();
    }
}
