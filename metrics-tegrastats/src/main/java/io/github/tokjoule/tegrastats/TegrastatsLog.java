package io.github.tokjoule.tegrastats;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.thermal.ThermalSample;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The power and thermal columns of a whole tegrastats log, compact enough to hold in memory (one {@code double} per
 * rail and sensor per sample), with the conversions to {@link PowerTrace} and {@link ThermalSample}s.
 *
 * <p>Columns are keyed by the printed name; a name printed twice in one line gets {@code #2}, {@code #3}, … for the
 * later occurrences. A rail or sensor absent from a sample is {@code NaN} in its column, as is a temperature sentinel.
 *
 * <pre>{@code
 * TegrastatsLog log = TegrastatsLog.read(Path.of("tegrastats.log"));
 * SampleTimes times = log.times(ZoneId.of("Asia/Kolkata"), TimingOptions.nominalIntervalMillis(500));
 * BoardProfile board = log.detectProfile().orElseThrow();
 * RailTrace total = log.powerTrace(board.total(), times);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TegrastatsLog {

    private final ParseReport report;
    private final int size;
    private final long[] lineNumbers;
    private final long[] sequences;
    private final long[] localSeconds;
    private final Map<String, double[]> rails;
    private final Map<String, double[]> temperatures;

    private TegrastatsLog(Builder b, ParseReport report) {
        this.report = report;
        this.size = b.size;
        this.lineNumbers = Arrays.copyOf(b.lineNumbers, size);
        this.sequences = Arrays.copyOf(b.sequences, size);
        this.localSeconds = Arrays.copyOf(b.localSeconds, size);
        this.rails = trim(b.rails, size);
        this.temperatures = trim(b.temperatures, size);
    }

    private static Map<String, double[]> trim(Map<String, Column> columns, int size) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            m.put(e.getKey(), e.getValue().toArray(size));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Reads a log file (plain or gzip) leniently.
     *
     * @param path the file
     * @return the log
     * @throws IOException if the file cannot be read
     */
    public static TegrastatsLog read(Path path) throws IOException {
        return read(path, ReaderOptions.lenient());
    }

    /**
     * Reads a log file (plain or gzip).
     *
     * @param path the file
     * @param options strict or lenient, and the report limits
     * @return the log
     * @throws IOException if the file cannot be read
     * @throws TegrastatsFormatException in strict mode, at the first malformed line
     */
    public static TegrastatsLog read(Path path, ReaderOptions options) throws IOException {
        try (TegrastatsReader reader = TegrastatsReader.open(path, options)) {
            return read(reader);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads every remaining sample of a reader (which is not closed).
     *
     * @param reader the reader
     * @return the log, with the reader's report
     */
    public static TegrastatsLog read(TegrastatsReader reader) {
        Builder b = builder();
        reader.forEachRemaining(b::add);
        return b.build(reader.report());
    }

    /** {@return a builder that collects samples one at a time} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the report of the lines read} */
    public ParseReport report() {
        return report;
    }

    /** {@return the number of samples} */
    public int size() {
        return size;
    }

    /**
     * Returns the line number of a sample.
     *
     * @param index {@code 0 <= index < size()}
     * @return the 1-based line number
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public long lineNumber(int index) {
        Objects.checkIndex(index, size);
        return lineNumbers[index];
    }

    /** {@return a copy of the sequence numbers of the samples (see {@link TegrastatsSample#sequence()})} */
    public long[] sequences() {
        return sequences.clone();
    }

    /**
     * Returns the printed timestamp of a sample.
     *
     * @param index {@code 0 <= index < size()}
     * @return the naive local time, or empty
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Optional<LocalDateTime> printedTime(int index) {
        Objects.checkIndex(index, size);
        long s = localSeconds[index];
        return s == TegrastatsSample.NO_TIME
                ? Optional.empty()
                : Optional.of(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    }

    /** {@return {@code true} if at least one sample carries a printed timestamp} */
    public boolean hasPrintedTimes() {
        for (int i = 0; i < size; i++) {
            if (localSeconds[i] != TegrastatsSample.NO_TIME) {
                return true;
            }
        }
        return false;
    }

    /** {@return the rail column names, in order of first appearance} */
    public List<String> railNames() {
        return List.copyOf(rails.keySet());
    }

    /** {@return the temperature sensor column names, in order of first appearance} */
    public List<String> sensorNames() {
        return List.copyOf(temperatures.keySet());
    }

    /**
     * Returns one rail value.
     *
     * @param rail the column name
     * @param index {@code 0 <= index < size()}
     * @return the current power in mW, or NaN if the sample lacks the rail (or the log never prints it)
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double railMilliwatts(String rail, int index) {
        Objects.checkIndex(index, size);
        double[] c = rails.get(rail);
        return c == null ? Double.NaN : c[index];
    }

    /**
     * Returns one temperature.
     *
     * @param sensor the column name, exact case
     * @param index {@code 0 <= index < size()}
     * @return °C, or NaN if the sample lacks the sensor or printed a sentinel
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double celsius(String sensor, int index) {
        Objects.checkIndex(index, size);
        double[] c = temperatures.get(sensor);
        return c == null ? Double.NaN : c[index];
    }

    /** {@return the board detected from the rail and sensor names, if they match a known board} */
    public Optional<BoardProfile> detectProfile() {
        return BoardProfile.detect(rails.keySet(), temperatures.keySet());
    }

    /**
     * Reconstructs the sample times from the printed stamps (see {@link SampleTimes#fromStamps}).
     *
     * @param zone the device's zone
     * @param options the period bounds and stamp tolerance
     * @return the times
     * @throws IllegalStateException when no sample has a printed stamp (tegrastats of JetPack 4 and earlier prints
     *     none; {@link #hasPrintedTimes()} tells beforehand): the message names the log and the fix, {@link
     *     #times(Instant, Duration)} with the first sample's time and the period
     * @since 0.2.0 (0.1.0 returned an empty {@code Optional} instead of throwing)
     */
    public SampleTimes times(ZoneId zone, TimingOptions options) {
        if (!hasPrintedTimes()) {
            throw new IllegalStateException(report.source() + ": "
                    + (size == 0
                            ? "the log has no sample, so no sample times"
                            : "none of its " + size + " samples has a printed timestamp (tegrastats of JetPack 4 and"
                                    + " earlier prints none): give the first sample's time and the period with"
                                    + " times(Instant start, Duration period)"));
        }
        BitSet stamped = new BitSet(size);
        for (int i = 0; i < size; i++) {
            stamped.set(i, localSeconds[i] != TegrastatsSample.NO_TIME);
        }
        return SampleTimes.fromStamps(sequences, localSeconds, stamped, zone, options);
    }

    /**
     * Computes sample times from a start instant and a period (see {@link SampleTimes#periodic}).
     *
     * @param start the time of the first sample
     * @param period the real sampling period
     * @return the times
     * @throws IllegalArgumentException if the period is not positive
     */
    public SampleTimes times(Instant start, Duration period) {
        return SampleTimes.periodic(sequences, start, period);
    }

    /**
     * Returns the power trace of one rail, at sample times reconstructed from the printed stamps in the device's zone
     * with the period estimated from the stamps: the short way to the join, {@code
     * powerTrace(RailSelection.rail(rail), times(zone, TimingOptions.estimated())).trace()}, for a log in which every
     * sample prints the rail.
     *
     * @param rail the rail's name as printed, e.g. {@code "VDD_CPU_GPU_CV"}
     * @param zone the device's zone (tegrastats prints naive local time)
     * @return the rail's power in watts at each sample's time
     * @throws IllegalArgumentException if the rail is not in the log (the message names the rails it prints), or if
     *     a sample lacks it or is out of time order: such samples would be left out, which the long way ({@link
     *     #powerTrace(RailSelection, SampleTimes)}, whose {@link RailTrace} counts them) does knowingly
     * @throws IllegalStateException if the log has no printed timestamps ({@link #times(ZoneId, TimingOptions)})
     * @since 0.2.0
     */
    public PowerTrace powerTrace(String rail, ZoneId zone) {
        RailTrace r = powerTrace(RailSelection.rail(rail), times(zone, TimingOptions.estimated()));
        if (!r.complete()) {
            throw new IllegalArgumentException(report.source() + ": "
                    + (r.samplesInLog() - r.trace().size())
                    + " of " + r.samplesInLog() + " samples would be left out of the " + rail + " trace ("
                    + r.samplesMissingRails() + " lack the rail, " + r.samplesOutOfOrder() + " out of time order):"
                    + " use powerTrace(RailSelection, SampleTimes), whose RailTrace counts them");
        }
        return r.trace();
    }

    /**
     * Builds a power trace.
     *
     * <p>A selected rail that no sample of the log prints is an error, not an empty trace: a board without the rail
     * (an Orin Nano has no {@code VDD_GPU_SOC}) or a misspelt name would otherwise surface as a NaN three calls later.
     *
     * @param selection the rail, sum or profile selection
     * @param times the sample times, one per sample of this log
     * @return the trace with its account of left-out samples
     * @throws IllegalArgumentException if {@code times} does not have one time per sample, or if a selected rail is
     *     not in the log (the message names the rails the log prints), or if the log prints no rail at all
     */
    public RailTrace powerTrace(RailSelection selection, SampleTimes times) {
        checkTimes(times);
        List<String> names = selection.resolve(rails.keySet());
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    report.source() + ": the log prints no power rail, so there is no " + selection + " trace");
        }
        for (String name : names) {
            if (!rails.containsKey(name)) {
                throw new IllegalArgumentException(report.source() + ": rail " + name + " is not in the log, which"
                        + " prints " + String.join(", ", rails.keySet()) + ": select one of them (RailSelection.rail"
                        + " or RailSelection.sum), or the board's total (detectProfile().orElseThrow().total())");
            }
        }
        double[][] columns = new double[names.size()][];
        long[] missing = new long[names.size()];
        long[] firstMissing = new long[names.size()];
        for (int r = 0; r < names.size(); r++) {
            columns[r] = Objects.requireNonNull(rails.get(names.get(r)), "checked above");
        }
        long[] t = new long[size];
        double[] w = new double[size];
        int kept = 0;
        long missingSamples = 0;
        long outOfOrder = 0;
        for (int i = 0; i < size; i++) {
            double sum = 0;
            boolean complete = true;
            for (int r = 0; r < columns.length; r++) {
                double v = columns[r][i];
                if (Double.isNaN(v)) {
                    if (missing[r]++ == 0) {
                        firstMissing[r] = lineNumbers[i];
                    }
                    complete = false;
                } else {
                    sum += v;
                }
            }
            if (!complete) {
                missingSamples++;
                continue;
            }
            long time = times.epochNanos(i);
            if (kept > 0 && time <= t[kept - 1]) {
                outOfOrder++;
                continue;
            }
            t[kept] = time;
            w[kept++] = sum / 1000.0;
        }
        List<MissingRail> missingRails = new ArrayList<>();
        for (int r = 0; r < names.size(); r++) {
            if (missing[r] > 0) {
                missingRails.add(new MissingRail(names.get(r), missing[r], firstMissing[r]));
            }
        }
        return new RailTrace(
                PowerTrace.of(Arrays.copyOf(t, kept), Arrays.copyOf(w, kept)),
                selection,
                names,
                size,
                missingSamples,
                missingRails,
                outOfOrder);
    }

    /**
     * Returns the temperatures of every sample as thermal samples for the core thermal summary. Sensors absent from a
     * sample or printed as a sentinel ({@code -256C}) are left out of that sample's map; placeholders such as
     * {@code PMIC@100C} are real printed values and kept.
     *
     * @param times the sample times, one per sample of this log
     * @return one thermal sample per log sample, in log order
     * @throws IllegalArgumentException if {@code times} does not have one time per sample
     */
    public List<ThermalSample> thermalSamples(SampleTimes times) {
        checkTimes(times);
        return ThermalSample.fromColumns(times.epochNanos(), temperatures);
    }

    private void checkTimes(SampleTimes times) {
        if (times.size() != size) {
            throw new IllegalArgumentException(
                    "times has " + times.size() + " samples but the log has " + size + " samples");
        }
    }

    @Override
    public String toString() {
        return "TegrastatsLog[" + report.source() + ", " + size + " samples, rails " + rails.keySet() + "]";
    }

    /** Collects samples one at a time, keeping only their times, rails and temperatures. */
    public static final class Builder {
        private int size;
        private long[] lineNumbers = new long[256];
        private long[] sequences = new long[256];
        private long[] localSeconds = new long[256];
        private final Map<String, Column> rails = new LinkedHashMap<>();
        private final Map<String, Column> temperatures = new LinkedHashMap<>();
        private final Map<String, Integer> seen = new java.util.HashMap<>();
        // the columns of the last name arrays seen: consecutive samples of a reader share one name array
        private String[] railNames = new String[0];
        private Column[] railColumns = new Column[0];
        private String[] temperatureNames = new String[0];
        private Column[] temperatureColumns = new Column[0];

        private Builder() {}

        /**
         * Adds a sample.
         *
         * @param s the sample; sequences must increase from sample to sample
         * @return this builder
         * @throws IllegalArgumentException if the sample's sequence is not after the previous one
         */
        public Builder add(TegrastatsSample s) {
            if (size > 0 && s.sequence() <= sequences[size - 1]) {
                throw new IllegalArgumentException("sample sequence " + s.sequence() + " is not after "
                        + sequences[size - 1] + " (line " + s.lineNumber() + ")");
            }
            if (size == lineNumbers.length) {
                lineNumbers = Arrays.copyOf(lineNumbers, size * 2);
                sequences = Arrays.copyOf(sequences, size * 2);
                localSeconds = Arrays.copyOf(localSeconds, size * 2);
            }
            lineNumbers[size] = s.lineNumber();
            sequences[size] = s.sequence();
            localSeconds[size] = s.printedLocalSecond(); // TegrastatsSample.NO_TIME when unstamped
            if (s.railNameArray() != railNames) {
                railNames = s.railNameArray();
                railColumns = columns(rails, railNames);
            }
            for (int i = 0; i < railColumns.length; i++) {
                railColumns[i].set(size, s.railMilliwatts(i));
            }
            if (s.temperatureNameArray() != temperatureNames) {
                temperatureNames = s.temperatureNameArray();
                temperatureColumns = columns(temperatures, temperatureNames);
            }
            for (int i = 0; i < temperatureColumns.length; i++) {
                temperatureColumns[i].set(size, s.temperatureCelsius(i));
            }
            size++;
            return this;
        }

        /** The column of each name, in order; a name printed again in one line gets {@code name#2}, {@code #3}, …. */
        private Column[] columns(Map<String, Column> columns, String[] names) {
            seen.clear();
            Column[] out = new Column[names.length];
            for (int i = 0; i < names.length; i++) {
                int k = seen.merge(names[i], 1, Integer::sum);
                String key = k == 1 ? names[i] : names[i] + "#" + k;
                out[i] = columns.computeIfAbsent(key, x -> new Column());
            }
            return out;
        }

        /**
         * Builds the log.
         *
         * @param report the report of the reading
         * @return the log
         */
        public TegrastatsLog build(ParseReport report) {
            return new TegrastatsLog(this, report);
        }
    }

    /** A growable column of doubles, NaN where no value was set. */
    private static final class Column {
        private double[] values = new double[0];

        void set(int index, double v) {
            if (index >= values.length) {
                int old = values.length;
                values = Arrays.copyOf(values, Math.max(index + 1, old * 2 + 16));
                Arrays.fill(values, old, values.length, Double.NaN);
            }
            values[index] = v;
        }

        double[] toArray(int size) {
            double[] a = Arrays.copyOf(values, size);
            if (values.length < size) {
                Arrays.fill(a, values.length, size, Double.NaN);
            }
            return a;
        }
    }
}
