package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearPowerFunctionTest {

    private static final long S = 1_000_000_000L;

    /** 0 → 10 W over [0, 1 s), then 4 W over [1 s, 2 s). */
    private static LinearPowerFunction rampThenFlat() {
        LinearPowerFunction.Builder b = new LinearPowerFunction.Builder(0);
        b.append(S, 0, 10);
        b.append(2 * S, 4, 4);
        return b.build();
    }

    @Test
    void integratesTrapezoidsExactly() {
        LinearPowerFunction f = rampThenFlat();
        // ∫0..1 10 t dt = 5 J; ∫1..2 4 dt = 4 J
        assertThat(f.joules(0, 2 * S)).isCloseTo(9, within(1e-12));
        // ∫0.5..1 10 t dt = 5 (1 − 0.25) = 3.75 J
        assertThat(f.joules(S / 2, S)).isCloseTo(3.75, within(1e-12));
        assertThat(f.wattsAt(S / 2)).isCloseTo(5, within(1e-12));
        assertThat(f.wattsAt(3 * S)).isEqualTo(4); // the end level continues
        assertThat(f.joules(2 * S, 3 * S)).isCloseTo(4, within(1e-12));
    }

    @Test
    void aTrailingSensorAveragesItsWindow() {
        LinearPowerFunction f = rampThenFlat();
        // mean over [0.5 s, 1.5 s] = (3.75 + 2) / 1 = 5.75 W
        assertThat(f.trailingMeanWatts(3 * S / 2, S)).isCloseTo(5.75, within(1e-12));
        assertThat(f.trailingMeanWatts(S / 2, 0)).isCloseTo(5, within(1e-12));
    }

    @Test
    void needsASegment() {
        assertThatThrownBy(() -> new LinearPowerFunction.Builder(0).build()).isInstanceOf(IllegalStateException.class);
    }
}
