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
 * numbers themselves drive are the digit-count limits, which the replay applies too (through the scanner's own methods
 * where a number does not fit in a word); the timestamps, whose values can make a line malformed, come before the
 * first field and are read by the scanner itself. {@code LineTemplateEquivalenceTest} checks the claim on every
 * corpus line and on mutated lines.
 *
 * <p>Speed: a literal of up to eight bytes costs one eight-byte read and compare; a number of up to seven characters
 * is read from one eight-byte word (its length from the first non-digit flag, its value by SWAR arithmetic), so no
 * byte is looked at twice and no branch depends on a digit. Longer numbers and numbers at the very end of the line
 * are read by the scanner's methods.
 *
 * <p>A template starts at the line's first field: the timestamps and any wrapper's prefix before it are read by the
 * scanner's own code on every line, replayed or not. Only lines without unknown tokens, legacy shared CPU frequency
 * or non-ASCII characters become templates; the others are always scanned in full. One instance serves one scanner
 * and is not thread-safe.
 */
final class LineTemplate {

    // what a number is: how it is read
    static final byte INT = 0; // at most 9 digits
    static final byte LONG = 1; // at most 18 digits
    static final byte DECIMAL = 2; // D+[.D+]
    static final byte SIGNED_DECIMAL = 3; // [-]D+[.D+]

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

    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int FAIL = -1;
    /** The longest number read from one word: the word must also hold the byte after it. */
    private static final int MAX_IN_WORD = 7;

    /**
     * Lines with more numbers are not templates (tegrastats prints fewer than 200), so that a garbage line of many
     * numbers cannot make the template's arrays grow with it.
     */
    static final int MAX_NUMBERS = 1024;

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
    private byte[] number = new byte[64];
    private double[] scale = new double[64];
    // the stores, grouped by destination: scatterSlot/scatterIndex[scatterFrom[d], scatterFrom[d + 1])
    private final int[] scatterFrom = new int[RAIL_MAX + 2];
    private int[] scatterSlot = new int[64];
    private int[] scatterIndex = new int[64];
    // the numbers of the line being replayed, by slot
    private long[] integers = new long[64];
    private double[] decimals = new double[64];

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
        if (i > MAX_NUMBERS) {
            return; // already too many: end() will not make a template of this line
        }
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
     * The full scan of a line ended; if it gave a sample that may serve as a template, the recorded numbers and the
     * bytes between them, from its first field at {@code from} to its end at {@code to}, become the template.
     */
    void end(boolean templatable, byte[] line, int from, int to) {
        if (!templatable || recorded == 0 || recorded > MAX_NUMBERS) {
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
                number[k] = recNumber[k];
                scale[k] = recWatts[k] ? 1000 : 1;
                previous = recEnd[k];
            }
        }
        extraFrom[n + 1] = w;
        int j = 0;
        for (byte d = 0; d <= RAIL_MAX; d++) {
            scatterFrom[d] = j;
            for (int k = 0; k < n; k++) {
                if (recDest[k] == d) {
                    scatterSlot[j] = k;
                    scatterIndex[j++] = recIndex[k];
                }
            }
        }
        scatterFrom[RAIL_MAX + 1] = j;
        slots = n;
        valid = true;
    }

    /** {@return whether a template is ready to replay} */
    boolean ready() {
        return valid;
    }

    /**
     * Replays the template on the fields of a line, {@code line[from, to)}, storing its numbers in the scanner's
     * fields.
     *
     * @return {@code true} if the fields are the template line's with other numbers (the scanner's fields then hold
     *     its sample); {@code false} if the line must be scanned in full (the scanner's fields are then unchanged)
     */
    boolean replay(LineScanner s, byte[] line, int from, int to) {
        // every eight-byte read below starts at or before `to`, so it stays inside the array
        if (!valid || line.length - to < 8) {
            return false;
        }
        final int n = slots;
        final int[] literalLength = this.literalLength;
        final long[] firstWord = this.firstWord;
        final long[] firstMask = this.firstMask;
        final byte[] number = this.number;
        final long[] integers = this.integers;
        int p = from;
        for (int k = 0; k < n; k++) {
            int len = literalLength[k];
            if (to - p < len
                    || (AsciiDigits.word(line, p) & firstMask[k]) != firstWord[k]
                    || (len > 8 && !extraWords(line, p, k))) {
                return false;
            }
            p += len;
            byte kind = number[k];
            if (kind <= LONG) {
                long t = AsciiDigits.word(line, p) ^ AsciiDigits.ZEROS;
                int digits = Long.numberOfTrailingZeros(AsciiDigits.nonDigits(t)) >>> 3; // 8: no end in the word
                if (digits != 0 && digits <= MAX_IN_WORD && to - p >= digits) {
                    integers[k] = AsciiDigits.value(t, digits);
                    p += digits;
                    continue;
                }
                p = read(s, p, to, k);
            } else {
                p = decimal(s, line, p, to, k);
            }
            if (p == FAIL) {
                return false;
            }
        }
        int len = literalLength[n];
        if (to - p != len
                || (AsciiDigits.word(line, p) & firstMask[n]) != firstWord[n]
                || (len > 8 && !extraWords(line, p, n))) {
            return false;
        }
        scatter(s);
        return true;
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
     * {@code [-]D+[.D+]} at {@code p} into {@link #decimals}: from one word when the number and the byte after it lie
     * in it, with the scanner's arithmetic ({@link AsciiDigits#decimal}), so the very same {@code double}; else by
     * {@link LineScanner#decimal}.
     *
     * @return the end of the number, or {@link #FAIL}
     */
    private int decimal(LineScanner s, byte[] line, int p, int to, int k) {
        long x = AsciiDigits.word(line, p);
        long t = x ^ AsciiDigits.ZEROS;
        long flags = AsciiDigits.nonDigits(t);
        int whole = number[k] == SIGNED_DECIMAL && (x & 0xFF) == '-' ? 1 : 0; // the sign's bytes
        int end = whole + (Long.numberOfTrailingZeros(flags >>> (whole << 3)) >>> 3);
        if (end == whole) {
            return read(s, p, to, k); // no digit before a point: the scanner refuses it
        }
        int dot = -1;
        int fraction = 0;
        if (end <= MAX_IN_WORD && ((x >>> (end << 3)) & 0xFF) == '.') {
            if (end == MAX_IN_WORD) {
                return read(s, p, to, k); // the fraction starts beyond the word
            }
            dot = end;
            fraction = Long.numberOfTrailingZeros(flags >>> ((dot + 1) << 3)) >>> 3;
            end = dot + 1 + fraction;
        }
        if ((dot >= 0 && fraction == 0) || end > MAX_IN_WORD || to - p < end) {
            return read(s, p, to, k);
        }
        long mantissa = AsciiDigits.value(t >>> (whole << 3), (dot >= 0 ? dot : end) - whole);
        if (fraction > 0) {
            mantissa =
                    mantissa * AsciiDigits.LONG_POW10[fraction] + AsciiDigits.value(t >>> ((dot + 1) << 3), fraction);
        }
        decimals[k] = AsciiDigits.decimal(mantissa, fraction, whole == 1);
        return p + end;
    }

    /**
     * Number {@code k} read by the scanner's own methods: longer than a word holds, at the very end of the line, or
     * not a number the scanner accepts (then the line is not the template's).
     *
     * @return the end of the number, or {@link #FAIL}
     */
    private int read(LineScanner s, int p, int to, int k) {
        byte kind = number[k];
        if (kind <= LONG) {
            int r = s.digitsEnd(p, to);
            int digits = r - p;
            if (digits == 0 || digits > (kind == INT ? MAX_INT_DIGITS : MAX_LONG_DIGITS)) {
                return FAIL;
            }
            integers[k] = s.num;
            return r;
        }
        int r = s.decimal(p, to, kind == SIGNED_DECIMAL);
        if (r != FAIL) {
            decimals[k] = s.dec;
        }
        return r;
    }

    /** Stores the numbers of a replayed line where the scanner stored those of the template line. */
    private void scatter(LineScanner s) {
        long[] iv = integers;
        for (int j = scatterFrom[MEM], e = scatterFrom[MEM + 1]; j < e; j++) {
            s.mem[scatterIndex[j]] = iv[scatterSlot[j]];
        }
        for (int j = scatterFrom[MTS_FG], e = scatterFrom[MTS_FG + 1]; j < e; j++) {
            s.mtsForeground = (int) iv[scatterSlot[j]];
        }
        for (int j = scatterFrom[MTS_BG], e = scatterFrom[MTS_BG + 1]; j < e; j++) {
            s.mtsBackground = (int) iv[scatterSlot[j]];
        }
        scatter(CPU_LOAD, s.cpuLoad);
        scatter(CPU_FREQ, s.cpuFreq);
        scatter(ENGINE_LOAD, s.engineLoad);
        scatter(ENGINE_FREQ, s.engineFreqs);
        scatter(TEMP_CURRENT, s.tempCurrent);
        scatter(TEMP_MAX, s.tempMax);
        scatter(RAIL_CURRENT, s.railCurrent);
        scatter(RAIL_AVERAGE, s.railAverage);
        scatter(RAIL_MAX, s.railMax);
    }

    private void scatter(byte destination, int[] target) {
        for (int j = scatterFrom[destination], e = scatterFrom[destination + 1]; j < e; j++) {
            target[scatterIndex[j]] = (int) integers[scatterSlot[j]];
        }
    }

    /** × 1.0 is exact, so a value in mW (or °C) is stored as read; one in W gets × 1000 as the scanner does. */
    private void scatter(byte destination, double[] target) {
        for (int j = scatterFrom[destination], e = scatterFrom[destination + 1]; j < e; j++) {
            int k = scatterSlot[j];
            target[scatterIndex[j]] = decimals[k] * scale[k];
        }
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
            number = new byte[n];
            scale = new double[n];
            scatterSlot = new int[n];
            scatterIndex = new int[n];
            integers = new long[n];
            decimals = new double[n];
        }
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

    /** Words of a literal of {@code bytes} beyond its first eight bytes. */
    private static int extraWords(int bytes) {
        return bytes <= 8 ? 0 : (bytes - 1) >>> 3;
    }
}
