package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the system audit a synthetic sweep's simulated board would have given, in the shape of the driver's
 * ({@code SystemAudit}): {@code <run>/audit/start.json} (board, L4T, OS, CUDA, memory, the first mode, each model's
 * GGUF size, quantisation, tokenizer and server context) and {@code <run>/audit/mode-<LABEL>.json} (the simulated clocks at each
 * mode: the GPU's devfreq maximum in Hz and each online CPU's scaling maximum in kHz). Every file carries a top-level
 * {@code simulated} field that says no board was read and where the facts come from; a fact the simulation does not
 * claim is {@code "unavailable: …"}, as in a real audit.
 */
final class SimulatedAudit {

    /** The GPU's devfreq device on an Orin (Nano and NX): {@code /sys/class/devfreq/17000000.gpu}. */
    private static final String ORIN_GPU_DEVFREQ = "17000000.gpu";

    private SimulatedAudit() {}

    /**
     * Writes the audit files if the parameters simulate a board; otherwise writes nothing.
     *
     * @param spec the sweep
     * @param runDirectory the run directory
     * @throws IOException if a file cannot be written
     */
    static void write(SweepSpec spec, Path runDirectory) throws IOException {
        Optional<SimulatedSystem> system = spec.parameters().system();
        if (system.isEmpty()) {
            return;
        }
        SimulatedSystem b = system.get();
        String simulated = "SIMULATED by tokjoule's synthetic generator: " + b.source();
        String capturedAt = spec.start().toString();
        Path dir = runDirectory.resolve("audit");
        Files.createDirectories(dir);
        List<PowerMode> modes = spec.grid().modes();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("simulated", simulated);
        start.put("capturedAt", capturedAt);
        start.put("systemZone", spec.zone().getId());
        start.put("deviceModel", b.deviceModel());
        start.put("l4tRelease", b.l4tRelease());
        start.put("jetpack", "unavailable: the simulated board has no package database");
        start.put("os", b.os());
        start.put("cuda", b.cuda());
        start.put("kernel", "unavailable: the simulation states no kernel");
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("MemTotalKilobytes", b.memTotalKilobytes());
        memory.put("CmaTotalKilobytes", b.cmaTotalKilobytes());
        start.put("memory", memory);
        if (!modes.isEmpty()) {
            start.put(
                    "nvpmodel",
                    "NV Power Mode: " + modes.get(0).label() + "\n"
                            + modes.get(0).id());
        }
        Map<String, Object> models = new LinkedHashMap<>();
        for (String model : spec.grid().models()) {
            Map<String, Object> m = new LinkedHashMap<>();
            firstParameters(spec, List.of(model), modes)
                    .ifPresent(p -> m.put("ggufBytes", p.modelMegabytes() * 1_000_000L));
            spec.parameters().quantisation(model).ifPresent(q -> m.put("quantisation", q));
            m.put("tokenizer", spec.parameters().tokenizer(model));
            m.put("contextTokens", b.serverContextTokens());
            models.put(model, m);
        }
        start.put("models", models);
        start.put(
                "tools",
                Map.of(
                        spec.backend().equalsIgnoreCase("ollama") ? "ollama" : "llama-server",
                        "unavailable: the simulation states no server version"));
        writeJson(dir.resolve("start.json"), start);
        for (PowerMode mode : modes) {
            Optional<ModeModelParameters> p = firstParameters(spec, spec.grid().models(), List.of(mode));
            if (p.isEmpty()) {
                continue;
            }
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("simulated", simulated);
            audit.put("capturedAt", capturedAt);
            audit.put("nvpmodel", "NV Power Mode: " + mode.label() + "\n" + mode.id());
            Map<String, Object> cpus = new LinkedHashMap<>();
            for (int cpu = 0; cpu < p.get().onlineCores(); cpu++) {
                cpus.put("cpu" + cpu, Map.of("scaling_max_freq", p.get().cpuMegahertz() * 1000L));
            }
            Map<String, Object> clocks = new LinkedHashMap<>();
            clocks.put(
                    "devfreqHertz",
                    Map.of(ORIN_GPU_DEVFREQ, Map.of("max_freq", p.get().gpuMegahertz() * 1_000_000L)));
            clocks.put("cpuKilohertz", cpus);
            audit.put("clocks", clocks);
            writeJson(dir.resolve("mode-" + mode.label() + ".json"), audit);
        }
    }

    /** The parameters of the first model and mode, in the order given, that has any. */
    private static Optional<ModeModelParameters> firstParameters(
            SweepSpec spec, List<String> models, List<PowerMode> modes) {
        for (String model : models) {
            for (PowerMode mode : modes) {
                Optional<ModeModelParameters> p = spec.parameters().find(model, mode.label());
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static void writeJson(Path file, Map<String, Object> tree) throws IOException {
        Files.writeString(file, JsonTree.write(tree, true) + "\n", StandardCharsets.UTF_8);
    }
}
