package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.join.EnergyEstimators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoardJoinTest {

    private static final JoinSettings SETTINGS = JoinSettings.defaults();

    @Test
    void rampEnergiesAreTheClosedFormIntegrals() {
        Collecting out = Collecting.run("a", SETTINGS, Ramp.board("a", 0, 60));

        assertThat(out.cells).singleElement().satisfies(c -> {
            assertThat(c.attributed()).isEqualTo(29); // starts 1, 3, …, 57 s
            assertThat(c.excluded()).isZero();
            double prefill = 0;
            double decode = 0;
            for (int s = 1; s <= 57; s += 2) {
                prefill += Ramp.trueJoules(s, s + 0.3);
                decode += Ramp.trueJoules(s + 0.3, s + 1.5);
            }
            assertThat(c.prefillJoules()).isCloseTo(prefill, within(1e-9 * prefill));
            assertThat(c.decodeJoules()).isCloseTo(decode, within(1e-9 * decode));
            assertThat(c.totalJoules()).isCloseTo(Ramp.trueTotalJoules(60, 60), within(1e-9 * prefill));
            assertThat(c.energy().outputTokensPerJoule().tokensPerJoule())
                    .isCloseTo(29 * 50 / Ramp.trueTotalJoules(60, 60), within(1e-9));
            assertThat(c.estimator()).isEqualTo(EnergyEstimators.perRequest().name());
            assertThat(c.rail()).isEqualTo("VDD_CPU_GPU_CV");
        });
        assertThat(out.summary().samples()).isEqualTo(601);
        assertThat(out.summary().lateSamples()).isZero();
        assertThat(out.silences()).isEmpty();
    }

    @Test
    void samplesShuffledWithinTheBoundGiveTheSameCells() {
        List<BoardEvent> inOrder = Ramp.board("a", 0, 60);
        CellFigures expected = Collecting.run("a", SETTINGS, inOrder).cells.get(0);
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            // shuffle within blocks of 40 samples (4 s): no sample moves by more than the 5 s bound
            List<BoardEvent> shuffled = new ArrayList<>(Ramp.requests("a", 0, 60));
            List<BoardEvent> samples = Ramp.samples("a", 0, 60);
            Random random = new Random(seed);
            for (int from = 0; from < samples.size(); from += 40) {
                List<BoardEvent> block = new ArrayList<>(samples.subList(from, Math.min(from + 40, samples.size())));
                Collections.shuffle(block, random);
                shuffled.addAll(block);
            }
            Collecting out = Collecting.run("a", SETTINGS, shuffled);
            assertThat(out.cells).containsExactly(expected);
            assertThat(out.summary().lateSamples()).isZero();
        });
    }

    @Test
    void aSampleBehindTheWatermarkIsCountedAndDropped() {
        List<BoardEvent> events = Ramp.board("a", 0, 60);
        int requests = Ramp.requests("a", 0, 60).size();
        BoardEvent tenSeconds = events.remove(requests + 100);
        events.add(requests + 200, tenSeconds); // arrives after the 20 s sample: 10 s behind, bound 5 s

        Collecting out = Collecting.run("a", SETTINGS, events);

        assertThat(out.summary().lateSamples()).isEqualTo(1);
        assertThat(out.summary().samples()).isEqualTo(600);
        CellFigures inOrder =
                Collecting.run("a", SETTINGS, Ramp.board("a", 0, 60)).cells.get(0);
        assertThat(out.cells.get(0).samples()).isEqualTo(inOrder.samples() - 1);
        // on a ramp the line across the missing sample is the ramp itself: the energies stay exact
        assertThat(out.cells.get(0).totalJoules()).isCloseTo(inOrder.totalJoules(), within(1e-9));
    }

    @Test
    void aRepeatedSampleIsCountedAndDropped() {
        List<BoardEvent> events = Ramp.board("a", 0, 60);
        events.add(events.size() - 30, events.get(events.size() - 40)); // the 56 s sample again, within the bound

        Collecting out = Collecting.run("a", SETTINGS, events);

        assertThat(out.summary().duplicateSamples()).isEqualTo(1);
        assertThat(out.cells).containsExactlyElementsOf(Collecting.run("a", SETTINGS, Ramp.board("a", 0, 60)).cells);
    }

    @Test
    void aBoardThatFallsSilentIsReportedAndItsUnansweredRequestsExcluded() {
        List<BoardEvent> events = new ArrayList<>(Ramp.requests("a", 0, 60));
        events.addAll(Ramp.samples("a", 0, 30));

        Collecting out = Collecting.run("a", SETTINGS, events);

        CellFigures c = out.cells.get(0);
        assertThat(c.attributed()).isEqualTo(14); // starts 1 … 27 s end by 28.5 s
        assertThat(c.partlyOutsideTrace()).isEqualTo(1); // 29 – 30.5 s
        assertThat(c.outsideTrace()).isEqualTo(14); // 31 … 57 s
        assertThat(c.totalJoules()).isCloseTo(Ramp.trueTotalJoules(60, 30), within(1e-9));
        assertThat(out.silences()).singleElement().satisfies(s -> {
            assertThat(s.fromEpochNanos()).isEqualTo(30 * Ramp.SECOND);
            assertThat(s.toEpochNanos()).isEqualTo(Long.MAX_VALUE);
            assertThat(s.lateRequests()).isEqualTo(15);
            assertThat(s.silentSeconds()).isInfinite();
        });
    }

    @Test
    void aGapLongerThanTheSilenceThresholdUnderRequestsIsReported() {
        List<BoardEvent> events = new ArrayList<>(Ramp.requests("a", 0, 120));
        for (BoardEvent s : Ramp.samples("a", 0, 120)) {
            if (s.epochNanos() <= 20 * Ramp.SECOND || s.epochNanos() >= 90 * Ramp.SECOND) {
                events.add(s);
            }
        }

        Collecting out = Collecting.run("a", SETTINGS, events);

        assertThat(out.silences()).singleElement().satisfies(s -> {
            assertThat(s.fromEpochNanos()).isEqualTo(20 * Ramp.SECOND);
            assertThat(s.toEpochNanos()).isEqualTo(90 * Ramp.SECOND);
            assertThat(s.silentSeconds()).isEqualTo(70.0);
            assertThat(s.lateRequests()).isEqualTo(36); // starts 19, 21, …, 89 s overlap (20 s, 90 s)
        });
        // bridged by the straight line between the samples around the gap, as PowerTrace does: exact on a ramp
        assertThat(out.cells.get(0).attributed()).isEqualTo(59);
    }

    @Test
    void aCellIsAttributedOnceTheWatermarkIsTheCellGapPastItsLastRequest() {
        JoinSettings quick = new JoinSettings(Ramp.SECOND, 60 * Ramp.SECOND, 2 * Ramp.SECOND, 60 * Ramp.SECOND);
        BoardJoin join = new BoardJoin("a", quick);
        Collecting out = new Collecting();
        List<BoardEvent> events = new ArrayList<>(Ramp.requests("a", 0, 10));
        events.addAll(Ramp.samples("a", 0, 12));
        for (BoardEvent e : events) {
            join.accept(e, EnergyEstimators.perRequest(), out);
        }
        // requests end at 2.5, 4.5, 6.5, 8.5 s; samples to 12 s: watermark 11 s > 8.5 s + 2 s
        assertThat(out.cells).singleElement().satisfies(c -> assertThat(c.attributed())
                .isEqualTo(4));
        assertThat(join.pendingRequests()).isZero();
        assertThat(join.watermark()).isEqualTo(11 * Ramp.SECOND);
        assertThat(join.heldSamples()).isEqualTo(121);
    }

    @Test
    void aRequestWhoseSamplesWerePassedIsCountedLateAndStillJoined() {
        List<BoardEvent> events = new ArrayList<>(Ramp.samples("a", 0, 60));
        events.addAll(Ramp.requests("a", 0, 60)); // every request after all samples: the watermark is at 55 s

        Collecting out = Collecting.run("a", SETTINGS, events);

        assertThat(out.summary().lateRequests()).isEqualTo(27); // ends 2.5 … 54.5 s; 56.5 and 58.5 s are not late
        assertThat(out.cells.get(0).totalJoules()).isCloseTo(Ramp.trueTotalJoules(60, 60), within(1e-9));
    }

    @Test
    void samplesBehindTheRetentionWindowAndAroundNoWaitingRequestAreDropped() {
        // an hour at 10 Hz with its requests, 60 s of retention: the join holds about 600 samples (plus the samples of
        // up to 1,024 events between prunes), not 36,001
        JoinSettings settings = new JoinSettings(5 * Ramp.SECOND, 60 * Ramp.SECOND, 60 * Ramp.SECOND, 60 * Ramp.SECOND);
        BoardJoin join = new BoardJoin("a", settings);
        Collecting out = new Collecting();
        int maxHeld = 0;
        for (BoardEvent e : Ramp.board("a", 0, 3600)) {
            join.accept(e, EnergyEstimators.perRequest(), out);
            maxHeld = Math.max(maxHeld, join.heldSamples());
        }
        join.finish(EnergyEstimators.perRequest(), out);

        // every request came first (the sweep's order); each is joined, and its samples let go, as the watermark passes
        assertThat(maxHeld).isLessThan(2 * (600 + 1024));
        assertThat(out.cells).singleElement().satisfies(c -> {
            assertThat(c.attributed()).isEqualTo(1799);
            assertThat(c.totalJoules())
                    .isCloseTo(Ramp.trueTotalJoules(3600, 3600), within(1e-9 * Ramp.trueTotalJoules(3600, 3600)));
        });
    }

    @Test
    void aLiveBoardHoldsOnlyItsRetentionWindow() {
        // requests sent when they end, as a live load generator does: the buffer stays near the retention window
        JoinSettings settings = new JoinSettings(5 * Ramp.SECOND, 60 * Ramp.SECOND, 60 * Ramp.SECOND, 60 * Ramp.SECOND);
        List<BoardEvent> events = new ArrayList<>(Ramp.samples("a", 0, 3600));
        for (BoardEvent r : Ramp.requests("a", 0, 3600)) {
            int afterEnd = (int) (r.endEpochNanos() / Ramp.STEP_NANOS) + 1;
            events.add(afterEnd + (int) (r.epochNanos() / (2 * Ramp.SECOND)), r);
        }
        BoardJoin join = new BoardJoin("a", settings);
        Collecting out = new Collecting();
        int maxHeld = 0;
        for (BoardEvent e : events) {
            join.accept(e, EnergyEstimators.perRequest(), out);
            maxHeld = Math.max(maxHeld, join.heldSamples());
        }
        join.finish(EnergyEstimators.perRequest(), out);

        assertThat(maxHeld).isLessThan(2 * (600 + 1024));
        assertThat(out.summary().lateRequests()).isZero();
        assertThat(out.cells.stream().mapToInt(CellFigures::attributed).sum()).isEqualTo(1799);
        assertThat(out.cells.stream().mapToDouble(CellFigures::totalJoules).sum())
                .isCloseTo(Ramp.trueTotalJoules(3600, 3600), within(1e-9 * Ramp.trueTotalJoules(3600, 3600)));
    }

    @Test
    void aFailedCellPassesThroughWithItsReason() {
        Collecting out = Collecting.run("a", SETTINGS, List.of(BoardEvent.failedCell("a", Ramp.CELL, "OOM")));

        assertThat(out.cells).singleElement().satisfies(c -> {
            assertThat(c.isFailed()).isTrue();
            assertThat(c.failure()).isEqualTo("OOM");
            assertThat(c.requests()).isZero();
        });
        assertThat(out.summary().fromEpochNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectsAnotherBoardsEventAndAnImpossibleSample() {
        BoardJoin join = new BoardJoin("a", SETTINGS);
        Collecting out = new Collecting();
        assertThatThrownBy(() -> join.accept(BoardEvent.sample("b", 0, 1, 0), EnergyEstimators.perRequest(), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("board b");
        assertThatThrownBy(() -> join.accept(BoardEvent.sample("a", 7, -1, 0), EnergyEstimators.perRequest(), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample at 7 ns has power -1.0 W");
        assertThatThrownBy(() -> BoardEvent.sample("a", 0, 1, 0).timeline()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BoardEvent.sample("a", 0, 1, 0).requireCell())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JoinSettings(-1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JoinSettings(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
