package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.CellStatus;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDataBuilderTest {

    /** A cell with tok/s, TTFT, RL and the two output tok/J variants; everything else absent. */
    private static CellMetrics cell(
            String mode,
            String model,
            int ctx,
            int gen,
            double tokS,
            double ttftMs,
            double rlMs,
            double watts,
            double requestTokJ,
            double decodeTokJ) {
        return CellMetrics.builder()
                .id(CellId.of(model, mode, "llamacpp", ctx, gen))
                .method(EnergyMethod.MEASURED)
                .requestCount(20)
                .outputTokensPerSecond(tokS)
                .ttftMillis(Summary.of(new double[] {ttftMs}))
                .requestLatencyMillis(Summary.of(new double[] {rlMs}))
                .rail("VDD_CPU_GPU_CV")
                .putWattsByStatistic("TIME_WEIGHTED_MEAN", watts)
                .putWattsByStatistic("SAMPLE_MEDIAN", watts + 1)
                .putOutputTokensPerJouleByVariant(OutputTokJVariant.REQUEST, requestTokJ)
                .putOutputTokensPerJouleByVariant(OutputTokJVariant.DECODE_PHASE, decodeTokJ)
                .totalTokensPerJoule(requestTokJ * 3)
                .build();
    }

    private static List<CellMetrics> sweep() {
        List<CellMetrics> cells = new ArrayList<>();
        for (int ctx : new int[] {128, 2048}) {
            // tok/s: 15W 30, 25W 45, 7W 10; TTFT: 15W 600, 25W 400, 7W 1800 ms (both prompt lengths)
            cells.add(cell("25W", "m", ctx, 64, 45, 400, 1800, 6, 5.9, 7.6));
            cells.add(cell("15W", "m", ctx, 64, 30, 600, 2600, 4, 6.2, 8.0));
            cells.add(cell("7W", "m", ctx, 64, 10, 1800, 8000, 2, 4.0, 5.0));
        }
        cells.add(CellMetrics.builder()
                .id(CellId.of("big", "7W", "llamacpp", 128, 64))
                .method(EnergyMethod.MEASURED)
                .status(CellStatus.failed("model did not load: out of memory"))
                .addFlags(Flag.of(AccuracyFlag.REQUEST_ERRORS, Map.of("failed", 20.0), "all 20 requests failed"))
                .requestCount(20)
                .errorCount(20)
                .build());
        return cells;
    }

    @Test
    void cellsPivotedAndOrderedByTheGivenModes() {
        ReportData d = ReportDataBuilder.create("t", EnergyMethod.MEASURED)
                .modes(List.of("7W", "15W", "25W", "MAXN"))
                .cells(sweep())
                .build();
        assertThat(d.modes()).containsExactly("7W", "15W", "25W");
        assertThat(d.models()).containsExactly("m", "big");
        assertThat(d.promptLengths()).containsExactly(128, 2048);
        assertThat(d.canonicalCtx()).isEqualTo(2048);
        assertThat(d.canonicalGen()).isEqualTo(64);
        assertThat(d.rail()).isEqualTo("VDD_CPU_GPU_CV");
        CellRow c = d.cell("25W", "m", 2048, 64).orElseThrow();
        // MEASURED shows the REQUEST variant as output tok/J and the time-weighted mean power.
        assertThat(c.value(Metric.OUTPUT_TOK_PER_J)).isEqualTo(5.9);
        assertThat(c.value(Metric.POWER_W)).isEqualTo(6.0);
        assertThat(c.value(Metric.DECODE_TIME_P50_S)).isCloseTo(1.4, within(1e-12));
        assertThat(c.value(Metric.ENERGY_TOTAL_J)).isNaN();
        CellRow failed = d.cell("7W", "big", 128, 64).orElseThrow();
        assertThat(failed.status()).isEqualTo("failed: model did not load: out of memory");
        assertThat(failed.value(Metric.TOK_S)).isNaN();
        assertThat(failed.value(Metric.REQUESTS_FAILED)).isEqualTo(20.0);
        assertThat(failed.flags()).extracting(FlagMark::name).containsExactly("REQUEST_ERRORS");
        // "big" has no ok cell: no power row, no best cell.
        assertThat(d.modelMode("big", "7W")).isEmpty();
        assertThat(d.modelMode("m", "15W").orElseThrow().powerWatts()).isEqualTo(4.0);
        assertThat(d.bestTotalTokPerJoule()).containsExactly(new BestCell("m", "15W", 128, 64, 6.2 * 3));
    }

    @Test
    void speedupsUseEveryLaterModeOverEveryEarlierOneWithoutTheSeedsFourModes() {
        ReportData d = ReportDataBuilder.create("t", EnergyMethod.MEASURED)
                .modes(List.of("7W", "15W", "25W"))
                .cells(sweep())
                .build();
        SpeedupTable tput = d.speedups().get(0);
        assertThat(tput.pairs()).containsExactly("15W / 7W", "25W / 7W", "25W / 15W");
        // equal ratios in both cells, so the geometric mean is the ratio: 30/10, 45/10, 45/30
        assertThat(tput.speedupsByModel().get("m").get(0)).isCloseTo(3.0, within(1e-12));
        assertThat(tput.speedupsByModel().get("m").get(2)).isCloseTo(1.5, within(1e-12));
        assertThat(tput.speedupsByModel().get("big"))
                .allSatisfy(v -> assertThat(v).isNaN());
        SpeedupTable ttft = d.speedups().get(1);
        // latency: baseline / mode: 600 / 400 = 1.5 for 25W over 15W
        assertThat(ttft.speedupsByModel().get("m").get(2)).isCloseTo(1.5, within(1e-12));
        assertThat(ttft.direction()).startsWith("baseline / mode");
    }

    @Test
    void seedPairsWhenTheSweepHasTheSeedsFourModes() {
        assertThat(ReportDataBuilder.pairs(List.of("7W", "15W", "25W", "MAXN_SUPER")))
                .extracting(p -> p.mode() + "/" + p.baseline())
                .containsExactly("25W/15W", "MAXN_SUPER/15W", "15W/7W", "25W/7W", "MAXN_SUPER/7W", "MAXN_SUPER/25W");
    }

    @Test
    void paretoFrontAtTheCanonicalCellWithTheMethodsOutputTokPerJoule() {
        ReportData d = ReportDataBuilder.create("t", EnergyMethod.SEED_COMPATIBLE)
                .cells(sweep())
                .build();
        // SEED_COMPATIBLE: output tok/J = DECODE_PHASE; 25W (45, 7.6) and 15W (30, 8.0) are on the front, 7W
        // (10, 5.0) is dominated by both.
        assertThat(d.pareto())
                .extracting(p -> p.mode() + ":" + p.onFront())
                .containsExactlyInAnyOrder("25W:true", "15W:true", "7W:false");
        assertThat(d.cell("15W", "m", 2048, 64).orElseThrow().value(Metric.POWER_W))
                .isEqualTo(5.0);
        assertThat(d.method()).isEqualTo("SEED_COMPATIBLE");
        assertThat(d.methodDescription()).contains("median");
    }
}
