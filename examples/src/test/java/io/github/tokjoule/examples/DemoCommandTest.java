package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.examples.report.Metric;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.synthetic.CellTruth;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SweepTruth;
import io.github.tokjoule.jetson.synthetic.SyntheticRail;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end: the full 384-cell synthetic sweep, analyzed and written as a report. */
class DemoCommandTest {

    /** The tables the report writes as CSV files; the page holds these and the cells table. */
    private static final List<String> TABLES = List.of(
            "power",
            "canonical",
            "speedup_throughput",
            "speedup_ttft",
            "speedup_decode_time",
            "speedup_request_latency",
            "best_total_tok_per_j",
            "full_comparison",
            "thermal",
            "flags");

    @TempDir
    static Path dir;

    static int exitCode;
    static String stdout;
    static String html;

    @BeforeAll
    static void runTheDemo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = TokJoule.run(
                new String[] {"demo", "--out", dir.resolve("report").toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        stdout = out.toString();
        assertThat(err.toString()).isEmpty();
        html = Files.readString(dir.resolve("report/index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void exitsWithZeroAndPrintsThePageAndTheHeadline() {
        assertThat(exitCode).isZero();
        assertThat(stdout)
                .startsWith("Report: " + dir.resolve("report/index.html").toAbsolutePath())
                .contains("best mode", "25W/15W tok/s", "Best mode by output tok/J");
    }

    @Test
    void writesEveryFileAndDeletesTheTemporarySweep() throws Exception {
        Path r = dir.resolve("report");
        assertThat(r.resolve("report.md")).isRegularFile();
        for (String table : TABLES) {
            assertThat(r.resolve("tables/" + table + ".csv")).isRegularFile();
        }
        for (String chart : List.of(
                "tok_s_vs_prompt_gen256",
                "output_tok_per_j_vs_prompt_gen256",
                "heatmap_output_tok_per_j_7w",
                "heatmap_output_tok_per_j_15w",
                "heatmap_output_tok_per_j_25w",
                "heatmap_output_tok_per_j_maxn_super",
                "canonical_tok_s",
                "canonical_output_tok_per_j",
                "pareto",
                "prefill_tok_per_j_vs_prompt_gen256",
                "decode_tok_per_j_vs_prompt_gen256",
                "total_tok_per_j_vs_prompt_gen256")) {
            assertThat(r.resolve("charts/" + chart + ".svg")).isNotEmptyFile();
        }
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("tokjoule-demo-") && Files.isDirectory(dir.resolve(n)));
        }
    }

    @Test
    void cellsCsvHas384RowsAndTheColumnsInOrder() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("report/cells.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 384);
        assertThat(lines.get(0))
                .startsWith("mode,model,ctx,gen,status,isl,osl,ttft_p50_ms,itl_p50_ms,rl_p50_ms,tok_s,power_w,"
                        + "energy_total_j,energy_prefill_j,energy_decode_j,output_tok_per_j,output_tok_per_j_request,"
                        + "output_tok_per_j_throughput,prefill_tok_per_j,decode_tok_per_j,total_tok_per_j,"
                        + "mj_per_output_token,method,flags");
        assertThat(lines.get(0))
                .endsWith(",estimator," + String.join(",", CellResultsCsv.ESTIMATE_COLUMNS.subList(1, 13))
                        + ",power_trace");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[4]).matches("ok|failed: .*");
            assertThat(f[22]).isEqualTo("MEASURED");
            assertThat(f[23]).matches("([A-Z_]+(;[A-Z_]+)*)?");
            // the synthetic sweep records no dense hwmon trace: tegrastats at its (estimated) nominal interval
            assertThat(f[f.length - 1]).matches("tegrastats [0-9.]+ ms");
        }
    }

    @Test
    void decodeTokPerJouleIsDrawnAgainstGenerationLengthAtEachPromptLengthAsTheSeedsF2() {
        // The seed's F.2 plots decode tok/J against generation length, one figure per prompt length; the page had it
        // only against prompt length.
        for (int ctx : List.of(128, 512, 1024, 2048)) {
            Matcher f = Pattern.compile("(?s)<figure id=\"decode_tok_per_j_vs_gen_ctx" + ctx + "\">(.*?)</figure>")
                    .matcher(html);
            assertThat(f.find()).as("ctx " + ctx).isTrue();
            assertThat(f.group(1))
                    .contains("Decode tok/J vs generation length (prompt " + ctx + ")", "Generation length (tokens)")
                    .contains("<svg");
        }
        assertThat(html).contains("href=\"#decode_tok_per_j_vs_gen_ctx2048\"");
    }

    @Test
    void theSetupTablesAreFilledFromTheSimulatedAuditAndSaySo() {
        // Issue 15: the demo's Tables 2-5 read "unknown" almost everywhere. The generator now writes the seed's board
        // as a simulated audit; every table must say it is simulated and leave nothing unknown that the audit states.
        String setup = "";
        for (String id : List.of("hardware", "software", "models", "power_modes")) {
            Matcher t = Pattern.compile("(?s)<table[^>]*data-table=\"" + id + "\".*?</table>")
                    .matcher(html);
            assertThat(t.find()).as(id).isTrue();
            setup += t.group() + "\n";
        }
        assertThat(setup)
                .contains("SIMULATED by tokjoule&#39;s synthetic generator")
                .contains("Jetson Orin Nano Super 8GB (Developer Kit)")
                .contains("36.4.7")
                .contains("12.6")
                .contains("Q8_0")
                .contains("6 CPUs, up to 1728 MHz");
        // What stays unknown is what the seed's post does not state: the kernel, the server's version, and JetPack
        // (L4T 36.4.7 is not in the table of NVIDIA's archive).
        Matcher unknown = Pattern.compile("<td[^>]*>(unknown[^<]*|not recorded[^<]*|unavailable[^<]*)</td>")
                .matcher(setup);
        List<String> missing = new java.util.ArrayList<>();
        while (unknown.find()) {
            missing.add(unknown.group(1));
        }
        assertThat(missing).allSatisfy(v -> assertThat(v)
                .containsAnyOf("states no kernel", "states no server version", "L4T 36.4.7 is not in"));
        // ... and the CMA's free size at start ("256 MiB total, unknown free at start").
        assertThat(setup).contains("256 MiB total, unknown free at start");
    }

    @Test
    void everyNumberThePageShowsHasAtMostThreeSignificantFigures() {
        // Issue 15: "251.018 ms", "36.111 tokens is 43.576 %" were printed in the flags table, "114.3 tok/s" in the
        // headline. Whole digits are never rounded away (1382 ms); tooltips (<title>) carry the exact value on purpose.
        // The hardware and software tables hold versions, not measurements ("Ubuntu 22.04"), and are left out.
        String visible = html.replaceAll("(?s)<(script|style|title)\\b.*?</\\1>", "")
                .replaceAll("(?s)<table[^>]*data-table=\"(hardware|software)\".*?</table>", "")
                .replaceAll("<[^>]*>", "\n")
                .replace("&amp;", "&");
        Matcher m = Pattern.compile("(?<![\\w.:/])(\\d+)\\.(\\d+)(?![\\w:/]|\\.\\d)")
                .matcher(visible);
        List<String> tooLong = new java.util.ArrayList<>();
        while (m.find()) {
            String digits = (m.group(1) + m.group(2)).replaceFirst("^0+", "");
            if (digits.length() > 3) {
                tooLong.add(
                        visible.substring(Math.max(0, m.start() - 40), m.end()).replace('\n', ' '));
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void noOneWideIntervalFlattensALineChartAndEveryErrorBarStaysInsideItsAxes() {
        // The demo's prefill tok/J at gen 256 had a 95 % interval up to 58,000 tok/J around a value of 900 (one
        // undersampled cell): the axis went to 60000 and every line of every panel lay on its floor. The axis now
        // follows an interval at most to twice its value; a bar beyond it is cut at the axis, without a cap, and the
        // figure's note says what a capless end means.
        assertThat(html).contains("a bar that ends at the plot&#39;s edge without a cap runs beyond it");
        Matcher figures =
                Pattern.compile("(?s)<figure id=\"([^\"]+)\">(.*?)</figure>").matcher(html);
        Pattern tick = Pattern.compile("<g class=\"tk e\">(.*?)</g>");
        Pattern number = Pattern.compile(">(-?[\\d.]+)<");
        Pattern value = Pattern.compile("<title>[^<]*?: (-?[\\d.]+) ");
        Pattern frame = Pattern.compile("<path class=\"ax\" d=\"M[\\d.]+,([\\d.]+)V([\\d.]+)H");
        Pattern errorBars = Pattern.compile("<path class=\"eb\"[^>]* d=\"([^\"]+)\"");
        int lineFigures = 0;
        List<String> bad = new ArrayList<>();
        while (figures.find()) {
            String id = figures.group(1);
            String body = figures.group(2);
            if (!body.contains("<path class=\"ln\"")) {
                continue;
            }
            lineFigures++;
            double top = Double.NEGATIVE_INFINITY;
            for (Matcher t = tick.matcher(body); t.find(); ) {
                for (Matcher n = number.matcher(t.group(1)); n.find(); ) {
                    top = Math.max(top, Double.parseDouble(n.group(1)));
                }
            }
            double highest = Double.NEGATIVE_INFINITY;
            for (Matcher v = value.matcher(body); v.find(); ) {
                highest = Math.max(highest, Double.parseDouble(v.group(1)));
            }
            // twice the highest value, then up to the next round tick: 2.5 x at most
            if (highest > 0 && top > 2.5 * highest) {
                bad.add(id + ": axis to " + top + ", highest value " + highest);
            }
            Matcher f = frame.matcher(body);
            assertThat(f.find()).as(id + " has axes").isTrue();
            double plotTop = Double.parseDouble(f.group(1));
            double plotBottom = Double.parseDouble(f.group(2));
            // the panels only: the legend draws an error bar as its key
            String panels = String.join(
                    "",
                    Pattern.compile("(?s)<svg class=\"panel\".*?</svg>")
                            .matcher(body)
                            .results()
                            .map(MatchResult::group)
                            .toList());
            for (Matcher e = errorBars.matcher(panels); e.find(); ) {
                for (Matcher y = Pattern.compile("[MV][\\d.]+,([\\d.]+)|V([\\d.]+)")
                                .matcher(e.group(1));
                        y.find(); ) {
                    double py = Double.parseDouble(y.group(1) != null ? y.group(1) : y.group(2));
                    if (py < plotTop - 0.5 || py > plotBottom + 0.5) {
                        bad.add(id + ": error bar at y " + py + " outside " + plotTop + ".." + plotBottom);
                    }
                }
            }
        }
        assertThat(lineFigures).isGreaterThan(20);
        assertThat(bad).isEmpty();
    }

    @Test
    void theSeedsFigure16SaysItsEnergyIsTheDecodePhasesAndItsUnitIsMillijoules() {
        // mj_per_output_token is 1000 / decode tok/J (the seed's "Decode energy per output token in mJ"); it was
        // labelled "mJ/output token", which reads as the whole request's energy, and its tooltips ended in that label.
        String figure = html.substring(html.indexOf("<figure id=\"canonical_mj_per_output_token\">"));
        figure = figure.substring(0, figure.indexOf("</figure>"));
        assertThat(figure).contains("Decode energy per output token (mJ) by power mode");
        assertThat(figure).containsPattern("<title>[^<]*: [\\d.]+ mJ</title>");
    }

    @Test
    void htmlIsSelfContainedAndHoldsEveryTable() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!data:|#)");
        assertThat(html).doesNotContain("http://", "https://", "<link", "@import", "<img");
        assertThat(html).as("only references inside the page").doesNotContainPattern("url\\((?!#)");
        List<String> tables = new ArrayList<>(TABLES);
        tables.add("cells");
        for (String table : tables) {
            assertThat(html).contains("data-table=\"" + table + "\"");
        }
        // 384 cells: issue 15 asks for under 1.5 MB. Measured 1.36 MB with seed 42 before the 95 % intervals, 1.62 MB
        // with their ± values and error bars (issue 14), 1.30 MB with compact SVG and the full cell table drawn from
        // JSON (docs/PERFORMANCE.md, "the report page's bytes").
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500_000);
        assertThat(html).contains("title=\"method: MEASURED");
    }

    @Test
    void everyNumberOfTheCellTableCarriesItsMethodOrItsSource() {
        String cells = html.substring(html.indexOf("data-table=\"cells\""));
        cells = cells.substring(0, cells.indexOf("</script>"));
        // Every metric column of the page's cell table says its method in its header: each column is one method.
        Matcher th = Pattern.compile("<th data-g=\"[0-9]+\"( data-method=\"([^\"]+)\" title=\"[^\"]+\")?>([^<]+)</th>")
                .matcher(cells.substring(0, cells.indexOf("</thead>")));
        int metrics = 0;
        while (th.find()) {
            if (th.group(1) != null) {
                assertThat(th.group(2)).matches("MEASURED|aiperf|tegrastats");
                metrics++;
            }
        }
        // every metric of cells.csv, not only the 17 required ones
        assertThat(metrics).isEqualTo(Metric.values().length);
        // No number of the body repeats or contradicts it.
        assertThat(cells.substring(cells.indexOf("<tbody>"))).doesNotContain("data-method=");
    }

    /**
     * The generator's ground truth decides the best mode: for each model, the mode whose canonical cell has the most
     * true output tokens per joule (the exact integral of the simulated power, not the sampled log). Where the truth
     * is clear (the runner-up at least 2 % behind) the headline must name the same mode; the default parameters make
     * it 25W for every model.
     */
    @Test
    void headlineNamesTheModeTheGeneratorsParametersMakeBest() throws Exception {
        SweepTruth truth = SyntheticSweep.generate(
                SweepSpec.builder(DemoCommand.ZONE).randomSeed(42).build(), dir.resolve("truth"));
        Map<String, String> trueBest = new LinkedHashMap<>();
        Map<String, Double> margin = new LinkedHashMap<>();
        for (String model : truth.manifest().grid().models()) {
            String best = "";
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (var mode : truth.manifest().grid().modes()) {
                CellTruth c = truth.cell(model, mode.label(), 2048, 256).orElseThrow();
                double v = c.trueOutputTokensPerJoule(SyntheticRail.VDD_CPU_GPU_CV);
                if (v > first) {
                    second = first;
                    first = v;
                    best = mode.label();
                } else if (v > second) {
                    second = v;
                }
            }
            trueBest.put(model, best);
            margin.put(model, first / second);
        }
        assertThat(trueBest.values()).containsOnly("25W");
        Matcher m = Pattern.compile("(?m)^(\\S+)\\s+(\\S+)\\s+\\d+\\.\\d+\\s").matcher(stdout);
        Map<String, String> printed = new LinkedHashMap<>();
        while (m.find()) {
            printed.put(m.group(1), m.group(2));
        }
        assertThat(printed).containsOnlyKeys(trueBest.keySet());
        for (Map.Entry<String, String> e : trueBest.entrySet()) {
            if (margin.get(e.getKey()) > 1.02) {
                assertThat(printed.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(stdout)
                .contains("Best mode by output tok/J (MEASURED, VDD_CPU_GPU_CV, ctx 2048 / gen 256): 25W for");
    }
}
