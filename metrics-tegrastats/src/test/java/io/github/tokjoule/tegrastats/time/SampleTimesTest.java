package io.github.tokjoule.tegrastats.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SampleTimesTest {

    private static final long S = 1_000_000_000L;
    /** Nominal 500 ms, period bounds [0.9, 1.25] × 0.5 s = [0.45, 0.625] s, no tolerance: exact arithmetic below. */
    private static final TimingOptions EXACT =
            TimingOptions.nominalIntervalMillis(500).withStampTolerance(Duration.ZERO);

    private static long[] seq(int n) {
        long[] q = new long[n];
        for (int i = 0; i < n; i++) {
            q[i] = i;
        }
        return q;
    }

    /**
     * Stamps 10, 10, 11 (seconds) at sequences 0, 1, 2. With t_i = x + i·T, x relative to second 10:
     * <ul>
     *   <li>s0: 0 <= x <= 1; s1: 0 <= x + T <= 1; s2: 1 <= x + 2T <= 2; T in [0.45, 0.625].
     *   <li>sample 0: x ranges over [0, 0.55] (x <= 1 - T, T >= 0.45): estimate 10.275 s, uncertainty 0.275 s.
     *   <li>sample 1: x + T >= max(T, 1 - T) >= 0.5 and x + T <= 1: [10.5, 11.0], estimate 10.75 ± 0.25.
     *   <li>sample 2: x + 2T >= 1 and x + 2T <= (1 - T) + 2T = 1 + T <= 1.625: [11.0, 11.625], 11.3125 ± 0.3125.
     * </ul>
     */
    @Test
    void threeStampsByHand() {
        SampleTimes t = SampleTimes.fromStamps(seq(3), new long[] {10, 10, 11}, ZoneOffset.UTC, EXACT);
        assertThat(t.method()).isEqualTo(SampleTimes.Method.STAMPS);
        assertThat(t.epochNanos(0)).isCloseTo(10_275_000_000L, within(2L));
        assertThat(t.uncertaintyNanos(0).orElseThrow()).isCloseTo(275_000_000L, within(2L));
        assertThat(t.epochNanos(1)).isCloseTo(10_750_000_000L, within(2L));
        assertThat(t.uncertaintyNanos(1).orElseThrow()).isCloseTo(250_000_000L, within(2L));
        assertThat(t.epochNanos(2)).isCloseTo(11_312_500_000L, within(2L));
        assertThat(t.uncertaintyNanos(2).orElseThrow()).isCloseTo(312_500_000L, within(2L));
        assertThat(t.maxUncertaintyNanos().orElseThrow()).isCloseTo(312_500_000L, within(2L));
        assertThat(t.segments()).hasSize(1);
        TimeSegment seg = t.segments().get(0);
        assertThat(seg.reason()).isEqualTo(RestartReason.FIRST);
        assertThat(seg.size()).isEqualTo(3);
        assertThat(seg.stampedSamples()).isEqualTo(3);
        assertThat(seg.minPeriodSeconds()).isCloseTo(0.45, within(1e-12));
        assertThat(seg.maxPeriodSeconds()).isCloseTo(0.625, within(1e-12));
        // 2 periods over 1 s of stamps
        assertThat(t.estimatedPeriodSeconds()).isEqualTo(0.5);
        assertThat(t.referencePeriodSeconds()).isEqualTo(0.5);
        assertThat(t.instant(0)).isEqualTo(Instant.ofEpochSecond(10, t.epochNanos(0) - 10 * S));
        assertThat(t.epochNanos()).hasSize(3);
        assertThat(t.zone()).hasValue(ZoneOffset.UTC);
        assertThat(t).hasToString("SampleTimes[STAMPS, 3 samples, 1 segments, period 0.5000 s]");
    }

    @Test
    void restartsAtABackwardStampAGapAndAnInconsistentStamp() {
        // 0..5: two per second; 6: backward; 7..8 continue; 9: a 30 s jump; 10..13: four in one second, which needs
        // 3T <= 1 s, impossible with T >= 0.45 s, so 13 starts a segment
        long[] stamps = {10, 10, 11, 11, 12, 12, 5, 5, 6, 36, 37, 37, 37, 37};
        SampleTimes t = SampleTimes.fromStamps(seq(stamps.length), stamps, ZoneOffset.UTC, EXACT);
        assertThat(t.segments())
                .extracting(TimeSegment::reason)
                .containsExactly(
                        RestartReason.FIRST,
                        RestartReason.STAMP_BACKWARD,
                        RestartReason.STAMP_GAP,
                        RestartReason.INCONSISTENT);
        assertThat(t.segments()).extracting(TimeSegment::firstIndex).containsExactly(0, 6, 9, 13);
        assertThat(t.segments()).extracting(TimeSegment::lastIndex).containsExactly(5, 8, 12, 13);
        assertThat(t.restarts(RestartReason.STAMP_GAP)).isEqualTo(1);
        assertThat(t.restarts(RestartReason.INCONSISTENT)).isEqualTo(1);
        // every estimate lies in its own second
        for (int i = 0; i < stamps.length; i++) {
            assertThat(t.epochNanos(i)).isBetween(stamps[i] * S, stamps[i] * S + S);
        }
        // the estimated period ignores the backward step and the 30 s jump: increments 0+1+0+1+0, 0+1, 1+0+0+0 = 4 s
        // over the 11 remaining periods
        assertThat(t.estimatedPeriodSeconds()).isCloseTo(4.0 / 11, within(1e-12));
    }

    @Test
    void unstampedSamplesArePlacedByTheirSegment() {
        long[] stamps = {-1, 10, -1, 11, 11, 12}; // -1: ignored, the sample is not stamped
        BitSet stamped = new BitSet();
        stamped.set(1);
        stamped.set(3, 6);
        SampleTimes t = SampleTimes.fromStamps(seq(6), stamps, stamped, ZoneOffset.UTC, EXACT);
        assertThat(t.segments()).hasSize(1);
        assertThat(t.segments().get(0).stampedSamples()).isEqualTo(4);
        for (int i = 1; i < 6; i++) {
            assertThat(t.epochNanos(i)).isGreaterThan(t.epochNanos(i - 1));
        }
        // sample 0 is one period (0.45–0.625 s) before sample 1, which lies in [10, 11)
        assertThat(t.epochNanos(1) - t.epochNanos(0)).isBetween(450_000_000L, 625_000_000L);
    }

    @Test
    void aMalformedLineKeepsItsPeriod() {
        // sequence 2 is missing (a malformed line): the stamps 10, 10, 11 are samples 0, 1, 3
        SampleTimes t = SampleTimes.fromStamps(new long[] {0, 1, 3}, new long[] {10, 10, 11}, ZoneOffset.UTC, EXACT);
        // x + 3T in [1, 2) and x + T < 1 with x >= 0: T >= 0.45 … the gap between samples 1 and 3 is two periods
        assertThat(t.epochNanos(2) - t.epochNanos(1)).isBetween(900_000_000L, 1_250_000_000L);
    }

    @Test
    void theZoneResolvesStampsAndDaylightSavingIsHandled() {
        // 2025-10-26 Europe/Berlin: 03:00 CEST -> 02:00 CET; one sample per second from 01:59:58 to 03:00:01
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime from = LocalDateTime.of(2025, 10, 26, 1, 59, 58);
        int n = 2 + 3600 + 3600 + 2;
        long[] local = new long[n];
        long[] expected = new long[n];
        long firstEpoch = from.atZone(berlin).toEpochSecond();
        for (int i = 0; i < n; i++) {
            expected[i] = firstEpoch + i;
            // the device prints its local clock: 02:00..02:59 twice
            local[i] = LocalDateTime.ofEpochSecond(expected[i], 0, ZoneOffset.UTC)
                    .plusSeconds(berlin.getRules()
                            .getOffset(Instant.ofEpochSecond(expected[i]))
                            .getTotalSeconds())
                    .toEpochSecond(ZoneOffset.UTC);
        }
        SampleTimes t = SampleTimes.fromStamps(seq(n), local, berlin, TimingOptions.nominalIntervalMillis(1000));
        assertThat(t.ambiguousLocalTimes()).isEqualTo(7200);
        assertThat(t.nonexistentLocalTimes()).isZero();
        assertThat(t.segments()).hasSize(1);
        for (int i = 0; i < n; i++) {
            assertThat(t.epochNanos(i)).isBetween(expected[i] * S - 1_000_000, expected[i] * S + S + 1_000_000);
        }
        // spring forward 2025-03-30: 02:30 does not exist in Berlin; the offset before (+01:00) gives 01:30Z
        long gap = LocalDateTime.of(2025, 3, 30, 2, 30).toEpochSecond(ZoneOffset.UTC);
        SampleTimes g = SampleTimes.fromStamps(new long[] {0}, new long[] {gap}, berlin, TimingOptions.estimated());
        assertThat(g.nonexistentLocalTimes()).isEqualTo(1);
        assertThat(g.epochNanos(0) / S)
                .isEqualTo(Instant.parse("2025-03-30T01:30:00Z").getEpochSecond());
        // a fixed offset
        SampleTimes fixed = SampleTimes.fromStamps(
                new long[] {0}, new long[] {gap}, ZoneOffset.ofHours(2), TimingOptions.estimated());
        assertThat(fixed.epochNanos(0) / S).isEqualTo(gap - 7200);
        // one stamp: the period is unknown, the reference falls back to 1 s; the time is the middle of its second
        assertThat(fixed.estimatedPeriodSeconds()).isNaN();
        assertThat(fixed.referencePeriodSeconds()).isEqualTo(1.0);
        assertThat(fixed.epochNanos(0) - (gap - 7200) * S).isEqualTo(S / 2);
    }

    @Test
    void anOverlapThatStartsTheLogTakesTheEarlierInstant() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        long local = LocalDateTime.of(2025, 10, 26, 2, 30).toEpochSecond(ZoneOffset.UTC);
        SampleTimes t = SampleTimes.fromStamps(new long[] {0}, new long[] {local}, berlin, TimingOptions.estimated());
        // 02:30 CEST (+02:00) = 00:30Z, the first occurrence
        assertThat(t.epochNanos(0) / S)
                .isEqualTo(Instant.parse("2025-10-26T00:30:00Z").getEpochSecond());
    }

    @Test
    void stampsWithinOneSecondBoundThePeriod() {
        SampleTimes t = SampleTimes.fromStamps(seq(2), new long[] {10, 10}, ZoneOffset.UTC, TimingOptions.estimated());
        // two samples in one second: at most 1 s per period over 2 samples seen, so the reference is 1 / 2 s
        assertThat(t.estimatedPeriodSeconds()).isEqualTo(0.5);
    }

    @Test
    void periodicTimes() {
        SampleTimes t = SampleTimes.periodic(
                new long[] {4, 5, 7}, Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMillis(522));
        assertThat(t.method()).isEqualTo(SampleTimes.Method.PERIODIC);
        long start = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() * S;
        assertThat(t.epochNanos()).containsExactly(start, start + 522_000_000L, start + 3 * 522_000_000L);
        assertThat(t.uncertaintyNanos(0)).isEqualTo(OptionalLong.empty());
        assertThat(t.maxUncertaintyNanos()).isEmpty();
        assertThat(t.segments()).isEmpty();
        assertThat(t.zone()).isEmpty();
        assertThat(t.referencePeriodSeconds()).isEqualTo(0.522);
        assertThatThrownBy(() -> t.uncertaintyNanos(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SampleTimes.periodic(new long[] {0}, Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be positive: PT0S");
        assertThatThrownBy(() -> SampleTimes.periodic(new long[] {0}, Instant.EPOCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidArguments() {
        assertThatThrownBy(() -> SampleTimes.fromStamps(new long[] {0, 0}, new long[] {1, 1}, ZoneOffset.UTC, EXACT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequences must be strictly increasing: sequences[1] = 0 after 0");
        assertThatThrownBy(() -> SampleTimes.fromStamps(new long[] {0}, new long[] {1, 1}, ZoneOffset.UTC, EXACT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequences and localEpochSeconds differ in length: 1 and 2");
        assertThatThrownBy(() ->
                        SampleTimes.fromStamps(new long[] {0}, new long[] {7}, new BitSet(), ZoneOffset.UTC, EXACT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no sample has a stamp; use SampleTimes.periodic");
        BitSet beyond = new BitSet();
        beyond.set(1);
        assertThatThrownBy(() -> SampleTimes.fromStamps(new long[] {0}, new long[] {7}, beyond, ZoneOffset.UTC, EXACT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stamped has bit 1 set, beyond the 1 samples");
        SampleTimes empty = SampleTimes.fromStamps(new long[0], new long[0], ZoneOffset.UTC, EXACT);
        assertThat(empty.size()).isZero();
        assertThat(empty.maxUncertaintyNanos()).isEmpty();
        assertThat(empty.estimatedPeriodSeconds()).isNaN();
    }

    @Test
    void timingOptions() {
        assertThat(TimingOptions.estimated().nominalIntervalNanos()).isZero();
        assertThat(TimingOptions.nominalIntervalMillis(500).nominalIntervalNanos())
                .isEqualTo(500_000_000L);
        assertThat(TimingOptions.estimated().withPeriodFactors(0.5, 2).maxPeriodFactor())
                .isEqualTo(2);
        assertThat(TimingOptions.estimated().stampToleranceNanos()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> TimingOptions.nominalIntervalMillis(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nominal interval must be positive: 0 ms");
        assertThatThrownBy(() -> new TimingOptions(-1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingOptions(0, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingOptions(0, Double.POSITIVE_INFINITY, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingOptions(0, 1, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPeriodFactor must be finite and >= minPeriodFactor (1.0): 0.5");
        assertThatThrownBy(() -> new TimingOptions(0, 1, Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingOptions(0, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void polygonClipping() {
        ConvexPolygon p = ConvexPolygon.box(0, 1, 0, 1);
        // keep 0 <= x + 0·y <= 0.5
        assertThat(p.clipStrip(0, 0, 0.5)).isTrue();
        assertThat(p.max(0)).isEqualTo(0.5);
        // an empty strip leaves the polygon unchanged
        assertThat(p.clipStrip(0, 2, 3)).isFalse();
        assertThat(p.clipStrip(0, -3, -2)).isFalse();
        assertThat(p.size()).isEqualTo(4);
        assertThat(p.centroid()).containsExactly(0.25, 0.5);
        // cut to the single point x + y = 0 at (0, 0): the centroid of a degenerate polygon is its vertex mean
        assertThat(p.clipStrip(1, -1, 0)).isTrue();
        assertThat(p.centroid()[0]).isCloseTo(0, within(1e-12));
        assertThat(p.minY()).isCloseTo(0, within(1e-12));
        assertThat(p.maxY()).isCloseTo(0, within(1e-12));
        // many clips grow the vertex arrays
        ConvexPolygon q = ConvexPolygon.box(-1, 1, -1, 1);
        for (int k = 0; k < 64; k++) {
            double a = 2 * Math.PI * k / 64;
            // keep cos(a)·x + sin(a)·y <= 0.9 as a strip in x + (sin/cos)·y, for cos > 0
            if (Math.cos(a) > 0.2) {
                double c = Math.cos(a);
                assertThat(q.clipStrip(Math.sin(a) / c, -10, 0.9 / c)).isTrue();
            }
        }
        assertThat(q.size()).isGreaterThan(8);
        assertThat(q.x(0)).isBetween(-1.0, 1.0);
        assertThat(q.y(0)).isBetween(-1.0, 1.0);
    }
}
