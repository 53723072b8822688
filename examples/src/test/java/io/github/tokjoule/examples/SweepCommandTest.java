package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.driver.SweepProgress;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweep and plan commands without a Jetson: dry runs, usage errors and the progress display. */
class SweepCommandTest extends CommandLineTest {

    /** The shipped plan that reproduces the seed's sweep (tests run in the module directory). */
    static final Path SEED_PLAN = Path.of("plans/seed-orin-nano-super.json");

    @Test
    void planPrintsEveryCommandOfTheSeedsSweep() {
        assertThat(run("plan", SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        String text = out.toString();
        assertThat(text).startsWith("# tokjoule plan ").contains("\n# run 384 cells into " + dir);
        // 4 modes, in the plan's order, each set with nvpmodel
        int m3 = text.indexOf("sudo -n nvpmodel -m 3");
        int m0 = text.indexOf("sudo -n nvpmodel -m 0");
        int m1 = text.indexOf("sudo -n nvpmodel -m 1");
        int m2 = text.indexOf("sudo -n nvpmodel -m 2");
        assertThat(new int[] {m3, m0, m1, m2}).isSorted().doesNotContain(-1);
        // one aiperf run per cell: 4 modes x 8 models x 3 gens x 4 prompts
        assertThat(text.lines()
                        .filter(l -> l.startsWith("RUN   aiperf profile"))
                        .count())
                .isEqualTo(384);
        assertThat(text)
                .contains("--request-count 20", "--synthetic-input-tokens-mean 2048", "--output-tokens-mean 256");
        assertThat(text).contains("llama-server -m ", "-ngl 99 --parallel 1 -c 2560 --no-cache-prompt --cache-ram 0");
    }

    @Test
    void sweepDryRunPrintsTheSameCommands() {
        assertThat(run("plan", SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        String plan = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("sweep", SEED_PLAN.toString(), "--run-dir", dir.toString(), "--dry-run"))
                .isZero();
        assertThat(out.toString()).isEqualTo(plan);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMissingPlanIsAUsageError() {
        assertThat(run("plan", dir.resolve("none.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.json: no such file");
        assertThat(run("sweep", dir.resolve("none.json").toString())).isEqualTo(2);
    }

    @Test
    void anInvalidPlanIsAnInputFailureNamingTheJsonPath() throws Exception {
        // A file that does not parse is exit code 1 in every command (README "Exit codes"); it was 2 here.
        Path plan = dir.resolve("bad.json");
        Files.writeString(plan, "{\"models\": [], \"promptLenghts\": [128]}", StandardCharsets.UTF_8);
        assertThat(run("plan", plan.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("tokjoule plan: invalid plan", "promptLenghts");
        Files.writeString(plan, "{}", StandardCharsets.UTF_8);
        assertThat(run("sweep", plan.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("tokjoule sweep: invalid plan", "$.models: missing");
    }

    @Test
    void resumeAndRunDirTogetherOrAMissingRunAreUsageErrors() {
        assertThat(run("sweep", SEED_PLAN.toString(), "--resume", dir.toString(), "--run-dir", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--resume or --run-dir, not both");
        assertThat(run(
                        "sweep",
                        SEED_PLAN.toString(),
                        "--resume",
                        dir.resolve("no-run").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no such run directory");
    }

    @Test
    void aSweepThatCannotStartFailsWithOneLineAndWritesNothing() {
        // The plan's GGUF files do not exist here: the driver refuses before it runs anything.
        Path run = dir.resolve("run");
        assertThat(run("sweep", SEED_PLAN.toString(), "--run-dir", run.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tokjoule sweep: ").contains("gguf");
        assertThat(run).doesNotExist();
    }

    @Test
    void progressEventsDrawTheBarAndPrintMessages() {
        StringWriter log = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(log), false);
        CellKey cell = new CellKey("qwen3-0.6b", "25W", 2048, 256);
        SweepCommand.onProgress(
                bar,
                new SweepProgress(
                        SweepProgress.Stage.MODE_STARTED,
                        96,
                        384,
                        Optional.of("25W"),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ofSeconds(3600),
                        Optional.empty(),
                        "power mode 25W set"));
        SweepCommand.onProgress(
                bar,
                new SweepProgress(
                        SweepProgress.Stage.CELL_STARTED,
                        96,
                        384,
                        Optional.of("25W"),
                        Optional.of("qwen3-0.6b"),
                        Optional.of(cell),
                        Duration.ofSeconds(3723),
                        Optional.of(Duration.ofSeconds(11169)),
                        ""));
        SweepCommand.onProgress(
                bar,
                new SweepProgress(
                        SweepProgress.Stage.CELL_FINISHED,
                        97,
                        384,
                        Optional.of("25W"),
                        Optional.of("qwen3-0.6b"),
                        Optional.of(cell),
                        Duration.ofSeconds(3800),
                        Optional.of(Duration.ofSeconds(11000)),
                        "failed: aiperf exited with 1"));
        assertThat(log.toString().lines())
                .containsExactly(
                        "power mode 25W set",
                        "[######------------------] 96/384 cells  25W  elapsed 1:00:00  ETA --:--",
                        "[######------------------] 96/384 cells  25W  qwen3-0.6b  gen256/ctx2048  elapsed 1:02:03"
                                + "  ETA 3:06:09",
                        "25W/qwen3-0.6b/gen256/ctx2048: failed: aiperf exited with 1",
                        "[######------------------] 97/384 cells  25W  qwen3-0.6b  gen256/ctx2048  elapsed 1:03:20"
                                + "  ETA 3:03:20");
    }

    @Test
    void defaultRunDirIsNamedAfterThePlan() {
        assertThat(SweepCommand.defaultRunDir(SEED_PLAN).toString()).matches("runs/seed-orin-nano-super-\\d{8}-\\d{4}");
    }
}
