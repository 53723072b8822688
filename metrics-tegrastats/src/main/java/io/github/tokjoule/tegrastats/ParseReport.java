package io.github.tokjoule.tegrastats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TegrastatsReader} saw: every line counted under exactly one {@link LineKind}, the malformed lines and
 * the skipped non-blank lines with number and text (up to {@link ReaderOptions#exampleLimit()} of each), and the
 * names of unknown tokens kept inside samples. Nothing read is dropped without being counted here:
 * {@code linesRead() == sum over kinds of count(kind)}.
 *
 * @since 0.1.0
 */
@SuppressWarnings("EnumOrdinal") // counts per LineKind are kept in an array indexed by ordinal, a hot path
public final class ParseReport {

    /** The most distinct unknown-token names counted; more names are counted together under {@code "…"}. */
    public static final int MAX_UNKNOWN_NAMES = 100;

    private final String source;
    private final long linesRead;
    private final long[] counts;
    private final List<ReportedLine> malformedLines;
    private final List<ReportedLine> skippedLines;
    private final Map<String, Long> unknownTokens;

    private ParseReport(Accumulator a) {
        this.source = a.source;
        this.linesRead = a.linesRead;
        this.counts = a.counts.clone();
        this.malformedLines = List.copyOf(a.malformed);
        this.skippedLines = List.copyOf(a.skipped);
        this.unknownTokens = Collections.unmodifiableMap(new LinkedHashMap<>(a.unknown));
    }

    /** {@return the file name or description of the input} */
    public String source() {
        return source;
    }

    /** {@return the number of lines read, of every kind} */
    public long linesRead() {
        return linesRead;
    }

    /** {@return the number of samples produced} */
    public long samples() {
        return count(LineKind.SAMPLE);
    }

    /** {@return the number of malformed tegrastats lines (each yields no sample)} */
    public long malformed() {
        return count(LineKind.MALFORMED);
    }

    /** {@return the number of lines that are not tegrastats output: blank, date headers, prompts, other} */
    public long skipped() {
        return linesRead - samples() - malformed();
    }

    /**
     * Returns the number of lines of one kind.
     *
     * @param kind the kind
     * @return the count
     */
    public long count(LineKind kind) {
        return counts[kind.ordinal()];
    }

    /** {@return the malformed lines kept as examples, in input order (at most the example limit)} */
    public List<ReportedLine> malformedLines() {
        return malformedLines;
    }

    /** {@return the skipped non-blank lines kept as examples (date headers, prompts, other), in input order} */
    public List<ReportedLine> skippedLines() {
        return skippedLines;
    }

    /** {@return the names of unknown tokens found inside samples → number of occurrences, in order of appearance} */
    public Map<String, Long> unknownTokens() {
        return unknownTokens;
    }

    /** {@return {@code true} when no line was malformed} */
    public boolean isClean() {
        return malformed() == 0;
    }

    /**
     * Returns a short human-readable summary, e.g. for standard error of a command line tool.
     *
     * @return several lines of text, without a trailing line break
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(source)
                .append(": ")
                .append(linesRead)
                .append(" lines, ")
                .append(samples())
                .append(" samples, ")
                .append(malformed())
                .append(" malformed, ")
                .append(skipped())
                .append(" skipped");
        if (skipped() > 0) {
            b.append(" (");
            String sep = "";
            for (LineKind k :
                    new LineKind[] {LineKind.BLANK, LineKind.DATE_HEADER, LineKind.SHELL_PROMPT, LineKind.OTHER}) {
                if (count(k) > 0) {
                    b.append(sep).append(count(k)).append(' ').append(k.name().toLowerCase(java.util.Locale.ROOT));
                    sep = ", ";
                }
            }
            b.append(')');
        }
        for (ReportedLine m : malformedLines) {
            b.append("\n  malformed ").append(m);
        }
        if (malformed() > malformedLines.size()) {
            b.append("\n  … and ").append(malformed() - malformedLines.size()).append(" more malformed lines");
        }
        if (!unknownTokens.isEmpty()) {
            b.append("\n  unknown tokens kept: ").append(unknownTokens);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "ParseReport[" + source + ", " + linesRead + " lines, " + samples() + " samples, " + malformed()
                + " malformed, " + skipped() + " skipped]";
    }

    /** The mutable counterpart the reader fills in. */
    static final class Accumulator {
        final String source;
        final int exampleLimit;
        long linesRead;
        final long[] counts = new long[LineKind.values().length];
        final List<ReportedLine> malformed = new ArrayList<>();
        final List<ReportedLine> skipped = new ArrayList<>();
        final Map<String, Long> unknown = new LinkedHashMap<>();

        Accumulator(String source, int exampleLimit) {
            this.source = source;
            this.exampleLimit = exampleLimit;
        }

        void sample(TegrastatsSample s) {
            linesRead++;
            counts[LineKind.SAMPLE.ordinal()]++;
            for (int i = 0, n = s.unknownTokenCount(); i < n; i++) {
                String name = s.unknownTokenName(i);
                if (unknown.containsKey(name) || unknown.size() < MAX_UNKNOWN_NAMES) {
                    unknown.merge(name, 1L, Long::sum);
                } else {
                    unknown.merge("…", 1L, Long::sum);
                }
            }
        }

        void other(
                LineKind kind, long lineNumber, String reason, byte[] bytes, char @Nullable [] text, int from, int to) {
            linesRead++;
            counts[kind.ordinal()]++;
            List<ReportedLine> list = kind == LineKind.MALFORMED ? malformed : skipped;
            if (kind != LineKind.BLANK && list.size() < exampleLimit) {
                list.add(new ReportedLine(lineNumber, kind, reason, text(bytes, text, from, to)));
            }
        }

        /** The line {@code bytes[from, to)} as text (see {@link LineSource}), abbreviated after 200 characters. */
        static String text(byte[] bytes, char @Nullable [] text, int from, int to) {
            int n = Math.min(to - from, 200);
            String head = text != null
                    ? new String(text, from, n)
                    : new String(bytes, from, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            return n == to - from ? head : head + "… (" + (to - from) + " characters)";
        }

        ParseReport snapshot() {
            return new ParseReport(this);
        }
    }
}
