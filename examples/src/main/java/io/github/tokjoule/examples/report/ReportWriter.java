package io.github.tokjoule.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a {@link Report} from {@link ReportData} (tables, charts, headline) and writes it to a directory:
 *
 * <pre>
 * index.html        one self-contained page
 * report.md         the same sections and tables in Markdown
 * cells.csv         every cell with every metric
 * tables/*.csv      one file per table
 * charts/*.svg      one standalone SVG file per figure
 * </pre>
 */
public final class ReportWriter {

    private ReportWriter() {}

    /**
     * The files of a written report.
     *
     * @param directory the output directory
     * @param indexHtml the HTML page
     * @param report the report that was written
     */
    public record Written(Path directory, Path indexHtml, Report report) {}

    /**
     * Builds the report: computes the headline and the tables and draws the charts, in the order of the seed's post
     * (setup, results, latency, prefill, power, analysis) followed by the appendices (every prompt × generation
     * combination as line charts and heat maps, the flags explained, every cell).
     *
     * @param data the report's data
     * @return the report
     */
    public static Report build(ReportData data) {
        return build(data, true);
    }

    /**
     * Builds the report, every table, chart and prose block of every section in one parallel pass when {@code
     * parallel} (on the common fork-join pool, with this thread), else one after the other; the report is the same
     * either way, block for block (each block depends on the data only).
     */
    static Report build(ReportData data, boolean parallel) {
        int g = data.canonicalGen();
        List<Integer> otherGens = data.genLengths().stream().filter(x -> x != g).toList();
        ModeRoles roles = ModeRoles.of(data);
        List<PendingSection> sections = new ArrayList<>();
        sections.add(section(
                "setup",
                "Test setup",
                "What the sweep's own files record; \"not recorded\" or \"unknown\" where they say nothing.",
                List.of(
                        () -> table(SetupTables.hardware(data)),
                        () -> table(SetupTables.software(data)),
                        () -> table(SetupTables.models(data)),
                        () -> table(SetupTables.powerModes(data)),
                        () -> table(sweep(data)))));

        List<Supplier<Report.Block>> results = new ArrayList<>();
        results.add(() -> table(SetupTables.winners(data)));
        results.add(() -> chart(ReportCharts.versusPrompt(data, Metric.TOK_S, g)));
        results.add(() -> chart(ReportCharts.canonicalBars(data, Metric.TOK_S)));
        results.add(() -> chart(ReportCharts.canonicalBars(data, Metric.OUTPUT_TOK_PER_J)));
        results.add(() -> chart(ReportCharts.versusPrompt(data, Metric.OUTPUT_TOK_PER_J, g)));
        for (String mode : data.modes()) {
            results.add(() -> chart(ReportCharts.heatMap(data, Metric.OUTPUT_TOK_PER_J, mode)));
        }
        spotlight(data)
                .ifPresent(m -> results.add(() -> chart(ReportCharts.versusGen(data, Metric.OUTPUT_TOK_PER_J, m))));
        for (Metric m : List.of(Metric.PREFILL_TOK_PER_J, Metric.DECODE_TOK_PER_J, Metric.TOTAL_TOK_PER_J)) {
            results.add(() -> chart(ReportCharts.versusPrompt(data, m, g)));
        }
        sections.add(section(
                "results",
                "Throughput and energy efficiency",
                "Throughput and latency come from aiperf; energy values from the " + data.rail() + " power log by the "
                        + data.method() + " method.",
                results));

        sections.add(section(
                "latency",
                "Latency",
                "Medians (p50) over each cell's requests, at the canonical cell.",
                List.of(
                        () -> chart(ReportCharts.canonicalBars(data, Metric.TTFT_P50_MS)),
                        () -> chart(ReportCharts.canonicalBars(data, Metric.ITL_P50_MS)),
                        () -> chart(ReportCharts.canonicalBars(data, Metric.RL_P50_MS)))));
        sections.add(section(
                "prefill", "Prefill throughput", "", List.of(() -> chart(ReportCharts.prefillThroughput(data)))));
        sections.add(section(
                "power-draw", // "power" is the table's id
                "Power draw",
                "",
                List.of(() -> chart(ReportCharts.power(data)), () -> table(ReportTables.power(data)))));

        List<Supplier<Report.Block>> analysis = new ArrayList<>();
        analysis.add(() -> table(ReportTables.canonical(data)));
        analysis.add(() -> chart(ReportCharts.pareto(data)));
        UseCases.highestVersusMid(data).ifPresent(t -> analysis.add(() -> table(t)));
        analysis.add(() -> table(UseCases.table(data)));
        for (SpeedupTable s : data.speedups()) {
            analysis.add(() -> table(ReportTables.speedup(data, s)));
        }
        analysis.add(() -> table(ReportTables.bestTotal(data)));
        roles.best().ifPresent(b -> analysis.add(() -> chart(ReportCharts.energyVersusOutput(data, b))));
        analysis.add(() -> chart(ReportCharts.canonicalBars(data, Metric.MJ_PER_OUTPUT_TOKEN)));
        sections.add(section(
                "analysis",
                "Analysis",
                "A faster mode is not always a more efficient one: tok/s and tok/J are shown side by side. "
                        + modeRule(roles),
                analysis));

        sections.add(section(
                "appendix-comparison",
                "Appendix A. Every mode at the canonical cell, thermal summary",
                "",
                List.of(() -> table(ReportTables.fullComparison(data)), () -> table(ReportTables.thermal(data)))));
        sections.add(section(
                "appendix-tok-s",
                "Appendix B. Output tok/s heat maps",
                "Every prompt × generation combination at each mode; output tok/J heat maps are in the results"
                        + " section.",
                heatMaps(data, Metric.TOK_S)));
        List<Supplier<Report.Block>> phase = new ArrayList<>();
        for (Metric m : List.of(Metric.PREFILL_TOK_PER_J, Metric.DECODE_TOK_PER_J, Metric.TOTAL_TOK_PER_J)) {
            for (int gen : otherGens) {
                phase.add(() -> chart(ReportCharts.versusPrompt(data, m, gen)));
            }
        }
        // The seed's F.2: decode tok/J follows the output, so it is also drawn against generation length at each
        // prompt length.
        for (int ctx : data.promptLengths()) {
            phase.add(() -> chart(ReportCharts.versusGenAtPrompt(data, Metric.DECODE_TOK_PER_J, ctx)));
        }
        sections.add(section(
                "appendix-phase-tok-j",
                "Appendix C. Prefill, decode and total tok/J at every generation length",
                "Generation length " + g + " is in the results section. Decode tok/J follows the output, not the"
                        + " prompt: it is also drawn against generation length at each prompt length (the seed's F.2).",
                phase));
        // As the seed's appendices G-I: request latency as lines only; TTFT and prefill throughput do not depend
        // on the generation length, so their lines are drawn at the shortest and the canonical one.
        List<Integer> twoGens = data.genLengths().isEmpty()
                ? List.of()
                : List.copyOf(new java.util.TreeSet<>(List.of(data.genLengths().get(0), g)));
        sections.add(section(
                "appendix-request-latency",
                "Appendix D. Request latency at every combination",
                "",
                linesAt(data, Metric.RL_P50_MS, data.genLengths(), false)));
        sections.add(section(
                "appendix-ttft",
                "Appendix E. Time to first token at every combination",
                "TTFT is the prefill cost: it depends on the prompt, not on the generation length, so the lines are"
                        + " drawn at two generation lengths; the heat maps show every combination.",
                linesAt(data, Metric.TTFT_P50_MS, twoGens, true)));
        sections.add(section(
                "appendix-itl",
                "Appendix F. Inter-token latency at every combination",
                "",
                linesAt(data, Metric.ITL_P50_MS, data.genLengths(), true)));
        sections.add(section(
                "appendix-prefill",
                "Appendix G. Prefill throughput at every combination",
                "Prefill throughput does not depend on the generation length: lines at two generation lengths, heat"
                        + " maps at every combination.",
                linesAt(data, Metric.PREFILL_TOK_S, twoGens, true)));
        sections.add(section(
                "accuracy-flags", // "flags" is the table's id
                "Accuracy flags",
                "",
                List.of(
                        () -> new Report.ProseBlock(
                                "flags-explained", "What each flag means", FlagProse.paragraphs(data)),
                        () -> table(ReportTables.flags(data)))));
        sections.add(section(
                "all-cells", "All cells", "", List.of(() -> new Report.TableBlock(ReportTables.cells(data), true))));

        // One pass over every block of every section, and the headline: per-section passes left a core idle at the
        // end of each section and built the setup, flag and cell tables and the headline on one thread.
        List<Supplier<?>> work = new ArrayList<>();
        work.add(() -> Headline.of(data));
        for (PendingSection p : sections) {
            work.addAll(p.blocks());
        }
        List<?> done = (parallel ? work.parallelStream() : work.stream())
                .map(Supplier::get)
                .toList();
        List<Report.Section> built = new ArrayList<>();
        int next = 1;
        for (PendingSection p : sections) {
            List<Report.Block> blocks = new ArrayList<>();
            for (int i = 0; i < p.blocks().size(); i++) {
                blocks.add((Report.Block) done.get(next++));
            }
            built.add(new Report.Section(p.id(), p.title(), p.intro(), blocks));
        }
        return new Report(
                data.title(),
                data.setup(),
                data.method(),
                data.methodDescription(),
                data.notes(),
                (Headline) done.get(0),
                built);
    }

    /** A section whose blocks are still to be built, in order. */
    private record PendingSection(String id, String title, String intro, List<Supplier<Report.Block>> blocks) {}

    private static PendingSection section(String id, String title, String intro, List<Supplier<Report.Block>> blocks) {
        return new PendingSection(id, title, intro, blocks);
    }

    private static List<Supplier<Report.Block>> linesAt(
            ReportData data, Metric metric, List<Integer> gens, boolean withHeatMaps) {
        List<Supplier<Report.Block>> blocks = new ArrayList<>();
        for (int gen : gens) {
            blocks.add(() -> chart(ReportCharts.versusPrompt(data, metric, gen)));
        }
        if (withHeatMaps) {
            blocks.addAll(heatMaps(data, metric));
        }
        return blocks;
    }

    private static List<Supplier<Report.Block>> heatMaps(ReportData data, Metric metric) {
        List<Supplier<Report.Block>> out = new ArrayList<>();
        for (String mode : data.modes()) {
            out.add(() -> chart(ReportCharts.heatMap(data, metric, mode)));
        }
        return out;
    }

    /** The model with the highest output tok/J at the canonical cell (the seed's SmolLM2-135M spotlight). */
    private static Optional<String> spotlight(ReportData data) {
        String best = null;
        double max = Double.NEGATIVE_INFINITY;
        for (CellRow c : data.cells()) {
            double v = c.ctx() == data.canonicalCtx() && c.gen() == data.canonicalGen()
                    ? c.value(Metric.OUTPUT_TOK_PER_J)
                    : Double.NaN;
            if (v > max) {
                max = v;
                best = c.model();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String modeRule(ModeRoles roles) {
        return "Modes by mean power: " + String.join(" < ", roles.byPower()) + ". The headline compares the mode"
                + " that is best by output tok/J for the most models"
                + roles.best().map(b -> " (" + b + ")").orElse("")
                + " with its neighbour below it in power"
                + roles.baseline().map(b -> " (" + b + ")").orElse("")
                + "; the highest-power mode"
                + roles.highest().map(b -> " (" + b + ")").orElse("")
                + " is compared with the best mode, or with its own neighbour below when it is the best.";
    }

    private static Table sweep(ReportData data) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (ReportData.SetupItem i : data.setup()) {
            rows.add(List.of(Table.text(i.label()), Table.text(i.value())));
        }
        return new Table(
                "sweep",
                "Sweep and method",
                "Where the sweep is, its grid, zone, cells and the energy method.",
                List.of("Item", "Value"),
                rows);
    }

    private static Report.Block table(Table t) {
        return new Report.TableBlock(t, false);
    }

    private static Report.Block chart(Chart c) {
        return new Report.ChartBlock(c);
    }

    /**
     * The list of the chart and table files a report wrote, one relative path a line, so that the next report in the
     * same directory deletes exactly those (a chart of an earlier run must not linger) and never a file someone else
     * put in {@code charts/} or {@code tables/}.
     */
    public static final String WRITTEN_LIST = ".tokjoule-report-files";

    /**
     * Builds the report and writes it; the chart and table files of the earlier report in the directory (those its
     * {@value #WRITTEN_LIST} lists; without that list, as tokjoule 0.2 before it wrote one: every {@code
     * charts/*.png}, {@code charts/*.svg} and {@code tables/*.csv}) are replaced, other files are left alone.
     *
     * @param data the report's data
     * @param directory the output directory (created if missing)
     * @return the written files
     * @throws IOException if a file cannot be written
     */
    public static Written write(ReportData data, Path directory) throws IOException {
        return write(build(data), directory);
    }

    /**
     * Writes a built report.
     *
     * @param report the report
     * @param directory the output directory (created if missing)
     * @return the written files
     * @throws IOException if a file cannot be written
     */
    public static Written write(Report report, Path directory) throws IOException {
        return write(report, directory, true);
    }

    /**
     * Writes a built report; when {@code parallel}, the charts, the CSV files and {@code report.md} are written by a
     * second thread while this one writes {@code index.html} (every file is the same either way: each is written by
     * one thread from the immutable report). A failure of either is thrown as it was thrown, after both are done.
     */
    static Written write(Report report, Path directory, boolean parallel) throws IOException {
        Path charts = directory.resolve("charts");
        Path tables = directory.resolve("tables");
        Files.createDirectories(charts);
        Files.createDirectories(tables);
        deleteEarlier(directory);
        List<String> written = new ArrayList<>();
        for (Chart c : report.charts()) {
            written.add("charts/" + c.id() + ".svg");
        }
        for (Table t : report.tables()) {
            if (!t.id().equals(ReportTables.CELLS_ID)) {
                written.add("tables/" + t.id() + ".csv");
            }
        }
        Files.write(directory.resolve(WRITTEN_LIST), written, StandardCharsets.UTF_8);
        IoWork rest = () -> {
            for (Chart c : report.charts()) {
                Files.writeString(charts.resolve(c.id() + ".svg"), c.svgFile(), StandardCharsets.UTF_8);
            }
            for (Table t : report.tables()) {
                Path file = t.id().equals(ReportTables.CELLS_ID)
                        ? directory.resolve("cells.csv")
                        : tables.resolve(t.id() + ".csv");
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    CsvWriter.write(t, w);
                }
            }
            try (Writer w = Files.newBufferedWriter(directory.resolve("report.md"), StandardCharsets.UTF_8)) {
                MarkdownWriter.write(report, w);
            }
        };
        Background others = parallel ? new Background(rest) : null;
        Path index = directory.resolve("index.html");
        try {
            try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
                HtmlWriter.write(report, w);
            }
        } catch (IOException | RuntimeException e) {
            if (others != null) {
                try {
                    others.finish();
                } catch (IOException | RuntimeException second) {
                    e.addSuppressed(second);
                }
            }
            throw e;
        }
        if (others != null) {
            others.finish();
        } else {
            rest.run();
        }
        return new Written(directory, index, report);
    }

    /** Writing that may fail. */
    private interface IoWork {
        void run() throws IOException;
    }

    /** Work on a thread of its own, whose failure {@link #finish} throws as it was thrown. */
    private static final class Background {
        private final Thread thread;
        private @Nullable IOException ioFailure;
        private @Nullable RuntimeException uncheckedFailure;
        private @Nullable Error error;

        Background(IoWork work) {
            thread = new Thread(
                    () -> {
                        try {
                            work.run();
                        } catch (IOException e) {
                            ioFailure = e;
                        } catch (RuntimeException e) {
                            uncheckedFailure = e;
                        } catch (Error e) {
                            error = e;
                        }
                    },
                    "tokjoule-report-files");
            thread.start();
        }

        /** Waits for the work (on, if interrupted: the files must be complete), then throws its failure. */
        void finish() throws IOException {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join(); // makes the failure fields visible here
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (ioFailure != null) {
                throw ioFailure;
            }
            if (uncheckedFailure != null) {
                throw uncheckedFailure;
            }
            if (error != null) {
                throw error;
            }
        }
    }

    /**
     * Deletes the chart and table files of the report written here before: those its list names (only names of the
     * form {@code charts/NAME.svg|png} or {@code tables/NAME.csv}, so that an edited list deletes nothing else), or,
     * without a list, every file of those forms.
     */
    private static void deleteEarlier(Path directory) throws IOException {
        Path list = directory.resolve(WRITTEN_LIST);
        if (!Files.exists(list)) {
            deleteAll(directory.resolve("charts"), "*.png");
            deleteAll(directory.resolve("charts"), "*.svg");
            deleteAll(directory.resolve("tables"), "*.csv");
            return;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.matches("charts/[A-Za-z0-9_.-]+\\.(svg|png)|tables/[A-Za-z0-9_.-]+\\.csv")
                    && !line.contains("..")) {
                Files.deleteIfExists(directory.resolve(line));
            }
        }
    }

    private static void deleteAll(Path dir, String glob) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
    }
}
