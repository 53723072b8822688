package io.github.tokjoule.jetson.driver.plan;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Reads a plan's JSON tree with path-aware checks; every error names the JSON path and the value. */
final class PlanParser {

    private static final Set<String> ROOT_KEYS = Set.of(
            "description",
            "backend",
            "zone",
            "modes",
            "models",
            "promptLengths",
            "genLengths",
            "requestsPerCell",
            "concurrency",
            "warmupRequests",
            "outputLengthControl",
            "tegrastatsIntervalMillis",
            "randomSeed",
            "sliceDurationSeconds",
            "maxErrorRequests",
            "smokeTest",
            "jetsonClocksFan",
            "server",
            "cooldowns",
            "timeouts");
    private static final Set<String> MODE_KEYS = Set.of("id", "label");
    private static final Set<String> MODEL_KEYS =
            Set.of("name", "gguf", "tokenizer", "quantisation", "contextTokens", "ollamaModelfile");
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "maxRestartsPerModel");
    private static final Set<String> COOLDOWN_KEYS =
            Set.of("betweenCellsSeconds", "betweenModelsSeconds", "betweenModesSeconds", "afterServerStopSeconds");
    private static final Set<String> TIMEOUT_KEYS = Set.of(
            "serverStartupSeconds",
            "requestSeconds",
            "smokeTestSeconds",
            "aiperfCellSeconds",
            "commandSeconds",
            "stopGraceSeconds");

    private final String source;
    private final Path baseDir;

    PlanParser(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    SweepPlan parse(String json) {
        Object tree;
        try {
            tree = JsonTree.parse(json);
        } catch (JsonTree.SyntaxException e) {
            throw error(e.jsonPath(), String.valueOf(e.getMessage()));
        }
        Map<String, Object> root = object(tree, "$");
        known(root, "$", ROOT_KEYS);
        SweepPlan.Values v = new SweepPlan.Values();
        v.source = source;
        v.description = optString(root, "$", "description", "");
        if (root.containsKey("backend")) {
            String b = string(root.get("backend"), "$.backend");
            try {
                v.backend = Backend.parse(b);
            } catch (IllegalArgumentException e) {
                throw error("$.backend", String.valueOf(e.getMessage()));
            }
        }
        if (root.containsKey("zone")) {
            String z = string(root.get("zone"), "$.zone");
            try {
                v.zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                throw error("$.zone", "not a zone id (IANA, e.g. \"Asia/Kolkata\"): \"" + z + "\"");
            }
        }
        if (root.containsKey("modes")) {
            v.modes = modes(root.get("modes"));
        }
        if (!root.containsKey("models")) {
            throw error("$.models", "missing: a plan needs at least one model");
        }
        v.promptLengths = lengths(root, "promptLengths", v.promptLengths);
        v.genLengths = lengths(root, "genLengths", v.genLengths);
        v.models = models(root.get("models"), v.promptLengths, v.genLengths);
        v.requestsPerCell = optInt(root, "$", "requestsPerCell", v.requestsPerCell, 1);
        v.concurrency = optInt(root, "$", "concurrency", v.concurrency, 1);
        v.warmupRequests = optInt(root, "$", "warmupRequests", v.warmupRequests, 0);
        v.outputLengthControl = optBoolean(root, "$", "outputLengthControl", v.outputLengthControl);
        v.tegrastatsIntervalMillis = optInt(root, "$", "tegrastatsIntervalMillis", v.tegrastatsIntervalMillis, 1);
        v.randomSeed = optLong(root, "$", "randomSeed", v.randomSeed);
        v.sliceDurationSeconds = optInt(root, "$", "sliceDurationSeconds", v.sliceDurationSeconds, 0);
        v.maxErrorRequests = optInt(root, "$", "maxErrorRequests", v.maxErrorRequests, 0);
        if (v.maxErrorRequests >= v.requestsPerCell) {
            throw error(
                    "$.maxErrorRequests",
                    "must be below requestsPerCell (" + v.requestsPerCell + "): " + v.maxErrorRequests);
        }
        v.smokeTest = optBoolean(root, "$", "smokeTest", v.smokeTest);
        v.jetsonClocksFan = optBoolean(root, "$", "jetsonClocksFan", v.jetsonClocksFan);
        v.server = server(root.get("server"), v.backend);
        v.cooldowns = cooldowns(root.get("cooldowns"));
        v.timeouts = timeouts(root.get("timeouts"));
        return new SweepPlan(v);
    }

    private List<PowerMode> modes(Object value) {
        List<Object> list = array(value, "$.modes");
        if (list.isEmpty()) {
            throw error("$.modes", "must list at least one power mode");
        }
        List<PowerMode> modes = new ArrayList<>();
        Map<Integer, String> ids = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "$.modes[" + i + "]";
            Map<String, Object> m = object(list.get(i), p);
            known(m, p, MODE_KEYS);
            int id = requiredInt(m, p, "id", 0);
            String label = requiredString(m, p, "label");
            if (!SweepPlan.isSafeName(label)) {
                throw error(
                        p + ".label",
                        "bad mode: a label names a directory and must be letters, digits, '.', '_' or '-', not"
                                + " starting with '-' or '.': \"" + label + "\"");
            }
            String previous = ids.put(id, p);
            if (previous != null) {
                throw error(p + ".id", "duplicate cell: mode id " + id + " already used by " + previous);
            }
            previous = labels.put(label.toLowerCase(java.util.Locale.ROOT), p);
            if (previous != null) {
                throw error(p + ".label", "duplicate cell: mode label \"" + label + "\" already used by " + previous);
            }
            modes.add(PowerMode.of(id, label));
        }
        return modes;
    }

    private List<ModelSpec> models(Object value, List<Integer> prompts, List<Integer> gens) {
        List<Object> list = array(value, "$.models");
        if (list.isEmpty()) {
            throw error("$.models", "must list at least one model");
        }
        int longestPrompt = prompts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int longestGen = gens.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<ModelSpec> models = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "$.models[" + i + "]";
            Map<String, Object> m = object(list.get(i), p);
            known(m, p, MODEL_KEYS);
            String name = requiredString(m, p, "name");
            if (!SweepPlan.isSafeName(name)) {
                throw error(
                        p + ".name",
                        "a model name names a directory and must be letters, digits, '.', '_' or '-', not starting"
                                + " with '-' or '.': \"" + name + "\"");
            }
            String previous = names.put(name.toLowerCase(java.util.Locale.ROOT), p);
            if (previous != null) {
                throw error(p + ".name", "duplicate cell: model name \"" + name + "\" already used by " + previous);
            }
            Path gguf = path(requiredString(m, p, "gguf"), p + ".gguf");
            String tokenizer = requiredString(m, p, "tokenizer");
            if (tokenizer.isBlank()
                    || tokenizer.startsWith("-")
                    || tokenizer.chars().anyMatch(Character::isWhitespace)) {
                throw error(
                        p + ".tokenizer",
                        "must be a tokenizer id without spaces, not starting with '-': \"" + tokenizer + "\"");
            }
            String quant = optString(m, p, "quantisation", "");
            int context = optInt(m, p, "contextTokens", 2560, 1);
            if (context < longestPrompt + longestGen) {
                throw error(
                        p + ".contextTokens",
                        context + " tokens cannot hold the longest prompt and generation (" + longestPrompt + " + "
                                + longestGen + " = " + (longestPrompt + longestGen) + ")");
            }
            Optional<Path> modelfile = m.containsKey("ollamaModelfile")
                    ? Optional.of(
                            path(string(m.get("ollamaModelfile"), p + ".ollamaModelfile"), p + ".ollamaModelfile"))
                    : Optional.empty();
            models.add(new ModelSpec(name, gguf, tokenizer, quant, context, modelfile));
        }
        return models;
    }

    private List<Integer> lengths(Map<String, Object> root, String key, List<Integer> dflt) {
        if (!root.containsKey(key)) {
            return dflt;
        }
        String p = "$." + key;
        List<Object> list = array(root.get(key), p);
        if (list.isEmpty()) {
            throw error(p, "must list at least one length");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int v = integer(list.get(i), p + "[" + i + "]", 1);
            int seen = out.indexOf(v);
            if (seen >= 0) {
                throw error(p + "[" + i + "]", "duplicate cell: " + v + " already listed at " + p + "[" + seen + "]");
            }
            out.add(v);
        }
        return out;
    }

    private ServerSettings server(@Nullable Object value, Backend backend) {
        String host = "127.0.0.1";
        int port = backend.defaultPort();
        int restarts = 1;
        if (value != null) {
            Map<String, Object> m = object(value, "$.server");
            known(m, "$.server", SERVER_KEYS);
            host = optString(m, "$.server", "host", host);
            port = optInt(m, "$.server", "port", port, 1);
            restarts = optInt(m, "$.server", "maxRestartsPerModel", restarts, 0);
            if (port > 65535) {
                throw error("$.server.port", "must be in 1..65535: " + port);
            }
        }
        try {
            return new ServerSettings(host, port, restarts);
        } catch (IllegalArgumentException e) {
            throw error("$.server.host", String.valueOf(e.getMessage()));
        }
    }

    private Cooldowns cooldowns(@Nullable Object value) {
        if (value == null) {
            return Cooldowns.SEED;
        }
        String p = "$.cooldowns";
        Map<String, Object> m = object(value, p);
        known(m, p, COOLDOWN_KEYS);
        Cooldowns d = Cooldowns.SEED;
        return new Cooldowns(
                seconds(m, p, "betweenCellsSeconds", d.betweenCells(), true),
                seconds(m, p, "betweenModelsSeconds", d.betweenModels(), true),
                seconds(m, p, "betweenModesSeconds", d.betweenModes(), true),
                seconds(m, p, "afterServerStopSeconds", d.afterServerStop(), true));
    }

    private Timeouts timeouts(@Nullable Object value) {
        if (value == null) {
            return Timeouts.SEED;
        }
        String p = "$.timeouts";
        Map<String, Object> m = object(value, p);
        known(m, p, TIMEOUT_KEYS);
        Timeouts d = Timeouts.SEED;
        return new Timeouts(
                seconds(m, p, "serverStartupSeconds", d.serverStartup(), false),
                seconds(m, p, "requestSeconds", d.request(), false),
                seconds(m, p, "smokeTestSeconds", d.smokeTestRequest(), false),
                seconds(m, p, "aiperfCellSeconds", d.aiperfCell(), true),
                seconds(m, p, "commandSeconds", d.command(), false),
                seconds(m, p, "stopGraceSeconds", d.stopGrace(), false));
    }

    private Duration seconds(Map<String, Object> m, String parent, String key, Duration dflt, boolean zeroAllowed) {
        if (!m.containsKey(key)) {
            return dflt;
        }
        String p = parent + "." + key;
        Object value = m.get(key);
        if (!(value instanceof Number number)) {
            throw error(p, "must be a number of seconds, not " + JsonTree.describe(value));
        }
        double s = number.doubleValue();
        if (!Double.isFinite(s) || s < 0 || (!zeroAllowed && s == 0) || s > 86_400 * 7) {
            throw error(
                    p,
                    "must be " + (zeroAllowed ? "≥ 0" : "> 0") + " and at most a week, in seconds: "
                            + JsonTree.describe(value));
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private Path path(String text, String p) {
        if (text.isEmpty()) {
            throw error(p, "must not be empty");
        }
        if (text.startsWith("-")) {
            throw error(p, "option-like path (starts with '-') refused: \"" + text + "\"");
        }
        if (text.indexOf('\0') >= 0 || text.indexOf('\n') >= 0) {
            throw error(p, "path contains a control character: " + JsonTree.describe(text));
        }
        Path resolved;
        try {
            if (text.equals("~") || text.startsWith("~/")) {
                resolved = Path.of(
                        System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""));
            } else {
                resolved = baseDir.resolve(text);
            }
        } catch (InvalidPathException e) {
            throw error(p, "not a valid path: \"" + text + "\" (" + e.getReason() + ")");
        }
        Path normal = resolved.toAbsolutePath().normalize();
        Path fileName = normal.getFileName();
        if (fileName == null || fileName.toString().startsWith("-")) {
            throw error(p, "option-like or empty file name refused: \"" + text + "\"");
        }
        return normal;
    }

    private void known(Map<String, Object> m, String p, Set<String> keys) {
        for (String key : m.keySet()) {
            if (!keys.contains(key)) {
                throw error(p + "." + key, "unknown key (known: " + String.join(", ", new TreeSet<>(keys)) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String p) {
        if (!(value instanceof Map)) {
            throw error(p, "must be an object, not " + JsonTree.describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(Object value, String p) {
        if (!(value instanceof List)) {
            throw error(p, "must be an array, not " + JsonTree.describe(value));
        }
        return (List<Object>) value;
    }

    private String string(Object value, String p) {
        if (!(value instanceof String text)) {
            throw error(p, "must be a string, not " + JsonTree.describe(value));
        }
        return text;
    }

    private int integer(Object value, String p, int min) {
        if (!(value instanceof Long v)) {
            throw error(p, "must be an integer, not " + JsonTree.describe(value));
        }
        if (v < min || v > Integer.MAX_VALUE) {
            throw error(p, "must be an integer ≥ " + min + ": " + v);
        }
        return v.intValue();
    }

    private String requiredString(Map<String, Object> m, String parent, String key) {
        if (!m.containsKey(key)) {
            throw error(parent + "." + key, "missing");
        }
        return string(m.get(key), parent + "." + key);
    }

    private int requiredInt(Map<String, Object> m, String parent, String key, int min) {
        if (!m.containsKey(key)) {
            throw error(parent + "." + key, "missing");
        }
        Object value = m.get(key);
        if (!(value instanceof Long v)) {
            throw error(parent + "." + key, "must be an integer, not " + JsonTree.describe(value));
        }
        if (v < min || v > Integer.MAX_VALUE) {
            String what = key.equals("id") ? "bad mode: nvpmodel id must be ≥ " + min : "must be ≥ " + min;
            throw error(parent + "." + key, what + ": " + v);
        }
        return v.intValue();
    }

    private String optString(Map<String, Object> m, String parent, String key, String dflt) {
        return m.containsKey(key) ? string(m.get(key), parent + "." + key) : dflt;
    }

    private int optInt(Map<String, Object> m, String parent, String key, int dflt, int min) {
        return m.containsKey(key) ? integer(m.get(key), parent + "." + key, min) : dflt;
    }

    private long optLong(Map<String, Object> m, String parent, String key, long dflt) {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Object value = m.get(key);
        if (!(value instanceof Long v)) {
            throw error(parent + "." + key, "must be an integer, not " + JsonTree.describe(value));
        }
        return v;
    }

    private boolean optBoolean(Map<String, Object> m, String parent, String key, boolean dflt) {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Object value = m.get(key);
        if (!(value instanceof Boolean b)) {
            throw error(parent + "." + key, "must be true or false, not " + JsonTree.describe(value));
        }
        return b;
    }

    private SweepPlanException error(String path, String reason) {
        return new SweepPlanException(source, path, reason);
    }
}
