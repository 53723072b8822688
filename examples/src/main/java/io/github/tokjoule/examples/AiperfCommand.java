package io.github.tokjoule.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.tokjoule.aiperf.AiperfFormatException;
import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.ErrorCount;
import io.github.tokjoule.aiperf.ErrorDetails;
import io.github.tokjoule.aiperf.InputConfig;
import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.MetricUnit;
import io.github.tokjoule.aiperf.ReadIssue;
import io.github.tokjoule.aiperf.Stat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule aiperf FILE [--zone Z] [--format json|csv]}: prints the normalised summary of any aiperf export,
 * with every metric in its canonical unit (milliseconds for latencies): the summary JSON
 * ({@code profile_export_aiperf.json}, any layout, or genai-perf's), the CSV export ({@code profile_export_aiperf.csv},
 * metrics under their display names), or the per-request records ({@code profile_export.jsonl}, summarised as aiperf
 * summarises them); each plain or gzip-compressed. The other exports (GPU telemetry, server metrics, raw records,
 * time slices, inputs) are refused by name with what to give instead.
 *
 * <p>JSON form: {@code {"export", "aiperf_version", "schema_version", "start_time", "end_time", "error_count",
 * "error_summary": [{code, type, message, cause, count}], "input_config": {model, concurrency, request_count,
 * isl_mean, osl_mean}, "records": {lines, records, successful, failed, ...}, "metrics": {name: {unit, avg, min, max,
 * std, p1 ... p99, count, sum}}}}; what the file does not say is null (versions before aiperf 0.4), and
 * {@code input_config}, {@code records} appear only where they apply. A summary's naive {@code start_time} /
 * {@code end_time} without {@code --zone} is not an instant: {@code start_time} / {@code end_time} are null, and
 * {@code start_time_unresolved} / {@code end_time_unresolved} carry the text as written, with {@code time_zone} saying
 * why.
 * CSV form: one row per metric, {@code metric,unit,avg,...,sum}. Everything the reader skipped or assumed is printed
 * to standard error. A gzip file cut short prints what its complete lines hold and fails (exit code 1) unless
 * {@code --allow-partial}.
 */
@Command(
        name = "aiperf",
        mixinStandardHelpOptions = true,
        description = {
            "Print the normalised summary of an aiperf export: profile_export_aiperf.json (any version, or"
                    + " genai-perf's profile_export_genai_perf.json), profile_export_aiperf.csv, or the per-request"
                    + " records profile_export.jsonl (summarised as aiperf does); plain or .gz.",
            "Prints aiperf_version, schema_version and the error summary where the file has them; warnings (skipped"
                    + " lines, naive times, units) go to standard error."
        })
final class AiperfCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        json,
        csv
    }

    /** Exports tokjoule aiperf does not summarise, by a part of their file names, with what to give instead. */
    private static final List<Map.Entry<String, String>> OTHER_EXPORTS = List.of(
            Map.entry(
                    "gpu_telemetry",
                    "aiperf's GPU telemetry time series, not a benchmark summary; its summary is telemetry_data in"
                            + " profile_export_aiperf.json"),
            Map.entry(
                    "server_metrics",
                    "aiperf's scrape of the inference server's own metrics; give profile_export_aiperf.json"),
            Map.entry(
                    "_raw",
                    "aiperf's raw request and response payloads (--export-level raw); give profile_export.jsonl or"
                            + " profile_export_aiperf.json"),
            Map.entry(
                    "timeslices",
                    "aiperf's per-time-slice statistics (--slice-duration); give the whole-run"
                            + " profile_export_aiperf.json"),
            Map.entry("inputs", "the prompts aiperf sent, not results; give profile_export_aiperf.json"));

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The export: profile_export_aiperf.json, profile_export_aiperf.csv or profile_export.jsonl"
                    + " (or any of them .gz).")
    @SuppressWarnings("NullAway.Init") // set by picocli
    Path file;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "IANA zone of the benchmark host's clock (e.g. Asia/Kolkata): resolves the summary's naive"
                    + " start/end times. Without it they are printed as null. Records need none: their times are"
                    + " epoch nanoseconds.")
    @Nullable
    ZoneId zone;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or csv.")
    Format format = Format.json;

    @Option(
            names = "--allow-partial",
            description = "Exit 0 when a gzip file is cut short (its complete lines are printed either way).")
    boolean allowPartial;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inputs.requireFile(spec, "FILE", file);
        String name = String.valueOf(file.getFileName());
        String plain = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        // A copy renamed with hyphens (gpu-telemetry-export.jsonl) is still the same export.
        String key = plain.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Map.Entry<String, String> other : OTHER_EXPORTS) {
            if (key.contains(other.getKey())) {
                err.println("tokjoule aiperf: " + file + " is " + other.getValue());
                return TokJoule.FAILED;
            }
        }
        List<String> notes = new ArrayList<>();
        AiperfExport export;
        GzipInput in;
        try {
            in = GzipInput.open(file);
        } catch (IOException e) {
            err.println("tokjoule aiperf: cannot read " + file + ": " + TokJoule.describe(e));
            return TokJoule.FAILED;
        }
        try (in) {
            export = read(in, plain, notes);
        } catch (IOException | AiperfFormatException | UncheckedIOException e) {
            // A cut copy of a real export fails for its cut, not for being some other file.
            err.println("tokjoule aiperf: " + TokJoule.describe(e)
                    + (in.truncation().isPresent() ? "" : " " + READS));
            in.truncation().ifPresent(t -> err.println("tokjoule aiperf: " + file + ": " + t));
            return TokJoule.FAILED;
        }
        Optional<String> truncation = in.truncation();
        for (String note : notes) {
            err.println("tokjoule aiperf: warning: " + note);
        }
        if (export.metrics().isEmpty() && export.errorSummary().isEmpty()) {
            err.println("tokjoule aiperf: " + file + ": no metric and no error summary: "
                    + (telemetry(file)
                            ? "it is " + OTHER_EXPORTS.get(0).getValue()
                            : "is it an aiperf export? " + READS));
            return TokJoule.FAILED;
        }
        try {
            if (format == Format.csv) {
                csv(export, out);
            } else {
                json(export, out);
            }
        } catch (IOException e) {
            err.println("tokjoule aiperf: cannot write the output: " + e.getMessage());
            return TokJoule.FAILED;
        }
        out.flush();
        if (truncation.isPresent()) {
            err.println("tokjoule aiperf: " + (allowPartial ? "warning: " : "") + file + ": " + truncation.get()
                    + (allowPartial ? "" : "; --allow-partial accepts what was read"));
            return allowPartial ? TokJoule.OK : TokJoule.FAILED;
        }
        return TokJoule.OK;
    }

    /** What to give instead of a file that is not one of the exports read here. */
    private static final String READS = "(tokjoule aiperf reads profile_export_aiperf.json, profile_export_aiperf.csv"
            + " and profile_export.jsonl, each also .gz)";

    /**
     * Whether the file's first line is a record of aiperf's GPU telemetry export (a {@code telemetry_data} object per
     * GPU sample), for a copy whose name no longer says so.
     */
    private static boolean telemetry(Path file) {
        try (GzipInput in = GzipInput.open(file)) {
            String head = new String(in.readNBytes(1 << 16), java.nio.charset.StandardCharsets.UTF_8);
            String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return first.contains("\"telemetry_data\"") && first.contains("\"gpu_uuid\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the export its (uncompressed) file name says. */
    private AiperfExport read(GzipInput in, String plain, List<String> notes) throws IOException {
        String lower = plain.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl")) {
            return AiperfRecordsSummary.read(in, plain, notes);
        }
        if (lower.endsWith(".csv")) {
            return AiperfCsvExport.read(in, plain, notes);
        }
        AiperfProfile profile = zone == null ? AiperfProfile.read(in, plain) : AiperfProfile.read(in, plain, zone);
        for (ReadIssue issue : profile.report().issues()) {
            notes.add(profile.source() + ": " + issue);
        }
        return AiperfExport.of(profile);
    }

    private static String unit(MetricStats m) {
        return m.unit() == MetricUnit.OTHER ? m.sourceUnit() : m.unit().symbol();
    }

    // --- JSON ---------------------------------------------------------------------------------------------

    static void json(AiperfExport p, PrintWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("export", p.kind());
        text(g, "aiperf_version", p.aiperfVersion());
        text(g, "schema_version", p.schemaVersion());
        instant(g, "start_time", p.startTime());
        instant(g, "end_time", p.endTime());
        if (p.unresolvedStartTime().isPresent() || p.unresolvedEndTime().isPresent()) {
            // A naive time is not an instant: printed as written, named so, never guessed into one.
            optionalText(g, "start_time_unresolved", p.unresolvedStartTime());
            optionalText(g, "end_time_unresolved", p.unresolvedEndTime());
            g.writeStringField(
                    "time_zone",
                    "none given: start_time and end_time are naive local times of the benchmark host; give --zone"
                            + " to resolve them");
        }
        number(g, "error_count", p.errorCount());
        g.writeArrayFieldStart("error_summary");
        for (ErrorCount e : p.errorSummary()) {
            ErrorDetails d = e.details();
            g.writeStartObject();
            if (d.code().isPresent()) {
                g.writeNumberField("code", d.code().getAsInt());
            }
            optionalText(g, "type", d.type());
            optionalText(g, "message", d.message());
            optionalText(g, "cause", d.cause());
            g.writeNumberField("count", e.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (p.inputConfig().isPresent()) {
            g.writeObjectFieldStart("input_config");
            InputConfig c = p.inputConfig().get();
            optionalText(g, "model", c.model());
            optional(g, "concurrency", c.concurrency());
            optional(g, "request_count", c.requestCount());
            optional(g, "isl_mean", c.inputSequenceLengthMeanTokens());
            optional(g, "osl_mean", c.outputSequenceLengthMeanTokens());
            g.writeEndObject();
        }
        if (!p.records().isEmpty()) {
            g.writeObjectFieldStart("records");
            for (Map.Entry<String, Long> r : p.records().entrySet()) {
                g.writeNumberField(r.getKey(), r.getValue());
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("metrics");
        for (MetricStats m : p.metrics().values()) {
            g.writeObjectFieldStart(m.name());
            g.writeStringField("unit", unit(m));
            for (Stat s : m.stats()) {
                g.writeFieldName(s.key());
                if (s == Stat.COUNT) {
                    g.writeNumber(m.count().getAsLong());
                } else {
                    g.writeNumber(m.get(s));
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        out.println();
    }

    private static void text(JsonGenerator g, String name, Optional<String> t) throws IOException {
        if (t.isPresent()) {
            g.writeStringField(name, t.get());
        } else {
            g.writeNullField(name);
        }
    }

    private static void optionalText(JsonGenerator g, String name, Optional<String> t) throws IOException {
        if (t.isPresent()) {
            g.writeStringField(name, t.get());
        }
    }

    private static void instant(JsonGenerator g, String name, Optional<Instant> t) throws IOException {
        if (t.isPresent()) {
            g.writeStringField(name, t.get().toString());
        } else {
            g.writeNullField(name);
        }
    }

    private static void number(JsonGenerator g, String name, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsLong());
        } else {
            g.writeNullField(name);
        }
    }

    private static void optional(JsonGenerator g, String name, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsLong());
        }
    }

    /** Writes the field only when the value is present (not NaN). */
    private static void optional(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isNaN(v)) {
            g.writeNumberField(name, v);
        }
    }

    // --- CSV ----------------------------------------------------------------------------------------------

    static void csv(AiperfExport p, PrintWriter out) {
        StringBuilder header = new StringBuilder("metric,unit");
        for (Stat s : Stat.values()) {
            header.append(',').append(s.key());
        }
        out.print(header.append("\r\n"));
        for (MetricStats m : p.metrics().values()) {
            StringBuilder row = new StringBuilder(field(m.name())).append(',').append(field(unit(m)));
            for (Stat s : Stat.values()) {
                row.append(',');
                if (m.has(s)) {
                    row.append(s == Stat.COUNT ? Long.toString(m.count().getAsLong()) : Double.toString(m.get(s)));
                }
            }
            out.print(row.append("\r\n"));
        }
    }

    /** RFC 4180: quote a field holding a comma, a quote or a line break. */
    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
