package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestEnergiesTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    /** P(t) = 2t W for t = 0..10 s, sampled every 500 ms. */
    private static final PowerTrace RAMP = ramp();

    private static PowerTrace ramp() {
        PowerTrace.Builder b = PowerTrace.builder();
        for (int i = 0; i <= 20; i++) {
            b.add(T0 + i * S / 2, i); // at i/2 s: 2 × i/2 = i W
        }
        return b.build();
    }

    @Test
    void splitsARequestIntoPrefillAndDecode() {
        // Request 1 s → first token 2 s → end 4 s; ∫2t dt = t²: prefill 4 − 1 = 3 J, decode 16 − 4 = 12 J,
        // total 16 − 1 = 15 J.
        RequestEnergy e = RequestEnergies.measure(RAMP, RequestTimes.of(T0 + S, T0 + 2 * S, T0 + 4 * S));
        assertThat(e.prefillJoules()).isEqualTo(3.0);
        assertThat(e.decodeJoules()).isEqualTo(12.0);
        assertThat(e.totalJoules()).isEqualTo(15.0);
        // Samples every 500 ms: [1, 2] s holds 3, [2, 4] s holds 5, [1, 4] s holds 7.
        assertThat(e.prefillCoverage().samplesInside()).isEqualTo(3);
        assertThat(e.decodeCoverage().samplesInside()).isEqualTo(5);
        assertThat(e.totalCoverage().samplesInside()).isEqualTo(7);
    }

    @Test
    void shortPrefillBetweenTwoSamplesIsIntegratedAndShowsNoSampleInside() {
        // Prefill [1.1, 1.3] s: 1.69 − 1.21 = 0.48 J, between the samples at 1.0 and 1.5 s.
        RequestEnergy e =
                RequestEnergies.measure(RAMP, RequestTimes.ofLatencies(T0 + 11 * S / 10, 200_000_000L, 2_900_000_000L));
        assertThat(e.prefillJoules()).isCloseTo(0.48, within(1e-12));
        assertThat(e.prefillCoverage().samplesInside()).isZero();
        assertThat(e.prefillCoverage().largestGapNanos()).isEqualTo(S / 2);
        // Decode [1.3, 4.0]: 16 − 1.69 = 14.31 J; total [1.1, 4.0]: 16 − 1.21 = 14.79 J.
        assertThat(e.decodeJoules()).isCloseTo(14.31, within(1e-12));
        assertThat(e.totalJoules()).isCloseTo(14.79, within(1e-12));
    }

    @Test
    void manyRequestsKeepTheirOrderAndEqualOneByOne() {
        List<RequestTimes> requests = List.of(
                RequestTimes.of(T0 + 6 * S, T0 + 7 * S, T0 + 9 * S),
                RequestTimes.of(T0 + S, T0 + 2 * S, T0 + 4 * S),
                RequestTimes.of(T0 - 3 * S, T0 - 2 * S, T0 - S), // before the trace: the time-zone mistake
                RequestTimes.of(T0 + 9 * S, T0 + 10 * S, T0 + 12 * S)); // runs past the trace's end
        List<RequestEnergy> energies = RequestEnergies.measure(RAMP, requests);
        assertThat(energies).hasSize(4);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(energies.get(i)).isEqualTo(RequestEnergies.measure(RAMP, requests.get(i)));
        }
        // [6, 7, 9] s: prefill 49 − 36 = 13 J, decode 81 − 49 = 32 J.
        assertThat(energies.get(0).prefillJoules()).isEqualTo(13.0);
        assertThat(energies.get(0).decodeJoules()).isEqualTo(32.0);
        assertThat(energies.get(2).totalJoules()).isNaN();
        assertThat(energies.get(2).totalCoverage().outsideTrace()).isTrue();
        // [9, 10, 12] s: prefill 100 − 81 = 19 J; decode holds 20 W for 2 s after the last sample: 40 J.
        assertThat(energies.get(3).prefillJoules()).isEqualTo(19.0);
        assertThat(energies.get(3).decodeJoules()).isEqualTo(40.0);
        assertThat(energies.get(3).decodeCoverage().endExtrapolatedNanos()).isEqualTo(2 * S);
        assertThat(RequestEnergies.measure(RAMP, List.of())).isEmpty();
    }

    @Test
    void requestTimesAreValidated() {
        assertThatThrownBy(() -> RequestTimes.of(10, 9, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstTokenEpochNanos (9) is before startEpochNanos (10)");
        assertThatThrownBy(() -> RequestTimes.of(10, 15, 14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endEpochNanos (14) is before firstTokenEpochNanos (15)");
        assertThatThrownBy(() -> RequestTimes.of(Long.MIN_VALUE, 0, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than Long.MAX_VALUE");
        assertThatThrownBy(() -> RequestTimes.ofLatencies(0, -1, 5))
                .hasMessage("timeToFirstTokenNanos must not be negative: -1");
        assertThatThrownBy(() -> RequestTimes.ofLatencies(0, 6, 5))
                .hasMessage("requestLatencyNanos (5) is below timeToFirstTokenNanos (6)");
    }

    @Test
    void requestTimesAccessors() {
        Instant start = Instant.parse("2026-01-02T03:04:05.000000100Z");
        RequestTimes r = RequestTimes.of(start, start.plusMillis(40), start.plusMillis(1000));
        assertThat(r.timeToFirstTokenNanos()).isEqualTo(40_000_000L);
        assertThat(r.requestLatencyNanos()).isEqualTo(1_000_000_000L);
        assertThat(r.prefillWindow()).isEqualTo(TimeWindow.of(start, start.plusMillis(40)));
        assertThat(r.decodeWindow()).isEqualTo(TimeWindow.of(start.plusMillis(40), start.plusMillis(1000)));
        assertThat(r.totalWindow().durationNanos()).isEqualTo(1_000_000_000L);
        assertThat(RequestTimes.ofLatencies(r.startEpochNanos(), 40_000_000L, 1_000_000_000L))
                .isEqualTo(r);
    }
}
