package io.github.tokjoule.jetson.synthetic;

import static io.github.tokjoule.jetson.testing.Json.array;
import static io.github.tokjoule.jetson.testing.Json.at;
import static io.github.tokjoule.jetson.testing.Json.number;
import static io.github.tokjoule.jetson.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.testing.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCellTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final Instant START = Instant.parse("2026-05-26T20:00:00Z");
    static final PowerMode MODE_25W = PowerMode.of(1, "25W");
    private static final Pattern RAIL = Pattern.compile("(VDD_\\w+) (\\d+)mW/(\\d+)mW");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss");

    @TempDir
    Path dir;

    /** Noise-free parameters: every level is known exactly. */
    static ModeModelParameters quiet() {
        return ModeModelParameters.builder()
                .prefillOverheadMillis(20)
                .prefillTokensPerSecond(2000)
                .interTokenLatencyMillis(10)
                .itlGrowthPerThousandContextTokens(0)
                .idleWatts(1.5)
                .prefillWatts(8)
                .decodeWatts(6)
                .noiseWatts(0)
                .build();
    }

    static CellSpec.Builder spec(ModeModelParameters p, int ctx, int gen) {
        return CellSpec.builder("m", MODE_25W, ctx, gen, p, START, KOLKATA);
    }

    @Test
    void noiseFreeCellHasExactPhaseEnergiesAndPrintedLevels() throws IOException {
        SyntheticCell cell =
                SyntheticCell.simulate(spec(quiet(), 2048, 64).requests(5).build());
        CellTruth truth = cell.truth();
        for (RequestTruth r : truth.requests()) {
            // prefill at 8 W for TTFT seconds, decode at 6 W for the rest: rectangles, exactly
            assertThat(r.prefillJoules().vddCpuGpuCvJoules()).isCloseTo(8 * r.ttftSeconds(), within(1e-9));
            assertThat(r.decodeJoules().vddCpuGpuCvJoules())
                    .isCloseTo(6 * (r.latencySeconds() - r.ttftSeconds()), within(1e-9));
            // VDD_SOC = 0.8 + 0.12 (P − 1.5); VDD_IN = 1 + P + VDD_SOC, integrated over the same windows
            double t = r.ttftSeconds();
            assertThat(r.prefillJoules().vddSocJoules()).isCloseTo((0.8 + 0.12 * 6.5) * t, within(1e-9));
            assertThat(r.prefillJoules().vddInJoules()).isCloseTo((1 + 8 + 0.8 + 0.12 * 6.5) * t, within(1e-9));
            // TTFT ≈ 20 + 2048/2000 s = 1044 ms, cold first request × 1.25, spread 2 %
            assertThat(r.ttftSeconds()).isBetween(1.044 * 0.9, 1.044 * 1.25 * 1.1);
            assertThat(r.outputTokens()).isEqualTo(64);
        }
        cell.writeTegrastatsLog(dir.resolve("t.log"));
        List<String> lines = Files.readAllLines(dir.resolve("t.log"));
        assertThat(lines).hasSize(truth.samples());
        byte[] phase = cell.samplePhase();
        for (int i = 0; i < lines.size(); i++) {
            int cpuGpuCv = railValues(lines.get(i)).get(1)[0];
            int expected = phase[i] == SyntheticCell.PREFILL ? 8000 : phase[i] == SyntheticCell.DECODE ? 6000 : 1500;
            assertThat(cpuGpuCv).as("line %d", i + 1).isEqualTo(expected);
        }
        // the 1-second prefill windows of a 2048-token prompt hold one or more samples
        assertThat(truth.minSamplesInPrefill().getAsInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void trueEnergiesAddUpOverTheProfilingWindow() {
        qt().withExamples(20).forAll(longs().all(), integers().between(1, 6)).checkAssert((seed, requests) -> {
            CellTruth t = SyntheticCell.simulate(
                            spec(SyntheticParameters.table15().get("qwen3-0.6b", "25W"), 512, 64)
                                    .randomSeed(seed)
                                    .requests(requests)
                                    .build())
                    .truth();
            double inRequests = 0;
            for (RequestTruth r : t.requests()) {
                inRequests += r.totalJoules().vddCpuGpuCvJoules();
                assertThat(r.totalJoules().vddCpuGpuCvJoules()).isPositive();
                assertThat(r.window().startEpochNanos()).isGreaterThanOrEqualTo(t.profilingStartEpochNanos());
                assertThat(r.window().endEpochNanos()).isLessThanOrEqualTo(t.profilingEndEpochNanos());
            }
            // the profiling window holds every request plus idle gaps at about 1.45 W (never negative)
            double total = t.profilingJoules().vddCpuGpuCvJoules();
            assertThat(total).isGreaterThan(inRequests);
            double idleSeconds = t.profilingWindow().durationSeconds();
            for (RequestTruth r : t.requests()) {
                idleSeconds -= r.latencySeconds();
            }
            assertThat(total - inRequests).isLessThan(idleSeconds * 1.45 * 2 + 1e-9);
            assertThat(t.trueMeanWatts(SyntheticRail.VDD_CPU_GPU_CV))
                    .isCloseTo(total / t.profilingWindow().durationSeconds(), within(1e-12));
        });
    }

    @Test
    void samplePeriodIsAboveNominalWithBoundedJitter() {
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            SyntheticCell cell = SyntheticCell.simulate(
                    spec(quiet(), 128, 64).randomSeed(seed).requests(3).build());
            long period = cell.truth().samplePeriodNanos();
            assertThat(period).isBetween(510_000_000L, 525_000_000L); // 500 ms · [1.02, 1.05]
            long[] t = cell.sampleNanos();
            for (int i = 1; i < t.length; i++) {
                // consecutive gaps: period ± 2 × 3 ms of jitter
                assertThat(t[i] - t[i - 1]).isBetween(period - 6_000_000L, period + 6_000_000L);
                // no drift: each sample is within the jitter of its periodic position
                assertThat(Math.abs(t[i] - (t[0] + i * period))).isLessThanOrEqualTo(3_000_000L);
            }
            assertThat(t[t.length - 1]).isLessThanOrEqualTo(cell.truth().logEndEpochNanos());
        });
    }

    @Test
    void tegrastatsLinesCarryFloorStampsAndExactRunningMeans() throws IOException {
        SyntheticCell cell =
                SyntheticCell.simulate(spec(SyntheticParameters.table15().get("llama3.2-1b", "25W"), 512, 128)
                        .requests(4)
                        .build());
        Path log = dir.resolve("tegrastats.log");
        cell.writeTegrastatsLog(log);
        List<String> lines = Files.readAllLines(log);
        long[] t = cell.sampleNanos();
        long[] sums = new long[3];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            LocalDateTime expected =
                    LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(t[i], 1_000_000_000L)), KOLKATA);
            assertThat(line.substring(0, 19)).isEqualTo(STAMP.format(expected));
            List<int[]> rails = railValues(line);
            assertThat(rails).hasSize(3);
            for (int k = 0; k < 3; k++) {
                sums[k] += rails.get(k)[0];
                // the value after the slash is the mean of the printed values so far, rounded
                assertThat((double) rails.get(k)[1]).isCloseTo((double) sums[k] / (i + 1), within(0.5 + 1e-9));
                assertThat(rails.get(k)[0]).isEqualTo(cell.railMilliwatts()[k][i]);
            }
            assertThat(line)
                    .contains(" RAM ", " SWAP ", " CPU [", " EMC_FREQ ", " GR3D_FREQ ", " APE 174 ", " tj@", " gpu@");
        }
        assertThat(lines.get(0)).matches(".*VDD_IN (\\d+)mW/\\1mW.*"); // first line: current == average
    }

    @Test
    void recordsAreSelfConsistentLikeAiperfs() throws IOException {
        SyntheticCell cell =
                SyntheticCell.simulate(spec(SyntheticParameters.table15().get("gemma3-1b", "15W"), 1024, 64)
                        .failedRequests(2)
                        .build());
        cell.writeAiperfExports(dir);
        List<String> lines = Files.readAllLines(dir.resolve("profile_export.jsonl"));
        assertThat(lines).hasSize(20);
        int errors = 0;
        List<Double> latencies = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> rec = object(Json.parse(line));
            Map<String, Object> meta = object(rec.get("metadata"));
            Map<String, Object> metrics = object(rec.get("metrics"));
            assertThat(meta.get("benchmark_phase")).isEqualTo("profiling");
            long start = (Long) meta.get("request_start_ns");
            long end = (Long) meta.get("request_end_ns");
            if (rec.containsKey("error")) {
                errors++;
                assertThat(meta).doesNotContainKey("request_ack_ns");
                assertThat(metrics.keySet()).containsExactly("error_isl");
                continue;
            }
            double ttft = number(metrics, "time_to_first_token", "value");
            double rl = number(metrics, "request_latency", "value");
            double osl = number(metrics, "output_sequence_length", "value");
            List<Object> icl = array(at(metrics, "inter_chunk_latency", "value"));
            double sumIcl =
                    icl.stream().mapToDouble(o -> ((Number) o).doubleValue()).sum();
            // aiperf's identities (docs/reference/aiperf-format.md §3): RL = TTFT + Σ ICL, ITL = (RL − TTFT)/(OSL − 1)
            assertThat(ttft + sumIcl).isCloseTo(rl, within(1e-6));
            assertThat(icl).hasSize((int) osl - 1);
            double itl = number(metrics, "inter_token_latency", "value");
            assertThat(itl).isCloseTo((rl - ttft) / (osl - 1), within(1e-9));
            assertThat(number(metrics, "output_token_throughput_per_user", "value"))
                    .isCloseTo(1000 / itl, within(1e-9));
            assertThat(number(metrics, "prefill_throughput_per_user", "value"))
                    .isCloseTo(1024 / (ttft / 1000), within(1e-6));
            assertThat((end - start) / 1e6).isCloseTo(rl, within(1e-6));
            assertThat((Long) meta.get("request_ack_ns")).isBetween(start, start + (long) (ttft * 1e6));
            latencies.add(rl);
        }
        assertThat(errors).isEqualTo(2);

        Object summary = Json.read(dir.resolve("profile_export_aiperf.json"));
        assertThat(number(summary, "request_count", "avg")).isEqualTo(18);
        assertThat(number(summary, "error_request_count", "avg")).isEqualTo(2);
        assertThat(number(summary, "request_latency", "count")).isEqualTo(18);
        // aiperf's p50 is numpy's linear percentile of the per-request values: a sort-based reference
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (sorted.length - 1) * 0.5;
        double p50 = sorted[(int) h] + (h - (int) h) * (sorted[(int) h + 1] - sorted[(int) h]);
        assertThat(number(summary, "request_latency", "p50")).isCloseTo(p50, within(1e-9));
        assertThat(at(summary, "request_latency", "unit")).isEqualTo("ms");
        assertThat(number(array(at(summary, "error_summary")).get(0), "count")).isEqualTo(2);
        assertThat((String) at(summary, "start_time")).matches("2026-05-27T01:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(at(summary, "run_info", "cli_command").toString())
                .contains("--synthetic-input-tokens-mean 1024", "--output-tokens-mean 64", "--request-count 20");
        assertThat(at(array(at(summary, "input_config", "models", "items")).get(0), "name"))
                .isEqualTo("m");
    }

    @Test
    void allFailedCellHasOnlyErrorMetrics() throws IOException {
        CellTruth truth = SyntheticCell.writeAiperfExports(
                dir, spec(quiet(), 128, 64).failedRequests(20).build());
        assertThat(truth.allRequestsFailed()).isTrue();
        assertThat(truth.meanOutputTokens()).isNaN();
        assertThat(truth.trueOutputTokensPerJoule(SyntheticRail.VDD_CPU_GPU_CV)).isNaN();
        assertThat(truth.minSamplesInPrefill()).isEmpty();
        Map<String, Object> summary = object(Json.read(dir.resolve("profile_export_aiperf.json")));
        assertThat(summary).doesNotContainKeys("request_latency", "time_to_first_token", "request_count");
        assertThat(number(summary, "error_request_count", "avg")).isEqualTo(20);
        assertThat(summary).containsKeys("start_time", "end_time", "error_summary");
    }

    @Test
    void earlyEosShortensEveryRequestAndIsReported() {
        CellTruth eos = SyntheticCell.simulate(
                        spec(quiet(), 128, 256).earlyEos(true).build())
                .truth();
        assertThat(eos.earlyEos()).isTrue();
        for (RequestTruth r : eos.successfulRequests()) {
            assertThat(r.outputTokens()).isBetween(89, 205); // 0.35 · 256 .. 0.8 · 256
        }
        CellTruth full = SyntheticCell.simulate(
                        spec(quiet(), 128, 256).earlyEos(false).build())
                .truth();
        assertThat(full.meanOutputTokens()).isEqualTo(256);
        assertThat(full.successfulOutputTokens()).isEqualTo(20 * 256);
        assertThat(full.successfulInputTokens()).isEqualTo(20 * 128);
    }

    @Test
    void sameSpecGivesIdenticalBytes() throws IOException {
        CellSpec s = spec(SyntheticParameters.table15().get("smollm2-135m", "7W"), 128, 64)
                .randomSeed(7)
                .build();
        SyntheticCell.simulate(s).writeAll(dir.resolve("a"));
        SyntheticCell.simulate(s).writeAll(dir.resolve("b"));
        for (String f : List.of("tegrastats.log", "profile_export.jsonl", "profile_export_aiperf.json")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        SyntheticCell.simulate(spec(SyntheticParameters.table15().get("smollm2-135m", "7W"), 128, 64)
                        .randomSeed(8)
                        .build())
                .writeAll(dir.resolve("c"));
        assertThat(Files.readAllBytes(dir.resolve("c/tegrastats.log")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/tegrastats.log")));
    }

    @Test
    void sampledEnergiesApproachTrueEnergiesForLongRequests() {
        // a 64-token request at 150 ms/token lasts about 10 s: 19 samples; the sampled integral of a noise-free
        // trace differs from the truth only at the two phase edges (one sample interval each at most)
        CellTruth t = SyntheticCell.simulate(
                        spec(quiet().toBuilder().interTokenLatencyMillis(150).build(), 128, 64)
                                .requests(3)
                                .build())
                .truth();
        for (RequestTruth r : t.requests()) {
            double truth = r.totalJoules().vddCpuGpuCvJoules();
            double sampled = r.sampledTotalJoules().vddCpuGpuCvJoules();
            // worst case: two edges, each at most one interval (0.525 s) × the 6.5 W step ≈ 3.4 J, against ≈ 57 J
            assertThat(Math.abs(sampled - truth)).isLessThan(6.9);
            assertThat(r.samplesInRequest()).isGreaterThanOrEqualTo(18);
        }
    }

    @Test
    void specRejectsInvalidValues() {
        assertThatThrownBy(() -> spec(quiet(), 0, 64).build()).hasMessageContaining("targetInputTokens");
        assertThatThrownBy(() -> spec(quiet(), 128, 1).build()).hasMessageContaining("targetOutputTokens");
        assertThatThrownBy(() -> spec(quiet(), 128, 64).requests(0).build()).hasMessageContaining("requests");
        assertThatThrownBy(() -> spec(quiet(), 128, 64).tokenizer(" ").build()).hasMessageContaining("tokenizer");
        assertThatThrownBy(() -> spec(quiet(), 128, 64).sampling(0, 0, 0, 0).build())
                .hasMessageContaining("tegrastatsIntervalMillis");
        assertThatThrownBy(
                        () -> spec(quiet(), 128, 64).sampling(500, 0.1, 0.05, 0).build())
                .hasMessageContaining("overrun");
        assertThatThrownBy(
                        () -> spec(quiet(), 128, 64).sampling(500, 0, 0.05, 200).build())
                .hasMessageContaining("jitterMillis");
        assertThatThrownBy(() -> spec(quiet(), 128, 64).failedRequests(21).build())
                .hasMessageContaining("failedRequests");
        assertThatThrownBy(() -> CellSpec.builder("a/b", MODE_25W, 1, 2, quiet(), START, KOLKATA)
                        .build())
                .hasMessageContaining("a/b");
    }

    static List<int[]> railValues(String line) {
        Matcher m = RAIL.matcher(line);
        List<int[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        return out;
    }

    @Test
    void lineShapeIsThatOfTheCorpusLine() throws IOException, java.net.URISyntaxException {
        Path corpus = Path.of(SyntheticCellTest.class
                .getResource("/corpus/tegrastats/issue-jetson_stats-624-orin-8gb-r36-sudo.log")
                .toURI());
        // the corpus line has active video engines; ours are idle: compare with those engines switched off
        String real = Files.readAllLines(corpus).get(0).replaceAll("(NVENC|NVDEC|VIC) \\d+%@\\d+", "$1 off");
        SyntheticCell cell =
                SyntheticCell.simulate(spec(quiet(), 128, 8).requests(1).build());
        cell.writeTegrastatsLog(dir.resolve("shape.log"));
        for (String line : Files.readAllLines(dir.resolve("shape.log"))) {
            assertThat(shape(line)).isEqualTo(shape(real));
        }
    }

    /** A line with every number replaced by N. */
    private static String shape(String line) {
        return line.replaceAll("\\d+(\\.\\d+)?", "N");
    }

    @Test
    void railOrderIsThatOfTheCorpusLine() throws IOException {
        SyntheticCell cell =
                SyntheticCell.simulate(spec(quiet(), 128, 8).requests(1).build());
        cell.writeTegrastatsLog(dir.resolve("x/t.log"));
        String first = Files.readAllLines(dir.resolve("x/t.log")).get(0);
        Matcher m = RAIL.matcher(first);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).containsExactly("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC");
        assertThat(Arrays.stream(SyntheticRail.values()).map(Enum::name)).containsExactlyElementsOf(names);
    }
}
