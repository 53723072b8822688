package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <run>/manifest.json} (contracts: our layout) with the keys of the sweep analysis' {@link
 * SweepManifest} (snake_case, like the synthetic sweeps'), plus the driver's own: {@code created_at}, model objects
 * ({@code name, quantisation, tokenizer, gguf, context_tokens}), {@code warmup_requests}, {@code
 * output_length_control} and {@code plan_fingerprint}.
 */
final class RunManifest {

    static final String FORMAT = "tokjoule-sweep";
    static final int FORMAT_VERSION = SweepManifest.FORMAT_VERSION;
    static final String CREATED_BY = "tokjoule-driver 0.1.0";

    private RunManifest() {}

    static Map<String, Object> of(SweepPlan plan, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", (long) FORMAT_VERSION);
        m.put("created_by", CREATED_BY);
        m.put("created_at", clock.instant().toString());
        m.put("zone", plan.zone().getId());
        m.put("backend", plan.backend().jsonName());
        List<Object> modes = new ArrayList<>();
        for (PowerMode mode : plan.grid().modes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", (long) mode.id());
            x.put("label", mode.label());
            modes.add(x);
        }
        m.put("modes", modes);
        List<Object> models = new ArrayList<>();
        for (ModelSpec model : plan.models()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", model.name());
            x.put("quantisation", model.quantisation());
            x.put("tokenizer", model.tokenizer());
            x.put("gguf", model.ggufPath().toString());
            x.put("context_tokens", (long) model.contextTokens());
            models.add(x);
        }
        m.put("models", models);
        m.put("prompt_lengths", longs(plan.grid().promptLengths()));
        m.put("gen_lengths", longs(plan.grid().genLengths()));
        m.put("requests_per_cell", (long) plan.requestsPerCell());
        m.put("concurrency", (long) plan.concurrency());
        m.put("warmup_requests", (long) plan.warmupRequests());
        m.put("output_length_control", plan.outputLengthControl());
        m.put("tegrastats_interval_ms", (long) plan.tegrastatsIntervalMillis());
        m.put("plan_fingerprint", plan.fingerprint());
        m.put(
                "method_notes",
                "Driver run. Per cell: tegrastats (--interval " + plan.tegrastatsIntervalMillis()
                        + " ms, its own log) is started just before aiperf and stopped just after, so each log covers"
                        + " aiperf start-up and teardown around the profiled requests; use the per-request windows of"
                        + " profile_export.jsonl. " + plan.warmupRequests() + " warm-up request(s) per cell, not"
                        + " profiled. Output length "
                        + (plan.outputLengthControl()
                                ? (plan.backend().jsonName().equals("ollama")
                                        ? "bounded with --use-legacy-max-tokens."
                                        : "forced with ignore_eos:true and min_tokens:<gen>.")
                                : "not controlled (as the seed).")
                        + " Zone: tegrastats stamps and aiperf start_time/end_time are naive local times in "
                        + plan.zone().getId() + ".");
        return m;
    }

    static void write(RunLayout layout, SweepPlan plan, Clock clock) throws IOException {
        Files.writeString(layout.manifest(), JsonTree.write(of(plan, clock), true) + "\n", StandardCharsets.UTF_8);
    }

    private static List<Object> longs(List<Integer> values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) {
            out.add((long) v);
        }
        return out;
    }
}
