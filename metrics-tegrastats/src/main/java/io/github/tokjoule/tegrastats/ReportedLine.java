package io.github.tokjoule.tegrastats;

/**
 * A line the report keeps as an example: a malformed line with the reason, or a skipped line.
 *
 * @param lineNumber the 1-based line number
 * @param kind what the line is
 * @param reason why a malformed line was refused (with its column); for a skipped line, the kind in words
 * @param text the line, shortened to 200 characters when longer
 * @since 0.1.0
 */
public record ReportedLine(long lineNumber, LineKind kind, String reason, String text) {

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + ": " + text;
    }
}
