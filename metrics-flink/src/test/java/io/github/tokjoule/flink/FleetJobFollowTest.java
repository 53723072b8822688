package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unbounded job on the MiniCluster, following files while a thread appends to them ({@link FollowedFleet}): the
 * cells come out as they become final and equal the bounded job's on the same events; a board whose power log stops is
 * declared silent after the timeout while the others go on; and a job that fails once mid-stream restarts from its
 * checkpoint and gives the same results, none twice.
 */
class FleetJobFollowTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkCluster.extension();

    /** Event time runs 1 s per 150 ms of wall time: 60 s of data take 9 s to write. */
    private static final long MILLIS_PER_SECOND = 150;

    private static final JoinSettings SETTINGS = JoinSettings.defaults()
            .withSilenceTimeoutNanos(Duration.ofSeconds(3).toNanos());

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger RESTARTS = new AtomicInteger();
    static final AtomicLong AFTER_RESTART = new AtomicLong();

    /**
     * Fails the job once, on its first event after a checkpoint that it had passed more than 300 events before has
     * completed; counts the events that pass after the restart.
     */
    static final class FailOnce extends RichMapFunction<BoardEvent, BoardEvent>
            implements CheckpointListener, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient boolean restarted;
        private transient boolean checkpointed;
        private transient long seen;
        private final HashMap<Long, Long> seenAtCheckpoint = new HashMap<>();

        @Override
        public void open(OpenContext context) {
            restarted = getRuntimeContext().getTaskInfo().getAttemptNumber() > 0;
            if (restarted) {
                RESTARTS.incrementAndGet();
            }
        }

        @Override
        public BoardEvent map(BoardEvent e) {
            seen++;
            if (restarted) {
                AFTER_RESTART.incrementAndGet();
            } else if (checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("the test's one failure, mid-stream");
            }
            return e;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            seenAtCheckpoint.put(context.getCheckpointId(), seen);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed |= seenAtCheckpoint.getOrDefault(checkpointId, 0L) > 300;
        }
    }

    @Test
    void cellsComeOutAsTheyBecomeFinalAndEqualTheBoundedJobs(@TempDir Path root) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        Collecting got = new Collecting();
        List<BoardEvent> written = follow(env, root, false, got);

        FleetResult bounded = bounded(written);
        assertSameCells(got, bounded);
        // the quiet board's cell (silent at ~7.5 s) came out before the others' (silent at ~12 s)
        assertThat(got.cells.get(0).board()).isEqualTo("quiet");
    }

    @Test
    void aJobThatFailsOnceRestartsFromItsCheckpointAndLosesAndRepeatsNothing(@TempDir Path root) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        FAILED.set(false);
        RESTARTS.set(0);
        AFTER_RESTART.set(0);

        Collecting got = new Collecting();
        List<BoardEvent> written = follow(env, root, true, got);

        assertThat(FAILED).isTrue();
        assertThat(RESTARTS.get()).isPositive();
        // resumed at the checkpoint's offsets: the events read before it (more than 300) were not read again
        assertThat(AFTER_RESTART.get()).isLessThan(written.size() - 300L);
        assertSameCells(got, bounded(written));
    }

    /** Follows the fleet while it is written; returns the events written, in order. */
    private static List<BoardEvent> follow(StreamExecutionEnvironment env, Path root, boolean failOnce, Collecting got)
            throws Exception {
        FollowedFleet fleet = new FollowedFleet(root, MILLIS_PER_SECOND);
        Thread writer = new Thread(fleet, "fleet writer");
        FollowSource source = new FollowSource(root.toString(), FollowedFleet.RAIL, "unknown", 100, 20);
        DataStream<BoardEvent> events = FleetJob.follow(env, source);
        if (failOnce) {
            events = events.map(new FailOnce(), TypeInformation.of(BoardEvent.class));
        }
        try (Following job = FleetJob.start(env, events, SETTINGS, got)) {
            while (job.status() != JobStatus.RUNNING) {
                Thread.sleep(50);
            }
            writer.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!complete(got)
                    && System.nanoTime() < deadline
                    && job.failure().isEmpty()) {
                Thread.sleep(100);
            }
            assertThat(job.failure()).isEmpty();
        }
        writer.join();
        assertThat(complete(got))
                .as("3 cells and 3 silences before the deadline: %s", got.notices)
                .isTrue();
        return List.copyOf(fleet.written);
    }

    private static boolean complete(Collecting got) {
        return got.cells.size() >= 3 && got.notices.size() >= 3;
    }

    /** The bounded job over the same events, in the order they were written. */
    private static FleetResult bounded(List<BoardEvent> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        return FleetJob.run(env, env.fromData(events, TypeInformation.of(BoardEvent.class)), JoinSettings.defaults());
    }

    private static void assertSameCells(Collecting got, FleetResult bounded) {
        List<CellFigures> cells = new ArrayList<>(got.cells);
        cells.sort(FleetResult.CELL_ORDER);
        assertThat(cells).hasSize(3);
        assertThat(bounded.cells()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            CellFigures g = cells.get(i);
            CellFigures w = bounded.cells().get(i);
            assertThat(g.board()).isEqualTo(w.board());
            assertThat(g.cell()).isEqualTo(w.cell());
            assertThat(new int[] {g.attributed(), g.failed(), g.outsideTrace(), g.partlyOutsideTrace(), g.samples()})
                    .as(g.board())
                    .containsExactly(w.attributed(), w.failed(), w.outsideTrace(), w.partlyOutsideTrace(), w.samples());
            double[][] pairs = {
                {g.prefillJoules(), w.prefillJoules()},
                {g.decodeJoules(), w.decodeJoules()},
                {g.totalJoules(), w.totalJoules()},
                {g.totalLowJoules(), w.totalLowJoules()},
                {g.totalHighJoules(), w.totalHighJoules()}
            };
            for (double[] p : pairs) {
                if (Double.isNaN(p[1])) {
                    assertThat(p[0]).as(g.board()).isNaN();
                } else {
                    assertThat(Math.abs(p[0] - p[1])).as(g.board()).isLessThanOrEqualTo(1e-9 * Math.abs(p[1]));
                }
            }
        }
        assertThat(cells.get(0).attributed()).isEqualTo(29); // a: every request
        assertThat(cells.get(2).attributed()).isEqualTo(9); // quiet: those its samples cover
        assertThat(cells.get(2).outsideTrace() + cells.get(2).partlyOutsideTrace())
                .isEqualTo(5);
        // quiet: the same silence as the bounded job reports at its end; a and b: silent once their files stop
        BoardNotice quiet = bounded.notices(BoardNotice.Kind.SILENT).get(0);
        assertThat(got.notices).contains(quiet).hasSize(3);
        assertThat(got.notices)
                .filteredOn(n -> !n.board().equals("quiet"))
                .extracting(BoardNotice::fromEpochNanos, BoardNotice::lateRequests)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(60 * Ramp.SECOND, 0L));
    }
}
