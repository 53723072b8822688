package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class PowerTimelineTest {

    private static final long S = 1_000_000_000L;

    /** 2 W on [0, 1 s), 5 W on [1 s, 3 s), 1 W on [3 s, 4 s]. */
    private static PowerTimeline steps() {
        PowerTimeline.Builder b = new PowerTimeline.Builder(0);
        b.append(S, 2);
        b.append(3 * S, 5);
        b.append(4 * S, 1);
        return b.build();
    }

    @Test
    void integratesRectanglesExactly() {
        PowerTimeline t = steps();
        // [0.5 s, 2 s]: 0.5 s · 2 W + 1 s · 5 W = 6 J
        assertThat(t.joules(S / 2, 2 * S)).isCloseTo(6.0, within(1e-12));
        // whole domain: 2 + 10 + 1 = 13 J
        assertThat(t.joules(0, 4 * S)).isCloseTo(13.0, within(1e-12));
        // clipped outside the domain: [-1 s, 5 s] is the same 13 J
        assertThat(t.joules(-S, 5 * S)).isCloseTo(13.0, within(1e-12));
        assertThat(t.joules(2 * S, 2 * S)).isZero();
        assertThat(t.joules(5 * S, 6 * S)).isZero();
    }

    @Test
    void evaluatesLevels() {
        PowerTimeline t = steps();
        assertThat(t.wattsAt(0)).isEqualTo(2);
        assertThat(t.wattsAt(S - 1)).isEqualTo(2);
        assertThat(t.wattsAt(S)).isEqualTo(5);
        assertThat(t.wattsAt(4 * S)).isEqualTo(1);
        assertThat(t.wattsAt(-1)).isZero();
        assertThat(t.wattsAt(4 * S + 1)).isZero();
        assertThat(t.segments()).isEqualTo(3);
        assertThat(t.startEpochNanos()).isZero();
        assertThat(t.endEpochNanos()).isEqualTo(4 * S);
    }

    @Test
    void mergesEqualLevelsAndSkipsEmptySegments() {
        PowerTimeline.Builder b = new PowerTimeline.Builder(0);
        b.append(S, 3);
        b.append(S, 9); // empty: skipped
        b.append(2 * S, 3); // same level: merged
        assertThat(b.build().segments()).isEqualTo(1);
        assertThatThrownBy(() -> new PowerTimeline.Builder(0).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        PowerTimeline.Builder b = new PowerTimeline.Builder(0);
        for (int i = 1; i <= 1000; i++) {
            b.append(i * 1000L, i % 2); // alternating 1 W and 0 W for 1 µs each
        }
        PowerTimeline t = b.build();
        assertThat(t.segments()).isEqualTo(1000);
        // 500 segments of 1 W × 1 µs = 5e-4 J
        assertThat(t.joules(0, 1_000_000)).isCloseTo(5e-4, within(1e-15));
    }

    @Test
    void adjacentWindowsAddUp() {
        PowerTimeline t = steps();
        qt().forAll(longs().between(0, 4 * S), longs().between(0, 4 * S), longs().between(0, 4 * S))
                .checkAssert((a, b, c) -> {
                    long[] x = {a, b, c};
                    java.util.Arrays.sort(x);
                    assertThat(t.joules(x[0], x[1]) + t.joules(x[1], x[2]))
                            .isCloseTo(t.joules(x[0], x[2]), within(1e-9));
                    // bounds: min level · Δt <= E <= max level · Δt
                    double dt = (x[2] - x[0]) / 1e9;
                    assertThat(t.joules(x[0], x[2])).isBetween(1 * dt - 1e-12, 5 * dt + 1e-12);
                });
    }
}
