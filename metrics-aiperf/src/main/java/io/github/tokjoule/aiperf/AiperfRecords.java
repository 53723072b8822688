package io.github.tokjoule.aiperf;

import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.stats.Summary;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of aiperf's per-request {@code profile_export.jsonl} (aiperf ≥ 0.2): one {@link RequestRecord}
 * per line, read and converted on demand, in constant memory (one line buffer, however large the file). Files ending
 * in {@code .gz} are decompressed.
 *
 * <p>By default only profiling records (and records without a phase) are returned, as aiperf's summary counts them;
 * warm-up records are counted in the report ({@link RecordOptions#allPhases()} returns them too). Error records are
 * returned ({@link RequestRecord#isError()}).
 *
 * <p>Bad lines: a complete line that is not a record (invalid JSON, not an object, content after the object) is
 * skipped and reported with its line number, or raises {@link AiperfFormatException} in strict mode; a value of the
 * wrong type is dropped from its record and reported (strict: thrown). A last line without newline that does not
 * parse (a run killed mid-write) is reported in {@link JsonLinesReport#truncatedLastLine()} and every earlier record
 * kept, in either mode.
 *
 * <pre>{@code
 * try (AiperfRecords records = AiperfRecords.open(dir.resolve("profile_export.jsonl"))) {
 *     for (RequestRecord r : records) { ... r.timeToFirstTokenMillis() ... }
 *     JsonLinesReport report = records.report();
 * }
 * }</pre>
 *
 * <p>An instance is iterated once and is not thread-safe. I/O errors during iteration surface as
 * {@link UncheckedIOException}.
 *
 * @since 0.1.0
 */
public final class AiperfRecords implements Iterable<RequestRecord>, Closeable {

    private final JsonLinesSource<RequestRecord> source;
    private boolean iterated;

    private AiperfRecords(InputStream in, String sourceName, RecordOptions options) {
        this.source = new JsonLinesSource<>(
                in, sourceName, options.strict(), new RecordParser(options.allPhases(), options.skipListMetrics()));
    }

    /**
     * Opens a file with the default options (profiling records, lenient).
     *
     * @param file the {@code profile_export.jsonl} (or {@code .jsonl.gz})
     * @return the reader, to be closed
     * @throws IOException if the file cannot be opened
     */
    public static AiperfRecords open(Path file) throws IOException {
        return open(file, RecordOptions.defaults());
    }

    /**
     * Opens a file.
     *
     * @param file the {@code profile_export.jsonl} (or {@code .jsonl.gz})
     * @param options phase filter and strictness
     * @return the reader, to be closed
     * @throws IOException if the file cannot be opened
     */
    public static AiperfRecords open(Path file, RecordOptions options) throws IOException {
        return new AiperfRecords(JsonLinesSource.open(file), String.valueOf(file.getFileName()), options);
    }

    /**
     * Reads a stream (closed by {@link #close()}).
     *
     * @param in the JSON Lines bytes (UTF-8)
     * @param sourceName the name used in messages
     * @param options phase filter and strictness
     * @return the reader, to be closed
     */
    public static AiperfRecords open(InputStream in, String sourceName, RecordOptions options) {
        return new AiperfRecords(in, sourceName, options);
    }

    /**
     * Reads a whole {@code profile_export.jsonl} as the join's request timelines, one per profiling record in file
     * order ({@link RequestRecord#timeline()}), failed requests included: an estimator counts them as {@code FAILED}.
     * Strict: a line that is not a record, a value of the wrong type, a record without its times or a truncated last
     * line is an error, never a request silently missing. To keep the readable records of a damaged file, iterate
     * {@link #open(Path)} and read its {@link #report()}.
     *
     * <pre>{@code
     * List<RequestTimeline> requests = AiperfRecords.timelines(Path.of("profile_export.jsonl"));
     * CellAttribution cell = EnergyEstimators.perRequest().attribute(powerTrace, requests);
     * }</pre>
     *
     * @param file the {@code profile_export.jsonl} (or {@code .jsonl.gz})
     * @return the timelines, in file order
     * @throws IOException if the file cannot be read
     * @throws AiperfFormatException naming the file and the line, for any line that is not a complete record with
     *     its start and end
     * @since 0.2.0
     */
    public static List<RequestTimeline> timelines(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        try (AiperfRecords records =
                open(file, RecordOptions.defaults().withStrict(true).withSkipListMetrics(true))) {
            List<RequestTimeline> out = new ArrayList<>();
            for (RequestRecord r : records) {
                out.add(r.timeline(name));
            }
            JsonLinesReport report = records.report();
            if (report.truncatedLastLine().isPresent()) {
                throw new AiperfFormatException(
                        name,
                        "line " + report.truncatedLastLine().getAsLong(),
                        "the last line is cut short (the run was killed mid-write); read the file with"
                                + " AiperfRecords.open to keep the complete records",
                        null);
            }
            return List.copyOf(out);
        }
    }

    /**
     * Collects the values of one metric over the records of a file, in file order: one value per record for a scalar
     * metric, every element for a list metric ({@code inter_chunk_latency}, pooled as aiperf pools it). Records
     * without the metric (failed requests, for instance) contribute nothing. This is the input of a recomputed summary
     * (mean, population standard deviation, numpy-linear percentiles), which equals aiperf's when the file holds every
     * profiling record of the run.
     *
     * @param file the {@code profile_export.jsonl}
     * @param metric a canonical metric name or alias, e.g. {@code "time_to_first_token"}
     * @param unit the unit the values must have (records in another unit are reported and skipped)
     * @param options phase filter and strictness
     * @return the values in {@code unit}, and the read report
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if {@code metric} is a list metric and {@code options} skip list metrics
     */
    public static MetricValues collect(Path file, String metric, MetricUnit unit, RecordOptions options)
            throws IOException {
        try (AiperfRecords records = open(file, options)) {
            return records.collect(metric, unit);
        }
    }

    /**
     * Collects the values of one metric over the remaining records of this reader (see
     * {@link #collect(Path, String, MetricUnit, RecordOptions)}).
     *
     * @param metric a canonical metric name or alias
     * @param unit the unit the values must have
     * @return the values and the report
     * @throws IllegalStateException if {@code metric} is a list metric stepped over by
     *     {@link RecordOptions#skipListMetrics()} (the values would be silently missing)
     */
    public MetricValues collect(String metric, MetricUnit unit) {
        String name = ProfileParser.ALIASES.getOrDefault(metric, metric);
        double[][] buf = {new double[1024]};
        int[] n = {0};
        for (RequestRecord r : this) {
            RecordMetric m = r.metrics().get(name);
            if (m == null) {
                continue;
            }
            if (m.unit() != unit) {
                source.issues()
                        .note(
                                "line " + r.lineNumber() + ": $.metrics." + m.sourceName(),
                                "unit \"" + m.sourceUnit() + "\" is not " + unit.symbol() + "; not collected");
                continue;
            }
            m.forEachValue(v -> {
                if (n[0] == buf[0].length) {
                    buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
                }
                buf[0][n[0]++] = v;
            });
        }
        JsonLinesReport report = report();
        if (report.skippedListMetricNames().contains(name)) {
            throw new IllegalStateException("cannot collect " + name + " from " + report.source()
                    + ": it is a list metric and the options skip list metrics (RecordOptions.skipListMetrics)");
        }
        return new MetricValues(name, unit, Arrays.copyOf(buf[0], n[0]), report);
    }

    /**
     * {@return the records, read lazily; may be called once}
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Iterator<RequestRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("AiperfRecords can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private @Nullable RequestRecord next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = source.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public RequestRecord next() {
                RequestRecord r = hasNext() ? next : null;
                if (r == null) {
                    throw new NoSuchElementException();
                }
                next = null;
                return r;
            }
        };
    }

    /** {@return the records as a sequential stream; closing the stream closes this reader} */
    public Stream<RequestRecord> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** {@return the report so far; complete once the records are exhausted} */
    public JsonLinesReport report() {
        return source.report();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /**
     * The values of one metric collected over a file, and what reading it met.
     *
     * @since 0.1.0
     */
    public static final class MetricValues {
        private final String metric;
        private final MetricUnit unit;
        private final double[] values;
        private final JsonLinesReport report;

        MetricValues(String metric, MetricUnit unit, double[] values, JsonLinesReport report) {
            this.metric = metric;
            this.unit = unit;
            this.values = values;
            this.report = report;
        }

        /** {@return the canonical metric name} */
        public String metric() {
            return metric;
        }

        /** {@return the unit of the values} */
        public MetricUnit unit() {
            return unit;
        }

        /** {@return the values in file order; the array is not copied and belongs to the caller} */
        public double[] values() {
            return values;
        }

        /** {@return the read report} */
        public JsonLinesReport report() {
            return report;
        }

        /**
         * Recomputes the summary statistics of the values as aiperf does ({@code MetricArray.to_result}): mean,
         * population standard deviation (ddof 0), min, max and numpy-linear percentiles p1…p99, by core
         * {@link Summary#of(double[])}. Over every profiling record of a run it reproduces the summary file's
         * statistics up to floating-point summation order (a few ulps; see {@code RecomputationTest}).
         *
         * @return the summary in {@link #unit()}; {@link Summary#empty()} (NaN statistics) if there are no values
         */
        public Summary summary() {
            return Summary.of(values);
        }
    }
}
