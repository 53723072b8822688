package io.github.tokjoule.jetson.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.driver.component.JetsonCommands;
import io.github.tokjoule.jetson.driver.fakes.FakeBin;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.LocalProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver end to end, through the real process runner, against fake Jetson tools on the PATH (no Jetson needed).
 */
class SweepDriverEndToEndTest {

    @TempDir
    Path tmp;

    /** The fakes' recorded runs of one tool, as (argv without the program). */
    private static List<List<String>> argvs(FakeBin fakes, String tool) {
        return fakes.invocations(tool).stream().map(FakeBin.Invocation::argv).collect(Collectors.toList());
    }

    /** Expected argv (program dropped, sudo prefix dropped) of the dry run's process steps for one program. */
    private static List<List<String>> plannedArgvs(List<PlannedCommand> steps, List<String> sudo, String program) {
        List<List<String>> out = new ArrayList<>();
        for (PlannedCommand step : steps) {
            if (step.command().isEmpty()
                    || !(step.kind() == PlannedCommand.Kind.RUN || step.kind() == PlannedCommand.Kind.START)) {
                continue;
            }
            List<String> argv = step.command().get().argv();
            if (step.privileged()) {
                argv = argv.subList(sudo.size(), argv.size());
            }
            if (argv.get(0).equals(program)) {
                out.add(argv.subList(1, argv.size()));
            }
        }
        return out;
    }

    /**
     * The sweep analysis reads the run directory the driver wrote: every planned cell is there; the cells of a failed
     * model are failed cells carrying the model's reason; every other cell is ok with finite energies and tok/J,
     * measured on the default rail, in the zone of the driver's manifest (no ZONE_MISMATCH), inside its trace.
     */
    private static SweepResult analyzesCleanly(TestRig rig, SweepPlan plan, Map<String, String> failedModelReasons)
            throws Exception {
        SweepResult result = SweepAnalysis.analyze(rig.runDir(), AnalysisOptions.defaults());
        assertThat(result.layoutKind()).isEqualTo(SweepLayout.Kind.TOKJOULE);
        assertThat(result.zone())
                .as("the zone comes from the driver's manifest")
                .isEqualTo(rig.zone);
        assertThat(result.sweepFlags()).isEmpty();
        assertThat(result.warnings()).as("warnings").isEmpty();
        assertThat(result.cells()).hasSize(plan.grid().cellCount());
        for (PlannedCell c : plan.cells()) {
            CellKey k = c.key();
            CellMetrics m = result.cell(k.model(), k.modeLabel(), k.promptTokens(), k.genTokens())
                    .orElseThrow(() -> new AssertionError("no analyzed cell for " + k))
                    .metrics();
            String failedReason = failedModelReasons.get(k.modeLabel() + "/" + k.model());
            if (failedReason != null) {
                assertThat(m.status().isOk()).as("%s is failed", k).isFalse();
                assertThat(m.status().failureReason().orElseThrow()).as("%s", k).contains(failedReason.strip());
                continue;
            }
            assertThat(m.status().isOk()).as("%s: %s", k, m.status()).isTrue();
            assertThat(m.method()).isEqualTo(EnergyMethod.MEASURED);
            assertThat(m.rail()).as("%s rail", k).hasValue("VDD_CPU_GPU_CV");
            assertThat(m.requestCount() - m.errorCount()).as("%s requests", k).isEqualTo(plan.requestsPerCell());
            assertThat(m.flags())
                    .as("%s flags", k)
                    .extracting(f -> f.flag())
                    .doesNotContain(
                            AccuracyFlag.ZONE_MISMATCH,
                            AccuracyFlag.WINDOW_OUTSIDE_TRACE,
                            AccuracyFlag.RAIL_MISSING,
                            AccuracyFlag.OUTPUT_LENGTH_MISMATCH,
                            AccuracyFlag.REQUEST_ERRORS);
            for (double v : new double[] {
                m.totalJoulesPerRequest(),
                m.prefillJoulesPerRequest(),
                m.decodeJoulesPerRequest(),
                m.outputTokensPerJoule(OutputTokJVariant.REQUEST),
                m.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE),
                m.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT),
                m.totalTokensPerJoule()
            }) {
                assertThat(v).as("%s energies and tok/J: %s", k, m).isFinite().isPositive();
            }
        }
        return result;
    }

    @Test
    void runsTheTwoModeTwoModelSweepAndEveryCommandLineIsTheOneBuilt() throws Exception {
        TestRig rig = new TestRig(tmp);
        rig.sudoPrefix = List.of("sudo", "-n");
        SweepPlan plan = rig.plan().build();
        LocalProcessRunner runner = rig.runner();
        SweepDriver driver = SweepDriver.create(rig.settings(runner).build());
        List<PlannedCommand> dryRun = driver.dryRun(plan, rig.runDir());
        assertThat(rig.fakes.invocations()).as("a dry run runs nothing").isEmpty();

        SweepOutcome outcome = driver.run(plan, rig.runDir());

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(JournalReplay.read(rig.runDir().resolve("journal.jsonl")).events())
                .as("no retries")
                .noneMatch(e -> e.get("event").equals("cell-retry"));
        assertThat(outcome.cellsOk()).isEqualTo(16);
        assertThat(outcome.cellsRun())
                .containsExactlyElementsOf(
                        plan.cells().stream().map(PlannedCell::key).collect(Collectors.toList()));
        assertThat(runner.liveProcesses()).as("no process left running").isEmpty();

        // Every process the run started is exactly the one the dry run lists, tool by tool, in order.
        for (String tool : List.of("nvpmodel", "jetson_clocks", "tegrastats", "llama-server", "aiperf")) {
            assertThat(argvs(rig.fakes, tool)).as(tool).isEqualTo(plannedArgvs(dryRun, rig.sudoPrefix, tool));
        }
        // ... and those are the flags the issue asks for.
        JetsonCommands commands = JetsonCommands.of(plan, rig.sudoPrefix);
        Path cell = rig.runDir().resolve("25W/beta/gen8/ctx32");
        assertThat(argvs(rig.fakes, "aiperf").get(16))
                .containsExactly(
                        "profile",
                        "--model",
                        "beta",
                        "--streaming",
                        "--endpoint-type",
                        "chat",
                        "--url",
                        "http://127.0.0.1:" + rig.port,
                        "--tokenizer",
                        "org/beta-instruct",
                        "--synthetic-input-tokens-mean",
                        "32",
                        "--synthetic-input-tokens-stddev",
                        "0",
                        "--output-tokens-mean",
                        "8",
                        "--output-tokens-stddev",
                        "0",
                        "--request-count",
                        "3",
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
                        "min_tokens:8",
                        "--artifact-dir",
                        cell.toString());
        assertThat(argvs(rig.fakes, "llama-server").get(0)).containsExactly("--version");
        assertThat(argvs(rig.fakes, "llama-server").get(1))
                .containsExactly(
                        "-m",
                        rig.models.resolve("alpha.gguf").toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(rig.port),
                        "-ngl",
                        "99",
                        "--parallel",
                        "1",
                        "-c",
                        "256",
                        "--no-cache-prompt",
                        "--cache-ram",
                        "0");
        assertThat(argvs(rig.fakes, "aiperf").get(0)).containsExactly("--version");
        assertThat(argvs(rig.fakes, "tegrastats").get(15))
                .containsExactly(
                        "--interval",
                        "50",
                        "--logfile",
                        cell.resolve("tegrastats.log").toString());
        assertThat(argvs(rig.fakes, "nvpmodel"))
                .containsExactly(
                        List.of("-q"),
                        List.of("-m", "0"),
                        List.of("-q"),
                        List.of("-q"),
                        List.of("-m", "1"),
                        List.of("-q"),
                        List.of("-q"));
        assertThat(argvs(rig.fakes, "jetson_clocks"))
                .containsExactly(
                        List.of("--show"),
                        List.of(),
                        List.of("--fan"),
                        List.of("--show"),
                        List.of(),
                        List.of("--fan"),
                        List.of("--show"));
        // Only the privileged steps went through sudo.
        assertThat(rig.fakes.sudoLines())
                .allMatch(l -> l.startsWith("-n nvpmodel ")
                        || l.startsWith("-n jetson_clocks")
                        || l.startsWith("-n tegrastats "))
                .hasSize(7 + 7 + 16);
        assertThat(commands.isPrivileged(commands.aiperf(plan.cells().get(0), cell)))
                .isFalse();

        // Output-length control reached the server: every profiled request asked for exactly gen tokens.
        List<Map<String, Object>> profiled = rig.fakes.chatRequests().stream()
                .filter(r -> r.containsKey("max_completion_tokens"))
                .collect(Collectors.toList());
        assertThat(profiled).hasSize(16 * 4);
        assertThat(profiled).allSatisfy(r -> {
            assertThat(r.get("ignore_eos")).isEqualTo(true);
            assertThat(r.get("min_tokens")).isEqualTo(r.get("max_completion_tokens"));
        });
        Map<?, ?> summary = (Map<?, ?>)
                JsonTree.parse(Files.readString(cell.resolve("profile_export_aiperf.json"), StandardCharsets.UTF_8));
        assertThat(((Map<?, ?>) summary.get("output_sequence_length")).get("avg"))
                .isEqualTo(8L);

        // The library reads what the run wrote: the summary (its naive times in the manifest's zone) and every record.
        AiperfProfile profile = AiperfProfile.read(cell.resolve("profile_export_aiperf.json"), rig.zone);
        assertThat(profile.requestCount()).hasValue(3);
        assertThat(profile.startTime()).isPresent();
        try (AiperfRecords records = AiperfRecords.open(cell.resolve("profile_export.jsonl"))) {
            List<RequestRecord> all = records.stream().collect(Collectors.toList());
            assertThat(all).hasSize(3).noneMatch(RequestRecord::isError);
            assertThat(all).allSatisfy(r -> assertThat(
                            r.requestStartEpochNanos().getAsLong())
                    .isGreaterThanOrEqualTo(
                            profile.startTime().orElseThrow().getEpochSecond() * 1_000_000_000L - 1_000_000_000L));
            assertThat(records.report().isClean())
                    .as(records.report().toString())
                    .isTrue();
        }

        // The run directory has our layout.
        try (java.util.stream.Stream<Path> root = Files.list(rig.runDir())) {
            assertThat(root.map(p -> p.getFileName().toString()))
                    .as("the run root: the contract's files, audit/ and one directory per mode")
                    .containsExactlyInAnyOrder(
                            "manifest.json", "plan.json", "journal.jsonl", "cells.csv", "audit", "15W", "25W");
        }
        for (String f : List.of(
                "manifest.json",
                "plan.json",
                "journal.jsonl",
                "cells.csv",
                "audit/start.json",
                "audit/mode-15W.json",
                "audit/mode-25W.json")) {
            assertThat(rig.runDir().resolve(f)).as(f).isRegularFile();
        }
        for (PlannedCell c : plan.cells()) {
            Path dir = rig.runDir().resolve(c.key().relativeDir());
            assertThat(dir.resolve("profile_export_aiperf.json")).isRegularFile();
            assertThat(dir.resolve("profile_export.jsonl")).isRegularFile();
            List<String> lines = Files.readAllLines(dir.resolve("tegrastats.log"));
            assertThat(lines)
                    .isNotEmpty()
                    .allMatch(l -> l.matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2} RAM .*"
                            + "VDD_IN \\d+mW/\\d+mW VDD_CPU_GPU_CV \\d+mW/\\d+mW VDD_SOC \\d+mW/\\d+mW"));
        }
        Map<?, ?> manifest =
                (Map<?, ?>) JsonTree.parse(Files.readString(rig.runDir().resolve("manifest.json")));
        assertThat(manifest.get("zone")).isEqualTo(rig.zone.getId());
        assertThat(manifest.get("plan_fingerprint")).isEqualTo(plan.fingerprint());
        // The manifest says what the sweep analysis reads, with the keys it documents.
        SweepManifest read = SweepManifest.read(rig.runDir().resolve("manifest.json"));
        assertThat(read.formatVersion()).isEqualTo(SweepManifest.FORMAT_VERSION);
        assertThat(read.createdBy()).startsWith("tokjoule-driver");
        assertThat(read.zone()).hasValue(rig.zone);
        assertThat(read.backend()).isEqualTo("llama.cpp");
        assertThat(read.grid()).isEqualTo(plan.grid());
        assertThat(read.grid().models()).containsExactly("alpha", "beta");
        assertThat(read.grid().promptLengths()).containsExactly(16, 32);
        assertThat(read.grid().genLengths()).containsExactly(4, 8);
        assertThat(read.requestsPerCell()).isEqualTo(3);
        assertThat(read.concurrency()).isEqualTo(1);
        assertThat(read.tegrastatsIntervalMillis()).isEqualTo(50);
        assertThat(read.methodNotes()).contains("Driver run");
        // cells.csv: the analysis' per-cell results, one row per planned cell in plan order.
        List<String> csv = Files.readAllLines(rig.runDir().resolve("cells.csv"));
        assertThat(csv).hasSize(17);
        assertThat(csv.get(0)).isEqualTo(String.join(",", CellResultsCsv.COLUMNS));
        for (int i = 0; i < 16; i++) {
            CellKey k = plan.cells().get(i).key();
            String[] f = csv.get(i + 1).split(",", -1);
            assertThat(f).hasSize(CellResultsCsv.COLUMNS.size());
            assertThat(List.of(f).subList(0, 5))
                    .containsExactly(
                            k.modeLabel(),
                            k.model(),
                            Integer.toString(k.promptTokens()),
                            Integer.toString(k.genTokens()),
                            "ok");
            assertThat(Double.parseDouble(f[CellResultsCsv.COLUMNS.indexOf("output_tok_per_j")]))
                    .isFinite()
                    .isPositive();
            assertThat(f[CellResultsCsv.COLUMNS.indexOf("method")]).isEqualTo("MEASURED");
            assertThat(f[CellResultsCsv.COLUMNS.indexOf("rail")]).isEqualTo("VDD_CPU_GPU_CV");
            assertThat(f[CellResultsCsv.COLUMNS.indexOf("requests_ok")]).isEqualTo("3");
        }
        Map<?, ?> audit =
                (Map<?, ?>) JsonTree.parse(Files.readString(rig.runDir().resolve("audit/start.json")));
        assertThat(audit.get("l4tRelease").toString()).startsWith("# R36 (release), REVISION: 4.7");
        assertThat(((Map<?, ?>) audit.get("memory")).get("CmaFreeKilobytes")).isEqualTo(250112L);
        assertThat(((Map<?, ?>) audit.get("tools")).get("llama-server").toString())
                .contains("5290");
        assertThat(audit.get("deviceModel"))
                .isEqualTo("NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super");
        assertThat(audit.get("os")).isEqualTo("Ubuntu 22.04.5 LTS");
        assertThat(audit.get("cuda")).isEqualTo("12.6.68");
        assertThat(audit.get("jetpack")).isEqualTo("6.2.1+b38");
        // Each plan model's GGUF: the rig's fake weights are the 17 bytes of "GGUF fake weights".
        for (Object model : ((Map<?, ?>) audit.get("models")).values()) {
            assertThat(((Map<?, ?>) model).get("ggufBytes")).isEqualTo(17L);
        }

        // The sweep analysis reads the run as the driver wrote it.
        analyzesCleanly(rig, plan, Map.of());

        // Cooldowns: 16 between cells, 2 between modes, 4 after a server stopped and 4 between models.
        assertThat(rig.sleeps.stream().filter(d -> d.equals(Duration.ofSeconds(10))))
                .hasSize(16);
        assertThat(rig.sleeps.stream().filter(d -> d.equals(Duration.ofSeconds(45))))
                .hasSize(2);
        assertThat(rig.sleeps.stream().filter(d -> d.equals(Duration.ofSeconds(12))))
                .hasSize(4);
        assertThat(rig.sleeps.stream().filter(d -> d.equals(Duration.ofSeconds(30))))
                .hasSize(4);

        // Progress: every cell reported, done counts up to the total, an ETA once a cell ran.
        List<SweepProgress> finished = rig.progress.stream()
                .filter(p -> p.stage() == SweepProgress.Stage.CELL_FINISHED)
                .collect(Collectors.toList());
        assertThat(finished).hasSize(16);
        assertThat(finished.get(0).cellsDone()).isEqualTo(1);
        assertThat(finished.get(15).cellsDone()).isEqualTo(16);
        assertThat(finished)
                .allMatch(p ->
                        p.cellsTotal() == 16 && p.eta().isPresent() && p.model().isPresent());
        assertThat(rig.progressStages())
                .startsWith("RUN_STARTED", "MODE_STARTED", "MODEL_STARTED", "CELL_STARTED")
                .endsWith("RUN_FINISHED");
    }

    @Test
    void aModelThatRunsOutOfMemoryAtLoadIsMarkedFailedAndTheSweepGoesOn() throws Exception {
        TestRig rig = new TestRig(tmp);
        rig.switches.put("FAKE_LLAMA_OOM_MODELS", "alpha.gguf");
        SweepPlan plan = rig.plan()
                .modes("[{\"id\": 1, \"label\": \"25W\"}]")
                .gens("[4]")
                .build();

        SweepOutcome outcome = SweepDriver.create(rig.settings().build()).run(plan, rig.runDir());

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.COMPLETED_WITH_FAILURES);
        assertThat(outcome.failedModels()).containsExactly("25W/alpha");
        assertThat(outcome.cellsOk()).isEqualTo(2);
        assertThat(outcome.cellsRun()).extracting(CellKey::model).containsOnly("beta");
        String reason = Files.readString(rig.runDir().resolve("25W/alpha/FAILED"));
        assertThat(reason)
                .startsWith("OUT_OF_MEMORY: llama-server ran out of memory while loading alpha")
                .contains("NvMapMemAllocInternalTagged: 1075072515 error 12")
                .contains("cudaMalloc failed: out of memory");
        List<String> csv = Files.readAllLines(rig.runDir().resolve("cells.csv"));
        assertThat(csv)
                .filteredOn(l -> l.startsWith("25W,alpha,"))
                .hasSize(2)
                .allMatch(l -> l.contains("failed: model failed: " + CellResultsCsv.oneLine(reason)));
        assertThat(csv).anyMatch(l -> l.startsWith("25W,beta,32,4,ok,"));
        JournalReplay replay = JournalReplay.read(rig.runDir().resolve("journal.jsonl"));
        assertThat(replay.count("model-failed")).isEqualTo(1);
        assertThat(rig.progressStages()).contains("MODEL_FAILED");
        // The failed model's server was still followed by memory compaction and the cooldowns.
        assertThat(replay.count("compact-memory")).isEqualTo(3);
        SweepResult analyzed = analyzesCleanly(rig, plan, Map.of("25W/alpha", reason));
        assertThat(analyzed.failedModels()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo(reason.strip()));
    }

    @Test
    void aServerThatDiesMidSweepIsRestartedAndTheCellRetried() throws Exception {
        TestRig rig = new TestRig(tmp);
        // 3 smoke-test requests, then 4 per cell (1 warm-up + 3): the server dies after the first profiled request of
        // the second cell; the other two fail, the cell is retried after a restart.
        rig.switches.put("FAKE_LLAMA_DIE_AFTER", "alpha.gguf:9");
        SweepPlan plan = rig.plan()
                .modes("[{\"id\": 0, \"label\": \"15W\"}]")
                .models("alpha")
                .gens("[4]")
                .prompts("[16, 32, 64]")
                .build();
        LocalProcessRunner runner = rig.runner();

        SweepOutcome outcome = SweepDriver.create(rig.settings(runner).build()).run(plan, rig.runDir());

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(outcome.cellsOk()).isEqualTo(3);
        assertThat(argvs(rig.fakes, "llama-server")).hasSize(3).startsWith(List.of("--version"));
        JournalReplay replay = JournalReplay.read(rig.runDir().resolve("journal.jsonl"));
        assertThat(replay.count("server-restart")).isEqualTo(1);
        assertThat(replay.count("cell-retry")).isEqualTo(1);
        Map<String, Object> retry = replay.events().stream()
                .filter(e -> e.get("event").equals("cell-retry"))
                .findFirst()
                .orElseThrow();
        assertThat(retry.get("ctx")).isEqualTo(32L);
        assertThat(retry.get("reason").toString()).isEqualTo("1 of 3 requests succeeded, 2 failed (tolerance 0)");
        // The failed attempt's files are kept outside the analyzed layout.
        assertThat(rig.runDir().resolve("audit/attempts/15W/alpha/gen4/ctx32-1/profile_export_aiperf.json"))
                .isRegularFile();
        assertThat(rig.runDir().resolve("15W/alpha/gen4/ctx32/FAILED")).doesNotExist();
        assertThat(rig.progressStages()).contains("SERVER_RESTARTED");
        assertThat(Files.readString(rig.runDir().resolve("audit/logs/15W/alpha/llama-server.log")))
                .contains("simulated crash after 9 requests");
        assertThat(runner.liveProcesses()).isEmpty();
    }

    @Test
    void anInterruptedRunStopsItsProcessesAndResumeRerunsExactlyTheMissingCells() throws Exception {
        TestRig rig = new TestRig(tmp);
        SweepPlan plan = rig.plan().gens("[4]").prompts("[16]").build();
        List<CellKey> all = plan.cells().stream().map(PlannedCell::key).collect(Collectors.toList());
        CellKey hung = all.get(1);
        rig.switches.put("FAKE_AIPERF_HANG_ONCE", hung.relativeDir().toString());
        Thread sweepThread = Thread.currentThread();
        // Ctrl-C while aiperf runs the 2nd of 4 cells (15W/beta/gen4/ctx16): the fake aiperf hangs there.
        rig.extraListener = p -> {
            if (p.stage() == SweepProgress.Stage.CELL_STARTED
                    && p.cell().orElseThrow().equals(hung)) {
                Thread t = new Thread(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    String hungDir = rig.runDir().resolve(hung.relativeDir()).toString();
                    while (System.nanoTime() < deadline
                            && rig.fakes.invocations("aiperf").stream()
                                    .noneMatch(i -> i.argv().contains(hungDir))) {
                        sleepQuietly(10);
                    }
                    sleepQuietly(100);
                    sweepThread.interrupt();
                });
                t.setDaemon(true);
                t.start();
            }
        };
        LocalProcessRunner runner = rig.runner();
        SweepDriver driver = SweepDriver.create(rig.settings(runner).build());

        SweepOutcome first = driver.run(plan, rig.runDir());

        assertThat(Thread.interrupted())
                .as("the interrupt is passed on to the caller")
                .isTrue();
        assertThat(first.status()).isEqualTo(SweepOutcome.Status.INTERRUPTED);
        assertThat(first.cellsOk()).isEqualTo(1);
        assertThat(runner.liveProcesses()).as("children stopped").isEmpty();
        for (FakeBin.Invocation i : rig.fakes.invocations()) {
            assertThat(ProcessHandle.of(i.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s %s still alive", i.tool(), i.argv())
                    .isFalse();
        }
        JournalReplay replay = JournalReplay.read(rig.runDir().resolve("journal.jsonl"));
        assertThat(replay.count("run-interrupted")).isEqualTo(1);
        assertThat(replay.okCells()).containsExactly(all.get(0));
        assertThat(Files.readAllLines(rig.runDir().resolve("cells.csv")))
                .filteredOn(l -> l.contains("missing: "))
                .hasSize(3);

        rig.extraListener = SweepListener.none();
        int aiperfRunsBefore = rig.fakes.invocations("aiperf").size();
        SweepOutcome second = SweepDriver.create(rig.settings(runner).build()).resume(rig.runDir());

        assertThat(second.status()).as(second.message()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(second.cellsAlreadyComplete()).isEqualTo(1);
        assertThat(second.cellsRun()).containsExactlyElementsOf(all.subList(1, 4));
        List<String> rerun = rig.fakes.invocations("aiperf").stream()
                .skip(aiperfRunsBefore)
                .filter(i -> !i.argv().contains("--version"))
                .map(i -> i.argv().get(i.argv().size() - 1))
                .collect(Collectors.toList());
        assertThat(rerun)
                .containsExactlyElementsOf(all.subList(1, 4).stream()
                        .map(k -> rig.runDir().resolve(k.relativeDir()).toString())
                        .collect(Collectors.toList()));
        assertThat(JournalReplay.read(rig.runDir().resolve("journal.jsonl")).okCells())
                .hasSize(4);
        // The interrupted attempt's partial files were moved aside.
        assertThat(rig.runDir().resolve("audit/attempts").resolve(hung.relativeDir() + "-1"))
                .isDirectory();
        analyzesCleanly(rig, plan, Map.of());
    }

    @Test
    void aPowerModeThatAsksForARebootStopsTheSweepAndTheRunResumesAfterTheReboot() throws Exception {
        TestRig rig = new TestRig(tmp);
        rig.switches.put("FAKE_NVPMODEL_REBOOT_MODES", "2");
        SweepPlan plan = rig.plan()
                .modes("[{\"id\": 0, \"label\": \"15W\"}, {\"id\": 2, \"label\": \"MAXN_SUPER\"}]")
                .models("alpha")
                .gens("[4]")
                .prompts("[16]")
                .build();

        SweepOutcome outcome = SweepDriver.create(rig.settings().build()).run(plan, rig.runDir());

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.STOPPED);
        assertThat(outcome.cellsOk()).isEqualTo(1);
        assertThat(outcome.message())
                .startsWith("power mode 2 (MAXN_SUPER) needs a reboot")
                .contains("NVPM WARN: Reboot required for changing to this power mode: 2")
                .contains("resume the run");
        assertThat(rig.fakes.stateDir().resolve("REBOOTED"))
                .as("the driver answered no")
                .doesNotExist();
        JournalReplay replay = JournalReplay.read(rig.runDir().resolve("journal.jsonl"));
        assertThat(replay.count("reboot-required")).isEqualTo(1);
        assertThat(replay.count("run-stopped")).isEqualTo(1);

        // The board reboots into mode 2; resuming runs the one missing cell.
        Files.writeString(rig.fakes.stateDir().resolve("nvpmodel-mode"), "2");
        rig.switches.remove("FAKE_NVPMODEL_REBOOT_MODES");
        SweepOutcome resumed = SweepDriver.create(rig.settings().build()).resume(rig.runDir(), plan);

        assertThat(resumed.status()).isEqualTo(SweepOutcome.Status.COMPLETED);
        assertThat(resumed.cellsRun()).containsExactly(new CellKey("alpha", "MAXN_SUPER", 16, 4));
    }

    @Test
    void aModeThatDoesNotTakeEffectStopsTheSweepAndADifferentPlanIsRefused() throws Exception {
        TestRig rig = new TestRig(tmp);
        rig.switches.put("FAKE_NVPMODEL_STUCK", "1");
        SweepPlan plan = rig.plan()
                .modes("[{\"id\": 3, \"label\": \"7W\"}]")
                .models("alpha")
                .build();

        SweepOutcome outcome = SweepDriver.create(rig.settings().build()).run(plan, rig.runDir());

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.STOPPED);
        assertThat(outcome.message())
                .startsWith("power mode 3 (7W) was set but nvpmodel -q reports 15W / id 0")
                .contains("refusing to measure in the wrong mode");
        assertThat(argvs(rig.fakes, "llama-server")).containsExactly(List.of("--version"));

        SweepPlan other = rig.plan()
                .modes("[{\"id\": 3, \"label\": \"7W\"}]")
                .models("alpha")
                .gens("[4, 16]")
                .build();
        assertThatThrownBy(() -> SweepDriver.create(rig.settings().build()).resume(rig.runDir(), other))
                .isInstanceOf(ResumeRefusedException.class)
                .hasMessageContaining("the plan differs")
                .hasMessageContaining(plan.fingerprint())
                .hasMessageContaining(other.fingerprint());
        assertThatThrownBy(() -> SweepDriver.create(rig.settings().build()).run(plan, rig.runDir()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds a run");
    }

    @Test
    void ollamaServesThroughItsOwnServeProcessWithLegacyMaxTokensAndAnOutOfMemoryModelFails() throws Exception {
        TestRig rig = new TestRig(tmp);
        rig.switches.put("FAKE_OLLAMA_OOM_MODELS", "local-beta");
        SweepPlan plan = rig.plan()
                .backend("ollama")
                .modes("[{\"id\": 0, \"label\": \"15W\"}]")
                .gens("[4]")
                .prompts("[16]")
                .build();
        LocalProcessRunner runner = rig.runner();
        SweepDriver driver = SweepDriver.create(rig.settings(runner).build());
        List<PlannedCommand> dryRun = driver.dryRun(plan, rig.runDir());

        SweepOutcome outcome = driver.run(plan, rig.runDir());

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.COMPLETED_WITH_FAILURES);
        assertThat(outcome.cellsOk()).isEqualTo(1);
        assertThat(outcome.failedModels()).containsExactly("15W/beta");
        assertThat(Files.readString(rig.runDir().resolve("15W/beta/FAILED")))
                .startsWith("OUT_OF_MEMORY: Ollama could not load local-beta: HTTP 500")
                .contains("cudaMalloc failed: out of memory");
        assertThat(argvs(rig.fakes, "ollama"))
                .containsExactly(
                        List.of("--version"),
                        List.of("serve"),
                        List.of(
                                "create",
                                "local-alpha",
                                "-f",
                                rig.runDir()
                                        .resolve("audit/logs/15W/alpha/Modelfile")
                                        .toString()),
                        List.of("stop", "local-alpha"),
                        List.of(
                                "create",
                                "local-beta",
                                "-f",
                                rig.runDir()
                                        .resolve("audit/logs/15W/beta/Modelfile")
                                        .toString()),
                        List.of("stop", "local-beta"));
        assertThat(Files.readString(rig.runDir().resolve("audit/logs/15W/alpha/Modelfile")))
                .isEqualTo("FROM " + rig.models.resolve("alpha.gguf") + "\nPARAMETER num_ctx 256\n");
        List<String> aiperf = argvs(rig.fakes, "aiperf").get(1);
        assertThat(aiperf).contains("local-alpha", "--use-legacy-max-tokens").doesNotContain("--extra-inputs");
        // The dry run cannot know that beta will fail to load: it lists beta's aiperf run too.
        assertThat(argvs(rig.fakes, "aiperf"))
                .isEqualTo(plannedArgvs(dryRun, List.of(), "aiperf").subList(0, 2));
        assertThat(rig.fakes.chatRequests().stream().filter(r -> r.containsKey("stream")))
                .allMatch(r -> r.get("max_tokens").equals(4L) && !r.containsKey("max_completion_tokens"));
        assertThat(runner.liveProcesses())
                .as("the serve the driver started is stopped")
                .isEmpty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unused")
    private static List<String> display(List<Command> commands) {
        return commands.stream().map(Command::toDisplayString).collect(Collectors.toList());
    }
}
