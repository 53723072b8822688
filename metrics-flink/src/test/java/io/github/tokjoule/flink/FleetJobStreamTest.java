package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job on Flink's MiniCluster over event streams: disorder, late samples, silence, clocks that disagree. */
class FleetJobStreamTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.extension();

    private static final long HOUR = 3600 * Ramp.SECOND;

    private static FleetResult run(int parallelism, List<BoardEvent> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return FleetJob.run(env, env.fromData(events, TypeInformation.of(BoardEvent.class)), JoinSettings.defaults());
    }

    @Test
    void aBoardWhoseClockRunsAheadMakesNoOtherBoardLate() throws Exception {
        // board "ahead" stamps everything an hour later; its events come first, then the others', interleaved.
        // One watermark for the stream would be an hour ahead of "a" and "b" and drop all their samples as late.
        List<BoardEvent> events = new ArrayList<>(Ramp.board("ahead", HOUR, 60));
        List<BoardEvent> a = Ramp.board("a", 0, 60);
        List<BoardEvent> b = Ramp.board("b", 0, 60);
        for (int i = 0; i < a.size(); i++) {
            events.add(a.get(i));
            events.add(b.get(i));
        }

        FleetResult r = run(1, events);

        assertThat(r.cells()).extracting(CellFigures::board).containsExactly("a", "ahead", "b");
        for (CellFigures c : r.cells()) {
            assertThat(c.attributed()).as(c.board()).isEqualTo(29);
            assertThat(c.totalJoules()).as(c.board()).isCloseTo(Ramp.trueTotalJoules(60, 60), within(1e-9));
        }
        assertThat(r.notices(BoardNotice.Kind.SUMMARY)).hasSize(3).allSatisfy(s -> {
            assertThat(s.lateSamples()).isZero();
            assertThat(s.samples()).isEqualTo(601);
        });
        assertThat(r.samples()).isEqualTo(3 * 601);
    }

    @Test
    void shuffledAndLateSamplesOnTheClusterGiveTheBoardJoinsFigures() throws Exception {
        List<BoardEvent> events = new ArrayList<>();
        Random random = new Random(17);
        for (String board : List.of("a", "b", "c")) {
            events.addAll(Ramp.requests(board, 0, 60));
            List<BoardEvent> samples = Ramp.samples(board, 0, 60);
            for (int from = 0; from < samples.size(); from += 40) {
                List<BoardEvent> block = new ArrayList<>(samples.subList(from, Math.min(from + 40, samples.size())));
                Collections.shuffle(block, random);
                events.addAll(block);
            }
        }
        // one sample of "b" a minute late: behind b's watermark whatever the order around it
        BoardEvent late = BoardEvent.sample("b", 5 * Ramp.SECOND + 50_000_000L, 7.5, Ramp.STEP_NANOS);
        events.add(late);

        FleetResult r = run(2, events);

        // the job's estimator is the analysis's default
        CellFigures expected = Collecting.run(
                        "a",
                        JoinSettings.defaults(),
                        Ramp.board("a", 0, 60),
                        AnalysisOptions.defaults().estimator())
                .cells
                .get(0);
        assertThat(r.cells()).hasSize(3).allSatisfy(c -> {
            assertThat(c.totalJoules()).isEqualTo(expected.totalJoules());
            assertThat(c.prefillJoules()).isEqualTo(expected.prefillJoules());
            assertThat(c.decodeJoules()).isEqualTo(expected.decodeJoules());
        });
        assertThat(r.notices(BoardNotice.Kind.SUMMARY))
                .extracting(BoardNotice::board, BoardNotice::lateSamples)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 0L),
                        org.assertj.core.groups.Tuple.tuple("b", 1L),
                        org.assertj.core.groups.Tuple.tuple("c", 0L));
    }

    @Test
    void aSilentBoardIsReportedAndWrittenToBoardsCsv() throws Exception {
        List<BoardEvent> events = new ArrayList<>(Ramp.board("a", 0, 60));
        events.addAll(Ramp.requests("quiet", 0, 60));
        events.addAll(Ramp.samples("quiet", 0, 30));

        FleetResult r = run(2, events);

        assertThat(r.notices(BoardNotice.Kind.SILENT)).singleElement().satisfies(s -> {
            assertThat(s.board()).isEqualTo("quiet");
            assertThat(s.fromEpochNanos()).isEqualTo(30 * Ramp.SECOND);
            assertThat(s.lateRequests()).isEqualTo(15);
        });
        StringWriter boards = new StringWriter();
        FleetCsv.writeBoards(r.notices(), boards);
        assertThat(boards.toString())
                .startsWith(String.join(",", FleetCsv.BOARD_COLUMNS) + "\n")
                .contains("quiet,SILENT,1970-01-01T00:00:30Z,,,0,0,0,15\n")
                .contains("a,SUMMARY,1970-01-01T00:00:00Z,1970-01-01T00:01:00Z,,601,0,0,0\n");
    }

    @Test
    void boardsAreNamedAfterTheirDirectories() {
        assertThat(FleetJob.boards(List.of(Path.of("/x/orin-1"), Path.of("/y/orin-1"), Path.of("/z/nano"))))
                .extracting(BoardSweep::board)
                .containsExactly("orin-1", "orin-1#2", "nano");
    }
}
