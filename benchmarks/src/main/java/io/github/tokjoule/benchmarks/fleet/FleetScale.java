package io.github.tokjoule.benchmarks.fleet;

import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.flink.BoardEvent;
import io.github.tokjoule.flink.BoardJoin;
import io.github.tokjoule.flink.BoardNotice;
import io.github.tokjoule.flink.CellFigures;
import io.github.tokjoule.flink.FleetJob;
import io.github.tokjoule.flink.FleetResult;
import io.github.tokjoule.flink.JoinSettings;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The fleet join's scale figure (issue 17): samples per second joined by the Flink job in local mode at parallelism 1
 * and 2, for {@code B} boards × {@code S} seconds at 10 Hz with their requests, against a baseline measured in the
 * same run: the same per-board join ({@link BoardJoin}) fed the same events on one thread without Flink.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.tokjoule.benchmarks.fleet.FleetScale 3600 10 30 100
 * }</pre>
 *
 * Prints one line per board count: baseline, Flink p1 and p2 samples/s, wall times, and the ratios.
 */
public final class FleetScale {

    private FleetScale() {}

    /**
     * Runs the figure.
     *
     * @param args seconds per board, then one or more board counts
     * @throws Exception if a job fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        SyntheticFleet fleet = new SyntheticFleet(seconds);
        // warm-up: one small run of each, so that class loading and the MiniCluster's first start are not timed
        baseline(fleet, 2);
        flink(fleet, 2, 1);
        System.out.println("boards,samples,baseline_s,flink_p1_s,flink_p2_s,baseline_samples_per_s,"
                + "p1_samples_per_s,p2_samples_per_s,p1_over_baseline,p2_over_p1");
        for (int i = 1; i < args.length; i++) {
            int boards = Integer.parseInt(args[i]);
            long samples = boards * fleet.samplesPerBoard();
            double b = baseline(fleet, boards);
            double p1 = flink(fleet, boards, 1);
            double p2 = flink(fleet, boards, 2);
            System.out.printf(
                    Locale.ROOT,
                    "%d,%d,%.2f,%.2f,%.2f,%.0f,%.0f,%.0f,%.2f,%.2f%n",
                    boards,
                    samples,
                    b,
                    p1,
                    p2,
                    samples / b,
                    samples / p1,
                    samples / p2,
                    b / p1,
                    p1 / p2);
        }
    }

    /** The per-board join on this thread, fed each board's events as generated; returns seconds. */
    private static double baseline(SyntheticFleet fleet, int boards) {
        long start = System.nanoTime();
        long[] cells = {0};
        BoardJoin.Output out = new BoardJoin.Output() {
            @Override
            public void cell(CellFigures cell) {
                cells[0]++;
            }

            @Override
            public void notice(BoardNotice notice) {}
        };
        for (long b = 0; b < boards; b++) {
            BoardJoin join = new BoardJoin("board-" + b, JoinSettings.defaults());
            fleet.board(b, e -> join.accept(e, EnergyEstimators.perRequest(), out));
            join.finish(EnergyEstimators.perRequest(), out);
        }
        double s = (System.nanoTime() - start) / 1e9;
        if (cells[0] == 0) {
            throw new IllegalStateException("the baseline attributed no cell");
        }
        return s;
    }

    /** The Flink job in local mode; returns seconds from submission to the last result. */
    private static double flink(SyntheticFleet fleet, int boards, int parallelism) throws Exception {
        StreamExecutionEnvironment env = FleetJob.local(parallelism);
        long start = System.nanoTime();
        FleetResult r = FleetJob.run(
                env,
                env.fromSequence(0, boards - 1L).rebalance().flatMap(fleet, TypeInformation.of(BoardEvent.class)),
                JoinSettings.defaults());
        double s = (System.nanoTime() - start) / 1e9;
        if (r.samples() != boards * fleet.samplesPerBoard()) {
            throw new IllegalStateException(
                    "joined " + r.samples() + " samples, generated " + boards * fleet.samplesPerBoard());
        }
        return s;
    }
}
