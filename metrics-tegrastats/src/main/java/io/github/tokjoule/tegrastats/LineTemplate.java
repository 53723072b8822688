package io.github.tokjoule.tegrastats;

import java.util.Arrays;

/**
 * The shape of the last tegrastats line the {@link LineScanner} scanned in full, replayed on the lines that follow.
 *
 * <p>tegrastats prints the same fields in the same order on every line; only the numbers change. While the scanner
 * scans a line it records where each number it stores lies and where it goes ({@link #value}). The bytes between the
 * numbers are the line's <em>literals</em>. A later line replays in one pass if it is the template line with every
 * number replaced by another number of the same kind: each literal must match byte for byte and each number must be
 * well formed; the numbers are stored where the scanner stored them, and everything else (counts, names, units, engine
 * flags) is already in the scanner's fields from the template line. On any difference the replay gives up and the
 * scanner scans the line in full, which records a new template.
 *
 * <p>Why this gives the scanner's result: the scanner decides what a token is from the bytes around the numbers
 * (names, separators, units), which the replay requires to be identical, and reads numbers only as maximal runs of
 * digits (with an optional sign and fraction for decimals), which the replay requires too. The only decisions the
 * numbers themselves drive are the digit-count limits and the validity of a timestamp, and the replay applies the
 * same checks through the scanner's own methods. {@code LineTemplateEquivalenceTest} checks the claim on every corpus
 * line and on mutated lines.
 *
 * <p>Speed: the position of each number is <em>predicted</em> from the previous line (same length, same decimal
 * shape) and checked with one eight-byte read, so the next position never waits for the digits to be read; a wrong
 * prediction falls back to the scanner's general number reader for that number only and updates the prediction.
 *
 * <p>Only lines without unknown tokens, wrapper prefix, legacy shared CPU frequency or non-ASCII characters become
 * templates; the others are always scanned in full.
 */
final class LineTemplate {

    // what a number is: how it is read
    static final byte INT = 0; // at most 9 digits
    static final byte LONG = 1; // at most 18 digits
    static final byte DECIMAL = 2; // D+[.D+]
    static final byte SIGNED_DECIMAL = 3; // [-]D+[.D+]
    static final byte DATE = 4; // MM-DD-YYYY
    static final byte TIME = 5; // HH:MM:SS, after its DATE

    // where a number goes in the LineScanner
    static final byte MEM = 0;
    static final byte CPU_LOAD = 1;
    static final byte CPU_FREQ = 2;
    static final byte MTS_FG = 3;
    static final byte MTS_BG = 4;
    static final byte ENGINE_LOAD = 5;
    static final byte ENGINE_FREQ = 6;
    static final byte TEMP_CURRENT = 7;
    static final byte TEMP_MAX = 8;
    static final byte RAIL_CURRENT = 9;
    static final byte RAIL_AVERAGE = 10;
    static final byte RAIL_MAX = 11;
    static final byte STAMP = 12;

    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int FAIL = -1;
    /** The longest number read by prediction: the eight-byte read must also hold the byte after it. */
    private static final int MAX_PREDICTED = 7;

    /** {@code LOW[n]}: the bytes 0..n of a word. */
    private static final long[] LOW = new long[MAX_PREDICTED + 1];
    /** {@code STOP[n]}: the non-digit flag of byte n. */
    private static final long[] STOP = new long[MAX_PREDICTED + 1];
    /** An expected non-digit pattern no word has (flags are 0x80 bits only): the check fails, the slow path reads. */
    private static final long NEVER = 1;

    static {
        for (int n = 0; n <= MAX_PREDICTED; n++) {
            LOW[n] = -1L >>> ((MAX_PREDICTED - n) << 3);
            STOP[n] = 0x80L << (n << 3);
        }
    }

    // ---- recording (one full scan)
    private int recorded;
    private int[] recStart = new int[64];
    private int[] recEnd = new int[64];
    private byte[] recNumber = new byte[64];
    private byte[] recDest = new byte[64];
    private int[] recIndex = new int[64];
    private boolean[] recWatts = new boolean[64];

    // ---- the template: number k follows literal k; literal `slots` ends the line. Per literal: its length, its
    // first eight bytes (and mask), and any further words in words[extraFrom[k], extraFrom[k + 1]).
    private boolean valid;
    private int slots;
    private int[] literalLength = new int[65];
    private long[] firstWord = new long[65];
    private long[] firstMask = new long[65];
    private int[] extraFrom = new int[66];
    private long[] words = new long[128];
    private long[] masks = new long[128];
    /** Literal k + 1 lies wholly in the word that checks number k: a predicted number checks it too. */
    private boolean[] coversNext = new boolean[64];

    private byte[] number = new byte[64];
    private double[] scale = new double[64];
    // the stores, grouped by destination: scatterSlot/scatterIndex[scatterFrom[d], scatterFrom[d + 1])
    private final int[] scatterFrom = new int[STAMP + 2];
    private int[] scatterSlot = new int[64];
    private int[] scatterIndex = new int[64];
    // the numbers of the line being replayed, by slot
    private long[] integers = new long[64];
    private double[] decimals = new double[64];

    // ---- the predicted shape of number k, checked on one eight-byte word x at its start (t = x ^ ZEROS):
    // nonDigits(t) & shapeMask == shapeFlags (digits where digits are expected, then a non-digit) and
    // x & separatorMask == separators ('-', '.', and the byte that follows); the value is read with shifts.
    private int[] length = new int[64];
    private long[] shapeMask = new long[64];
    private long[] shapeFlags = new long[64];
    private long[] separatorMask = new long[64];
    private long[] separators = new long[64];
    private int[] wholeShiftRight = new int[64];
    private int[] wholeShiftLeft = new int[64];
    private int[] fractionDigits = new int[64];
    private int[] fractionShiftRight = new int[64];
    private int[] fractionShiftLeft = new int[64];
    private boolean[] negative = new boolean[64];

    // ---- the number just read by the slow path
    private long integer;
    private double decimal;

    /** A full scan starts: whatever the scanner's fields held no longer matches the template. */
    void begin() {
        valid = false;
        recorded = 0;
    }

    /**
     * Records a number the scanner stored: {@code line[start, end)} read as {@code kind} went to {@code where} at
     * {@code at}; {@code inWatts}: a rail value printed in W, stored × 1000.
     */
    void value(byte kind, byte where, int at, int start, int end, boolean inWatts) {
        int i = recorded;
        if (i == recStart.length) {
            int n = i * 2;
            recStart = Arrays.copyOf(recStart, n);
            recEnd = Arrays.copyOf(recEnd, n);
            recNumber = Arrays.copyOf(recNumber, n);
            recDest = Arrays.copyOf(recDest, n);
            recIndex = Arrays.copyOf(recIndex, n);
            recWatts = Arrays.copyOf(recWatts, n);
        }
        recStart[i] = start;
        recEnd[i] = end;
        recNumber[i] = kind;
        recDest[i] = where;
        recIndex[i] = at;
        recWatts[i] = inWatts;
        recorded = i + 1;
    }

    /**
     * The full scan of {@code line[from, to)} ended; if it gave a sample that may serve as a template, the recorded
     * numbers and the bytes between them become the template.
     */
    void end(boolean templatable, byte[] line, int from, int to) {
        if (!templatable || recorded == 0) {
            return;
        }
        int n = recorded;
        int previous = from;
        int extra = 0;
        for (int k = 0; k < n; k++) {
            if (recStart[k] < previous || recEnd[k] <= recStart[k] || recEnd[k] > to) {
                return; // not left to right: never expected, but then no template rather than a wrong one
            }
            extra += extraWords(recStart[k] - previous);
            previous = recEnd[k];
        }
        extra += extraWords(to - previous);
        room(n, extra);
        int w = 0;
        previous = from;
        for (int k = 0; k <= n; k++) {
            int literalEnd = k < n ? recStart[k] : to;
            int len = literalEnd - previous;
            literalLength[k] = len;
            firstWord[k] = bytes(line, previous, Math.min(8, len));
            firstMask[k] = mask(Math.min(8, len));
            extraFrom[k] = w;
            for (int q = previous + 8; q < literalEnd; q += 8) {
                int m = Math.min(8, literalEnd - q);
                words[w] = bytes(line, q, m);
                masks[w++] = mask(m);
            }
            if (k < n) {
                previous = recEnd[k];
            }
        }
        extraFrom[n + 1] = w;
        for (int k = 0; k < n; k++) {
            number[k] = recNumber[k];
            scale[k] = recWatts[k] ? 1000 : 1;
            predict(line, recStart[k], recEnd[k], k);
        }
        int j = 0;
        for (byte d = 0; d <= STAMP; d++) {
            scatterFrom[d] = j;
            for (int k = 0; k < n; k++) {
                if (recDest[k] == d && d != STAMP) {
                    scatterSlot[j] = k;
                    scatterIndex[j++] = recIndex[k];
                }
            }
        }
        scatterFrom[STAMP + 1] = j;
        slots = n;
        valid = true;
    }

    /** {@code line[p, p + n)} as the low bytes of a little-endian word. */
    private static long bytes(byte[] line, int p, int n) {
        long word = 0;
        for (int j = n - 1; j >= 0; j--) {
            word = (word << 8) | (line[p + j] & 0xFF);
        }
        return word;
    }

    /** The low {@code n} bytes of a word, {@code 0 <= n <= 8}. */
    private static long mask(int n) {
        return n == 0 ? 0 : -1L >>> ((8 - n) << 3);
    }

    /**
     * Replays the template on {@code line[from, to)}, storing its numbers in the scanner's fields.
     *
     * @return {@code true} if the line is the template line with other numbers (the scanner's fields then hold its
     *     sample); {@code false} if it must be scanned in full (the fields may then hold some of its numbers)
     */
    boolean replay(LineScanner s, byte[] line, int from, int to) {
        // every eight-byte read below stays inside the array: literals and numbers end by `to`
        if (!valid || line.length - to < 8) {
            return false;
        }
        // locals, so that the JIT checks the bounds of these arrays once per line rather than once per number
        final int n = slots;
        final int[] literalLength = this.literalLength;
        final long[] firstWord = this.firstWord;
        final long[] firstMask = this.firstMask;
        final byte[] number = this.number;
        final int[] length = this.length;
        final long[] shapeMask = this.shapeMask;
        final long[] shapeFlags = this.shapeFlags;
        final long[] separatorMask = this.separatorMask;
        final long[] separators = this.separators;
        final long[] integers = this.integers;
        final double[] decimals = this.decimals;
        if (literalLength.length <= n
                || number.length < n
                || length.length < n
                || integers.length < n
                || coversNext.length < n) {
            return false; // never: room() sizes them together; the check lets the JIT drop the per-number ones
        }
        final boolean[] coversNext = this.coversNext;
        int p = from;
        int date = -1;
        boolean covered = false; // literal k was checked with number k - 1
        for (int k = 0; k < n; k++) {
            int len = literalLength[k];
            if (to - p < len
                    || (!covered
                            && ((AsciiDigits.word(line, p) & firstMask[k]) != firstWord[k]
                                    || (len > 8 && !extraWords(line, p, k))))) {
                return false;
            }
            p += len;
            covered = false;
            byte kind = number[k];
            if (kind <= SIGNED_DECIMAL) {
                int digits = length[k];
                long x = AsciiDigits.word(line, p);
                long t = x ^ AsciiDigits.ZEROS;
                if (to - p >= digits
                        && (AsciiDigits.nonDigits(t) & shapeMask[k]) == shapeFlags[k]
                        && (x & separatorMask[k]) == separators[k]) {
                    long whole = AsciiDigits.eightDigits((t >>> wholeShiftRight[k]) << wholeShiftLeft[k]);
                    if (kind <= LONG) {
                        integers[k] = whole;
                    } else {
                        decimals[k] = decimal(t, whole, k);
                    }
                    p += digits;
                    covered = coversNext[k];
                    continue;
                }
                p = reshaped(s, line, x, t, p, to, k);
            } else if (kind == DATE) {
                date = p;
                p = to - p >= 10 && s.isDateMdy(p) ? p + 10 : FAIL;
            } else {
                p = to - p >= 8 && date >= 0 && s.isHms(p) && s.resolveStamp(date, p) ? p + 8 : FAIL;
            }
            if (p == FAIL) {
                return false;
            }
        }
        int len = literalLength[n];
        if (to - p != len
                || (!covered
                        && ((AsciiDigits.word(line, p) & firstMask[n]) != firstWord[n]
                                || (len > 8 && !extraWords(line, p, n))))) {
            return false;
        }
        scatter(s);
        return true;
    }

    /** The decimal of the predicted shape whose whole part is {@code whole}: the arithmetic of the scanner's. */
    private double decimal(long t, long whole, int k) {
        int f = fractionDigits[k];
        double v = f == 0
                ? whole
                : (whole * AsciiDigits.LONG_POW10[f]
                                + AsciiDigits.eightDigits((t >>> fractionShiftRight[k]) << fractionShiftLeft[k]))
                        / AsciiDigits.POW10[f];
        return negative[k] ? -v : v;
    }

    /** Literal {@code k} beyond its first eight bytes, at {@code p}. */
    private boolean extraWords(byte[] line, int p, int k) {
        for (int w = extraFrom[k], e = extraFrom[k + 1], q = p + 8; w < e; w++, q += 8) {
            if ((AsciiDigits.word(line, q) & masks[w]) != words[w]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Number {@code k} where it is not of the predicted shape (a load went from one digit to two, a temperature lost
     * a decimal): its shape is read from the same word {@code x} ({@code t = x ^ ZEROS}) when the number and the byte
     * after it lie in it, else by the scanner's own methods; stored, and predicted for the next line.
     *
     * @return the end of the number, or {@link #FAIL}
     */
    private int reshaped(LineScanner s, byte[] line, long x, long t, int p, int to, int k) {
        byte kind = number[k];
        long flags = AsciiDigits.nonDigits(t);
        if (kind <= LONG) {
            int n = Long.numberOfTrailingZeros(flags) >>> 3; // 8: no byte after the digits in the word
            if (n == 0 || n > MAX_PREDICTED || to - p < n) {
                return read(s, line, p, to, k);
            }
            integers[k] = AsciiDigits.value(t, n);
            shape(k, n, false, -1);
            return p + n;
        }
        boolean minus = kind == SIGNED_DECIMAL && (x & 0xFF) == '-';
        int whole = minus ? 1 : 0;
        int end = whole + (Long.numberOfTrailingZeros(flags >>> (whole << 3)) >>> 3);
        if (end == whole) {
            return read(s, line, p, to, k); // no digit before a point: not a number the scanner reads
        }
        int dot = -1;
        int fraction = 0;
        if (end <= MAX_PREDICTED && ((x >>> (end << 3)) & 0xFF) == '.') {
            if (end == MAX_PREDICTED) {
                return read(s, line, p, to, k); // the fraction starts beyond the word
            }
            dot = end;
            fraction = Long.numberOfTrailingZeros(flags >>> ((dot + 1) << 3)) >>> 3;
            end = dot + 1 + fraction;
        }
        if ((dot >= 0 && fraction == 0) || end > MAX_PREDICTED || to - p < end) {
            return read(s, line, p, to, k);
        }
        shape(k, end, minus, dot);
        decimals[k] = decimal(t, AsciiDigits.value(t >>> wholeShiftRight[k], (dot >= 0 ? dot : end) - whole), k);
        return p + end;
    }

    /**
     * Number {@code k} read by the scanner's own methods (longer than a predicted shape, at the end of the line, or
     * not a number: then the line is not the template's), stored, and predicted for the next line.
     *
     * @return the end of the number, or {@link #FAIL}
     */
    private int read(LineScanner s, byte[] line, int p, int to, int k) {
        byte kind = number[k];
        int r;
        if (kind <= LONG) {
            r = s.digitsEnd(p, to);
            int digits = r - p;
            if (digits == 0 || digits > (kind == INT ? MAX_INT_DIGITS : MAX_LONG_DIGITS)) {
                return FAIL;
            }
            integers[k] = s.num;
        } else {
            r = s.decimal(p, to, kind == SIGNED_DECIMAL);
            if (r == FAIL) {
                return FAIL;
            }
            decimals[k] = s.dec;
        }
        predict(line, p, r, k);
        return r;
    }

    /** Stores the numbers of a replayed line where the scanner stored those of the template line. */
    private void scatter(LineScanner s) {
        long[] iv = integers;
        double[] dv = decimals;
        int[] slot = scatterSlot;
        int[] at = scatterIndex;
        int[] from = scatterFrom;
        for (int j = from[MEM], e = from[MEM + 1]; j < e; j++) {
            s.mem[at[j]] = iv[slot[j]];
        }
        for (int j = from[CPU_LOAD], e = from[CPU_LOAD + 1]; j < e; j++) {
            s.cpuLoad[at[j]] = (int) iv[slot[j]];
        }
        for (int j = from[CPU_FREQ], e = from[CPU_FREQ + 1]; j < e; j++) {
            s.cpuFreq[at[j]] = (int) iv[slot[j]];
        }
        for (int j = from[MTS_FG], e = from[MTS_FG + 1]; j < e; j++) {
            s.mtsForeground = (int) iv[slot[j]];
        }
        for (int j = from[MTS_BG], e = from[MTS_BG + 1]; j < e; j++) {
            s.mtsBackground = (int) iv[slot[j]];
        }
        for (int j = from[ENGINE_LOAD], e = from[ENGINE_LOAD + 1]; j < e; j++) {
            s.engineLoad[at[j]] = (int) iv[slot[j]];
        }
        for (int j = from[ENGINE_FREQ], e = from[ENGINE_FREQ + 1]; j < e; j++) {
            s.engineFreqs[at[j]] = (int) iv[slot[j]];
        }
        for (int j = from[TEMP_CURRENT], e = from[TEMP_CURRENT + 1]; j < e; j++) {
            s.tempCurrent[at[j]] = dv[slot[j]];
        }
        for (int j = from[TEMP_MAX], e = from[TEMP_MAX + 1]; j < e; j++) {
            s.tempMax[at[j]] = dv[slot[j]];
        }
        // × 1.0 is exact, so a rail in mW gets the very value the scanner stored; one in W gets v × 1000 as there
        for (int j = from[RAIL_CURRENT], e = from[RAIL_CURRENT + 1]; j < e; j++) {
            s.railCurrent[at[j]] = dv[slot[j]] * scale[slot[j]];
        }
        for (int j = from[RAIL_AVERAGE], e = from[RAIL_AVERAGE + 1]; j < e; j++) {
            s.railAverage[at[j]] = dv[slot[j]] * scale[slot[j]];
        }
        for (int j = from[RAIL_MAX], e = from[RAIL_MAX + 1]; j < e; j++) {
            s.railMax[at[j]] = dv[slot[j]] * scale[slot[j]];
        }
    }

    /** {@return whether a template is ready to replay} */
    boolean ready() {
        return valid;
    }

    /** Predicts that number {@code k} of the next line has the shape of {@code line[p, r)}. */
    private void predict(byte[] line, int p, int r, int k) {
        byte kind = number[k];
        if (kind > SIGNED_DECIMAL) {
            return;
        }
        int n = r - p;
        if (n > MAX_PREDICTED) {
            length[k] = 0;
            shapeMask[k] = 0;
            shapeFlags[k] = NEVER;
            coversNext[k] = false;
            return;
        }
        boolean minus = line[p] == '-';
        int dot = -1;
        for (int i = p; i < r; i++) {
            if (line[i] == '.') {
                dot = i - p;
            }
        }
        shape(k, n, minus, dot);
    }

    /**
     * Predicts that number {@code k} of the next line has {@code n} bytes, {@code 1 <= n <= MAX_PREDICTED}, with a
     * leading minus or not, and its decimal point at {@code dot} (-1: none).
     */
    private void shape(int k, int n, boolean minus, int dot) {
        int whole = minus ? 1 : 0;
        long flags = STOP[n];
        long mask = 0;
        long bytes = 0;
        if (minus) {
            flags |= STOP[0];
            mask |= 0xFFL;
            bytes |= '-';
        }
        if (dot >= 0) {
            flags |= STOP[dot];
            mask |= 0xFFL << (dot << 3);
            bytes |= (long) '.' << (dot << 3);
        }
        // as much of the next literal as the word holds: then its check costs nothing more
        int following = Math.min(literalLength[k + 1], 8 - n);
        mask |= mask(following) << (n << 3);
        bytes |= (firstWord[k + 1] & mask(following)) << (n << 3);
        coversNext[k] = following == literalLength[k + 1];
        int wholeDigits = (dot >= 0 ? dot : n) - whole;
        int fraction = dot >= 0 ? n - dot - 1 : 0;
        length[k] = n;
        shapeMask[k] = LOW[n];
        shapeFlags[k] = flags;
        separatorMask[k] = mask;
        separators[k] = bytes;
        negative[k] = minus;
        wholeShiftRight[k] = whole << 3;
        wholeShiftLeft[k] = (8 - wholeDigits) << 3;
        fractionDigits[k] = fraction;
        fractionShiftRight[k] = (dot + 1) << 3;
        fractionShiftLeft[k] = (8 - fraction) << 3;
    }

    private void room(int numbers, int extra) {
        if (words.length < extra) {
            words = new long[extra];
            masks = new long[extra];
        }
        if (number.length < numbers) {
            int n = Math.max(numbers, number.length * 2);
            literalLength = new int[n + 1];
            firstWord = new long[n + 1];
            firstMask = new long[n + 1];
            extraFrom = new int[n + 2];
            coversNext = new boolean[n];
            number = new byte[n];
            scale = new double[n];
            scatterSlot = new int[n];
            scatterIndex = new int[n];
            integers = new long[n];
            decimals = new double[n];
            length = new int[n];
            shapeMask = new long[n];
            shapeFlags = new long[n];
            separatorMask = new long[n];
            separators = new long[n];
            wholeShiftRight = new int[n];
            wholeShiftLeft = new int[n];
            fractionDigits = new int[n];
            fractionShiftRight = new int[n];
            fractionShiftLeft = new int[n];
            negative = new boolean[n];
        }
    }

    /** Words of a literal of {@code bytes} beyond its first eight bytes. */
    private static int extraWords(int bytes) {
        return bytes <= 8 ? 0 : (bytes - 1) >>> 3;
    }
}
