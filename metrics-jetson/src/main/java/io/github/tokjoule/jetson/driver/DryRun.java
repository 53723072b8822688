package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.component.JetsonCommands;
import io.github.tokjoule.jetson.driver.component.NvpmodelControl;
import io.github.tokjoule.jetson.driver.plan.Backend;
import io.github.tokjoule.jetson.driver.plan.CellKey;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.PlannedCell;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists the steps of a run in order, from the same command builders a real run uses. */
final class DryRun {

    private final SweepPlan plan;
    private final RunLayout layout;
    private final JetsonCommands commands;
    private final Components components;
    private final DriverSettings settings;
    private final List<PlannedCommand> steps = new ArrayList<>();

    private DryRun(
            SweepPlan plan, RunLayout layout, JetsonCommands commands, Components components, DriverSettings settings) {
        this.plan = plan;
        this.layout = layout;
        this.commands = commands;
        this.components = components;
        this.settings = settings;
    }

    static List<PlannedCommand> steps(
            SweepPlan plan, RunLayout layout, JetsonCommands commands, Components components, DriverSettings settings) {
        DryRun d = new DryRun(plan, layout, commands, components, settings);
        d.build();
        return List.copyOf(d.steps);
    }

    private void build() {
        note("run " + plan.grid().cellCount() + " cells into " + layout.runDir() + " ("
                + plan.backend().jsonName() + ", zone " + plan.zone().getId() + ")");
        for (Command c : components.audit().commands(true)) {
            run(c);
        }
        compact();
        if (plan.backend() == Backend.OLLAMA) {
            http("GET " + plan.server().baseUrl() + "/api/tags; if nothing answers:");
            start(commands.ollamaServe().withOutput(layout.logsDir().resolve("ollama-serve.log"), true));
        }
        for (PowerMode mode : plan.grid().modes()) {
            note("power mode " + mode.id() + " (" + mode.label() + ")");
            for (Command c : NvpmodelControl.commandsFor(commands, mode)) {
                run(c);
            }
            for (Command c : components.audit().commands(false)) {
                run(c);
            }
            sleep(plan.cooldowns().betweenModes(), "between modes");
            for (ModelSpec model : plan.models()) {
                note(mode.label() + " / " + model.name());
                Path logDir = layout.modelLogDir(model.name(), mode.label());
                if (plan.backend() == Backend.OLLAMA && model.ollamaModelfile().isEmpty()) {
                    steps.add(new PlannedCommand(
                            PlannedCommand.Kind.WRITE,
                            logDir.resolve("Modelfile") + " (FROM " + model.ggufPath() + ", PARAMETER num_ctx "
                                    + model.contextTokens() + ")",
                            false,
                            Optional.empty()));
                }
                for (Command c : components.server().startCommands(model, logDir)) {
                    if (plan.backend() == Backend.OLLAMA) {
                        run(c);
                    } else {
                        start(c);
                    }
                }
                for (String request : components.server().startRequests(model)) {
                    http(request);
                }
                for (PlannedCell cell : plan.cells()) {
                    if (!cell.mode().equals(mode) || !cell.model().equals(model)) {
                        continue;
                    }
                    CellKey key = cell.key();
                    note(key.toString());
                    http(
                            plan.backend() == Backend.OLLAMA
                                    ? "GET " + plan.server().baseUrl() + "/api/tags (alive?)"
                                    : "GET " + plan.server().baseUrl() + "/health (alive? else restart, at most "
                                            + plan.server().maxRestartsPerModel() + " per model)");
                    Command tegrastats = commands.tegrastats(layout.tegrastatsLog(key))
                            .withOutput(layout.tegrastatsConsole(key), true);
                    start(tegrastats);
                    steps.add(new PlannedCommand(
                            PlannedCommand.Kind.SLEEP,
                            "until the first sample is in " + layout.tegrastatsLog(key),
                            false,
                            Optional.empty(),
                            Duration.ofMillis(plan.tegrastatsIntervalMillis())));
                    run(commands.aiperf(cell, layout.cellDir(key)).withOutput(layout.aiperfConsole(key, 1), false));
                    sleep(
                            Duration.ofMillis(2L * plan.tegrastatsIntervalMillis()),
                            "two sampling intervals: a sample after the last request");
                    steps.add(new PlannedCommand(
                            PlannedCommand.Kind.STOP,
                            tegrastats.toDisplayString() + " (SIGTERM to this process only)",
                            commands.isPrivileged(tegrastats),
                            Optional.of(tegrastats)));
                    sleep(plan.cooldowns().betweenCells(), "between cells");
                }
                if (plan.backend() == Backend.OLLAMA) {
                    http("POST " + plan.server().baseUrl() + "/api/generate {\"model\":\"" + model.ollamaName()
                            + "\",\"keep_alive\":0} (unload)");
                    run(commands.ollamaStop(model));
                } else {
                    Command server = commands.llamaServer(model);
                    steps.add(new PlannedCommand(
                            PlannedCommand.Kind.STOP,
                            server.toDisplayString() + " (SIGTERM to this process only)",
                            false,
                            Optional.of(server)));
                }
                sleep(plan.cooldowns().afterServerStop(), "after the server stopped");
                compact();
                sleep(plan.cooldowns().betweenModels(), "between models");
            }
        }
        if (plan.backend() == Backend.OLLAMA) {
            steps.add(new PlannedCommand(
                    PlannedCommand.Kind.STOP,
                    commands.ollamaServe().toDisplayString() + " (only if the driver started it)",
                    false,
                    Optional.of(commands.ollamaServe())));
        }
    }

    private void compact() {
        Path file = settings.systemPaths().compactMemory();
        if (Files.isWritable(file)) {
            steps.add(new PlannedCommand(PlannedCommand.Kind.WRITE, "1 > " + file, false, Optional.empty()));
        } else {
            Command c = components.compactor().command();
            steps.add(new PlannedCommand(
                    PlannedCommand.Kind.RUN,
                    c.toDisplayString() + " <<< 1  (if " + file + " exists)",
                    commands.isPrivileged(c),
                    Optional.of(c)));
        }
    }

    private void note(String text) {
        steps.add(new PlannedCommand(PlannedCommand.Kind.NOTE, text, false, Optional.empty()));
    }

    private void http(String text) {
        steps.add(new PlannedCommand(PlannedCommand.Kind.HTTP, text, false, Optional.empty()));
    }

    private void run(Command c) {
        steps.add(new PlannedCommand(PlannedCommand.Kind.RUN, display(c), commands.isPrivileged(c), Optional.of(c)));
    }

    private void start(Command c) {
        steps.add(new PlannedCommand(PlannedCommand.Kind.START, display(c), commands.isPrivileged(c), Optional.of(c)));
    }

    private static String display(Command c) {
        StringBuilder sb = new StringBuilder(c.toDisplayString());
        c.stdin().ifPresent(in -> sb.append(" <<< ")
                .append(Command.of(in.strip()).toDisplayString()));
        c.outputFile()
                .ifPresent(f ->
                        sb.append(c.appendOutput() ? " >> " : " > ").append(f).append(" 2>&1"));
        return sb.toString();
    }

    private void sleep(Duration d, String why) {
        if (!d.isZero()) {
            steps.add(new PlannedCommand(
                    PlannedCommand.Kind.SLEEP, d.toMillis() / 1000.0 + " s (" + why + ")", false, Optional.empty(), d));
        }
    }
}
