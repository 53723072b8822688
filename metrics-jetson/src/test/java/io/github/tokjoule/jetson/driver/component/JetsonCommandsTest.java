package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every command line the driver builds, flag by flag. */
class JetsonCommandsTest {

    private static final List<String> SUDO = List.of("sudo", "-n");

    static SweepPlan plan(String members) {
        return SweepPlan.parse(
                "{\"models\": [{\"name\": \"qwen3-0.6b\", \"gguf\": \"/g/Qwen3-0.6B-Q8_0.gguf\","
                        + " \"tokenizer\": \"Qwen/Qwen3-0.6B\", \"quantisation\": \"Q8_0\"}]"
                        + (members.isEmpty() ? "" : ", " + members) + "}",
                "p",
                Path.of("/"));
    }

    @Test
    void privilegedCommandsAndOnlyThoseCarryTheSudoPrefix() {
        JetsonCommands c = JetsonCommands.of(plan(""), SUDO);
        assertThat(c.nvpmodelSet(PowerMode.of(2, "MAXN_SUPER")))
                .isEqualTo(new Command(
                        List.of("sudo", "-n", "nvpmodel", "-m", "2"),
                        Map.of(),
                        Optional.of("no\n"),
                        Optional.empty(),
                        false));
        assertThat(c.nvpmodelQuery().argv()).containsExactly("sudo", "-n", "nvpmodel", "-q");
        assertThat(c.jetsonClocks().argv()).containsExactly("sudo", "-n", "jetson_clocks");
        assertThat(c.jetsonClocksFan().argv()).containsExactly("sudo", "-n", "jetson_clocks", "--fan");
        assertThat(c.jetsonClocksShow().argv()).containsExactly("sudo", "-n", "jetson_clocks", "--show");
        assertThat(c.tegrastats(Path.of("/run/15W/m/gen64/ctx128/tegrastats.log"))
                        .argv())
                .containsExactly(
                        "sudo",
                        "-n",
                        "tegrastats",
                        "--interval",
                        "500",
                        "--logfile",
                        "/run/15W/m/gen64/ctx128/tegrastats.log");
        Command compact = c.compactMemory(Path.of("/proc/sys/vm/compact_memory"));
        assertThat(compact.argv()).containsExactly("sudo", "-n", "tee", "/proc/sys/vm/compact_memory");
        assertThat(compact.stdin()).contains("1\n");
        for (Command privileged : List.of(c.nvpmodelQuery(), c.jetsonClocks(), compact)) {
            assertThat(c.isPrivileged(privileged)).isTrue();
        }
        SweepPlan plan = c.plan();
        PlannedCell cell = plan.cells().get(0);
        for (Command plain : List.of(
                c.llamaServer(plan.models().get(0)),
                c.aiperf(cell, Path.of("/x")),
                c.version("aiperf"),
                c.ollamaServe())) {
            assertThat(c.isPrivileged(plain)).as(plain.toDisplayString()).isFalse();
            assertThat(plain.program()).isNotEqualTo("sudo");
        }
        assertThat(JetsonCommands.of(plan, List.of())
                        .isPrivileged(JetsonCommands.of(plan, List.of()).jetsonClocks()))
                .isFalse();
        assertThat(JetsonCommands.of(plan, List.of()).jetsonClocks().argv()).containsExactly("jetson_clocks");
        assertThat(c.sudoPrefix()).isEqualTo(SUDO);
        assertThatThrownBy(() -> JetsonCommands.of(plan, List.of("sudo", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty words");
    }

    @Test
    void llamaServerHasTheSeedsFlags() {
        SweepPlan plan = plan("\"server\": {\"port\": 8081}");
        assertThat(JetsonCommands.of(plan, SUDO)
                        .llamaServer(plan.models().get(0))
                        .argv())
                .containsExactly(
                        "llama-server",
                        "-m",
                        "/g/Qwen3-0.6B-Q8_0.gguf",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "8081",
                        "-ngl",
                        "99",
                        "--parallel",
                        "1",
                        "-c",
                        "2560",
                        "--no-cache-prompt",
                        "--cache-ram",
                        "0");
    }

    @Test
    void aiperfForLlamaCppHasTheSeedsFlagsPlusWarmUpOutputLengthControlAndArtifactDir() {
        SweepPlan plan = plan("");
        PlannedCell cell = plan.cells().get(plan.grid().cellCount() - 1); // gen 256, ctx 2048
        assertThat(JetsonCommands.of(plan, SUDO)
                        .aiperf(cell, Path.of("/run/15W/qwen3-0.6b/gen256/ctx2048"))
                        .argv())
                .containsExactly(
                        "aiperf",
                        "profile",
                        "--model",
                        "qwen3-0.6b",
                        "--streaming",
                        "--endpoint-type",
                        "chat",
                        "--url",
                        "http://127.0.0.1:8080",
                        "--tokenizer",
                        "Qwen/Qwen3-0.6B",
                        "--synthetic-input-tokens-mean",
                        "2048",
                        "--synthetic-input-tokens-stddev",
                        "0",
                        "--output-tokens-mean",
                        "256",
                        "--output-tokens-stddev",
                        "0",
                        "--request-count",
                        "20",
                        "--concurrency",
                        "1",
                        "--slice-duration",
                        "30",
                        "--random-seed",
                        "42",
                        "--request-timeout-seconds",
                        "180",
                        "--warmup-request-count",
                        "1",
                        "--extra-inputs",
                        "ignore_eos:true",
                        "--extra-inputs",
                        "min_tokens:256",
                        "--artifact-dir",
                        "/run/15W/qwen3-0.6b/gen256/ctx2048");
    }

    @Test
    void withoutControlOrWarmUpOrSlicesAiperfGetsOnlyTheSeedsFlags() {
        SweepPlan plan = plan("\"outputLengthControl\": false, \"warmupRequests\": 0, \"sliceDurationSeconds\": 0,"
                + " \"timeouts\": {\"requestSeconds\": 2.5}, \"requestsPerCell\": 5, \"concurrency\": 2,"
                + " \"randomSeed\": 7");
        List<String> argv = JetsonCommands.of(plan, SUDO)
                .aiperf(plan.cells().get(0), Path.of("/d"))
                .argv();
        assertThat(argv)
                .doesNotContain(
                        "--extra-inputs", "--use-legacy-max-tokens", "--warmup-request-count", "--slice-duration")
                .containsSequence("--request-count", "5", "--concurrency", "2")
                .containsSequence("--random-seed", "7", "--request-timeout-seconds", "2.5");
    }

    @Test
    void ollamaUsesLegacyMaxTokensItsModelNameAndItsHost() {
        SweepPlan plan = plan("\"backend\": \"ollama\"");
        JetsonCommands c = JetsonCommands.of(plan, SUDO);
        List<String> argv = c.aiperf(plan.cells().get(0), Path.of("/d")).argv();
        assertThat(argv)
                .containsSequence("--model", "local-qwen3-0.6b")
                .containsSequence("--url", "http://127.0.0.1:11434")
                .containsSequence("--warmup-request-count", "1", "--use-legacy-max-tokens", "--artifact-dir", "/d")
                .doesNotContain("--extra-inputs");
        assertThat(c.ollamaServe().argv()).containsExactly("ollama", "serve");
        assertThat(c.ollamaServe().environment()).containsExactly(Map.entry("OLLAMA_HOST", "127.0.0.1:11434"));
        assertThat(c.ollamaCreate(plan.models().get(0), Path.of("/l/Modelfile")).argv())
                .containsExactly("ollama", "create", "local-qwen3-0.6b", "-f", "/l/Modelfile");
        assertThat(c.ollamaStop(plan.models().get(0)).argv()).containsExactly("ollama", "stop", "local-qwen3-0.6b");
        assertThat(c.ollamaStop(plan.models().get(0)).environment()).containsKey("OLLAMA_HOST");
        assertThat(c.servedModelName(plan.models().get(0))).isEqualTo("local-qwen3-0.6b");
        assertThat(c.version("ollama").argv()).containsExactly("ollama", "--version");
    }

    @Test
    void commandsRenderForHumansWithShellQuotingButAreNeverShellStrings() {
        Command c =
                Command.of("aiperf", "--extra-inputs", "{\"a\": 1}", "it's", "").withEnvironment("OLLAMA_HOST", "h:1");
        assertThat(c.toDisplayString()).isEqualTo("OLLAMA_HOST=h:1 aiperf --extra-inputs '{\"a\": 1}' 'it'\\''s' ''");
        assertThat(c.argv()).containsExactly("aiperf", "--extra-inputs", "{\"a\": 1}", "it's", "");
        assertThat(Command.of("x").withOutput(Path.of("/o"), true).appendOutput())
                .isTrue();
        assertThatThrownBy(() -> Command.of(List.of())).hasMessageContaining("argv must start with a program");
        assertThatThrownBy(() -> Command.of("a\0b")).hasMessageContaining("NUL");
        assertThat(Command.of("x").prefixedWith(List.of())).isEqualTo(Command.of("x"));
    }
}
