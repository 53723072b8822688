package io.github.tokjoule.examples;

import io.github.tokjoule.examples.report.Headline;
import io.github.tokjoule.examples.report.ReportData;
import io.github.tokjoule.examples.report.ReportDataBuilder;
import io.github.tokjoule.examples.report.ReportWriter;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SweepTruth;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokjoule demo}: generates the synthetic 4-mode × 8-model × 12-cell sweep (parameters shaped after the seed
 * benchmark's Table 15) into a temporary directory, analyzes it like a real one and writes the report, then prints
 * the page's path and the headline. Needs nothing but a JDK.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a synthetic sweep (4 power modes x 8 models x 12 prompt/gen cells x 20 requests, shaped after the"
                    + " seed benchmark), analyze it and write the report.",
            "Prints the path of the HTML page and the headline: the best mode per model by output tok/J, with the"
                    + " 25W vs 15W speedup."
        })
final class DemoCommand implements Callable<Integer> {

    /** The device zone the synthetic sweep is stamped in (the seed benchmark's author's). */
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @CommandLine.Mixin
    ReportOutput output = new ReportOutput();

    @Option(
            names = {"--random-seed", "--seed"},
            paramLabel = "N",
            defaultValue = "42",
            description = "Random seed of the synthetic sweep (default: ${DEFAULT-VALUE}); the same random seed gives"
                    + " the same sweep. --seed is an older alias.")
    long randomSeed = 42;

    /** The file that marks a directory as a sweep {@code tokjoule demo} wrote. */
    static final String SWEEP_MARKER = ".tokjoule-demo-sweep";

    @Option(
            names = "--keep-sweep",
            paramLabel = "DIR",
            description = "Write the synthetic sweep here and keep it (default: a temporary directory, deleted"
                    + " afterwards); analyze it again with: tokjoule report DIR. DIR must be new, empty, or a sweep"
                    + " tokjoule demo wrote before (it holds a " + SWEEP_MARKER + " file).")
    @Nullable
    Path keepSweep;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = output.prepare();
        Path sweepDir = keepSweep != null
                ? ReportOutput.claim(
                        spec,
                        "--keep-sweep",
                        keepSweep,
                        SWEEP_MARKER,
                        "manifest.json and the power-mode directories",
                        "a synthetic sweep of tokjoule demo")
                : Files.createTempDirectory("tokjoule-demo-");
        try {
            SweepTruth truth = SyntheticSweep.generate(
                    SweepSpec.builder(ZONE).randomSeed(randomSeed).build(), sweepDir);
            SweepResult result = SweepAnalysis.analyze(
                    sweepDir,
                    AnalysisOptions.defaults().withThreads(Runtime.getRuntime().availableProcessors()));
            ReportData data = ReportDataBuilder.create(
                            "tokjoule demo: a synthetic sweep of "
                                    + result.modes().size() + " power modes × "
                                    + result.models().size() + " models",
                            result)
                    .setup(
                            "Generator",
                            "tokjoule SyntheticSweep, random seed " + randomSeed
                                    + ", parameters shaped after the seed benchmark's Table 15; "
                                    + truth.cells().size() + " cells simulated")
                    .note("This is a synthetic sweep: every number below was produced by a simulator whose true"
                            + " energies are known, not measured on a Jetson. Run tokjoule report on a real sweep"
                            + " for real numbers.")
                    .build();
            SweepChecks checks = SweepChecks.inspect(result);
            if (checks.failed()) { // the generator's sweep always has its energies: this is a bug, say so
                checks.print(spec.commandLine().getErr(), "demo", false);
                return TokJoule.FAILED;
            }
            ReportWriter.Written written = ReportWriter.write(data, out);
            printSummary(spec.commandLine().getOut(), written, result);
            Warnings.print(spec.commandLine().getErr(), "demo", result.warnings());
            return TokJoule.OK;
        } finally {
            if (keepSweep == null) {
                deleteTree(sweepDir);
            }
        }
    }

    /** Prints the page's path and the headline. */
    static void printSummary(PrintWriter out, ReportWriter.Written written, SweepResult result) {
        out.println("Report: " + written.indexHtml().toAbsolutePath().normalize());
        out.println("        (also report.md, cells.csv, tables/*.csv and charts/*.svg in "
                + written.directory().toAbsolutePath().normalize() + ")");
        out.println();
        Headline h = written.report().headline();
        for (String line : h.toLines(written.report().method())) {
            out.println(line);
        }
        out.println();
        for (String f : h.findings()) {
            out.println("- " + f);
        }
        if (!result.warnings().isEmpty()) {
            out.println();
            out.println(result.warnings().size() + " warning(s) from the analysis; see the report's setup section.");
        }
        out.flush();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
