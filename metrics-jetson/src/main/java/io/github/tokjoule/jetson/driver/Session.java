package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.component.CellValidation;
import io.github.tokjoule.jetson.driver.component.CellValidator;
import io.github.tokjoule.jetson.driver.component.PowerModeException;
import io.github.tokjoule.jetson.driver.component.PowerModeStatus;
import io.github.tokjoule.jetson.driver.component.RebootRequiredException;
import io.github.tokjoule.jetson.driver.component.ServerFailureException;
import io.github.tokjoule.jetson.driver.component.SystemAudit;
import io.github.tokjoule.jetson.driver.component.TegrastatsRecorder;
import io.github.tokjoule.jetson.driver.journal.JournalReplay;
import io.github.tokjoule.jetson.driver.journal.SweepJournal;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** One session of a run: from {@code run-start} to {@code run-end}, {@code run-stopped} or {@code run-interrupted}. */
final class Session {

    /** A model given up on: its server cannot be brought back. */
    private static final class ModelAbandoned extends Exception {
        private static final long serialVersionUID = 1L;

        ModelAbandoned(String reason) {
            super(reason);
        }
    }

    private static final int ATTEMPTS_PER_CELL = 2;

    private final SweepPlan plan;
    private final RunLayout layout;
    private final Components components;
    private final DriverSettings settings;
    private final Instant started;

    private final Set<CellKey> complete = new HashSet<>();
    private final List<CellKey> cellsRun = new ArrayList<>();
    private final List<String> failedModels = new ArrayList<>();
    private final List<Duration> cellDurations = new ArrayList<>();
    private int done;
    private int ok;
    private int failed;
    private int restartsUsed;
    private @Nullable SweepJournal journal;

    Session(SweepPlan plan, RunLayout layout, Components components, DriverSettings settings) {
        this.plan = plan;
        this.layout = layout;
        this.components = components;
        this.settings = settings;
        this.started = settings.clock().instant();
    }

    SweepOutcome run(JournalReplay replay, boolean resumed) throws IOException {
        for (PlannedCell cell : plan.cells()) {
            CellKey key = cell.key();
            if (replay.okCells().contains(key)
                    && CellValidator.validate(layout.cellDir(key), plan.requestsPerCell(), plan.maxErrorRequests())
                            .valid()) {
                complete.add(key);
            }
        }
        done = complete.size();
        int alreadyComplete = done;
        SweepOutcome.Status status = SweepOutcome.Status.COMPLETED;
        String message = "";
        boolean interrupted = false;
        try (SweepJournal j = SweepJournal.open(layout.journal(), settings.clock())) {
            journal = j;
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("planFingerprint", plan.fingerprint());
            start.put("resumed", resumed);
            start.put("cellsTotal", (long) plan.grid().cellCount());
            start.put("cellsComplete", (long) alreadyComplete);
            start.put("zone", plan.zone().getId());
            start.put("sudoPrefix", new ArrayList<Object>(settings.sudoPrefix()));
            if (!replay.problems().isEmpty()) {
                start.put("journalProblems", new ArrayList<Object>(replay.problems()));
            }
            j.append("run-start", start);
            emit(SweepProgress.Stage.RUN_STARTED, null, null, null, resumed ? "resumed" : "started");
            try {
                Optional<String> stop = sweep(replay);
                if (stop.isPresent()) {
                    status = SweepOutcome.Status.STOPPED;
                    message = stop.get();
                    j.append("run-stopped", Map.of("reason", message));
                }
            } catch (InterruptedException | ClosedByInterruptException e) {
                // File channels report an interrupt as ClosedByInterruptException; both mean Ctrl-C.
                Thread.interrupted();
                interrupted = true;
                status = SweepOutcome.Status.INTERRUPTED;
                message = "interrupted; resume the run to continue";
                settings.processRunner().stopAll(plan.timeouts().stopGrace());
                j.append("run-interrupted", Map.of("reason", message));
            } finally {
                // Normally nothing is left running here; after an unexpected exception (a listener's, a full disk)
                // this stops the server and whatever else this run started.
                settings.processRunner().stopAll(plan.timeouts().stopGrace());
                closeServer();
            }
            if (status == SweepOutcome.Status.COMPLETED) {
                if (failed > 0 || !failedModels.isEmpty() || done < plan.grid().cellCount()) {
                    status = SweepOutcome.Status.COMPLETED_WITH_FAILURES;
                }
                message = (ok + alreadyComplete) + " of " + plan.grid().cellCount() + " cells valid, " + failed
                        + " failed, " + failedModels.size() + " models failed";
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("cellsOk", (long) ok);
                end.put("cellsFailed", (long) failed);
                end.put("failedModels", new ArrayList<Object>(failedModels));
                j.append("run-end", end);
            }
        } finally {
            journal = null;
            CellsCsv.write(layout, plan);
        }
        emit(SweepProgress.Stage.RUN_FINISHED, null, null, null, status + ": " + message);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new SweepOutcome(
                status,
                layout.runDir(),
                plan.grid().cellCount(),
                alreadyComplete,
                ok,
                failed,
                cellsRun,
                failedModels,
                message);
    }

    private void closeServer() {
        boolean interrupted = Thread.interrupted();
        try {
            components.server().close();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every pending cell; returns why the sweep stopped early, if it did. */
    private Optional<String> sweep(JournalReplay replay) throws IOException, InterruptedException {
        audit("start", true);
        compact("start");
        for (PowerMode mode : plan.grid().modes()) {
            List<PlannedCell> modeCells = pending(c -> c.mode().equals(mode));
            if (modeCells.isEmpty()) {
                continue;
            }
            Optional<String> stop = applyMode(mode, replay);
            if (stop.isPresent()) {
                return stop;
            }
            for (ModelSpec model : plan.models()) {
                List<PlannedCell> cells =
                        modeCells.stream().filter(c -> c.model().equals(model)).collect(Collectors.toList());
                if (!cells.isEmpty()) {
                    runModel(mode, model, cells);
                }
            }
        }
        return Optional.empty();
    }

    private List<PlannedCell> pending(java.util.function.Predicate<PlannedCell> filter) {
        return plan.cells().stream()
                .filter(filter)
                .filter(c -> !complete.contains(c.key()))
                .collect(Collectors.toList());
    }

    private Optional<String> applyMode(PowerMode mode, JournalReplay replay) throws IOException, InterruptedException {
        PowerModeStatus status;
        try {
            status = components.power().apply(mode);
        } catch (RebootRequiredException e) {
            journal().append("reboot-required", modeFields(mode, e.getMessage()));
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (PowerModeException | IOException e) {
            journal().append("mode-failed", modeFields(mode, e.getMessage()));
            return Optional.of(String.valueOf(e.getMessage()));
        }
        String reported = status.label().orElse("");
        String recorded = replay.verifiedModes().get(mode.label());
        if (recorded != null && !recorded.equalsIgnoreCase(reported)) {
            String reason = "power mode " + mode.id() + " (" + mode.label() + ") was recorded as \"" + recorded
                    + "\" by nvpmodel when the run started, but nvpmodel now reports \"" + reported
                    + "\"; refusing to add cells measured in another mode to this run";
            journal().append("mode-failed", modeFields(mode, reason));
            return Optional.of(reason);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("modeId", (long) mode.id());
        f.put("modeLabel", mode.label());
        f.put("reportedLabel", reported);
        if (status.id().isPresent()) {
            f.put("reportedId", (long) status.id().getAsInt());
        }
        journal().append("mode-set", f);
        audit("mode-" + mode.label(), false);
        emit(SweepProgress.Stage.MODE_STARTED, mode.label(), null, null, "power mode " + mode.label() + " set");
        settings.sleeper().sleep(plan.cooldowns().betweenModes());
        return Optional.empty();
    }

    private static Map<String, Object> modeFields(PowerMode mode, @Nullable String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("modeId", (long) mode.id());
        f.put("modeLabel", mode.label());
        f.put("reason", String.valueOf(reason));
        return f;
    }

    private void runModel(PowerMode mode, ModelSpec model, List<PlannedCell> cells)
            throws IOException, InterruptedException {
        archive(layout.modelFailed(model.name(), mode.label()));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("mode", mode.label());
        start.put("model", model.name());
        cmaFree().ifPresent(kb -> start.put("cmaFreeKilobytes", kb));
        journal().append("model-start", start);
        restartsUsed = 0;
        try {
            components.server().start(model, layout.modelLogDir(model.name(), mode.label()));
        } catch (ServerFailureException e) {
            failModel(mode, model, e.kind() + ": " + e.getMessage(), cells);
            components.server().stop();
            afterServer(mode, model);
            return;
        } catch (IOException e) {
            failModel(mode, model, "START_FAILED: " + e.getMessage(), cells);
            components.server().stop();
            afterServer(mode, model);
            return;
        }
        emit(SweepProgress.Stage.MODEL_STARTED, mode.label(), model.name(), null, model.name() + " is being served");
        for (int i = 0; i < cells.size(); i++) {
            try {
                runCell(cells.get(i));
            } catch (ModelAbandoned e) {
                failModel(mode, model, String.valueOf(e.getMessage()), cells.subList(i, cells.size()));
                break;
            }
        }
        components.server().stop();
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("mode", mode.label());
        end.put("model", model.name());
        journal().append("model-end", end);
        afterServer(mode, model);
    }

    private void afterServer(PowerMode mode, ModelSpec model) throws IOException, InterruptedException {
        settings.sleeper().sleep(plan.cooldowns().afterServerStop());
        compact("after " + mode.label() + "/" + model.name());
        settings.sleeper().sleep(plan.cooldowns().betweenModels());
    }

    private void failModel(PowerMode mode, ModelSpec model, String reason, List<PlannedCell> givenUp)
            throws IOException {
        Path marker = layout.modelFailed(model.name(), mode.label());
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, reason + "\n", StandardCharsets.UTF_8);
        // Every cell given up gets its own FAILED marker, so the sweep analysis lists it as a failed cell with the
        // model's reason (it finds cells by their directories).
        for (PlannedCell cell : givenUp) {
            Path dir = layout.cellDir(cell.key());
            Files.createDirectories(dir);
            if (!Files.exists(layout.cellFailed(cell.key()))) {
                Files.writeString(
                        layout.cellFailed(cell.key()), "model failed: " + reason + "\n", StandardCharsets.UTF_8);
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mode", mode.label());
        f.put("model", model.name());
        f.put("reason", reason);
        f.put("cellsGivenUp", (long) givenUp.size());
        journal().append("model-failed", f);
        failedModels.add(mode.label() + "/" + model.name());
        done += givenUp.size();
        emit(SweepProgress.Stage.MODEL_FAILED, mode.label(), model.name(), null, reason);
    }

    private void runCell(PlannedCell cell) throws ModelAbandoned, IOException, InterruptedException {
        CellKey key = cell.key();
        Instant cellStart = settings.clock().instant();
        cellsRun.add(key);
        String reason = "";
        for (int attempt = 1; attempt <= ATTEMPTS_PER_CELL; attempt++) {
            ensureServer(cell);
            prepareCellDir(key);
            journal().appendCell("cell-start", key, Map.of("attempt", (long) attempt));
            emit(SweepProgress.Stage.CELL_STARTED, key.modeLabel(), key.model(), key, "attempt " + attempt);
            CellValidation[] validation = new CellValidation[1];
            reason = attempt(cell, attempt, validation);
            if (reason.isEmpty()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("status", "ok");
                f.put("attempt", (long) attempt);
                putCounts(f, validation[0]);
                f.put(
                        "seconds",
                        seconds(Duration.between(cellStart, settings.clock().instant())));
                journal().appendCell("cell-done", key, f);
                ok++;
                finishCell(key, cellStart, "ok");
                return;
            }
            if (attempt < ATTEMPTS_PER_CELL) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("attempt", (long) attempt);
                f.put("reason", reason);
                journal().appendCell("cell-retry", key, f);
                settings.sleeper().sleep(plan.cooldowns().betweenCells());
            }
        }
        Files.writeString(layout.cellFailed(key), reason + "\n", StandardCharsets.UTF_8);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", "failed");
        f.put("attempt", (long) ATTEMPTS_PER_CELL);
        f.put("reason", reason);
        f.put("seconds", seconds(Duration.between(cellStart, settings.clock().instant())));
        journal().appendCell("cell-done", key, f);
        failed++;
        finishCell(key, cellStart, "failed: " + reason);
    }

    private void finishCell(CellKey key, Instant cellStart, String message) throws InterruptedException {
        cellDurations.add(Duration.between(cellStart, settings.clock().instant()));
        done++;
        emit(SweepProgress.Stage.CELL_FINISHED, key.modeLabel(), key.model(), key, message);
        settings.sleeper().sleep(plan.cooldowns().betweenCells());
    }

    private static void putCounts(Map<String, Object> f, @Nullable CellValidation v) {
        if (v == null) {
            return;
        }
        OptionalInt s = v.successfulRequests();
        OptionalInt e = v.errorRequests();
        if (s.isPresent()) {
            f.put("successfulRequests", (long) s.getAsInt());
        }
        if (e.isPresent()) {
            f.put("errorRequests", (long) e.getAsInt());
        }
    }

    /** One attempt; returns the empty string when the cell is valid, else the reason. */
    private String attempt(PlannedCell cell, int attempt, CellValidation[] validation) throws InterruptedException {
        CellKey key = cell.key();
        Path dir = layout.cellDir(key);
        TegrastatsRecorder.Recording recording;
        try {
            recording = components.tegrastats().start(layout.tegrastatsLog(key), layout.tegrastatsConsole(key));
        } catch (IOException e) {
            return "tegrastats could not start: " + e.getMessage();
        }
        ProcessResult result;
        try {
            result = components.aiperf().run(cell, dir, layout.aiperfConsole(key, attempt));
            // Two more sampling intervals, so that a sample follows the end of the last request.
            settings.sleeper().sleep(Duration.ofMillis(2L * plan.tegrastatsIntervalMillis()));
        } catch (IOException e) {
            return "aiperf could not start: " + e.getMessage();
        } finally {
            recording.stop();
        }
        CellValidation v = CellValidator.validate(dir, plan.requestsPerCell(), plan.maxErrorRequests());
        validation[0] = v;
        if (!result.succeeded()) {
            return "aiperf " + (result.timedOut() ? "timed out" : "exited with code " + result.exitCode())
                    + (v.valid() ? "" : "; " + v.reason());
        }
        return v.valid() ? "" : v.reason();
    }

    private void ensureServer(PlannedCell cell) throws ModelAbandoned, IOException, InterruptedException {
        if (components.server().isHealthy()) {
            return;
        }
        int budget = plan.server().maxRestartsPerModel();
        if (restartsUsed >= budget) {
            throw new ModelAbandoned("the server stopped answering before " + cell.key() + " and its restart budget ("
                    + budget + ") is used up");
        }
        restartsUsed++;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mode", cell.mode().label());
        f.put("model", cell.model().name());
        f.put("restart", (long) restartsUsed);
        f.put("before", cell.key().toString());
        journal().append("server-restart", f);
        try {
            components.server().restart();
        } catch (ServerFailureException e) {
            throw new ModelAbandoned("the server died and its restart failed: " + e.kind() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ModelAbandoned("the server died and could not be restarted: " + e.getMessage());
        }
        emit(
                SweepProgress.Stage.SERVER_RESTARTED,
                cell.mode().label(),
                cell.model().name(),
                cell.key(),
                "server restarted (" + restartsUsed + " of " + budget + ")");
    }

    /** Moves an earlier attempt's files out of the cell directory, into {@code <run>/audit/attempts/...}. */
    private void prepareCellDir(CellKey key) throws IOException {
        Path dir = layout.cellDir(key);
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                Path target = nextFree(layout.attempts(key.relativeDir()), "");
                Files.createDirectories(target.getParent());
                Files.move(dir, target);
            }
        }
        Files.createDirectories(dir);
    }

    private void archive(Path marker) throws IOException {
        if (Files.exists(marker)) {
            Path relative = layout.runDir().relativize(marker);
            Path target = nextFree(layout.attempts(relative), "");
            Files.createDirectories(target.getParent());
            Files.move(marker, target);
        }
    }

    private static Path nextFree(Path base, String suffix) {
        for (int n = 1; ; n++) {
            Path candidate = base.resolveSibling(base.getFileName() + "-" + n + suffix);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private void audit(String name, boolean withTools) throws IOException, InterruptedException {
        SystemAudit audit = components.audit();
        Path file = audit.write(layout.auditDir(), name, withTools);
        journal()
                .append(
                        "audit",
                        Map.of(
                                "name",
                                name,
                                "file",
                                layout.runDir().relativize(file).toString()));
    }

    private void compact(String when) throws IOException, InterruptedException {
        Optional<Long> before = cmaFree();
        String result = components.compactor().compact();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("when", when);
        f.put("result", result);
        before.ifPresent(kb -> f.put("cmaFreeKilobytesBefore", kb));
        cmaFree().ifPresent(kb -> f.put("cmaFreeKilobytesAfter", kb));
        journal().append("compact-memory", f);
    }

    private Optional<Long> cmaFree() {
        return Optional.ofNullable(
                SystemAudit.meminfoKilobytes(settings.systemPaths().meminfo()).get("CmaFree"));
    }

    private SweepJournal journal() {
        SweepJournal j = journal;
        if (j == null) {
            throw new IllegalStateException("journal is not open");
        }
        return j;
    }

    private void emit(
            SweepProgress.Stage stage,
            @Nullable String mode,
            @Nullable String model,
            @Nullable CellKey cell,
            String message) {
        Duration elapsed = Duration.between(started, settings.clock().instant());
        Optional<Duration> eta = Optional.empty();
        if (!cellDurations.isEmpty()) {
            Duration sum = Duration.ZERO;
            for (Duration d : cellDurations) {
                sum = sum.plus(d);
            }
            eta = Optional.of(sum.dividedBy(cellDurations.size())
                    .multipliedBy(Math.max(0, plan.grid().cellCount() - done)));
        }
        settings.listener()
                .onProgress(new SweepProgress(
                        stage,
                        done,
                        plan.grid().cellCount(),
                        Optional.ofNullable(mode),
                        Optional.ofNullable(model),
                        Optional.ofNullable(cell),
                        elapsed,
                        eta,
                        message));
    }

    private static Object seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
