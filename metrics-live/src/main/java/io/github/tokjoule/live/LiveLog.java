package io.github.tokjoule.live;

import io.github.tokjoule.core.power.PowerTrace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The log of a live run ({@code tokjoule monitor --out}, the driver's dense trace): its format, a writer that follows
 * live traces, and a reader that gives the traces back. Format version 1, in two encodings chosen by the file name:
 *
 * <h2>CSV ({@code *.csv})</h2>
 *
 * <pre>
 * # tokjoule live log 1
 * # rail hwmon/VDD_IN power 10000000
 * epoch_nanos,source,rail,watts,joules
 * 1765432100123456789,hwmon,VDD_IN,4.987,0.0
 * </pre>
 *
 * Lines starting with {@code #} are comments: the first names the format, each {@code # rail SOURCE/RAIL READING
 * NOMINAL_NS} line declares a rail with its reading ({@code power} or {@code energy_counter}) and nominal interval in ns,
 * other comments carry facts about the sources. Then one row per sample and rail: the time in epoch nanoseconds, the
 * source, the rail, the power in watts and the rail's energy in joules since its first sample (for an energy counter,
 * the counter's own count). Numbers are written as Java's shortest round-trip decimal. Names never contain a comma.
 *
 * <h2>JSON Lines ({@code *.jsonl})</h2>
 *
 * One object per line with the same fields: {@code {"epoch_nanos":…,"source":"hwmon","rail":"VDD_IN","watts":…,
 * "joules":…}}, and for the header {@code {"format":"tokjoule live log 1"}}, {@code {"rail":"hwmon/VDD_IN",
 * "reading":"power","nominal_interval_nanos":10000000}} and {@code {"comment":"…"}}.
 *
 * <p>Rows of different rails and sources interleave; within one rail times strictly increase.
 *
 * @since 0.2.0
 */
public final class LiveLog {

    /** The first line's text: the format name and version. */
    public static final String FORMAT = "tokjoule live log 1";

    /** The reading of a rail whose rows are power readings. */
    public static final String POWER = "power";

    /**
     * The reading of a rail whose rows come from an energy counter: each row's watts is the mean power of the interval
     * that ends at it, its joules the counter's own count.
     */
    public static final String ENERGY_COUNTER = "energy_counter";

    /**
     * The comment that records a rail's sensor delay ({@link LiveTrace#sensorDelayNanos()}), written for every rail
     * whose delay is not 0: {@code sensor_delay SOURCE/RAIL NANOS}. A comment, so the format stays version 1.
     */
    public static final String SENSOR_DELAY = "sensor_delay";

    /**
     * The comment that records how far a rail's lag may lie from half its sensor delay ({@link
     * LiveTrace#placementUncertaintyNanos()}), written for every rail where it is not 0: {@code
     * placement_uncertainty SOURCE/RAIL NANOS}.
     *
     * @since 0.2.0
     */
    public static final String PLACEMENT_UNCERTAINTY = "placement_uncertainty";

    private static final String HEADER = "epoch_nanos,source,rail,watts,joules";

    private LiveLog() {}

    /**
     * Returns whether a path names a JSON Lines log (its name ends in {@code .jsonl}).
     *
     * @param path the log's path
     * @return {@code true} for JSON Lines, {@code false} for CSV
     */
    public static boolean isJsonLines(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /**
     * Opens a writer that follows the given traces: each {@link Writer#drain()} appends every sample published since
     * the previous one.
     *
     * @param path the log file, created or truncated; {@code .jsonl} for JSON Lines, else CSV
     * @param traces the traces to log
     * @param comments facts to write in the header, one comment each
     * @return the writer
     * @throws IOException if the file cannot be created
     */
    public static LogWriter open(Path path, List<LiveTrace> traces, List<String> comments) throws IOException {
        return new LogWriter(path, traces, comments);
    }

    /**
     * Follows live traces into a log file. Not thread-safe: one thread drains (e.g. once per screen refresh).
     *
     * @since 0.2.0
     */
    public static final class LogWriter implements Closeable {
        private final BufferedWriter out;
        private final boolean json;
        private final List<LiveTrace> traces;
        private final long[] next;
        private long skipped;
        private long rows;

        private LogWriter(Path path, List<LiveTrace> traces, List<String> comments) throws IOException {
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            this.json = isJsonLines(path);
            this.traces = List.copyOf(traces);
            this.next = new long[traces.size()];
            out.write(json ? "{\"format\":\"" + FORMAT + "\"}\n" : "# " + FORMAT + "\n");
            for (LiveTrace t : traces) {
                for (String rail : t.rails()) {
                    String reading = t.reading() == LiveTrace.Reading.POWER ? POWER : ENERGY_COUNTER;
                    out.write(
                            json
                                    ? "{\"rail\":" + quote(t.source() + "/" + rail) + ",\"reading\":\"" + reading
                                            + "\",\"nominal_interval_nanos\":" + t.nominalIntervalNanos() + "}\n"
                                    : "# rail " + t.source() + "/" + rail + " " + reading + " "
                                            + t.nominalIntervalNanos() + "\n");
                }
            }
            List<String> all = new ArrayList<>(comments);
            for (LiveTrace t : traces) {
                for (String rail : t.rails()) {
                    if (t.sensorDelayNanos() > 0) {
                        all.add(SENSOR_DELAY + " " + t.source() + "/" + rail + " " + t.sensorDelayNanos());
                    }
                    if (t.placementUncertaintyNanos() > 0) {
                        all.add(PLACEMENT_UNCERTAINTY + " " + t.source() + "/" + rail + " "
                                + t.placementUncertaintyNanos());
                    }
                }
            }
            for (String c : all) {
                out.write(json ? "{\"comment\":" + quote(c) + "}\n" : "# " + c.replace('\n', ' ') + "\n");
            }
            if (!json) {
                out.write(HEADER + "\n");
            }
        }

        /**
         * Writes every sample published since the last call and flushes.
         *
         * @return the rows written
         * @throws UncheckedIOException if the file cannot be written
         */
        public long drain() {
            long written = 0;
            try {
                for (int i = 0; i < traces.size(); i++) {
                    LiveTrace t = traces.get(i);
                    LiveTrace.Batch batch = t.samplesFrom(next[i]);
                    skipped += batch.skipped();
                    for (int k = 0; k < batch.size(); k++) {
                        for (int r = 0; r < t.rails().size(); r++) {
                            row(
                                    batch.epochNanos()[k],
                                    t.source(),
                                    t.rails().get(r),
                                    batch.watts()[r][k],
                                    batch.cumulativeJoules()[r][k]);
                            written++;
                        }
                    }
                    next[i] = batch.firstIndex() + batch.size();
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the live log: " + e.getMessage(), e);
            }
            rows += written;
            return written;
        }

        private void row(long t, String source, String rail, double watts, double joules) throws IOException {
            if (json) {
                out.write("{\"epoch_nanos\":" + t + ",\"source\":" + quote(source) + ",\"rail\":" + quote(rail)
                        + ",\"watts\":" + watts + ",\"joules\":" + joules + "}\n");
            } else {
                out.write(t + "," + source + "," + rail + "," + watts + "," + joules + "\n");
            }
        }

        /** {@return samples evicted from a ring before this writer read them (0 unless the writer fell behind)} */
        public long skipped() {
            return skipped;
        }

        /** {@return rows written so far} */
        public long rows() {
            return rows;
        }

        /** Drains what is left and closes the file. */
        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * A log read back.
     *
     * @param traces one power trace per rail, keyed {@code source/rail} in declaration order, each with its declared
     *     nominal interval
     * @param readings each rail's reading: {@code power} or {@code energy_counter}
     * @param comments the header's comments
     * @since 0.2.0
     */
    public record Contents(Map<String, PowerTrace> traces, Map<String, String> readings, List<String> comments) {

        /**
         * Finds a rail by its key ({@code hwmon/VDD_IN}) or by its name alone ({@code VDD_IN}) when one source has
         * it.
         *
         * @param name a key or a rail name
         * @return the rail's key
         * @throws IllegalArgumentException naming the log's rails, if no rail or several rails match
         */
        public String railKey(String name) {
            if (traces.containsKey(name)) {
                return name;
            }
            List<String> matches = traces.keySet().stream()
                    .filter(k -> k.substring(k.indexOf('/') + 1).equals(name))
                    .toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no rail " + name + " in the log; it has " + railList());
            }
            throw new IllegalArgumentException("rail " + name + " is logged by several sources ("
                    + String.join(", ", matches) + "): name it as SOURCE/RAIL");
        }

        /** {@return the rails' keys, comma-separated, or {@code no rail} for a log that declares none} */
        public String railList() {
            return traces.isEmpty() ? "no rail" : String.join(", ", traces.keySet());
        }

        /**
         * Returns a rail's sensor delay as the log records it ({@value #SENSOR_DELAY} comments).
         *
         * @param key the rail's key
         * @return the delay in nanoseconds, 0 if the log records none for the rail
         */
        public long sensorDelayNanos(String key) {
            return sensorDelay(comments, key);
        }

        /**
         * Returns how far a rail's lag may lie from half its sensor delay, as the log records it ({@value
         * #PLACEMENT_UNCERTAINTY} comments; a log written before they existed records none).
         *
         * @param key the rail's key
         * @return the uncertainty in nanoseconds, 0 if the log records none for the rail
         * @since 0.2.0
         */
        public long placementUncertaintyNanos(String key) {
            return recorded(comments, PLACEMENT_UNCERTAINTY, key);
        }

        /**
         * Returns a rail's power on the terms of the request–power join (core's estimators, which integrate power
         * readings by trapezoids): a power rail's readings stamped half its {@link #sensorDelayNanos sensor delay}
         * earlier (a reading reflects the power up to that delay before its stamp: the mean delay, as {@link
         * LiveMeter} reads a window shifted by it); an energy counter's rows as the mean power of each interval
         * stamped at the interval's middle ({@code (t_{i−1} + t_i) / 2}, from the second row on), where a mean over
         * the interval is best placed. The nominal interval is kept.
         *
         * @param key the rail's key ({@link #railKey})
         * @return the trace
         * @throws IllegalArgumentException if the log has no such rail
         */
        public PowerTrace joinTrace(String key) {
            PowerTrace t = traces.get(key);
            if (t == null) {
                throw new IllegalArgumentException("no rail " + key + " in the log; it has " + railList());
            }
            if (!ENERGY_COUNTER.equals(readings.get(key))) {
                long shift = sensorDelayNanos(key) / 2;
                if (shift == 0) {
                    return t;
                }
                PowerTrace.Builder b = PowerTrace.builder();
                for (int i = 0; i < t.size(); i++) {
                    b.add(t.epochNanosAt(i) - shift, t.wattsAt(i));
                }
                return b.build().withNominalIntervalNanos(t.nominalIntervalNanos());
            }
            PowerTrace.Builder b = PowerTrace.builder();
            for (int i = 1; i < t.size(); i++) {
                long previous = t.epochNanosAt(i - 1);
                b.add(previous + (t.epochNanosAt(i) - previous) / 2, t.wattsAt(i));
            }
            return b.build().withNominalIntervalNanos(t.nominalIntervalNanos());
        }
    }

    /**
     * Reads a log written by {@link #open}.
     *
     * @param path the log file ({@code .jsonl} for JSON Lines, else CSV)
     * @return the traces
     * @throws IOException if the file cannot be read, does not start with the format line, or a row is malformed,
     *     names an undeclared rail, or is not after the rail's previous row (the message names the file and line)
     */
    public static Contents read(Path path) throws IOException {
        Lines lines = new Lines(path.toString(), isJsonLines(path));
        Map<String, PowerTrace.Builder> builders = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Optional<Row> row = lines.next(line);
                if (row.isPresent()) {
                    Row r = row.get();
                    try {
                        builders.computeIfAbsent(r.rail(), k -> PowerTrace.builder())
                                .add(r.epochNanos(), r.watts());
                    } catch (RuntimeException e) {
                        throw new IOException(path + " line " + lines.lineNumber() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        Map<String, PowerTrace> traces = new LinkedHashMap<>();
        for (String key : lines.readings().keySet()) {
            PowerTrace.Builder b = builders.getOrDefault(key, PowerTrace.builder());
            traces.put(key, b.build().withNominalIntervalNanos(lines.nominalIntervalNanos(key)));
        }
        return new Contents(traces, new LinkedHashMap<>(lines.readings()), List.copyOf(lines.comments()));
    }

    /**
     * One sample row of a log: a rail's reading at a time.
     *
     * @param epochNanos the sample's time in epoch nanoseconds
     * @param rail the rail's key, {@code source/rail}
     * @param watts the power in watts
     * @param joules the rail's energy since its first sample (an energy counter's own count)
     * @since 0.2.0
     */
    public record Row(long epochNanos, String rail, double watts, double joules) {}

    /**
     * The reader of one log's lines, given one at a time in file order: the same rules as {@link #read}, for a
     * reader that follows a log while it is being written (the fleet job's file source). It keeps the header's
     * declarations; a row is returned as it is read, without the per-rail time order check of {@link #read} (a
     * follower orders samples itself).
     *
     * <p>Not thread-safe.
     *
     * @since 0.2.0
     */
    public static final class Lines {

        private final String name;
        private final boolean json;
        private final Map<String, Long> nominal = new LinkedHashMap<>();
        private final Map<String, String> readings = new LinkedHashMap<>();
        private final List<String> comments = new ArrayList<>();
        private long lineNumber;

        /**
         * Starts reading a log at its first line.
         *
         * @param name the log's name in messages (its path)
         * @param json {@code true} for JSON Lines, {@code false} for CSV ({@link #isJsonLines})
         */
        public Lines(String name, boolean json) {
            this.name = name;
            this.json = json;
        }

        /**
         * Reads the next line.
         *
         * @param line the line, without its line end
         * @return the sample row, or empty for the format line, a declaration, a comment, the CSV header or a blank
         *     line
         * @throws IOException if the first line is not the format, or a line is malformed or a row names an
         *     undeclared rail (the message names the log and the line)
         */
        public Optional<Row> next(String line) throws IOException {
            lineNumber++;
            String where = name + " line " + lineNumber;
            if (lineNumber == 1) {
                if (!(json ? line.contains("\"" + FORMAT + "\"") : line.equals("# " + FORMAT))) {
                    throw new IOException(where + ": not a tokjoule live log (expected " + FORMAT + ")");
                }
                return Optional.empty();
            }
            if (line.isBlank() || (!json && line.equals(HEADER))) {
                return Optional.empty();
            }
            try {
                Map<String, String> f = json ? JsonFlat.parse(line) : csvFields(line);
                if (f.containsKey("reading")) {
                    String key = field(f, "rail");
                    readings.put(key, field(f, "reading"));
                    nominal.put(key, Long.parseLong(field(f, "nominal_interval_nanos")));
                    return Optional.empty();
                }
                if (f.containsKey("comment")) {
                    comments.add(field(f, "comment"));
                    return Optional.empty();
                }
                String key = field(f, "source") + "/" + field(f, "rail");
                if (!readings.containsKey(key)) {
                    throw new IOException("rail " + key + " is not declared in the header");
                }
                return Optional.of(new Row(
                        Long.parseLong(field(f, "epoch_nanos")),
                        key,
                        Double.parseDouble(field(f, "watts")),
                        Double.parseDouble(field(f, "joules"))));
            } catch (IOException | RuntimeException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }

        /**
         * Counts lines as read without parsing them (a follower that resumes at a line of a log whose header it has
         * read), so that messages name the right line.
         *
         * @param lines the lines skipped, not negative
         * @throws IllegalArgumentException if {@code lines} is negative or the header has not been read
         */
        public void skip(long lines) {
            if (lines < 0 || (lines > 0 && lineNumber == 0)) {
                throw new IllegalArgumentException(
                        name + ": cannot skip " + lines + " lines at line " + lineNumber + " (read the header first)");
            }
            lineNumber += lines;
        }

        /** {@return the lines read so far} */
        public long lineNumber() {
            return lineNumber;
        }

        /** {@return the rails declared so far, {@code source/rail} to reading, in declaration order} */
        public Map<String, String> readings() {
            return Collections.unmodifiableMap(readings);
        }

        /**
         * Returns a declared rail's nominal interval.
         *
         * @param rail the rail's key, {@code source/rail}
         * @return its nominal interval in nanoseconds; 1 if it is not declared
         */
        public long nominalIntervalNanos(String rail) {
            return nominal.getOrDefault(rail, 1L);
        }

        /** {@return the header's comments read so far} */
        public List<String> comments() {
            return Collections.unmodifiableList(comments);
        }

        /**
         * Returns a rail's sensor delay as the comments read so far record it ({@value #SENSOR_DELAY} comments, written
         * in the header before any row), as {@link Contents#sensorDelayNanos} does for a whole log.
         *
         * @param key the rail's key, {@code source/rail}
         * @return the delay in nanoseconds, 0 if none is recorded for the rail
         * @since 0.2.0
         */
        public long sensorDelayNanos(String key) {
            return sensorDelay(comments, key);
        }
    }

    /** A rail's recorded sensor delay among the comments, 0 if none (or none that parses). */
    private static long sensorDelay(List<String> comments, String key) {
        return recorded(comments, SENSOR_DELAY, key);
    }

    /** A rail's recorded value of a {@code NAME KEY NANOS} comment, 0 if none (or none that parses). */
    private static long recorded(List<String> comments, String name, String key) {
        String prefix = name + " " + key + " ";
        for (String c : comments) {
            if (c.startsWith(prefix)) {
                try {
                    return Math.max(
                            0, Long.parseLong(c.substring(prefix.length()).strip()));
                } catch (NumberFormatException e) {
                    return 0; // a comment is not a declaration: one that does not parse records nothing
                }
            }
        }
        return 0;
    }

    private static String field(Map<String, String> fields, String name) throws IOException {
        String value = fields.get(name);
        if (value == null) {
            throw new IOException("no field " + name);
        }
        return value;
    }

    private static Map<String, String> csvFields(String line) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        if (line.startsWith("# rail ")) {
            String[] parts = line.substring("# rail ".length()).split(" ");
            if (parts.length != 3) {
                throw new IOException("a rail declaration needs SOURCE/RAIL READING NOMINAL_NS: " + line);
            }
            f.put("rail", parts[0]);
            f.put("reading", parts[1]);
            f.put("nominal_interval_nanos", parts[2]);
            return f;
        }
        if (line.startsWith("#")) {
            f.put("comment", line.substring(1).strip());
            return f;
        }
        String[] v = line.split(",", -1);
        if (v.length != 5) {
            throw new IOException("a row needs 5 fields (" + HEADER + "), found " + v.length);
        }
        f.put("epoch_nanos", v[0]);
        f.put("source", v[1]);
        f.put("rail", v[2]);
        f.put("watts", v[3]);
        f.put("joules", v[4]);
        return f;
    }
}
