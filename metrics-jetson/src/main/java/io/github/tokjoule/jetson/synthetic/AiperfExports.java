package io.github.tokjoule.jetson.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a cell's {@code profile_export_aiperf.json} (the flat summary layout of aiperf 0.11, schema 1.3, 2-space
 * indent like Python's {@code json.dumps(indent=2)}) and {@code profile_export.jsonl} (compact, one record per request,
 * null fields omitted like aiperf 0.4+), with the metric definitions of docs/reference/aiperf-format.md §3: ITL = (RL − TTFT) /
 * (OSL − 1), output throughput per user = 1 / ITL, prefill throughput per user = ISL / TTFT, e2e throughput = OSL /
 * RL, statistics over the successful profiling records only.
 */
final class AiperfExports {

    static final String SUMMARY_FILE = "profile_export_aiperf.json";
    static final String RECORDS_FILE = "profile_export.jsonl";
    private static final String ERROR_TYPE = "Internal Server Error";
    private static final String ERROR_MESSAGE = "failed to process the request: synthetic server error";
    private static final JsonFactory JSON = new JsonFactory();

    private AiperfExports() {}

    static void write(SyntheticCell cell, Path dir) throws IOException {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(dir.resolve(RECORDS_FILE)), StandardCharsets.UTF_8),
                1 << 16)) {
            writeRecords(cell, out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(SUMMARY_FILE))) {
            writeSummary(cell, out);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // profile_export.jsonl

    static void writeRecords(SyntheticCell cell, Writer out) throws IOException {
        CellSpec spec = cell.spec();
        SplittableRandom ids = new SplittableRandom(cell.cosmeticSeed() ^ 0x5DEECE66DL);
        String worker = "worker_" + hex(ids.nextLong(), 8);
        String processor = "record_processor_" + hex(ids.nextLong(), 8);
        long[][] chunks = cell.chunkNanos();
        long[] credit = cell.creditNanos();
        StringBuilder sb = new StringBuilder(8192);
        for (RequestTruth r : cell.truth().requests()) {
            int i = r.index();
            sb.setLength(0);
            sb.append("{\"metadata\":{\"session_num\":").append(i);
            sb.append(",\"x_request_id\":\"").append(uuid(ids)).append('"');
            sb.append(",\"x_correlation_id\":\"").append(uuid(ids)).append('"');
            sb.append(",\"conversation_id\":\"").append(uuid(ids)).append('"');
            sb.append(",\"turn_index\":0,\"credit_issued_ns\":").append(credit[i]);
            sb.append(",\"request_start_ns\":").append(r.startEpochNanos());
            if (r.succeeded()) {
                sb.append(",\"request_ack_ns\":").append(r.ackEpochNanos());
            }
            sb.append(",\"request_end_ns\":").append(r.endEpochNanos());
            sb.append(",\"worker_id\":\"")
                    .append(worker)
                    .append("\",\"record_processor_id\":\"")
                    .append(processor);
            sb.append("\",\"benchmark_phase\":\"profiling\",\"was_cancelled\":false},\"metrics\":{");
            if (r.succeeded()) {
                long ttft = r.firstTokenEpochNanos() - r.startEpochNanos();
                long rl = r.endEpochNanos() - r.startEpochNanos();
                long[] gaps = chunks[i];
                int osl = r.outputTokens();
                int isl = r.inputTokens();
                double itlMillis = (rl - ttft) / 1e6 / (osl - 1);
                tokens(sb, "output_sequence_length", osl).append(',');
                tokens(sb, "input_sequence_length", isl).append(',');
                millis(sb, "time_to_first_token", ttft).append(',');
                tokens(sb, "output_token_count", osl).append(',');
                millis(sb, "time_to_second_token", gaps[0]).append(',');
                millis(sb, "request_latency", rl).append(',');
                millis(sb, "time_to_first_output_token", ttft).append(',');
                sb.append("\"inter_chunk_latency\":{\"value\":[");
                for (int j = 0; j < gaps.length; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    appendMillis(sb, gaps[j]);
                }
                sb.append("],\"unit\":\"ms\"},");
                number(sb, "prefill_throughput_per_user", isl / (ttft / 1e9), "tokens/sec/user")
                        .append(',');
                number(sb, "inter_token_latency", itlMillis, "ms").append(',');
                number(sb, "output_token_throughput_per_user", 1000.0 / itlMillis, "tokens/sec/user")
                        .append(',');
                number(sb, "e2e_output_token_throughput", osl / (rl / 1e9), "tokens/sec/user")
                        .append("}}\n");
            } else {
                tokens(sb, "error_isl", spec.targetInputTokens());
                sb.append("},\"error\":{\"code\":500,\"type\":\"")
                        .append(ERROR_TYPE)
                        .append("\",\"message\":\"")
                        .append(ERROR_MESSAGE)
                        .append("\"}}\n");
            }
            out.append(sb);
        }
    }

    private static StringBuilder tokens(StringBuilder sb, String name, int value) {
        return sb.append('"')
                .append(name)
                .append("\":{\"value\":")
                .append(value)
                .append(",\"unit\":\"tokens\"}");
    }

    private static StringBuilder millis(StringBuilder sb, String name, long nanos) {
        sb.append('"').append(name).append("\":{\"value\":");
        appendMillis(sb, nanos);
        return sb.append(",\"unit\":\"ms\"}");
    }

    private static StringBuilder number(StringBuilder sb, String name, double value, String unit) {
        return sb.append('"')
                .append(name)
                .append("\":{\"value\":")
                .append(value)
                .append(",\"unit\":\"")
                .append(unit)
                .append("\"}");
    }

    /** Exact decimal milliseconds of a non-negative nanosecond count: {@code 31742934 → 31.742934}. */
    static void appendMillis(StringBuilder sb, long nanos) {
        sb.append(nanos / 1_000_000).append('.');
        int frac = (int) (nanos % 1_000_000);
        if (frac == 0) {
            sb.append('0');
            return;
        }
        appendFraction(sb, frac, 6);
    }

    /**
     * Appends the digits of a non-zero fraction of {@code 10^digits}, without trailing zeros: {@code (5, 3) → 005},
     * {@code (120, 3) → 12}.
     */
    static void appendFraction(StringBuilder sb, int fraction, int digits) {
        int frac = fraction;
        int width = digits;
        while (frac % 10 == 0) {
            frac /= 10;
            width--;
        }
        for (int d = String.valueOf(frac).length(); d < width; d++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static String uuid(SplittableRandom rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static String hex(long bits, int digits) {
        String s = Long.toHexString(bits);
        return s.length() >= digits ? s.substring(s.length() - digits) : "0".repeat(digits - s.length()) + s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // profile_export_aiperf.json

    static void writeSummary(SyntheticCell cell, OutputStream out) throws IOException {
        CellSpec spec = cell.spec();
        CellTruth truth = cell.truth();
        List<RequestTruth> ok = truth.successfulRequests();
        List<RequestTruth> failed = new ArrayList<>();
        for (RequestTruth r : truth.requests()) {
            if (!r.succeeded()) {
                failed.add(r);
            }
        }
        SplittableRandom ids = new SplittableRandom(cell.cosmeticSeed() ^ 0x9E3779B97F4A7C15L);
        String benchmarkId = hex(ids.nextLong(), 12);
        String start = isoLocal(truth.profilingStartEpochNanos(), spec.zone());
        String end = isoLocal(truth.profilingEndEpochNanos(), spec.zone());

        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator("")));
            g.writeStartObject();
            g.writeStringField("schema_version", "1.3");
            g.writeStringField("aiperf_version", "0.11.0");
            g.writeStringField("benchmark_id", benchmarkId);
            if (!ok.isEmpty()) {
                writeRecordMetrics(g, cell, ok);
            }
            if (!failed.isEmpty()) {
                scalar(g, "error_request_count", "requests", failed.size());
                double[] errIsl = new double[failed.size()];
                java.util.Arrays.fill(errIsl, spec.targetInputTokens());
                distribution(g, "error_isl", "tokens", errIsl);
                scalar(g, "total_error_isl", "tokens", (double) spec.targetInputTokens() * failed.size());
            }
            writeTelemetry(g, start, end);
            writeInputConfig(g, spec);
            g.writeObjectFieldStart("run_info");
            g.writeStringField("benchmark_id", benchmarkId);
            g.writeNumberField("random_seed", 42);
            g.writeNumberField("trial", 0);
            g.writeStringField("cli_command", cliCommand(spec));
            g.writeEndObject();
            g.writeBooleanField("was_cancelled", false);
            g.writeArrayFieldStart("error_summary");
            if (!failed.isEmpty()) {
                g.writeStartObject();
                g.writeObjectFieldStart("error_details");
                g.writeNumberField("code", 500);
                g.writeStringField("type", ERROR_TYPE);
                g.writeStringField("message", ERROR_MESSAGE);
                g.writeEndObject();
                g.writeNumberField("count", failed.size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("start_time", start);
            g.writeStringField("end_time", end);
            if (!ok.isEmpty()) {
                writeExtraMetrics(g, ok);
            }
            g.writeEndObject();
        }
    }

    private static void writeRecordMetrics(JsonGenerator g, SyntheticCell cell, List<RequestTruth> ok)
            throws IOException {
        int n = ok.size();
        double[] rl = new double[n];
        double[] ttft = new double[n];
        double[] ttst = new double[n];
        double[] itl = new double[n];
        double[] otpu = new double[n];
        double[] osl = new double[n];
        double[] isl = new double[n];
        long chunkCount = 0;
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        long totalOsl = 0;
        long totalIsl = 0;
        for (int k = 0; k < n; k++) {
            RequestTruth r = ok.get(k);
            long ttftNs = r.firstTokenEpochNanos() - r.startEpochNanos();
            long rlNs = r.endEpochNanos() - r.startEpochNanos();
            rl[k] = rlNs / 1e6;
            ttft[k] = ttftNs / 1e6;
            ttst[k] = cell.chunkNanos()[r.index()][0] / 1e6;
            itl[k] = (rlNs - ttftNs) / 1e6 / (r.outputTokens() - 1);
            otpu[k] = 1000.0 / itl[k];
            osl[k] = r.outputTokens();
            isl[k] = r.inputTokens();
            chunkCount += r.outputTokens() - 1;
            minStart = Math.min(minStart, r.startEpochNanos());
            maxEnd = Math.max(maxEnd, r.endEpochNanos());
            totalOsl += r.outputTokens();
            totalIsl += r.inputTokens();
        }
        double[] icl = new double[(int) chunkCount];
        int at = 0;
        for (RequestTruth r : ok) {
            for (long gap : cell.chunkNanos()[r.index()]) {
                icl[at++] = gap / 1e6;
            }
        }
        double durationSeconds = (maxEnd - minStart) / 1e9;
        scalar(g, "request_throughput", "requests/sec", n / durationSeconds);
        distribution(g, "request_latency", "ms", rl);
        scalar(g, "request_count", "requests", n);
        distribution(g, "time_to_first_token", "ms", ttft);
        distribution(g, "time_to_second_token", "ms", ttst);
        distribution(g, "inter_token_latency", "ms", itl);
        scalar(g, "output_token_throughput", "tokens/sec", totalOsl / durationSeconds);
        distribution(g, "output_token_throughput_per_user", "tokens/sec/user", otpu);
        distribution(g, "output_sequence_length", "tokens", osl);
        distribution(g, "input_sequence_length", "tokens", isl);
        distribution(g, "output_token_count", "tokens", osl);
        distribution(g, "inter_chunk_latency", "ms", icl);
        scalar(g, "total_output_tokens", "tokens", totalOsl);
        scalar(g, "benchmark_duration", "sec", durationSeconds);
        scalar(g, "total_isl", "tokens", totalIsl);
        scalar(g, "total_osl", "tokens", totalOsl);
    }

    private static void writeExtraMetrics(JsonGenerator g, List<RequestTruth> ok) throws IOException {
        int n = ok.size();
        double[] ttfo = new double[n];
        double[] e2e = new double[n];
        double[] prefill = new double[n];
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        long tokens = 0;
        for (int k = 0; k < n; k++) {
            RequestTruth r = ok.get(k);
            long ttftNs = r.firstTokenEpochNanos() - r.startEpochNanos();
            long rlNs = r.endEpochNanos() - r.startEpochNanos();
            ttfo[k] = ttftNs / 1e6;
            e2e[k] = r.outputTokens() / (rlNs / 1e9);
            prefill[k] = r.inputTokens() / (ttftNs / 1e9);
            minStart = Math.min(minStart, r.startEpochNanos());
            maxEnd = Math.max(maxEnd, r.endEpochNanos());
            tokens += r.inputTokens() + r.outputTokens();
        }
        distribution(g, "time_to_first_output_token", "ms", ttfo);
        distribution(g, "e2e_output_token_throughput", "tokens/sec/user", e2e);
        distribution(g, "prefill_throughput_per_user", "tokens/sec/user", prefill);
        scalar(g, "total_token_throughput", "tokens/sec", tokens / ((maxEnd - minStart) / 1e9));
    }

    private static void writeTelemetry(JsonGenerator g, String start, String end) throws IOException {
        g.writeObjectFieldStart("telemetry_data");
        g.writeObjectFieldStart("summary");
        g.writeArrayFieldStart("endpoints_configured");
        g.writeString("http://localhost:9400/metrics");
        g.writeString("http://localhost:9401/metrics");
        g.writeEndArray();
        g.writeArrayFieldStart("endpoints_successful");
        g.writeEndArray();
        g.writeStringField("start_time", start);
        g.writeStringField("end_time", end);
        g.writeEndObject();
        g.writeObjectFieldStart("endpoints");
        g.writeEndObject();
        g.writeArrayFieldStart("error_summary");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeInputConfig(JsonGenerator g, CellSpec spec) throws IOException {
        g.writeObjectFieldStart("input_config");
        g.writeObjectFieldStart("models");
        g.writeArrayFieldStart("items");
        g.writeStartObject();
        g.writeStringField("name", spec.model());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("endpoint");
        g.writeArrayFieldStart("urls");
        g.writeString("http://localhost:8080");
        g.writeEndArray();
        g.writeStringField("type", "chat");
        g.writeBooleanField("streaming", true);
        g.writeEndObject();
        g.writeArrayFieldStart("datasets");
        g.writeStartObject();
        g.writeStringField("name", "main");
        g.writeStringField("type", "synthetic");
        g.writeNumberField("entries", spec.requests());
        g.writeNumberField("random_seed", 42);
        g.writeObjectFieldStart("prompts");
        g.writeObjectFieldStart("isl");
        g.writeNumberField("mean", spec.targetInputTokens());
        g.writeNumberField("stddev", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("osl");
        g.writeNumberField("mean", spec.targetOutputTokens());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("phases");
        g.writeStartObject();
        g.writeStringField("name", "profiling");
        g.writeStringField("type", "concurrency");
        g.writeNumberField("requests", spec.requests());
        g.writeNumberField("concurrency", 1);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("artifacts");
        g.writeStringField("dir", artifactDir(spec));
        g.writeNumberField("slice_duration", 30.0);
        g.writeEndObject();
        g.writeObjectFieldStart("tokenizer");
        g.writeStringField("name", spec.tokenizer());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String artifactDir(CellSpec spec) {
        return "artifacts/" + spec.mode().label() + "/" + spec.model() + "/gen" + spec.targetOutputTokens() + "/ctx"
                + spec.targetInputTokens();
    }

    /** The seed driver's exact aiperf command line (docs/reference/seed-methodology.md §1.3) for this cell. */
    static String cliCommand(CellSpec spec) {
        return "aiperf profile --model " + spec.model() + " --streaming --endpoint-type chat"
                + " --url http://localhost:8080 --tokenizer " + spec.tokenizer()
                + " --synthetic-input-tokens-mean " + spec.targetInputTokens()
                + " --synthetic-input-tokens-stddev 0 --output-tokens-mean " + spec.targetOutputTokens()
                + " --request-count " + spec.requests() + " --concurrency 1 --slice-duration 30"
                + " --random-seed 42 --request-timeout-seconds 180 --artifact-dir " + artifactDir(spec);
    }

    private static void scalar(JsonGenerator g, String name, String unit, double value) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("unit", unit);
        g.writeNumberField("avg", value);
        g.writeEndObject();
    }

    private static void distribution(JsonGenerator g, String name, String unit, double[] values) throws IOException {
        Distribution d = new Distribution(values);
        g.writeObjectFieldStart(name);
        g.writeStringField("unit", unit);
        g.writeNumberField("avg", d.mean());
        for (int k = 0; k < Distribution.PERCENTS.length; k++) {
            g.writeNumberField(Distribution.PERCENT_KEYS[k], d.percentile(Distribution.PERCENTS[k]));
        }
        g.writeNumberField("min", d.min());
        g.writeNumberField("max", d.max());
        g.writeNumberField("std", d.std());
        g.writeNumberField("count", d.count());
        g.writeNumberField("sum", d.sum());
        g.writeEndObject();
    }

    /**
     * Python's {@code datetime.fromtimestamp(ns / 1e9).isoformat()} in a zone: microseconds (rounded to nearest),
     * omitted when zero, no offset.
     */
    static String isoLocal(long epochNanos, ZoneId zone) {
        long micros = Math.floorDiv(epochNanos + 500, 1000);
        Instant instant =
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
        StringBuilder sb = new StringBuilder(26);
        sb.append(t.getYear()).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int us = t.getNano() / 1000;
        if (us != 0) {
            sb.append('.');
            pad(sb, us, 6);
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
