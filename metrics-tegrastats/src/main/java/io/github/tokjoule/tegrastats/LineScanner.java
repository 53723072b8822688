package io.github.tokjoule.tegrastats;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written, token-driven scanner behind {@link TegrastatsParser} and {@link TegrastatsReader}.
 *
 * <p>It walks the characters of one line once, left to right, and dispatches on the shape of each token, never on
 * its position, so field order does not matter and new fields are kept as engines or unknown tokens. No regular
 * expression is involved; every loop advances the cursor, so the cost is linear in the line length. One instance
 * reuses its scratch arrays from line to line and is not thread-safe.
 *
 * <p>While it scans a line in full it records where each stored number lay; the next line is first offered to that
 * {@link LineTemplate}, which reads only the numbers of a line of the same shape (see there why the result is the
 * same). The fields below then hold the template line's sample with the new numbers.
 */
final class LineScanner {

    static final int RAM_USED = 0;
    static final int RAM_TOTAL = 1;
    static final int RAM_UNIT = 2;
    static final int RAM_LFB_COUNT = 3;
    static final int RAM_LFB_SIZE = 4;
    static final int RAM_LFB_UNIT = 5;
    static final int SWAP_USED = 6;
    static final int SWAP_TOTAL = 7;
    static final int SWAP_UNIT = 8;
    static final int SWAP_CACHED = 9;
    static final int SWAP_CACHED_UNIT = 10;
    static final int IRAM_USED = 11;
    static final int IRAM_TOTAL = 12;
    static final int IRAM_UNIT = 13;
    static final int IRAM_LFB_SIZE = 14;
    static final int IRAM_LFB_UNIT = 15;

    /** More items than this in one list (cores, rails, temperatures, engines, unknown tokens) make a line malformed. */
    static final int MAX_ITEMS = 4096;

    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int FAIL = -1;
    // SizeUnit and RailUnit constants in declaration order, stored in a byte per field (TegrastatsSample maps back)
    private static final int UNIT_BYTES = 0;
    private static final int UNIT_KILOBYTES = 1;
    private static final int UNIT_MEGABYTES = 2;
    private static final int UNIT_GIGABYTES = 3;
    private static final int RAIL_UNITLESS = 0;
    private static final int RAIL_MILLIWATTS = 1;
    private static final int RAIL_WATTS = 2;
    /** What {@link #buf} holds for a character outside ASCII: not a letter, digit, space or punctuation. */
    static final byte NON_ASCII = (byte) 0x80;

    /** Letters, digits and '_': the characters of a field name. */
    private static final boolean[] IDENT = new boolean[128];

    /** The characters besides digits that timestamps are made of, a wrapper's as well as tegrastats' own. */
    private static final boolean[] STAMP_PUNCTUATION = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENT[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            STAMP_PUNCTUATION[c] = "-:./,TZ+[]()".indexOf(c) >= 0;
        }
    }

    // ---- results of the last scan (read by TegrastatsSample's constructor)
    long printedLocalSecond;

    @Nullable
    String prefix;

    final long[] mem = new long[16];
    int cpuCount;
    int[] cpuLoad = new int[16];
    int[] cpuFreq = new int[16];
    int cpuSharedFreq;
    int mtsForeground;
    int mtsBackground;
    int engineCount;
    String[] engineNames = new String[16];
    byte[] engineFlags = new byte[16];
    int[] engineLoad = new int[16];
    int[] engineFreqStart = new int[17];
    int[] engineFreqs = new int[32];
    int tempCount;
    String[] tempNames = new String[16];
    double[] tempCurrent = new double[16];
    double[] tempMax = new double[16];
    int railCount;
    String[] railNames = new String[16];
    double[] railCurrent = new double[16];
    double[] railAverage = new double[16];
    double[] railMax = new double[16];
    byte[] railUnits = new byte[16];
    int unknownCount;
    String[] unknownNames = new String[4];
    String[] unknownTexts = new String[4];

    @Nullable
    String problem;

    // ---- state
    private final NameTable names = new NameTable();
    private final PositionalNames engineNameCache = new PositionalNames(names);
    private final PositionalNames tempNameCache = new PositionalNames(names);
    private final PositionalNames railNameCache = new PositionalNames(names);
    private String[] lastEngineNames = new String[0];
    private String[] lastTempNames = new String[0];
    private String[] lastRailNames = new String[0];
    private long scanId;
    private long lastEngineScan = -2;
    private long lastTempScan = -2;
    private long lastRailScan = -2;
    private byte[] buf = new byte[0];
    /** The line's characters when it has non-ASCII ones ({@link #buf} then holds {@link #NON_ASCII} for each). */
    private char @Nullable [] text;

    private int lineStart;
    private int start;
    private int end;
    private boolean seenCpu;
    private boolean seenMts;
    private int lastDateKey = -1;
    private long lastEpochDay;
    // number scratch: the value and the end of the last number scanned
    long num;
    private int numEnd;
    double dec;

    /** The shape of the last line scanned in full, replayed on the next lines; {@code null}: always scan in full. */
    private final @Nullable LineTemplate template;

    /** What the line is when {@link #leading} finds no first field. */
    private LineKind leadingKind = LineKind.BLANK;

    /** Where the first field of the last line scanned in full starts: where its template starts. */
    private int firstField;

    private long replayed;

    /** A scanner that replays the template of the previous line whenever it can (see {@link LineTemplate}). */
    LineScanner() {
        this(true);
    }

    /** {@code replay = false}: every line is scanned in full (the reference the replay is tested against). */
    LineScanner(boolean replay) {
        this.template = replay ? new LineTemplate() : null;
    }

    /**
     * Classifies and parses {@code buf[from, to)}, which holds one line without its terminator.
     *
     * @return the kind; for {@link LineKind#SAMPLE} the fields hold the sample, for {@link LineKind#MALFORMED}
     *     {@link #problem} says why
     */
    LineKind scan(byte[] chars, int from, int to, char @Nullable [] original) {
        scanId++;
        this.buf = chars;
        this.text = original;
        this.lineStart = from;
        LineTemplate t = template;
        if (t == null) {
            return fullScan(chars, from, to);
        }
        if (original == null && t.ready()) {
            // the leading stamps and prefix by the scanner's own code, the fields from the template
            int fieldsAt = leading(chars, from, to);
            if (fieldsAt >= 0 && t.replay(this, chars, fieldsAt, to)) {
                // the fields hold the template line's sample with this line's numbers; its names are this line's
                engineNameCache.reset();
                tempNameCache.reset();
                railNameCache.reset();
                replayed++;
                return LineKind.SAMPLE;
            }
        }
        t.begin();
        LineKind kind = fullScan(chars, from, to);
        t.end(
                kind == LineKind.SAMPLE && original == null && unknownCount == 0 && cpuSharedFreq < 0,
                chars,
                firstField,
                to);
        return kind;
    }

    /** {@return whether a template is ready for the next line (for tests)} */
    boolean templateReady() {
        return template != null && template.ready();
    }

    /** {@return how many lines were replayed from a template rather than scanned in full (for tests)} */
    long replayed() {
        return replayed;
    }

    private LineKind fullScan(byte[] chars, int from, int to) {
        reset();
        int q = leading(chars, from, to);
        if (q < 0) {
            return leadingKind;
        }
        firstField = q;
        return fields(q) ? LineKind.SAMPLE : LineKind.MALFORMED;
    }

    /**
     * Trims the line, reads the leading timestamps (tegrastats' own {@code MM-DD-YYYY HH:MM:SS}, and any wrapper's
     * stamps before it, kept as {@link #prefix}) and finds the first field; touches no other field of the sample, so
     * a replay can use it too.
     *
     * @return the position of the first field, or -1 if the line has none: then {@link #leadingKind} says what it is
     */
    private int leading(byte[] chars, int from, int to) {
        printedLocalSecond = TegrastatsSample.NO_TIME;
        prefix = null;
        int p = from;
        int e = to;
        while (e > p && (chars[e - 1] == '\n' || chars[e - 1] == '\r')) {
            e--;
        }
        while (p < e && (isSpace(chars[p]) || isBom(p))) {
            p++;
        }
        this.start = p;
        this.end = e;
        if (p == e) {
            return stop(LineKind.BLANK);
        }
        // Leading timestamp tokens: tegrastats' own MM-DD-YYYY HH:MM:SS, and any wrapper's stamps before it.
        int stampStart = -1;
        int stampTime = -1;
        boolean lastWasStamp = false;
        boolean anyStamp = false;
        int q = p;
        while (q < e) {
            int t = tokenEnd(q);
            if (!isStampish(q, t)) {
                break;
            }
            anyStamp = true;
            if (t - q == 10 && isDateMdy(q)) {
                int q2 = skipSpaces(t);
                int t2 = tokenEnd(q2);
                if (t2 - q2 == 8 && isHms(q2)) {
                    stampStart = q;
                    stampTime = q2;
                    lastWasStamp = true;
                    q = skipSpaces(t2);
                    continue;
                }
            }
            lastWasStamp = false;
            q = skipSpaces(t);
        }
        if (anyStamp) {
            if (lastWasStamp) {
                if (!resolveStamp(stampStart, stampTime)) {
                    return stop(LineKind.MALFORMED);
                }
                prefix = trimmedOrNull(start, stampStart);
            } else {
                prefix = trimmedOrNull(start, q);
            }
        }
        if (q >= e) {
            if (lastWasStamp) {
                return stop(malformed("a timestamp with no fields after it (truncated line?)", q));
            }
            return stop(indexOf(':', start, end) >= 0 ? LineKind.DATE_HEADER : LineKind.OTHER);
        }
        if (!isStartKeyword(q, tokenEnd(q))) {
            if (lastWasStamp) {
                return stop(malformed("unrecognised first field after the timestamp", q));
            }
            return stop(classifyOther());
        }
        return q;
    }

    private int stop(LineKind kind) {
        leadingKind = kind;
        return -1;
    }

    private void reset() {
        printedLocalSecond = TegrastatsSample.NO_TIME;
        prefix = null;
        Arrays.fill(mem, -1L);
        cpuCount = 0;
        cpuSharedFreq = -1;
        mtsForeground = -1;
        mtsBackground = -1;
        engineCount = 0;
        engineFreqStart[0] = 0;
        tempCount = 0;
        railCount = 0;
        unknownCount = 0;
        problem = null;
        engineNameCache.reset();
        tempNameCache.reset();
        railNameCache.reset();
        seenCpu = false;
        seenMts = false;
    }

    // ------------------------------------------------------------------ fields

    private boolean fields(int from) {
        int p = from;
        while (true) {
            p = skipSpaces(p);
            if (p >= end) {
                return true;
            }
            if (isLetter(buf[p])) {
                int k = identEnd(p, end);
                if (endsToken(k)) {
                    p = field(p, k);
                } else if (buf[k] == '@' && startsNumber(k + 1, end)) {
                    p = temperature(p, k);
                } else {
                    int e = tokenEnd(k);
                    int at = indexOf('@', k, e);
                    p = at >= 0 && startsNumber(at + 1, e) ? temperature(p, at) : unknown(p, e, p, e);
                }
            } else {
                int e = tokenEnd(p);
                p = unknown(p, e, p, e);
            }
            if (p < 0) {
                return false;
            }
        }
    }

    /** A bare identifier {@code buf[p, k)} followed by its value, if any. */
    private int field(int p, int k) {
        int n = k - p;
        // dispatch on the first letter, so that the common engine names cost one comparison
        switch (buf[p]) {
            case 'R' -> {
                if (n == 3 && is(p, "RAM")) {
                    return memory(p, k, RAM_USED);
                }
            }
            case 'S' -> {
                if (n == 4 && is(p, "SWAP")) {
                    return memory(p, k, SWAP_USED);
                }
            }
            case 'I' -> {
                if (n == 4 && is(p, "IRAM")) {
                    return memory(p, k, IRAM_USED);
                }
            }
            case 'C', 'c' -> {
                if (n == 3 && (is(p, "CPU") || is(p, "cpu"))) {
                    int q = skipSpaces(k);
                    if (q < end && buf[q] == '[') {
                        return cpu(p, q);
                    }
                }
            }
            case 'M' -> {
                if (n == 3 && is(p, "MTS")) {
                    return mts(p, k);
                }
            }
            case 'E' -> {
                if ((n == 3 && is(p, "EMC")) || (n == 8 && is(p, "EMC_FREQ"))) {
                    return engine(p, k, true);
                }
                if (n == 3 && is(p, "EDP")) {
                    return edp(p, k);
                }
            }
            case 'G' -> {
                if ((n == 4 && is(p, "GR3D")) || (n == 9 && is(p, "GR3D_FREQ"))) {
                    return engine(p, k, true);
                }
            }
            default -> {
                // any other name: an engine, a rail or an unknown token
            }
        }
        return engine(p, k, false);
    }

    /**
     * A name followed by an engine or rail value. {@code required}: a known field whose value must parse. The value
     * is parsed in place and its end checked afterwards, so that each character is read once.
     *
     * @return the position after the field, or {@link #FAIL}
     */
    private int engine(int p, int k, boolean required) {
        int q = skipSpaces(k);
        if (q >= end) {
            // A bare name ends the line: a known field lost its value (truncation); anything else is kept.
            return required ? fail(name(p, k) + ": no value (truncated line?)", q) : unknown(p, k, p, k);
        }
        byte c = buf[q];
        if (isDigit(c)) {
            int r = digitsEnd(q, end);
            byte next = r < end ? buf[r] : (byte) ' ';
            boolean milliwatts = next == 'm' && r + 1 < end && buf[r + 1] == 'W';
            if (next == '/' || next == 'W' || milliwatts || (next == '.' && indexOf('/', r, tokenEnd(r)) >= 0)) {
                return rail(p, k, q);
            }
            if (next == '%') {
                if (!integer(q, r, MAX_INT_DIGITS)) {
                    return fail(name(p, k) + ": load too long", q);
                }
                int load = (int) num;
                record(LineTemplate.INT, LineTemplate.ENGINE_LOAD, engineCount, q, r);
                if (endsToken(r + 1)) {
                    return addEngine(p, k, false, load, -1, -1, false) ? r + 1 : FAIL;
                }
                if (buf[r + 1] == '@') {
                    return frequencies(p, k, load, r + 2);
                }
                return fail(name(p, k) + ": expected '@' or the end of the value after the load", r + 1);
            }
            if (isSpace(next)) {
                if (!integer(q, r, MAX_INT_DIGITS)) {
                    return fail(name(p, k) + ": number too long", q);
                }
                record(LineTemplate.INT, LineTemplate.ENGINE_FREQ, engineFreqStart[engineCount], q, r);
                return addEngine(p, k, false, -1, (int) num, -1, false) ? r : FAIL;
            }
            if (required) {
                return fail(name(p, k) + ": unexpected value", q);
            }
            int e = tokenEnd(r);
            return unknown(p, k, p, e);
        }
        if (c == '@') {
            return frequencies(p, k, -1, q + 1);
        }
        if (is(q, "off") && endsToken(q + 3)) {
            return addEngine(p, k, true, -1, -1, -1, false) ? q + 3 : FAIL;
        }
        if (required) {
            return fail(name(p, k) + ": expected a load or a frequency", q);
        }
        if (isLetter(c)) {
            // a name with no value (EDP-like words, or a token we do not know): keep it, go on from the next token
            return unknown(p, k, p, k);
        }
        return unknown(p, k, p, tokenEnd(q));
    }

    /** {@code @F} or {@code @[F,F,…]} starting at {@code q} (after the '@'), which must end the token. */
    private int frequencies(int p, int k, int load, int q) {
        if (endsToken(q)) {
            return fail(name(p, k) + ": no frequency after '@'", q);
        }
        if (buf[q] != '[') {
            int r = digitsEnd(q, end);
            if (r == q || !endsToken(r)) {
                return fail(name(p, k) + ": expected a frequency in MHz after '@'", q);
            }
            if (!integer(q, r, MAX_INT_DIGITS)) {
                return fail(name(p, k) + ": frequency too long", q);
            }
            record(LineTemplate.INT, LineTemplate.ENGINE_FREQ, engineFreqStart[engineCount], q, r);
            return addEngine(p, k, false, load, (int) num, -1, false) ? r : FAIL;
        }
        int first = engineFreqStart[engineCount];
        int count = 0;
        int i = q + 1;
        while (true) {
            int item;
            if (i < end && isDigit(buf[i])) {
                int r = digitsEnd(i, end);
                if (!integer(i, r, MAX_INT_DIGITS)) {
                    return fail(name(p, k) + ": frequency too long", i);
                }
                record(LineTemplate.INT, LineTemplate.ENGINE_FREQ, first + count, i, r);
                item = (int) num;
                i = r;
            } else if (is(i, "off") || is(i, "N/A")) {
                item = -1;
                i += 3;
            } else {
                return fail(name(p, k) + ": expected a frequency in the list", i);
            }
            if (count >= MAX_ITEMS) {
                return fail(name(p, k) + ": more than " + MAX_ITEMS + " frequencies", i);
            }
            ensureFreqs(first + count + 1);
            engineFreqs[first + count++] = item;
            if (i < end && buf[i] == ',') {
                i++;
            } else if (i < end && buf[i] == ']') {
                i++;
                break;
            } else {
                return fail(name(p, k) + ": unclosed frequency list", i);
            }
        }
        if (!endsToken(i)) {
            return fail(name(p, k) + ": unexpected text after the frequency list", i);
        }
        return addEngine(p, k, false, load, -1, count, true) ? i : FAIL;
    }

    /**
     * Appends an engine. {@code listCount >= 0}: its frequencies are already in {@link #engineFreqs}; otherwise
     * {@code freq} is the single frequency or -1 for none.
     */
    private boolean addEngine(int p, int k, boolean off, int load, int freq, int listCount, boolean bracketed) {
        if (engineCount >= MAX_ITEMS) {
            fail("more than " + MAX_ITEMS + " engine fields", p);
            return false;
        }
        int i = engineCount;
        if (i + 2 > engineFreqStart.length) {
            int n = engineNames.length * 2;
            engineNames = Arrays.copyOf(engineNames, n);
            engineFlags = Arrays.copyOf(engineFlags, n);
            engineLoad = Arrays.copyOf(engineLoad, n);
            engineFreqStart = Arrays.copyOf(engineFreqStart, n + 1);
        }
        engineNames[i] = engineNameCache.get(i, buf, text, p, k);
        engineFlags[i] =
                (byte) ((off ? TegrastatsSample.ENGINE_OFF : 0) | (bracketed ? TegrastatsSample.ENGINE_BRACKETED : 0));
        engineLoad[i] = load;
        int first = engineFreqStart[i];
        int count = listCount;
        if (listCount < 0) {
            count = freq < 0 ? 0 : 1;
            if (count == 1) {
                ensureFreqs(first + 1);
                engineFreqs[first] = freq;
            }
        }
        engineFreqStart[i + 1] = first + count;
        engineCount = i + 1;
        return true;
    }

    private void ensureFreqs(int n) {
        if (n > engineFreqs.length) {
            engineFreqs = Arrays.copyOf(engineFreqs, Math.max(n, engineFreqs.length * 2));
        }
    }

    /** {@code NAME cur[unit]/avg[unit][/max[unit]]}, the value starting at {@code q}. */
    private int rail(int p, int k, int q) {
        if (railCount >= MAX_ITEMS) {
            return fail("more than " + MAX_ITEMS + " rails", p);
        }
        int i = q;
        double current = Double.NaN;
        double average = Double.NaN;
        double max = Double.NaN;
        int unit = -1;
        int n = 0;
        int r;
        while (true) {
            r = decimal(i, end, false);
            if (r == FAIL) {
                return fail("rail " + name(p, k) + ": expected a power value", i);
            }
            double v = dec;
            int numberEnd = r;
            int u = RAIL_UNITLESS;
            if (r < end && buf[r] == 'm') {
                if (r + 1 < end && buf[r + 1] == 'W') {
                    u = RAIL_MILLIWATTS;
                    r += 2;
                } else {
                    return fail("rail " + name(p, k) + ": expected 'mW'", r);
                }
            } else if (r < end && buf[r] == 'W') {
                u = RAIL_WATTS;
                v *= 1000;
                r++;
            }
            if (unit < 0) {
                unit = u;
            }
            byte where =
                    n == 0 ? LineTemplate.RAIL_CURRENT : n == 1 ? LineTemplate.RAIL_AVERAGE : LineTemplate.RAIL_MAX;
            record(LineTemplate.DECIMAL, where, railCount, i, numberEnd, u == RAIL_WATTS);
            if (n == 0) {
                current = v;
            } else if (n == 1) {
                average = v;
            } else {
                max = v;
            }
            n++;
            if (endsToken(r)) {
                break;
            }
            if (buf[r] != '/' || n == 3) {
                return fail("rail " + name(p, k) + ": unexpected text in the value", r);
            }
            i = r + 1;
        }
        if (n < 2) {
            return fail("rail " + name(p, k) + ": the running average after '/' is missing", r);
        }
        if (railCount == railNames.length) {
            int m = railNames.length * 2;
            railNames = Arrays.copyOf(railNames, m);
            railCurrent = Arrays.copyOf(railCurrent, m);
            railAverage = Arrays.copyOf(railAverage, m);
            railMax = Arrays.copyOf(railMax, m);
            railUnits = Arrays.copyOf(railUnits, m);
        }
        int j = railCount++;
        railNames[j] = railNameCache.get(j, buf, text, p, k);
        railCurrent[j] = current;
        railAverage[j] = average;
        railMax[j] = max;
        railUnits[j] = (byte) unit;
        return r;
    }

    /** {@code NAME@cur C[/max C]}: name {@code buf[p, at)}; the value must end the token. */
    private int temperature(int p, int at) {
        if (tempCount >= MAX_ITEMS) {
            return fail("more than " + MAX_ITEMS + " temperatures", p);
        }
        int r = decimal(at + 1, end, true);
        if (r == FAIL || r >= end || buf[r] != 'C') {
            return fail("temperature " + name(p, at) + ": expected degrees followed by 'C'", at + 1);
        }
        double current = dec;
        double max = Double.NaN;
        record(LineTemplate.SIGNED_DECIMAL, LineTemplate.TEMP_CURRENT, tempCount, at + 1, r);
        r++;
        if (r < end && buf[r] == '/') {
            int r2 = decimal(r + 1, end, true);
            if (r2 == FAIL || r2 >= end || buf[r2] != 'C') {
                return fail("temperature " + name(p, at) + ": expected a second value followed by 'C'", r + 1);
            }
            record(LineTemplate.SIGNED_DECIMAL, LineTemplate.TEMP_MAX, tempCount, r + 1, r2);
            max = dec;
            r = r2 + 1;
        }
        if (!endsToken(r)) {
            return fail("temperature " + name(p, at) + ": unexpected text after the value", r);
        }
        if (tempCount == tempNames.length) {
            int m = tempNames.length * 2;
            tempNames = Arrays.copyOf(tempNames, m);
            tempCurrent = Arrays.copyOf(tempCurrent, m);
            tempMax = Arrays.copyOf(tempMax, m);
        }
        int j = tempCount++;
        tempNames[j] = tempNameCache.get(j, buf, text, p, at);
        tempCurrent[j] = current;
        tempMax[j] = max;
        return r;
    }

    /** {@code RAM|SWAP|IRAM used/total UNIT [(lfb|cached …)]}; {@code slot} is the first of the field's slots. */
    private int memory(int p, int k, int slot) {
        String field = name(p, k);
        if (mem[slot + 2] >= 0) {
            return fail(field + " printed twice (two lines joined?)", p);
        }
        int q = skipSpaces(k);
        int r = digitsEnd(q, end);
        if (r == q || !integer(q, r, MAX_LONG_DIGITS)) {
            return fail(field + ": expected used/total", q);
        }
        long used = num;
        record(LineTemplate.LONG, LineTemplate.MEM, slot, q, r);
        if (r >= end || buf[r] != '/') {
            return fail(field + ": expected '/' after the used amount", r);
        }
        int q2 = r + 1;
        r = digitsEnd(q2, end);
        if (r == q2 || !integer(q2, r, MAX_LONG_DIGITS)) {
            return fail(field + ": expected the total after '/'", q2);
        }
        long total = num;
        record(LineTemplate.LONG, LineTemplate.MEM, slot + 1, q2, r);
        int unit = sizeUnit(r);
        if (unit < 0) {
            return fail(field + ": expected a unit (B, kB, MB, GB) after the total", r);
        }
        r = numEnd;
        mem[slot] = used;
        mem[slot + 1] = total;
        mem[slot + 2] = unit;
        int g = skipSpaces(r);
        if (g < end && buf[g] == '(') {
            return group(field, slot, g);
        }
        if (r < end && !isSpace(buf[r])) {
            return fail(field + ": unexpected text after the unit", r);
        }
        return r;
    }

    /** A unit at {@code r}; sets {@link #numEnd} after it. */
    private int sizeUnit(int r) {
        if (r < end && buf[r] == 'B') {
            numEnd = r + 1;
            return UNIT_BYTES;
        }
        if (r + 1 < end && buf[r + 1] == 'B') {
            numEnd = r + 2;
            return switch (buf[r]) {
                case 'k', 'K' -> UNIT_KILOBYTES;
                case 'M' -> UNIT_MEGABYTES;
                case 'G' -> UNIT_GIGABYTES;
                default -> -1;
            };
        }
        return -1;
    }

    /** The parenthesised part: {@code (lfb NxS U)}, {@code (lfb S U)} or {@code (cached S U)}. */
    private int group(String field, int slot, int g) {
        int w = g + 1;
        int we = identEnd(w, end);
        boolean lfb = we - w == 3 && is(w, "lfb");
        boolean cached = we - w == 6 && is(w, "cached");
        if (!(slot == SWAP_USED ? cached : lfb)) {
            return fail(field + ": expected '(" + (slot == SWAP_USED ? "cached" : "lfb") + "'", w);
        }
        int q = skipSpaces(we);
        int r = digitsEnd(q, end);
        if (r == q || !integer(q, r, MAX_LONG_DIGITS)) {
            return fail(field + ": expected a size in the parentheses", q);
        }
        long count = -1;
        long size = num;
        if (r < end && buf[r] == 'x') {
            if (slot != RAM_USED) {
                return fail(field + ": unexpected block count", r);
            }
            record(LineTemplate.LONG, LineTemplate.MEM, RAM_LFB_COUNT, q, r);
            int q2 = r + 1;
            r = digitsEnd(q2, end);
            if (r == q2 || !integer(q2, r, MAX_LONG_DIGITS)) {
                return fail(field + ": expected a block size after 'x'", q2);
            }
            record(LineTemplate.LONG, LineTemplate.MEM, slot == RAM_USED ? RAM_LFB_SIZE : slot + 3, q2, r);
            count = size;
            size = num;
        } else {
            record(LineTemplate.LONG, LineTemplate.MEM, slot == RAM_USED ? RAM_LFB_SIZE : slot + 3, q, r);
        }
        int unit = sizeUnit(r);
        if (unit < 0) {
            return fail(field + ": expected a unit in the parentheses", r);
        }
        r = numEnd;
        if (r >= end || buf[r] != ')') {
            return fail(field + ": expected ')'", r);
        }
        r++;
        if (r < end && !isSpace(buf[r])) {
            return fail(field + ": unexpected text after ')'", r);
        }
        mem[slot + 3] = slot == RAM_USED ? count : size;
        if (slot == RAM_USED) {
            mem[RAM_LFB_SIZE] = size;
            mem[RAM_LFB_UNIT] = unit;
        } else {
            mem[slot + 4] = unit;
        }
        return r;
    }

    /** {@code CPU [item,…]} or legacy {@code cpu [a%,…]@F}; {@code q} is at '['. */
    private int cpu(int p, int q) {
        if (seenCpu) {
            return fail("CPU printed twice (two lines joined?)", p);
        }
        seenCpu = true;
        int i = q + 1;
        while (true) {
            int load;
            int freq = -1;
            if (i + 3 <= end && is(i, "off")) {
                load = -1;
                i += 3;
            } else {
                int r = digitsEnd(i, end);
                if (r == i || r >= end || buf[r] != '%') {
                    return fail("CPU: expected 'N%', 'N%@F' or 'off'", i);
                }
                if (!integer(i, r, MAX_INT_DIGITS)) {
                    return fail("CPU: load too long", i);
                }
                load = (int) num;
                record(LineTemplate.INT, LineTemplate.CPU_LOAD, cpuCount, i, r);
                i = r + 1;
                if (i < end && buf[i] == '@') {
                    int r2 = digitsEnd(i + 1, end);
                    if (r2 == i + 1 || !integer(i + 1, r2, MAX_INT_DIGITS)) {
                        return fail("CPU: expected a frequency after '@'", i + 1);
                    }
                    record(LineTemplate.INT, LineTemplate.CPU_FREQ, cpuCount, i + 1, r2);
                    freq = (int) num;
                    i = r2;
                }
            }
            if (cpuCount >= MAX_ITEMS) {
                return fail("CPU: more than " + MAX_ITEMS + " cores", i);
            }
            if (cpuCount == cpuLoad.length) {
                cpuLoad = Arrays.copyOf(cpuLoad, cpuCount * 2);
                cpuFreq = Arrays.copyOf(cpuFreq, cpuCount * 2);
            }
            cpuLoad[cpuCount] = load;
            cpuFreq[cpuCount++] = freq;
            if (i < end && buf[i] == ',') {
                i++;
            } else if (i < end && buf[i] == ']') {
                i++;
                break;
            } else {
                return fail("CPU: expected ',' or ']'", i);
            }
        }
        if (i < end && buf[i] == '@') {
            int r = digitsEnd(i + 1, end);
            if (r == i + 1 || !integer(i + 1, r, MAX_INT_DIGITS)) {
                return fail("CPU: expected the shared frequency after ']@'", i + 1);
            }
            cpuSharedFreq = (int) num;
            for (int c = 0; c < cpuCount; c++) {
                if (cpuLoad[c] >= 0 && cpuFreq[c] < 0) {
                    cpuFreq[c] = cpuSharedFreq;
                }
            }
            i = r;
        }
        if (i < end && !isSpace(buf[i])) {
            return fail("CPU: unexpected text after the list", i);
        }
        return i;
    }

    /** {@code MTS fg N% bg N%}. */
    private int mts(int p, int k) {
        if (seenMts) {
            return fail("MTS printed twice (two lines joined?)", p);
        }
        seenMts = true;
        int q = skipSpaces(k);
        if (!(q + 2 <= end && is(q, "fg"))) {
            return engine(p, k, false);
        }
        int fgStart = skipSpaces(q + 2);
        int fg = percent(fgStart);
        if (fg == FAIL) {
            return fail("MTS: expected 'fg N%'", q);
        }
        record(LineTemplate.INT, LineTemplate.MTS_FG, 0, fgStart, fg - 1);
        mtsForeground = (int) num;
        int b = skipSpaces(fg);
        if (!(b + 2 <= end && is(b, "bg"))) {
            return fail("MTS: expected 'bg N%'", b);
        }
        int bgStart = skipSpaces(b + 2);
        int bg = percent(bgStart);
        if (bg == FAIL) {
            return fail("MTS: expected 'bg N%'", b);
        }
        record(LineTemplate.INT, LineTemplate.MTS_BG, 0, bgStart, bg - 1);
        mtsBackground = (int) num;
        return bg;
    }

    private int percent(int q) {
        int r = digitsEnd(q, end);
        if (r == q || r >= end || buf[r] != '%' || !integer(q, r, MAX_INT_DIGITS)) {
            return FAIL;
        }
        r++;
        return r < end && !isSpace(buf[r]) ? FAIL : r;
    }

    /** Legacy {@code EDP limit N}: kept as an unknown token named {@code EDP limit}. */
    private int edp(int p, int k) {
        int q = skipSpaces(k);
        int qe = tokenEnd(q);
        if (qe - q == 5 && is(q, "limit")) {
            int v = skipSpaces(qe);
            int ve = tokenEnd(v);
            if (ve > v && digitsEnd(v, ve) == ve) {
                return addUnknown("EDP limit", str(p, ve)) ? ve : FAIL;
            }
        }
        return engine(p, k, false);
    }

    /**
     * Keeps an unknown token: name {@code buf[np, ne)}, text {@code buf[tp, te)}.
     *
     * @return the position after the text, or {@link #FAIL}
     */
    private int unknown(int np, int ne, int tp, int te) {
        return addUnknown(names.intern(buf, text, np, ne), str(tp, te)) ? te : FAIL;
    }

    private boolean addUnknown(String name, String text) {
        if (unknownCount >= MAX_ITEMS) {
            fail("more than " + MAX_ITEMS + " unknown tokens", end);
            return false;
        }
        if (unknownCount == unknownNames.length) {
            unknownNames = Arrays.copyOf(unknownNames, unknownCount * 2);
            unknownTexts = Arrays.copyOf(unknownTexts, unknownCount * 2);
        }
        unknownNames[unknownCount] = name;
        unknownTexts[unknownCount++] = text;
        return true;
    }

    // ------------------------------------------------------------------ timestamps and other lines

    private boolean resolveStamp(int date, int time) {
        int month = twoDigits(date);
        int day = twoDigits(date + 3);
        int year = twoDigits(date + 6) * 100 + twoDigits(date + 8);
        int hour = twoDigits(time);
        int minute = twoDigits(time + 3);
        int second = twoDigits(time + 6);
        if (hour > 23 || minute > 59 || second > 59) {
            fail("invalid time of day in the timestamp", time);
            return false;
        }
        int key = (year * 13 + month) * 32 + day;
        if (key != lastDateKey) {
            try {
                lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                fail("invalid date in the timestamp (MM-DD-YYYY expected)", date);
                return false;
            }
            lastDateKey = key;
        }
        printedLocalSecond = lastEpochDay * 86_400L + hour * 3600L + minute * 60L + second;
        return true;
    }

    private LineKind classifyOther() {
        int t1 = tokenEnd(start);
        int s2 = skipSpaces(t1);
        int t2 = tokenEnd(s2);
        if (t1 - start == 3 && isWeekday(start) && t2 - s2 == 3 && isMonth(s2)) {
            return LineKind.DATE_HEADER;
        }
        byte c = buf[start];
        if ((c == '$' || c == '#' || c == '>') && (t1 == start + 1)) {
            return LineKind.SHELL_PROMPT;
        }
        if (startsWithIgnoreCase(start, "[sudo]") || startsWithIgnoreCase(start, "password")) {
            return LineKind.SHELL_PROMPT;
        }
        int p = start;
        for (int n = 0; n < 3 && p < end; n++) {
            int e = tokenEnd(p);
            if (isPromptToken(p, e)) {
                return LineKind.SHELL_PROMPT;
            }
            p = skipSpaces(e);
        }
        return LineKind.OTHER;
    }

    /** {@code user@host:path$} or {@code user@host:path#} (the usual bash prompt). */
    private boolean isPromptToken(int p, int e) {
        byte last = buf[e - 1];
        if (last != '$' && last != '#') {
            return false;
        }
        int at = indexOf('@', p, e);
        return at > p && indexOf(':', at, e) > at;
    }

    private boolean isStartKeyword(int p, int e) {
        return switch (e - p) {
            case 3 -> is(p, "RAM") || is(p, "CPU") || is(p, "cpu") || is(p, "EMC");
            case 4 -> is(p, "SWAP") || is(p, "IRAM") || is(p, "GR3D");
            case 8 -> is(p, "EMC_FREQ");
            case 9 -> is(p, "GR3D_FREQ");
            default -> false;
        };
    }

    private boolean isStampish(int p, int e) {
        boolean digit = false;
        for (int i = p; i < e; i++) {
            byte c = buf[i];
            if (isDigit(c)) {
                digit = true;
            } else if (c < 0 || !STAMP_PUNCTUATION[c]) {
                return false;
            }
        }
        return digit;
    }

    private boolean isDateMdy(int p) {
        return isDigit(buf[p])
                && isDigit(buf[p + 1])
                && buf[p + 2] == '-'
                && isDigit(buf[p + 3])
                && isDigit(buf[p + 4])
                && buf[p + 5] == '-'
                && isDigit(buf[p + 6])
                && isDigit(buf[p + 7])
                && isDigit(buf[p + 8])
                && isDigit(buf[p + 9]);
    }

    private boolean isHms(int p) {
        return isDigit(buf[p])
                && isDigit(buf[p + 1])
                && buf[p + 2] == ':'
                && isDigit(buf[p + 3])
                && isDigit(buf[p + 4])
                && buf[p + 5] == ':'
                && isDigit(buf[p + 6])
                && isDigit(buf[p + 7]);
    }

    private boolean isWeekday(int p) {
        for (String d : new String[] {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
            if (startsWithIgnoreCase(p, d)) {
                return true;
            }
        }
        return false;
    }

    private boolean isMonth(int p) {
        for (String m :
                new String[] {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
            if (startsWithIgnoreCase(p, m)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ numbers

    /**
     * Checks the digits {@code buf[p, r)} just scanned by {@link #digitsEnd}, whose value is already in {@link #num}
     * (no other number may be scanned in between).
     *
     * @return {@code false} if there are more than {@code max} digits
     */
    private static boolean integer(int p, int r, int max) {
        return r - p <= max;
    }

    /**
     * Parses {@code [-]D+[.D+]} at {@code p} (before {@code e}) into {@link #dec}.
     *
     * @return the position after the number, or {@link #FAIL}
     */
    int decimal(int p, int e, boolean signed) {
        int i = p;
        boolean negative = false;
        if (signed && i < e && buf[i] == '-') {
            negative = true;
            i++;
        }
        int r = digitsEnd(i, e);
        if (r == i) {
            return FAIL;
        }
        long mantissa = num;
        int digits = r - i;
        int fraction = 0;
        if (r < e && buf[r] == '.') {
            int f = digitsEnd(r + 1, e);
            if (f == r + 1) {
                return FAIL;
            }
            fraction = f - r - 1;
            digits += fraction;
            if (digits <= MAX_LONG_DIGITS) {
                mantissa = mantissa * AsciiDigits.LONG_POW10[fraction] + num;
            }
            r = f;
        }
        if (digits > MAX_LONG_DIGITS) {
            return FAIL;
        }
        dec = AsciiDigits.decimal(mantissa, fraction, negative);
        return r;
    }

    /**
     * Scans the digits at {@code p} (before {@code e}) and leaves their value in {@link #num}; returns the end.
     *
     * <p>Eight bytes at a time when the buffer holds them (SWAR: no branch per digit, so the short numbers that make
     * up a tegrastats line cost no branch misprediction at their end); bytes at or after {@code e} never count.
     */
    int digitsEnd(int p, int e) {
        byte[] b = buf;
        if (b.length - p >= 8 && e > p) {
            long t = AsciiDigits.word(b, p) ^ AsciiDigits.ZEROS; // a digit byte becomes 0..9
            long nonDigit = AsciiDigits.nonDigits(t);
            if (nonDigit != 0) {
                int n = Math.min(Long.numberOfTrailingZeros(nonDigit) >>> 3, e - p);
                num = n == 0 ? 0 : AsciiDigits.value(t, n);
                return p + n;
            }
        }
        return digitsLoop(p, e);
    }

    private int digitsLoop(int p, int e) {
        int i = p;
        long v = 0;
        while (i < e) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d; // wraps beyond 18 digits, which integer() and decimal() refuse anyway
            i++;
        }
        num = v;
        return i;
    }

    private int twoDigits(int p) {
        return (buf[p] - '0') * 10 + (buf[p + 1] - '0');
    }

    // ------------------------------------------------------------------ characters

    private LineKind malformed(String reason, int at) {
        fail(reason, at);
        return LineKind.MALFORMED;
    }

    /** Tells the template where a stored number lay (see {@link LineTemplate#value}). */
    private void record(byte kind, byte where, int at, int start, int end) {
        record(kind, where, at, start, end, false);
    }

    private void record(byte kind, byte where, int at, int start, int end, boolean inWatts) {
        LineTemplate t = template;
        if (t != null) {
            t.value(kind, where, at, start, end, inWatts);
        }
    }

    private int fail(String reason, int at) {
        problem = reason + " at column " + (Math.min(at, end) - lineStart + 1);
        return FAIL;
    }

    /** {@code buf[p, e)} as text: the bytes are ASCII unless {@link #text} holds the line's characters. */
    private String str(int p, int e) {
        char[] t = text;
        return t != null ? new String(t, p, e - p) : new String(buf, p, e - p, StandardCharsets.ISO_8859_1);
    }

    private boolean isBom(int p) {
        char[] t = text;
        return buf[p] < 0 && t != null && t[p] == '\uFEFF';
    }

    private char lowerCase(int p) {
        char[] t = text;
        return Character.toLowerCase(t != null ? t[p] : (char) buf[p]);
    }

    private String name(int p, int k) {
        return str(p, k);
    }

    private @Nullable String trimmedOrNull(int p, int e) {
        int a = p;
        int b = e;
        while (b > a && isSpace(buf[b - 1])) {
            b--;
        }
        return b > a ? str(a, b) : null;
    }

    private boolean is(int p, String s) {
        int n = s.length();
        if (p + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(int p, String lower) {
        int n = lower.length();
        if (p + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (lowerCase(p + i) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsNumber(int p, int e) {
        return p < e && (isDigit(buf[p]) || (buf[p] == '-' && p + 1 < e && isDigit(buf[p + 1])));
    }

    private int indexOf(char c, int p, int e) {
        for (int i = p; i < e; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int p) {
        int i = p;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        return i;
    }

    private int tokenEnd(int p) {
        int i = p;
        while (i < end && !isSpace(buf[i])) {
            i++;
        }
        return i;
    }

    private int identEnd(int p, int e) {
        int i = p;
        while (i < e) {
            byte c = buf[i];
            if (c < 0 || !IDENT[c]) {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean endsToken(int i) {
        return i >= end || isSpace(buf[i]);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    // ------------------------------------------------------------------ snapshots for the sample

    String[] engineNamesSnapshot() {
        if (!reusable(engineNameCache, lastEngineNames, engineCount, lastEngineScan)) {
            lastEngineNames = Arrays.copyOf(engineNames, engineCount);
        }
        lastEngineScan = scanId;
        return lastEngineNames;
    }

    String[] tempNamesSnapshot() {
        if (!reusable(tempNameCache, lastTempNames, tempCount, lastTempScan)) {
            lastTempNames = Arrays.copyOf(tempNames, tempCount);
        }
        lastTempScan = scanId;
        return lastTempNames;
    }

    String[] railNamesSnapshot() {
        if (!reusable(railNameCache, lastRailNames, railCount, lastRailScan)) {
            lastRailNames = Arrays.copyOf(railNames, railCount);
        }
        lastRailScan = scanId;
        return lastRailNames;
    }

    /**
     * The previous line's names can be shared by this sample when that line made the last snapshot (so the cache
     * holds exactly its names) and every name of this line hit the cache at its position.
     */
    private boolean reusable(PositionalNames cache, String[] last, int count, long lastScan) {
        return lastScan == scanId - 1 && last.length == count && cache.allHit();
    }
}
