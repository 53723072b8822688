package io.github.tokjoule.examples;

import io.github.tokjoule.jetson.driver.DriverSettings;
import io.github.tokjoule.jetson.driver.PlannedCommand;
import io.github.tokjoule.jetson.driver.SweepDriver;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.plan.SweepPlanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule plan PLAN.json}: prints every command, HTTP request, file write and pause a sweep of the plan would
 * make, in order, without running anything (the driver's dry run), under a header ({@link PlanHeader}): the legend of
 * the step kinds, the estimated duration, the privileged steps, the lasting changes, and every missing model file.
 * Lines starting with {@code #} are the header and the headings of modes, models and cells; privileged steps carry the
 * sudo prefix.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Print every command a sweep plan would run, in order, without running anything.",
            "A header (lines starting with #) comes first: the legend of the step kinds, the estimated duration, every"
                    + " step that runs as root, what the sweep leaves changed on the board, and every missing model"
                    + " file (the sweep would refuse to start; plan still prints, with a warning on standard error)."
        })
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The sweep plan (see examples/plans/).")
    Path plan = Path.of("plan.json");

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "The run directory the printed paths refer to (default: runs/<plan name>-<date>-<time>).")
    @Nullable
    Path runDir;

    @CommandLine.Mixin
    Estimate estimate = new Estimate();

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    /** The rates the duration estimate assumes, as options shared by {@code plan} and {@code sweep --dry-run}. */
    static final class Estimate {
        @Option(
                names = "--assume-decode-tok-s",
                paramLabel = "R",
                defaultValue = "38",
                description = "Output tokens per second of one request, for the duration estimate (default:"
                        + " ${DEFAULT-VALUE}, the harmonic mean of the seed benchmark's Table 15: 8 models x 4 modes"
                        + " on an Orin Nano Super, ctx 2048 / gen 256).")
        double decodeTokensPerSecond = 38;

        @Option(
                names = "--assume-prefill-tok-s",
                paramLabel = "R",
                defaultValue = "1640",
                description = "Prompt tokens per second, for the duration estimate (default: ${DEFAULT-VALUE}, the"
                        + " harmonic mean of 2048 / TTFT p50 over the same table).")
        double prefillTokensPerSecond = 1640;

        void check(CommandLine.Model.CommandSpec spec) {
            if (!(decodeTokensPerSecond > 0)
                    || !(prefillTokensPerSecond > 0)
                    || Double.isInfinite(decodeTokensPerSecond)
                    || Double.isInfinite(prefillTokensPerSecond)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--assume-decode-tok-s and --assume-prefill-tok-s must be positive");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        estimate.check(spec);
        SweepPlan p = readPlan(spec, plan);
        Path dir = runDir != null ? runDir : SweepCommand.defaultRunDir(plan);
        printDryRun(
                p,
                dir,
                estimate,
                "plan",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return TokJoule.OK;
    }

    /**
     * Prints the header and every step a sweep of the plan would make into the run directory, one per line, without
     * running any; missing model files are also told on standard error.
     */
    static void printDryRun(
            SweepPlan plan, Path runDir, Estimate estimate, String command, PrintWriter out, PrintWriter err) {
        List<PlannedCommand> steps =
                SweepDriver.create(DriverSettings.defaults()).dryRun(plan, runDir);
        List<String> missing = plan.missingModelFiles();
        for (String line : PlanHeader.lines(
                plan, steps, estimate.decodeTokensPerSecond, estimate.prefillTokensPerSecond, missing)) {
            out.println(line);
        }
        for (PlannedCommand c : steps) {
            out.println(c);
        }
        out.flush();
        if (!missing.isEmpty()) {
            err.println("tokjoule " + command + ": warning: " + missing.size() + " model file(s) missing (listed in"
                    + " the header): the sweep would refuse to start");
            err.flush();
        }
    }

    /**
     * Reads a plan; a missing file is a usage error (exit code 2), a plan that does not parse or is invalid is an
     * input failure (exit code 1), as every other file that does not parse; the message names the file and the JSON
     * path.
     */
    static SweepPlan readPlan(CommandLine.Model.CommandSpec spec, Path file) throws IOException {
        Inputs.requireFile(spec, "PLAN.json", file);
        try {
            return SweepPlan.read(file);
        } catch (SweepPlanException e) {
            throw new IllegalArgumentException("invalid plan: " + e.getMessage(), e);
        }
    }
}
