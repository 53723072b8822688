package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerTraceSumTest {

    @Test
    void unionOfTimesOverTheOverlapWithInterpolation() {
        // a: 1 W at 0, 3 W at 20 ns; b: 2 W at 10, 2 W at 30 ns. Overlap [10, 20]; union {10, 20}.
        // a(10) = 2 W (halfway), a(20) = 3 W; sum: 4 W at 10, 5 W at 20.
        PowerTrace a = PowerTrace.of(new long[] {0, 20}, new double[] {1, 3});
        PowerTrace b = PowerTrace.of(new long[] {10, 30}, new double[] {2, 2});
        assertThat(PowerTrace.sum(List.of(a, b))).isEqualTo(PowerTrace.of(new long[] {10, 20}, new double[] {4, 5}));
    }

    @Test
    void railsOfOneLogShareTimesAndAddSampleBySample() {
        PowerTrace cpuGpu = PowerTrace.of(new long[] {0, 5, 10}, new double[] {1.5, 2.25, 3});
        PowerTrace soc = PowerTrace.of(new long[] {0, 5, 10}, new double[] {0.5, 0.75, 1});
        PowerTrace cv = PowerTrace.of(new long[] {0, 5, 10}, new double[] {0, 0, 0.125});
        // 1.5 + 0.5 + 0 = 2, 2.25 + 0.75 + 0 = 3, 3 + 1 + 0.125 = 4.125.
        assertThat(PowerTrace.sum(List.of(cpuGpu, soc, cv)))
                .isEqualTo(PowerTrace.of(new long[] {0, 5, 10}, new double[] {2, 3, 4.125}));
    }

    @Test
    void interleavedTimesGiveEveryTimeInTheOverlap() {
        // a at 0, 10, 20, 30 (0, 10, 20, 30 W: P = t); b at 5, 15, 25 (constant 1 W). Overlap [5, 25].
        // Union {5, 10, 15, 20, 25}: a = 5, 10, 15, 20, 25 W; + 1 W.
        PowerTrace a = PowerTrace.of(new long[] {0, 10, 20, 30}, new double[] {0, 10, 20, 30});
        PowerTrace b = PowerTrace.of(new long[] {5, 15, 25}, new double[] {1, 1, 1});
        assertThat(PowerTrace.sum(List.of(a, b)))
                .isEqualTo(PowerTrace.of(new long[] {5, 10, 15, 20, 25}, new double[] {6, 11, 16, 21, 26}));
    }

    @Test
    void degenerateCasesGiveAnEmptyOrEqualTrace() {
        PowerTrace a = PowerTrace.of(new long[] {0, 10}, new double[] {1, 1});
        PowerTrace later = PowerTrace.of(new long[] {20, 30}, new double[] {1, 1});
        PowerTrace empty = PowerTrace.of(new long[0], new double[0]);
        assertThat(PowerTrace.sum(List.of()).isEmpty()).isTrue();
        assertThat(PowerTrace.sum(List.of(a, later)).isEmpty()).isTrue();
        assertThat(PowerTrace.sum(List.of(a, empty)).isEmpty()).isTrue();
        assertThat(PowerTrace.sum(List.of(a))).isEqualTo(a);
        // Overlap of one instant: a single sample.
        PowerTrace touching = PowerTrace.of(new long[] {10, 20}, new double[] {2, 2});
        assertThat(PowerTrace.sum(List.of(a, touching))).isEqualTo(PowerTrace.of(new long[] {10}, new double[] {3}));
    }

    @Test
    void aCommonGivenNominalIntervalIsKept() {
        PowerTrace a = PowerTrace.of(new long[] {0, 10}, new double[] {1, 1});
        PowerTrace b = PowerTrace.of(new long[] {0, 10}, new double[] {2, 2});
        assertThat(PowerTrace.sum(List.of(a.withNominalIntervalNanos(10), b.withNominalIntervalNanos(10)))
                        .isNominalIntervalEstimated())
                .isFalse();
        assertThat(PowerTrace.sum(List.of(a.withNominalIntervalNanos(10), b)).isNominalIntervalEstimated())
                .isTrue();
    }
}
