package io.github.tokjoule.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnergyBreakdownTest {

    @Test
    void onePowerForTheWholeRequestAsSeedJ4ToJ6() {
        // ISL 2048, OSL 256, TTFT 0.4 s, RL 2.4 s, P 5 W, tok_s 128.
        EnergyBreakdown b =
                EnergyBreakdown.of(PhaseInputs.of(2048, 256, 0.4, 2.4, 5).withOutputTokensPerSecond(128));
        assertThat(b.prefillJoules()).isCloseTo(2.0, within(1e-12));
        assertThat(b.decodeJoules()).isCloseTo(10.0, within(1e-12));
        assertThat(b.totalJoules()).isCloseTo(12.0, within(1e-12));
        assertThat(b.prefillShare()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(b.prefillTokensPerJoule()).isCloseTo(1024, within(1e-9));
        assertThat(b.decodeTokensPerJoule()).isCloseTo(25.6, within(1e-12));
        assertThat(b.totalTokensPerJoule()).isCloseTo(192, within(1e-9));
        assertThat(b.millijoulesPerOutputToken()).isCloseTo(39.0625, within(1e-9));
        assertThat(b.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(256 / 12.0, within(1e-12));
        assertThat(b.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)).isCloseTo(25.6, within(1e-12));
        assertThat(b.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isEqualTo(25.6);
    }

    @Test
    void ownPhasePowersAsTheSeedsPublishedValues() {
        // P 5 W, P_prefill 6 W, P_decode 4.5 W: prefill 6 · 0.4 = 2.4 J, decode 4.5 · 2 = 9 J, total 11.4 J.
        // REQUEST keeps the window power: 256 / (5 · 2.4) = 21.333.
        EnergyBreakdown b =
                EnergyBreakdown.of(PhaseInputs.of(2048, 256, 0.4, 2.4, 5).withPhaseWatts(6, 4.5));
        assertThat(b.prefillJoules()).isCloseTo(2.4, within(1e-12));
        assertThat(b.decodeJoules()).isCloseTo(9.0, within(1e-12));
        assertThat(b.totalJoules()).isCloseTo(11.4, within(1e-12));
        assertThat(b.decodeTokensPerJoule()).isCloseTo(256 / 9.0, within(1e-12));
        assertThat(b.totalTokensPerJoule()).isCloseTo(2304 / 11.4, within(1e-9));
        assertThat(b.requestOutputTokensPerJoule()).isCloseTo(256 / 12.0, within(1e-12));
        assertThat(b.throughputOutputTokensPerJoule()).isNaN();
        assertThat(b.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isNaN();
    }

    @Test
    void degenerateCellsGiveNaNNotExceptions() {
        EnergyBreakdown noPrefill = EnergyBreakdown.of(PhaseInputs.of(2048, 256, 0, 2, 5));
        assertThat(noPrefill.prefillJoules()).isZero();
        assertThat(noPrefill.prefillShare()).isZero();
        assertThat(noPrefill.prefillTokensPerJoule()).isNaN();
        EnergyBreakdown noDecode = EnergyBreakdown.of(PhaseInputs.of(2048, 256, 2, 2, 5));
        assertThat(noDecode.decodeTokensPerJoule()).isNaN();
        assertThat(noDecode.millijoulesPerOutputToken()).isNaN();
        assertThat(noDecode.totalTokensPerJoule()).isCloseTo(2304 / 10.0, within(1e-12));
        EnergyBreakdown nothing = EnergyBreakdown.of(PhaseInputs.of(2048, 256, 0, 0, 5));
        assertThat(nothing.totalTokensPerJoule()).isNaN();
        assertThat(nothing.prefillShare()).isNaN();
        assertThat(nothing.requestOutputTokensPerJoule()).isNaN();
        EnergyBreakdown noTokens = EnergyBreakdown.of(PhaseInputs.of(2048, 0, 0.5, 2, 5));
        assertThat(noTokens.decodeTokensPerJoule()).isZero();
        assertThat(noTokens.millijoulesPerOutputToken()).isNaN();
    }

    @Test
    void inputsAreValidated() {
        assertThatThrownBy(() -> PhaseInputs.of(-1, 256, 0.4, 2.4, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputTokens must be finite and not negative: -1.0");
        assertThatThrownBy(() -> PhaseInputs.of(1, Double.NaN, 0.4, 2.4, 5))
                .hasMessage("outputTokens must be finite and not negative: NaN");
        assertThatThrownBy(() -> PhaseInputs.of(1, 1, 2.5, 2.4, 5))
                .hasMessage("requestLatencySeconds (2.4) is less than ttftSeconds (2.5)");
        assertThatThrownBy(() -> PhaseInputs.of(1, 1, 0.4, 2.4, 0))
                .hasMessage("watts must be positive and finite: 0.0");
        PhaseInputs ok = PhaseInputs.of(1, 1, 0.4, 2.4, 5);
        assertThatThrownBy(() -> ok.withPhaseWatts(0, 1)).hasMessage("prefillWatts must be positive and finite: 0.0");
        assertThatThrownBy(() -> ok.withPhaseWatts(1, -1)).hasMessage("decodeWatts must be positive and finite: -1.0");
        assertThatThrownBy(() -> ok.withOutputTokensPerSecond(-3))
                .hasMessage("outputTokensPerSecond must be finite and not negative: -3.0");
        assertThat(ok.withOutputTokensPerSecond(Double.NaN).outputTokensPerSecond())
                .isNaN();
        assertThat(ok.withPhaseWatts(6, 4).withOutputTokensPerSecond(10))
                .isEqualTo(new PhaseInputs(1, 1, 0.4, 2.4, 5, 6, 4, 10));
    }
}
