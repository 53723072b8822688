package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/** {@link EnergyEstimate} and {@link TokensPerJouleEstimate}: validation and the interval carried through 1/x. */
class EstimatesTest {

    @Test
    void tokensPerJouleReversesTheEnergyInterval() {
        TokensPerJouleEstimate t = TokensPerJouleEstimate.of(100, EnergyEstimate.of(50, 40, 80));

        assertThat(t.tokensPerJoule()).isEqualTo(2.0); // 100 / 50
        assertThat(t.ci95Low()).isEqualTo(1.25); // 100 / 80
        assertThat(t.ci95High()).isEqualTo(2.5); // 100 / 40
        assertThat(t.covers(2.4)).isTrue();
        assertThat(t.covers(1.2)).isFalse();
    }

    @Test
    void aZeroLowerEnergyBoundLeavesTheEfficiencyUnbounded() {
        TokensPerJouleEstimate t = TokensPerJouleEstimate.of(10, EnergyEstimate.of(5, 0, 7));

        assertThat(t.ci95High()).isInfinite();
        assertThat(t.ci95Low()).isCloseTo(10 / 7.0, within(1e-15));
    }

    @Test
    void noEnergyNoEfficiency() {
        assertThat(TokensPerJouleEstimate.of(10, EnergyEstimate.withoutInterval(0))
                        .tokensPerJoule())
                .isNaN();
        assertThat(TokensPerJouleEstimate.of(10, EnergyEstimate.unmeasured()).hasInterval())
                .isFalse();
        assertThat(TokensPerJouleEstimate.of(10, EnergyEstimate.withoutInterval(4))
                        .tokensPerJoule())
                .isEqualTo(2.5);
    }

    @Test
    void relativeHalfWidth() {
        assertThat(EnergyEstimate.of(10, 9, 12).relativeHalfWidth()).isCloseTo(0.15, within(1e-15));
        assertThat(EnergyEstimate.withoutInterval(10).relativeHalfWidth()).isNaN();
        assertThat(EnergyEstimate.of(0, 0, 0).relativeHalfWidth()).isNaN();
        assertThat(EnergyEstimate.of(10, 9, 12).covers(12)).isTrue();
        assertThat(EnergyEstimate.of(10, 9, 12).covers(12.01)).isFalse();
    }

    @Test
    void widerRelativeHalfWidthReadsTheFartherSide() {
        // [9, 12] around 10: sides 1 and 2, the wider 2 / 10; the half width is 1.5 / 10
        assertThat(EnergyEstimate.of(10, 9, 12).widerRelativeHalfWidth()).isCloseTo(0.2, within(1e-15));
        assertThat(EnergyEstimate.of(10, 7, 12).widerRelativeHalfWidth()).isCloseTo(0.3, within(1e-15));
        assertThat(EnergyEstimate.of(10, 9, 11).widerRelativeHalfWidth()).isCloseTo(0.1, within(1e-15));
        assertThat(EnergyEstimate.withoutInterval(10).widerRelativeHalfWidth()).isNaN();
        assertThat(EnergyEstimate.of(0, 0, 0).widerRelativeHalfWidth()).isNaN();
        // a truth inside the interval lies within the wider side of the estimate: |10 − 12| / 10 ≤ 0.2
        qt().forAll(
                        doubles().between(0.001, 1e4),
                        doubles().between(0, 1),
                        doubles().between(0, 1))
                .checkAssert((j, below, above) -> {
                    EnergyEstimate e = EnergyEstimate.of(j, j * (1 - below), j * (1 + above));
                    assertThat(e.widerRelativeHalfWidth())
                            .isGreaterThanOrEqualTo(e.relativeHalfWidth() - 1e-12)
                            .isCloseTo(Math.max(below, above), within(1e-9));
                });
    }

    @Test
    void rejectsIntervalsThatDoNotEncloseTheEstimate() {
        assertThatThrownBy(() -> EnergyEstimate.of(10, 11, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval [11.0, 12.0] does not enclose joules 10.0");
        assertThatThrownBy(() -> EnergyEstimate.of(10, Double.NaN, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval bounds must both be NaN or both be numbers: [NaN, 12.0]");
        assertThatThrownBy(() -> EnergyEstimate.withoutInterval(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("joules must be NaN or finite and not negative: -1.0");
        assertThatThrownBy(() -> TokensPerJouleEstimate.of(-1, EnergyEstimate.withoutInterval(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens must be finite and not negative: -1.0");
        assertThatThrownBy(() -> new TokensPerJouleEstimate(2, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval [3.0, 4.0] does not enclose 2.0");
    }

    @Test
    void anEmptyCellHasNoRequestsAndNoEnergy() {
        CellEnergy none = CellEnergy.none();
        assertThat(none.requests()).isZero();
        assertThat(none.prefillNanos() + none.decodeNanos()).isZero();
        assertThat(none.total().joules()).isNaN();
        assertThat(none.total().hasInterval()).isFalse();
        assertThat(none.outputTokensPerJoule().tokensPerJoule()).isNaN();
        assertThat(none.joulesPerRequest(Phase.DECODE).joules()).isNaN();
        assertThat(none)
                .isEqualTo(CellEnergy.of(
                        java.util.List.of(),
                        EnergyEstimate.unmeasured(),
                        EnergyEstimate.unmeasured(),
                        EnergyEstimate.unmeasured()));
    }
}
