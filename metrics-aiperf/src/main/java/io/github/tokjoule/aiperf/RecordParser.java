package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Parses one {@code profile_export.jsonl} line into a {@link RequestRecord}. One instance per file (not shared). */
final class RecordParser implements JsonLinesSource.LineParser<RequestRecord> {

    private final boolean allPhases;
    private final boolean skipLists;
    private final Map<String, MetricUnit.@Nullable Conversion> unitCache = new HashMap<>();
    private double[] scratch = new double[512];

    private final Metadata md = new Metadata();
    private final @Nullable RecordScanner scanner;

    RecordParser(boolean allPhases, boolean skipLists) {
        this(allPhases, skipLists, true);
    }

    /** {@code bytesFirst} false sends every line to Jackson (the reference the fast path is tested against). */
    RecordParser(boolean allPhases, boolean skipLists, boolean bytesFirst) {
        this.allPhases = allPhases;
        this.skipLists = skipLists;
        this.scanner = bytesFirst ? new RecordScanner(allPhases, skipLists, this::conversion) : null;
    }

    @Override
    public @Nullable Object parseBytes(byte[] buf, int start, int length, JsonLinesSource<RequestRecord> src) {
        return scanner == null ? JsonLinesSource.LineParser.UNSURE : scanner.scan(buf, start, length, src);
    }

    @Override
    public @Nullable RequestRecord parse(JsonParser p, JsonLinesSource<RequestRecord> src) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new JsonLinesSource.MalformedLineException("expected a JSON object, found " + Json.describe(p, t));
        }
        md.reset();
        Map<String, RecordMetric> metrics = new LinkedHashMap<>();
        ErrorDetails error = null;
        boolean excluded = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (excluded) {
                p.skipChildren();
            } else if (name.equals("metadata")) {
                if (objectOrNull(p, t, src)) {
                    metadata(p, src);
                    excluded = md.excluded(allPhases);
                }
            } else if (name.equals("metrics")) {
                if (objectOrNull(p, t, src)) {
                    metrics(p, src, metrics);
                }
            } else if (name.equals("error")) {
                if (t != JsonToken.VALUE_NULL) {
                    String at = src.at(p);
                    Object node = JsonTree.read(p);
                    if (node instanceof Map<?, ?>) {
                        error = ProfileParser.errorDetails(node, at, src.issues());
                    } else if (node != null) {
                        src.issues()
                                .add(at, "expected an error object, found " + JsonTree.describe(node) + "; ignored");
                    }
                }
            } else {
                p.skipChildren(); // trace_data, raw_summary, future keys
            }
        }
        if (excluded) {
            src.skipByPhase();
            return null;
        }
        return md.record(src.lineNumber(), metrics, error);
    }

    private static boolean objectOrNull(JsonParser p, JsonToken t, JsonLinesSource<?> src) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            src.issues().add(src.at(p), "expected an object, found " + Json.describe(p, t) + "; ignored");
            p.skipChildren();
        }
        return false;
    }

    private void metadata(JsonParser p, JsonLinesSource<?> src) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "session_num" -> {
                    long s = epochOrLong(p, t, src);
                    md.sessionNum = s == RequestRecord.ABSENT ? null : s;
                }
                case "x_request_id" -> md.requestId = text(p, t, src);
                case "x_correlation_id" -> md.correlationId = text(p, t, src);
                case "conversation_id" -> md.conversationId = text(p, t, src);
                case "turn_index" -> {
                    long ti = epochOrLong(p, t, src);
                    md.turnIndex = ti == RequestRecord.ABSENT || ti != (int) ti ? null : (int) ti;
                }
                case "credit_issued_ns" -> md.credit = epochOrLong(p, t, src);
                case "request_start_ns" -> md.start = epochOrLong(p, t, src);
                case "request_ack_ns" -> md.ack = epochOrLong(p, t, src);
                case "request_end_ns" -> md.end = epochOrLong(p, t, src);
                case "cancellation_time_ns" -> md.cancelled = epochOrLong(p, t, src);
                case "worker_id" -> md.workerId = text(p, t, src);
                case "record_processor_id" -> md.processorId = text(p, t, src);
                case "benchmark_phase", "credit_phase" -> {
                    String ph = text(p, t, src);
                    md.phase = ph == null ? md.phase : ph;
                }
                case "was_cancelled" -> {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        md.wasCancelled = t == JsonToken.VALUE_TRUE;
                    } else if (t != JsonToken.VALUE_NULL) {
                        wrongType(p, t, src, "true or false");
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** An integer that fits a long; ABSENT for null or (reported) anything else. */
    private static long epochOrLong(JsonParser p, JsonToken t, JsonLinesSource<?> src) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue();
            if (v != RequestRecord.ABSENT) {
                return v;
            }
        }
        if (t != JsonToken.VALUE_NULL) {
            wrongType(p, t, src, "an integer");
        }
        return RequestRecord.ABSENT;
    }

    private static @Nullable String text(JsonParser p, JsonToken t, JsonLinesSource<?> src) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            wrongType(p, t, src, "a string");
        }
        return null;
    }

    private static void wrongType(JsonParser p, JsonToken t, JsonLinesSource<?> src, String expected)
            throws IOException {
        src.issues().add(src.at(p), "expected " + expected + ", found " + Json.describe(p, t) + "; ignored");
        p.skipChildren();
    }

    // --- metrics ------------------------------------------------------------------------------------------

    private void metrics(JsonParser p, JsonLinesSource<?> src, Map<String, RecordMetric> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                RecordMetric m = metric(p, src, key);
                if (m != null) {
                    out.put(m.name(), m);
                }
            } else if (t != JsonToken.VALUE_NULL) {
                wrongType(p, t, src, "a {value, unit} object");
            }
        }
    }

    private @Nullable RecordMetric metric(JsonParser p, JsonLinesSource<?> src, String key) throws IOException {
        String unit = null;
        double value = Double.NaN;
        int n = -1; // list length, or -1 for a scalar
        boolean present = false;
        boolean bad = false;
        boolean skipped = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("value")) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    value = p.getDoubleValue();
                    present = true;
                    bad = !finite(value, p, src);
                } else if (t == JsonToken.START_ARRAY && skipLists) {
                    p.skipChildren(); // tokenised, numbers not converted
                    skipped = true;
                } else if (t == JsonToken.START_ARRAY) {
                    n = list(p, src);
                    present = true;
                    bad = n < 0;
                } else if (t != JsonToken.VALUE_NULL) {
                    wrongType(p, t, src, "a number or a list of numbers");
                    bad = true;
                }
            } else if (field.equals("unit")) {
                unit = text(p, t, src);
            } else {
                p.skipChildren();
            }
        }
        String name = ProfileParser.ALIASES.getOrDefault(key, key);
        if (skipped) {
            src.skipListMetric(name);
            return null;
        }
        if (!present || bad) {
            return null;
        }
        String sourceUnit = unit == null ? "" : unit;
        MetricUnit.Conversion c = conversion(sourceUnit);
        double[] values = n < 0 ? null : Arrays.copyOf(scratch, n);
        if (c == null) {
            src.issues()
                    .add(
                            src.at() + ": $.metrics." + key + ".unit",
                            (unit == null ? "no unit" : "unknown unit \"" + unit + "\"") + "; value kept as written");
            return new RecordMetric(name, key, sourceUnit, MetricUnit.OTHER, n < 0 ? value : Double.NaN, values);
        }
        return converted(name, key, sourceUnit, c, value, values);
    }

    /** A metric in its canonical unit; {@code values} (a list, or null for a scalar) is scaled in place. */
    static RecordMetric converted(
            String name,
            String key,
            String sourceUnit,
            MetricUnit.Conversion c,
            double value,
            double @Nullable [] values) {
        if (values != null) {
            if (c.factor() != 1.0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] *= c.factor();
                }
            }
            return new RecordMetric(name, key, sourceUnit, c.unit(), Double.NaN, values);
        }
        return new RecordMetric(name, key, sourceUnit, c.unit(), c.apply(value), null);
    }

    MetricUnit.@Nullable Conversion conversion(String sourceUnit) {
        MetricUnit.Conversion c = unitCache.get(sourceUnit);
        if (c == null && !unitCache.containsKey(sourceUnit)) {
            c = Units.resolve(sourceUnit);
            if (unitCache.size() < 64) {
                unitCache.put(sourceUnit, c);
            }
        }
        return c;
    }

    /** Reads a list of numbers into the scratch buffer; returns its length, or -1 if an element is not a number. */
    private int list(JsonParser p, JsonLinesSource<?> src) throws IOException {
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                wrongType(p, t, src, "a number in the list");
                skipRestOfArray(p);
                return -1;
            }
            double v = p.getDoubleValue();
            if (!finite(v, p, src)) {
                skipRestOfArray(p);
                return -1;
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = v;
        }
        return n;
    }

    private static void skipRestOfArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return;
            }
            p.skipChildren();
        }
    }

    private static boolean finite(double v, JsonParser p, JsonLinesSource<?> src) throws IOException {
        if (Double.isFinite(v)) {
            return true;
        }
        src.issues().add(src.at(p), p.getText() + " is not a finite number; metric ignored");
        return false;
    }

    /** The metadata of the line being parsed, shared by the Jackson path and {@link RecordScanner}. */
    static final class Metadata {
        @Nullable
        Long sessionNum;

        @Nullable
        String requestId;

        @Nullable
        String correlationId;

        @Nullable
        String conversationId;

        @Nullable
        Integer turnIndex;

        long credit;
        long start;
        long ack;
        long end;
        long cancelled;

        @Nullable
        String workerId;

        @Nullable
        String processorId;

        @Nullable
        String phase;

        @Nullable
        Boolean wasCancelled;

        void reset() {
            sessionNum = null;
            requestId = null;
            correlationId = null;
            conversationId = null;
            turnIndex = null;
            credit = RequestRecord.ABSENT;
            start = RequestRecord.ABSENT;
            ack = RequestRecord.ABSENT;
            end = RequestRecord.ABSENT;
            cancelled = RequestRecord.ABSENT;
            workerId = null;
            processorId = null;
            phase = null;
            wasCancelled = null;
        }

        /** {@return whether the phase filter leaves the record out: a phase other than profiling} */
        boolean excluded(boolean allPhases) {
            return !allPhases && phase != null && !phase.equals("profiling");
        }

        RequestRecord record(long lineNumber, Map<String, RecordMetric> metrics, @Nullable ErrorDetails error) {
            return new RequestRecord(
                    lineNumber,
                    sessionNum,
                    requestId,
                    correlationId,
                    conversationId,
                    turnIndex,
                    credit,
                    start,
                    ack,
                    end,
                    cancelled,
                    workerId,
                    processorId,
                    phase,
                    wasCancelled,
                    metrics,
                    error);
        }
    }
}
