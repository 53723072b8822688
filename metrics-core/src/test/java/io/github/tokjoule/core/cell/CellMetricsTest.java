package io.github.tokjoule.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.energy.EnergyBreakdown;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.energy.PhaseInputs;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.flags.Severity;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.stats.Summary;
import io.github.tokjoule.core.thermal.ThermalSample;
import io.github.tokjoule.core.thermal.ThermalSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellMetricsTest {

    private static final CellId ID = CellId.of("llama3.2-1b", "25W", "llamacpp", 2048, 256);

    @Test
    void minimalRowHasNaNForEverythingUnknown() {
        CellMetrics c =
                CellMetrics.builder().id(ID).method(EnergyMethod.MEASURED).build();
        assertThat(c.isOk()).isTrue();
        assertThat(c.status()).isEqualTo(CellStatus.ok());
        assertThat(c.requestCount()).isZero();
        assertThat(c.errorCount()).isZero();
        assertThat(c.ttftMillis()).isEqualTo(Summary.empty());
        assertThat(c.requestJoules()).isEqualTo(Summary.empty());
        assertThat(c.rail()).isEmpty();
        assertThat(c.thermal()).isEmpty();
        assertThat(c.flags()).isEmpty();
        assertThat(c.worstSeverity()).isEmpty();
        assertThat(c.watts(PowerStatistic.SAMPLE_MEDIAN)).isNaN();
        assertThat(c.servingWatts()).isNaN();
        assertThat(c.prefillShare()).isNaN();
        assertThat(c.decodeTimeP50Millis()).isNaN();
        for (CellMetric m : CellMetric.values()) {
            assertThat(c.value(m)).as(m.name()).isNaN();
        }
        for (OutputTokJVariant v : OutputTokJVariant.values()) {
            assertThat(c.outputTokensPerJoule(v)).isNaN();
        }
        assertThat(c.realisedInputTokens()).isNaN();
        assertThat(c.realisedOutputTokens()).isNaN();
        assertThat(c.prefillWatts()).isNaN();
        assertThat(c.decodeWatts()).isNaN();
    }

    @Test
    void seedCompatibleRowFromAnEnergyBreakdown() {
        // Seed arithmetic for a cell: ISL 2048, OSL 256, TTFT p50 982.7 ms, RL p50 982.7 + 5446.8 ms, P 8.56 W,
        // P_decode 9.6 W (values in the range of Llama3.2-1B 25W). decode = 5.4468 s · 9.6 W = 52.289 J;
        // DECODE_PHASE = 256 / 52.289 = 4.8958 tok/J; mJ/token = 1000 / 4.8958 = 204.25.
        double ttft = 0.9827;
        double rl = ttft + 5.4468;
        EnergyBreakdown b = EnergyBreakdown.of(PhaseInputs.of(2048, 256, ttft, rl, 8.56)
                .withPhaseWatts(8.56, 9.6)
                .withOutputTokensPerSecond(47.0));
        CellMetrics c = CellMetrics.builder()
                .id(ID)
                .method(EnergyMethod.SEED_COMPATIBLE)
                .requestCount(20)
                .errorCount(1)
                .realisedInputTokens(2048)
                .realisedOutputTokens(256)
                .ttftMillis(Summary.builder().count(19).percentile(50, 982.7).build())
                .requestLatencyMillis(
                        Summary.builder().count(19).percentile(50, rl * 1000).build())
                .interTokenLatencyMillis(Summary.of(new double[] {21.0, 21.27, 21.5}))
                .outputTokensPerSecond(47.0)
                .prefillTokensPerSecond(2084)
                .rail("VDD_CPU_GPU_CV")
                .putWattsByStatistic(PowerStatistic.SAMPLE_MEDIAN, 8.56)
                .putWattsByStatistic(PowerStatistic.SAMPLE_MEAN, 8.71)
                .servingWatts(8.6)
                .prefillWatts(8.56)
                .decodeWatts(9.6)
                .energy(b)
                .addFlags(FlagRules.requestErrors(1, 20, FlagThresholds.defaults())
                        .orElseThrow())
                .build();
        assertThat(c.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)).isCloseTo(256 / 52.28928, within(1e-9));
        assertThat(c.value(CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE)).isCloseTo(4.895841, within(1e-6));
        assertThat(c.millijoulesPerOutputToken()).isCloseTo(204.2551, within(1e-4));
        assertThat(c.value(CellMetric.OUTPUT_TOKENS_PER_JOULE_THROUGHPUT)).isCloseTo(47.0 / 8.56, within(1e-12));
        assertThat(c.value(CellMetric.OUTPUT_TOKENS_PER_JOULE_REQUEST)).isCloseTo(256 / (8.56 * rl), within(1e-9));
        assertThat(c.prefillJoulesPerRequest()).isCloseTo(8.56 * ttft, within(1e-12));
        assertThat(c.totalJoulesPerRequest()).isCloseTo(8.56 * ttft + 52.28928, within(1e-9));
        assertThat(c.prefillShare()).isCloseTo(8.412 / (8.412 + 52.28928), within(1e-4));
        assertThat(c.decodeTimeP50Millis()).isCloseTo(5446.8, within(1e-6));
        assertThat(c.value(CellMetric.DECODE_TIME_P50_MILLIS)).isCloseTo(5446.8, within(1e-6));
        assertThat(c.value(CellMetric.ITL_P50_MILLIS)).isEqualTo(21.27);
        assertThat(c.value(CellMetric.TTFT_P50_MILLIS)).isEqualTo(982.7);
        assertThat(c.watts(PowerStatistic.SAMPLE_MEDIAN)).isEqualTo(8.56);
        assertThat(c.wattsByStatistic().keySet())
                .containsExactly(PowerStatistic.SAMPLE_MEAN, PowerStatistic.SAMPLE_MEDIAN); // enum order
        assertThat(c.servingWatts()).isEqualTo(8.6);
        assertThat(c.rail()).hasValue("VDD_CPU_GPU_CV");
        assertThat(c.hasFlag(AccuracyFlag.REQUEST_ERRORS)).isTrue();
        assertThat(c.hasFlag(AccuracyFlag.THERMAL_THROTTLE)).isFalse();
        assertThat(c.flags(AccuracyFlag.REQUEST_ERRORS)).hasSize(1);
        assertThat(c.worstSeverity()).hasValue(Severity.WARNING);
        assertThat(c.value(CellMetric.PREFILL_TOKENS_PER_SECOND)).isEqualTo(2084);
        assertThat(c.method()).isEqualTo(EnergyMethod.SEED_COMPATIBLE);
        assertThat(c.toString()).contains("llama3.2-1b @ 25W (llamacpp) ctx2048/gen256");
    }

    @Test
    void breakdownVariantsThatAreNaNAreLeftOut() {
        EnergyBreakdown b = EnergyBreakdown.of(PhaseInputs.of(2048, 256, 0.5, 2.5, 5)); // no tok/s
        CellMetrics c = CellMetrics.builder()
                .id(ID)
                .method(EnergyMethod.SEED_COMPATIBLE)
                .energy(b)
                .build();
        assertThat(c.outputTokensPerJouleByVariant())
                .containsOnlyKeys(OutputTokJVariant.REQUEST, OutputTokJVariant.DECODE_PHASE);
        assertThat(c.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isNaN();
    }

    @Test
    void failedCellKeepsItsRowWithReasonAndFlags() {
        CellMetrics c = CellMetrics.builder()
                .id(ID)
                .method(EnergyMethod.MEASURED)
                .status(CellStatus.failed("  llama-server died (OOM?)\n"))
                .requestCount(20)
                .errorCount(20)
                .addFlags(FlagRules.requestErrors(20, 20, FlagThresholds.defaults())
                        .orElseThrow())
                .thermal(ThermalSummary.of(List.of(ThermalSample.of(1, Map.of("tj", 60.0)))))
                .build();
        assertThat(c.isOk()).isFalse();
        assertThat(c.status().failureReason()).hasValue("llama-server died (OOM?)");
        assertThat(c.status().toString()).isEqualTo("failed: llama-server died (OOM?)");
        assertThat(c.worstSeverity()).hasValue(Severity.ERROR);
        assertThat(c.thermal().orElseThrow().peakJunctionCelsius()).isEqualTo(60.0);
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .decodeTokensPerJoule(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decodeTokensPerJoule must be NaN (absent) or finite and not negative: -1.0 in cell"
                        + " llama3.2-1b @ 25W (llamacpp) ctx2048/gen256");
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .putWattsByStatistic(PowerStatistic.SAMPLE_MEAN, Double.POSITIVE_INFINITY)
                        .build())
                .hasMessageStartingWith("wattsByStatistic[SAMPLE_MEAN] must be NaN");
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .servingWatts(-0.5)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("servingWatts must be NaN (absent) or finite and not negative: -0.5 in cell"
                        + " llama3.2-1b @ 25W (llamacpp) ctx2048/gen256");
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .putOutputTokensPerJouleByVariant(OutputTokJVariant.REQUEST, -3)
                        .build())
                .hasMessageStartingWith("outputTokensPerJoule[REQUEST] must be NaN");
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .requestCount(2)
                        .errorCount(3)
                        .build())
                .hasMessageStartingWith("requestCount (2) and errorCount (3) must satisfy");
        assertThatThrownBy(() -> CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.MEASURED)
                        .requestCount(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellMetrics.builder().id(ID).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void identityAndStatus() {
        assertThat(ID.shape()).isEqualTo(CellShape.of(2048, 256));
        assertThat(ID.shape().toString()).isEqualTo("ctx2048/gen256");
        assertThatThrownBy(() -> CellId.of(" ", "25W", "llamacpp", 1, 1)).hasMessage("model must not be blank");
        assertThatThrownBy(() -> CellId.of("m", "", "llamacpp", 1, 1)).hasMessage("modeLabel must not be blank");
        assertThatThrownBy(() -> CellId.of("m", "7W", "", 1, 1)).hasMessage("backend must not be blank");
        assertThatThrownBy(() -> CellId.of("m", "7W", "b", 0, 1)).hasMessage("targetInputTokens must be at least 1: 0");
        assertThatThrownBy(() -> CellId.of("m", "7W", "b", 1, 0))
                .hasMessage("targetOutputTokens must be at least 1: 0");
        assertThatThrownBy(() -> CellShape.of(0, 64)).hasMessage("target lengths must be at least 1: ctx 0, gen 64");
        assertThatThrownBy(() -> CellShape.of(64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellStatus.failed(" ")).hasMessage("reason of a failed cell must not be blank");
        assertThat(CellStatus.ok().toString()).isEqualTo("ok");
        assertThat(CellStatus.ok().failureReason()).isEmpty();
        assertThat(CellStatus.failed("x")).isEqualTo(CellStatus.failed("x")).hasSameHashCodeAs(CellStatus.failed("x"));
        assertThat(CellStatus.failed("x")).isNotEqualTo(CellStatus.ok()).isNotEqualTo("x");
    }

    @Test
    void metricNamesUnitsAndDirections() {
        assertThat(CellMetric.TOTAL_TOKENS_PER_JOULE.unit()).isEqualTo("tok/J");
        assertThat(CellMetric.TTFT_P50_MILLIS.unit()).isEqualTo("ms");
        assertThat(CellMetric.MILLIJOULES_PER_OUTPUT_TOKEN.direction())
                .isEqualTo(io.github.tokjoule.core.compare.MetricDirection.LOWER_IS_BETTER);
        assertThat(CellMetric.OUTPUT_TOKENS_PER_SECOND.direction())
                .isEqualTo(io.github.tokjoule.core.compare.MetricDirection.HIGHER_IS_BETTER);
    }

    @Test
    void equalRowsAreEqual() {
        CellMetrics a = CellMetrics.builder()
                .id(ID)
                .method(EnergyMethod.MEASURED)
                .decodeTokensPerJoule(4.7)
                .build();
        CellMetrics b = CellMetrics.builder()
                .id(ID)
                .method(EnergyMethod.MEASURED)
                .decodeTokensPerJoule(4.7)
                .build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a)
                .isNotEqualTo(CellMetrics.builder()
                        .id(ID)
                        .method(EnergyMethod.SEED_COMPATIBLE)
                        .build());
    }
}
