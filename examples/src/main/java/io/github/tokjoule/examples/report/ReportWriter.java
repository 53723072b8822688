package io.github.tokjoule.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assembles a {@link Report} from {@link ReportData} (tables, charts, headline) and writes it to a directory:
 *
 * <pre>
 * index.html        one self-contained page
 * report.md         the same sections and tables in Markdown
 * cells.csv         every cell with every metric
 * tables/*.csv      one file per table
 * charts/*.png      one file per chart
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
     * Builds the report: computes the headline and the tables and draws the charts.
     *
     * @param data the report's data
     * @return the report
     */
    public static Report build(ReportData data) {
        Map<String, Chart> charts =
                ReportCharts.all(data).stream().collect(Collectors.toMap(Chart::id, Function.identity()));
        Headline headline = Headline.of(data);
        List<Report.Section> sections = new ArrayList<>();

        List<Report.Block> results = new ArrayList<>();
        results.add(chart(charts, "tok_s_vs_prompt"));
        results.add(chart(charts, "canonical_bars"));
        results.add(chart(charts, "output_tok_per_j_vs_prompt"));
        for (String mode : data.modes()) {
            results.add(chart(charts, ReportCharts.heatMapId(mode)));
        }
        results.add(chart(charts, "prefill_tok_per_j_vs_prompt"));
        results.add(chart(charts, "decode_tok_per_j_vs_prompt"));
        results.add(chart(charts, "total_tok_per_j_vs_prompt"));
        sections.add(new Report.Section(
                "Results: charts",
                "All charts use every power mode of the sweep. Throughput and latency come from aiperf; energy"
                        + " values from the " + data.rail() + " power log by the " + data.method() + " method.",
                results));

        sections.add(
                new Report.Section("Power draw", "", List.of(new Report.TableBlock(ReportTables.power(data), false))));

        List<Report.Block> analysis = new ArrayList<>();
        analysis.add(new Report.TableBlock(ReportTables.canonical(data), false));
        analysis.add(chart(charts, "pareto"));
        for (SpeedupTable s : data.speedups()) {
            analysis.add(new Report.TableBlock(ReportTables.speedup(data, s), false));
        }
        analysis.add(new Report.TableBlock(ReportTables.bestTotal(data), false));
        sections.add(new Report.Section(
                "Analysis",
                "A faster mode is not always a more efficient one: tok/s and tok/J are shown side by side.",
                analysis));

        sections.add(new Report.Section(
                "Appendix",
                "",
                List.of(
                        new Report.TableBlock(ReportTables.fullComparison(data), false),
                        new Report.TableBlock(ReportTables.thermal(data), false),
                        new Report.TableBlock(ReportTables.flags(data), false),
                        new Report.TableBlock(ReportTables.cells(data), true))));
        return new Report(
                data.title(), data.setup(), data.method(), data.methodDescription(), data.notes(), headline, sections);
    }

    private static Report.Block chart(Map<String, Chart> charts, String id) {
        Chart c = charts.get(id);
        if (c == null) {
            throw new IllegalStateException("no chart with id " + id + " among " + charts.keySet());
        }
        return new Report.ChartBlock(c);
    }

    /**
     * Builds the report and writes it; earlier {@code charts/*.png} and {@code tables/*.csv} in the directory are
     * replaced, other files are left alone.
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
        Path charts = directory.resolve("charts");
        Path tables = directory.resolve("tables");
        Files.createDirectories(charts);
        Files.createDirectories(tables);
        deleteAll(charts, "*.png");
        deleteAll(tables, "*.csv");
        for (Chart c : report.charts()) {
            Files.write(charts.resolve(c.id() + ".png"), c.png());
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
        Path index = directory.resolve("index.html");
        try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            HtmlWriter.write(report, w);
        }
        return new Written(directory, index, report);
    }

    private static void deleteAll(Path dir, String glob) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
    }
}
