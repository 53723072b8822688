package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.RunningProcess;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link InferenceServer} for Ollama (docs/reference/seed-methodology.md §1.4): uses the Ollama that answers {@code GET /api/tags} on
 * the plan's port, or starts {@code ollama serve} itself (and stops only that one at the end); per model, writes a
 * Modelfile ({@code FROM <gguf>}, {@code PARAMETER num_ctx <ctx>}) unless the plan gives one, runs
 * {@code ollama create local-<name> -f <Modelfile>}, warms the model up with a one-token {@code /api/generate}, runs
 * the smoke test; unloads with {@code keep_alive: 0} and {@code ollama stop local-<name>}.
 *
 * @since 0.1.0
 */
public final class OllamaServer implements InferenceServer {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Http http;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Path serveLog;
    private final String baseUrl;

    private @Nullable RunningProcess serve;
    private @Nullable ModelSpec model;
    private @Nullable Path logDir;

    private OllamaServer(
            ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration pollInterval, Path serveLog) {
        this.runner = runner;
        this.commands = commands;
        this.http = Http.create();
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.serveLog = serveLog;
        this.baseUrl = commands.plan().server().baseUrl();
    }

    /**
     * Returns the server control.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param sleeper waits between polls
     * @param pollInterval time between polls
     * @param serveLog where an {@code ollama serve} started by the driver writes
     * @return the control
     */
    public static OllamaServer create(
            ProcessRunner runner, JetsonCommands commands, Sleeper sleeper, Duration pollInterval, Path serveLog) {
        return new OllamaServer(runner, commands, sleeper, pollInterval, serveLog);
    }

    static Path modelfile(ModelSpec model, Path logDir) {
        return model.ollamaModelfile().orElse(logDir.resolve("Modelfile"));
    }

    static String generatedModelfile(ModelSpec model) {
        return "FROM " + model.ggufPath() + "\nPARAMETER num_ctx " + model.contextTokens() + "\n";
    }

    @Override
    public void start(ModelSpec model, Path logDir) throws ServerFailureException, IOException, InterruptedException {
        this.model = model;
        this.logDir = logDir;
        ensureServing();
        Files.createDirectories(logDir);
        Path modelfile = modelfile(model, logDir);
        if (model.ollamaModelfile().isEmpty()) {
            Files.writeString(modelfile, generatedModelfile(model), StandardCharsets.UTF_8);
        }
        SweepPlan plan = commands.plan();
        ProcessResult create = runner.run(
                commands.ollamaCreate(model, modelfile).withOutput(logDir.resolve("ollama-create.log"), false),
                plan.timeouts().command());
        if (!create.succeeded()) {
            List<String> oom = OomSignatures.find(create.output(), 5);
            throw new ServerFailureException(
                    oom.isEmpty()
                            ? ServerFailureException.Kind.START_FAILED
                            : ServerFailureException.Kind.OUT_OF_MEMORY,
                    "ollama create failed: " + create.describeFailure());
        }
        warmUp(model);
    }

    private void warmUp(ModelSpec m) throws ServerFailureException, InterruptedException {
        SweepPlan plan = commands.plan();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_predict", 1L);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", m.ollamaName());
        body.put("prompt", "hi");
        body.put("stream", false);
        body.put("options", options);
        Http.Response r = http.post(
                baseUrl + "/api/generate",
                JsonTree.write(body, false),
                plan.timeouts().serverStartup());
        if (r.status() != 200) {
            List<String> oom = new ArrayList<>(OomSignatures.find(r.body(), 5));
            oom.addAll(OomSignatures.find(serveLog, 5));
            throw new ServerFailureException(
                    oom.isEmpty()
                            ? ServerFailureException.Kind.START_FAILED
                            : ServerFailureException.Kind.OUT_OF_MEMORY,
                    "Ollama could not load " + m.ollamaName() + ": HTTP " + r.status() + " "
                            + SmokeTest.abbreviate(r.body())
                            + (oom.isEmpty() ? "" : " (" + String.join(" | ", oom) + ")"));
        }
        if (plan.smokeTest()) {
            SmokeTest.run(http, baseUrl, m.ollamaName(), plan.timeouts().smokeTestRequest());
        }
    }

    private void ensureServing() throws ServerFailureException, IOException, InterruptedException {
        if (http.get(baseUrl + "/api/tags", Duration.ofSeconds(5)).status() == 200) {
            return;
        }
        SweepPlan plan = commands.plan();
        RunningProcess p = runner.start(commands.ollamaServe().withOutput(serveLog, true));
        serve = p;
        long deadline = System.nanoTime() + plan.timeouts().serverStartup().toNanos();
        while (http.get(baseUrl + "/api/tags", Duration.ofSeconds(5)).status() != 200) {
            if (!p.isAlive()) {
                throw new ServerFailureException(
                        ServerFailureException.Kind.DIED,
                        "ollama serve ended: " + OomSignatures.lastLines(serveLog, 5));
            }
            if (System.nanoTime() > deadline) {
                p.stop(plan.timeouts().stopGrace());
                throw new ServerFailureException(
                        ServerFailureException.Kind.TIMEOUT, "ollama serve did not answer /api/tags in time");
            }
            sleeper.sleep(pollInterval);
        }
    }

    @Override
    public boolean isHealthy() throws InterruptedException {
        RunningProcess p = serve;
        if (p != null && !p.isAlive()) {
            return false;
        }
        return http.get(baseUrl + "/api/tags", Duration.ofSeconds(5)).status() == 200;
    }

    @Override
    public void restart() throws ServerFailureException, IOException, InterruptedException {
        ModelSpec m = model;
        Path dir = logDir;
        if (m == null || dir == null) {
            throw new IllegalStateException("no model started");
        }
        RunningProcess p = serve;
        if (p != null && !p.isAlive()) {
            serve = null;
        }
        ensureServing();
        warmUp(m);
    }

    @Override
    public void stop() throws InterruptedException {
        ModelSpec m = model;
        if (m == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", m.ollamaName());
        body.put("keep_alive", 0L);
        http.post(baseUrl + "/api/generate", JsonTree.write(body, false), Duration.ofSeconds(30));
        try {
            runner.run(commands.ollamaStop(m), commands.plan().timeouts().command());
        } catch (IOException e) {
            // Unloading is best effort: keep_alive 0 above already asked Ollama to unload.
        }
        model = null;
    }

    @Override
    public void close() {
        RunningProcess p = serve;
        if (p != null) {
            p.stop(commands.plan().timeouts().stopGrace());
        }
        serve = null;
    }

    @Override
    public List<Command> startCommands(ModelSpec model, Path logDir) {
        return List.of(commands.ollamaCreate(model, modelfile(model, logDir))
                .withOutput(logDir.resolve("ollama-create.log"), false));
    }

    @Override
    public List<String> startRequests(ModelSpec model) {
        List<String> out = new ArrayList<>();
        out.add("POST " + baseUrl + "/api/generate {\"model\":\"" + model.ollamaName()
                + "\",\"prompt\":\"hi\",\"options\":{\"num_predict\":1}} (warm-up)");
        if (commands.plan().smokeTest()) {
            out.addAll(SmokeTest.describe(baseUrl));
        }
        return out;
    }
}
