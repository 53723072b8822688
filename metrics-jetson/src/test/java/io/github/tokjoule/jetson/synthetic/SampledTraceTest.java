package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampledTraceTest {

    private static final long S = 1_000_000_000L;

    /** Samples 1 W at 0 s, 3 W at 1 s, 1 W at 2 s. */
    private final SampledTrace trace = new SampledTrace(new long[] {0, S, 2 * S}, new double[] {1, 3, 1});

    @Test
    void trapezoidOverWholeSamples() {
        // (1+3)/2 · 1 + (3+1)/2 · 1 = 4 J
        assertThat(trace.joules(0, 2 * S)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void interpolatesAtWindowEdges() {
        // w(0.5 s) = 2, w(1.5 s) = 2: (2+3)/2 · 0.5 + (3+2)/2 · 0.5 = 2.5 J
        assertThat(trace.joules(S / 2, 3 * S / 2)).isCloseTo(2.5, within(1e-12));
        // inside one interval: w(0.25) = 1.5, w(0.75) = 2.5: (1.5+2.5)/2 · 0.5 = 1 J
        assertThat(trace.joules(S / 4, 3 * S / 4)).isCloseTo(1.0, within(1e-12));
        assertThat(trace.joules(S, S)).isZero();
    }

    @Test
    void holdsEndValuesOutsideTheSamples() {
        // before 0 s the value is held at 1 W: [-1 s, 0 s] = 1 J
        assertThat(trace.joules(-S, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(trace.wattsAt(5 * S)).isEqualTo(1);
        assertThat(trace.wattsAt(S)).isEqualTo(3);
    }

    @Test
    void countsSamplesInClosedWindows() {
        assertThat(trace.countInside(0, 2 * S)).isEqualTo(3);
        assertThat(trace.countInside(1, 2 * S - 1)).isEqualTo(1);
        assertThat(trace.countInside(S, S)).isEqualTo(1);
        assertThat(trace.countInside(S + 1, 2 * S - 1)).isZero();
    }
}
