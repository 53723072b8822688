package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the join over random traces and random requests near them, each against a slow reference. */
class JoinPropertiesTest {

    private static final long T0 = 1_733_500_000_000_000_000L;

    /** 1 to 40 samples, 1 ms to 1 s apart, 0 to 50 W. */
    private static Gen<PowerTrace> traces() {
        Gen<List<Long>> gaps =
                lists().of(longs().between(1_000_000L, 1_000_000_000L)).ofSizeBetween(0, 39);
        Gen<List<Double>> watts = lists().of(doubles().between(0, 50)).ofSize(40);
        return gaps.zip(watts, (g, w) -> {
            long[] t = new long[g.size() + 1];
            double[] p = new double[t.length];
            t[0] = T0;
            p[0] = w.get(0);
            for (int i = 1; i < t.length; i++) {
                t[i] = t[i - 1] + g.get(i - 1);
                p[i] = w.get(i);
            }
            return PowerTrace.of(t, p);
        });
    }

    /** 0 to 12 requests as codes: start offset, TTFT, decode (ms, may fall outside the trace), tokens, failed. */
    private static Gen<List<int[]>> requestCodes() {
        Gen<int[]> one = integers()
                .between(-3_000, 40_000)
                .zip(
                        integers().between(0, 2_000),
                        integers().between(0, 6_000),
                        integers().between(-1, 500),
                        (a, b, c, d) -> new int[] {a, b, c, d});
        return lists().of(one).ofSizeBetween(0, 12);
    }

    private static List<RequestTimeline> requests(List<int[]> codes) {
        List<RequestTimeline> out = new ArrayList<>();
        for (int[] c : codes) {
            long start = T0 + c[0] * 1_000_000L;
            long ttft = c[1] * 1_000_000L;
            long decode = c[2] * 1_000_000L;
            if (c[3] == 0) {
                out.add(RequestTimeline.failed(start, start + ttft, 10));
            } else {
                double tokens = c[3] < 0 ? Double.NaN : c[3];
                out.add(RequestTimeline.succeeded(
                        start, start + ttft, start + ttft + decode, c[3] < 0 ? 7 : 2.0 * c[3] + 1, tokens));
            }
        }
        return out;
    }

    /** The reason by the definitions of {@link ExclusionReason}, written from the javadoc. */
    private static ExclusionReason expectedReason(PowerTrace trace, RequestTimeline r) {
        if (!r.succeeded()) {
            return ExclusionReason.FAILED;
        }
        if (Double.isNaN(r.inputTokens()) || Double.isNaN(r.outputTokens())) {
            return ExclusionReason.TOKENS_UNKNOWN;
        }
        long first = trace.epochNanosAt(0);
        long last = trace.epochNanosAt(trace.size() - 1);
        boolean anyInside = false;
        for (long t = r.startEpochNanos(); t <= r.endEpochNanos(); t += 1_000_000L) {
            anyInside |= t >= first && t <= last;
        }
        anyInside |= r.endEpochNanos() >= first && r.endEpochNanos() <= last;
        anyInside |= r.startEpochNanos() <= first && r.endEpochNanos() >= last;
        if (!anyInside) {
            return ExclusionReason.OUTSIDE_TRACE;
        }
        if (r.startEpochNanos() < first || r.endEpochNanos() > last) {
            return ExclusionReason.PARTLY_OUTSIDE_TRACE;
        }
        return null;
    }

    @Test
    void everyRequestIsAttributedOrExcludedOnceForTheRightReason() {
        qt().forAll(traces(), requestCodes()).checkAssert((trace, codes) -> {
            List<RequestTimeline> requests = requests(codes);
            CellAttribution a = EnergyEstimators.perRequest().attribute(trace, requests);
            int[] seen = new int[requests.size()];
            for (AttributedRequest r : a.requests()) {
                seen[r.index()]++;
                assertThat(r.timeline()).isSameAs(requests.get(r.index()));
                assertThat(expectedReason(trace, r.timeline())).isNull();
            }
            for (Exclusion e : a.excluded()) {
                seen[e.index()]++;
                assertThat(e.reason()).isEqualTo(expectedReason(trace, e.timeline()));
            }
            for (int n : seen) {
                assertThat(n).isEqualTo(1);
            }
        });
    }

    @Test
    void phasesAddUpToTheRequestAndRequestsToTheCell() {
        qt().forAll(traces(), requestCodes()).checkAssert((trace, codes) -> {
            CellAttribution a = EnergyEstimators.perRequest().attribute(trace, requests(codes));
            double prefill = 0;
            double decode = 0;
            double total = 0;
            double out = 0;
            for (AttributedRequest r : a.requests()) {
                double tol = 1e-9 * Math.max(1, r.total().joules());
                assertThat(r.prefill().joules() + r.decode().joules())
                        .isCloseTo(r.total().joules(), within(tol));
                prefill += r.prefill().joules();
                decode += r.decode().joules();
                total += r.total().joules();
                out += r.timeline().outputTokens();
            }
            if (a.requests().isEmpty()) {
                assertThat(a.cell().total().joules()).isNaN();
                return;
            }
            assertThat(a.cell().prefill().joules()).isCloseTo(prefill, within(1e-9 * Math.max(1, prefill)));
            assertThat(a.cell().decode().joules()).isCloseTo(decode, within(1e-9 * Math.max(1, decode)));
            assertThat(a.cell().total().joules()).isCloseTo(total, within(1e-9 * Math.max(1, total)));
            if (total > 0) {
                assertThat(a.cell().outputTokensPerJoule().tokensPerJoule())
                        .isCloseTo(out / total, within(1e-9 * Math.max(1, out / total)));
            }
        });
    }

    @Test
    void coverageCountsEqualACountOfTheSamples() {
        qt().forAll(traces(), requestCodes()).checkAssert((trace, codes) -> {
            CellAttribution a = EnergyEstimators.perRequest().attribute(trace, requests(codes));
            for (AttributedRequest r : a.requests()) {
                for (Phase phase : Phase.values()) {
                    var w = r.timeline().window(phase);
                    int inside = 0;
                    for (int i = 0; i < trace.size(); i++) {
                        long t = trace.epochNanosAt(i);
                        inside += t >= w.startEpochNanos() && t <= w.endEpochNanos() ? 1 : 0;
                    }
                    assertThat(r.phase(phase).coverage().samplesInside()).isEqualTo(inside);
                    assertThat(r.phase(phase).coverage().extrapolated()).isFalse();
                }
            }
        });
    }
}
