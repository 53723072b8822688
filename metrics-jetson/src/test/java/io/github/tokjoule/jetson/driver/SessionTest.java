package io.github.tokjoule.jetson.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.driver.FakeComponents.Attempt;
import io.github.tokjoule.jetson.driver.component.PowerModeException;
import io.github.tokjoule.jetson.driver.component.ServerFailureException;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.journal.SweepJournal;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.testing.ScriptedRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestration's failure paths, on in-memory components. */
class SessionTest {

    @TempDir
    Path tmp;

    private final FakeComponents fake = new FakeComponents();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<SweepProgress> progress = new ArrayList<>();
    private Path run;

    @BeforeEach
    void setUp() throws IOException {
        run = tmp.resolve("run");
        Files.writeString(tmp.resolve("m.gguf"), "x");
        Files.writeString(tmp.resolve("n.gguf"), "x");
    }

    private SweepPlan plan(String members) {
        return SweepPlan.parse(
                "{\"zone\": \"UTC\", \"models\": [{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\"}],"
                        + " \"genLengths\": [4], \"promptLengths\": [1, 2, 3], \"requestsPerCell\": 2"
                        + (members.isEmpty() ? "" : ", " + members) + "}",
                "plan.json",
                tmp);
    }

    private DriverSettings.Builder settings() {
        return DriverSettings.builder()
                .processRunner(runner)
                .sudoPrefix(List.of("sudo", "-n"))
                .sleeper(sleeps::add)
                .clock(Clock.systemUTC())
                .systemPaths(SystemPaths.under(tmp.resolve("system")))
                .systemZone(ZoneId.of("UTC"))
                .listener(progress::add)
                .components(fake.factory());
    }

    private SweepDriver driver() {
        return SweepDriver.create(settings().build());
    }

    private static CellKey cell(int ctx) {
        return new CellKey("m", "15W", ctx, 4);
    }

    private JournalReplay journal() throws IOException {
        return JournalReplay.read(run.resolve("journal.jsonl"));
    }

    @Test
    void aServerThatKeepsDyingUsesUpItsRestartBudgetAndItsModelFails() throws Exception {
        fake.script(cell(1), Attempt.OK_THEN_SERVER_DIES);
        fake.script(cell(2), Attempt.OK_THEN_SERVER_DIES);

        SweepOutcome outcome = driver().run(plan(""), run);

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.COMPLETED_WITH_FAILURES);
        assertThat(outcome.cellsOk()).isEqualTo(2);
        assertThat(outcome.cellsRemaining()).isEqualTo(1);
        assertThat(outcome.failedModels()).containsExactly("15W/m");
        assertThat(fake.log)
                .containsExactly(
                        "mode 15W",
                        "start m",
                        "aiperf 15W/m/gen4/ctx1 OK_THEN_SERVER_DIES",
                        "restart",
                        "aiperf 15W/m/gen4/ctx2 OK_THEN_SERVER_DIES",
                        "stop");
        assertThat(Files.readString(run.resolve("15W/m/FAILED")))
                .isEqualTo("the server stopped answering before 15W/m/gen4/ctx3 and its restart budget (1) is used"
                        + " up\n");
        assertThat(journal().count("server-restart")).isEqualTo(1);
        // mode, model, ctx, gen, status: the analysis reads the cell's FAILED marker.
        assertThat(Files.readAllLines(run.resolve("cells.csv")))
                .anyMatch(l -> l.startsWith("15W,m,3,4,failed: model failed: the server stopped answering before"
                        + " 15W/m/gen4/ctx3 and its restart budget (1) is used up,"));
        assertThat(progress.get(progress.size() - 1).cellsDone()).isEqualTo(3);
    }

    @Test
    void aFailedRestartGivesUpTheModelAndMarksEveryCellGivenUp() throws Exception {
        fake.script(cell(1), Attempt.OK_THEN_SERVER_DIES);
        fake.restartFailures.add(new ServerFailureException(
                ServerFailureException.Kind.OUT_OF_MEMORY, "cudaMalloc" + " failed: out of memory"));
        Files.createDirectories(run.resolve("15W/m/gen4/ctx3"));

        SweepOutcome outcome = driver().run(plan("\"server\": {\"maxRestartsPerModel\": 2}"), run);

        assertThat(outcome.failedModels()).containsExactly("15W/m");
        assertThat(Files.readString(run.resolve("15W/m/FAILED")))
                .startsWith("the server died and its restart failed: OUT_OF_MEMORY: cudaMalloc failed");
        // ctx1 ran; ctx2 (no directory before) and ctx3 (an empty one) are given up: both are marked, so the sweep
        // analysis lists them as failed cells with the model's reason.
        for (int ctx : new int[] {2, 3}) {
            assertThat(Files.readString(run.resolve("15W/m/gen4/ctx" + ctx + "/FAILED")))
                    .startsWith("model failed: the server" + " died");
        }
        assertThat(run.resolve("15W/m/gen4/ctx1/FAILED")).doesNotExist();
    }

    @Test
    void aRestartThatCannotStartAProgramAlsoGivesUpTheModel() throws Exception {
        fake.script(cell(1), Attempt.OK_THEN_SERVER_DIES);
        fake.restartFailures.add(new IOException("executable \"llama-server\" not found"));
        SweepOutcome outcome = driver().run(plan(""), run);
        assertThat(Files.readString(run.resolve("15W/m/FAILED")))
                .startsWith("the server died and could not be restarted: executable");
        assertThat(outcome.cellsOk()).isEqualTo(1);
    }

    @Test
    void aCellFailingTwiceIsMarkedFailedWithItsReasonAndTheSweepGoesOn() throws Exception {
        fake.script(cell(1), Attempt.FAIL, Attempt.FAIL);
        fake.script(cell(2), Attempt.VALID_BUT_EXIT_2, Attempt.OK);
        fake.script(cell(3), Attempt.TIMEOUT, Attempt.IO_ERROR);

        SweepOutcome outcome = driver().run(plan(""), run);

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.COMPLETED_WITH_FAILURES);
        assertThat(outcome.cellsOk()).isEqualTo(1);
        assertThat(outcome.cellsFailed()).isEqualTo(2);
        assertThat(outcome.message()).isEqualTo("1 of 3 cells valid, 2 failed, 0 models failed");
        assertThat(Files.readString(run.resolve("15W/m/gen4/ctx1/FAILED")))
                .isEqualTo("aiperf exited with code 1; no profile_export_aiperf.json\n");
        assertThat(Files.readString(run.resolve("15W/m/gen4/ctx3/FAILED")))
                .isEqualTo("aiperf could not start: executable \"aiperf\" not found on PATH\n");
        JournalReplay j = journal();
        assertThat(j.failedCells()).containsOnlyKeys(cell(1), cell(3));
        assertThat(j.okCells()).containsExactly(cell(2));
        List<Object> retries = new ArrayList<>();
        j.events().stream().filter(e -> e.get("event").equals("cell-retry")).forEach(e -> retries.add(e.get("reason")));
        assertThat(retries)
                .containsExactly(
                        "aiperf exited with code 1; no profile_export_aiperf.json",
                        "aiperf exited with code 2",
                        "aiperf timed out; no profile_export_aiperf.json");
        // The first attempts' files were moved aside before the retries.
        assertThat(run.resolve("audit/attempts/15W/m/gen4/ctx2-1/profile_export_aiperf.json"))
                .isRegularFile();
        // The fake components write no power log: the ok cell has its request counts but no energies.
        assertThat(Files.readAllLines(run.resolve("cells.csv")))
                .contains("15W,m,2,4,ok,,,,,,,,,,,,,,,,,,MEASURED,RAIL_MISSING,,2,0" + ",".repeat(13)
                        + ",") // no trace: no power_trace
                .anyMatch(l ->
                        l.startsWith("15W,m,1,4,failed: aiperf exited with code 1; no profile_export_aiperf.json,"))
                .anyMatch(l -> l.startsWith(
                        "15W,m,3,4,\"failed: aiperf could not start: executable \"\"aiperf\"\" not found on PATH\","));
    }

    @Test
    void aTegrastatsThatCannotStartFailsTheCell() throws Exception {
        fake.tegrastatsFailures = 2;
        driver().run(plan(""), run);
        assertThat(Files.readString(run.resolve("15W/m/gen4/ctx1/FAILED")))
                .isEqualTo("tegrastats could not start: sudo: a password is required\n");
        assertThat(journal().okCells()).containsExactly(cell(2), cell(3));
    }

    @Test
    void aModeThatCannotBeSetStopsTheSweep() throws Exception {
        fake.modeFailures.put(
                0, new PowerModeException("pinning clocks failed: `sudo jetson_clocks` exited with code" + " 1"));
        SweepOutcome outcome = driver().run(plan(""), run);
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.STOPPED);
        assertThat(outcome.message()).startsWith("pinning clocks failed");
        assertThat(journal().count("mode-failed")).isEqualTo(1);
        assertThat(fake.log).containsExactly("mode 15W");

        FakeComponents io = new FakeComponents();
        io.modeFailures.put(0, new IOException("executable \"nvpmodel\" not found"));
        SweepOutcome noTool =
                SweepDriver.create(settings().components(io.factory()).build()).run(plan(""), tmp.resolve("run2"));
        assertThat(noTool.message()).isEqualTo("executable \"nvpmodel\" not found");
    }

    @Test
    void aModeThatNvpmodelNowNamesDifferentlyFromTheRecordIsRefusedOnResume() throws Exception {
        SweepPlan plan = plan("");
        Files.createDirectories(run);
        Files.writeString(run.resolve("plan.json"), plan.toJson(), StandardCharsets.UTF_8);
        try (SweepJournal j = SweepJournal.open(run.resolve("journal.jsonl"), Clock.systemUTC())) {
            j.append("run-start", Map.of("planFingerprint", plan.fingerprint()));
            j.append("mode-set", Map.of("modeLabel", "15W", "reportedLabel", "MAXN_SUPER"));
        }
        SweepOutcome outcome = driver().resume(run);
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.STOPPED);
        assertThat(outcome.message())
                .isEqualTo("power mode 0 (15W) was recorded as \"MAXN_SUPER\" by nvpmodel when the run started, but"
                        + " nvpmodel now reports \"15W\"; refusing to add cells measured in another mode to this run");
        assertThat(run.resolve("manifest.json")).isRegularFile();
    }

    @Test
    void aServerThatCannotStartFailsItsModelOnly() throws Exception {
        fake.startFailures.put("m", new IOException("executable \"llama-server\" not found"));
        SweepPlan plan = SweepPlan.parse(
                "{\"zone\": \"UTC\", \"models\": [{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\"},"
                        + " {\"name\": \"n\", \"gguf\": \"n.gguf\", \"tokenizer\": \"t\"}], \"genLengths\": [4],"
                        + " \"promptLengths\": [1]}",
                "plan.json",
                tmp);
        SweepOutcome outcome = driver().run(plan, run);
        assertThat(outcome.failedModels()).containsExactly("15W/m");
        assertThat(outcome.cellsOk()).isEqualTo(1);
        assertThat(Files.readString(run.resolve("15W/m/FAILED"))).startsWith("START_FAILED: executable");
        // Resuming retries the failed model; its old FAILED marker is moved aside.
        fake.startFailures.clear();
        SweepOutcome again = driver().resume(run);
        assertThat(again.status()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(again.cellsRun()).containsExactly(new CellKey("m", "15W", 1, 4));
        assertThat(run.resolve("15W/m/FAILED")).doesNotExist();
        assertThat(run.resolve("audit/attempts/15W/m/FAILED-1")).isRegularFile();
    }

    @Test
    void resumeSkipsOnlyCellsThatAreJournaledValidAndStillValidOnDisk() throws Exception {
        SweepPlan plan = plan("");
        assertThat(driver().run(plan, run).cellsOk()).isEqualTo(3);
        Files.delete(run.resolve("15W/m/gen4/ctx2/profile_export.jsonl"));
        SweepOutcome again = driver().resume(run, plan);
        assertThat(again.cellsAlreadyComplete()).isEqualTo(2);
        assertThat(again.cellsRun()).containsExactly(cell(2));
        SweepOutcome nothingLeft = driver().resume(run);
        assertThat(nothingLeft.cellsRun()).isEmpty();
        assertThat(nothingLeft.status()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(fake.log.stream().filter(l -> l.startsWith("mode"))).hasSize(2);
    }

    @Test
    void runAndResumeCheckTheirPreconditions() throws Exception {
        SweepPlan plan = plan("");
        assertThatThrownBy(() -> driver().resume(run))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no run to resume");
        assertThatThrownBy(() -> driver().resume(run, plan))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no run to resume");
        assertThatThrownBy(() -> SweepDriver.create(
                                settings().systemZone(ZoneId.of("Asia/Kolkata")).build())
                        .run(plan, run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the plan's zone UTC is not the system's zone Asia/Kolkata");
        runner.missing("aiperf").missing("sudo");
        assertThatThrownBy(() -> driver().run(plan, run))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("not found on PATH: sudo, aiperf.");
        assertThat(SweepDriver.create(settings().checkExecutables(false).build())
                        .run(plan, run)
                        .status())
                .isEqualTo(SweepOutcome.Status.COMPLETED);

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        try (SweepJournal j = SweepJournal.open(other.resolve("journal.jsonl"), Clock.systemUTC())) {
            j.append("run-start", Map.of("planFingerprint", "sha256:1"));
            j.append("run-start", Map.of("planFingerprint", "sha256:2"));
        }
        assertThatThrownBy(() -> driver().resume(other, plan))
                .isInstanceOf(ResumeRefusedException.class)
                .hasMessageContaining("written by several plans");
        Files.delete(other.resolve("journal.jsonl"));
        try (SweepJournal j = SweepJournal.open(other.resolve("journal.jsonl"), Clock.systemUTC())) {
            j.append("run-start", Map.of("planFingerprint", "sha256:1"));
        }
        assertThatThrownBy(() -> driver().resume(other, plan))
                .isInstanceOf(ResumeRefusedException.class)
                .hasMessage("the plan differs from the one recorded in " + other.resolve("journal.jsonl")
                        + ": recorded sha256:1, given " + plan.fingerprint());
    }

    @Test
    void anExceptionFromAListenerStillStopsEverythingTheRunStarted() throws Exception {
        SweepDriver failing = SweepDriver.create(settings()
                .listener(p -> {
                    if (p.stage() == SweepProgress.Stage.CELL_STARTED) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .build());
        assertThatThrownBy(() -> failing.run(plan(""), run)).hasMessage("listener bug");
        assertThat(runner.stopAllCalls()).isEqualTo(1);
        assertThat(Files.readAllLines(run.resolve("cells.csv"))).hasSize(4);
    }

    @Test
    void theShutdownHookInterruptsTheSweepThreadAndWaitsForIt() throws Exception {
        List<String> seen = new ArrayList<>();
        Thread sweep = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                seen.add("interrupted");
            }
        });
        sweep.start();
        Thread hook = SweepDriver.shutdownHook(sweep, Duration.ofSeconds(10));
        hook.start();
        hook.join(10_000);
        assertThat(sweep.isAlive()).isFalse();
        assertThat(seen).containsExactly("interrupted");
        assertThat(hook.getName()).isEqualTo("tokjoule-sweep-shutdown");
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> DriverSettings.builder().pollInterval(Duration.ZERO))
                .hasMessageContaining("pollInterval must be positive");
        assertThatThrownBy(() -> DriverSettings.builder().sudoPrefix(List.of("")))
                .hasMessageContaining("empty words");
        DriverSettings d = DriverSettings.defaults();
        assertThat(d.sudoPrefix()).containsExactly("sudo", "-n");
        assertThat(d.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.checkExecutables()).isTrue();
        assertThat(d.systemPaths()).isEqualTo(SystemPaths.linux());
        assertThat(d.systemZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(d.clock()).isNotNull();
        assertThat(d.sleeper()).isNotNull();
        assertThat(d.listener()).isNotNull();
        assertThat(d.processRunner()).isNotNull();
        SweepListener.none().onProgress(null);
    }
}
