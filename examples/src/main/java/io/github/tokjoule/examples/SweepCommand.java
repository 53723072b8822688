package io.github.tokjoule.examples;

import io.github.tokjoule.jetson.driver.DriverSettings;
import io.github.tokjoule.jetson.driver.SweepDriver;
import io.github.tokjoule.jetson.driver.SweepOutcome;
import io.github.tokjoule.jetson.driver.SweepProgress;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule sweep PLAN.json}: runs a power-mode × model sweep on a Jetson through the driver, with a progress
 * line on standard error and a summary at the end; {@code --resume RUN_DIR} re-runs only the missing or invalid
 * cells of an interrupted run; {@code --dry-run} prints every command instead.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a power-mode x model sweep on a Jetson (llama-server, aiperf, tegrastats; sudo for nvpmodel and"
                    + " jetson_clocks).",
            "Progress goes to standard error; Ctrl-C stops the child processes and leaves a run that --resume"
                    + " continues. Exit code 1 when the sweep stopped, was interrupted, or some cells or models failed"
                    + " (--resume retries them)."
        })
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The sweep plan (see examples/plans/).")
    Path plan = Path.of("plan.json");

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "Where a new run is written (default: runs/<plan name>-<date>-<time>).")
    @Nullable
    Path runDir;

    @Option(
            names = "--resume",
            paramLabel = "RUN_DIR",
            description = "Resume this run: re-run only its missing or invalid cells (the plan must be the same).")
    @Nullable
    Path resume;

    @Option(
            names = "--dry-run",
            description = "Print every command the sweep would run, in order, under the header of tokjoule plan"
                    + " (legend, estimated duration, privileged steps, lasting changes, missing files), and exit.")
    boolean dryRun;

    @CommandLine.Mixin
    PlanCommand.Estimate estimate = new PlanCommand.Estimate();

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepPlan p = PlanCommand.readPlan(spec, plan);
        if (resume != null && runDir != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --resume or --run-dir, not both");
        }
        Path dir = resume != null ? resume : runDir != null ? runDir : defaultRunDir(plan);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            estimate.check(spec);
            PlanCommand.printDryRun(
                    p, dir, estimate, "sweep", out, spec.commandLine().getErr());
            return TokJoule.OK;
        }
        if (resume != null && !Files.isDirectory(resume)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--resume " + resume + ": no such run directory");
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), onTerminal());
        SweepDriver driver = SweepDriver.create(DriverSettings.builder()
                .listener(progress -> onProgress(bar, progress))
                .build());
        Thread hook = SweepDriver.shutdownHook(Thread.currentThread(), Duration.ofSeconds(60));
        Runtime.getRuntime().addShutdownHook(hook);
        SweepOutcome outcome;
        try {
            outcome = resume != null ? driver.resume(dir, p) : driver.run(p, dir);
        } finally {
            bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook is running and waits for us
            }
        }
        summary(out, outcome);
        return outcome.status() == SweepOutcome.Status.COMPLETED ? 0 : 1;
    }

    /** On Java 17-21 a null console means standard streams are redirected: print lines, not a redrawn bar. */
    @SuppressWarnings("SystemConsoleNull")
    private static boolean onTerminal() {
        return System.console() != null;
    }

    static void onProgress(ProgressBar bar, SweepProgress p) {
        String where = p.cell()
                .map(c -> c.modeLabel() + "/" + c.model() + "/" + cellLabel(c))
                .orElse(p.modeLabel().orElse("") + p.model().map(m -> "/" + m).orElse(""));
        switch (p.stage()) {
            case RUN_STARTED, MODE_STARTED, SERVER_RESTARTED -> bar.message(p.message());
            case MODEL_FAILED -> bar.message(where + ": model failed: " + p.message());
            case CELL_FINISHED -> {
                if (p.message().startsWith("failed")) {
                    bar.message(where + ": " + p.message());
                }
            }
            case CELL_STARTED -> {
                if (!p.message().isEmpty() && !p.message().equals("attempt 1")) {
                    bar.message(where + ": " + p.message());
                }
            }
            default -> {}
        }
        bar.update(
                p.cellsDone(),
                p.cellsTotal(),
                p.modeLabel(),
                p.model(),
                p.cell().map(SweepCommand::cellLabel),
                p.elapsed(),
                p.eta());
    }

    static String cellLabel(CellKey cell) {
        return "gen" + cell.genTokens() + "/ctx" + cell.promptTokens();
    }

    static void summary(PrintWriter out, SweepOutcome o) {
        out.println("Sweep " + o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + o.message());
        out.println("  run directory:     " + o.runDir());
        out.println("  cells:             " + o.cellsTotal() + " planned, " + o.cellsAlreadyComplete()
                + " complete before this session, " + o.cellsOk() + " run ok, " + o.cellsFailed() + " failed, "
                + o.cellsRemaining() + " remaining");
        if (!o.failedModels().isEmpty()) {
            out.println("  failed models:     " + String.join(", ", o.failedModels()));
        }
        if (o.cellsRemaining() > 0) {
            out.println("  resume with:       tokjoule sweep PLAN.json --resume " + o.runDir());
        }
        out.println("  report with:       tokjoule report " + o.runDir() + " --out "
                + o.runDir().resolve("report"));
    }

    /** {@code runs/<plan stem>-<date>-<time>}, stamped in this machine's zone (the Jetson's, on a real run). */
    static Path defaultRunDir(Path plan) {
        String name =
                Optional.ofNullable(plan.getFileName()).map(Path::toString).orElse("plan");
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(
                "runs",
                stem + "-"
                        + LocalDateTime.now(ZoneId.systemDefault())
                                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")));
    }
}
