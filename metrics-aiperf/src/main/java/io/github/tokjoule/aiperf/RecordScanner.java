package io.github.tokjoule.aiperf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link RecordParser}: reads a {@code profile_export.jsonl} line straight from its bytes, for the
 * lines it can vouch for, and answers {@link JsonLinesSource.LineParser#UNSURE} for every other line, which then goes
 * to Jackson whole. A cold report reads ≈ 25,000 lines once, so most of Jackson's cost there is its tokeniser running
 * interpreted: this scanner is a few small methods that touch each byte once.
 *
 * <p>It accepts a strict subset of what Jackson accepts, and gives exactly what {@link RecordParser#parse} gives there:
 *
 * <ul>
 *   <li>JSON as RFC 8259 writes it, whitespace {@code ' ' \t \r \n}, at most {@value #MAX_DEPTH} levels deep, strings of
 *       printable ASCII only (no escape, no control or non-ASCII byte: those lines are Jackson's) of at most
 *       {@value #MAX_STRING_CHARS} characters, numbers of at most
 *       {@value #MAX_NUMBER_CHARS} characters. Jackson accepts all of this with the factory of {@link Json}; anything
 *       else (NaN, a leading zero, a trailing comma, content after the record) is unsure here;
 *   <li>no line that would record an issue: a value of the wrong type, a non-finite number, an unknown unit, an
 *       integer beyond {@code long} (or {@code Long.MIN_VALUE}), an {@code error} that is not null (failed requests are
 *       rare and their error objects are Jackson's). Counts (left out by phase, list metrics stepped over) are
 *       recorded only once the whole line has been scanned;
 *   <li>numbers converted as Jackson converts them: an integer token through {@code long} (so
 *       {@code -0} is {@code +0.0}), a decimal token correctly rounded: by one exact IEEE operation where the digits fit
 *       2^53 and the power of ten is exact (|exponent| ≤ 22, Clinger's fast path), otherwise by
 *       {@link Double#parseDouble} on the token's text;
 *   <li>the same sequential rules for repeated keys (the last metadata value wins, a repeated metric replaces the
 *       earlier one in place), for {@code null} values, and for the phase filter.
 * </ul>
 *
 * One instance per file, like its parser.
 */
final class RecordScanner {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_CHARS = 64;
    static final int MAX_STRING_CHARS = 10_000;

    /** Thrown where the scanner cannot vouch for the line; never escapes {@link #scan}. */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super(null, null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();
    private static final byte[] NO_BYTES = new byte[0];

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private static final byte[] METADATA = ascii("metadata");
    private static final byte[] METRICS = ascii("metrics");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] VALUE = ascii("value");
    private static final byte[] UNIT = ascii("unit");
    private static final byte[] SESSION_NUM = ascii("session_num");
    private static final byte[] REQUEST_ID = ascii("x_request_id");
    private static final byte[] CORRELATION_ID = ascii("x_correlation_id");
    private static final byte[] CONVERSATION_ID = ascii("conversation_id");
    private static final byte[] TURN_INDEX = ascii("turn_index");
    private static final byte[] CREDIT = ascii("credit_issued_ns");
    private static final byte[] START = ascii("request_start_ns");
    private static final byte[] ACK = ascii("request_ack_ns");
    private static final byte[] END = ascii("request_end_ns");
    private static final byte[] CANCELLED = ascii("cancellation_time_ns");
    private static final byte[] WORKER_ID = ascii("worker_id");
    private static final byte[] PROCESSOR_ID = ascii("record_processor_id");
    private static final byte[] BENCHMARK_PHASE = ascii("benchmark_phase");
    private static final byte[] CREDIT_PHASE = ascii("credit_phase");
    private static final byte[] WAS_CANCELLED = ascii("was_cancelled");

    private final boolean allPhases;
    private final boolean skipLists;
    private final Function<String, MetricUnit.@Nullable Conversion> conversions;
    private final RecordParser.Metadata md = new RecordParser.Metadata();

    /** Strings that repeat from line to line (metric keys, units, worker ids, phases), so each is made once. */
    private final String[] strings = new String[64];

    private int stringCount;
    private String[] skippedLists = new String[4];
    private int skippedCount;
    private double[] scratch = new double[512];

    // the line being scanned
    private byte[] b = NO_BYTES;
    private int pos;
    private int end;
    // the last string or number token: [tokenStart, tokenEnd) without quotes
    private int tokenStart;
    private int tokenEnd;

    RecordScanner(boolean allPhases, boolean skipLists, Function<String, MetricUnit.@Nullable Conversion> conversions) {
        this.allPhases = allPhases;
        this.skipLists = skipLists;
        this.conversions = conversions;
    }

    /** {@return the record, null if left out by phase (counted), or {@link JsonLinesSource.LineParser#UNSURE}} */
    @Nullable
    Object scan(byte[] buf, int start, int length, JsonLinesSource<RequestRecord> src) {
        b = buf;
        pos = start;
        end = start + length;
        skippedCount = 0;
        RequestRecord record;
        boolean excluded;
        try {
            ws();
            expect('{');
            md.reset();
            Map<String, RecordMetric> metrics = new LinkedHashMap<>();
            excluded = false;
            if (!closes('}')) {
                do {
                    string();
                    colon();
                    if (excluded) {
                        skipValue(1);
                    } else if (tokenIs(METADATA)) {
                        if (object()) {
                            metadata();
                            excluded = md.excluded(allPhases);
                        }
                    } else if (tokenIs(METRICS)) {
                        if (object()) {
                            metrics(metrics);
                        }
                    } else if (tokenIs(ERROR)) {
                        if (!literalNull()) {
                            throw UNSURE;
                        }
                    } else {
                        skipValue(1);
                    }
                } while (more('}'));
            }
            ws();
            if (pos != end) {
                throw UNSURE;
            }
            record = excluded ? null : md.record(src.lineNumber(), metrics, null);
        } catch (Unsure e) {
            return JsonLinesSource.LineParser.UNSURE;
        } finally {
            b = NO_BYTES; // not to keep the reader's buffer alive
        }
        for (int i = 0; i < skippedCount; i++) {
            src.skipListMetric(skippedLists[i]);
        }
        if (excluded) {
            src.skipByPhase();
        }
        return record;
    }

    // --- the record's parts, as RecordParser reads them -------------------------------------------------------

    private void metadata() throws Unsure {
        if (closes('}')) {
            return;
        }
        do {
            string();
            colon();
            if (tokenIs(SESSION_NUM)) {
                long s = longOrAbsent();
                md.sessionNum = s == RequestRecord.ABSENT ? null : s;
            } else if (tokenIs(REQUEST_ID)) {
                md.requestId = textOrNull(false);
            } else if (tokenIs(CORRELATION_ID)) {
                md.correlationId = textOrNull(false);
            } else if (tokenIs(CONVERSATION_ID)) {
                md.conversationId = textOrNull(false);
            } else if (tokenIs(TURN_INDEX)) {
                long ti = longOrAbsent();
                md.turnIndex = ti == RequestRecord.ABSENT || ti != (int) ti ? null : (int) ti;
            } else if (tokenIs(CREDIT)) {
                md.credit = longOrAbsent();
            } else if (tokenIs(START)) {
                md.start = longOrAbsent();
            } else if (tokenIs(ACK)) {
                md.ack = longOrAbsent();
            } else if (tokenIs(END)) {
                md.end = longOrAbsent();
            } else if (tokenIs(CANCELLED)) {
                md.cancelled = longOrAbsent();
            } else if (tokenIs(WORKER_ID)) {
                md.workerId = textOrNull(true);
            } else if (tokenIs(PROCESSOR_ID)) {
                md.processorId = textOrNull(true);
            } else if (tokenIs(BENCHMARK_PHASE) || tokenIs(CREDIT_PHASE)) {
                String ph = textOrNull(true);
                md.phase = ph == null ? md.phase : ph;
            } else if (tokenIs(WAS_CANCELLED)) {
                md.wasCancelled = booleanOrNull();
            } else {
                skipValue(2);
            }
        } while (more('}'));
    }

    private void metrics(Map<String, RecordMetric> out) throws Unsure {
        if (closes('}')) {
            return;
        }
        do {
            string();
            String key = repeated();
            colon();
            if (object()) {
                RecordMetric m = metric(key);
                if (m != null) {
                    out.put(m.name(), m);
                }
            }
        } while (more('}'));
    }

    /** One {@code {value, unit}} object, after its brace; null where RecordParser keeps no metric. */
    private @Nullable RecordMetric metric(String key) throws Unsure {
        String unit = null;
        double value = Double.NaN;
        int n = -1; // list length, or -1 for a scalar
        boolean present = false;
        boolean skipped = false;
        if (!closes('}')) {
            do {
                string();
                colon();
                if (tokenIs(VALUE)) {
                    byte c = peek();
                    if (c == '[' && skipLists) {
                        skipValue(3);
                        skipped = true;
                    } else if (c == '[') {
                        pos++;
                        n = list();
                        present = true;
                    } else if (!literalNull()) {
                        value = number();
                        present = true;
                    }
                } else if (tokenIs(UNIT)) {
                    unit = textOrNull(true);
                } else {
                    skipValue(3);
                }
            } while (more('}'));
        }
        String name = ProfileParser.ALIASES.getOrDefault(key, key);
        if (skipped) {
            if (skippedCount == skippedLists.length) {
                skippedLists = Arrays.copyOf(skippedLists, skippedCount * 2);
            }
            skippedLists[skippedCount++] = name;
            return null;
        }
        if (!present) {
            return null;
        }
        String sourceUnit = unit == null ? "" : unit;
        MetricUnit.Conversion c = conversions.apply(sourceUnit);
        if (c == null) {
            throw UNSURE; // RecordParser reports the unit
        }
        return RecordParser.converted(name, key, sourceUnit, c, value, n < 0 ? null : Arrays.copyOf(scratch, n));
    }

    /** A list of finite numbers into the scratch buffer, after its bracket; {@return its length} */
    private int list() throws Unsure {
        if (closes(']')) {
            return 0;
        }
        int n = 0;
        do {
            double v = number();
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = v;
        } while (more(']'));
        return n;
    }

    // --- typed values ------------------------------------------------------------------------------------------

    /** {@return true for an object (its brace consumed), false for null} */
    private boolean object() throws Unsure {
        if (peek() == '{') {
            pos++;
            return true;
        }
        if (literalNull()) {
            return false;
        }
        throw UNSURE;
    }

    /** An integer that fits a long (but is not Long.MIN_VALUE, which is ABSENT), or null (ABSENT). */
    private long longOrAbsent() throws Unsure {
        if (literalNull()) {
            return RequestRecord.ABSENT;
        }
        int s = pos;
        if (!scanNumber()) {
            throw UNSURE; // a decimal: RecordParser reports it
        }
        return integer(s);
    }

    private @Nullable String textOrNull(boolean repeats) throws Unsure {
        if (literalNull()) {
            return null;
        }
        if (peek() != '"') {
            throw UNSURE;
        }
        string();
        return repeats ? repeated() : new String(b, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
    }

    private @Nullable Boolean booleanOrNull() throws Unsure {
        if (literal("true")) {
            return Boolean.TRUE;
        }
        if (literal("false")) {
            return Boolean.FALSE;
        }
        if (literalNull()) {
            return null;
        }
        throw UNSURE;
    }

    /** A finite number, as Jackson's {@code getDoubleValue} gives it. */
    private double number() throws Unsure {
        int s = pos;
        if (scanNumber()) {
            return integer(s); // through long, as Jackson does: "-0" is +0.0
        }
        boolean negative = b[s] == '-';
        int from = negative ? s + 1 : s;
        // decimal: digits d1…dk with the point and the exponent folded into one power of ten
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int i = from;
        boolean seenPoint = false;
        for (; i < tokenEnd; i++) {
            byte c = b[i];
            if (c == '.') {
                seenPoint = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                mantissa = significant <= 18 ? mantissa * 10 + (c - '0') : mantissa;
                if (seenPoint) {
                    scale--;
                }
            }
        }
        double v;
        if (significant <= 15 && i == tokenEnd && scale >= -22) {
            // Clinger: mantissa < 10^15 < 2^53 and 10^-scale are exact doubles, so one division rounds correctly
            v = mantissa / POWERS_OF_TEN[-scale];
            v = negative ? -v : v;
        } else {
            v = Double.parseDouble(new String(b, s, tokenEnd - s, StandardCharsets.ISO_8859_1));
        }
        if (!Double.isFinite(v)) {
            throw UNSURE; // RecordParser reports it
        }
        return v;
    }

    /**
     * The integer token that starts at {@code s}, where its magnitude is at most {@link Long#MAX_VALUE}; larger ones
     * (Jackson's big integers, and {@code Long.MIN_VALUE}, which is ABSENT) are unsure.
     */
    private long integer(int s) throws Unsure {
        boolean negative = b[s] == '-';
        int from = negative ? s + 1 : s;
        int n = tokenEnd - from;
        if (n > 19) {
            throw UNSURE;
        }
        long v = 0;
        for (int i = from, last = from + Math.min(n, 18); i < last; i++) {
            v = v * 10 + (b[i] - '0');
        }
        if (n == 19) {
            int d = b[from + 18] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw UNSURE;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    // --- JSON syntax ------------------------------------------------------------------------------------------

    /** Steps over one value of any type, checking its syntax as strictly as Jackson does (or more). */
    private void skipValue(int depth) throws Unsure {
        if (depth > MAX_DEPTH) {
            throw UNSURE;
        }
        byte c = peek();
        if (c == '{') {
            pos++;
            if (!closes('}')) {
                do {
                    string();
                    colon();
                    skipValue(depth + 1);
                } while (more('}'));
            }
        } else if (c == '[') {
            pos++;
            if (!closes(']')) {
                do {
                    skipValue(depth + 1);
                } while (more(']'));
            }
        } else if (c == '"') {
            string();
        } else if (c == 't') {
            expectLiteral("true");
        } else if (c == 'f') {
            expectLiteral("false");
        } else if (c == 'n') {
            expectLiteral("null");
        } else {
            scanNumber();
        }
    }

    /**
     * A number token by RFC 8259's grammar ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}), followed by a
     * structural character or whitespace; sets the token's bounds.
     *
     * @return whether it is an integer (no fraction, no exponent)
     */
    private boolean scanNumber() throws Unsure {
        int s = pos;
        int i = s;
        if (i < end && b[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        if (i == intStart || (b[intStart] == '0' && i - intStart > 1)) {
            throw UNSURE; // no digit, or a leading zero
        }
        boolean integral = true;
        if (i < end && b[i] == '.') {
            integral = false;
            int f = ++i;
            while (i < end && isDigit(b[i])) {
                i++;
            }
            if (i == f) {
                throw UNSURE;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int e = i;
            while (i < end && isDigit(b[i])) {
                i++;
            }
            if (i == e) {
                throw UNSURE;
            }
        }
        if (i - s > MAX_NUMBER_CHARS || (i < end && !endsToken(b[i]))) {
            throw UNSURE;
        }
        tokenStart = s;
        tokenEnd = i;
        pos = i;
        return integral;
    }

    /** A string of printable ASCII without escapes; sets the bounds of its content. */
    private void string() throws Unsure {
        ws();
        if (pos >= end || b[pos] != '"') {
            throw UNSURE;
        }
        int s = ++pos;
        for (int i = s, last = Math.min(end, s + MAX_STRING_CHARS); i < last; i++) {
            byte c = b[i];
            if (c == '"') {
                tokenStart = s;
                tokenEnd = i;
                pos = i + 1;
                return;
            }
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw UNSURE; // escapes, control and non-ASCII bytes are Jackson's
            }
        }
        throw UNSURE;
    }

    private boolean tokenIs(byte[] name) {
        int n = tokenEnd - tokenStart;
        if (n != name.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[tokenStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@return the last string token, made once and then reused for equal bytes (a bounded table)} */
    private String repeated() {
        int n = tokenEnd - tokenStart;
        for (int k = 0; k < stringCount; k++) {
            String s = strings[k];
            if (s.length() == n && sameChars(s)) {
                return s;
            }
        }
        String s = new String(b, tokenStart, n, StandardCharsets.ISO_8859_1);
        if (stringCount < strings.length) {
            strings[stringCount++] = s;
        }
        return s;
    }

    private boolean sameChars(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) != b[tokenStart + i]) {
                return false;
            }
        }
        return true;
    }

    private void colon() throws Unsure {
        ws();
        expect(':');
        ws();
    }

    /** After a member or element: {@return true after a comma, false after the closing character} */
    private boolean more(char close) throws Unsure {
        ws();
        if (pos < end) {
            byte c = b[pos++];
            if (c == ',') {
                ws();
                return true;
            }
            if (c == close) {
                return false;
            }
        }
        throw UNSURE;
    }

    /** Right after an opening character: {@return whether the container is empty (its closing consumed)} */
    private boolean closes(char close) {
        ws();
        if (pos < end && b[pos] == close) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Unsure {
        if (pos >= end || b[pos] != c) {
            throw UNSURE;
        }
        pos++;
    }

    private byte peek() throws Unsure {
        if (pos >= end) {
            throw UNSURE;
        }
        return b[pos];
    }

    private boolean literalNull() {
        return literal("null");
    }

    private void expectLiteral(String word) throws Unsure {
        if (!literal(word)) {
            throw UNSURE;
        }
    }

    /** Consumes a literal if it is next and ends where a token may end. */
    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        if (pos + n < end && !endsToken(b[pos + n])) {
            return false;
        }
        pos += n;
        return true;
    }

    private void ws() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private static boolean endsToken(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
