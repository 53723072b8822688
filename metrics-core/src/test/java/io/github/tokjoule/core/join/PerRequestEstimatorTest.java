package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-request estimator on a five-sample trace, every value computed by hand (trapezoids between the samples,
 * linear interpolation at the window edges).
 */
class PerRequestEstimatorTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_733_500_000L * S;

    /** 10, 20, 20, 10, 10 W at 0, 1, 2, 3, 4 s. */
    private static final PowerTrace TRACE = PowerTrace.of(
            new long[] {T0, T0 + S, T0 + 2 * S, T0 + 3 * S, T0 + 4 * S}, new double[] {10, 20, 20, 10, 10});

    /** Prefill 0.5–1.5 s, decode 1.5–3.5 s; 100 tokens in, 50 out. */
    private static final RequestTimeline A =
            RequestTimeline.succeeded(T0 + S / 2, T0 + 3 * S / 2, T0 + 7 * S / 2, 100, 50);

    @Test
    void integratesEachPhaseOverItsOwnWindow() {
        CellAttribution a = EnergyEstimators.perRequest().attribute(TRACE, List.of(A));

        assertThat(a.estimator()).isEqualTo("PER_REQUEST");
        assertThat(a.excluded()).isEmpty();
        AttributedRequest r = a.requests().get(0);
        // prefill: (15 + 20) / 2 · 0.5 + 20 · 0.5 = 8.75 + 10 = 18.75 J (15 W interpolated at 0.5 s)
        assertThat(r.prefill().joules()).isCloseTo(18.75, within(1e-12));
        // decode: 20 · 0.5 + (20 + 10) / 2 · 1 + 10 · 0.5 = 10 + 15 + 5 = 30 J
        assertThat(r.decode().joules()).isCloseTo(30, within(1e-12));
        assertThat(r.total().joules()).isCloseTo(48.75, within(1e-12));
        assertThat(r.prefill().coverage().samplesInside()).isEqualTo(1); // the sample at 1 s
        assertThat(r.decode().coverage().samplesInside()).isEqualTo(2); // 2 s and 3 s
        assertThat(r.total().coverage().samplesInside()).isEqualTo(3);
        assertThat(r.outputTokensPerJoule().tokensPerJoule()).isCloseTo(50 / 48.75, within(1e-12));
        // The interval comes from the pooled estimator: the prefill window holds one reading (20 W at 1 s), too few
        // to resolve, so pooled = 20 W · 1 s = 20 J within the readings around the request, [10, 20] W · 1 s; half
        // width |18.75 − 20| + max(20 − 10, 20 − 20) = 11.25 J.
        assertThat(r.prefill().energy().ci95LowJoules()).isCloseTo(7.5, within(1e-12));
        assertThat(r.prefill().energy().ci95HighJoules()).isCloseTo(30, within(1e-12));
    }

    @Test
    void cellFiguresAreRatiosOfSums() {
        // B: 1.0–1.2 s prefill, 1.2–2.0 s decode, 10 in, 5 out.
        // prefill: 20 · 0.2 = 4 J; decode: 20 · 0.8 = 16 J.
        RequestTimeline b = RequestTimeline.succeeded(T0 + S, T0 + S + S / 5, T0 + 2 * S, 10, 5);
        CellEnergy cell =
                EnergyEstimators.perRequest().attribute(TRACE, List.of(A, b)).cell();

        assertThat(cell.requests()).isEqualTo(2);
        assertThat(cell.prefill().joules()).isCloseTo(22.75, within(1e-12));
        assertThat(cell.decode().joules()).isCloseTo(46, within(1e-12));
        assertThat(cell.total().joules()).isCloseTo(68.75, within(1e-12));
        assertThat(cell.outputTokensPerJoule().tokensPerJoule()).isCloseTo(55 / 68.75, within(1e-12));
        assertThat(cell.prefillTokensPerJoule().tokensPerJoule()).isCloseTo(110 / 22.75, within(1e-12));
        assertThat(cell.decodeTokensPerJoule().tokensPerJoule()).isCloseTo(55 / 46.0, within(1e-12));
        assertThat(cell.totalTokensPerJoule().tokensPerJoule()).isCloseTo(165 / 68.75, within(1e-12));
        assertThat(cell.joulesPerRequest(Phase.TOTAL).joules()).isCloseTo(34.375, within(1e-12));
        // prefill: 22.75 J over 1.0 + 0.2 s; decode: 46 J over 2.0 + 0.8 s
        assertThat(cell.meanWatts(Phase.PREFILL)).isCloseTo(22.75 / 1.2, within(1e-12));
        assertThat(cell.meanWatts(Phase.DECODE)).isCloseTo(46 / 2.8, within(1e-12));
        assertThat(cell.meanWatts(Phase.TOTAL)).isCloseTo(68.75 / 4.0, within(1e-12));
    }

    @Test
    void excludesWithTheFirstReasonThatApplies() {
        List<RequestTimeline> requests = List.of(
                RequestTimeline.failed(T0 + S, T0 + 2 * S, 10), // failed, although inside
                RequestTimeline.succeeded(T0 + S, T0 + S, T0 + 2 * S, Double.NaN, 5),
                RequestTimeline.succeeded(T0 + 10 * S, T0 + 11 * S, T0 + 12 * S, 1, 1), // after the trace
                RequestTimeline.succeeded(T0 - S, T0, T0 + S, 1, 1), // starts 1 s before the first sample
                A);

        CellAttribution a = EnergyEstimators.perRequest().attribute(TRACE, requests);

        assertThat(a.excluded())
                .extracting(Exclusion::index, Exclusion::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, ExclusionReason.FAILED),
                        org.assertj.core.groups.Tuple.tuple(1, ExclusionReason.TOKENS_UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(2, ExclusionReason.OUTSIDE_TRACE),
                        org.assertj.core.groups.Tuple.tuple(3, ExclusionReason.PARTLY_OUTSIDE_TRACE));
        assertThat(a.requests()).extracting(AttributedRequest::index).containsExactly(4);
        assertThat(a.requestCount()).isEqualTo(5);
        assertThat(a.excludedCount(ExclusionReason.OUTSIDE_TRACE)).isEqualTo(1);
        assertThat(a.cell().total().joules()).isCloseTo(48.75, within(1e-12));
    }

    @Test
    void anEmptyTraceAttributesNothing() {
        CellAttribution a =
                EnergyEstimators.perRequest().attribute(PowerTrace.builder().build(), List.of(A));

        assertThat(a.requests()).isEmpty();
        assertThat(a.excluded()).extracting(Exclusion::reason).containsExactly(ExclusionReason.OUTSIDE_TRACE);
        assertThat(a.cell().total().joules()).isNaN();
        assertThat(a.cell().outputTokensPerJoule().tokensPerJoule()).isNaN();
        assertThat(a.cell().joulesPerRequest(Phase.TOTAL).joules()).isNaN();
        assertThat(a.cell().meanWatts(Phase.TOTAL)).isNaN();
        assertThat(a.minSamplesInside(Phase.PREFILL)).isZero();
    }
}
