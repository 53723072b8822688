package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import org.junit.jupiter.api.Test;

/** {@link TruthCellSpec#withRequestClockOffsetNanos}: the requests' clock moves, the power and the truth do not. */
class TruthCellClockOffsetTest {

    private static final long MS = 1_000_000L;

    @Test
    void anOffsetCellHandsOverTheTrueTimesPlusTheOffsetAndKeepsItsTruth() {
        TruthCellSpec spec = TruthCellSpec.random(42, 200, 1000);
        assertThat(spec.requestClockOffsetNanos()).isZero();
        assertThat(spec.withRequestClockOffsetNanos(0)).isEqualTo(spec);
        TruthCell exact = TruthCell.simulate(spec);
        TruthCell late = TruthCell.simulate(spec.withRequestClockOffsetNanos(15 * MS));
        assertThat(late.spec().requestClockOffsetNanos()).isEqualTo(15 * MS);
        assertSameTrace(late.trace(), exact.trace());
        assertThat(late.trueRequests()).isEqualTo(exact.requests());
        for (int i = 0; i < spec.requests(); i++) {
            RequestTimeline t = exact.requests().get(i);
            RequestTimeline r = late.requests().get(i);
            assertThat(r.startEpochNanos()).isEqualTo(t.startEpochNanos() + 15 * MS);
            assertThat(r.firstTokenEpochNanos()).isEqualTo(t.firstTokenEpochNanos() + 15 * MS);
            assertThat(r.endEpochNanos()).isEqualTo(t.endEpochNanos() + 15 * MS);
            assertThat(r.outputTokens()).isEqualTo(t.outputTokens());
            for (Phase p : Phase.values()) {
                assertThat(late.trueJoules(i, p)).isEqualTo(exact.trueJoules(i, p));
            }
        }
        assertThat(late.pooledSamples(Phase.PREFILL)).isEqualTo(exact.pooledSamples(Phase.PREFILL));
        // the same cell without simulating again
        TruthCell moved = exact.withRequestClockOffsetNanos(15 * MS);
        assertThat(moved.requests()).isEqualTo(late.requests());
        assertThat(moved.spec()).isEqualTo(late.spec());
        assertThat(moved.withRequestClockOffsetNanos(0).requests()).isEqualTo(exact.requests());
    }

    @Test
    void theOldConstructorHasNoOffset() {
        TruthCellSpec flat = new TruthCellSpec(7, 5, 100, 1000, 515, 3, 4, 0, 5, 5, 5, 0, 0, 0, 0.03, 3, 25, false, 0);
        assertThat(flat.requestClockOffsetNanos()).isZero();
        assertThat(flat.withPhaseLocked()
                        .withRequests(3)
                        .withRequestClockOffsetNanos(-7)
                        .requestClockOffsetNanos())
                .isEqualTo(-7);
        assertThat(flat.withRequestClockOffsetNanos(-7).withPhaseLocked().requestClockOffsetNanos())
                .isEqualTo(-7);
    }

    @Test
    void everyOffsetMovesEveryRequestAndNoTruth() {
        qt().withExamples(20)
                .forAll(longs().between(0, 1_000_000), integers().between(-50, 50))
                .checkAssert((seed, offsetMs) -> {
                    TruthCell exact = TruthCell.simulate(TruthCellSpec.random(seed, 100, 500));
                    TruthCell moved = exact.withRequestClockOffsetNanos(offsetMs * MS);
                    assertThat(moved.trueCellJoules(Phase.TOTAL)).isEqualTo(exact.trueCellJoules(Phase.TOTAL));
                    assertThat(moved.trace()).isSameAs(exact.trace());
                    for (int i = 0; i < exact.requests().size(); i++) {
                        assertThat(moved.requests().get(i).durationNanos(Phase.PREFILL))
                                .isEqualTo(exact.requests().get(i).durationNanos(Phase.PREFILL));
                        assertThat(moved.requests().get(i).startEpochNanos()
                                        - exact.requests().get(i).startEpochNanos())
                                .isEqualTo(offsetMs * MS);
                    }
                });
    }

    private static void assertSameTrace(PowerTrace a, PowerTrace b) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int k = 0; k < a.size(); k++) {
            assertThat(a.epochNanosAt(k)).isEqualTo(b.epochNanosAt(k));
            assertThat(a.wattsAt(k)).isEqualTo(b.wattsAt(k));
        }
    }
}
