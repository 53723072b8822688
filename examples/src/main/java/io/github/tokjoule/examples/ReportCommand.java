package io.github.tokjoule.examples;

import io.github.tokjoule.core.cell.CellShape;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.examples.report.Report;
import io.github.tokjoule.examples.report.ReportDataBuilder;
import io.github.tokjoule.examples.report.ReportWriter;
import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.ModeNames;
import io.github.tokjoule.jetson.analysis.RailChoice;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.analysis.SweepResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule report SWEEP_DIR}: analyzes a sweep directory (the tokjoule layout, or the seed benchmark's
 * published one) and writes the report: {@code index.html}, {@code report.md}, {@code cells.csv},
 * {@code tables/*.csv}, {@code charts/*.svg}.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Analyze a sweep directory and write the report (HTML, Markdown, CSV, SVG charts); or report a"
                    + " tokjoule monitor log (LOG.csv or LOG.jsonl), alone or joined with aiperf's records (--records).",
            "SWEEP_DIR is a run in the tokjoule layout (manifest.json, <MODE>/<model>/gen<G>/ctx<C>/) or in the seed"
                    + " benchmark's published layout (one directory per mode, e.g. jetson-non-reasoning-benchmark-25w,"
                    + " then <model>/gen<G>/ctx<C>/profile_export_aiperf.json, tegrastats.log per cell or per mode)."
        })
final class ReportCommand implements Callable<Integer> {

    /** The analysis methods by their command-line names. */
    enum Method {
        /** {@link EnergyMethod#MEASURED}. */
        MEASURED(EnergyMethod.MEASURED),
        /** {@link EnergyMethod#SEED_COMPATIBLE}. */
        SEED(EnergyMethod.SEED_COMPATIBLE);

        final EnergyMethod energyMethod;

        Method(EnergyMethod energyMethod) {
            this.energyMethod = energyMethod;
        }
    }

    @Parameters(
            index = "0",
            paramLabel = "SWEEP_DIR|LOG",
            description = "The sweep directory, or a log written by tokjoule monitor --out (.csv or .jsonl).")
    Path sweep = Path.of(".");

    @Option(
            names = "--records",
            paramLabel = "FILE",
            description = "With a monitor LOG: aiperf's profile_export.jsonl of the requests run while the log was"
                    + " written; their energy per request and per phase is joined on --rail (default: the log's only"
                    + " rail, else VDD_CPU_GPU_CV, else VDD_IN). Without it the report is the log's summary.")
    @Nullable
    Path records;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "With a monitor LOG and --records: the model the requests ran, for cells.csv (default:"
                    + " unknown; --mode LABEL names the power mode the same way).")
    @Nullable
    String model;

    @CommandLine.Mixin
    ReportOutput output = new ReportOutput();

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "The Jetson's time zone (IANA id, e.g. Asia/Kolkata): tegrastats and aiperf print naive"
                    + " local time. Default: the manifest's; required for the seed's layout, which has none.")
    @Nullable
    ZoneId zone;

    @Option(
            names = "--method",
            paramLabel = "measured|seed",
            defaultValue = "measured",
            description = "measured: integrate power over each request's own window (default); seed: the seed"
                    + " benchmark's arithmetic, window median power x p50 latencies.")
    Method method = Method.MEASURED;

    /** The join's estimators by their command-line names. */
    enum Estimator {
        /** {@link EnergyEstimators#automatic()}. */
        AUTO(EnergyEstimators.automatic()),
        /** {@link EnergyEstimators#perRequest()}. */
        PER_REQUEST(EnergyEstimators.perRequest()),
        /** {@link EnergyEstimators#pooled()}. */
        POOLED(EnergyEstimators.pooled());

        final EnergyEstimator estimator;

        Estimator(EnergyEstimator estimator) {
            this.estimator = estimator;
        }
    }

    @Option(
            names = "--estimator",
            paramLabel = "auto|per_request|pooled",
            defaultValue = "auto",
            description = "How --method measured attributes energy to requests. auto (default): per cell, per_request"
                    + " where every request's prefill and decode hold " + EnergyEstimators.DENSE_SAMPLES
                    + " power samples, else pooled; per_request: integrate each request's own windows; pooled: pool"
                    + " the samples of all requests of a cell on a request-relative time axis. cells.csv names the"
                    + " estimator used per cell.")
    Estimator estimator = Estimator.AUTO;

    @Option(
            names = "--request-clock-uncertainty-ms",
            paramLabel = "MS",
            defaultValue = "0",
            description = "How far, either way, aiperf's request times may be from the power log's clock: aiperf"
                    + " on another host, the server starting some ms after the client sends, tegrastats' sub-second"
                    + " times reconstructed from whole-second stamps. Default 0: taken as exact. With MS > 0 the"
                    + " readings' lag is measured per cell within +-MS, or the whole MS is allowed for in every"
                    + " interval: wider intervals and more cells flagged undersampled (0 to 1000).")
    double requestClockUncertaintyMillis;

    @Option(
            names = "--rail",
            paramLabel = "NAME|sum|total",
            description = "Power rail: a rail name (e.g. VDD_IN), several joined by + (e.g. VDD_CPU_GPU_CV+VDD_SOC),"
                    + " sum (every rail) or total (the board's input rail). Default: VDD_CPU_GPU_CV where the board"
                    + " has it (the seed's rail), else the board total.")
    @Nullable
    String rail;

    @Option(
            names = "--mode",
            paramLabel = "LABEL",
            description = "The power mode of a single mode directory whose name does not say it (e.g. 25W).")
    @Nullable
    String mode;

    @Option(
            names = "--allow-partial",
            description = "Write the report even when cells have no energy figure or the zone is contradicted by the"
                    + " data (the causes are still printed, as warnings), and exit 0. Without it such a sweep is an"
                    + " error (exit code 1) and no report is written.")
    boolean allowPartial;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.isRegularFile(sweep)) {
            return monitorLog();
        }
        if (!Files.exists(sweep)) { // it said "SWEEP_DIR power.csv: no such directory" for a log's name too
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "SWEEP_DIR|LOG " + sweep + ": no such file or directory");
        }
        if (records != null || model != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--records and --model apply to a monitor log (tokjoule report LOG.csv --records"
                            + " profile_export.jsonl), not to a sweep directory");
        }
        Inputs.requireDirectory(spec, "SWEEP_DIR", sweep);
        if (zone == null && !Files.exists(sweep.resolve(SweepManifest.FILE_NAME))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "SWEEP_DIR " + sweep + " has no " + SweepManifest.FILE_NAME + " (the seed's layout): give the"
                            + " Jetson's time zone with --zone, e.g. --zone Asia/Kolkata");
        }
        if (!(requestClockUncertaintyMillis >= 0 && requestClockUncertaintyMillis <= 1000)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--request-clock-uncertainty-ms " + requestClockUncertaintyMillis
                            + ": give 0 to 1000 ms, how far either way aiperf's clock may be from the power log's");
        }
        AnalysisOptions options = AnalysisOptions.defaults()
                .withRequestClockUncertaintyNanos(Math.round(requestClockUncertaintyMillis * 1e6))
                .withMethod(method.energyMethod)
                .withEstimator(estimator.estimator)
                .withHeadlineVariant(ReportDataBuilder.headlineVariant(method.energyMethod))
                .withThreads(Runtime.getRuntime().availableProcessors());
        if (zone != null) {
            options = options.withZone(zone);
        }
        if (rail != null) {
            try {
                options = options.withRail(RailChoice.parse(rail));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rail " + rail + ": " + e.getMessage());
            }
        }
        if (mode != null) {
            PowerMode m = ModeNames.fromDirectoryName(mode)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "--mode " + mode + ": not a power mode (e.g. 7W, 15W, 25W, MAXN)"));
            options = options.withMode(m);
        }
        PrintWriter err = spec.commandLine().getErr();
        SweepLayout layout = SweepLayout.discover(sweep, options.mode());
        SweepChecks.runWindowNote(layout, method.energyMethod)
                .ifPresent(note -> err.println("tokjoule report: note: " + note));
        Path out = output.prepare();
        options = options.withCanonicalCell(canonicalCell(layout, options));
        Timings t = Timings.start();
        SweepResult result = SweepAnalysis.analyze(sweep, options);
        t.lap("analysis");
        SweepChecks checks = SweepChecks.inspect(result);
        if (checks.failed()) {
            checks.print(err, "report", allowPartial);
            if (!allowPartial) {
                return TokJoule.FAILED;
            }
        }
        String name = String.valueOf(sweep.toAbsolutePath().normalize().getFileName());
        ReportDataBuilder data = ReportDataBuilder.create("Sweep report: " + name, result);
        if (requestClockUncertaintyMillis > 0) {
            data.note("The request clock was declared uncertain by ±"
                    + java.math.BigDecimal.valueOf(requestClockUncertaintyMillis)
                            .stripTrailingZeros()
                            .toPlainString()
                    + " ms against the power log (--request-clock-uncertainty-ms): each cell's readings are placed"
                    + " by the lag measured at its requests' edges within that range, or, where the edges do not"
                    + " pin it, every interval allows for the whole range.");
        }
        Report report = ReportWriter.build(data.build());
        t.lap("tables and charts");
        ReportWriter.Written written = ReportWriter.write(report, out);
        t.lap("files");
        DemoCommand.printSummary(spec.commandLine().getOut(), written, result);
        Warnings.print(err, "report", result.warnings());
        t.print(spec.commandLine().getErr());
        return 0;
    }

    /** {@code tokjoule report LOG}: a standalone monitor log ({@link MonitorLogReport}). */
    private int monitorLog() throws Exception {
        List<String> wrong = new ArrayList<>();
        if (zone != null) {
            wrong.add("--zone (a monitor log and aiperf's records hold epoch times: no zone applies)");
        }
        if (method != Method.MEASURED) {
            wrong.add("--method seed (the seed's arithmetic needs aiperf's summary of a sweep cell)");
        }
        if (requestClockUncertaintyMillis != 0) {
            wrong.add("--request-clock-uncertainty-ms (it applies to a sweep's aiperf records)");
        }
        if (records != null) {
            Inputs.requireFile(spec, "--records", records);
        } else if (model != null || mode != null) {
            wrong.add("--model and --mode without --records (they label the requests' cell)");
        }
        if (!wrong.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "with a monitor log " + sweep + ": " + String.join("; ", wrong) + " do(es) not apply");
        }
        Optional<String> otherKind = otherKind(sweep);
        if (otherKind.isPresent()) {
            spec.commandLine().getErr().println("tokjoule report: " + sweep + ": " + otherKind.get());
            spec.commandLine().getErr().flush();
            return TokJoule.FAILED;
        }
        try {
            return new MonitorLogReport(
                            sweep,
                            spec.commandLine().getOut(),
                            spec.commandLine().getErr())
                    .run(
                            records,
                            rail,
                            estimator.estimator,
                            model == null ? "unknown" : model,
                            mode == null ? "unknown" : mode,
                            allowPartial,
                            output);
        } catch (MonitorLogReport.UsageProblem e) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        } catch (MonitorLogReport.InputProblem e) {
            spec.commandLine().getErr().println("tokjoule report: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return TokJoule.FAILED;
        }
    }

    /**
     * What a file given as LOG is when it is a log or export that {@code report} does not read alone, from its first
     * 4 KiB, with what to do instead: it said only "line 1: not a tokjoule live log".
     */
    static Optional<String> otherKind(Path file) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.contains("RAM ") && (first.contains("CPU [") || first.contains("cpu ["))) {
            return Optional.of("a tegrastats log, not a tokjoule monitor log: report reads a sweep directory (a"
                    + " tegrastats.log per cell or per mode: tokjoule report DIR) or a log of tokjoule monitor (record"
                    + " the next run with tokjoule monitor --source tegrastats --out LOG.csv); tokjoule tegrastats"
                    + " converts this one to CSV or JSON Lines");
        }
        String name = file.getFileName().toString();
        if (name.contains("profile_export")
                || name.contains("profile-export")
                || text.contains("\"request_start_ns\"")
                || text.contains("\"aiperf_version\"")
                || text.contains("\"request_latency\"")) {
            return Optional.of("an aiperf export, not a power log: give aiperf's records with --records beside a"
                    + " tokjoule monitor log (tokjoule report LOG.csv --records profile_export.jsonl), or a sweep"
                    + " directory; tokjoule aiperf prints this file's summary");
        }
        return Optional.empty();
    }

    /**
     * The seed's canonical cell (ctx 2048 / gen 256) when the sweep has it, else its longest prompt and longest
     * generation, so that a smaller sweep still gets its canonical tables.
     */
    static CellShape canonicalCell(SweepLayout layout, AnalysisOptions options) {
        CellShape seed = options.canonicalCell();
        int ctx = 0;
        int gen = 0;
        for (SweepLayout.CellLocation c : layout.cells()) {
            if (c.ctxTokens() == seed.targetInputTokens() && c.genTokens() == seed.targetOutputTokens()) {
                return seed;
            }
            ctx = Math.max(ctx, c.ctxTokens());
            gen = Math.max(gen, c.genTokens());
        }
        return ctx > 0 && gen > 0 ? CellShape.of(ctx, gen) : seed;
    }
}
