package io.github.tokjoule.tegrastats;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses single tegrastats lines into {@link TegrastatsSample}s.
 *
 * <p>The parser is a hand-written scanner over the characters of the line: it reads tokens left to right and
 * recognises each by its shape, never by its position, so every field order and every field subset of the releases
 * in {@code docs/reference/tegrastats-format.md} parses, and so do shapes not seen yet:
 *
 * <ul>
 *   <li>optional leading timestamps: tegrastats' {@code MM-DD-YYYY HH:MM:SS} (kept as a naive local time) after any
 *       wrapper's own stamps (kept as {@link TegrastatsSample#prefix()});
 *   <li>{@code RAM u/tMB (lfb NxSMB)}, {@code SWAP u/tMB (cached NMB)}, {@code IRAM u/tkB(lfb NkB)}: values and units
 *       as printed ({@code kB} lfb forms included);
 *   <li>{@code CPU [N%@F,off,…]} with {@code off} cores kept in position, and the legacy {@code cpu [N%,…]@F};
 *   <li>engines in every form: {@code NAME off}, {@code NAME N}, {@code NAME N%}, {@code NAME N%@F},
 *       {@code NAME N%@[F,F]}, {@code NAME @F}, {@code NAME @[F,F,F]} (EMC, GR3D, VIC, APE, NVENC, …, and any new name);
 *   <li>{@code MTS fg N% bg N%};
 *   <li>temperatures {@code name@N.NC} and {@code name@N.NC/N.NC}; {@code -256C} kept raw but reported absent;
 *   <li>rails {@code NAME cur/avg}, {@code NAME curmW/avgmW} and {@code NAME curmW/avgmW/maxmW} (unitless = mW);
 *   <li>anything else inside a tegrastats line is kept as an {@link UnknownToken}, never fatal.
 * </ul>
 *
 * <p>What counts as a tegrastats line, a malformed one, or another line is defined on {@link LineKind}. The cost is
 * linear in the line length. A line that repeats the shape of the previous line given to the same parser (the same
 * bytes between its numbers, as consecutive lines of one log almost always are) is read by replaying that line's
 * template: only its numbers are read, with the same limits and arithmetic, so the result is exactly a full scan's,
 * in less than half the time. Any other line is scanned in full. An instance reuses scratch buffers and an intern table of names between calls and is
 * <b>not thread-safe</b>; create one per thread. The static {@link #parseSample(CharSequence)} uses one per thread.
 *
 * @since 0.1.0
 */
public final class TegrastatsParser {

    private static final ThreadLocal<TegrastatsParser> PER_THREAD = ThreadLocal.withInitial(TegrastatsParser::new);

    private final LineScanner scanner = new LineScanner();
    private final LineSource.Encoded encoded = new LineSource.Encoded();

    private TegrastatsParser() {}

    /** {@return a new parser (not thread-safe)} */
    public static TegrastatsParser create() {
        return new TegrastatsParser();
    }

    /**
     * Parses one line that did not come from a file: line number and sequence are 0.
     *
     * @param line the text of one line; a trailing {@code \n}, {@code \r\n} or {@code \r} is ignored
     * @return the outcome, never {@code null}; this method never throws on any content
     */
    public ParsedLine parse(CharSequence line) {
        return parse(line, 0, 0);
    }

    /**
     * Parses one line.
     *
     * @param line the text of one line; a trailing {@code \n}, {@code \r\n} or {@code \r} is ignored
     * @param lineNumber the 1-based line number to record in the sample (0 when unknown)
     * @param sequence the 0-based position among the tegrastats lines of the input (see
     *     {@link TegrastatsSample#sequence()})
     * @return the outcome, never {@code null}; this method never throws on any content
     * @throws IllegalArgumentException if {@code lineNumber} or {@code sequence} is negative
     */
    public ParsedLine parse(CharSequence line, long lineNumber, long sequence) {
        Objects.requireNonNull(line, "line");
        if (lineNumber < 0 || sequence < 0) {
            throw new IllegalArgumentException(
                    "lineNumber and sequence must not be negative: " + lineNumber + ", " + sequence);
        }
        int n = line.length();
        encoded.room(n, Integer.MAX_VALUE - 8);
        if (line instanceof String string) {
            string.getChars(0, n, encoded.chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                encoded.chars[i] = line.charAt(i);
            }
        }
        encoded.encode(n);
        LineKind kind = scanner.scan(encoded.bytes, 0, n, encoded.text);
        return new ParsedLine(
                kind,
                kind == LineKind.SAMPLE ? new TegrastatsSample(scanner, lineNumber, sequence) : null,
                kind == LineKind.MALFORMED ? scanner.problem : null);
    }

    /**
     * Parses one line that must be a tegrastats sample.
     *
     * @param line the text of one tegrastats line
     * @return the sample (line number and sequence 0)
     * @throws IllegalArgumentException if the line is malformed or not a tegrastats line; the message gives the
     *     reason and the line
     */
    public static TegrastatsSample parseSample(CharSequence line) {
        ParsedLine parsed = PER_THREAD.get().parse(line);
        return parsed.sample()
                .orElseThrow(() -> new IllegalArgumentException("not a tegrastats sample ("
                        + parsed.problem().orElse(parsed.kind().toString()) + "): "
                        + TegrastatsFormatException.abbreviate(line.toString())));
    }

    /** The reader's allocation-free path: classify {@code bytes[from, to)} (see {@link LineSource}). */
    LineKind scan(byte[] bytes, int from, int to, char @Nullable [] text) {
        return scanner.scan(bytes, from, to, text);
    }

    /** The sample of the last {@link #scan} that returned {@link LineKind#SAMPLE}. */
    TegrastatsSample sample(long lineNumber, long sequence) {
        return new TegrastatsSample(scanner, lineNumber, sequence);
    }

    /** The reason of the last {@link #scan} that returned {@link LineKind#MALFORMED}. */
    String problem() {
        String p = scanner.problem;
        return p == null ? "malformed" : p;
    }
}
