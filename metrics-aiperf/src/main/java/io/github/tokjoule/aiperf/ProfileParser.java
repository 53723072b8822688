package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Streams one summary JSON document into an {@link AiperfProfile}. Not thread-safe; one instance per document. */
final class ProfileParser {

    /** Legacy and genai-perf metric names and their canonical flat-layout names (docs/AIPERF.md). */
    static final Map<String, String> ALIASES = Map.of(
            "ttft", "time_to_first_token",
            "ttst", "time_to_second_token",
            "prefill_throughput", "prefill_throughput_per_user",
            "request_goodput", "goodput");

    private final JsonParser p;
    private final Issues issues;
    private final @Nullable ZoneId zone;

    private boolean legacy;
    private boolean genaiHint;
    private final Map<String, MetricStats> metrics = new LinkedHashMap<>();
    private final Map<String, MetricStats> warmup = new LinkedHashMap<>();
    private final List<GpuSummary> gpus = new ArrayList<>();
    private final Map<String, GpuBuilder> genaiGpus = new LinkedHashMap<>();
    private @Nullable List<ErrorCount> errors;
    private @Nullable String schemaVersion;
    private @Nullable String aiperfVersion;
    private @Nullable String benchmarkId;
    private @Nullable String startText;
    private @Nullable String endText;
    private @Nullable Boolean wasCancelled;
    private @Nullable Object inputConfig;
    private @Nullable Object runInfo;

    private ProfileParser(JsonParser p, Issues issues, @Nullable ZoneId zone) {
        this.p = p;
        this.issues = issues;
        this.zone = zone;
    }

    /** Parses a whole document; Jackson failures become {@link AiperfFormatException} naming the JSON path. */
    static AiperfProfile parse(JsonParser p, String source, @Nullable ZoneId zone) throws IOException {
        Issues issues = new Issues(source, false, Integer.MAX_VALUE);
        try {
            return new ProfileParser(p, issues, zone).document();
        } catch (JsonProcessingException e) {
            throw new AiperfFormatException(source, Json.location(p, e), Json.reason(e), e);
        }
    }

    private AiperfProfile document() throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new AiperfFormatException(
                    issues.source(),
                    "$",
                    "expected a JSON object at the top level, found " + Json.describe(p, t),
                    null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            topLevel(name, p.nextToken());
        }
        trailingContent();
        InputConfig config = InputConfigExtractor.extract(inputConfig, runInfo, issues);
        gpus.addAll(genaiGpus.values().stream().map(GpuBuilder::build).toList());
        Instant start = startText == null ? null : Timestamps.resolve(startText, zone, issues, "$.start_time");
        Instant end = endText == null ? null : Timestamps.resolve(endText, zone, issues, "$.end_time");
        return new AiperfProfile(
                issues.source(),
                legacy ? AiperfLayout.RECORDS : isGenaiPerf() ? AiperfLayout.GENAI_PERF : AiperfLayout.FLAT,
                schemaVersion,
                aiperfVersion,
                benchmarkId,
                metrics,
                warmup,
                startText,
                endText,
                start,
                end,
                wasCancelled,
                config,
                errors,
                gpus,
                new ReadReport(issues.source(), issues.kept()));
    }

    private void trailingContent() {
        try {
            JsonToken extra = p.nextToken();
            if (extra != null) {
                issues.add("$", "content after the top-level object (" + Json.describe(p, extra) + ") ignored");
            }
        } catch (IOException e) {
            issues.add("$", "content after the top-level object ignored: " + e.getMessage());
        }
    }

    private boolean isGenaiPerf() {
        if (genaiHint) {
            return true;
        }
        return inputConfig instanceof Map<?, ?> m
                && (m.containsKey("subcommand") || m.containsKey("perf_analyzer") || m.containsKey("service_kind"));
    }

    private void topLevel(String name, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        switch (name) {
            case "records" -> {
                if (expectObject(t, "an object of metrics")) {
                    legacy = true;
                    metricMap(metrics);
                }
            }
            case "schema_version" -> schemaVersion = scalarText(t);
            case "aiperf_version" -> aiperfVersion = scalarText(t);
            case "benchmark_id" -> benchmarkId = scalarText(t);
            case "start_time" -> startText = string(t);
            case "end_time" -> endText = string(t);
            case "was_cancelled" -> wasCancelled = bool(t);
            case "input_config" -> inputConfig = tree();
            case "run_info" -> runInfo = tree();
            case "error_summary" -> errors = errorSummary(t);
            case "telemetry_data" -> {
                if (expectObject(t, "an object")) {
                    telemetryData();
                }
            }
            case "telemetry_stats" -> {
                genaiHint = true;
                if (expectObject(t, "an object")) {
                    genaiTelemetry();
                }
            }
            case "warmup_metrics" -> {
                if (expectObject(t, "an object of metrics")) {
                    metricMap(warmup);
                }
            }
            case "sessions" -> {
                genaiHint = true;
                p.skipChildren();
            }
            default -> {
                if (name.equals("request_goodput")) {
                    genaiHint = true;
                }
                if (t == JsonToken.START_OBJECT) {
                    metric(name, metrics, false);
                } else {
                    p.skipChildren(); // unknown scalar or array: ignored as the format asks
                }
            }
        }
    }

    // --- metrics ------------------------------------------------------------------------------------------

    /** Reads an object whose members are metrics ({@code records}, {@code warmup_metrics}, a GPU's metrics). */
    private void metricMap(Map<String, MetricStats> target) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                metric(name, target, true);
            } else if (t != JsonToken.VALUE_NULL) {
                issues.add(Json.path(p), "expected a metric object, found " + Json.describe(p, t) + "; ignored");
                p.skipChildren();
            }
        }
    }

    /**
     * Reads a metric object. Outside metric maps, an object with neither unit nor statistics is an unknown key and
     * ignored.
     */
    private void metric(String key, Map<String, MetricStats> target, boolean inMetricMap) throws IOException {
        String path = Json.path(p);
        RawStats raw = stats(null);
        if (raw.unit == null && !raw.any) {
            if (inMetricMap) {
                issues.add(path, "metric without unit or statistics; ignored");
            }
            return;
        }
        put(target, convert(key, raw, path), path);
    }

    private void put(Map<String, MetricStats> target, MetricStats m, String path) {
        MetricStats previous = target.get(m.name());
        if (previous == null) {
            target.put(m.name(), m);
            return;
        }
        boolean keepPrevious =
                previous.sourceName().equals(previous.name()) && !m.sourceName().equals(m.name());
        issues.add(
                path,
                "metric \"" + m.name() + "\" appears twice (as \"" + previous.sourceName() + "\" and \""
                        + m.sourceName() + "\"); kept \"" + (keepPrevious ? previous : m).sourceName() + "\"");
        if (!keepPrevious) {
            target.put(m.name(), m);
        }
    }

    /** Statistics of one metric before unit conversion. */
    private static final class RawStats {
        @Nullable
        String unit;

        final EnumMap<Stat, Double> values = new EnumMap<>(Stat.class);
        boolean any;
    }

    /**
     * Reads the members of a metric object (the parser is on its START_OBJECT). Unknown members are skipped; a
     * genai-perf telemetry metric's per-GPU objects go to {@code perGpu} when it is given.
     */
    private RawStats stats(@Nullable Map<String, RawStats> perGpu) throws IOException {
        RawStats raw = new RawStats();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (key.equals("unit")) {
                raw.unit = string(t);
                continue;
            }
            Optional<Stat> stat = Stat.fromKey(key);
            if (stat.isPresent()) {
                double v = number(t, stat.get());
                if (!Double.isNaN(v)) {
                    raw.values.put(stat.get(), v);
                    raw.any = true;
                }
            } else if (perGpu != null && t == JsonToken.START_OBJECT) {
                perGpu.put(key, stats(null));
            } else {
                p.skipChildren(); // tag, header, adj_p*, future statistics
            }
        }
        return raw;
    }

    /** Reads a statistic; NaN when absent or unusable (reported). */
    private double number(JsonToken t, Stat stat) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            issues.add(Json.path(p), "expected a number, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
            return Double.NaN;
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            issues.add(Json.path(p), p.getText() + " is not a finite number; ignored");
            return Double.NaN;
        }
        if (stat == Stat.COUNT && (v < 0 || v != Math.rint(v))) {
            issues.add(Json.path(p), "count " + p.getText() + " is not a non-negative integer; ignored");
            return Double.NaN;
        }
        return v;
    }

    private MetricStats convert(String key, RawStats raw, String path) {
        String name = ALIASES.getOrDefault(key, key);
        consistent(raw, path);
        String sourceUnit = raw.unit == null ? "" : raw.unit;
        MetricUnit.Conversion c = Units.resolve(sourceUnit);
        if (c == null) {
            issues.add(
                    path + ".unit",
                    (raw.unit == null ? "no unit" : "unknown unit \"" + raw.unit + "\"") + "; values kept as written");
            return MetricStats.converted(name, key, sourceUnit, MetricUnit.OTHER, raw.values);
        }
        EnumMap<Stat, Double> v = raw.values;
        v.replaceAll((s, x) -> s.isConverted() ? c.apply(x) : x);
        return MetricStats.converted(name, key, sourceUnit, c.unit(), v);
    }

    /** A negative std, or min above max, cannot be statistics of any data: reported and dropped. */
    private void consistent(RawStats raw, String path) {
        Double std = raw.values.get(Stat.STD);
        if (std != null && std < 0) {
            issues.add(path + ".std", "std " + std + " is negative; ignored");
            raw.values.remove(Stat.STD);
        }
        Double min = raw.values.get(Stat.MIN);
        Double max = raw.values.get(Stat.MAX);
        if (min != null && max != null && min > max) {
            issues.add(path, "min " + min + " is greater than max " + max + "; both ignored");
            raw.values.remove(Stat.MIN);
            raw.values.remove(Stat.MAX);
        }
    }

    // --- telemetry ----------------------------------------------------------------------------------------

    /** aiperf: {@code telemetry_data.endpoints.<endpoint>.gpus.<gpu>.{gpu_index, ..., metrics}}. */
    private void telemetryData() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("endpoints") && expectObject(t, "an object of endpoints")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String endpoint = p.currentName();
                    if (expectObject(p.nextToken(), "an endpoint object")) {
                        endpoint(endpoint);
                    }
                }
            } else {
                p.skipChildren(); // summary, error_summary
            }
        }
    }

    private void endpoint(String endpoint) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("gpus") && expectObject(t, "an object of GPUs")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String gpuKey = p.currentName();
                    if (expectObject(p.nextToken(), "a GPU object")) {
                        gpus.add(gpu(endpoint, gpuKey));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private GpuSummary gpu(String endpoint, String gpuKey) throws IOException {
        GpuBuilder b = new GpuBuilder(endpoint, gpuKey);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "gpu_index" -> b.index = integer(t);
                case "gpu_name" -> b.name = string(t);
                case "gpu_uuid" -> b.uuid = string(t);
                case "hostname" -> b.hostname = string(t);
                case "platform" -> b.platform = string(t);
                case "metrics" -> {
                    if (expectObject(t, "an object of metrics")) {
                        metricMap(b.metrics);
                    }
                }
                default -> p.skipChildren();
            }
        }
        return b.build();
    }

    /** genai-perf: {@code telemetry_stats.<metric> = {"unit": "W", "gpu0": {avg, ...}, ...}}. */
    private void genaiTelemetry() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String metric = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            if (!expectObject(t, "a telemetry metric object")) {
                continue;
            }
            String path = Json.path(p);
            Map<String, RawStats> perGpu = new LinkedHashMap<>();
            RawStats shared = stats(perGpu);
            for (Map.Entry<String, RawStats> e : perGpu.entrySet()) {
                RawStats gpu = e.getValue();
                gpu.unit = shared.unit;
                if (gpu.any) {
                    GpuBuilder b = genaiGpus.computeIfAbsent(e.getKey(), k -> new GpuBuilder("", k));
                    put(b.metrics, convert(metric, gpu, path + "." + e.getKey()), path + "." + e.getKey());
                }
            }
        }
        for (GpuBuilder b : genaiGpus.values()) {
            String digits = b.key.replaceAll("\\D", "");
            if (!digits.isEmpty() && digits.length() < 6) {
                b.index = Integer.parseInt(digits);
            }
        }
    }

    private static final class GpuBuilder {
        final String endpoint;
        final String key;

        @Nullable
        Integer index;

        @Nullable
        String name;

        @Nullable
        String uuid;

        @Nullable
        String hostname;

        @Nullable
        String platform;

        final Map<String, MetricStats> metrics = new LinkedHashMap<>();

        GpuBuilder(String endpoint, String key) {
            this.endpoint = endpoint;
            this.key = key;
        }

        GpuSummary build() {
            return new GpuSummary(endpoint, key, index, name, uuid, hostname, platform, metrics);
        }
    }

    // --- error summary ------------------------------------------------------------------------------------

    private @Nullable List<ErrorCount> errorSummary(JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            issues.add(Json.path(p), "expected an array, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
            return null;
        }
        String path = Json.path(p);
        List<ErrorCount> out = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = path + "[" + i++ + "]";
            Object entry = JsonTree.read(p);
            ErrorCount e = entry == null ? null : errorCount(entry, at);
            if (e != null) {
                out.add(e);
            } else if (entry == null) {
                issues.add(at, "null error entry ignored");
            }
        }
        return out;
    }

    /** Also used by the JSON Lines reader for a record's {@code error} object. */
    static ErrorDetails errorDetails(Object node, String at, Issues issues) {
        Object code = JsonTree.member(node, "code");
        Integer c = null;
        if (code instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            c = l.intValue();
        } else if (code != null) {
            issues.add(at + ".code", "expected an integer, found " + JsonTree.describe(code) + "; ignored");
        }
        return ErrorDetails.ofNullable(
                c, text(node, "type", at, issues), text(node, "message", at, issues), text(node, "cause", at, issues));
    }

    private static @Nullable String text(Object node, String key, String at, Issues issues) {
        Object v = JsonTree.member(node, key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        issues.add(at + "." + key, "expected a string, found " + JsonTree.describe(v) + "; ignored");
        return null;
    }

    private @Nullable ErrorCount errorCount(Object entry, String at) {
        Object details = JsonTree.member(entry, "error_details");
        Object count = JsonTree.member(entry, "count");
        if (!(entry instanceof Map<?, ?>) || !(details instanceof Map<?, ?>) || !(count instanceof Long n) || n < 0) {
            issues.add(
                    at,
                    "expected {\"error_details\": {...}, \"count\": n >= 0}, found " + describeEntry(entry)
                            + "; ignored");
            return null;
        }
        return new ErrorCount(errorDetails(details, at + ".error_details", issues), n);
    }

    private static String describeEntry(Object entry) {
        if (!(entry instanceof Map<?, ?> m)) {
            return JsonTree.describe(entry);
        }
        Object count = m.get("count");
        return "an object with error_details " + (m.get("error_details") instanceof Map<?, ?> ? "" : "not ")
                + "an object and count " + (count == null ? "missing" : JsonTree.describe(count));
    }

    // --- scalars ------------------------------------------------------------------------------------------

    private boolean expectObject(@Nullable JsonToken t, String what) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            issues.add(Json.path(p), "expected " + what + ", found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
        return false;
    }

    private @Nullable String string(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            issues.add(Json.path(p), "expected a string, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
        return null;
    }

    /** A string, or a number written where a string was expected (e.g. {@code "schema_version": 1.4}). */
    private @Nullable String scalarText(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        return string(t);
    }

    private @Nullable Boolean bool(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t != JsonToken.VALUE_NULL) {
            issues.add(Json.path(p), "expected true or false, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
        return null;
    }

    private @Nullable Integer integer(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t != JsonToken.VALUE_NULL) {
            issues.add(Json.path(p), "expected an integer, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
        return null;
    }

    private @Nullable Object tree() throws IOException {
        Object v = JsonTree.read(p);
        if (v != null && !(v instanceof Map<?, ?>)) {
            issues.add(Json.path(p), "expected an object, found " + JsonTree.describe(v) + "; ignored");
            return null;
        }
        return v;
    }
}
