package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Tables 2-5 from the files a driver run leaves, and "unknown" where there are none. */
class SetupFactsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheAuditsThePlanAndTheAiperfVersion() throws Exception {
        Files.createDirectories(dir.resolve("audit"));
        // Shaped like the driver's audit/start.json and audit/mode-<LABEL>.json (SystemAudit.collect).
        Files.writeString(dir.resolve("audit/start.json"), """
                {
                  "capturedAt": "2026-05-27T04:47:00Z",
                  "l4tRelease": "# R36 (release), REVISION: 4.7, GCID: 41238389, BOARD: generic, EABI: aarch64",
                  "kernel": "Linux version 5.15.148-tegra",
                  "memory": {"MemTotalKilobytes": 7802732, "CmaTotalKilobytes": 262144,
                             "CmaFreeKilobytes": "unavailable: not in /proc/meminfo"},
                  "nvpmodel": "NV Power Mode: 25W\\n1",
                  "tools": {"llama-server": "version: 5290 (ef570f630)\\nbuilt with cc", "aiperf": "aiperf 0.11.0"}
                }
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("audit/mode-25W.json"), """
                {"clocks": {"devfreqHertz": {"17000000.gpu": {"cur_freq": 816000000, "max_freq": 918000000}},
                            "cpuKilohertz": {"cpu0": {"scaling_max_freq": 1344000},
                                             "cpu4": {"scaling_max_freq": 1420800}}}}
                """, StandardCharsets.UTF_8);
        Path gguf = dir.resolve("m.gguf");
        Files.write(gguf, new byte[2_500_000]);
        Files.writeString(
                dir.resolve("plan.json"),
                "{\"backend\": \"llama.cpp\", \"models\": ["
                        + "{\"name\": \"other\", \"gguf\": \"/nowhere/o.gguf\", \"tokenizer\": \"a/b\", \"quantisation\": \"\"},"
                        + "{\"name\": \"smollm2-135m\", \"gguf\": \"" + gguf
                        + "\", \"tokenizer\": \"HuggingFaceTB/SmolLM2\","
                        + " \"quantisation\": \"Q4_K_M\", \"contextTokens\": 2560}]}",
                StandardCharsets.UTF_8);
        Path cell = dir.resolve("25W/smollm2-135m/gen256/ctx2048");
        Files.createDirectories(cell);
        Files.writeString(
                cell.resolve("profile_export_aiperf.json"),
                "{\"schema_version\": \"1.0\", \"aiperf_version\": \"0.4.1\", \"records\": {}}",
                StandardCharsets.UTF_8);

        SetupFacts f = SetupFacts.read(
                dir, Optional.empty(), List.of("smollm2-135m", "other"), List.of("25W", "7W"), "VDD_IN", List.of(cell));

        assertThat(f.hardware())
                .contains(
                        item(
                                "L4T release",
                                "36.4.7 (# R36 (release), REVISION: 4.7, GCID: 41238389, BOARD: generic, EABI: aarch64)"),
                        // cpu0 and cpu4 in the 25W audit; the highest maximum 1,420,800 kHz = 1420.8 MHz → "1421".
                        item("CPU", "2 CPUs, up to 1421 MHz (the audits' cpufreq)"),
                        item("Kernel", "Linux version 5.15.148-tegra"),
                        item("nvpmodel at start", "NV Power Mode: 25W"),
                        // 7,802,732 kB / 1024 = 7,620 MiB; 262,144 kB = 256 MiB; the free CMA is not a number
                        item("Memory", "7620 MiB"),
                        item("CMA", "256 MiB total, unknown free at start"));
        assertThat(f.hardware()).anySatisfy(i -> assertThat(i.value()).startsWith("not recorded"));
        assertThat(f.software())
                .contains(
                        item("Backend", "llama.cpp"),
                        item("Inference server version", "version: 5290 (ef570f630)"),
                        item("aiperf version", "0.4.1 (aiperf_version of the exports)"),
                        item("CUDA", "not recorded (audit/start.json predates tokjoule 0.2, which records CUDA)"),
                        item(
                                "JetPack",
                                "not recorded: L4T 36.4.7 is not in tokjoule's table of JetPack releases, and the audit"
                                        + " has no nvidia-jetpack package"),
                        item("Power telemetry", "tegrastats (interval not recorded), rail VDD_IN"));
        // 2,500,000 bytes = 2.5 MB; the other model's GGUF is not on this machine and its quantisation is blank.
        assertThat(f.models())
                .containsExactly(
                        new SetupFacts.ModelInfo(
                                "smollm2-135m", "Q4_K_M", 2.5, gguf.toString(), "HuggingFaceTB/SmolLM2", 2560),
                        new SetupFacts.ModelInfo("other", "unknown", Double.NaN, "/nowhere/o.gguf", "a/b", 0));
        // 918,000,000 Hz = 918 MHz; the highest CPU maximum 1,420,800 kHz = 1420.8 MHz; 7W has no audit.
        assertThat(f.modes())
                .containsExactly(
                        new SetupFacts.ModeInfo("25W", -1, 918, 1420.8),
                        new SetupFacts.ModeInfo("7W", -1, Double.NaN, Double.NaN));
    }

    @Test
    void aSweepWithoutAuditOrPlanSaysSo() {
        SetupFacts f = SetupFacts.read(dir, Optional.empty(), List.of("m"), List.of("15W"), "VDD_IN", List.of());
        assertThat(f.hardware())
                .contains(item("L4T release", "not recorded (no audit/start.json)"))
                .contains(item("CPU", "not recorded (no CPU clocks in the audits)"));
        assertThat(f.software())
                .contains(item("JetPack", "not recorded (no audit/start.json)"))
                .contains(item("CUDA", "not recorded (no audit/start.json)"));
        assertThat(f.software())
                .contains(item("aiperf version", "not recorded (no aiperf_version in the exports)"))
                .contains(item("Created by", "the seed benchmark's published layout"));
        assertThat(f.models())
                .containsExactly(new SetupFacts.ModelInfo("m", "unknown", Double.NaN, "unknown", "unknown", 0));
    }

    @Test
    void jetPackComesFromThePackageElseFromTheL4tRelease() throws Exception {
        Files.createDirectories(dir.resolve("audit"));
        Files.writeString(
                dir.resolve("audit/start.json"),
                "{\"l4tRelease\": \"# R36 (release), REVISION: 4.3, GCID: 38968081\", \"cuda\": \"12.6.68\","
                        + " \"jetpack\": \"unavailable: the nvidia-jetpack package is not installed (status)\"}",
                StandardCharsets.UTF_8);
        SetupFacts derived = SetupFacts.read(dir, Optional.empty(), List.of(), List.of(), "VDD_IN", List.of());
        assertThat(derived.software())
                .contains(item("JetPack", "6.2 (derived from L4T 36.4.3 by NVIDIA's JetPack archive)"))
                .contains(item("CUDA", "12.6.68"));
        Files.writeString(
                dir.resolve("audit/start.json"),
                "{\"l4tRelease\": \"# R36 (release), REVISION: 4.3\", \"jetpack\": \"6.2+b77\"}",
                StandardCharsets.UTF_8);
        SetupFacts recorded = SetupFacts.read(dir, Optional.empty(), List.of(), List.of(), "VDD_IN", List.of());
        assertThat(recorded.software()).contains(item("JetPack", "6.2+b77 (the nvidia-jetpack package)"));
    }

    @Test
    void aModelsSizeQuantisationAndTokenizerComeFromTheAuditWhereThePlanAndTheFileAreMissing() throws Exception {
        Files.createDirectories(dir.resolve("audit"));
        // The audit's key holds the model's name with its dots (qwen2.5-0.5b); 469,000,000 bytes = 469 MB.
        Files.writeString(
                dir.resolve("audit/start.json"),
                "{\"models\": {\"qwen2.5-0.5b\": {\"gguf\": \"/models/q.gguf\", \"ggufBytes\": 469000000,"
                        + " \"quantisation\": \"Q4_K_M\", \"tokenizer\": \"Qwen/Qwen2.5-0.5B-Instruct\"}}}",
                StandardCharsets.UTF_8);
        SetupFacts f = SetupFacts.read(dir, Optional.empty(), List.of("qwen2.5-0.5b"), List.of(), "VDD_IN", List.of());
        assertThat(f.models())
                .containsExactly(new SetupFacts.ModelInfo(
                        "qwen2.5-0.5b", "Q4_K_M", 469, "/models/q.gguf", "Qwen/Qwen2.5-0.5B-Instruct", 0));
    }

    @Test
    void aBrokenJsonFileReadsAsNothing() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"kernel\": ", StandardCharsets.UTF_8);
        assertThat(JsonLeaves.read(dir.resolve("broken.json"))).isEmpty();
        assertThat(JsonLeaves.read(dir.resolve("none.json"))).isEmpty();
        // A scalar is not an object: nothing.
        Files.writeString(dir.resolve("scalar.json"), "42", StandardCharsets.UTF_8);
        assertThat(JsonLeaves.read(dir.resolve("scalar.json"))).isEmpty();
        assertThat(JsonLeaves.parse("{\"a\": [1, {\"b\": null, \"c\": true}]}"))
                .containsExactly(java.util.Map.entry("a.0", "1"), java.util.Map.entry("a.1.c", "true"));
    }

    private static ReportData.SetupItem item(String label, String value) {
        return new ReportData.SetupItem(label, value);
    }
}
