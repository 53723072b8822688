package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellResultsCsvTest {

    @TempDir
    Path dir;

    @Test
    void theColumnsAreTheReportsFollowedByRailAndRequestCounts() {
        assertThat(CellResultsCsv.COLUMNS.subList(0, 24))
                .containsExactly(
                        "mode",
                        "model",
                        "ctx",
                        "gen",
                        "status",
                        "isl",
                        "osl",
                        "ttft_p50_ms",
                        "itl_p50_ms",
                        "rl_p50_ms",
                        "tok_s",
                        "power_w",
                        "energy_total_j",
                        "energy_prefill_j",
                        "energy_decode_j",
                        "output_tok_per_j",
                        "output_tok_per_j_request",
                        "output_tok_per_j_throughput",
                        "prefill_tok_per_j",
                        "decode_tok_per_j",
                        "total_tok_per_j",
                        "mj_per_output_token",
                        "method",
                        "flags");
        assertThat(CellResultsCsv.COLUMNS.subList(24, 27)).containsExactly("rail", "requests_ok", "requests_failed");
        assertThat(CellResultsCsv.COLUMNS.subList(27, CellResultsCsv.COLUMNS.size() - 1))
                .isEqualTo(CellResultsCsv.ESTIMATE_COLUMNS)
                .hasSize(13)
                .startsWith("estimator", "energy_total_j_ci95_low", "energy_total_j_ci95_high")
                .endsWith("decode_tok_per_j_ci95_low", "decode_tok_per_j_ci95_high");
        assertThat(CellResultsCsv.COLUMNS).last().isEqualTo("power_trace");
        assertThat(CellResultsCsv.header()).isEqualTo(String.join(",", CellResultsCsv.COLUMNS) + "\n");
    }

    @Test
    void otherWritersShareTheLeadingColumnsAndTheFieldRules() {
        assertThat(CellResultsCsv.LEADING_COLUMNS).isEqualTo(CellResultsCsv.COLUMNS.subList(0, 25));
        assertThat(CellResultsCsv.withExtra(List.of("x", "y")))
                .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                CellResultsCsv.LEADING_COLUMNS.stream(), java.util.stream.Stream.of("x", "y"))
                        .toList());
        assertThat(CellResultsCsv.status(java.util.Optional.empty())).isEqualTo("ok");
        assertThat(CellResultsCsv.status(java.util.Optional.of("OOM\n  at load")))
                .isEqualTo("failed: OOM | at load");
        assertThat(CellResultsCsv.flags(List.of("FEW_SAMPLES", "THROTTLED", "FEW_SAMPLES")))
                .isEqualTo("FEW_SAMPLES;THROTTLED");
        assertThat(CellResultsCsv.flags(List.of())).isEmpty();
        assertThat(CellResultsCsv.number(0.1)).isEqualTo("0.1");
        assertThat(CellResultsCsv.number(3.0)).isEqualTo("3.0");
        assertThat(CellResultsCsv.number(Double.NaN)).isEmpty();
        assertThat(CellResultsCsv.number(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void quotesOnlyWhatNeedsItAndFlattensReasons() {
        assertThat(CellResultsCsv.quote("plain text; ok")).isEqualTo("plain text; ok");
        assertThat(CellResultsCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CellResultsCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CellResultsCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CellResultsCsv.quote("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(CellResultsCsv.oneLine("  OOM: x\n  line 1\r\n\nline 2\n")).isEqualTo("OOM: x | line 1 | line 2");
    }

    @Test
    void writesEveryAnalyzedCellWithItsMetricsAndFailedCellsWithTheirReason() throws IOException {
        SyntheticSweep.generate(
                SweepSpec.builder(ZoneId.of("UTC"))
                        .modes("15W")
                        .models("smollm2-135m")
                        .promptLengths(128, 512)
                        .genLengths(64)
                        .requestsPerCell(3)
                        .randomAnomalies(false)
                        .failCell("smollm2-135m", "15W", 512, 64, "server died, see log")
                        .build(),
                dir.resolve("sweep"));
        SweepResult result = SweepAnalysis.analyze(dir.resolve("sweep"));
        Path file = dir.resolve("cells.csv");

        CellResultsCsv.write(result, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CellResultsCsv.COLUMNS));
        CellMetrics ok =
                result.cell("smollm2-135m", "15W", 128, 64).orElseThrow().metrics();
        String[] f = lines.get(1).split(",", -1);
        assertThat(f).hasSize(CellResultsCsv.COLUMNS.size());
        assertThat(List.of(f).subList(0, 5)).containsExactly("15W", "smollm2-135m", "128", "64", "ok");
        assertThat(Double.parseDouble(f[col("isl")])).isEqualTo(128.0);
        assertThat(Double.parseDouble(f[col("osl")])).isEqualTo(64.0);
        assertThat(Double.parseDouble(f[col("ttft_p50_ms")]))
                .isEqualTo(ok.ttftMillis().p50());
        assertThat(Double.parseDouble(f[col("power_w")])).isEqualTo(SweepResult.powerWatts(ok));
        assertThat(Double.parseDouble(f[col("energy_total_j")])).isEqualTo(ok.totalJoulesPerRequest());
        // The headline variant of the default options is REQUEST: both columns agree.
        assertThat(f[col("output_tok_per_j")]).isEqualTo(f[col("output_tok_per_j_request")]);
        assertThat(Double.parseDouble(f[col("output_tok_per_j_throughput")]))
                .isEqualTo(ok.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT));
        assertThat(Double.parseDouble(f[col("mj_per_output_token")])).isEqualTo(ok.millijoulesPerOutputToken());
        assertThat(f[col("method")]).isEqualTo("MEASURED");
        // metricValues fills exactly the columns between status and method (17: isl .. mj_per_output_token).
        assertThat(CellResultsCsv.metricValues(ok, OutputTokJVariant.REQUEST))
                .hasSize(col("method") - col("status") - 1)
                .hasSize(17);
        assertThat(f[col("flags")].split(";")).doesNotHaveDuplicates();
        assertThat(f[col("rail")]).isEqualTo("VDD_CPU_GPU_CV");
        assertThat(f[col("requests_ok")]).isEqualTo("3");
        assertThat(f[col("requests_failed")]).isEqualTo("0");
        // The failed cell: its reason, quoted for its comma; no metrics, so empty numbers.
        assertThat(lines.get(2))
                .startsWith("15W,smollm2-135m,512,64,\"failed: server died, see log\",,,,")
                .endsWith(",MEASURED,,,0,0" + ",".repeat(13) + ",");
    }

    private static int col(String name) {
        return CellResultsCsv.COLUMNS.indexOf(name);
    }
}
