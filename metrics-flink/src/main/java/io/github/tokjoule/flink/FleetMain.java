package io.github.tokjoule.flink;

import io.github.tokjoule.core.energy.OutputTokJVariant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point for {@code flink run}: the environment is the one Flink provides (the cluster's when
 * submitted, an embedded one when run with {@code java}), the parallelism is Flink's ({@code -p}).
 *
 * <pre>{@code
 * flink run -c io.github.tokjoule.flink.FleetMain tokjoule.jar --out /shared/fleet [--zone Z] [--rail R] SWEEP_DIR...
 * flink run -c io.github.tokjoule.flink.FleetMain tokjoule.jar --out /shared/fleet --follow /shared/live [--rail R]
 *     [--backend B] [--silence-timeout-s 300] [--checkpoint-interval-s 60]
 * }</pre>
 *
 * With {@code --follow}, the job is unbounded ({@link FollowSource} over the fleet directory), checkpointed every
 * {@code --checkpoint-interval-s} unless the cluster's configuration sets an interval, and appends each row to the
 * output files as it becomes final, until it is cancelled.
 *
 * The sweep directories must be readable at the same paths on every task manager, and the output directory on the
 * machine that submits (results are collected back to the client). Writes {@code cells.csv} and {@code boards.csv};
 * prints nothing.
 *
 * @since 0.2.0
 */
public final class FleetMain {

    private FleetMain() {}

    /**
     * Runs the fleet job.
     *
     * @param args {@code --out DIR [--zone Z] [--rail R] SWEEP_DIR...}, or {@code --out DIR --follow FLEET_DIR [--rail R]
     *     [--backend B] [--silence-timeout-s S] [--checkpoint-interval-s S]}
     * @throws IllegalArgumentException if the arguments are wrong (the message says which)
     * @throws Exception if the job fails or a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        String out = "";
        String zone = "";
        String rail = "";
        String follow = "";
        String backend = "unknown";
        long silenceSeconds = 300;
        long checkpointSeconds = 60;
        List<Path> sweeps = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = value(args, ++i);
                case "--zone" -> zone = value(args, ++i);
                case "--rail" -> rail = value(args, ++i);
                case "--follow" -> follow = value(args, ++i);
                case "--backend" -> backend = value(args, ++i);
                case "--silence-timeout-s" -> silenceSeconds = Long.parseLong(value(args, ++i));
                case "--checkpoint-interval-s" -> checkpointSeconds = Long.parseLong(value(args, ++i));
                default -> sweeps.add(Path.of(args[i]));
            }
        }
        if (out.isEmpty() || sweeps.isEmpty() == follow.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!follow.isEmpty()) {
            follow(
                    env,
                    Path.of(follow),
                    rail.isEmpty() ? "VDD_IN" : rail,
                    backend,
                    silenceSeconds,
                    checkpointSeconds,
                    Path.of(out));
            return;
        }
        FleetResult result =
                FleetJob.run(env, FleetJob.sweeps(env, FleetJob.boards(sweeps), zone, rail), JoinSettings.defaults());
        FleetCsv.write(result, OutputTokJVariant.REQUEST, Path.of(out));
    }

    private static final String USAGE = "usage: FleetMain --out DIR [--zone Z] [--rail R] SWEEP_DIR...\n"
            + "   or: FleetMain --out DIR --follow FLEET_DIR [--rail R] [--backend B] [--silence-timeout-s S]"
            + " [--checkpoint-interval-s S]";

    /** The unbounded job: rows are appended to cells.csv and boards.csv as they become final, until it is cancelled. */
    private static void follow(
            StreamExecutionEnvironment env,
            Path fleet,
            String rail,
            String backend,
            long silenceSeconds,
            long checkpointSeconds,
            Path out)
            throws Exception {
        if (env.getCheckpointInterval() <= 0 && checkpointSeconds > 0) {
            env.enableCheckpointing(checkpointSeconds * 1000);
        }
        FollowSource source =
                new FollowSource(fleet.toAbsolutePath().normalize().toString(), rail, backend, 10_000, 200);
        JoinSettings settings = JoinSettings.defaults().withSilenceTimeoutNanos(silenceSeconds * 1_000_000_000L);
        try (FleetCsvAppender files = FleetCsvAppender.open(out, OutputTokJVariant.REQUEST);
                Following job = FleetJob.start(env, FleetJob.follow(env, source), settings, files)) {
            job.await();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
