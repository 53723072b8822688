package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.component.AiperfRunner;
import io.github.tokjoule.jetson.driver.component.InferenceServer;
import io.github.tokjoule.jetson.driver.component.JetsonCommands;
import io.github.tokjoule.jetson.driver.component.MemoryCompactor;
import io.github.tokjoule.jetson.driver.component.PowerModeControl;
import io.github.tokjoule.jetson.driver.component.PowerModeException;
import io.github.tokjoule.jetson.driver.component.PowerModeStatus;
import io.github.tokjoule.jetson.driver.component.ServerFailureException;
import io.github.tokjoule.jetson.driver.component.SystemAudit;
import io.github.tokjoule.jetson.driver.component.TegrastatsRecorder;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** In-memory components for orchestration tests: no processes, behaviour scripted per test. */
final class FakeComponents {

    /** What one aiperf attempt does. */
    enum Attempt {
        OK,
        /** Writes a valid cell and then the server dies. */
        OK_THEN_SERVER_DIES,
        /** Exits 1 without a summary. */
        FAIL,
        /** Writes a valid cell but exits 2. */
        VALID_BUT_EXIT_2,
        TIMEOUT,
        IO_ERROR
    }

    final List<String> log = new ArrayList<>();
    final Map<String, Exception> startFailures = new HashMap<>();
    final Deque<Exception> restartFailures = new ArrayDeque<>();
    final Map<CellKey, Deque<Attempt>> attempts = new HashMap<>();
    final Map<Integer, Exception> modeFailures = new HashMap<>();
    final Map<Integer, String> reportedLabels = new HashMap<>();
    int tegrastatsFailures;
    boolean healthy;

    void script(CellKey cell, Attempt... sequence) {
        attempts.put(cell, new ArrayDeque<>(List.of(sequence)));
    }

    Components.Factory factory() {
        return (JetsonCommands commands, RunLayout layout, DriverSettings settings) -> new Components(
                power(),
                tegrastats(),
                server(),
                aiperf(commands),
                SystemAudit.create(
                        settings.processRunner(),
                        commands,
                        settings.systemPaths(),
                        Duration.ofSeconds(1),
                        settings.systemZone(),
                        Clock.systemUTC()),
                MemoryCompactor.create(
                        settings.processRunner(),
                        commands,
                        settings.systemPaths().compactMemory(),
                        Duration.ofSeconds(1)));
    }

    private PowerModeControl power() {
        return new PowerModeControl() {
            @Override
            public PowerModeStatus apply(PowerMode mode) throws PowerModeException, IOException {
                log.add("mode " + mode.label());
                Exception e = modeFailures.get(mode.id());
                if (e instanceof PowerModeException) {
                    throw (PowerModeException) e;
                }
                if (e instanceof IOException) {
                    throw (IOException) e;
                }
                String label = reportedLabels.getOrDefault(mode.id(), mode.label());
                return new PowerModeStatus(Optional.of(label), OptionalInt.of(mode.id()), "NV Power Mode: " + label);
            }

            @Override
            public PowerModeStatus query() {
                return PowerModeStatus.parse("");
            }
        };
    }

    private TegrastatsRecorder tegrastats() {
        return (logFile, consoleLog) -> {
            if (tegrastatsFailures > 0) {
                tegrastatsFailures--;
                throw new IOException("sudo: a password is required");
            }
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "05-25-2026 23:25:00 RAM 1/2MB VDD_IN 5000mW/5000mW\n");
            return new TegrastatsRecorder.Recording() {
                @Override
                public boolean isAlive() {
                    return true;
                }

                @Override
                public void stop() {}
            };
        };
    }

    /** A server start that throws the scripted failure, if any, and is healthy otherwise. */
    private void startOrFail(@Nullable Exception e) throws ServerFailureException, IOException {
        if (e instanceof ServerFailureException) {
            throw (ServerFailureException) e;
        }
        if (e instanceof IOException) {
            throw (IOException) e;
        }
        healthy = true;
    }

    private InferenceServer server() {
        return new InferenceServer() {
            @Override
            public void start(ModelSpec model, Path logDir) throws ServerFailureException, IOException {
                log.add("start " + model.name());
                startOrFail(startFailures.get(model.name()));
            }

            @Override
            public boolean isHealthy() {
                return healthy;
            }

            @Override
            public void restart() throws ServerFailureException, IOException {
                log.add("restart");
                startOrFail(restartFailures.poll());
            }

            @Override
            public void stop() {
                log.add("stop");
                healthy = false;
            }

            @Override
            public List<Command> startCommands(ModelSpec model, Path logDir) {
                return List.of();
            }

            @Override
            public List<String> startRequests(ModelSpec model) {
                return List.of();
            }
        };
    }

    private AiperfRunner aiperf(JetsonCommands commands) {
        return (PlannedCell cell, Path dir, Path console) -> {
            Deque<Attempt> queue = attempts.get(cell.key());
            Attempt a = queue == null || queue.isEmpty() ? Attempt.OK : queue.poll();
            log.add("aiperf " + cell.key() + " " + a);
            Command command = commands.aiperf(cell, dir);
            switch (a) {
                case IO_ERROR:
                    throw new IOException("executable \"aiperf\" not found on PATH");
                case TIMEOUT:
                    return new ProcessResult(command, -1, true, "");
                case FAIL:
                    return new ProcessResult(command, 1, false, "Traceback");
                default:
                    break;
            }
            int requests = commands.plan().requestsPerCell();
            Files.writeString(
                    dir.resolve("profile_export_aiperf.json"),
                    "{\"request_count\": {\"unit\": \"requests\", \"avg\": " + requests + "}, \"error_summary\": []}");
            Files.writeString(dir.resolve("profile_export.jsonl"), "{}\n");
            if (a == Attempt.OK_THEN_SERVER_DIES) {
                healthy = false;
            }
            return new ProcessResult(command, a == Attempt.VALID_BUT_EXIT_2 ? 2 : 0, false, "");
        };
    }
}
