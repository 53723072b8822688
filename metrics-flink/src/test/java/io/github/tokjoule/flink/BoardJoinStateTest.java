package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.RequestTimeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** A join written and read back mid-stream (a checkpoint and a restore) goes on exactly as one never interrupted. */
class BoardJoinStateTest {

    /**
     * Cells close 2 s after their last request, so that some close mid-stream and some are open at the cut; 5 s out of
     * order, above the stream's 4 s shuffle.
     */
    private static final JoinSettings QUICK =
            new JoinSettings(5 * Ramp.SECOND, 60 * Ramp.SECOND, 2 * Ramp.SECOND, 60 * Ramp.SECOND, 7 * Ramp.SECOND);

    private static final EnergyEstimator ESTIMATOR = EnergyEstimators.perRequest();

    private static final CellId SECOND_CELL = CellId.of("ramp-model", "25W", "llama.cpp", 256, 64);
    private static final CellId SPAN_CELL = CellId.of("span-model", "25W", "llama.cpp", 128, 64);

    /**
     * Two sessions of the ramp board, 0–60 s and 130–190 s, samples shuffled within 4 s blocks, a request that runs
     * across the 70 s without samples between them (a reported silence, in a cell of its own), and a late sample; the
     * sessions are two cells.
     */
    private static List<BoardEvent> stream(long seed) {
        Random random = new Random(seed);
        List<BoardEvent> events = new ArrayList<>();
        for (long start : new long[] {0, 130 * Ramp.SECOND}) {
            for (BoardEvent r : Ramp.requests("a", start, 60)) {
                // the second session is another cell, so that the first closes mid-stream
                events.add(start == 0 ? r : BoardEvent.request("a", SECOND_CELL, r.note(), r.timeline()));
            }
            List<BoardEvent> samples = Ramp.samples("a", start, 60);
            for (int from = 0; from < samples.size(); from += 40) {
                List<BoardEvent> block = new ArrayList<>(samples.subList(from, Math.min(from + 40, samples.size())));
                Collections.shuffle(block, random);
                events.addAll(block);
            }
            if (start == 0) {
                events.add(BoardEvent.request(
                        "a",
                        SPAN_CELL,
                        "VDD_CPU_GPU_CV",
                        RequestTimeline.succeeded(59 * Ramp.SECOND, 60 * Ramp.SECOND, 131 * Ramp.SECOND, 100, 50)));
                events.add(BoardEvent.sample("a", 30 * Ramp.SECOND + 1, 9, Ramp.STEP_NANOS));
            }
        }
        return events;
    }

    private static Collecting uninterrupted(List<BoardEvent> events) {
        return Collecting.run("a", QUICK, events, ESTIMATOR);
    }

    private static BoardJoin roundTrip(BoardJoin join) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        BoardJoinSerializer.INSTANCE.serialize(join, out);
        return BoardJoinSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void aJoinRestoredAtAnyEventGoesOnAsIfNeverInterrupted() {
        qt().withExamples(40).forAll(longs().all(), integers().between(0, 1300)).checkAssert((seed, cutAt) -> {
            List<BoardEvent> events = stream(seed);
            Collecting expected = uninterrupted(events);
            int cut = Math.min(cutAt, events.size());

            Collecting out = new Collecting();
            BoardJoin before = new BoardJoin("a", QUICK);
            for (BoardEvent e : events.subList(0, cut)) {
                before.accept(e, ESTIMATOR, out);
            }
            BoardJoin after;
            try {
                after = roundTrip(before);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            // a copy shares no state with its original: finishing the original changes nothing in it
            BoardJoin copy = BoardJoinSerializer.INSTANCE.copy(after);
            after.finish(ESTIMATOR, new Collecting());
            for (BoardEvent e : events.subList(cut, events.size())) {
                copy.accept(e, ESTIMATOR, out);
            }
            copy.finish(ESTIMATOR, out);

            assertThat(out.cells).isEqualTo(expected.cells);
            assertThat(out.notices).isEqualTo(expected.notices);
        });
    }

    @Test
    void theStreamUnderTestClosesCellsMidStreamAndReportsItsSilence() {
        Collecting expected = uninterrupted(stream(1));

        assertThat(expected.cells).hasSize(3);
        assertThat(expected.silences()).singleElement().satisfies(s -> {
            assertThat(s.fromEpochNanos()).isEqualTo(60 * Ramp.SECOND);
            assertThat(s.toEpochNanos()).isEqualTo(130 * Ramp.SECOND);
        });
        assertThat(expected.summary().lateSamples()).isEqualTo(1);
    }

    @Test
    void aStateOfAnotherVersionIsRefused() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {0, 0, 0, 9});
        assertThatThrownBy(() -> BoardJoin.readFrom(in))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void aSilentBoardsWaitingRequestsAreCutNotExtrapolatedAndItCanResume() {
        // requests over 0–60 s, samples only to 30 s: the 15 requests after 30 s can never be covered
        List<BoardEvent> events = new ArrayList<>(Ramp.requests("quiet", 0, 60));
        events.addAll(Ramp.samples("quiet", 0, 30));
        Collecting atEnd = Collecting.run("quiet", QUICK, events, ESTIMATOR);

        Collecting out = new Collecting();
        BoardJoin join = new BoardJoin("quiet", QUICK);
        for (BoardEvent e : events) {
            join.accept(e, ESTIMATOR, out);
        }
        join.silence(ESTIMATOR, out);

        // the same cells as at the end of input: the covered requests attributed, the others excluded, none made up
        assertThat(out.cells).isEqualTo(atEnd.cells);
        assertThat(out.cells).singleElement().satisfies(c -> {
            assertThat(c.attributed()).isEqualTo(14); // starts 1 … 27 s end by 28.5 s
            assertThat(c.outsideTrace() + c.partlyOutsideTrace()).isEqualTo(15);
            assertThat(c.totalJoules()).isEqualTo(atEnd.cells.get(0).totalJoules());
        });
        assertThat(out.silences()).singleElement().satisfies(s -> {
            assertThat(s.fromEpochNanos()).isEqualTo(30 * Ramp.SECOND);
            assertThat(s.toEpochNanos()).isEqualTo(Long.MAX_VALUE);
            assertThat(s.lateRequests()).isEqualTo(15);
        });
        assertThat(join.pendingRequests()).isZero();

        // nothing new: not reported again
        join.silence(ESTIMATOR, out);
        assertThat(out.silences()).hasSize(1);

        // the board comes back: its new requests are joined as before
        for (BoardEvent e : Ramp.board("quiet", 100 * Ramp.SECOND, 60)) {
            join.accept(e, ESTIMATOR, out);
        }
        join.finish(ESTIMATOR, out);
        assertThat(out.cells).hasSize(2);
        assertThat(out.cells.get(1).attributed()).isEqualTo(29);
        assertThat(out.cells.get(1).excluded()).isZero();
    }

    @Test
    void aBoardSilentWithNothingWaitingIsReportedOnce() {
        Collecting out = new Collecting();
        BoardJoin join = new BoardJoin("a", QUICK);
        for (BoardEvent e : Ramp.samples("a", 0, 10)) {
            join.accept(e, ESTIMATOR, out);
        }
        join.silence(ESTIMATOR, out);
        join.silence(ESTIMATOR, out);

        assertThat(out.silences()).singleElement().satisfies(s -> {
            assertThat(s.fromEpochNanos()).isEqualTo(10 * Ramp.SECOND);
            assertThat(s.lateRequests()).isZero();
        });
        assertThat(out.cells).isEmpty();
    }

    @Test
    void theSilenceTimeoutIsASetting() {
        assertThat(JoinSettings.defaults().silenceTimeoutNanos()).isZero();
        assertThat(JoinSettings.defaults().withSilenceTimeoutNanos(5).silenceTimeoutNanos())
                .isEqualTo(5);
        assertThatThrownBy(() -> JoinSettings.defaults().withSilenceTimeoutNanos(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("silenceTimeoutNanos -1");
    }
}
