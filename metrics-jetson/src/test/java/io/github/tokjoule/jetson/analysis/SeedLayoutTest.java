package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.jetson.PowerMode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built cells in the seed's published layout whose inputs are the seed's published figures (report Table 15):
 * the SEED_COMPATIBLE analysis gives its published output tok/J.
 */
class SeedLayoutTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss");

    @TempDir
    static Path dir;

    static String corpusLine;

    @BeforeAll
    static void corpus() throws IOException, URISyntaxException {
        corpusLine = Files.readAllLines(Path.of(SeedLayoutTest.class
                        .getResource("/corpus/tegrastats/issue-jetson_stats-624-orin-8gb-r36-sudo.log")
                        .toURI()))
                .get(0);
    }

    /** The corpus line at another time and compute power: two samples per stamp, 500 ms apart. */
    static List<String> log(LocalDateTime from, int seconds, int milliwatts) {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            String stamp = STAMP.format(from.plusSeconds(s));
            for (int k = 0; k < 2; k++) {
                lines.add(stamp
                        + corpusLine
                                .substring(19)
                                .replace(
                                        "VDD_CPU_GPU_CV 8896mW/7585mW",
                                        "VDD_CPU_GPU_CV " + milliwatts + "mW/" + milliwatts + "mW"));
            }
        }
        return lines;
    }

    /** A summary with only the fields the seed's scripts read. */
    static String summary(double ttft, double itl, double osl, double tokS, String start, String end) {
        double rl = ttft + (osl - 1) * itl;
        return String.format(
                Locale.ROOT,
                "{\n  \"request_latency\": {\"unit\": \"ms\", \"avg\": %1$s, \"p50\": %1$s, \"p90\": %1$s},\n"
                        + "  \"request_count\": {\"unit\": \"requests\", \"avg\": 20.0},\n"
                        + "  \"time_to_first_token\": {\"unit\": \"ms\", \"avg\": %2$s, \"p50\": %2$s},\n"
                        + "  \"inter_token_latency\": {\"unit\": \"ms\", \"avg\": %3$s, \"p50\": %3$s},\n"
                        + "  \"output_token_throughput_per_user\": {\"unit\": \"tokens/sec/user\", \"avg\": %4$s,"
                        + " \"p50\": %4$s},\n"
                        + "  \"output_sequence_length\": {\"unit\": \"tokens\", \"avg\": %5$s, \"p50\": %5$s},\n"
                        + "  \"input_sequence_length\": {\"unit\": \"tokens\", \"avg\": 2048.0, \"p50\": 2048.0},\n"
                        + "  \"error_summary\": [],\n  \"start_time\": \"%6$s\",\n  \"end_time\": \"%7$s\"\n}\n",
                rl,
                ttft,
                itl,
                tokS,
                osl,
                start,
                end);
    }

    static Path root;

    @BeforeAll
    static void build() throws IOException {
        root = dir.resolve("hf");
        // 25W, Llama3.2-1B (Table 15: TTFT 982.7 ms, ITL 21.27 ms, 8.56 W, 47.0 tok/s; published 4.67 tok/J),
        // whole-run log in the mode directory (the seed's v1 driver)
        Path mode25 = root.resolve("jetson-non-reasoning-benchmark-25w");
        Path llama = mode25.resolve("llama3.2-1b/gen256/ctx2048");
        Files.createDirectories(llama);
        Files.writeString(
                llama.resolve("profile_export_aiperf.json"),
                summary(982.7, 21.27, 256, 47.0, "2026-05-27T01:39:10.250000", "2026-05-27T01:41:18.381000"));
        Files.write(mode25.resolve("tegrastats.log"), log(LocalDateTime.parse("2026-05-27T01:39:00"), 150, 8560));
        // 7W, Gemma3-1B (Table 15: TTFT 3817.6 ms, ITL 89.08 ms, 1.96 W; published 4.92), per-cell log
        Path gemma = root.resolve("7w/gemma3-1b/gen256/ctx2048");
        Files.createDirectories(gemma);
        Files.writeString(
                gemma.resolve("profile_export_aiperf.json"),
                summary(3817.6, 89.08, 256, 11.2, "2026-05-27T04:47:03.5", "2026-05-27T04:55:54.2"));
        Files.write(gemma.resolve("tegrastats.log"), log(LocalDateTime.parse("2026-05-27T04:47:00"), 540, 1960));
        // MAXN: a model that never loaded
        Files.createDirectories(root.resolve("maxn/gemma3-4b"));
        Files.writeString(root.resolve("maxn/gemma3-4b/FAILED"), "OOM at load: too large for 8 GB\n");
    }

    private static SweepResult seed() throws IOException {
        return SweepAnalysis.analyze(
                root,
                AnalysisOptions.defaults()
                        .withMethod(EnergyMethod.SEED_COMPATIBLE)
                        .withZone(java.time.ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void reproducesThePublishedTokensPerJoule() throws IOException {
        SweepResult r = seed();
        assertThat(r.layoutKind()).isEqualTo(SweepLayout.Kind.SEED);
        assertThat(r.modes()).containsExactly("7W", "25W", "MAXN");
        CellMetrics llama =
                r.cell("llama3.2-1b", "25W", 2048, 256).orElseThrow().metrics();
        // 256 / (8.56 W · (982.7 + 255 · 21.27) ms) = 4.668 → published 4.67
        assertThat(llama.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(4.67, within(0.005));
        assertThat(llama.watts(PowerStatistic.SAMPLE_MEDIAN)).isEqualTo(8.56);
        // THROUGHPUT = tok_s / P = 47.0 / 8.56 = 5.49; DECODE_PHASE = 256 / (8.56 · 5.42385) = 5.51
        assertThat(llama.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)).isCloseTo(47.0 / 8.56, within(1e-9));
        assertThat(llama.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE))
                .isCloseTo(256 / (8.56 * 5.42385), within(1e-6));
        CellMetrics gemma = r.cell("gemma3-1b", "7W", 2048, 256).orElseThrow().metrics();
        // 256 / (1.96 · (3817.6 + 255 · 89.08) ms) = 4.923 → published 4.92
        assertThat(gemma.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(4.92, within(0.005));
        for (CellMetrics m : List.of(llama, gemma)) {
            assertThat(m.hasFlag(AccuracyFlag.WINDOW_OUTSIDE_TRACE)).isFalse();
            assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED)).isFalse(); // TTFT p50 ≥ 500 ms
            assertThat(m.thermal()).isPresent();
            assertThat(m.rail()).contains("VDD_CPU_GPU_CV");
        }
        // the tables: power (Table 6), canonical rows and peak mode (Table 7), failed model
        assertThat(r.powerTable().get("llama3.2-1b")).containsEntry("25W", 8.56);
        assertThat(r.canonicalRows()).hasSize(2);
        assertThat(r.peakModes().get("gemma3-1b").item()).isEqualTo("7W");
        assertThat(r.failedModels()).singleElement().satisfies(f -> {
            assertThat(f.mode()).isEqualTo(PowerMode.of(2, "MAXN"));
            assertThat(f.reason()).isEqualTo("OOM at load: too large for 8 GB");
        });
        assertThat(r.thermal()).hasSize(2);
        // the whole-run log is read once and its lines counted once; the per-cell log's 1080 lines too
        assertThat(r.tegrastatsLines()).isEqualTo(300 + 1080);
    }

    @Test
    void aSingleModeDirectoryTakesTheCallersModeAndAWrongZoneIsSeenInTheData() throws IOException {
        Path single = root.resolve("7w");
        SweepResult r = SweepAnalysis.analyze(
                single,
                AnalysisOptions.defaults()
                        .withMethod(EnergyMethod.SEED_COMPATIBLE)
                        .withZone(java.time.ZoneId.of("Asia/Kolkata")));
        assertThat(r.modes()).containsExactly("7W"); // from the directory's own name
        // the same files read in UTC: stamps and aiperf's times shift together, so the seed's window still finds
        // samples; nothing in these files can tell the zone (no records), the seed's blind spot
        SweepResult utc = SweepAnalysis.analyze(
                single,
                AnalysisOptions.defaults()
                        .withMethod(EnergyMethod.SEED_COMPATIBLE)
                        .withZone(java.time.ZoneId.of("UTC")));
        assertThat(utc.metrics().get(0).outputTokensPerJoule(OutputTokJVariant.REQUEST))
                .isCloseTo(r.metrics().get(0).outputTokensPerJoule(OutputTokJVariant.REQUEST), within(1e-9));
    }

    @Test
    void measuredFallsBackToTheRunWindowWithoutRecords() throws IOException {
        SweepResult r =
                SweepAnalysis.analyze(root, AnalysisOptions.defaults().withZone(java.time.ZoneId.of("Asia/Kolkata")));
        CellMetrics llama =
                r.cell("llama3.2-1b", "25W", 2048, 256).orElseThrow().metrics();
        assertThat(llama.isOk()).isTrue();
        assertThat(llama.estimator()).contains("RUN_WINDOW");
        assertThat(llama.hasFlag(AccuracyFlag.RUN_WINDOW_ESTIMATE)).isTrue();
        // A constant 8.56 W; 20 requests of RL = 982.7 + 255 · 21.27 = 6406.55 ms fill the 128.131 s window (no
        // idle): per request 8.56 W · 6.40655 s = 54.84007 J, prefill 8.56 · 0.9827 = 8.411912 J in [0.5 · 8.411912,
        // 8.411912]; output tok/J 256 / 54.84007 = 4.668 (the published 4.67: with constant power and no idle the
        // run window and the seed's arithmetic agree).
        assertThat(llama.totalJoulesPerRequest()).isCloseTo(54.84007, within(1e-3));
        assertThat(llama.prefillJoulesPerRequest()).isCloseTo(8.411912, within(1e-4));
        assertThat(llama.ci95(CellMetric.PREFILL_JOULES_PER_REQUEST)
                        .orElseThrow()
                        .low())
                .isCloseTo(4.205956, within(1e-4));
        assertThat(llama.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(4.668, within(0.001));
        assertThat(llama.ttftMillis().p50()).isEqualTo(982.7);
    }

    @Test
    void aSummaryWithoutItsWindowFailsTheCellNamingTheFields() throws IOException {
        Path bare = dir.resolve("bare");
        Path cell = bare.resolve("25w/llama3.2-1b/gen256/ctx2048");
        Files.createDirectories(cell);
        String text = summary(982.7, 21.27, 256, 47.0, "2026-05-27T01:39:10.250000", "2026-05-27T01:41:18.381000")
                .replace("  \"start_time\": \"2026-05-27T01:39:10.250000\",\n", "");
        assertThat(text).doesNotContain("start_time").contains("end_time");
        Files.writeString(cell.resolve("profile_export_aiperf.json"), text);
        Files.write(cell.resolve("tegrastats.log"), log(LocalDateTime.parse("2026-05-27T01:39:00"), 150, 8560));

        SweepResult r =
                SweepAnalysis.analyze(bare, AnalysisOptions.defaults().withZone(java.time.ZoneId.of("Asia/Kolkata")));
        CellMetrics m = r.cell("llama3.2-1b", "25W", 2048, 256).orElseThrow().metrics();
        assertThat(m.isOk()).isFalse();
        assertThat(m.status().failureReason().orElseThrow())
                .isEqualTo("no per-request records (profile_export.jsonl) and profile_export_aiperf.json lacks what"
                        + " the run-window estimate needs: start_time; re-run the cell with aiperf's records export");
    }
}
