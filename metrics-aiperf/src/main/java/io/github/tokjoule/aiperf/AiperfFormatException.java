package io.github.tokjoule.aiperf;

/**
 * An aiperf or genai-perf export that cannot be read. The message names the file and where in it: the 1-based line
 * of a JSON Lines file, or the JSON path of a value in a JSON document, and the offending value.
 *
 * @since 0.1.0
 */
public final class AiperfFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;

    /**
     * Creates the exception.
     *
     * @param source the file name or another description of the input
     * @param location where the problem is: {@code "line 12"} or a JSON path such as {@code "$.records.ttft.unit"}
     * @param reason what is wrong, including the offending value
     * @param cause the underlying exception, or {@code null}
     */
    public AiperfFormatException(
            String source, String location, String reason, @org.jspecify.annotations.Nullable Throwable cause) {
        super(source + ": " + location + ": " + reason, cause);
        this.source = source;
        this.location = location;
    }

    /** {@return the file name or description of the input} */
    public String source() {
        return source;
    }

    /** {@return the line ({@code "line N"}) or JSON path of the problem} */
    public String location() {
        return location;
    }
}
