package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.RunningProcess;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link InferenceServer} for llama.cpp's {@code llama-server} (docs/reference/seed-methodology.md §1.3): starts it with the seed's
 * flags, its output appended to {@code llama-server.log}; polls {@code GET /health} until 200 (503 = still loading);
 * detects death while loading and reads the log for out-of-memory signatures; runs the seed's smoke test; restarts a
 * dead server on request; stops it by ending only the process it started (the seed ran
 * {@code pkill -f "llama-server.*8080"}, which kills any such server on the board).
 *
 * <p>Before starting it checks that nothing listens on the port: a server left by someone else would answer for
 * the wrong model.
 *
 * @since 0.1.0
 */
public final class LlamaCppServer implements InferenceServer {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Http http;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final String baseUrl;

    private @Nullable ModelSpec model;
    private @Nullable Path logFile;
    private @Nullable RunningProcess process;

    private LlamaCppServer(ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration pollInterval) {
        this.runner = runner;
        this.commands = commands;
        this.http = Http.create();
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.baseUrl = commands.plan().server().baseUrl();
    }

    /**
     * Returns the server control.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param sleeper waits between health polls
     * @param pollInterval time between health polls (the seed: 2 s)
     * @return the control
     */
    public static LlamaCppServer create(
            ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration pollInterval) {
        return new LlamaCppServer(runner, commands, sleeper, pollInterval);
    }

    static Path logFile(Path logDir) {
        return logDir.resolve("llama-server.log");
    }

    @Override
    public void start(ModelSpec model, Path logDir) throws ServerFailureException, IOException, InterruptedException {
        if (portAnswers(commands.plan())) {
            throw new ServerFailureException(
                    ServerFailureException.Kind.PORT_IN_USE,
                    "port " + commands.plan().server().port() + " on "
                            + commands.plan().server().clientHost()
                            + " already accepts connections; the driver does not stop servers it did not start."
                            + " Stop it, or choose another port in the plan.");
        }
        this.model = model;
        this.logFile = logFile(logDir);
        launch();
    }

    private void launch() throws ServerFailureException, IOException, InterruptedException {
        ModelSpec m = requireModel();
        Path log = requireLog();
        SweepPlan plan = commands.plan();
        RunningProcess p = runner.start(commands.llamaServer(m).withOutput(log, true));
        process = p;
        long deadline = System.nanoTime() + plan.timeouts().serverStartup().toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw died(p, "while loading " + m.name());
            }
            Http.Response health = http.get(baseUrl + "/health", Duration.ofSeconds(5));
            if (health.status() == 200) {
                break;
            }
            if (System.nanoTime() > deadline) {
                p.stop(plan.timeouts().stopGrace());
                throw new ServerFailureException(
                        ServerFailureException.Kind.TIMEOUT,
                        "llama-server did not become ready within "
                                + plan.timeouts().serverStartup().toSeconds()
                                + " s (last /health: " + health.status() + "); log: "
                                + OomSignatures.lastLines(log, 5));
            }
            sleeper.sleep(pollInterval);
        }
        if (plan.smokeTest()) {
            try {
                SmokeTest.run(
                        http,
                        baseUrl,
                        commands.servedModelName(m),
                        plan.timeouts().smokeTestRequest());
            } catch (ServerFailureException e) {
                boolean dead = !p.isAlive();
                p.stop(plan.timeouts().stopGrace());
                if (dead) {
                    throw died(p, "during the smoke test");
                }
                throw e;
            }
        }
    }

    private ServerFailureException died(RunningProcess p, String when) {
        Path log = requireLog();
        List<String> oom = OomSignatures.find(log, 5);
        String code = p.exitCode().isPresent() ? "exit code " + p.exitCode().getAsInt() : "killed";
        if (!oom.isEmpty()) {
            return new ServerFailureException(
                    ServerFailureException.Kind.OUT_OF_MEMORY,
                    "llama-server ran out of memory " + when + " (" + code + "): " + String.join(" | ", oom));
        }
        return new ServerFailureException(
                ServerFailureException.Kind.DIED,
                "llama-server died " + when + " (" + code + "); log: " + OomSignatures.lastLines(log, 5));
    }

    static boolean portAnswers(SweepPlan plan) {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            plan.server().clientHost(), plan.server().port()),
                    1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean isHealthy() throws InterruptedException {
        RunningProcess p = process;
        return p != null
                && p.isAlive()
                && http.get(baseUrl + "/health", Duration.ofSeconds(5)).status() == 200;
    }

    @Override
    public void restart() throws ServerFailureException, IOException, InterruptedException {
        RunningProcess p = process;
        if (p != null) {
            p.stop(commands.plan().timeouts().stopGrace());
        }
        launch();
    }

    @Override
    public void stop() {
        RunningProcess p = process;
        if (p != null) {
            p.stop(commands.plan().timeouts().stopGrace());
        }
        process = null;
        model = null;
    }

    @Override
    public List<Command> startCommands(ModelSpec model, Path logDir) {
        return List.of(commands.llamaServer(model).withOutput(logFile(logDir), true));
    }

    @Override
    public List<String> startRequests(ModelSpec model) {
        List<String> out = new java.util.ArrayList<>();
        out.add("GET " + baseUrl + "/health every " + pollInterval.toMillis() + " ms until 200 (at most "
                + commands.plan().timeouts().serverStartup().toSeconds() + " s)");
        if (commands.plan().smokeTest()) {
            out.addAll(SmokeTest.describe(baseUrl));
        }
        return out;
    }

    private ModelSpec requireModel() {
        ModelSpec m = model;
        if (m == null) {
            throw new IllegalStateException("no model started");
        }
        return m;
    }

    private Path requireLog() {
        Path l = logFile;
        if (l == null) {
            throw new IllegalStateException("no model started");
        }
        return l;
    }
}
