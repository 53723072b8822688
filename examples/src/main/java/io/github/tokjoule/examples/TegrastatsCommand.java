package io.github.tokjoule.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.tokjoule.tegrastats.EngineReading;
import io.github.tokjoule.tegrastats.MemoryUsage;
import io.github.tokjoule.tegrastats.ReaderOptions;
import io.github.tokjoule.tegrastats.TegrastatsFormatException;
import io.github.tokjoule.tegrastats.TegrastatsLog;
import io.github.tokjoule.tegrastats.TegrastatsReader;
import io.github.tokjoule.tegrastats.TegrastatsSample;
import io.github.tokjoule.tegrastats.time.RestartReason;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokjoule tegrastats LOG [--zone Z] [--interval-ms N] [--format jsonl|csv]}: one record per sample.
 *
 * <p>JSON Lines fields: {@code line}, {@code time} (ISO-8601 instant or null), {@code ram_used_mb},
 * {@code ram_total_mb}, {@code swap_used_mb}, {@code swap_total_mb}, {@code cpu} (per core
 * {@code {"load_pct":..,"freq_mhz":..}}, or null for an {@code off} core), {@code emc_load_pct}, {@code emc_freq_mhz},
 * {@code gr3d_load_pct}, {@code gr3d_freq_mhz} (array, one per GPC), {@code temps} (name → °C),
 * {@code rails} (name → {@code {"mw":..,"avg_mw":..,"max_mw":..}}); missing values are null. A name printed twice
 * in one line ({@code NC}) gets {@code #2} on its second occurrence. CSV: one column per field seen in the file.
 * The report (lines, samples, malformed and skipped lines, time fit, board) goes to standard error.
 *
 * <p>Times: printed timestamps are resolved with {@code --zone} (never the machine's zone) and refined below the
 * second by the period-and-phase fit, using {@code --interval-ms} as the nominal interval when given; logs without
 * timestamps get times only from {@code --start} and {@code --interval-ms} (then used as the real period).
 */
@Command(
        name = "tegrastats",
        mixinStandardHelpOptions = true,
        description = "Convert a tegrastats log to JSON Lines or CSV (one record per sample).")
public final class TegrastatsCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        jsonl,
        csv
    }

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "The tegrastats log, plain or gzip-compressed.")
    @SuppressWarnings("NullAway.Init")
    Path log;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "IANA zone of the device's clock (e.g. Asia/Kolkata), to turn printed timestamps into "
                    + "instants.")
    @Nullable
    ZoneId zone;

    @Option(
            names = "--interval-ms",
            paramLabel = "N",
            description = "The tegrastats --interval in ms (nominal period of the fit); with --start, the period of "
                    + "a log without timestamps.")
    @Nullable
    Long intervalMs;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "For a log without timestamps: the instant of the first sample (ISO-8601, e.g. "
                    + "2021-01-26T18:22:31Z).")
    @Nullable
    String start;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl (default) or csv.")
    Format format = Format.jsonl;

    @Option(
            names = "--strict",
            description = "Stop at the first malformed line (exit code 1). Without it malformed lines are skipped,"
                    + " counted and listed on standard error; a file with no sample at all, or a gzip file cut"
                    + " short, fails either way (exit code 1; a cut file's complete lines are still printed).")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (intervalMs != null && intervalMs <= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--interval-ms must be positive: " + intervalMs);
        }
        ZoneId zoneId = zone;
        Instant startInstant = parseStart();
        ReaderOptions options = strict ? ReaderOptions.strictMode() : ReaderOptions.lenient();
        Inputs.requireFile(spec, "LOG", log);
        try {
            // pass 1: times, and the fields seen (for the CSV header)
            Inventory inventory = new Inventory();
            TegrastatsLog.Builder builder = TegrastatsLog.builder();
            TegrastatsLog whole;
            Optional<String> truncation;
            try (GzipInput in = GzipInput.open(log);
                    TegrastatsReader reader = TegrastatsReader.of(in, log.toString(), options)) {
                reader.forEachRemaining(s -> {
                    builder.add(s);
                    inventory.add(s);
                });
                whole = builder.build(reader.report());
                truncation = in.truncation();
            }
            if (whole.size() == 0) {
                err.println(whole.report().summary());
                err.println("tokjoule tegrastats: " + log + ": no tegrastats sample in "
                        + whole.report().linesRead() + " lines"
                        + truncation.map(t -> " (" + t + ")").orElse("")
                        + ": is it a tegrastats log? A sample line looks like 'RAM 2801/7620MB ... VDD_IN 5140mW/5140mW'"
                        + " (see docs/TEGRASTATS.md)");
                return TokJoule.FAILED;
            }
            Optional<SampleTimes> times = times(whole, zoneId, startInstant, err);
            // pass 2: the records
            try (GzipInput in = GzipInput.open(log);
                    TegrastatsReader reader = TegrastatsReader.of(in, log.toString(), options)) {
                if (format == Format.csv) {
                    writeCsv(reader, times.orElse(null), inventory, out);
                } else {
                    writeJsonLines(reader, times.orElse(null), out);
                }
            }
            out.flush();
            err.println(whole.report().summary());
            times.ifPresent(t -> err.println(describe(t)));
            whole.detectProfile()
                    .ifPresent(p -> err.println(
                            "board: " + p.label() + " (total " + p.total() + ", compute " + p.compute() + ")"));
            if (truncation.isPresent()) {
                err.println("tokjoule tegrastats: " + log + ": " + truncation.get());
                return TokJoule.FAILED;
            }
            return TokJoule.OK;
        } catch (TegrastatsFormatException e) {
            err.println("tokjoule tegrastats: " + e.getMessage());
            return TokJoule.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("tokjoule tegrastats: cannot read " + log + ": " + TokJoule.describe(e));
            return TokJoule.FAILED;
        }
    }

    private @Nullable Instant parseStart() {
        if (start == null) {
            return null;
        }
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--start: not an ISO-8601 instant: '" + start + "'");
        }
    }

    private Optional<SampleTimes> times(
            TegrastatsLog whole, @Nullable ZoneId zoneId, @Nullable Instant startInstant, PrintWriter err) {
        if (whole.hasPrintedTimes()) {
            if (startInstant != null) {
                err.println("note: --start is ignored: the log has timestamps");
            }
            if (zoneId == null) {
                err.println("note: the log has timestamps but no --zone was given: times are null");
                return Optional.empty();
            }
            TimingOptions options =
                    intervalMs == null ? TimingOptions.estimated() : TimingOptions.nominalIntervalMillis(intervalMs);
            return Optional.of(whole.times(zoneId, options));
        }
        if (startInstant == null || intervalMs == null) {
            if (whole.size() > 0) {
                err.println("note: the log has no timestamps: give --start and --interval-ms for times");
            }
            return Optional.empty();
        }
        return Optional.of(whole.times(startInstant, Duration.ofMillis(intervalMs)));
    }

    private static String describe(SampleTimes t) {
        if (t.method() == SampleTimes.Method.PERIODIC) {
            return String.format(Locale.ROOT, "times: from --start, period %.1f ms", t.referencePeriodSeconds() * 1000);
        }
        return String.format(
                Locale.ROOT,
                "times: fitted to the printed stamps in %s: mean period %s, %d segments (restarts: %d backward,"
                        + " %d gap, %d inconsistent), largest uncertainty %.1f ms%s",
                t.zone().map(ZoneId::getId).orElse("?"),
                Double.isNaN(t.estimatedPeriodSeconds())
                        ? "unknown"
                        : String.format(Locale.ROOT, "%.1f ms", t.estimatedPeriodSeconds() * 1000),
                t.segments().size(),
                t.restarts(RestartReason.STAMP_BACKWARD),
                t.restarts(RestartReason.STAMP_GAP),
                t.restarts(RestartReason.INCONSISTENT),
                t.maxUncertaintyNanos().orElse(0) / 1e6,
                t.nonexistentLocalTimes() > 0
                        ? "; " + t.nonexistentLocalTimes() + " stamps do not exist in this zone (wrong --zone?)"
                        : "");
    }

    // ------------------------------------------------------------------ JSON Lines

    private static void writeJsonLines(TegrastatsReader reader, @Nullable SampleTimes times, PrintWriter out)
            throws IOException {
        // no separator of Jackson's own between root values: each record ends with the line break written below
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setRootValueSeparator(null);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            int index = 0;
            while (reader.hasNext()) {
                TegrastatsSample s = reader.next();
                g.writeStartObject();
                g.writeNumberField("line", s.lineNumber());
                if (times == null) {
                    g.writeNullField("time");
                } else {
                    g.writeStringField("time", times.instant(index).toString());
                }
                memory(g, "ram", s.ram());
                memory(g, "swap", s.swap());
                g.writeFieldName("cpu");
                if (s.cpuCoreCount() == 0) {
                    g.writeNull();
                } else {
                    g.writeStartArray();
                    for (int c = 0; c < s.cpuCoreCount(); c++) {
                        if (!s.cpuCoreOnline(c)) {
                            g.writeNull();
                            continue;
                        }
                        g.writeStartObject();
                        g.writeFieldName("load_pct");
                        number(g, s.cpuLoadPercent(c));
                        g.writeFieldName("freq_mhz");
                        number(g, s.cpuFrequencyMhz(c));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                Optional<EngineReading> emc = s.emc();
                g.writeFieldName("emc_load_pct");
                number(g, emc.map(EngineReading::loadPercent).orElse(OptionalInt.empty()));
                g.writeFieldName("emc_freq_mhz");
                number(g, emc.map(EngineReading::frequencyMhz).orElse(OptionalInt.empty()));
                Optional<EngineReading> gpu = s.gpu();
                g.writeFieldName("gr3d_load_pct");
                number(g, gpu.map(EngineReading::loadPercent).orElse(OptionalInt.empty()));
                g.writeFieldName("gr3d_freq_mhz");
                if (gpu.isEmpty() || gpu.get().frequencyCount() == 0) {
                    g.writeNull();
                } else {
                    g.writeStartArray();
                    for (int k = 0; k < gpu.get().frequencyCount(); k++) {
                        number(g, gpu.get().frequencyMhz(k));
                    }
                    g.writeEndArray();
                }
                g.writeObjectFieldStart("temps");
                Map<String, Integer> seen = new HashMap<>();
                for (int t = 0; t < s.temperatureCount(); t++) {
                    g.writeFieldName(key(seen, s.temperatureSensor(t)));
                    number(g, s.temperatureCelsius(t));
                }
                g.writeEndObject();
                g.writeObjectFieldStart("rails");
                seen.clear();
                for (int r = 0; r < s.railCount(); r++) {
                    g.writeObjectFieldStart(key(seen, s.railName(r)));
                    g.writeFieldName("mw");
                    number(g, s.railMilliwatts(r));
                    g.writeFieldName("avg_mw");
                    number(g, s.railAverageMilliwatts(r));
                    g.writeFieldName("max_mw");
                    number(g, s.railMaxMilliwatts(r));
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
                index++;
            }
        }
    }

    private static void memory(JsonGenerator g, String name, Optional<MemoryUsage> m) throws IOException {
        g.writeFieldName(name + "_used_mb");
        number(g, m.isPresent() ? m.get().usedMegabytes() : Double.NaN);
        g.writeFieldName(name + "_total_mb");
        number(g, m.isPresent() ? m.get().totalMegabytes() : Double.NaN);
    }

    private static void number(JsonGenerator g, OptionalInt v) throws IOException {
        if (v.isPresent()) {
            g.writeNumber(v.getAsInt());
        } else {
            g.writeNull();
        }
    }

    /**
     * Integral values as integers ({@code 2801}, not {@code 2801.0}); others as the shortest decimal; an absent value
     * (NaN) as {@code null}.
     */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    /** The name, or {@code name#k} for its k-th occurrence in one line. */
    private static String key(Map<String, Integer> seen, String name) {
        int k = seen.merge(name, 1, Integer::sum);
        return k == 1 ? name : name + "#" + k;
    }

    // ------------------------------------------------------------------ CSV

    /** The fields seen in the file, in order of first appearance. */
    static final class Inventory {
        boolean ram;
        boolean swap;
        int cores;
        boolean emcLoad;
        boolean emcFreq;
        boolean gpuLoad;
        int gpuFreqs;
        final Set<String> temps = new LinkedHashSet<>();
        final Map<String, Boolean> rails = new LinkedHashMap<>(); // name → a max value was printed

        void add(TegrastatsSample s) {
            ram |= s.ram().isPresent();
            swap |= s.swap().isPresent();
            cores = Math.max(cores, s.cpuCoreCount());
            s.emc().ifPresent(e -> {
                emcLoad |= e.loadPercent().isPresent();
                emcFreq |= e.frequencyMhz().isPresent();
            });
            s.gpu().ifPresent(e -> {
                gpuLoad |= e.loadPercent().isPresent();
                gpuFreqs = Math.max(gpuFreqs, e.frequencyCount());
            });
            Map<String, Integer> seen = new HashMap<>();
            for (int t = 0; t < s.temperatureCount(); t++) {
                temps.add(key(seen, s.temperatureSensor(t)));
            }
            seen.clear();
            for (int r = 0; r < s.railCount(); r++) {
                rails.merge(key(seen, s.railName(r)), !Double.isNaN(s.railMaxMilliwatts(r)), Boolean::logicalOr);
            }
        }

        List<String> header() {
            List<String> h = new ArrayList<>(List.of("line", "time"));
            if (ram) {
                h.add("ram_used_mb");
                h.add("ram_total_mb");
            }
            if (swap) {
                h.add("swap_used_mb");
                h.add("swap_total_mb");
            }
            for (int c = 0; c < cores; c++) {
                h.add("cpu" + c + "_load_pct");
                h.add("cpu" + c + "_freq_mhz");
            }
            if (emcLoad) {
                h.add("emc_load_pct");
            }
            if (emcFreq) {
                h.add("emc_freq_mhz");
            }
            if (gpuLoad) {
                h.add("gr3d_load_pct");
            }
            for (int k = 0; k < gpuFreqs; k++) {
                h.add("gr3d_freq_mhz_" + k);
            }
            for (String t : temps) {
                h.add("temp_" + t);
            }
            for (Map.Entry<String, Boolean> r : rails.entrySet()) {
                h.add("rail_" + r.getKey() + "_mw");
                h.add("rail_" + r.getKey() + "_avg_mw");
                if (r.getValue()) {
                    h.add("rail_" + r.getKey() + "_max_mw");
                }
            }
            return h;
        }
    }

    private static void writeCsv(TegrastatsReader reader, @Nullable SampleTimes times, Inventory inv, PrintWriter out) {
        List<String> header = inv.header();
        row(out, header);
        int index = 0;
        Map<String, String> values = new HashMap<>();
        while (reader.hasNext()) {
            TegrastatsSample s = reader.next();
            values.clear();
            values.put("line", Long.toString(s.lineNumber()));
            if (times != null) {
                values.put("time", times.instant(index).toString());
            }
            s.ram().ifPresent(m -> {
                values.put("ram_used_mb", format(m.usedMegabytes()));
                values.put("ram_total_mb", format(m.totalMegabytes()));
            });
            s.swap().ifPresent(m -> {
                values.put("swap_used_mb", format(m.usedMegabytes()));
                values.put("swap_total_mb", format(m.totalMegabytes()));
            });
            for (int c = 0; c < s.cpuCoreCount(); c++) {
                put(values, "cpu" + c + "_load_pct", s.cpuLoadPercent(c));
                put(values, "cpu" + c + "_freq_mhz", s.cpuFrequencyMhz(c));
            }
            s.emc().ifPresent(e -> {
                put(values, "emc_load_pct", e.loadPercent());
                put(values, "emc_freq_mhz", e.frequencyMhz());
            });
            s.gpu().ifPresent(e -> {
                put(values, "gr3d_load_pct", e.loadPercent());
                for (int k = 0; k < e.frequencyCount(); k++) {
                    put(values, "gr3d_freq_mhz_" + k, e.frequencyMhz(k));
                }
            });
            Map<String, Integer> seen = new HashMap<>();
            for (int t = 0; t < s.temperatureCount(); t++) {
                double c = s.temperatureCelsius(t);
                String k = "temp_" + key(seen, s.temperatureSensor(t));
                if (!Double.isNaN(c)) {
                    values.put(k, format(c));
                }
            }
            seen.clear();
            for (int r = 0; r < s.railCount(); r++) {
                String k = "rail_" + key(seen, s.railName(r));
                values.put(k + "_mw", format(s.railMilliwatts(r)));
                values.put(k + "_avg_mw", format(s.railAverageMilliwatts(r)));
                double max = s.railMaxMilliwatts(r);
                if (!Double.isNaN(max)) {
                    values.put(k + "_max_mw", format(max));
                }
            }
            List<String> cells = new ArrayList<>(header.size());
            for (String h : header) {
                cells.add(values.getOrDefault(h, ""));
            }
            row(out, cells);
            index++;
        }
    }

    private static void put(Map<String, String> values, String key, OptionalInt v) {
        if (v.isPresent()) {
            values.put(key, Integer.toString(v.getAsInt()));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** One RFC 4180 row: fields with a comma, quote or line break are quoted, quotes doubled. */
    private static void row(PrintWriter out, List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        out.print(b.append('\n'));
    }
}
