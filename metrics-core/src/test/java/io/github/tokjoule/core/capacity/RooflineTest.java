package io.github.tokjoule.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("Jetson Orin Nano: 40 TOPS INT8, 68 GB/s"), its table "The Memory Bottleneck Revealed". Its bytes per
 * token are parameters × bytes per weight × 1.1 with 4.5 bits for Q4_K_M, 8 for FP8, 16 for FP16, and parameters
 * 1B (gemma3), 0.6B (qwen3), 0.5B (qwen2.5), 2B effective (gemma3n e2b); FLOPs per token 2 × parameters.
 */
class RooflineTest {

    private static final Roofline ORIN_NANO = Roofline.of(40e12, 68e9);

    private static void row(
            String model, double params, double bits, double measured, double theoretical, double eff, double oi) {
        double bytes = Roofline.seedBytesPerToken(params, bits);
        RooflinePoint p = ORIN_NANO.analyze(bytes, Roofline.flopsPerToken(params), measured);
        assertThat(p.ceilingTokensPerSecond()).as(model + " theoretical").isCloseTo(theoretical, within(0.005));
        assertThat(p.efficiency() * 100).as(model + " efficiency %").isCloseTo(eff, within(0.05));
        assertThat(p.operationalIntensityFlopsPerByte()).as(model + " OI").isCloseTo(oi, within(0.005));
        assertThat(p.bottleneck()).as(model).isEqualTo(Bottleneck.MEMORY_BOUND);
        assertThat(p.measuredTokensPerSecond()).isEqualTo(measured);
    }

    @Test
    void reproducesSeed003Table() {
        // gemma3:1b Q4_K_M: 1e9 · 4.5/8 · 1.1 = 618.75e6 B/token; 68e9 / 618.75e6 = 109.899; 26.33 / 109.899 = 24.0 %;
        // OI = 2e9 / 618.75e6 = 3.232.
        row("gemma3:1b", 1e9, 4.5, 26.33, 109.90, 24.0, 3.23);
        // qwen3:0.6b FP8: 0.6e9 · 1 · 1.1 = 660e6; 68e9 / 660e6 = 103.03; 38.84 / 103.03 = 37.7 %; OI 1.2e9/660e6 =
        // 1.82.
        row("qwen3:0.6b", 0.6e9, 8, 38.84, 103.03, 37.7, 1.82);
        // qwen2.5:0.5b Q4_K_M: 0.5e9 · 0.5625 · 1.1 = 309.375e6; 219.80; 35.24 / 219.80 = 16.0 %; OI 3.23.
        row("qwen2.5:0.5b", 0.5e9, 4.5, 35.24, 219.80, 16.0, 3.23);
        // gemma3n:e2b Q4_K_M, 2B effective: 1237.5e6; 54.95; 16.3 %; OI 3.23.
        row("gemma3n:e2b", 2e9, 4.5, 8.98, 54.95, 16.3, 3.23);
        // google/gemma-3-1b-it FP16: 2.2e9; 30.91; 4.59 / 30.909 = 14.85 → 14.9 %; OI 0.91.
        row("google/gemma-3-1b-it", 1e9, 16, 4.59, 30.91, 14.9, 0.91);
        // Qwen/Qwen3-0.6B-FP8: as qwen3:0.6b; 12.81 / 103.03 = 12.4 %.
        row("Qwen/Qwen3-0.6B-FP8", 0.6e9, 8, 12.81, 103.03, 12.4, 1.82);
        // Qwen/Qwen2.5-0.5B-Instruct FP16: 1.1e9; 61.82; 15.18 / 61.818 = 24.6 %; OI 0.91.
        row("Qwen/Qwen2.5-0.5B-Instruct", 0.5e9, 16, 15.18, 61.82, 24.6, 0.91);
    }

    @Test
    void ridgePointAndComputeBound() {
        // "OI_threshold = (40 × 10^12 ops/s) / (68 × 10^9 bytes/s) = 588 FLOPs/byte".
        assertThat(ORIN_NANO.ridgePointFlopsPerByte()).isCloseTo(588.2, within(0.05));
        assertThat(ORIN_NANO.bottleneck(3.23)).isEqualTo(Bottleneck.MEMORY_BOUND);
        assertThat(ORIN_NANO.bottleneck(40e12 / 68e9)).isEqualTo(Bottleneck.COMPUTE_BOUND);
        assertThat(ORIN_NANO.bottleneck(1000)).isEqualTo(Bottleneck.COMPUTE_BOUND);
        // Batched decode with 1000 FLOPs/byte: compute roof 40e12 / (2 · 1e9) = 20,000 tok/s caps it.
        assertThat(ORIN_NANO.decodeCeilingTokensPerSecond(2e6, 2e9)).isEqualTo(20_000.0);
        assertThat(ORIN_NANO.attainableFlopsPerSecond(1)).isEqualTo(68e9);
        assertThat(ORIN_NANO.attainableFlopsPerSecond(1e6)).isEqualTo(40e12);
    }

    @Test
    void staticFormulas() {
        // DESIGN §3.6: bandwidth / bytes per token. 102 GB/s (Orin Nano Super) over a 1.8 GB model: 56.67 tok/s.
        assertThat(Roofline.memoryBoundTokensPerSecond(102e9, 1.8e9)).isCloseTo(56.667, within(1e-3));
        assertThat(Roofline.efficiency(25, 50)).isEqualTo(0.5);
        assertThat(Roofline.operationalIntensityFlopsPerByte(2e9, 1e9)).isEqualTo(2.0);
        assertThat(Roofline.flopsPerToken(1e9)).isEqualTo(2e9);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> Roofline.of(0, 1)).hasMessage("peakFlopsPerSecond must be positive and finite: 0.0");
        assertThatThrownBy(() -> Roofline.of(1, Double.NaN))
                .hasMessage("bandwidthBytesPerSecond must be positive and finite: NaN");
        assertThatThrownBy(() -> Roofline.memoryBoundTokensPerSecond(1, 0))
                .hasMessage("bytesPerToken must be positive and finite: 0.0");
        assertThatThrownBy(() -> ORIN_NANO.decodeCeilingTokensPerSecond(1, 0))
                .hasMessage("flopsPerToken must be positive and finite: 0.0");
        assertThatThrownBy(() -> Roofline.efficiency(-1, 1))
                .hasMessage("measuredTokensPerSecond must be finite and not negative: -1.0");
        assertThatThrownBy(() -> Roofline.efficiency(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ORIN_NANO.bottleneck(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ORIN_NANO.attainableFlopsPerSecond(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roofline.seedBytesPerToken(0, 4))
                .hasMessage("parameters must be positive and finite: 0.0");
        assertThatThrownBy(() -> Roofline.seedBytesPerToken(1, -4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roofline.operationalIntensityFlopsPerByte(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
