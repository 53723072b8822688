package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWriterTest {

    @TempDir
    static Path dir;

    static ReportWriter.Written written;
    static String html;

    @BeforeAll
    static void write() throws Exception {
        written = ReportWriter.write(SampleData.create(), dir);
        html = Files.readString(written.indexHtml(), StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryFileAndEveryFigureAsAStandaloneSvg() throws Exception {
        assertThat(dir.resolve("index.html")).isRegularFile();
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("cells.csv")).isRegularFile();
        for (Table t : written.report().tables()) {
            if (!t.id().equals(ReportTables.CELLS_ID)) {
                assertThat(dir.resolve("tables/" + t.id() + ".csv")).isRegularFile();
            }
        }
        DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (Chart c : written.report().charts()) {
            Path svg = dir.resolve("charts/" + c.id() + ".svg");
            Document d = xml.parse(svg.toFile());
            assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(d.getElementsByTagName("svg").getLength())
                    .as(c.id())
                    .isGreaterThan(c.panels().size());
        }
        // results 12 (tok/s, 2 bars, tok/J, 4 heat maps, spotlight, 3 phases), latency 3, prefill 1, power 1,
        // analysis 3 (Pareto, energy vs gen, mJ/token), B 4, C 6 + 4 (decode tok/J against gen at each prompt length,
        // the seed's F.2), D 3, E 2 + 4, F 3 + 4, G 2 + 4
        assertThat(written.report().charts()).hasSize(12 + 3 + 1 + 1 + 3 + 4 + 6 + 4 + 3 + 6 + 7 + 6);
    }

    @Test
    void strokedPathsAreNeverFilled() {
        // grid, axes, error bars and flag rings are each one path of several strokes: filled, an axis path
        // (up the left side, then along the bottom) would paint the plot's triangle black
        Matcher path = Pattern.compile("<path class=\"([a-z]+)\"").matcher(html);
        java.util.Set<String> classes = new java.util.TreeSet<>();
        while (path.find()) {
            classes.add(path.group(1));
        }
        assertThat(classes).contains("ax", "gr", "eb", "ln");
        for (String c : classes) {
            assertThat(SvgPlot.STYLE).as(c).containsPattern("\\." + c + "\\{fill:none");
        }
    }

    @Test
    void htmlIsSelfContainedWithOneInlineScript() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!#)");
        assertThat(html).doesNotContain("http://", "https://", "<link", "@import", "<img");
        assertThat(html).as("only references inside the page").doesNotContainPattern("url\\((?!#)");
        // one script, and the cell table's rows as data (never run)
        assertThat(Pattern.compile("<script>").matcher(html).results()).hasSize(1);
        assertThat(Pattern.compile("<script type=\"application/json\" data-rows=\"cells\">")
                        .matcher(html)
                        .results())
                .hasSize(1);
        assertThat(Pattern.compile("<script").matcher(html).results()).hasSize(2);
        assertThat(html).contains("<script>(function(){");
    }

    @Test
    void everyInlinePanelIsWellFormedSvg() throws Exception {
        DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        int panels = 0;
        while (svg.find()) {
            xml.parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            panels++;
        }
        int expected = 0;
        for (Chart c : written.report().charts()) {
            expected += c.panels().size()
                    + (c.legend().isEmpty() ? 0 : 1)
                    + (c.colourBar().isEmpty() ? 0 : 1);
        }
        assertThat(panels).isEqualTo(expected);
    }

    @Test
    void tableOfContentsLinksEveryTableFigureAndSection() {
        String toc = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>"));
        for (Table t : written.report().tables()) {
            assertThat(toc).contains("href=\"#" + t.id() + "\"");
            assertThat(html).contains("id=\"" + t.id() + "\"");
        }
        for (Chart c : written.report().charts()) {
            assertThat(toc).contains("href=\"#" + c.id() + "\"");
            assertThat(html).contains("<figure id=\"" + c.id() + "\"");
        }
        for (Report.Section s : written.report().sections()) {
            assertThat(toc).contains("href=\"#" + s.id() + "\"");
        }
        // Every anchor is unique: the sections "power", "flags" and "cells" shared their tables' ids, so the table of
        // contents' links to those tables landed on the sections.
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Map<String, Integer> ids = new java.util.TreeMap<>();
        while (m.find()) {
            ids.merge(m.group(1), 1, Integer::sum);
        }
        assertThat(ids).isNotEmpty();
        assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
                .as("ids used more than once")
                .isEmpty();
    }

    @Test
    void numbersHaveThreeSignificantFiguresAndTheCellTableHumanLabels() {
        // SampleData: 7W smollm2-135m ctx 128 gen 64: RL = 128 / (53.9 x 8) s + 64 / (53.9 x 1.09375) s
        // = 0.296846 + 1.085594 = 1.382440 s = 1382.44 ms -> printed 1382 (digits before the point stay);
        // ITL = 1000 / 58.953 = 16.9627 ms -> 17.0
        String cells = html.substring(html.indexOf("data-table=\"cells\""));
        cells = cells.substring(0, cells.indexOf("</script>"));
        // the rows are JSON the page's script draws: a printed number as a JSON number where JavaScript prints it
        // back the same (1382), else as a string ("17.0" keeps its zero)
        assertThat(cells).contains(",1382,").contains(",\"17.0\",").doesNotContain("1382.4");
        assertThat(cells)
                .contains(">Prompt (tok)</th>", "TTFT p50 (ms)</th>", "Output tok/J</th>", ">Power trace</th>");
        assertThat(cells).doesNotContain(">ttft_p50_ms<", ">output_tok_per_j<", "_ci95_");
        Matcher td = Pattern.compile("<td(?: class=\"a\")?[^>]*>([0-9.]+)").matcher(html);
        while (td.find()) {
            String v = td.group(1);
            String digits = v.replace(".", "").replaceFirst("^0+", "");
            assertThat(v.contains(".") ? digits.length() : 3).as(v).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void intervalsShowAsPlusMinusAndErrorBarsOnlyWhereTheDataHasThem() {
        // SampleData gives 25W output tok/J a +-3 % interval: smollm2-135m canonical 165.1 / 5.74 = 28.76,
        // half-width 0.03 x 28.76 = 0.863 -> "28.8 ± 0.86"
        String canonical = html.substring(html.indexOf("data-table=\"canonical\""));
        canonical = canonical.substring(0, canonical.indexOf("</table>"));
        assertThat(canonical).contains("28.8 ± 0.86").contains("95 % interval 27.90 to 29.63");
        String tokJ = figure("output_tok_per_j_vs_prompt_gen256");
        assertThat(tokJ).contains("class=\"eb\"").contains("95 % interval").contains("95 % interval</text>");
        String tokS = figure("tok_s_vs_prompt_gen256");
        assertThat(tokS).doesNotContain("class=\"eb\"").doesNotContain("95 %");
    }

    @Test
    void flaggedValuesAreVisiblyMarkedInChartsAndHeatMaps() {
        // PREFILL_UNDERSAMPLED (TTFT < 500 ms) marks prefill tok/J but not decode tok/J.
        assertThat(figure("prefill_tok_per_j_vs_prompt_gen256"))
                .contains("class=\"fl\"", "class=\"rg\"", "approximate (flagged)", "approximate: PREFILL_UNDERSAMPLED");
        assertThat(figure("decode_tok_per_j_vs_prompt_gen256")).doesNotContain("class=\"fl\"");
        assertThat(figure("heatmap_ttft_p50_ms_7w")).doesNotContain("class=\"hf\"");
    }

    @Test
    void aHeatMapFigureHasOneColourScaleAndOneColourBar() {
        String heat = figure("heatmap_output_tok_per_j_25w");
        assertThat(Pattern.compile("class=\"colourbar\"").matcher(heat).results())
                .hasSize(1);
        // The figure's extremes over all its panels: 25W output tok/J = tok/s x (1.1 - ctx / 20480) / 5.74 etc.;
        // the largest is smollm2-135m ctx 128 (165.1 x 1.09375 / 5.74 = 31.46), the smallest llama3.2-1b ctx 2048
        // (47.0 x 1.0 / 8.56 = 5.491). Both ends get the scale's end colours, whatever panel they are in.
        assertThat(heat).contains("from 5.49 to 31.5");
        assertThat(heat).contains("fill=\"" + SvgPlot.colour(1) + "\" d=", "fill=\"" + SvgPlot.colour(0) + "\" d=");
    }

    private static String figure(String id) {
        int i = html.indexOf("<figure id=\"" + id + "\"");
        assertThat(i).as(id).isNotNegative();
        return html.substring(i, html.indexOf("</figure>", i));
    }

    @Test
    void htmlHoldsEveryTableAndEscapesText() {
        for (Table t : written.report().tables()) {
            assertThat(html).contains("data-table=\"" + t.id() + "\"");
        }
        assertThat(html).contains("A &lt;note&gt; &amp; &quot;quote&quot;").doesNotContain("<note>");
    }

    @Test
    void everyNumberCarriesItsMethodAndFlaggedOnesTheirCode() {
        // The prefill tok/J column of the cell table is all MEASURED: the header says so; the flagged values
        // (PREFILL_UNDERSAMPLED in SampleData) are shaded and carry the code.
        assertThat(html)
                .containsPattern(
                        "<th data-g=\"[0-9]+\" data-method=\"MEASURED\" title=\"method: MEASURED\">Prefill tok/J</th>");
        // the cell table's rows are drawn from JSON (BrowserReportTest checks the drawn cells): the flags that mark
        // a value are listed with their codes, and the flag codes section explains each
        String flags = html.substring(html.indexOf("{\"f\":["), html.indexOf("],\"l\":["));
        assertThat(flags).contains("[\"PREFILL_UNDERSAMPLED\",\"PU\"]");
        assertThat(html).contains("<sup class=\"flag\">PU</sup>");
        // Information-only flags mark no value.
        assertThat(flags).doesNotContain("TIMESTAMPS_RECONSTRUCTED");
        assertThat(html).doesNotContain("approximate: TIMESTAMPS_RECONSTRUCTED");
        assertThat(html).contains("data-method=\"GEOMETRIC_MEAN_OF_RATIOS\"");
        assertThat(html).contains("title=\"measured by aiperf (no energy method)\"");
    }

    @Test
    void markdownHasTheSameTables() throws Exception {
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        for (Table t : written.report().tables()) {
            assertThat(md).contains("### " + t.title());
        }
        assertThat(md).contains("| smollm2-135m | 1.95 | 4.18 | 5.63 | 6.38 | MAXN_SUPER |");
        assertThat(md).contains("[PU]").contains("- `PU` PREFILL_UNDERSAMPLED");
        assertThat(md)
                .contains("![Pareto: output tok/s vs output tok/J per model (ctx 2048, gen 256)](charts/pareto.svg)");
    }

    @Test
    void cellsCsvHasTheRequiredColumnsInOrder() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("cells.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 4 * 4 * 12);
        assertThat(lines.get(0))
                .startsWith("mode,model,ctx,gen,status,isl,osl,ttft_p50_ms,itl_p50_ms,rl_p50_ms,tok_s,power_w,"
                        + "energy_total_j,energy_prefill_j,energy_decode_j,output_tok_per_j,output_tok_per_j_request,"
                        + "output_tok_per_j_throughput,prefill_tok_per_j,decode_tok_per_j,total_tok_per_j,"
                        + "mj_per_output_token,method,flags");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("7W,llama3.2-1b,2048,64,\"failed: aiperf exited with code 1, server OOM\",,,"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains(",MEASURED,PREFILL_UNDERSAMPLED;TIMESTAMPS_RECONSTRUCTED,"));
    }

    @Test
    void rewritingReplacesOldChartsAndTables() throws Exception {
        Path other = dir.resolve("again");
        Files.createDirectories(other.resolve("charts"));
        Files.writeString(other.resolve("charts/stale.png"), "x");
        Files.writeString(other.resolve("charts/stale.svg"), "x");
        Files.writeString(other.resolve("keep.txt"), "x");
        ReportWriter.write(written.report(), other);
        assertThat(other.resolve("charts/stale.png")).doesNotExist();
        assertThat(other.resolve("charts/stale.svg")).doesNotExist();
        assertThat(other.resolve("keep.txt")).exists();
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws Exception {
        Table t = new Table(
                "t",
                "T",
                "c",
                List.of("a", "b"),
                List.of(
                        List.of(Table.text("x,y"), Table.num(1.5, 1, "MEASURED", List.of("SAMPLE_GAP"))),
                        List.of(Table.text("say \"hi\""), Table.num(Double.NaN, 2))));
        StringWriter w = new StringWriter();
        CsvWriter.write(t, w);
        assertThat(w.toString())
                .isEqualTo("a,b,method,flags\n\"x,y\",1.5,MEASURED,SAMPLE_GAP\n\"say \"\"hi\"\"\",,,\n");
    }
}
