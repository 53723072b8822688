package io.github.tokjoule.examples;

import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.flink.BoardNotice;
import io.github.tokjoule.flink.BoardSweep;
import io.github.tokjoule.flink.CellFigures;
import io.github.tokjoule.flink.FleetCsv;
import io.github.tokjoule.flink.FleetCsvAppender;
import io.github.tokjoule.flink.FleetJob;
import io.github.tokjoule.flink.FleetResult;
import io.github.tokjoule.flink.FollowSource;
import io.github.tokjoule.flink.Following;
import io.github.tokjoule.flink.JoinSettings;
import io.github.tokjoule.jetson.analysis.RailChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Parameters(
            index = "0..*",
            arity = "0..*",
            paramLabel = "SWEEP_DIR",
            description = "One sweep per board (or --follow FLEET_DIR instead).")
    List<Path> sweeps = new ArrayList<>();

    @Option(
            names = "--follow",
            paramLabel = "FLEET_DIR",
            description = "Follow files being appended instead (unbounded): FLEET_DIR/<board>/ holds each board's live"
                    + " power logs (tokjoule monitor's .csv/.jsonl) and <MODE>/<model>/gen<G>/ctx<C>/"
                    + "profile_export.jsonl; rows are appended to cells.csv and boards.csv as cells become final,"
                    + " until --duration or Ctrl-C. See docs/FLINK.md.")
    @Nullable
    Path follow;

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            defaultValue = "unknown",
            description = "With --follow: the backend the cells are named with (default: unknown).")
    String backend = "unknown";

    @Option(
            names = "--silence-timeout",
            paramLabel = "D",
            defaultValue = "5m",
            description = "With --follow: a board that sends no power sample for D (e.g. 30s, 5m) is reported silent"
                    + " and its waiting requests are attributed or excluded (default: 5m).")
    String silenceTimeout = "5m";

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "D",
            defaultValue = "60s",
            description = "With --follow: Flink checkpoint interval; rows are handed over after the checkpoint that"
                    + " follows them (default: 60s).")
    String checkpointInterval = "60s";

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "With --follow: stop after D (e.g. 30s, 2m); default: until Ctrl-C.")
    @Nullable
    String duration;

    /** The file that marks a directory as one {@code tokjoule fleet} wrote. */
    static final String OUT_MARKER = ".tokjoule-fleet";

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "tokjoule-fleet",
            description = "Where cells.csv and boards.csv go (default: ./tokjoule-fleet). DIR must be new, empty, or"
                    + " one tokjoule fleet wrote before (it holds a " + OUT_MARKER + " file): a non-empty directory"
                    + " without it is refused (exit code 2), so no file tokjoule did not write is overwritten.")
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

    /**
     * The failure as the sweep reader said it, without Flink's wrappers ("Job execution failed. (Recovery is suppressed
     * by NoRestartBackoffTimeStrategy)"): the first exception in the chain that is not Flink's own, or the failure
     * itself when every one is.
     */
    static Exception ownCause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!t.getClass().getName().startsWith("org.apache.flink.") && t instanceof Exception own) {
                return own;
            }
        }
        return e;
    }

    @Override
    public Integer call() throws Exception {
        if ((follow == null) == sweeps.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give either SWEEP_DIR... (bounded) or --follow FLEET_DIR (unbounded)");
        }
        if (follow == null && (duration != null || !"unknown".equals(backend))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--duration and --backend apply to --follow only");
        }
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
        if (follow != null) {
            return follow(follow);
        }
        claimOut();
        List<BoardSweep> boards = FleetJob.boards(sweeps);
        StreamExecutionEnvironment env = FleetJob.local(parallelism);
        long start = System.nanoTime();
        FleetResult result;
        try {
            result = FleetJob.run(
                    env,
                    FleetJob.sweeps(env, boards, zone == null ? "" : zone.getId(), rail == null ? "" : rail),
                    JoinSettings.defaults());
        } catch (Exception e) {
            throw ownCause(e);
        }
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

    /** The unbounded job over a followed fleet directory, until {@code --duration} or Ctrl-C. */
    private int follow(Path fleet) throws Exception {
        Inputs.requireDirectory(spec, "--follow", fleet);
        Duration silence = parse("--silence-timeout", silenceTimeout);
        Duration checkpoint = parse("--checkpoint-interval", checkpointInterval);
        @Nullable Duration limit = duration == null ? null : parse("--duration", duration);
        claimOut();
        String followed = rail == null ? "VDD_IN" : rail;
        StreamExecutionEnvironment env = FleetJob.local(parallelism);
        if (!checkpoint.isZero()) {
            env.enableCheckpointing(checkpoint.toMillis());
        }
        FollowSource source =
                new FollowSource(fleet.toAbsolutePath().normalize().toString(), followed, backend, 10_000, 200);
        JoinSettings settings = JoinSettings.defaults().withSilenceTimeoutNanos(silence.toNanos());
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        o.println("Following " + fleet + " (rail " + followed + "); rows go to " + out.resolve("cells.csv") + " and "
                + out.resolve("boards.csv") + (limit == null ? " until Ctrl-C" : " for " + duration));
        o.flush();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        EndingSignal.install(); // so that the last line names the signal that stopped the run
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS); // let the job be cancelled and the files closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            Optional<Throwable> failure;
            FleetCsvAppender files = FleetCsvAppender.open(out, OutputTokJVariant.REQUEST);
            try (files;
                    Following job = FleetJob.start(env, FleetJob.follow(env, source), settings, files)) {
                long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
                while (job.failure().isEmpty() && !job.status().isGloballyTerminalState()) {
                    long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(200), end - System.nanoTime());
                    if (wait <= 0) {
                        break;
                    }
                    if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                        interrupted = true;
                        break;
                    }
                }
                failure = job.failure();
            }
            // Printed before the shutdown hook is released: after that the JVM may halt at any point.
            o.printf(
                    Locale.ROOT,
                    "%s: %d cell rows, %d board notices written to %s%n",
                    interrupted ? "Stopped (" + EndingSignal.describe() + ")" : "Done",
                    files.cellRows(),
                    files.boardRows(),
                    out);
            o.flush();
            if (failure.isPresent()) {
                err.println("tokjoule fleet: the job failed: " + failure.get().getMessage());
                err.flush();
                return TokJoule.FAILED;
            }
            return TokJoule.OK;
        } finally {
            closed.countDown();
            if (!interrupted) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /** Claims --out once every option is checked, so that a usage error leaves no directory behind. */
    private void claimOut() throws java.io.IOException {
        ReportOutput.claim(spec, "--out", out, OUT_MARKER, "cells.csv and boards.csv", "a fleet output directory");
    }

    private Duration parse(String option, String text) {
        try {
            return MonitorCommand.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), String.valueOf(e.getMessage()).replace("--duration", option));
        }
    }
}
