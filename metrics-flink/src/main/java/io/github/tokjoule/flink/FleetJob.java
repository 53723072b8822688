package io.github.tokjoule.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.OutputTag;

/**
 * The fleet job: board events keyed by board, joined per board in event time ({@link BoardJoin}), each cell
 * attributed by metrics-core's estimator. The same code runs embedded ({@link #local}) and on a cluster (the job
 * jar's {@link FleetMain}, submitted with {@code flink run}).
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = FleetJob.local(2);
 * FleetResult r = FleetJob.run(env, FleetJob.sweeps(env, FleetJob.boards(dirs), "", ""), JoinSettings.defaults());
 * }</pre>
 *
 * @since 0.2.0
 */
public final class FleetJob {

    /** The side output of {@link BoardNotice}s. */
    public static final OutputTag<BoardNotice> NOTICES =
            new OutputTag<>("board-notices", TypeInformation.of(BoardNotice.class));

    private FleetJob() {}

    /**
     * Returns an embedded environment: a MiniCluster in this JVM.
     *
     * @param parallelism the parallelism, at least 1
     * @return the environment
     * @throws IllegalArgumentException if the parallelism is below 1
     */
    public static StreamExecutionEnvironment local(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    }

    /**
     * Names the boards of sweep directories: each directory's name, with {@code #2}, {@code #3} … for repeats.
     *
     * @param directories one sweep directory per board
     * @return the boards, in the given order
     */
    public static List<BoardSweep> boards(List<Path> directories) {
        Map<String, Integer> seen = new HashMap<>();
        List<BoardSweep> out = new ArrayList<>(directories.size());
        for (Path d : directories) {
            Path abs = d.toAbsolutePath().normalize();
            Path name = abs.getFileName();
            String base = name == null ? abs.toString() : name.toString();
            int n = seen.merge(base, 1, Integer::sum);
            out.add(new BoardSweep(n == 1 ? base : base + "#" + n, abs.toString()));
        }
        return out;
    }

    /**
     * The bounded source: each board's sweep read on a task, as the report reads it.
     *
     * @param env the environment
     * @param boards the boards' sweeps
     * @param zone the devices' zone id, or empty for each sweep's manifest zone
     * @param rail the rail ({@code NAME}, {@code sum}, {@code total}), or empty for the report's default
     * @return every board's events
     */
    public static DataStream<BoardEvent> sweeps(
            StreamExecutionEnvironment env, List<BoardSweep> boards, String zone, String rail) {
        return env.fromData(boards, TypeInformation.of(BoardSweep.class))
                .name("sweep directories")
                .rebalance()
                .flatMap(new SweepReader(zone, rail), TypeInformation.of(BoardEvent.class))
                .name("read sweeps");
    }

    /**
     * The unbounded source: files being appended to ({@link FollowSource}).
     *
     * @param env the environment
     * @param source the followed directory
     * @return every board's events, as they are written
     */
    public static DataStream<BoardEvent> follow(StreamExecutionEnvironment env, FollowSource source) {
        return env.fromSource(
                        source,
                        WatermarkStrategy.noWatermarks(),
                        "followed files",
                        TypeInformation.of(BoardEvent.class))
                .name("followed files");
    }

    /**
     * Starts the join over an unbounded stream and hands its results, as they become final, to a listener on two
     * threads of this process (one for the cells, one for the notices). With checkpointing enabled, results are
     * handed over once the checkpoint after them completes, exactly once across failures.
     *
     * @param env the environment the events belong to
     * @param events the events of every board
     * @param settings the waiting rules (with a silence timeout, {@link JoinSettings#withSilenceTimeoutNanos})
     * @param listener where the cells and notices go; called from two threads
     * @return the running job, to be closed (which cancels it)
     * @throws Exception if the job cannot be started
     */
    public static Following start(
            StreamExecutionEnvironment env,
            DataStream<BoardEvent> events,
            JoinSettings settings,
            BoardJoin.Output listener)
            throws Exception {
        SingleOutputStreamOperator<CellFigures> cells = join(events, settings);
        CloseableIterator<CellFigures> c = cells.collectAsync();
        CloseableIterator<BoardNotice> n = cells.getSideOutput(NOTICES).collectAsync();
        JobClient client = env.executeAsync("tokjoule fleet (unbounded)");
        return new Following(client, c, n, listener);
    }

    /**
     * The join over any stream of board events, bounded or not.
     *
     * @param events the events of every board
     * @param settings the waiting rules
     * @return the cells; the notices are its side output {@link #NOTICES}
     */
    public static SingleOutputStreamOperator<CellFigures> join(DataStream<BoardEvent> events, JoinSettings settings) {
        return events.keyBy(BoardEvent::board, TypeInformation.of(String.class))
                .process(new BoardJoinFunction(settings), TypeInformation.of(CellFigures.class))
                .name("per-board join");
    }

    /**
     * Runs the join over a bounded stream and collects its results in this process.
     *
     * @param env the environment the events belong to
     * @param events the events of every board
     * @param settings the waiting rules
     * @return the cells and notices
     * @throws Exception if the job fails
     */
    public static FleetResult run(StreamExecutionEnvironment env, DataStream<BoardEvent> events, JoinSettings settings)
            throws Exception {
        SingleOutputStreamOperator<CellFigures> cells = join(events, settings);
        List<CellFigures> cellList = new ArrayList<>();
        List<BoardNotice> noticeList = new ArrayList<>();
        try (CloseableIterator<CellFigures> c = cells.collectAsync();
                CloseableIterator<BoardNotice> n = cells.getSideOutput(NOTICES).collectAsync()) {
            env.execute("tokjoule fleet");
            c.forEachRemaining(cellList::add);
            n.forEachRemaining(noticeList::add);
        }
        return new FleetResult(cellList, noticeList);
    }
}
