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
 * }</pre>
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
     * @param args {@code --out DIR [--zone Z] [--rail R] SWEEP_DIR...}
     * @throws IllegalArgumentException if the arguments are wrong (the message says which)
     * @throws Exception if the job fails or a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        String out = "";
        String zone = "";
        String rail = "";
        List<Path> sweeps = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = value(args, ++i);
                case "--zone" -> zone = value(args, ++i);
                case "--rail" -> rail = value(args, ++i);
                default -> sweeps.add(Path.of(args[i]));
            }
        }
        if (out.isEmpty() || sweeps.isEmpty()) {
            throw new IllegalArgumentException("usage: FleetMain --out DIR [--zone Z] [--rail R] SWEEP_DIR...");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FleetResult result =
                FleetJob.run(env, FleetJob.sweeps(env, FleetJob.boards(sweeps), zone, rail), JoinSettings.defaults());
        FleetCsv.write(result, OutputTokJVariant.REQUEST, Path.of(out));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
