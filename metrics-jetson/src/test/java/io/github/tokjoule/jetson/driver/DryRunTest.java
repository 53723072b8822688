package io.github.tokjoule.jetson.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.plan.SweepPlanException;
import io.github.tokjoule.jetson.driver.testing.ScriptedRunner;
import io.github.tokjoule.jetson.synthetic.SyntheticParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    @TempDir
    Path tmp;

    private final ScriptedRunner runner = new ScriptedRunner();

    private SweepDriver driver(Path compactMemory) {
        return SweepDriver.create(DriverSettings.builder()
                .processRunner(runner)
                .systemPaths(new SystemPaths(
                        tmp.resolve("nv_tegra_release"),
                        tmp.resolve("meminfo"),
                        tmp.resolve("version"),
                        compactMemory,
                        tmp.resolve("devfreq"),
                        tmp.resolve("cpu"),
                        tmp.resolve("model"),
                        tmp.resolve("os-release"),
                        tmp.resolve("version.json"),
                        tmp.resolve("status")))
                .build());
    }

    private static List<String> lines(List<PlannedCommand> steps) {
        return steps.stream().map(PlannedCommand::toString).collect(Collectors.toList());
    }

    @Test
    void listsEveryStepOfASmallLlamaCppRunInOrderWithoutRunningAnything() {
        SweepPlan plan = SweepPlan.parse(
                "{\"zone\": \"UTC\", \"models\": [{\"name\": \"m\", \"gguf\": \"/g/m.gguf\", \"tokenizer\": \"o/m\"}],"
                        + " \"genLengths\": [64], \"promptLengths\": [128]}",
                "p",
                tmp);
        Path run = Path.of("/runs/r1");
        Path compact = Path.of("/proc/sys/vm/compact_memory-absent-here");

        List<String> lines = lines(driver(compact).dryRun(plan, run));

        assertThat(runner.commands()).isEmpty();
        String cell = "/runs/r1/15W/m/gen64/ctx128";
        assertThat(lines)
                .containsExactly(
                        "# run 1 cells into /runs/r1 (llama.cpp, zone UTC)",
                        "RUN   sudo -n nvpmodel -q",
                        "RUN   sudo -n jetson_clocks --show",
                        "RUN   llama-server --version",
                        "RUN   aiperf --version",
                        "RUN   sudo -n tee " + compact + " <<< 1  (if " + compact + " exists)",
                        "# power mode 0 (15W)",
                        "RUN   sudo -n nvpmodel -m 0 <<< no",
                        "RUN   sudo -n jetson_clocks",
                        "RUN   sudo -n jetson_clocks --fan",
                        "RUN   sudo -n nvpmodel -q",
                        "RUN   sudo -n nvpmodel -q",
                        "RUN   sudo -n jetson_clocks --show",
                        "SLEEP 45.0 s (between modes)",
                        "# 15W / m",
                        "START llama-server -m /g/m.gguf --host 127.0.0.1 --port 8080 -ngl 99 --parallel 1 -c 2560"
                                + " --no-cache-prompt --cache-ram 0 >> /runs/r1/audit/logs/15W/m/llama-server.log 2>&1",
                        "HTTP  GET http://127.0.0.1:8080/health every 2000 ms until 200 (at most 300 s)",
                        "HTTP  POST http://127.0.0.1:8080/v1/chat/completions (smoke test, ~32 prompt tokens,"
                                + " max_tokens 32)",
                        "HTTP  POST http://127.0.0.1:8080/v1/chat/completions (smoke test, ~256 prompt tokens,"
                                + " max_tokens 32)",
                        "HTTP  POST http://127.0.0.1:8080/v1/chat/completions (smoke test, ~512 prompt tokens,"
                                + " max_tokens 32)",
                        "# 15W/m/gen64/ctx128",
                        "HTTP  GET http://127.0.0.1:8080/health (alive? else restart, at most 1 per model)",
                        "START sudo -n tegrastats --interval 500 --logfile " + cell + "/tegrastats.log >>"
                                + " /runs/r1/audit/logs/15W/m/gen64-ctx128-tegrastats.log 2>&1",
                        "SLEEP until the first sample is in " + cell + "/tegrastats.log",
                        "RUN   aiperf profile --model m --streaming --endpoint-type chat --url http://127.0.0.1:8080"
                                + " --tokenizer o/m --synthetic-input-tokens-mean 128 --synthetic-input-tokens-stddev 0"
                                + " --output-tokens-mean 64 --output-tokens-stddev 0 --request-count 20 --concurrency 1"
                                + " --slice-duration 30 --random-seed 42 --request-timeout-seconds 180"
                                + " --warmup-request-count 1 --extra-inputs ignore_eos:true --extra-inputs"
                                + " min_tokens:64 --artifact-dir " + cell
                                + " > /runs/r1/audit/logs/15W/m/gen64-ctx128-aiperf-1.log 2>&1",
                        "SLEEP 1.0 s (two sampling intervals: a sample after the last request)",
                        "STOP  sudo -n tegrastats --interval 500 --logfile " + cell + "/tegrastats.log (SIGTERM to"
                                + " this process only)",
                        "SLEEP 10.0 s (between cells)",
                        "STOP  llama-server -m /g/m.gguf --host 127.0.0.1 --port 8080 -ngl 99 --parallel 1 -c 2560"
                                + " --no-cache-prompt --cache-ram 0 (SIGTERM to this process only)",
                        "SLEEP 12.0 s (after the server stopped)",
                        "RUN   sudo -n tee " + compact + " <<< 1  (if " + compact + " exists)",
                        "SLEEP 30.0 s (between models)");
    }

    @Test
    void anOllamaRunWritesItsModelfileCreatesUnloadsAndStopsItsServe() throws Exception {
        Path compact = Files.writeString(tmp.resolve("compact_memory"), "");
        SweepPlan plan = SweepPlan.parse(
                "{\"zone\": \"UTC\", \"backend\": \"ollama\", \"models\": [{\"name\": \"m\", \"gguf\": \"/g/m.gguf\","
                        + " \"tokenizer\": \"o/m\"}], \"genLengths\": [64], \"promptLengths\": [128],"
                        + " \"smokeTest\": false, \"cooldowns\": {\"betweenModesSeconds\": 0}}",
                "p",
                tmp);
        List<PlannedCommand> steps = driver(compact).dryRun(plan, Path.of("/r"));
        List<String> lines = lines(steps);
        assertThat(lines)
                .contains(
                        "WRITE 1 > " + compact,
                        "HTTP  GET http://127.0.0.1:11434/api/tags; if nothing answers:",
                        "START OLLAMA_HOST=127.0.0.1:11434 ollama serve >> /r/audit/logs/ollama-serve.log 2>&1",
                        "WRITE /r/audit/logs/15W/m/Modelfile (FROM /g/m.gguf, PARAMETER num_ctx 2560)",
                        "RUN   OLLAMA_HOST=127.0.0.1:11434 ollama create local-m -f /r/audit/logs/15W/m/Modelfile >"
                                + " /r/audit/logs/15W/m/ollama-create.log 2>&1",
                        "HTTP  POST http://127.0.0.1:11434/api/generate {\"model\":\"local-m\",\"prompt\":\"hi\","
                                + "\"options\":{\"num_predict\":1}} (warm-up)",
                        "HTTP  GET http://127.0.0.1:11434/api/tags (alive?)",
                        "HTTP  POST http://127.0.0.1:11434/api/generate {\"model\":\"local-m\",\"keep_alive\":0}"
                                + " (unload)",
                        "RUN   OLLAMA_HOST=127.0.0.1:11434 ollama stop local-m")
                .doesNotContain("SLEEP 0.0 s (between modes)")
                .noneMatch(l -> l.contains("smoke test"))
                .last()
                .isEqualTo("STOP  OLLAMA_HOST=127.0.0.1:11434 ollama serve (only if the driver started it)");
        assertThat(steps.stream()
                        .filter(PlannedCommand::privileged)
                        .map(s -> s.command().orElseThrow().program()))
                .containsOnly("sudo");
        assertThat(steps.stream()
                        .filter(s -> s.kind() == PlannedCommand.Kind.RUN)
                        .map(s -> s.command().orElseThrow().argv().get(s.privileged() ? 2 : 0)))
                .contains("nvpmodel", "jetson_clocks", "ollama", "aiperf");
    }

    @Test
    void theExamplePlanReproducesTheSeedsSweepAndPrintsWithoutItsModelFiles() throws Exception {
        Path file = Path.of("..", "examples", "plans", "seed-orin-nano-super.json");
        SweepPlan plan = SweepPlan.read(file);
        assertThat(plan.models())
                .extracting(m -> m.name())
                .as("the seed's eight models, in its order (the generator's Table 15 lists the same)")
                .containsExactlyElementsOf(SyntheticParameters.table15().models());
        assertThat(plan.models())
                .extracting(m -> m.quantisation())
                .containsExactly("Q4_K_M", "Q8_0", "Q4_K_M", "Q4_K_M", "Q4_K_M", "Q8_0", "Q4_K_M", "Q4_K_M");
        assertThat(plan.grid().modes())
                .containsExactly(
                        PowerMode.of(3, "7W"),
                        PowerMode.of(0, "15W"),
                        PowerMode.of(1, "25W"),
                        PowerMode.of(2, "MAXN_SUPER"));
        assertThat(plan.grid().promptLengths()).containsExactly(128, 512, 1024, 2048);
        assertThat(plan.grid().genLengths()).containsExactly(64, 128, 256);
        assertThat(plan.requestsPerCell()).isEqualTo(20);
        assertThat(plan.grid().cellCount()).isEqualTo(384);
        assertThat(plan.zone()).isEqualTo(ZoneId.systemDefault());
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(plan.models().get(0).ggufPath())
                .isEqualTo(home.resolve("gguf-models/SmolLM2-135M-Instruct-Q4_K_M.gguf"));
        Assertions.assertThatThrownBy(plan::checkModelFiles)
                .isInstanceOf(SweepPlanException.class)
                .hasMessageContaining("$.models[0].gguf: model file does not exist");

        List<PlannedCommand> steps = driver(tmp.resolve("none")).dryRun(plan, Path.of("/runs/seed"));
        // every pause carries its length: 4 modes x 45 s + 32 models x (12 + 30) s + 384 cells x (0.5 s, one
        // tegrastats interval for the first sample, + 1 s + 10 s) = 5940 s; the other steps do not pause
        assertThat(steps.stream()
                        .filter(s -> s.kind() == PlannedCommand.Kind.SLEEP)
                        .map(PlannedCommand::pause)
                        .reduce(java.time.Duration.ZERO, java.time.Duration::plus))
                .isEqualTo(java.time.Duration.ofSeconds(5940));
        assertThat(steps.stream().filter(s -> s.kind() != PlannedCommand.Kind.SLEEP))
                .allSatisfy(s -> assertThat(s.pause()).isZero());
        assertThat(steps.stream().filter(s -> s.text().startsWith("aiperf profile")))
                .hasSize(384);
        assertThat(steps.stream()
                        .filter(s -> s.kind() == PlannedCommand.Kind.START
                                && s.text().startsWith("llama")))
                .hasSize(32);
    }
}
