package io.github.tokjoule.aiperf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Finds the {@link InputConfig} essentials in an {@code input_config} tree of any generation. */
final class InputConfigExtractor {

    private static final String BASE = "$.input_config.";

    private final Object root;
    private final Issues issues;

    private InputConfigExtractor(Object root, Issues issues) {
        this.root = root;
        this.issues = issues;
    }

    static InputConfig extract(@Nullable Object inputConfig, @Nullable Object runInfo, Issues issues) {
        String runCli = runInfo == null ? null : stringOrNull(JsonTree.member(runInfo, "cli_command"));
        if (inputConfig == null) {
            return runCli == null ? InputConfig.empty() : withCli(runCli);
        }
        return new InputConfigExtractor(inputConfig, issues).extract(runCli);
    }

    private static InputConfig withCli(String cli) {
        return new InputConfig(null, null, null, null, null, null, null, null, null, null, null, null, cli);
    }

    private InputConfig extract(@Nullable String runCli) {
        Phase profiling = null;
        Phase warmup = null;
        for (Phase ph : phases()) {
            if (ph.isWarmup()) {
                warmup = warmup == null ? ph : warmup;
            } else if (profiling == null || (ph.isNamedProfiling() && !profiling.isNamedProfiling())) {
                profiling = ph;
            }
        }
        Prompts prompts = datasetPrompts();
        String cli = string("cli_command");
        return new InputConfig(
                firstString(
                        "endpoint.model_names[0]",
                        "models.items[0].name",
                        "models[0]",
                        "models[0].name",
                        "model_names[0]",
                        "model[0]",
                        "model"),
                firstString("endpoint.type", "endpoint_type"),
                firstString("endpoint.url", "endpoint.urls[0]", "url", "u"),
                firstBoolean("endpoint.streaming", "streaming"),
                nonNegativeLong(
                        firstLong("loadgen.concurrency", "concurrency", "perf_analyzer.stimulus.concurrency"),
                        profiling,
                        "concurrency"),
                nonNegativeDouble(
                        firstDouble("loadgen.request_rate", "request_rate", "perf_analyzer.stimulus.request_rate"),
                        profiling,
                        "rate"),
                nonNegativeLong(firstLong("loadgen.request_count", "request_count"), profiling, "requests"),
                nonNegativeLong(
                        firstLong(
                                "loadgen.warmup_request_count",
                                "warmup_request_count",
                                "perf_analyzer.warmup_request_count"),
                        warmup,
                        "requests"),
                positiveOrNull(
                        firstDouble(
                                "input.prompt.input_tokens.mean",
                                "synthetic_input_tokens_mean",
                                "input.synthetic_tokens.mean"),
                        prompts.isl(),
                        prompts.path() + ".isl",
                        "mean"),
                positiveOrNull(
                        firstDouble(
                                "input.prompt.input_tokens.stddev",
                                "synthetic_input_tokens_stddev",
                                "input.synthetic_tokens.stddev"),
                        prompts.isl(),
                        prompts.path() + ".isl",
                        "stddev"),
                positiveOrNull(
                        firstDouble(
                                "input.prompt.output_tokens.mean", "output_tokens_mean", "input.output_tokens.mean"),
                        prompts.osl(),
                        prompts.path() + ".osl",
                        "mean"),
                positiveOrNull(
                        firstDouble(
                                "input.prompt.output_tokens.stddev",
                                "output_tokens_stddev",
                                "input.output_tokens.stddev"),
                        prompts.osl(),
                        prompts.path() + ".osl",
                        "stddev"),
                cli != null ? cli : runCli);
    }

    // --- phases and datasets of aiperf >= 0.10 -------------------------------------------------------------

    /** A load phase: its object, the name or map key, and its JSON path. */
    private record Phase(Map<?, ?> node, @Nullable String name, String path) {
        boolean isWarmup() {
            return "warmup".equals(node.get("kind"))
                    || (!"profiling".equals(node.get("kind")) && "warmup".equals(name))
                    || Boolean.TRUE.equals(node.get("exclude_from_results"));
        }

        boolean isNamedProfiling() {
            return "profiling".equals(node.get("kind")) || "profiling".equals(name);
        }
    }

    private List<Phase> phases() {
        List<Phase> out = new ArrayList<>();
        Object phases = JsonTree.member(root, "phases");
        if (phases instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> m) {
                    out.add(new Phase(m, stringOrNull(m.get("name")), "phases[" + i + "]"));
                }
            }
        } else if (phases instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> e : byName.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    Object n = m.get("name");
                    out.add(new Phase(
                            m, n instanceof String s ? s : String.valueOf(e.getKey()), "phases." + e.getKey()));
                }
            }
        }
        return out;
    }

    /** The prompt length specs of a dataset: each a number (the mean), an object or null. */
    private record Prompts(@Nullable Object isl, @Nullable Object osl, String path) {}

    /** {@return the prompts of the first dataset that has them} */
    private Prompts datasetPrompts() {
        Object datasets = JsonTree.member(root, "datasets");
        List<Map.Entry<String, Object>> candidates = new ArrayList<>();
        if (datasets instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                candidates.add(Map.entry("datasets[" + i + "]", l.get(i)));
            }
        } else if (datasets instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                candidates.add(Map.entry("datasets." + e.getKey(), e.getValue()));
            }
        }
        Object single = JsonTree.member(root, "dataset");
        if (single != null) {
            candidates.add(Map.entry("dataset", single));
        }
        for (Map.Entry<String, Object> d : candidates) {
            Object prompts = JsonTree.member(d.getValue(), "prompts");
            if (prompts != null) {
                return new Prompts(
                        JsonTree.member(prompts, "isl"), JsonTree.member(prompts, "osl"), d.getKey() + ".prompts");
            }
        }
        return new Prompts(null, null, "datasets");
    }

    private @Nullable Long nonNegativeLong(@Nullable Long primary, @Nullable Phase phase, String key) {
        if (primary != null || phase == null) {
            return primary != null && primary >= 0 ? primary : null;
        }
        Long v = asLong(phase.node().get(key), phase.path() + "." + key);
        return v != null && v >= 0 ? v : null;
    }

    private @Nullable Double nonNegativeDouble(@Nullable Double primary, @Nullable Phase phase, String key) {
        if (primary != null || phase == null) {
            return primary != null && primary >= 0 ? primary : null;
        }
        Double v = asDouble(phase.node().get(key), phase.path() + "." + key);
        return v != null && v >= 0 ? v : null;
    }

    /** The dataset prompt spec is a number (the mean) or an object with mean and stddev. */
    private @Nullable Double positiveOrNull(
            @Nullable Double primary, @Nullable Object promptSpec, String specPath, String key) {
        Double v = primary;
        if (v == null && promptSpec != null) {
            boolean bare = !(promptSpec instanceof Map<?, ?>);
            if (bare && key.equals("mean")) {
                v = asDouble(promptSpec, specPath);
            } else if (!bare) {
                v = asDouble(JsonTree.member(promptSpec, key), specPath + "." + key);
            }
        }
        return v != null && v >= 0 ? v : null;
    }

    // --- typed lookups that report a present value of the wrong type ----------------------------------------

    private @Nullable String firstString(String... paths) {
        for (String p : paths) {
            Object v = JsonTree.at(root, p);
            if (v instanceof String s) {
                return s;
            }
            if (v != null && !(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
                return String.valueOf(v);
            }
        }
        return null;
    }

    private @Nullable String string(String path) {
        Object v = JsonTree.at(root, path);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        issues.add(BASE + path, "expected a string, found " + JsonTree.describe(v) + "; ignored");
        return null;
    }

    private @Nullable Boolean firstBoolean(String... paths) {
        for (String p : paths) {
            Object v = JsonTree.at(root, p);
            if (v instanceof Boolean b) {
                return b;
            }
            if (v != null) {
                issues.add(BASE + p, "expected true or false, found " + JsonTree.describe(v) + "; ignored");
            }
        }
        return null;
    }

    private @Nullable Long firstLong(String... paths) {
        for (String p : paths) {
            Long v = asLong(JsonTree.at(root, p), p);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private @Nullable Double firstDouble(String... paths) {
        for (String p : paths) {
            Double v = asDouble(JsonTree.at(root, p), p);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private @Nullable Long asLong(@Nullable Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        issues.add(BASE + path, "expected an integer, found " + JsonTree.describe(v) + "; ignored");
        return null;
    }

    private @Nullable Double asDouble(@Nullable Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        issues.add(BASE + path, "expected a finite number, found " + JsonTree.describe(v) + "; ignored");
        return null;
    }

    private static @Nullable String stringOrNull(@Nullable Object v) {
        return v instanceof String s ? s : null;
    }
}
