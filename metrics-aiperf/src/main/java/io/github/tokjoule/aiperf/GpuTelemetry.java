package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.tokjoule.core.power.PowerTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * aiperf's GPU telemetry time series, {@code gpu_telemetry_export.jsonl} (aiperf ≥ 0.4): one line per GPU per scrape,
 * {@code {timestamp_ns, dcgm_url, gpu_index, gpu_uuid, gpu_model_name, hostname, ..., telemetry_data: {...}}}, read
 * into one {@link GpuTrace} per (endpoint, GPU index).
 *
 * <p>This file has no unit fields: its units are fixed by aiperf's {@code TelemetryRecord} — power
 * ({@code gpu_power_usage}, schema 1.5 {@code nvidia_power_usage}, or {@code amd_power_usage}) in watts and the
 * cumulative energy counter ({@code energy_consumption}, {@code nvidia_energy_consumption},
 * {@code amd_energy_consumption}) in megajoules, converted to joules. Other telemetry values are ignored.
 *
 * <p>Lines are handled as in {@link AiperfRecords} (lenient or strict, truncated last line reported). Samples out of
 * time order are sorted; a repeated timestamp of the same GPU keeps the first sample; a missing, negative or
 * non-finite power value leaves that sample out of the power trace; every such case is reported. Memory grows with
 * the number of samples, not with the file size.
 *
 * @since 0.1.0
 */
public final class GpuTelemetry {

    private static final List<String> POWER_KEYS = List.of("gpu_power_usage", "nvidia_power_usage", "amd_power_usage");
    private static final List<String> ENERGY_KEYS =
            List.of("energy_consumption", "nvidia_energy_consumption", "amd_energy_consumption");
    private static final double JOULES_PER_MEGAJOULE = 1e6;

    private final List<GpuTrace> traces;
    private final JsonLinesReport report;

    private GpuTelemetry(List<GpuTrace> traces, JsonLinesReport report) {
        this.traces = List.copyOf(traces);
        this.report = report;
    }

    /**
     * Reads a file leniently.
     *
     * @param file the {@code gpu_telemetry_export.jsonl} (or {@code .gz})
     * @return the traces and the report
     * @throws IOException if the file cannot be read
     */
    public static GpuTelemetry read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads a file.
     *
     * @param file the {@code gpu_telemetry_export.jsonl} (or {@code .gz})
     * @param strict whether a malformed line or wrong value raises {@link AiperfFormatException}
     * @return the traces and the report
     * @throws IOException if the file cannot be read
     */
    public static GpuTelemetry read(Path file, boolean strict) throws IOException {
        return read(JsonLinesSource.open(file), String.valueOf(file.getFileName()), strict);
    }

    /**
     * Reads a stream (closed on return).
     *
     * @param in the JSON Lines bytes
     * @param sourceName the name used in messages
     * @param strict whether a malformed line or wrong value raises {@link AiperfFormatException}
     * @return the traces and the report
     * @throws IOException if the stream cannot be read
     */
    public static GpuTelemetry read(InputStream in, String sourceName, boolean strict) throws IOException {
        Map<String, Builder> gpus = new LinkedHashMap<>();
        try (JsonLinesSource<Sample> src = new JsonLinesSource<>(in, sourceName, strict, GpuTelemetry::line)) {
            Sample s;
            while ((s = src.next()) != null) {
                Sample sample = s;
                gpus.computeIfAbsent(sample.endpoint + "\u0000" + sample.gpuIndex, k -> new Builder(sample))
                        .add(sample);
            }
            List<GpuTrace> traces = new ArrayList<>();
            for (Builder b : gpus.values()) {
                traces.add(b.build(src.issues()));
            }
            return new GpuTelemetry(traces, src.report());
        }
    }

    /** {@return one trace per (endpoint, GPU index), in order of first appearance} */
    public List<GpuTrace> traces() {
        return traces;
    }

    /** {@return what reading met} */
    public JsonLinesReport report() {
        return report;
    }

    // --- parsing ------------------------------------------------------------------------------------------

    private static final class Sample {
        long epochNanos = RequestRecord.ABSENT;
        String endpoint = "";
        int gpuIndex = -1;

        @Nullable
        String uuid;

        @Nullable
        String name;

        @Nullable
        String hostname;

        double watts = Double.NaN;
        double joules = Double.NaN;
        long line;
    }

    private static @Nullable Sample line(JsonParser p, JsonLinesSource<Sample> src) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new JsonLinesSource.MalformedLineException("expected a JSON object, found " + Json.describe(p, t));
        }
        Sample s = new Sample();
        s.line = src.lineNumber();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "timestamp_ns" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        s.epochNanos = p.getLongValue();
                    } else {
                        wrong(p, t, src, "an integer");
                    }
                }
                case "dcgm_url" -> {
                    String url = text(p, t, src);
                    s.endpoint = url == null ? "" : url;
                }
                case "gpu_index" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() == JsonParser.NumberType.INT
                            && p.getIntValue() >= 0) {
                        s.gpuIndex = p.getIntValue();
                    } else {
                        wrong(p, t, src, "a non-negative integer");
                    }
                }
                case "gpu_uuid" -> s.uuid = text(p, t, src);
                case "gpu_model_name" -> s.name = text(p, t, src);
                case "hostname" -> s.hostname = text(p, t, src);
                case "telemetry_data" -> {
                    if (t == JsonToken.START_OBJECT) {
                        values(p, src, s);
                    } else {
                        wrong(p, t, src, "an object");
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (s.epochNanos == RequestRecord.ABSENT || s.gpuIndex < 0) {
            src.issues()
                    .add(src.at(), "sample without " + (s.gpuIndex < 0 ? "gpu_index" : "timestamp_ns") + "; skipped");
            return null;
        }
        return s;
    }

    private static void values(JsonParser p, JsonLinesSource<Sample> src, Sample s) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            boolean power = POWER_KEYS.contains(key);
            boolean energy = !power && ENERGY_KEYS.contains(key);
            if (!power && !energy) {
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                wrong(p, t, src, "a number");
                continue;
            }
            double v = p.getDoubleValue();
            if (!Double.isFinite(v) || v < 0) {
                src.issues().add(src.at(p), p.getText() + " is not a finite, non-negative number; ignored");
            } else if (power && Double.isNaN(s.watts)) {
                s.watts = v;
            } else if (energy && Double.isNaN(s.joules)) {
                s.joules = v * JOULES_PER_MEGAJOULE;
            }
        }
    }

    private static @Nullable String text(JsonParser p, JsonToken t, JsonLinesSource<Sample> src) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        wrong(p, t, src, "a string");
        return null;
    }

    private static void wrong(JsonParser p, JsonToken t, JsonLinesSource<Sample> src, String expected)
            throws IOException {
        if (t != JsonToken.VALUE_NULL) {
            src.issues().add(src.at(p), "expected " + expected + ", found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
    }

    // --- assembling ---------------------------------------------------------------------------------------

    private static final class Builder {
        final Sample first;
        final List<Sample> samples = new ArrayList<>();

        Builder(Sample first) {
            this.first = first;
        }

        void add(Sample s) {
            samples.add(s);
        }

        GpuTrace build(Issues issues) {
            String id = (first.endpoint.isEmpty() ? "" : first.endpoint + " ") + "gpu " + first.gpuIndex;
            boolean sorted = true;
            for (int i = 1; i < samples.size() && sorted; i++) {
                sorted = samples.get(i).epochNanos >= samples.get(i - 1).epochNanos;
            }
            if (!sorted) {
                issues.note("$", id + ": samples out of time order; sorted by timestamp_ns");
                samples.sort(Comparator.comparingLong(x -> x.epochNanos)); // stable: first of equal times stays first
            }
            long[] pt = new long[samples.size()];
            double[] pw = new double[samples.size()];
            long[] et = new long[samples.size()];
            double[] ej = new double[samples.size()];
            int np = 0;
            int ne = 0;
            long previous = RequestRecord.ABSENT;
            double lastJoules = Double.NaN;
            for (Sample s : samples) {
                if (s.epochNanos == previous) {
                    issues.note("line " + s.line, id + ": repeated timestamp_ns " + s.epochNanos + "; sample skipped");
                    continue;
                }
                previous = s.epochNanos;
                if (!Double.isNaN(s.watts)) {
                    pt[np] = s.epochNanos;
                    pw[np++] = s.watts;
                } else {
                    issues.note("line " + s.line, id + ": no power value; not in the power trace");
                }
                if (!Double.isNaN(s.joules)) {
                    if (s.joules < lastJoules) {
                        issues.note(
                                "line " + s.line,
                                id + ": energy counter decreased from " + lastJoules + " J to " + s.joules
                                        + " J (reset?); the decrease is not counted as energy");
                    }
                    lastJoules = s.joules;
                    et[ne] = s.epochNanos;
                    ej[ne++] = s.joules;
                }
            }
            return new GpuTrace(
                    first.endpoint,
                    first.gpuIndex,
                    firstNonNull(samples, x -> x.uuid),
                    firstNonNull(samples, x -> x.name),
                    firstNonNull(samples, x -> x.hostname),
                    PowerTrace.of(Arrays.copyOf(pt, np), Arrays.copyOf(pw, np)),
                    Arrays.copyOf(et, ne),
                    Arrays.copyOf(ej, ne));
        }

        private static @Nullable String firstNonNull(
                List<Sample> samples, java.util.function.Function<Sample, @Nullable String> f) {
            return samples.stream().map(f).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }
}
