package io.github.tokjoule.jetson.driver.fakes;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fake {@code aiperf profile}: checks its flags like a CLI (unknown flag → exit 2), sends the warm-up and profiled
 * streaming chat requests to {@code --url} (so a dead server shows as request errors, and extra inputs reach the
 * server), and writes the flat-layout {@code profile_export_aiperf.json} and {@code profile_export.jsonl} into
 * {@code --artifact-dir} with real timestamps (summary start/end as naive local time, per-request epoch ns).
 *
 * <p>Switches: $FAKE_AIPERF_FAIL_ONCE / $FAKE_AIPERF_FAIL_ALWAYS = comma-separated suffixes of the artifact
 * directory (e.g. {@code 25W/alpha/gen8/ctx16}); a matching run exits 1 without writing a summary (once, or always).
 * $FAKE_AIPERF_HANG_ONCE: the first matching run hangs for two minutes (to be interrupted).
 */
public final class FakeAiperf {

    static final Set<String> VALUE_FLAGS = Set.of(
            "--model",
            "--endpoint-type",
            "--url",
            "--tokenizer",
            "--synthetic-input-tokens-mean",
            "--synthetic-input-tokens-stddev",
            "--output-tokens-mean",
            "--output-tokens-stddev",
            "--request-count",
            "--concurrency",
            "--slice-duration",
            "--random-seed",
            "--request-timeout-seconds",
            "--warmup-request-count",
            "--extra-inputs",
            "--artifact-dir");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--streaming", "--use-legacy-max-tokens");

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

    private FakeAiperf() {}

    /** One request's outcome. */
    static final class Record {
        long startNs;
        long ackNs;
        long firstTokenNs;
        long endNs;
        int tokens;
        String error;
        int status;
    }

    public static void main(String[] args) throws Exception {
        FakeSupport.record("aiperf", args);
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("0.11.0");
            return;
        }
        if (args.length == 0 || !args[0].equals("profile")) {
            System.out.println("Usage: aiperf profile [OPTIONS]");
            System.exit(2);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> extras = new LinkedHashMap<>();
        boolean legacy = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (BOOLEAN_FLAGS.contains(a)) {
                legacy |= a.equals("--use-legacy-max-tokens");
            } else if (VALUE_FLAGS.contains(a) && i + 1 < args.length) {
                String v = args[++i];
                if (a.equals("--extra-inputs")) {
                    int colon = v.indexOf(':');
                    String key = v.substring(0, colon);
                    String raw = v.substring(colon + 1);
                    extras.put(
                            key,
                            raw.equals("true")
                                    ? (Object) Boolean.TRUE
                                    : raw.matches("\\d+") ? (Object) Long.parseLong(raw) : raw);
                } else {
                    values.put(a, v);
                }
            } else {
                System.out.println("Error: unknown option " + a);
                System.exit(2);
            }
        }
        Path dir = Path.of(values.get("--artifact-dir"));
        Files.createDirectories(dir);
        String where = dir.toString();
        if (matches("FAKE_AIPERF_FAIL_ALWAYS", where)
                || (matches("FAKE_AIPERF_FAIL_ONCE", where)
                        && FakeSupport.firstTime("aiperf-failed-" + where.replace('/', '_')))) {
            System.out.println("aiperf: simulated failure for " + where);
            System.exit(1);
        }
        if (matches("FAKE_AIPERF_HANG_ONCE", where)
                && FakeSupport.firstTime("aiperf-hung-" + where.replace('/', '_'))) {
            System.out.println("aiperf: simulated hang for " + where);
            System.out.flush();
            Thread.sleep(120_000);
        }
        String model = values.get("--model");
        String url = values.get("--url") + "/v1/chat/completions";
        int isl = Integer.parseInt(values.get("--synthetic-input-tokens-mean"));
        int osl = Integer.parseInt(values.get("--output-tokens-mean"));
        int count = Integer.parseInt(values.get("--request-count"));
        int warmup = Integer.parseInt(values.getOrDefault("--warmup-request-count", "0"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", "lorem ".repeat(isl).strip());
        body.put("messages", List.of(message));
        body.put("stream", true);
        body.put(legacy ? "max_tokens" : "max_completion_tokens", (long) osl);
        body.putAll(extras);
        String json = JsonTree.write(body, false);
        for (int i = 0; i < warmup; i++) {
            send(url, json);
        }
        long profileStartNs = epochNanos();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(send(url, json));
        }
        long profileEndNs = epochNanos();
        writeExports(dir, values, records, isl, profileStartNs, profileEndNs);
        System.out.println("aiperf: "
                + records.stream().filter(r -> r.error == null).count() + " of " + count + " requests succeeded");
    }

    private static boolean matches(String variable, String dir) {
        return FakeSupport.envList(variable).stream().anyMatch(suffix -> dir.endsWith("/" + suffix));
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static Record send(String url, String json) {
        Record r = new Record();
        r.startNs = epochNanos();
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(10000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            r.status = c.getResponseCode();
            r.ackNs = epochNanos();
            if (r.status != 200) {
                r.error = "HTTP " + r.status;
                r.endNs = epochNanos();
                return r;
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("data: ")) {
                        continue;
                    }
                    String data = line.substring(6);
                    if (data.equals("[DONE]")) {
                        break;
                    }
                    if (data.contains("\"content\":\" ")) {
                        if (r.tokens == 0) {
                            r.firstTokenNs = epochNanos();
                        }
                        r.tokens++;
                    }
                }
            }
            r.endNs = epochNanos();
            if (r.tokens == 0) {
                r.error = "no tokens in the response";
            }
        } catch (IOException e) {
            r.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            r.endNs = epochNanos();
        }
        return r;
    }

    static void writeExports(
            Path dir, Map<String, String> values, List<Record> records, int isl, long startNs, long endNs)
            throws IOException {
        StringBuilder jsonl = new StringBuilder();
        List<Double> rl = new ArrayList<>();
        List<Double> ttft = new ArrayList<>();
        List<Double> itl = new ArrayList<>();
        List<Double> tps = new ArrayList<>();
        List<Double> oslList = new ArrayList<>();
        List<Double> islList = new ArrayList<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("session_num", (long) i);
            meta.put("x_request_id", "fake-" + i);
            meta.put("turn_index", 0L);
            meta.put("request_start_ns", r.startNs);
            if (r.error == null) {
                meta.put("request_ack_ns", r.ackNs);
            }
            meta.put("request_end_ns", r.endNs);
            meta.put("worker_id", "worker_fake");
            meta.put("record_processor_id", "record_processor_fake");
            meta.put("benchmark_phase", "profiling");
            meta.put("was_cancelled", false);
            Map<String, Object> metrics = new LinkedHashMap<>();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("metadata", meta);
            if (r.error == null) {
                double rlMs = (r.endNs - r.startNs) / 1e6;
                double ttftMs = (r.firstTokenNs - r.startNs) / 1e6;
                rl.add(rlMs);
                ttft.add(ttftMs);
                oslList.add((double) r.tokens);
                islList.add((double) isl);
                metrics.put("input_sequence_length", metric(isl, "tokens"));
                metrics.put("output_sequence_length", metric(r.tokens, "tokens"));
                metrics.put("time_to_first_token", metric(ttftMs, "ms"));
                metrics.put("request_latency", metric(rlMs, "ms"));
                if (r.tokens > 1) {
                    double itlMs = (rlMs - ttftMs) / (r.tokens - 1);
                    itl.add(itlMs);
                    tps.add(1000.0 / itlMs);
                    metrics.put("inter_token_latency", metric(itlMs, "ms"));
                    metrics.put("output_token_throughput_per_user", metric(1000.0 / itlMs, "tokens/sec/user"));
                }
                line.put("metrics", metrics);
            } else {
                metrics.put("error_isl", metric(isl, "tokens"));
                line.put("metrics", metrics);
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("code", (long) (r.status == 0 ? 500 : r.status));
                err.put("type", "RequestError");
                err.put("message", r.error);
                line.put("error", err);
                errors.merge(r.error, 1, Integer::sum);
            }
            jsonl.append(JsonTree.write(line, false)).append('\n');
        }
        Files.writeString(dir.resolve("profile_export.jsonl"), jsonl.toString(), StandardCharsets.UTF_8);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema_version", "1.3");
        s.put("aiperf_version", "0.11.0");
        double seconds = Math.max(1e-9, (endNs - startNs) / 1e9);
        if (!rl.isEmpty()) {
            s.put("request_throughput", scalar(rl.size() / seconds, "requests/sec"));
            s.put("request_latency", stats(rl, "ms"));
            s.put("request_count", scalar(rl.size(), "requests"));
            s.put("time_to_first_token", stats(ttft, "ms"));
            if (!itl.isEmpty()) {
                s.put("inter_token_latency", stats(itl, "ms"));
                s.put("output_token_throughput_per_user", stats(tps, "tokens/sec/user"));
            }
            s.put("output_sequence_length", stats(oslList, "tokens"));
            s.put("input_sequence_length", stats(islList, "tokens"));
            s.put("benchmark_duration", scalar(seconds, "sec"));
        }
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
        if (errorCount > 0) {
            s.put("error_request_count", scalar(errorCount, "requests"));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cli_command", "aiperf profile " + String.join(" ", flatten(values)));
        s.put("input_config", config);
        s.put("was_cancelled", false);
        List<Object> summary = new ArrayList<>();
        errors.forEach((message, n) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("code", 500L);
            details.put("type", "RequestError");
            details.put("message", message);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("error_details", details);
            item.put("count", (long) n);
            summary.add(item);
        });
        s.put("error_summary", summary);
        s.put("start_time", local(startNs));
        s.put("end_time", local(endNs));
        Files.writeString(dir.resolve("profile_export_aiperf.json"), JsonTree.write(s, true), StandardCharsets.UTF_8);
    }

    private static List<String> flatten(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out;
    }

    static String local(long epochNs) {
        Instant i = Instant.ofEpochSecond(epochNs / 1_000_000_000L, epochNs % 1_000_000_000L);
        return LOCAL.format(LocalDateTime.ofInstant(i, ZoneId.systemDefault()));
    }

    private static Map<String, Object> metric(double value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("unit", unit);
        return m;
    }

    private static Map<String, Object> scalar(double value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("avg", value);
        return m;
    }

    /** Flat-layout metric stats; percentiles by numpy's default linear method. */
    static Map<String, Object> stats(List<Double> values, String unit) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("avg", mean);
        for (int p : new int[] {1, 5, 10, 25, 50, 75, 90, 95, 99}) {
            m.put("p" + p, percentile(v, p));
        }
        m.put("min", v[0]);
        m.put("max", v[v.length - 1]);
        m.put("std", Math.sqrt(var));
        m.put("count", (long) v.length);
        m.put("sum", Arrays.stream(v).sum());
        return m;
    }

    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
