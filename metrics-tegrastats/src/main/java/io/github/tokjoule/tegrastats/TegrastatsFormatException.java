package io.github.tokjoule.tegrastats;

/**
 * A tegrastats line that a strict reader refused. The message names the source, the 1-based line number and the
 * offending text.
 *
 * @since 0.1.0
 */
public final class TegrastatsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;

    /**
     * Creates the exception.
     *
     * @param source the file name or another description of the input
     * @param lineNumber the 1-based line number
     * @param reason what is wrong with the line
     * @param line the text of the line (shortened in the message when longer than 200 characters)
     */
    public TegrastatsFormatException(String source, long lineNumber, String reason, String line) {
        super(source + ":" + lineNumber + ": " + reason + ": " + abbreviate(line));
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** {@return the file name or description of the input} */
    public String source() {
        return source;
    }

    /** {@return the 1-based number of the refused line} */
    public long lineNumber() {
        return lineNumber;
    }

    static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "… (" + line.length() + " characters)";
    }
}
