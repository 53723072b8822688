package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RailSummary} and the join helpers of {@link LiveLog.Contents}, by hand and against core's trace. */
class RailSummaryTest {

    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static PowerTrace trace(long nominal, long[] millis, double[] watts) {
        PowerTrace.Builder b = PowerTrace.builder();
        for (int i = 0; i < millis.length; i++) {
            b.add(T0 + millis[i] * MS, watts[i]);
        }
        return b.build().withNominalIntervalNanos(nominal);
    }

    @Test
    void powerRailByHand() {
        // spacings 10, 10, 30, 10 ms at a nominal 10 ms: one gap (30 > 2 x 10), three within +-2 ms
        RailSummary s = RailSummary.of(
                "hwmon/VDD_IN",
                LiveLog.POWER,
                trace(10 * MS, new long[] {0, 10, 20, 50, 60}, new double[] {1, 2, 3, 4, 5}));
        // trapezoids: (1+2)/2*0.01 + (2+3)/2*0.01 + (3+4)/2*0.03 + (4+5)/2*0.01 = 0.015+0.025+0.105+0.045 = 0.19 J
        assertThat(s.joules()).isCloseTo(0.19, within(1e-12));
        assertThat(s.spanSeconds()).isCloseTo(0.06, within(1e-12));
        assertThat(s.meanWatts()).isCloseTo(0.19 / 0.06, within(1e-12));
        assertThat(s.minWatts()).isEqualTo(1.0);
        assertThat(s.peakWatts()).isEqualTo(5.0);
        assertThat(s.samples()).isEqualTo(5);
        assertThat(s.gaps()).isEqualTo(1);
        assertThat(s.largestSpacingNanos()).isEqualTo(30 * MS);
        assertThat(s.coverage()).isCloseTo(30.0 / 60.0, within(1e-12)); // 10+10+10 of 60 ms not in gaps
        assertThat(s.spacingP50Nanos()).isEqualTo(10.0 * MS);
        assertThat(s.withinTwoMillis()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void energyCounterRailCountsTheMeanPowerOfEachIntervalOnce() {
        // the watts of a counter row are the mean of the interval ending at it: 5 W over [0, 1 s], 7 W over [1, 3 s]
        RailSummary s = RailSummary.of(
                "rapl/package-0",
                LiveLog.ENERGY_COUNTER,
                trace(1000 * MS, new long[] {0, 1000, 3000}, new double[] {0, 5, 7}));
        assertThat(s.joules()).isCloseTo(5 * 1 + 7 * 2, within(1e-12)); // 19 J, the counter's own count
        assertThat(s.meanWatts()).isCloseTo(19.0 / 3, within(1e-12));
        assertThat(s.gaps()).isZero(); // 2 s is not longer than twice 1 s
    }

    @Test
    void degenerateRails() {
        RailSummary none =
                RailSummary.of("a/b", LiveLog.POWER, PowerTrace.builder().build());
        assertThat(none.samples()).isZero();
        assertThat(none.joules()).isNaN();
        assertThat(none.coverage()).isNaN();
        RailSummary one = RailSummary.of("a/b", LiveLog.POWER, trace(MS, new long[] {0}, new double[] {3}));
        assertThat(one.joules()).isZero();
        assertThat(one.meanWatts()).isNaN();
        assertThat(one.spacingP50Nanos()).isNaN();
        assertThat(one.peakWatts()).isEqualTo(3.0);
    }

    @Test
    void joinTraceStampsACountersMeanPowerAtTheMiddleOfItsInterval() {
        Map<String, PowerTrace> traces = new LinkedHashMap<>();
        traces.put("rapl/package-0", trace(1000 * MS, new long[] {0, 1000, 3000}, new double[] {0, 5, 7}));
        traces.put("hwmon/VDD_IN", trace(10 * MS, new long[] {0, 10}, new double[] {1, 2}));
        LiveLog.Contents c = new LiveLog.Contents(
                traces, Map.of("rapl/package-0", LiveLog.ENERGY_COUNTER, "hwmon/VDD_IN", LiveLog.POWER), List.of());
        PowerTrace counter = c.joinTrace("rapl/package-0");
        assertThat(counter.epochNanos()).containsExactly(T0 + 500 * MS, T0 + 2000 * MS);
        assertThat(counter.watts()).containsExactly(5.0, 7.0);
        assertThat(counter.nominalIntervalNanos()).isEqualTo(1000 * MS);
        assertThat(c.joinTrace("hwmon/VDD_IN")).isSameAs(traces.get("hwmon/VDD_IN"));
    }

    @Test
    void railsAreFoundByKeyOrUniqueNameAndAMissOrAmbiguityNamesTheRails() {
        Map<String, PowerTrace> traces = new LinkedHashMap<>();
        PowerTrace t = trace(10 * MS, new long[] {0, 10}, new double[] {1, 2});
        traces.put("hwmon/VDD_IN", t);
        traces.put("tegrastats/VDD_IN", t);
        traces.put("hwmon/VDD_SOC", t);
        LiveLog.Contents c = new LiveLog.Contents(traces, Map.of(), List.of());
        assertThat(c.railKey("VDD_SOC")).isEqualTo("hwmon/VDD_SOC");
        assertThat(c.railKey("tegrastats/VDD_IN")).isEqualTo("tegrastats/VDD_IN");
        assertThatThrownBy(() -> c.railKey("VDD_IN"))
                .hasMessageContaining("several sources (hwmon/VDD_IN, tegrastats/VDD_IN)");
        assertThatThrownBy(() -> c.railKey("VDD_NOPE"))
                .hasMessageContaining("no rail VDD_NOPE")
                .hasMessageContaining("hwmon/VDD_IN, tegrastats/VDD_IN, hwmon/VDD_SOC");
    }

    @Test
    void aPowerRailsEnergyIsCoresIntegralOverTheSpanAndTheFiguresKeepTheirBounds() {
        qt().withExamples(300)
                .forAll(integers().between(2, 300), longs().between(0, Long.MAX_VALUE))
                .checkAssert((count, seed) -> {
                    Random random = new Random(seed);
                    long nominal = (1 + random.nextInt(500)) * MS;
                    PowerTrace.Builder b = PowerTrace.builder();
                    long t = T0;
                    for (int i = 0; i < count; i++) {
                        t += 1 + (long) (random.nextDouble() * 3 * nominal);
                        b.add(t, random.nextDouble() * 60);
                    }
                    PowerTrace trace = b.build().withNominalIntervalNanos(nominal);
                    RailSummary s = RailSummary.of("x/y", LiveLog.POWER, trace);
                    double reference = trace.energyJoules(trace.span().orElseThrow());
                    assertThat(s.joules()).isCloseTo(reference, within(1e-9 * (1 + reference)));
                    assertThat(s.meanWatts()).isBetween(s.minWatts() - 1e-9, s.peakWatts() + 1e-9);
                    assertThat(s.coverage()).isBetween(0.0, 1.0);
                    assertThat(s.withinTwoMillis()).isBetween(0.0, 1.0);
                    assertThat(s.gaps()).isLessThan(count);
                    assertThat((double) s.largestSpacingNanos()).isGreaterThanOrEqualTo(s.spacingP99Nanos() - 1e-6);
                });
    }
}
