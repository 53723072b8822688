package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowCoverageTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    /** Samples at 0, 500, 1000, 1500, 4000, 4500 ms: 500-ms sampling with a 2.5-s gap (two lost samples…). */
    private static final PowerTrace TRACE = PowerTrace.of(
            new long[] {T0, T0 + 500 * MS, T0 + 1000 * MS, T0 + 1500 * MS, T0 + 4000 * MS, T0 + 4500 * MS},
            new double[] {5, 5, 5, 5, 5, 5});

    private static WindowCoverage coverage(long fromMillis, long toMillis) {
        return TRACE.coverage(TimeWindow.of(T0 + fromMillis * MS, T0 + toMillis * MS));
    }

    @Test
    void nominalIntervalIsTheMedianSpacingUnlessGiven() {
        // Spacings 500, 500, 500, 2500, 500 ms: median 500 ms.
        assertThat(TRACE.nominalIntervalNanos()).isEqualTo(500 * MS);
        assertThat(TRACE.isNominalIntervalEstimated()).isTrue();
        PowerTrace given = TRACE.withNominalIntervalNanos(522 * MS);
        assertThat(given.nominalIntervalNanos()).isEqualTo(522 * MS);
        assertThat(given.isNominalIntervalEstimated()).isFalse();
        WindowCoverage c = given.coverage(TimeWindow.of(T0, T0));
        assertThat(c.nominalIntervalNanos()).isEqualTo(522 * MS);
        assertThat(c.nominalIntervalEstimated()).isFalse();
        assertThatThrownBy(() -> TRACE.withNominalIntervalNanos(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nominalIntervalNanos must be positive: 0");
    }

    @Test
    void evenNumberOfSpacingsTakesTheMeanOfTheMiddleTwoRoundedDown() {
        // Spacings 1, 2, 4 ns and one of 10: sorted 1, 2, 4, 10 → (2 + 4)/2 = 3 ns; 1, 2 → (1 + 2)/2 = 1.5 → 1 ns.
        PowerTrace four = PowerTrace.of(new long[] {0, 1, 3, 7, 17}, new double[] {1, 1, 1, 1, 1});
        assertThat(four.nominalIntervalNanos()).isEqualTo(3);
        PowerTrace two = PowerTrace.of(new long[] {0, 1, 3}, new double[] {1, 1, 1});
        assertThat(two.nominalIntervalNanos()).isEqualTo(1);
        assertThat(PowerTrace.of(new long[] {5}, new double[] {1}).nominalIntervalNanos())
                .isZero();
    }

    @Test
    void largestGapCountsOnlySegmentsTheWindowTouches() {
        // [0, 1500] ms: four samples, spacings 500 ms each.
        assertThat(coverage(0, 1500)).isEqualTo(new WindowCoverage(4, 500 * MS, 500 * MS, true, 0, 0, false));
        // [1500, 4000]: the two samples at its edges, and the 2.5 s gap between them.
        assertThat(coverage(1500, 4000).largestGapNanos()).isEqualTo(2500 * MS);
        assertThat(coverage(1500, 4000).samplesInside()).isEqualTo(2);
        // [1400, 1500]: touches [1000, 1500] only; the gap after 1500 starts at its end and is not interpolated.
        assertThat(coverage(1400, 1500).largestGapNanos()).isEqualTo(500 * MS);
        // [2000, 3000]: between two samples, no sample inside, the gap around it.
        assertThat(coverage(2000, 3000)).isEqualTo(new WindowCoverage(0, 2500 * MS, 500 * MS, true, 0, 0, false));
        // Zero-length on a sample: nothing interpolated; between samples: the segment around it.
        assertThat(coverage(1500, 1500).largestGapNanos()).isZero();
        assertThat(coverage(1500, 1500).samplesInside()).isEqualTo(1);
        assertThat(coverage(2000, 2000).largestGapNanos()).isEqualTo(2500 * MS);
    }

    @Test
    void extrapolationIsReportedPerEnd() {
        // [−300, 200]: 300 ms before the first sample; touches [0, 500].
        assertThat(coverage(-300, 200)).isEqualTo(new WindowCoverage(1, 500 * MS, 500 * MS, true, 300 * MS, 0, false));
        // [4400, 5000]: 500 ms after the last sample.
        WindowCoverage after = coverage(4400, 5000);
        assertThat(after.endExtrapolatedNanos()).isEqualTo(500 * MS);
        assertThat(after.extrapolated()).isTrue();
        assertThat(after.extrapolatedNanos()).isEqualTo(500 * MS);
        assertThat(coverage(100, 200).extrapolated()).isFalse();
        // Wholly after: all 1 s of it lies after the last sample.
        WindowCoverage outside = coverage(5000, 6000);
        assertThat(outside).isEqualTo(new WindowCoverage(0, 0, 500 * MS, true, 0, 1000 * MS, true));
    }

    @Test
    void rejectsNegativeNumbersNamingTheField() {
        assertThatThrownBy(() -> new WindowCoverage(-1, 0, 0, true, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samplesInside must not be negative: -1");
        assertThatThrownBy(() -> new WindowCoverage(0, -2, 0, true, 0, 0, false))
                .hasMessage("largestGapNanos must not be negative: -2");
        assertThatThrownBy(() -> new WindowCoverage(0, 0, -3, true, 0, 0, false))
                .hasMessage("nominalIntervalNanos must not be negative: -3");
        assertThatThrownBy(() -> new WindowCoverage(0, 0, 0, true, -4, 0, false))
                .hasMessage("startExtrapolatedNanos must not be negative: -4");
        assertThatThrownBy(() -> new WindowCoverage(0, 0, 0, true, 0, -5, false))
                .hasMessage("endExtrapolatedNanos must not be negative: -5");
    }
}
