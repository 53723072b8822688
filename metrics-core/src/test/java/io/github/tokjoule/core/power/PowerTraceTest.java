package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
