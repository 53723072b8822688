package io.github.tokjoule.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.MetricDirection;
import io.github.tokjoule.core.compare.ModePair;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.compare.SpeedupMethod;
import io.github.tokjoule.core.compare.Speedups;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static CellMetrics cell(String mode, int ctx, int gen, double tokS, double tokJ, double totalTokJ) {
        return CellMetrics.builder()
                .id(CellId.of("smollm2-135m", mode, "llamacpp", ctx, gen))
                .method(EnergyMethod.SEED_COMPATIBLE)
                .outputTokensPerSecond(tokS)
                .putOutputTokensPerJouleByVariant(OutputTokJVariant.DECODE_PHASE, tokJ)
                .totalTokensPerJoule(totalTokJ)
                .build();
    }

    private static List<CellMetrics> sweep() {
        List<CellMetrics> cells = new ArrayList<>();
        cells.add(cell("15W", 2048, 256, 114.5, 21.67, 300));
        cells.add(cell("15W", 2048, 64, 120.0, 20.0, 400));
        cells.add(cell("25W", 2048, 256, 165.1, 22.57, 350));
        cells.add(cell("25W", 2048, 64, 170.0, 21.0, 487.3));
        cells.add(CellMetrics.builder()
                .id(CellId.of("smollm2-135m", "MAXN", "llamacpp", 2048, 256))
                .method(EnergyMethod.SEED_COMPATIBLE)
                .status(CellStatus.failed("server died"))
                .outputTokensPerSecond(999) // ignored: failed
                .build());
        cells.add(cell("MAXN", 2048, 64, 175.0, Double.NaN, 450));
        return cells;
    }

    @Test
    void seriesByModeFeedSpeedups() {
        Map<String, Map<CellShape, Double>> tokS = Cells.byMode(sweep(), CellMetric.OUTPUT_TOKENS_PER_SECOND);
        assertThat(tokS.keySet()).containsExactly("15W", "25W", "MAXN");
        assertThat(tokS.get("MAXN")).containsOnlyKeys(CellShape.of(2048, 64)); // the failed cell is left out
        double canonical = Speedups.canonicalCell(CellShape.of(2048, 256), MetricDirection.HIGHER_IS_BETTER)
                .speedup(tokS.get("25W"), tokS.get("15W"));
        assertThat(canonical).isCloseTo(165.1 / 114.5, within(1e-12));
        // Geometric mean of 165.1/114.5 and 170/120.
        double geo = Speedups.<CellShape>of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER)
                .speedup(tokS.get("25W"), tokS.get("15W"));
        assertThat(geo).isCloseTo(Math.sqrt(165.1 / 114.5 * 170.0 / 120.0), within(1e-12));
        Map<ModePair, Double> six = Speedups.canonicalCell(CellShape.of(2048, 256), MetricDirection.HIGHER_IS_BETTER)
                .seedPairs(tokS);
        assertThat(six.get(ModePair.of("25W", "15W"))).isCloseTo(1.44192, within(1e-5));
        assertThat(six.get(ModePair.of("MAXN", "15W"))).isNaN(); // no canonical MAXN cell
        // NaN values are left out too.
        assertThat(Cells.byMode(sweep(), CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE)
                        .keySet())
                .containsExactly("15W", "25W");
        assertThatThrownBy(() -> Cells.byMode(
                        List.of(cell("15W", 128, 64, 1, 1, 1), cell("15W", 128, 64, 2, 2, 2)),
                        CellMetric.OUTPUT_TOKENS_PER_SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two cells with mode 15W and shape ctx128/gen64");
    }

    @Test
    void bestCellByTotalTokensPerJoule() {
        // Seed Table 13: best total tok/J at 25W / 2048 / 64.
        Best<CellMetrics> b =
                Cells.best(sweep(), CellMetric.TOTAL_TOKENS_PER_JOULE).orElseThrow();
        assertThat(b.value()).isEqualTo(487.3);
        assertThat(b.item().id().toString()).isEqualTo("smollm2-135m @ 25W (llamacpp) ctx2048/gen64");
        // Lower is better for mJ per token: absent everywhere → empty.
        assertThat(Cells.best(sweep(), CellMetric.MILLIJOULES_PER_OUTPUT_TOKEN)).isEmpty();
    }

    @Test
    void paretoFrontOfCells() {
        ParetoFront<CellMetrics> f = Cells.paretoFront(
                sweep(), CellMetric.OUTPUT_TOKENS_PER_SECOND, CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE);
        // Usable: 15W (114.5, 21.67), (120, 20); 25W (165.1, 22.57), (170, 21). 25W/256 dominates both 15W cells;
        // 25W/64 is faster: front = {25W/64, 25W/256}.
        assertThat(f.members())
                .extracting(p -> p.item().id().shape().toString())
                .containsExactly("ctx2048/gen64", "ctx2048/gen256");
        assertThat(f.points()).hasSize(4);
        assertThatThrownBy(
                        () -> Cells.paretoFront(sweep(), CellMetric.TTFT_P50_MILLIS, CellMetric.TOTAL_TOKENS_PER_JOULE))
                .hasMessage("Pareto axes must be higher-is-better metrics: TTFT_P50_MILLIS");
        assertThatThrownBy(() -> Cells.paretoFront(
                        sweep(), CellMetric.TOTAL_TOKENS_PER_JOULE, CellMetric.MILLIJOULES_PER_OUTPUT_TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
