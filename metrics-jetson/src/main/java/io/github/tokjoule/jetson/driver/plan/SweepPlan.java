package io.github.tokjoule.jetson.driver.plan;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.SweepGrid;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sweep plan: its {@link SweepGrid} (models × power modes × prompt lengths × generation lengths, run in the grid's
 * run order: mode → model → gen → ctx, as the seed's driver), the model files, and how each cell is run. Read it with {@link #read(Path)} or
 * {@link #parse(String, String, Path)}; every problem raises a {@link SweepPlanException} naming the JSON path and
 * the value.
 *
 * <p>The JSON keys and their defaults (docs/reference/seed-methodology.md §1.1 unless noted):
 *
 * <pre>{@code
 * {
 *   "description": "",                      free text
 *   "backend": "llama.cpp",                 or "ollama"
 *   "zone": "<the system's>",               IANA id of the device's zone; tegrastats and aiperf print local time
 *   "modes": [{"id": 0, "label": "15W"}],   nvpmodel id and label (the label names the mode's directory)
 *   "models": [{"name", "gguf", "tokenizer", "quantisation": "", "contextTokens": 2560, "ollamaModelfile"}],
 *   "promptLengths": [128, 512, 1024, 2048],
 *   "genLengths": [64, 128, 256],
 *   "requestsPerCell": 20, "concurrency": 1,
 *   "warmupRequests": 1,                    seed: none (its first, cold request was profiled)
 *   "outputLengthControl": true,            seed: off (early EOS on llama.cpp, unbounded output on Ollama)
 *   "tegrastatsIntervalMillis": 500, "randomSeed": 42, "sliceDurationSeconds": 30,
 *   "maxErrorRequests": 0,                  failed requests tolerated in a valid cell (seed single-node: 2)
 *   "smokeTest": true, "jetsonClocksFan": true,
 *   "server": {"host": "127.0.0.1", "port": 8080, "maxRestartsPerModel": 1},
 *   "cooldowns": {"betweenCellsSeconds": 10, "betweenModelsSeconds": 30, "betweenModesSeconds": 45,
 *                 "afterServerStopSeconds": 12},
 *   "timeouts": {"serverStartupSeconds": 300, "requestSeconds": 180, "smokeTestSeconds": 120,
 *                "aiperfCellSeconds": 0, "commandSeconds": 120, "stopGraceSeconds": 10}
 * }
 * }</pre>
 *
 * <p>A GGUF path may start with {@code ~/} (the user's home) or be relative to the plan file's directory. Model files
 * are not checked when the plan is read, so a plan written for another machine can still be printed as a dry run;
 * {@link #checkModelFiles()} checks them, and the driver calls it before it runs anything.
 *
 * @since 0.1.0
 */
public final class SweepPlan {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final String source;
    private final String description;
    private final Backend backend;
    private final ZoneId zone;
    private final SweepGrid grid;
    private final List<ModelSpec> models;
    private final int requestsPerCell;
    private final int concurrency;
    private final int warmupRequests;
    private final boolean outputLengthControl;
    private final int tegrastatsIntervalMillis;
    private final long randomSeed;
    private final int sliceDurationSeconds;
    private final int maxErrorRequests;
    private final boolean smokeTest;
    private final boolean jetsonClocksFan;
    private final ServerSettings server;
    private final Cooldowns cooldowns;
    private final Timeouts timeouts;

    SweepPlan(Values v) {
        this.source = v.source;
        this.description = v.description;
        this.backend = v.backend;
        this.zone = v.zone;
        this.models = List.copyOf(v.models);
        this.grid = SweepGrid.of(models.stream().map(ModelSpec::name).toList(), v.modes, v.promptLengths, v.genLengths);
        this.requestsPerCell = v.requestsPerCell;
        this.concurrency = v.concurrency;
        this.warmupRequests = v.warmupRequests;
        this.outputLengthControl = v.outputLengthControl;
        this.tegrastatsIntervalMillis = v.tegrastatsIntervalMillis;
        this.randomSeed = v.randomSeed;
        this.sliceDurationSeconds = v.sliceDurationSeconds;
        this.maxErrorRequests = v.maxErrorRequests;
        this.smokeTest = v.smokeTest;
        this.jetsonClocksFan = v.jetsonClocksFan;
        this.server = v.server;
        this.cooldowns = v.cooldowns;
        this.timeouts = v.timeouts;
    }

    /** Mutable carrier between the parser and the constructor. */
    static final class Values {
        String source = "plan";
        String description = "";
        Backend backend = Backend.LLAMA_CPP;
        ZoneId zone = ZoneId.systemDefault();
        List<PowerMode> modes = List.of(PowerMode.of(0, "15W"));
        List<ModelSpec> models = List.of();
        List<Integer> promptLengths = List.of(128, 512, 1024, 2048);
        List<Integer> genLengths = List.of(64, 128, 256);
        int requestsPerCell = 20;
        int concurrency = 1;
        int warmupRequests = 1;
        boolean outputLengthControl = true;
        int tegrastatsIntervalMillis = 500;
        long randomSeed = 42;
        int sliceDurationSeconds = 30;
        int maxErrorRequests = 0;
        boolean smokeTest = true;
        boolean jetsonClocksFan = true;
        ServerSettings server = new ServerSettings("127.0.0.1", 8080, 1);
        Cooldowns cooldowns = Cooldowns.SEED;
        Timeouts timeouts = Timeouts.SEED;
    }

    /**
     * Reads a plan file. Relative GGUF paths are resolved against the file's directory.
     *
     * @param file the JSON file
     * @return the plan
     * @throws IOException if the file cannot be read
     * @throws SweepPlanException if the plan is invalid
     */
    public static SweepPlan read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /**
     * Parses a plan.
     *
     * @param json the JSON text
     * @param source the name used in error messages (a file name)
     * @param baseDir the directory relative GGUF and Modelfile paths are resolved against
     * @return the plan
     * @throws SweepPlanException if the plan is invalid
     */
    public static SweepPlan parse(String json, String source, Path baseDir) {
        return new PlanParser(source, baseDir.toAbsolutePath()).parse(json);
    }

    /**
     * Checks that every model file (GGUF, and Modelfile for Ollama) exists, is a regular file and is readable.
     *
     * @throws SweepPlanException naming every missing or unreadable model file, the first by its JSON path
     */
    public void checkModelFiles() {
        List<String> missing = missingModelFiles();
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            int colon = first.indexOf(": ");
            throw new SweepPlanException(
                    source,
                    first.substring(0, colon),
                    (missing.size() == 1
                            ? first.substring(colon + 2)
                            : missing.size() + " model files are missing or unreadable: "
                                    + String.join("; ", missing)));
        }
    }

    /**
     * Lists every model file (GGUF, and Modelfile for Ollama) that does not exist, is not a regular file or is not
     * readable, in plan order.
     *
     * @return one entry per file, {@code "$.models[i].gguf: model file does not exist: \"/path\""}; empty if all are
     *     there
     * @since 0.2.0
     */
    public List<String> missingModelFiles() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelSpec m = models.get(i);
            String at = "$.models[" + i + "]";
            problem(m.ggufPath()).ifPresent(p -> missing.add(at + ".gguf: " + p));
            if (m.ollamaModelfile().isPresent()) {
                problem(m.ollamaModelfile().get()).ifPresent(p -> missing.add(at + ".ollamaModelfile: " + p));
            }
        }
        return missing;
    }

    private static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("model file does not exist: \"" + file + "\"");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("not a regular file: \"" + file + "\"");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("not readable: \"" + file + "\"");
        }
        return Optional.empty();
    }

    /**
     * Returns every cell with its model files, in the grid's run order ({@link SweepGrid#cells()}: mode → model →
     * gen → ctx, each in plan order).
     *
     * @return the {@code grid().cellCount()} cells
     */
    public List<PlannedCell> cells() {
        List<PlannedCell> cells = new ArrayList<>(grid.cellCount());
        for (SweepGrid.Cell c : grid.cells()) {
            ModelSpec model = models.get(grid.models().indexOf(c.model()));
            cells.add(new PlannedCell(model, c.mode(), c.promptTokens(), c.genTokens()));
        }
        return cells;
    }

    /**
     * Returns the plan as JSON with every default written out and every path absolute; {@link #parse} reads it back
     * to an equal plan. The driver stores it as {@code <run>/plan.json}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> root = measured();
        root.put("description", description);
        root.put("smokeTest", smokeTest);
        root.put("jetsonClocksFan", jetsonClocksFan);
        Map<String, Object> srv = new LinkedHashMap<>();
        srv.put("host", server.host());
        srv.put("port", (long) server.port());
        srv.put("maxRestartsPerModel", (long) server.maxRestartsPerModel());
        root.put("server", srv);
        Map<String, Object> cd = new LinkedHashMap<>();
        cd.put("betweenCellsSeconds", seconds(cooldowns.betweenCells()));
        cd.put("betweenModelsSeconds", seconds(cooldowns.betweenModels()));
        cd.put("betweenModesSeconds", seconds(cooldowns.betweenModes()));
        cd.put("afterServerStopSeconds", seconds(cooldowns.afterServerStop()));
        root.put("cooldowns", cd);
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("serverStartupSeconds", seconds(timeouts.serverStartup()));
        to.put("requestSeconds", seconds(timeouts.request()));
        to.put("smokeTestSeconds", seconds(timeouts.smokeTestRequest()));
        to.put("aiperfCellSeconds", seconds(timeouts.aiperfCell()));
        to.put("commandSeconds", seconds(timeouts.command()));
        to.put("stopGraceSeconds", seconds(timeouts.stopGrace()));
        root.put("timeouts", to);
        return JsonTree.write(root, true) + "\n";
    }

    /** The fields that decide what is measured (the fingerprint's input). */
    private Map<String, Object> measured() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("backend", backend.jsonName());
        root.put("zone", zone.getId());
        List<Object> ms = new ArrayList<>();
        for (PowerMode mode : grid.modes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", (long) mode.id());
            m.put("label", mode.label());
            ms.add(m);
        }
        root.put("modes", ms);
        List<Object> mods = new ArrayList<>();
        for (ModelSpec model : models) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", model.name());
            m.put("gguf", model.ggufPath().toString());
            m.put("tokenizer", model.tokenizer());
            m.put("quantisation", model.quantisation());
            m.put("contextTokens", (long) model.contextTokens());
            model.ollamaModelfile().ifPresent(p -> m.put("ollamaModelfile", p.toString()));
            mods.add(m);
        }
        root.put("models", mods);
        root.put("promptLengths", longs(grid.promptLengths()));
        root.put("genLengths", longs(grid.genLengths()));
        root.put("requestsPerCell", (long) requestsPerCell);
        root.put("concurrency", (long) concurrency);
        root.put("warmupRequests", (long) warmupRequests);
        root.put("outputLengthControl", outputLengthControl);
        root.put("tegrastatsIntervalMillis", (long) tegrastatsIntervalMillis);
        root.put("randomSeed", randomSeed);
        root.put("sliceDurationSeconds", (long) sliceDurationSeconds);
        root.put("maxErrorRequests", (long) maxErrorRequests);
        return root;
    }

    /**
     * Returns the fingerprint of what this plan measures: SHA-256 of the canonical JSON of backend, zone, modes,
     * models (name, file, tokenizer, quantisation, context), prompt and generation lengths, requests, concurrency,
     * warm-up, output-length control, sampling interval, random seed, slice duration and error tolerance. Cooldowns,
     * timeouts and server address are left out, so a resumed run may wait longer without being refused.
     *
     * @return {@code sha256:<64 hex digits>}
     */
    public String fingerprint() {
        byte[] canonical = JsonTree.write(measured(), false).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            StringBuilder hex = new StringBuilder("sha256:");
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static List<Object> longs(List<Integer> values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) {
            out.add((long) v);
        }
        return out;
    }

    private static Object seconds(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000;
        }
        return millis / 1000.0;
    }

    static boolean isSafeName(String name) {
        return SAFE_NAME.matcher(name).matches() && !name.equals("..");
    }

    static void requireNotNegative(String name, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }

    static void requirePositive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /**
     * Returns where the plan was read from (used in error messages).
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the free-text description.
     *
     * @return the description, empty if none
     */
    public String description() {
        return description;
    }

    /**
     * Returns the backend.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * Returns the device's zone: tegrastats and aiperf's summary print naive local time in it.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the cells the plan runs: its models' names, power modes, prompt lengths (aiperf
     * {@code --synthetic-input-tokens-mean}) and generation lengths (aiperf {@code --output-tokens-mean}), in run
     * order.
     *
     * @return the grid
     * @since 0.2.0
     */
    public SweepGrid grid() {
        return grid;
    }

    /**
     * Returns the models with their files, in run order; their names are {@code grid().models()}.
     *
     * @return the models
     */
    public List<ModelSpec> models() {
        return models;
    }

    /**
     * Returns the profiled requests per cell.
     *
     * @return the count
     */
    public int requestsPerCell() {
        return requestsPerCell;
    }

    /**
     * Returns aiperf's concurrency.
     *
     * @return the concurrency
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Returns the warm-up requests per cell (aiperf {@code --warmup-request-count}; not profiled).
     *
     * @return the count, 0 for none
     */
    public int warmupRequests() {
        return warmupRequests;
    }

    /**
     * Returns whether output length is controlled: {@code ignore_eos} and {@code min_tokens} for llama.cpp,
     * {@code --use-legacy-max-tokens} for Ollama.
     *
     * @return true if controlled
     */
    public boolean outputLengthControl() {
        return outputLengthControl;
    }

    /**
     * Returns tegrastats' sampling interval.
     *
     * @return the interval, in milliseconds
     */
    public int tegrastatsIntervalMillis() {
        return tegrastatsIntervalMillis;
    }

    /**
     * Returns aiperf's random seed.
     *
     * @return the seed
     */
    public long randomSeed() {
        return randomSeed;
    }

    /**
     * Returns aiperf's timeslice duration; 0 means the flag is not passed.
     *
     * @return the duration, in seconds
     */
    public int sliceDurationSeconds() {
        return sliceDurationSeconds;
    }

    /**
     * Returns how many failed requests a cell may have and still be valid.
     *
     * @return the tolerance
     */
    public int maxErrorRequests() {
        return maxErrorRequests;
    }

    /**
     * Returns whether each model gets the seed's three-request smoke test before its cells.
     *
     * @return true if it does
     */
    public boolean smokeTest() {
        return smokeTest;
    }

    /**
     * Returns whether {@code jetson_clocks --fan} follows {@code jetson_clocks} (the seed ran both).
     *
     * @return true if it does
     */
    public boolean jetsonClocksFan() {
        return jetsonClocksFan;
    }

    /**
     * Returns the server settings.
     *
     * @return the settings
     */
    public ServerSettings server() {
        return server;
    }

    /**
     * Returns the cooldowns.
     *
     * @return the cooldowns
     */
    public Cooldowns cooldowns() {
        return cooldowns;
    }

    /**
     * Returns the timeouts.
     *
     * @return the timeouts
     */
    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * Two plans are equal when their canonical JSON is equal (the source name is not compared).
     *
     * @param o the other object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SweepPlan other && other.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toJson());
    }

    @Override
    public String toString() {
        return "SweepPlan[" + source + ": " + grid.modes().size() + " modes × " + models.size() + " models × "
                + grid.genLengths().size() + " gens × " + grid.promptLengths().size() + " prompts, "
                + backend.jsonName() + "]";
    }
}
