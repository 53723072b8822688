package io.github.tokjoule.core.power;

import static io.github.tokjoule.core.power.TraceGenerators.at;
import static io.github.tokjoule.core.power.TraceGenerators.positions;
import static io.github.tokjoule.core.power.TraceGenerators.tolerance;
import static io.github.tokjoule.core.power.TraceGenerators.traces;
import static io.github.tokjoule.core.power.TraceGenerators.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of window energy (issue 4, DESIGN §10), each over random traces and windows. */
class PowerTracePropertiesTest {

    private static final double RELATIVE = 1e-11;

    @Test
    void equalsTheSlowReferenceIntegrator() {
        qt().forAll(traces(40), positions(), positions()).checkAssert((trace, a, b) -> {
            TimeWindow w = window(at(trace, a), at(trace, b));
            double expected = ReferenceIntegrator.energyJoules(
                    trace.epochNanos(), trace.watts(), w.startEpochNanos(), w.endEpochNanos());
            double actual = trace.energy(w).joules();
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(tolerance(trace, w, RELATIVE)));
            }
        });
    }

    @Test
    void constantPowerGivesPowerTimesDuration() {
        qt().forAll(traces(30), doubles().between(0, 100), positions(), positions())
                .checkAssert((shape, watts, a, b) -> {
                    double[] constant = new double[shape.size()];
                    Arrays.fill(constant, watts);
                    PowerTrace trace = PowerTrace.of(shape.epochNanos(), constant);
                    TimeWindow w = window(at(trace, a), at(trace, b));
                    double e = trace.energy(w).joules();
                    if (trace.coverage(w).outsideTrace()) {
                        assertThat(e).isNaN();
                    } else {
                        // Held edges included: P·Δt over the whole window.
                        assertThat(e).isCloseTo(watts * w.durationSeconds(), within(tolerance(trace, w, RELATIVE)));
                        assertThat(trace.power(w).watts()).isCloseTo(watts, within(1e-12 * Math.max(1, watts)));
                    }
                });
    }

    @Test
    void linearInPower() {
        qt().forAll(
                        traces(30),
                        traces(30),
                        doubles().between(0, 10),
                        positions().zip(positions(), (a, b) -> new int[] {a, b}))
                .checkAssert((x, other, k, ab) -> {
                    // y shares x's times with other powers; E(k·x + y) = k·E(x) + E(y).
                    double[] yWatts = new double[x.size()];
                    double[] combined = new double[x.size()];
                    for (int i = 0; i < x.size(); i++) {
                        yWatts[i] = other.wattsAt(i % other.size());
                        combined[i] = k * x.wattsAt(i) + yWatts[i];
                    }
                    PowerTrace y = PowerTrace.of(x.epochNanos(), yWatts);
                    PowerTrace sum = PowerTrace.of(x.epochNanos(), combined);
                    TimeWindow w = window(at(x, ab[0]), at(x, ab[1]));
                    if (x.coverage(w).outsideTrace()) {
                        return;
                    }
                    double expected = k * x.energy(w).joules() + y.energy(w).joules();
                    assertThat(sum.energy(w).joules())
                            .isCloseTo(expected, within(tolerance(sum, w, RELATIVE) * 10 + 1e-12));
                });
    }

    @Test
    void adjacentWindowsAddUp() {
        qt().forAll(traces(40), positions(), positions(), positions()).checkAssert((trace, a, b, c) -> {
            long[] edges = {at(trace, a), at(trace, b), at(trace, c)};
            Arrays.sort(edges);
            // The middle edge inside the trace, so that no part is wholly outside.
            long first = trace.epochNanosAt(0);
            long last = trace.epochNanosAt(trace.size() - 1);
            long middle = Math.max(first, Math.min(last, edges[1]));
            long from = Math.min(edges[0], middle);
            long to = Math.max(edges[2], middle);
            TimeWindow whole = TimeWindow.of(from, to);
            double parts = trace.energy(TimeWindow.of(from, middle)).joules()
                    + trace.energy(TimeWindow.of(middle, to)).joules();
            assertThat(parts).isCloseTo(trace.energy(whole).joules(), within(tolerance(trace, whole, RELATIVE)));
        });
    }

    @Test
    void boundedByTheSmallestAndLargestPowerItInterpolates() {
        qt().forAll(traces(40), positions(), positions()).checkAssert((trace, a, b) -> {
            long first = trace.epochNanosAt(0);
            long last = trace.epochNanosAt(trace.size() - 1);
            TimeWindow w = window(clamp(at(trace, a), first, last), clamp(at(trace, b), first, last));
            // Samples from the last at or before the start to the first at or after the end, by linear scan.
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int i = 0; i < trace.size(); i++) {
                boolean afterStart = i + 1 == trace.size() || trace.epochNanosAt(i + 1) > w.startEpochNanos();
                boolean beforeEnd = i == 0 || trace.epochNanosAt(i - 1) < w.endEpochNanos();
                if (afterStart && beforeEnd) {
                    min = Math.min(min, trace.wattsAt(i));
                    max = Math.max(max, trace.wattsAt(i));
                }
            }
            double e = trace.energy(w).joules();
            double slack = tolerance(trace, w, RELATIVE);
            assertThat(e).isBetween(min * w.durationSeconds() - slack, max * w.durationSeconds() + slack);
        });
    }

    /** Bit-for-bit comparison, NaN included. */
    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static long clamp(long t, long lo, long hi) {
        return Math.max(lo, Math.min(hi, t));
    }

    @Test
    void growingAWindowNeverLosesEnergy() {
        qt().forAll(traces(40), positions(), positions(), positions()).checkAssert((trace, a, b, c) -> {
            long[] edges = {at(trace, a), at(trace, b), at(trace, c)};
            Arrays.sort(edges);
            TimeWindow inner = TimeWindow.of(edges[0], edges[1]);
            TimeWindow outer = TimeWindow.of(edges[0], edges[2]);
            if (trace.coverage(inner).outsideTrace()) {
                return;
            }
            assertThat(trace.energy(outer).joules())
                    .isGreaterThanOrEqualTo(trace.energy(inner).joules() - tolerance(trace, outer, RELATIVE));
        });
    }

    @Test
    void shiftingTraceAndWindowTogetherChangesNoBit() {
        qt().forAll(
                        traces(40),
                        longs().between(-100_000_000_000_000_000L, 100_000_000_000_000_000L),
                        positions(),
                        positions())
                .checkAssert((trace, shift, a, b) -> {
                    long[] t = trace.epochNanos();
                    for (int i = 0; i < t.length; i++) {
                        t[i] += shift;
                    }
                    PowerTrace shifted = PowerTrace.of(t, trace.watts());
                    TimeWindow w = window(at(trace, a), at(trace, b));
                    TimeWindow ws = TimeWindow.of(w.startEpochNanos() + shift, w.endEpochNanos() + shift);
                    assertThat(shifted.energy(ws)).isEqualTo(trace.energy(w));
                    for (PowerStatistic statistic : PowerStatistic.values()) {
                        assertThat(shifted.power(ws, statistic)).isEqualTo(trace.power(w, statistic));
                    }
                });
    }

    @Test
    void batchEqualsOneByOne() {
        qt().forAll(traces(40), lists().of(positions()).ofSizeBetween(0, 40)).checkAssert((trace, codes) -> {
            List<TimeWindow> windows = new ArrayList<>();
            for (int i = 0; i + 1 < codes.size(); i += 2) {
                windows.add(window(at(trace, codes.get(i)), at(trace, codes.get(i + 1))));
            }
            List<WindowEnergy> energies = trace.energies(windows);
            List<TimeWindow> covered = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                WindowEnergy single = trace.energy(windows.get(i));
                assertThat(energies.get(i)).isEqualTo(single);
                if (!single.coverage().extrapolated() && !single.coverage().outsideTrace()) {
                    covered.add(windows.get(i));
                    assertThat(bits(trace.energyJoules(windows.get(i)))).isEqualTo(bits(single.joules()));
                } else {
                    TimeWindow w = windows.get(i);
                    assertThatThrownBy(() -> trace.energyJoules(w)).isInstanceOf(IllegalArgumentException.class);
                }
            }
            double[] batch = trace.energiesJoules(covered);
            for (int i = 0; i < covered.size(); i++) {
                assertThat(bits(batch[i])).isEqualTo(bits(trace.energyJoules(covered.get(i))));
            }
        });
    }

    @Test
    void coverageMatchesItsDefinitionByLinearScan() {
        qt().forAll(traces(40), positions(), positions()).checkAssert((trace, a, b) -> {
            TimeWindow w = window(at(trace, a), at(trace, b));
            long s = w.startEpochNanos();
            long e = w.endEpochNanos();
            int inside = 0;
            long gap = 0;
            for (int i = 0; i < trace.size(); i++) {
                long t = trace.epochNanosAt(i);
                if (s <= t && t <= e) {
                    inside++;
                }
                if (i + 1 < trace.size() && t < e && trace.epochNanosAt(i + 1) > s) {
                    gap = Math.max(gap, trace.epochNanosAt(i + 1) - t);
                }
            }
            long first = trace.epochNanosAt(0);
            long last = trace.epochNanosAt(trace.size() - 1);
            WindowCoverage c = trace.coverage(w);
            assertThat(c.samplesInside()).isEqualTo(inside);
            assertThat(c.largestGapNanos()).isEqualTo(gap);
            assertThat(c.outsideTrace()).isEqualTo(e < first || s > last);
            // Length of the part of [s, e] before first / after last.
            assertThat(c.startExtrapolatedNanos()).isEqualTo(Math.max(0, Math.min(e, first) - s));
            assertThat(c.endExtrapolatedNanos()).isEqualTo(Math.max(0, e - Math.max(s, last)));
        });
    }

    @Test
    void energyOfASumIsTheSumOfEnergiesOverTheOverlap() {
        qt().forAll(traces(25), traces(25), positions(), positions()).checkAssert((x, y0, a, b) -> {
            // Put y on x's time range with its own, interleaved times.
            long offset = x.epochNanosAt(0) - y0.epochNanosAt(0) + 1;
            long[] yt = y0.epochNanos();
            for (int i = 0; i < yt.length; i++) {
                yt[i] += offset;
            }
            PowerTrace y = PowerTrace.of(yt, y0.watts());
            PowerTrace sum = PowerTrace.sum(List.of(x, y));
            if (sum.isEmpty()) {
                return;
            }
            long from = sum.epochNanosAt(0);
            long to = sum.epochNanosAt(sum.size() - 1);
            TimeWindow w = window(clamp(at(x, a), from, to), clamp(at(x, b), from, to));
            double expected = x.energy(w).joules() + y.energy(w).joules();
            double slack = tolerance(x, w, RELATIVE) + tolerance(y, w, RELATIVE);
            assertThat(sum.energy(w).joules()).isCloseTo(expected, within(slack));
        });
    }

    @Test
    void gallopingSearchFindsTheLowerBound() {
        qt().forAll(traces(40), positions(), positions()).checkAssert((trace, a, b) -> {
            long[] t = trace.epochNanos();
            long x = at(trace, a);
            int expected = SortedTimes.lowerBound(t, x);
            int from = Math.min(expected, Math.floorMod(b, t.length + 1));
            assertThat(SortedTimes.lowerBoundFrom(t, x, from)).isEqualTo(expected);
        });
    }

    @Test
    void indexSortIsAStableSortByKey() {
        qt().forAll(lists().of(longs().between(-5, 5)).ofSizeBetween(0, 70)).checkAssert(keyList -> {
            long[] keys = keyList.stream().mapToLong(Long::longValue).toArray();
            int[] identity = java.util.stream.IntStream.range(0, keys.length).toArray();
            int[] expected = java.util.stream.IntStream.range(0, keys.length)
                    .boxed()
                    .sorted(java.util.Comparator.comparingLong(i -> keys[i])) // stable on an ordered stream
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(SortedTimes.sortIndices(identity, keys)).containsExactly(expected);
        });
    }
}
