package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Drives a JSON Lines file line by line: one Jackson parser per line over the shared line buffer, the counters of
 * {@link JsonLinesReport}, and the rules for bad lines (lenient: skip and report; strict: throw; an unterminated last
 * line that does not parse is always reported as truncated and never thrown).
 *
 * @param <T> the record type
 */
final class JsonLinesSource<T> implements Closeable {

    /** Parses one line; returns null if the record is well formed but left out (counted by the parser). */
    interface LineParser<T> {

        /** What {@link #parseBytes} answers for a line it leaves to {@link #parse}. */
        Object UNSURE = new Object();

        @Nullable
        T parse(JsonParser p, JsonLinesSource<T> source) throws IOException;

        /**
         * Reads a line from its bytes without Jackson, where the parser can vouch that {@link #parse} would give an
         * equal record with the same counts and no issue; anything else is answered {@link #UNSURE}, before any count
         * or issue is recorded, and the line goes to {@link #parse} whole.
         *
         * @return the record (a {@code T}), null if it is well formed but left out (counted), or {@link #UNSURE}
         */
        default @Nullable Object parseBytes(byte[] buf, int start, int length, JsonLinesSource<T> source) {
            return UNSURE;
        }
    }

    /** A structurally wrong line found by a {@link LineParser}: valid JSON, but not a record. */
    static final class MalformedLineException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String reason) {
            super(reason);
        }
    }

    private final LineReader lines;
    private final LineParser<T> parser;
    private final Issues issues;
    private long records;
    private long skippedByPhase;
    private long blankLines;
    private long malformedLines;
    private long truncatedLastLine;
    private long skippedListMetrics;
    private final Set<String> skippedListMetricNames = new TreeSet<>();

    JsonLinesSource(InputStream in, String source, boolean strict, LineParser<T> parser) {
        this.lines = new LineReader(in, 1 << 16, LineReader.MAX_LINE_BYTES);
        this.parser = parser;
        this.issues = new Issues(source, strict, JsonLinesReport.ISSUES_KEPT);
    }

    /** Opens a file, decompressing it if its name ends with {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (String.valueOf(file.getFileName()).endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }

    Issues issues() {
        return issues;
    }

    long lineNumber() {
        return lines.lineNumber();
    }

    /** {@return "line N"} */
    String at() {
        return "line " + lines.lineNumber();
    }

    /** {@return "line N: $.path" for the parser's position} */
    String at(JsonParser p) {
        return "line " + lines.lineNumber() + ": " + Json.path(p);
    }

    void skipByPhase() {
        skippedByPhase++;
    }

    /** Counts a list metric stepped over on request; names are kept up to a bound so memory stays constant. */
    void skipListMetric(String name) {
        skippedListMetrics++;
        if (skippedListMetricNames.size() < 64) {
            skippedListMetricNames.add(name);
        }
    }

    /**
     * Reads lines until one gives a record.
     *
     * @return the next record, or null at the end of the input
     * @throws AiperfFormatException in strict mode, at the first bad line
     */
    @Nullable
    T next() throws IOException {
        while (true) {
            try {
                if (!lines.next()) {
                    return null;
                }
            } catch (LineReader.LineTooLongException e) {
                throw new AiperfFormatException(
                        issues.source(), "line " + e.lineNumber, String.valueOf(e.getMessage()), e);
            }
            if (lines.isBlank()) {
                blankLines++;
                continue;
            }
            T record = parseLine();
            if (record != null) {
                records++;
                return record;
            }
        }
    }

    @SuppressWarnings("unchecked") // parseBytes answers a T, null or UNSURE
    private @Nullable T parseLine() throws IOException {
        Object fast = parser.parseBytes(lines.buffer(), lines.lineStart(), lines.lineLength(), this);
        if (fast != LineParser.UNSURE) {
            return (T) fast;
        }
        JsonParser p = Json.FACTORY.createParser(lines.buffer(), lines.lineStart(), lines.lineLength());
        try (p) {
            T record = parser.parse(p, this);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new MalformedLineException("content after the record: " + Json.describe(p, extra));
            }
            return record;
        } catch (MalformedLineException e) {
            bad(at(), String.valueOf(e.getMessage()), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = at() + (loc != null && loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "") + " ("
                    + Json.path(p) + ")";
            bad(where, Json.reason(e), e);
        }
        return null;
    }

    private void bad(String where, String reason, Exception cause) {
        if (!lines.terminated()) {
            truncatedLastLine = lines.lineNumber();
            issues.note(
                    where,
                    "last line cut short (the writer was probably killed mid-line): " + reason
                            + "; skipped, every earlier line kept");
            return;
        }
        malformedLines++;
        if (issues.strict()) {
            throw new AiperfFormatException(issues.source(), where, reason, cause);
        }
        issues.note(where, "malformed line skipped: " + reason);
    }

    JsonLinesReport report() {
        return new JsonLinesReport(
                issues.source(),
                lines.lineNumber(),
                records,
                skippedByPhase,
                blankLines,
                malformedLines,
                truncatedLastLine,
                issues.total(),
                issues.kept(),
                skippedListMetrics,
                skippedListMetricNames);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
