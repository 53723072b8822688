package io.github.tokjoule.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.tokjoule.aiperf.AiperfFormatException;
import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.InputConfig;
import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.MetricUnit;
import io.github.tokjoule.aiperf.ReadIssue;
import io.github.tokjoule.aiperf.Stat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule aiperf FILE [--zone Z] [--format json|csv]}: prints the normalised summary of an aiperf or genai-perf
 * summary JSON (any layout), with every metric in its canonical unit (milliseconds for latencies).
 *
 * <p>JSON form: {@code {"start_time", "end_time", "error_count", "input_config": {model, concurrency, request_count,
 * isl_mean, osl_mean}, "metrics": {name: {unit, avg, min, max, std, p1 ... p99, count, sum}}}}; times are ISO-8601
 * instants or null (a naive time without {@code --zone}), {@code error_count} the total of the error summary (null if
 * the file has none), and only the known configuration values and the statistics the file has are written. CSV form:
 * one row per metric, {@code metric,unit,avg,...,sum}. Everything the reader skipped or assumed is printed to standard
 * error as a warning. Exit codes: 0 success, 1 unreadable file, 2 usage error.
 */
@Command(
        name = "aiperf",
        mixinStandardHelpOptions = true,
        description = "Print the normalised summary of an aiperf export (profile_export_aiperf.json, any version, or"
                + " genai-perf's profile_export_genai_perf.json).")
final class AiperfCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        json,
        csv
    }

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The summary JSON file.")
    @SuppressWarnings("NullAway.Init") // set by picocli
    Path file;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "IANA zone of the benchmark host's clock (e.g. Asia/Kolkata): resolves aiperf's naive"
                    + " start/end times. Without it they are printed as null.")
    @Nullable
    ZoneId zone;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or csv.")
    Format format = Format.json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ZoneId zoneId = zone;
        Inputs.requireFile(spec, "FILE", file);
        if (String.valueOf(file.getFileName()).endsWith(".jsonl")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), file + " is a JSON Lines file; give the summary (profile_export_aiperf.json)");
        }
        AiperfProfile profile;
        try {
            profile = zoneId == null ? AiperfProfile.read(file) : AiperfProfile.read(file, zoneId);
        } catch (NoSuchFileException e) {
            err.println("tokjoule aiperf: no such file: " + file);
            return 1;
        } catch (IOException | AiperfFormatException e) {
            err.println("tokjoule aiperf: " + e.getMessage());
            return 1;
        }
        for (ReadIssue issue : profile.report().issues()) {
            err.println("tokjoule aiperf: warning: " + profile.source() + ": " + issue);
        }
        try {
            if (format == Format.csv) {
                csv(profile, out);
            } else {
                json(profile, out);
            }
        } catch (IOException e) {
            err.println("tokjoule aiperf: cannot write the output: " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }

    private static String unit(MetricStats m) {
        return m.unit() == MetricUnit.OTHER ? m.sourceUnit() : m.unit().symbol();
    }

    // --- JSON ---------------------------------------------------------------------------------------------

    static void json(AiperfProfile p, PrintWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        instant(g, "start_time", p.startTime());
        instant(g, "end_time", p.endTime());
        number(g, "error_count", p.errorCount());
        g.writeObjectFieldStart("input_config");
        InputConfig c = p.inputConfig();
        if (c.model().isPresent()) {
            g.writeStringField("model", c.model().get());
        }
        optional(g, "concurrency", c.concurrency());
        optional(g, "request_count", c.requestCount());
        optional(g, "isl_mean", c.inputSequenceLengthMeanTokens());
        optional(g, "osl_mean", c.outputSequenceLengthMeanTokens());
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (MetricStats m : p.metrics().values()) {
            g.writeObjectFieldStart(m.name());
            g.writeStringField("unit", unit(m));
            for (Stat s : m.stats()) {
                g.writeFieldName(s.key());
                if (s == Stat.COUNT) {
                    g.writeNumber(m.count().getAsLong());
                } else {
                    g.writeNumber(m.get(s).getAsDouble());
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        out.println();
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

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsDouble());
        }
    }

    // --- CSV ----------------------------------------------------------------------------------------------

    static void csv(AiperfProfile p, PrintWriter out) {
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
                    row.append(
                            s == Stat.COUNT
                                    ? Long.toString(m.count().getAsLong())
                                    : Double.toString(m.get(s).getAsDouble()));
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
