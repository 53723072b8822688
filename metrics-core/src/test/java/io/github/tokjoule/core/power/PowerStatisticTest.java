package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerStatisticTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    /** Samples at 0, 1, 1.5, 3 s of 2, 2, 10, 2 W. */
    private static final PowerTrace TRACE =
            PowerTrace.of(new long[] {T0, T0 + S, T0 + 3 * S / 2, T0 + 3 * S}, new double[] {2, 2, 10, 2});

    private static TimeWindow window(long fromNanos, long toNanos) {
        return TimeWindow.of(T0 + fromNanos, T0 + toNanos);
    }

    @Test
    void theThreeStatisticsDifferOnUnevenSampling() {
        TimeWindow all = window(0, 3 * S);
        // Energy: (2+2)/2 × 1 + (2+10)/2 × 0.5 + (10+2)/2 × 1.5 = 2 + 3 + 9 = 14 J over 3 s = 4.666… W.
        WindowPower twm = TRACE.power(all);
        assertThat(twm.statistic()).isEqualTo(PowerStatistic.TIME_WEIGHTED_MEAN);
        assertThat(twm.watts()).isCloseTo(14.0 / 3, within(1e-12));
        // Sample mean: (2 + 2 + 10 + 2) / 4 = 4 W.
        assertThat(TRACE.power(all, PowerStatistic.SAMPLE_MEAN).watts()).isEqualTo(4.0);
        // Sample median of {2, 2, 2, 10}: (2 + 2) / 2 = 2 W.
        assertThat(TRACE.power(all, PowerStatistic.SAMPLE_MEDIAN).watts()).isEqualTo(2.0);
        assertThat(TRACE.power(all, PowerStatistic.SAMPLE_MEDIAN).coverage().samplesInside())
                .isEqualTo(4);
    }

    @Test
    void sampleStatisticsIncludeBothEdges() {
        // [1 s, 1.5 s] holds the samples at 1 s (2 W) and 1.5 s (10 W): mean 6, median (2 + 10)/2 = 6.
        TimeWindow w = window(S, 3 * S / 2);
        assertThat(TRACE.power(w, PowerStatistic.SAMPLE_MEAN).watts()).isEqualTo(6.0);
        assertThat(TRACE.power(w, PowerStatistic.SAMPLE_MEDIAN).watts()).isEqualTo(6.0);
        // [1 s, 3 s] holds 2, 10, 2: median 2, the middle value.
        assertThat(TRACE.power(window(S, 3 * S), PowerStatistic.SAMPLE_MEDIAN).watts())
                .isEqualTo(2.0);
    }

    @Test
    void sampleStatisticsAreNaNWithoutSamplesButTheTimeWeightedMeanIsNot() {
        // [0.25 s, 0.75 s] lies between the samples at 0 and 1 s (both 2 W).
        TimeWindow between = window(S / 4, 3 * S / 4);
        assertThat(TRACE.power(between, PowerStatistic.SAMPLE_MEAN).watts()).isNaN();
        assertThat(TRACE.power(between, PowerStatistic.SAMPLE_MEDIAN).watts()).isNaN();
        assertThat(TRACE.power(between).watts()).isEqualTo(2.0);
        assertThat(TRACE.power(between).coverage().largestGapNanos()).isEqualTo(S);
    }

    @Test
    void zeroLengthWindowGivesTheInstantaneousPower() {
        // At 1.25 s, halfway from 2 W (1 s) to 10 W (1.5 s): 6 W. On the sample at 1.5 s: 10 W.
        assertThat(TRACE.power(window(5 * S / 4, 5 * S / 4)).watts()).isEqualTo(6.0);
        assertThat(TRACE.power(window(3 * S / 2, 3 * S / 2)).watts()).isEqualTo(10.0);
        assertThat(TRACE.power(window(3 * S / 2, 3 * S / 2), PowerStatistic.SAMPLE_MEDIAN)
                        .watts())
                .isEqualTo(10.0);
    }

    @Test
    void outsideTheTraceEveryStatisticIsNaN() {
        TimeWindow before = window(-5 * S, -4 * S);
        for (PowerStatistic statistic : PowerStatistic.values()) {
            WindowPower p = TRACE.power(before, statistic);
            assertThat(p.watts()).as("%s", statistic).isNaN();
            assertThat(p.coverage().outsideTrace()).isTrue();
        }
        assertThat(TRACE.power(window(-5 * S, -5 * S)).watts()).isNaN();
        PowerTrace empty = PowerTrace.of(new long[0], new double[0]);
        for (PowerStatistic statistic : PowerStatistic.values()) {
            assertThat(empty.power(window(0, S), statistic).watts()).isNaN();
        }
    }

    @Test
    void timeWeightedMeanIncludesHeldPowerBeyondTheTrace() {
        // [−1 s, 1 s]: 2 W held for 1 s + 2 W over [0, 1] = 4 J over 2 s = 2 W; the samples inside average 2 W.
        WindowPower p = TRACE.power(window(-S, S));
        assertThat(p.watts()).isEqualTo(2.0);
        assertThat(p.coverage().startExtrapolatedNanos()).isEqualTo(S);
    }
}
