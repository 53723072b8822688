package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PowerTraceTest {

    @Test
    void keepsSamplesAndCopiesArrays() {
        long[] t = {10, 20, 30};
        double[] w = {1.5, 2.5, 0.0};
        PowerTrace trace = PowerTrace.of(t, w);
        t[0] = 99;
        w[0] = 99;
        assertThat(trace.size()).isEqualTo(3);
        assertThat(trace.epochNanosAt(0)).isEqualTo(10);
        assertThat(trace.wattsAt(0)).isEqualTo(1.5);
        trace.watts()[1] = 7;
        assertThat(trace.wattsAt(1)).isEqualTo(2.5);
        assertThat(trace.epochNanos()).containsExactly(10, 20, 30);
        assertThat(trace.toString()).isEqualTo("PowerTrace[3 samples, 10 .. 30 ns]");
    }

    @Test
    void emptyTraceIsAllowed() {
        PowerTrace empty = PowerTrace.of(new long[0], new double[0]);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toString()).isEqualTo("PowerTrace[0 samples]");
    }

    @Test
    void rejectsDuplicateTimeNamingTheIndex() {
        assertThatThrownBy(() -> PowerTrace.of(new long[] {1, 2, 2}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochNanos[2] = 2 is not after epochNanos[1] = 2 (duplicate)");
    }

    @Test
    void rejectsUnsortedTimes() {
        assertThatThrownBy(() -> PowerTrace.of(new long[] {5, 3}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochNanos[1] = 3 is not after epochNanos[0] = 5 (unsorted)");
    }

    @Test
    void rejectsNaNNegativeAndInfinitePower() {
        assertThatThrownBy(() -> PowerTrace.of(new long[] {1, 2}, new double[] {1, Double.NaN}))
                .hasMessage("watts[1] = NaN is not a finite, non-negative power");
        assertThatThrownBy(() -> PowerTrace.of(new long[] {1}, new double[] {-0.5}))
                .hasMessage("watts[0] = -0.5 is not a finite, non-negative power");
        assertThatThrownBy(() -> PowerTrace.of(new long[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessage("watts[0] = Infinity is not a finite, non-negative power");
    }

    @Test
    void rejectsLengthMismatch() {
        assertThatThrownBy(() -> PowerTrace.of(new long[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochNanos and watts differ in length: 2 times, 1 power values");
    }

    @Test
    void equalityIsBySamples() {
        PowerTrace a = PowerTrace.of(new long[] {1, 2}, new double[] {3, 4});
        PowerTrace b = PowerTrace.of(new long[] {1, 2}, new double[] {3, 4});
        PowerTrace c = PowerTrace.of(new long[] {1, 2}, new double[] {3, 5});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void rejectsASpanLongerThanALongOfNanoseconds() {
        // −1 − Long.MIN_VALUE = Long.MAX_VALUE fits; Long.MAX_VALUE − Long.MIN_VALUE = 2^64 − 1 does not.
        assertThatThrownBy(() -> PowerTrace.of(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochNanos[2] = " + Long.MAX_VALUE
                        + " is more than Long.MAX_VALUE ns after epochNanos[0] = " + Long.MIN_VALUE);
    }

    @Test
    void builderValidatesEachSampleAsItComes() {
        PowerTrace.Builder b = PowerTrace.builder();
        for (int i = 0; i < 40; i++) { // beyond the initial capacity
            b.add(1000L + i, i);
        }
        assertThat(b.size()).isEqualTo(40);
        assertThatThrownBy(() -> b.add(1039L, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochNanos[40] = 1039 is not after epochNanos[39] = 1039 (duplicate)");
        assertThatThrownBy(() -> b.add(2000L, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watts[40] = -1.0 is not a finite, non-negative power");
        assertThat(b.size()).isEqualTo(40);
        PowerTrace trace = b.add(2000L, 7).build();
        assertThat(trace.size()).isEqualTo(41);
        assertThat(trace.wattsAt(40)).isEqualTo(7);
        assertThat(trace.epochNanosAt(39)).isEqualTo(1039L);
    }

    @Test
    void fromPairsOfIterablesAndStreams() {
        List<PowerSample> samples = List.of(PowerSample.of(10, 1.5), PowerSample.of(20, 2.5));
        PowerTrace expected = PowerTrace.of(new long[] {10, 20}, new double[] {1.5, 2.5});
        assertThat(PowerTrace.fromPairs(samples)).isEqualTo(expected);
        assertThat(PowerTrace.fromPairs(samples.stream())).isEqualTo(expected);
        assertThatThrownBy(() -> PowerTrace.fromPairs(Stream.of(PowerSample.of(10, 1), PowerSample.of(5, 1))))
                .hasMessage("epochNanos[1] = 5 is not after epochNanos[0] = 10 (unsorted)");
        assertThatThrownBy(() -> PowerSample.of(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watts = NaN is not a finite, non-negative power");
        assertThatThrownBy(() -> PowerSample.of(1, Double.NEGATIVE_INFINITY))
                .hasMessage("watts = -Infinity is not a finite, non-negative power");
    }

    @Test
    void spanAndSlice() {
        PowerTrace trace = PowerTrace.of(new long[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4});
        assertThat(trace.span()).contains(TimeWindow.of(10, 40));
        // Samples with 20 <= t <= 30, no interpolation at 15 or 35.
        assertThat(trace.slice(TimeWindow.of(15, 30)))
                .isEqualTo(PowerTrace.of(new long[] {20, 30}, new double[] {2, 3}));
        assertThat(trace.slice(TimeWindow.of(20, 35)))
                .isEqualTo(PowerTrace.of(new long[] {20, 30}, new double[] {2, 3}));
        assertThat(trace.slice(TimeWindow.of(21, 29)).isEmpty()).isTrue();
        PowerTrace given = trace.withNominalIntervalNanos(10);
        assertThat(given.slice(TimeWindow.of(0, 100))).isEqualTo(given);
        assertThat(given.slice(TimeWindow.of(0, 1)).nominalIntervalNanos()).isEqualTo(10);
    }

    @Test
    void equalityIncludesAGivenNominalInterval() {
        PowerTrace a = PowerTrace.of(new long[] {1, 2}, new double[] {3, 4});
        assertThat(a.withNominalIntervalNanos(5)).isNotEqualTo(a);
        assertThat(a.withNominalIntervalNanos(5))
                .isEqualTo(a.withNominalIntervalNanos(5))
                .hasSameHashCodeAs(a.withNominalIntervalNanos(5));
        assertThat(a).isNotEqualTo("a string");
    }
}
