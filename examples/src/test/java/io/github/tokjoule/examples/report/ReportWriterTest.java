package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void writesEveryFile() throws Exception {
        assertThat(dir.resolve("index.html")).isRegularFile();
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("cells.csv")).isRegularFile();
        for (Table t : written.report().tables()) {
            if (!t.id().equals(ReportTables.CELLS_ID)) {
                assertThat(dir.resolve("tables/" + t.id() + ".csv")).isRegularFile();
            }
        }
        for (Chart c : written.report().charts()) {
            byte[] png = Files.readAllBytes(dir.resolve("charts/" + c.id() + ".png"));
            // PNG signature: 0x89 'P' 'N' 'G'
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        // 2 lines + 4 heat maps + bars + Pareto + 3 phase charts
        assertThat(written.report().charts()).hasSize(11);
    }

    @Test
    void htmlHasNoExternalReference() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!data:|#)");
        assertThat(html).doesNotContain("http://", "https://", "url(", "<script", "<link");
        Matcher img = Pattern.compile("<img [^>]*src=\"([^\"]{0,30})").matcher(html);
        int images = 0;
        while (img.find()) {
            assertThat(img.group(1)).startsWith("data:image/png;base64,");
            images++;
        }
        assertThat(images).isEqualTo(11);
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
        // The 7W smollm2-135m ctx 128 gen 256 prefill tok/J is flagged PREFILL_UNDERSAMPLED in SampleData.
        assertThat(html).contains("title=\"method: MEASURED; approximate: PREFILL_UNDERSAMPLED\"");
        assertThat(html).contains("<sup class=\"flag\" title=\"PREFILL_UNDERSAMPLED\">PU</sup>");
        // Information-only flags mark no value.
        assertThat(html).doesNotContain("approximate: TIMESTAMPS_RECONSTRUCTED");
        assertThat(html).contains("data-method=\"GEOMETRIC_MEAN_OF_RATIOS\"");
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
                .contains("![Pareto: output tok/s vs output tok/J per model (ctx 2048, gen 256)](charts/pareto.png)");
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
        Files.writeString(other.resolve("keep.txt"), "x");
        ReportWriter.write(written.report(), other);
        assertThat(other.resolve("charts/stale.png")).doesNotExist();
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
