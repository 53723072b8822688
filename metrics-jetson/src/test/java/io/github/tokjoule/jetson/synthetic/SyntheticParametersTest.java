package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.jetson.PowerMode;
import org.junit.jupiter.api.Test;

class SyntheticParametersTest {

    @Test
    void table15HasEightModelsAtFourModesFromTheSeedReport() {
        SyntheticParameters p = SyntheticParameters.table15();
        assertThat(p.models()).hasSize(8);
        assertThat(p.modes()).containsExactlyElementsOf(SyntheticParameters.ORIN_NANO_SUPER_MODES);
        ModeModelParameters llama25 = p.get("llama3.2-1b", "25w");
        // Table 15: Llama3.2-1B 25W TTFT p50 982.7 ms, ITL p50 21.27 ms, power 8.56 W
        assertThat(llama25.expectedTtftMillis(2048)).isCloseTo(982.7, within(1e-9));
        assertThat(llama25.expectedItlMillis(2048)).isCloseTo(21.27, within(1e-12));
        assertThat(llama25.decodeWatts()).isEqualTo(8.56);
        // Table 16: 60.3 / 63.2 / 66.1 °C; Table 5: 25W GPU 820 MHz
        assertThat(llama25.peakJunctionCelsius()).isEqualTo(66.1);
        assertThat(llama25.gpuMegahertz()).isEqualTo(820);
        // ITL grows 3 % per 1000 prompt tokens: at ctx 1048 it is 3 % below ctx 2048
        assertThat(llama25.expectedItlMillis(1048)).isCloseTo(21.27 * 0.97, within(1e-12));
        assertThat(p.get("smollm2-135m", "7W").onlineCores()).isEqualTo(4);
        assertThat(p.tokenizer("gemma3-1b")).isEqualTo("google/gemma-3-1b-it");
        assertThat(p.tokenizer("unknown")).isEqualTo("unknown");
        assertThat(p.find("gemma3-1b", "10W")).isEmpty();
        assertThat(p.toString()).contains("MAXN_SUPER");
    }

    @Test
    void withAddsAndReplaces() {
        ModeModelParameters base = ModeModelParameters.builder().build();
        SyntheticParameters p = SyntheticParameters.empty()
                .with("a", PowerMode.of(1, "25W"), base)
                .with("b", PowerMode.of(1, "25W"), base)
                .with(
                        "a",
                        PowerMode.of(1, "25W"),
                        base.toBuilder().decodeWatts(9).build());
        assertThat(p.modes()).hasSize(1);
        assertThat(p.models()).containsExactly("a", "b");
        assertThat(p.get("a", "25W").decodeWatts()).isEqualTo(9);
        assertThatThrownBy(() -> p.with("a", PowerMode.of(2, "25w"), base)).hasMessageContaining("different id");
        assertThatThrownBy(() -> p.get("c", "25W")).hasMessageContaining("\"c\"");
        assertThatThrownBy(() -> p.with("..", PowerMode.of(1, "25W"), base)).hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> p.withTokenizer("a", "")).hasMessageContaining("tokenizer");
    }

    @Test
    void parametersAreValidated() {
        ModeModelParameters.Builder b = ModeModelParameters.builder();
        assertThatThrownBy(() -> b.prefillTokensPerSecond(0).build()).hasMessageContaining("prefillTokensPerSecond");
        assertThatThrownBy(() -> ModeModelParameters.builder().noiseWatts(-1).build())
                .hasMessageContaining("noiseWatts");
        assertThatThrownBy(() -> ModeModelParameters.builder().errorRate(1.5).build())
                .hasMessageContaining("errorRate");
        assertThatThrownBy(() ->
                        ModeModelParameters.builder().temperatures(50, 60, 55).build())
                .hasMessageContaining("peakJunctionCelsius");
        assertThatThrownBy(
                        () -> ModeModelParameters.builder().clocks(0, 1, 1, 6).build())
                .hasMessageContaining("clocks");
        assertThatThrownBy(
                        () -> ModeModelParameters.builder().clocks(1, 1, 1, 7).build())
                .hasMessageContaining("onlineCores");
        assertThatThrownBy(
                        () -> ModeModelParameters.builder().modelMegabytes(-1).build())
                .hasMessageContaining("modelMegabytes");
        assertThatThrownBy(() -> ModeModelParameters.builder()
                        .interTokenLatencyMillis(Double.NaN)
                        .build())
                .hasMessageContaining("interTokenLatencyMillis");
        assertThatThrownBy(() -> ModeModelParameters.builder()
                        .idleWatts(Double.POSITIVE_INFINITY)
                        .build())
                .hasMessageContaining("idleWatts");
    }

    @Test
    void railsAreAffineInComputePower() {
        // P = 6 W, idle 1.5 W: SOC = 0.8 + 0.12 · 4.5 = 1.34 W; IN = 1 + 6 + 1.34 = 8.34 W
        assertThat(SyntheticRail.VDD_SOC.watts(6, 1.5)).isCloseTo(1.34, within(1e-12));
        assertThat(SyntheticRail.VDD_IN.watts(6, 1.5)).isCloseTo(8.34, within(1e-12));
        assertThat(SyntheticRail.VDD_CPU_GPU_CV.watts(6, 1.5)).isEqualTo(6);
        // 12 J over 2 s: SOC = 1.6 + 0.12 · (12 − 3) = 2.68 J; IN = 2 + 12 + 2.68 = 16.68 J
        assertThat(SyntheticRail.VDD_SOC.joules(12, 2, 1.5)).isCloseTo(2.68, within(1e-12));
        assertThat(SyntheticRail.VDD_IN.joules(12, 2, 1.5)).isCloseTo(16.68, within(1e-12));
        RailEnergies e = RailEnergies.fromCompute(12, 2, 1.5);
        assertThat(e.joules(SyntheticRail.VDD_CPU_GPU_CV)).isEqualTo(12);
        assertThat(e.plus(e).joules(SyntheticRail.VDD_IN)).isCloseTo(33.36, within(1e-12));
        assertThat(RailEnergies.ZERO.plus(e)).isEqualTo(e);
    }

    @Test
    void quantisationsAndTheBoardFollowTheSeedsTables() {
        SyntheticParameters p = SyntheticParameters.table15();
        // seeds/000 Table 4: Q8_0 for SmolLM2-360M and Qwen3-0.6B, Q4_K_M for the others.
        assertThat(p.quantisation("qwen3-0.6b")).contains("Q8_0");
        assertThat(p.quantisation("gemma3-1b")).contains("Q4_K_M");
        assertThat(p.quantisation("nope")).isEmpty();
        // Table 2: 8 GB (8 × 1024 × 1024 = 8,388,608 kB) and a 256 MB CMA pool (262,144 kB).
        assertThat(p.system()).contains(SimulatedSystem.seedOrinNanoSuper());
        assertThat(p.system().orElseThrow().memTotalKilobytes()).isEqualTo(8_388_608L);
        assertThat(p.system().orElseThrow().cmaTotalKilobytes()).isEqualTo(262_144L);
        assertThatThrownBy(() -> p.withQuantisation("m", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantisation must not be blank for model m");
        assertThatThrownBy(() -> new SimulatedSystem("b", "l", "o", "c", 0, 1, 2560, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memTotalKilobytes=0");
        assertThat(SyntheticParameters.empty().withQuantisation("m", "Q4_0").quantisation("m"))
                .contains("Q4_0");
    }
}
