package io.github.tokjoule.examples;

import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.flink.BoardNotice;
import io.github.tokjoule.flink.BoardSweep;
import io.github.tokjoule.flink.CellFigures;
import io.github.tokjoule.flink.FleetCsv;
import io.github.tokjoule.flink.FleetJob;
import io.github.tokjoule.flink.FleetResult;
import io.github.tokjoule.flink.JoinSettings;
import io.github.tokjoule.jetson.analysis.RailChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule fleet SWEEP_DIR... --out DIR}: the request–power join of many boards' sweeps on an embedded Apache
 * Flink (metrics-flink), one board per sweep directory; writes {@code cells.csv} (the report's columns, one row per
 * board × cell) and {@code boards.csv} (silences and each board's counts).
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = {
            "Join every board's requests with its power samples on an embedded Apache Flink and write cells.csv"
                    + " (the report's columns, one row per board x cell) and boards.csv (silences, late samples).",
            "Each SWEEP_DIR is one board's sweep (as for tokjoule report); the board is named after the directory."
                    + " The same job runs on a Flink cluster: see docs/FLINK.md."
        })
final class FleetCommand implements Callable<Integer> {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SWEEP_DIR", description = "One sweep per board.")
    List<Path> sweeps = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "tokjoule-fleet",
            description = "Where cells.csv and boards.csv go (default: ./tokjoule-fleet).")
    Path out = Path.of("tokjoule-fleet");

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "The boards' time zone (IANA id): default each sweep's manifest zone.")
    @Nullable
    ZoneId zone;

    @Option(
            names = "--rail",
            paramLabel = "NAME|sum|total",
            description = "Power rail, as for tokjoule report (default: VDD_CPU_GPU_CV where the board has it).")
    @Nullable
    String rail;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "1",
            description = "Flink's parallelism: boards are joined N at a time (default 1).")
    int parallelism = 1;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path s : sweeps) {
            Inputs.requireDirectory(spec, "SWEEP_DIR", s);
        }
        if (parallelism < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallelism must be at least 1");
        }
        if (rail != null) {
            try {
                RailChoice.parse(rail);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rail " + rail + ": " + e.getMessage());
            }
        }
        List<BoardSweep> boards = FleetJob.boards(sweeps);
        StreamExecutionEnvironment env = FleetJob.local(parallelism);
        long start = System.nanoTime();
        FleetResult result = FleetJob.run(
                env,
                FleetJob.sweeps(env, boards, zone == null ? "" : zone.getId(), rail == null ? "" : rail),
                JoinSettings.defaults());
        double seconds = (System.nanoTime() - start) / 1e9;
        FleetCsv.write(result, OutputTokJVariant.REQUEST, out);
        PrintWriter o = spec.commandLine().getOut();
        long failed = result.cells().stream().filter(CellFigures::isFailed).count();
        o.printf(
                Locale.ROOT,
                "Fleet: %d boards, %d cells (%d failed), %d samples joined in %.1f s (parallelism %d)%n",
                boards.size(),
                result.cells().size(),
                failed,
                result.samples(),
                seconds,
                parallelism);
        o.println("Wrote " + out.resolve("cells.csv") + " and " + out.resolve("boards.csv"));
        PrintWriter err = spec.commandLine().getErr();
        for (BoardNotice n : result.notices()) {
            if (n.kind() == BoardNotice.Kind.SILENT) {
                err.printf(
                        Locale.ROOT,
                        "tokjoule fleet: warning: board %s silent for %s s under %d requests (boards.csv)%n",
                        n.board(),
                        Double.isInfinite(n.silentSeconds())
                                ? "the rest of its requests"
                                : String.format(Locale.ROOT, "%.1f", n.silentSeconds()),
                        n.lateRequests());
            } else if (n.lateSamples() + n.duplicateSamples() > 0) {
                err.printf(
                        Locale.ROOT,
                        "tokjoule fleet: warning: board %s: %d late and %d repeated samples dropped (boards.csv)%n",
                        n.board(),
                        n.lateSamples(),
                        n.duplicateSamples());
            }
        }
        return TokJoule.OK;
    }
}
