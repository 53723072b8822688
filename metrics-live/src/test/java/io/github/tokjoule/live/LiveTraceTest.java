package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveTraceTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_765_000_000L * S;

    private static LiveTrace power(int capacity, String... rails) {
        return LiveTrace.builder("test", List.of(rails))
                .capacity(capacity)
                .nominalIntervalNanos(S)
                .build();
    }

    @Test
    void energyOfHandComputedSamples() {
        LiveTrace trace = power(16, "A");
        trace.appendWatts(T0, new double[] {2});
        trace.appendWatts(T0 + S, new double[] {4});
        trace.appendWatts(T0 + 2 * S, new double[] {4});
        // (2+4)/2·1 + (4+4)/2·1 = 7 J
        assertThat(trace.energy("A", TimeWindow.of(T0, T0 + 2 * S)).joules()).isCloseTo(7.0, within(1e-12));
        // P(0.5 s) = 3 W, P(1.5 s) = 4 W: (3+4)/2·0.5 + (4+4)/2·0.5 = 3.75 J
        assertThat(trace.energy("A", TimeWindow.of(T0 + S / 2, T0 + 3 * S / 2)).joules())
                .isCloseTo(3.75, within(1e-12));
        // Held beyond the end: 1 s more at 4 W.
        WindowEnergy beyond = trace.energy("A", TimeWindow.of(T0, T0 + 3 * S));
        assertThat(beyond.joules()).isCloseTo(11.0, within(1e-12));
        assertThat(beyond.coverage().endExtrapolatedNanos()).isEqualTo(S);
        assertThat(beyond.coverage().samplesInside()).isEqualTo(3);
        assertThat(beyond.coverage().largestGapNanos()).isEqualTo(S);
        assertThat(beyond.coverage().nominalIntervalNanos()).isEqualTo(S);
        assertThat(trace.totalJoules(0)).isCloseTo(7.0, within(1e-12));
        assertThat(trace.latestWatts(0)).isEqualTo(4.0);
        WindowEnergy outside = trace.energy("A", TimeWindow.of(T0 + 5 * S, T0 + 6 * S));
        assertThat(outside.joules()).isNaN();
        assertThat(outside.coverage().outsideTrace()).isTrue();
    }

    @Test
    void emptyTraceHasNaNEnergyOutside() {
        LiveTrace trace = power(4, "A", "B");
        List<WindowEnergy> e = trace.energies(TimeWindow.of(T0, T0 + S));
        assertThat(e).hasSize(2).allSatisfy(w -> {
            assertThat(w.joules()).isNaN();
            assertThat(w.coverage().outsideTrace()).isTrue();
        });
        assertThat(trace.latestWatts(1)).isNaN();
        assertThat(trace.lastEpochNanos()).isEmpty();
        assertThat(trace.snapshot(0).isEmpty()).isTrue();
    }

    @Test
    void energyCounterIsDifferencedAndInterpolated() {
        LiveTrace trace = LiveTrace.builder("rapl", List.of("package-0"))
                .reading(LiveTrace.Reading.ENERGY_COUNTER)
                .capacity(16)
                .nominalIntervalNanos(S)
                .build();
        trace.appendJoules(T0, new double[] {100});
        assertThat(trace.size()).isZero(); // held until the second reading
        trace.appendJoules(T0 + S, new double[] {103});
        trace.appendJoules(T0 + 3 * S, new double[] {107});
        assertThat(trace.size()).isEqualTo(3);
        // C(0.5 s) = 1.5 J, C(2 s) = 3 + 2 = 5 J relative to the first reading: 3.5 J
        assertThat(trace.energy("package-0", TimeWindow.of(T0 + S / 2, T0 + 2 * S))
                        .joules())
                .isCloseTo(3.5, within(1e-12));
        assertThat(trace.totalJoules(0)).isCloseTo(7.0, within(1e-12));
        // Interval means: 3 W, 3 W (first sample takes the first interval's), 2 W.
        assertThat(trace.snapshot(0).watts()).containsExactly(3.0, 3.0, 2.0);
        assertThatThrownBy(() -> trace.appendJoules(T0 + 4 * S, new double[] {106}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("went back");
        assertThatThrownBy(() -> trace.appendWatts(T0 + 4 * S, new double[] {1}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadSamplesWithoutAppending() {
        LiveTrace trace = power(4, "A");
        trace.appendWatts(T0, new double[] {1});
        assertThatThrownBy(() -> trace.appendWatts(T0, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after");
        assertThatThrownBy(() -> trace.appendWatts(T0 + 1, new double[] {-1}))
                .hasMessageContaining("rail A")
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> trace.appendWatts(T0 + 1, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trace.appendWatts(T0 + 1, new double[] {1, 2}))
                .hasMessageContaining("2 values for 1 rails");
        assertThatThrownBy(() -> trace.appendJoules(T0 + 1, new double[] {1}))
                .isInstanceOf(IllegalStateException.class);
        assertThat(trace.size()).isEqualTo(1);
        assertThatThrownBy(() -> trace.railIndex("B")).hasMessageContaining("[A]");
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of("a", "a"))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of("a")).capacity(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of("a")).nominalIntervalNanos(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of("a")).placementUncertaintyNanos(-1))
                .isInstanceOf(IllegalArgumentException.class);
        // the lag D/2 ± U must stay within [0, D]
        assertThatThrownBy(() -> LiveTrace.builder("x", List.of("a"))
                        .sensorDelayNanos(100)
                        .placementUncertaintyNanos(51)
                        .build())
                .hasMessageContaining("exceeds half the sensor delay");
        assertThat(LiveTrace.builder("x", List.of("a"))
                        .sensorDelayNanos(100)
                        .placementUncertaintyNanos(50)
                        .build()
                        .placementUncertaintyNanos())
                .isEqualTo(50);
    }

    @Test
    void ringEvictsOldestAndRefusesWindowsBeforeIt() {
        LiveTrace trace = power(8, "A");
        for (int i = 0; i < 20; i++) {
            trace.appendWatts(T0 + i * S, new double[] {i});
        }
        // capacity 8 (and a guard of 1 more slot): the newest 8 samples (12..19) are readable.
        assertThat(trace.evicted()).isEqualTo(12);
        PowerTrace retained = trace.snapshot(0);
        assertThat(retained.epochNanosAt(0)).isEqualTo(T0 + 12 * S);
        assertThat(retained.size()).isEqualTo(8);
        // Linear power P = t: ∫ from 14 to 18 = (18² − 14²)/2 = 64 J
        assertThat(trace.energy("A", TimeWindow.of(T0 + 14 * S, T0 + 18 * S)).joules())
                .isCloseTo(64.0, within(1e-9));
        assertThatThrownBy(() -> trace.energy("A", TimeWindow.of(T0 + 11 * S, T0 + 18 * S)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raise the capacity");
        LiveTrace.Batch batch = trace.samplesFrom(0);
        assertThat(batch.skipped()).isEqualTo(12);
        assertThat(batch.firstIndex()).isEqualTo(12);
        assertThat(batch.size()).isEqualTo(8);
        assertThat(trace.samplesFrom(19).size()).isEqualTo(1);
        assertThat(trace.samplesFrom(25).size()).isZero();
    }

    @Test
    void spillKeepsEvictedSamples(@TempDir Path dir) throws Exception {
        Path spill = dir.resolve("a.spill");
        LiveTrace trace = LiveTrace.builder("hwmon", List.of("A", "B"))
                .capacity(4)
                .nominalIntervalNanos(S)
                .spillTo(spill)
                .build();
        for (int i = 0; i < 10; i++) {
            trace.appendWatts(T0 + i * S, new double[] {i, 2 * i});
        }
        trace.closeSpill();
        assertThat(trace.spillPath()).contains(spill);
        SpillFile.Contents contents = SpillFile.read(spill);
        assertThat(contents.source()).isEqualTo("hwmon");
        assertThat(contents.rails()).containsExactly("A", "B");
        // Capacity 4 and a guard of 1: a ring of 5 slots, so samples 0..4 were overwritten by 5..9.
        PowerTrace a = contents.traces().get(0);
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.epochNanos()).containsExactly(T0, T0 + S, T0 + 2 * S, T0 + 3 * S, T0 + 4 * S);
        assertThat(contents.traces().get(1).watts()).containsExactly(0, 2, 4, 6, 8);
    }

    @Test
    void bytesOfOneHourAt100HzOfThreeRailsFitIn64MB() {
        LiveTrace trace = power(360_000, "A", "B", "C");
        // a ring of 360,064 slots (guard 64): 360,064 × (8 + 3·16) + 2·524,288·8 = 20,163,584 + 8,388,608
        assertThat(trace.bytes()).isEqualTo(28_552_192L);
        assertThat(trace.capacity()).isEqualTo(360_000);
        assertThat(trace.reading()).isEqualTo(LiveTrace.Reading.POWER);
        assertThat(trace.toString()).contains("test").contains("0 samples");
    }
}
