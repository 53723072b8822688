package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.component.AiperfRunner;
import io.github.tokjoule.jetson.driver.component.DenseTegrastatsRecorder;
import io.github.tokjoule.jetson.driver.component.InferenceServer;
import io.github.tokjoule.jetson.driver.component.JetsonCommands;
import io.github.tokjoule.jetson.driver.component.LlamaCppServer;
import io.github.tokjoule.jetson.driver.component.MemoryCompactor;
import io.github.tokjoule.jetson.driver.component.NvpmodelControl;
import io.github.tokjoule.jetson.driver.component.OllamaServer;
import io.github.tokjoule.jetson.driver.component.PowerModeControl;
import io.github.tokjoule.jetson.driver.component.ProcessAiperfRunner;
import io.github.tokjoule.jetson.driver.component.ProcessTegrastatsRecorder;
import io.github.tokjoule.jetson.driver.component.SystemAudit;
import io.github.tokjoule.jetson.driver.component.TegrastatsRecorder;
import io.github.tokjoule.jetson.driver.plan.Backend;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;

/** The components one run uses. */
record Components(
        PowerModeControl power,
        TegrastatsRecorder tegrastats,
        InferenceServer server,
        AiperfRunner aiperf,
        SystemAudit audit,
        MemoryCompactor compactor) {

    /** Builds the components of a run; tests replace it. */
    @FunctionalInterface
    interface Factory {
        Components create(JetsonCommands commands, RunLayout layout, DriverSettings settings);
    }

    /** The real components, all on the settings' process runner. */
    static Components standard(JetsonCommands commands, RunLayout layout, DriverSettings settings) {
        SweepPlan plan = commands.plan();
        InferenceServer server = plan.backend() == Backend.OLLAMA
                ? OllamaServer.create(
                        settings.processRunner(),
                        commands,
                        settings.sleeper(),
                        settings.pollInterval(),
                        layout.logsDir().resolve("ollama-serve.log"))
                : LlamaCppServer.create(
                        settings.processRunner(), commands, settings.sleeper(), settings.pollInterval());
        return new Components(
                NvpmodelControl.create(
                        settings.processRunner(), commands, plan.timeouts().command()),
                DenseTegrastatsRecorder.create(
                        ProcessTegrastatsRecorder.create(
                                settings.processRunner(),
                                commands,
                                settings.sleeper(),
                                plan.timeouts().stopGrace()),
                        // <root>/sys/class/devfreq → <root>/sys: the sysfs root of the run's system paths
                        settings.systemPaths().devfreqDir().resolve("../..").normalize(),
                        10_000_000L,
                        settings.sudoPrefix()),
                server,
                ProcessAiperfRunner.create(settings.processRunner(), commands),
                SystemAudit.create(
                        settings.processRunner(),
                        commands,
                        settings.systemPaths(),
                        plan.timeouts().command(),
                        settings.systemZone(),
                        settings.clock()),
                MemoryCompactor.create(
                        settings.processRunner(),
                        commands,
                        settings.systemPaths().compactMemory(),
                        plan.timeouts().command()));
    }
}
