package io.github.tokjoule.examples;

import io.github.tokjoule.jetson.driver.DriverSettings;
import io.github.tokjoule.jetson.driver.PlannedCommand;
import io.github.tokjoule.jetson.driver.SweepDriver;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.plan.SweepPlanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule plan PLAN.json}: prints every command, HTTP request, file write and pause a sweep of the plan would
 * make, in order, without running anything (the driver's dry run). Lines starting with {@code #} say which mode,
 * model or cell the following steps belong to; privileged steps carry the sudo prefix.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Print every command a sweep plan would run, in order, without running anything.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The sweep plan (see examples/plans/).")
    Path plan = Path.of("plan.json");

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "The run directory the printed paths refer to (default: runs/<plan name>-<date>-<time>).")
    @Nullable
    Path runDir;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepPlan p = readPlan(spec, plan);
        Path dir = runDir != null ? runDir : SweepCommand.defaultRunDir(plan);
        printDryRun(p, dir, spec.commandLine().getOut());
        return 0;
    }

    /** Prints every step a sweep of the plan would make into the run directory, one per line, without running any. */
    static void printDryRun(SweepPlan plan, Path runDir, PrintWriter out) {
        for (PlannedCommand c : SweepDriver.create(DriverSettings.defaults()).dryRun(plan, runDir)) {
            out.println(c);
        }
    }

    /**
     * Reads a plan; a missing file or an invalid plan is a usage error (exit code 2) whose message names the file and
     * the JSON path.
     */
    static SweepPlan readPlan(CommandLine.Model.CommandSpec spec, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "PLAN.json " + file + ": no such file");
        }
        try {
            return SweepPlan.read(file);
        } catch (SweepPlanException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid plan: " + e.getMessage(), e);
        }
    }
}
