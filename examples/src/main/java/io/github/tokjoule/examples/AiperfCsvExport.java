package io.github.tokjoule.examples;

import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.MetricUnit;
import io.github.tokjoule.aiperf.Stat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads aiperf's CSV export ({@code profile_export_aiperf.csv}; genai-perf's {@code *_genai_perf.csv} has the same
 * shape). Sections are separated by blank lines: {@code Metric,avg,min,...} (one row per distribution metric),
 * {@code Metric,Value} (one row per aggregate, read as its {@code avg}), and the GPU telemetry section
 * ({@code Endpoint,GPU_Index,...}), which is counted and skipped. A row's metric is {@code "Display Name (unit)"},
 * the unit left out for counts; values are converted to the canonical units like the JSON's. Metrics keep their display
 * names: the CSV does not carry aiperf's tags, and guessing them would be a silent mapping. The error count is the
 * {@code Error Request Count} row, the start and end the {@code Minimum Request Timestamp} and {@code Maximum Response
 * Timestamp} rows (epoch times: no zone needed); the CSV has no versions and no error summary by error.
 */
final class AiperfCsvExport {

    private static final Pattern NAME_AND_UNIT = Pattern.compile("^(.*\\S)\\s+\\(([^()]*)\\)$");

    private AiperfCsvExport() {}

    /**
     * Reads the CSV.
     *
     * @param in the bytes (UTF-8)
     * @param source the file's name, for messages
     * @param notes where the skipped rows and the CSV's limits are told
     * @return the export
     * @throws IOException if the input cannot be read, or a row is not a metric row (the message names the line)
     */
    static AiperfExport read(InputStream in, String source, List<String> notes) throws IOException {
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Optional<Stat>> columns = List.of();
        boolean header = true; // the next non-blank line starts a section
        boolean telemetry = false;
        long telemetryRows = 0;
        long lineNumber = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                header = true;
                telemetry = false;
                continue;
            }
            List<String> fields = fields(line);
            if (header) {
                header = false;
                if (fields.get(0).equals("Metric")) {
                    columns = new ArrayList<>();
                    for (String f : fields.subList(1, fields.size())) {
                        columns.add(f.equals("Value") ? Optional.of(Stat.AVG) : Stat.fromKey(f));
                    }
                } else if (fields.get(0).equals("Endpoint")) {
                    telemetry = true;
                } else {
                    throw new IOException(source + ": line " + lineNumber + ": not an aiperf CSV export (a section"
                            + " starts with a 'Metric,...' header): " + abbreviate(line));
                }
                continue;
            }
            if (telemetry) {
                telemetryRows++;
                continue;
            }
            MetricStats m = row(fields, columns, source, lineNumber);
            metrics.put(m.name(), m);
        }
        if (metrics.isEmpty()) {
            throw new IOException(source + ": no metric row in " + lineNumber + " lines: not an aiperf CSV export");
        }
        notes.add(source + ": aiperf's CSV export names metrics by display name and rounds values to 2 decimals;"
                + " profile_export_aiperf.json beside it has the tags, full precision, versions and error summary");
        if (telemetryRows > 0) {
            notes.add(source + ": " + telemetryRows + " GPU telemetry rows skipped (read telemetry_data in"
                    + " profile_export_aiperf.json)");
        }
        return new AiperfExport(
                "summary csv",
                Optional.empty(),
                Optional.empty(),
                epochMillis(metrics.get("Minimum Request Timestamp")),
                epochMillis(metrics.get("Maximum Response Timestamp")),
                Optional.empty(),
                Optional.empty(),
                errorCount(metrics),
                List.of(),
                Optional.empty(),
                metrics,
                Map.of());
    }

    /**
     * The failed requests: the {@code Error Request Count} row; 0 when the {@code Metric,Value} section has {@code
     * Request Count} but no such row (aiperf writes the metric only when a request failed, as in its JSON); unknown
     * without either.
     */
    static OptionalLong errorCount(Map<String, MetricStats> metrics) {
        MetricStats errors = metrics.get("Error Request Count");
        if (errors != null && Double.isFinite(errors.get(Stat.AVG))) {
            return OptionalLong.of(Math.round(errors.get(Stat.AVG)));
        }
        return metrics.containsKey("Request Count") ? OptionalLong.of(0) : OptionalLong.empty();
    }

    /**
     * An epoch timestamp row ({@code Minimum Request Timestamp (ns)}, converted to milliseconds like every time) as
     * an instant: an epoch time needs no zone. Rounded to the microsecond: the CSV's double carries it to about
     * 0.25 µs, so nanoseconds would be false digits.
     */
    static Optional<Instant> epochMillis(@Nullable MetricStats m) {
        if (m == null || m.unit() != MetricUnit.MILLISECONDS || !Double.isFinite(m.get(Stat.AVG))) {
            return Optional.empty();
        }
        double ms = m.get(Stat.AVG);
        long seconds = (long) Math.floor(ms / 1000);
        return Optional.of(Instant.ofEpochSecond(seconds, Math.round((ms - seconds * 1000.0) * 1e3) * 1000));
    }

    private static MetricStats row(List<String> fields, List<Optional<Stat>> columns, String source, long lineNumber)
            throws IOException {
        String name = fields.get(0);
        String unitText = "count";
        Matcher m = NAME_AND_UNIT.matcher(name);
        if (m.matches()) {
            name = m.group(1);
            unitText = m.group(2);
        }
        Optional<MetricUnit.Conversion> conversion = MetricUnit.fromSource(unitText);
        EnumMap<Stat, Double> values = new EnumMap<>(Stat.class);
        for (int i = 1; i < fields.size() && i <= columns.size(); i++) {
            String v = fields.get(i).trim();
            Optional<Stat> stat = columns.get(i - 1);
            if (v.isEmpty() || stat.isEmpty()) {
                continue;
            }
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": line " + lineNumber + ", column " + (i + 1) + " ("
                        + stat.get().key() + " of " + name + "): '" + v + "' is not a number");
            }
            values.put(
                    stat.get(),
                    stat.get().isConverted() && conversion.isPresent()
                            ? conversion.get().apply(x)
                            : x);
        }
        try {
            return MetricStats.of(
                    name, conversion.map(MetricUnit.Conversion::unit).orElse(MetricUnit.OTHER), values);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": line " + lineNumber + " (" + name + "): " + e.getMessage(), e);
        }
    }

    /** RFC 4180 fields of one line (Python's csv module quotes a field holding a comma or a quote). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
