package io.github.tokjoule.tegrastats;

/**
 * How a {@link TegrastatsReader} treats malformed lines and how much it keeps for the report.
 *
 * @param strict {@code true}: the first malformed line throws {@link TegrastatsFormatException}; {@code false}
 *     (lenient): it is counted and reported, and reading goes on. Lines that are not tegrastats output (blank,
 *     {@code date} headers, prompts, other text) are skipped and counted in both modes.
 * @param exampleLimit how many malformed lines, and separately how many skipped non-blank lines, the report keeps
 *     with their number and text; every line is counted whatever the limit
 * @param maxLineChars lines longer than this are malformed ("line too long"); only this many characters are held in
 *     memory, so memory stays bounded on input without line breaks
 * @since 0.1.0
 */
public record ReaderOptions(boolean strict, int exampleLimit, int maxLineChars) {

    /** The default {@link #exampleLimit()}. */
    public static final int DEFAULT_EXAMPLE_LIMIT = 20;

    /** The default {@link #maxLineChars()}: 4 Mi characters (a real tegrastats line has about 500). */
    public static final int DEFAULT_MAX_LINE_CHARS = 1 << 22;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if {@code exampleLimit < 0} or {@code maxLineChars < 1}
     */
    public ReaderOptions {
        if (exampleLimit < 0) {
            throw new IllegalArgumentException("exampleLimit must not be negative: " + exampleLimit);
        }
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be positive: " + maxLineChars);
        }
    }

    /** {@return lenient reading with the default limits} */
    public static ReaderOptions lenient() {
        return new ReaderOptions(false, DEFAULT_EXAMPLE_LIMIT, DEFAULT_MAX_LINE_CHARS);
    }

    /** {@return strict reading (the first malformed line throws) with the default limits} */
    public static ReaderOptions strictMode() {
        return new ReaderOptions(true, DEFAULT_EXAMPLE_LIMIT, DEFAULT_MAX_LINE_CHARS);
    }

    /**
     * Returns these options with another example limit.
     *
     * @param limit the number of examples kept per list, not negative
     * @return the options
     * @throws IllegalArgumentException if {@code limit < 0}
     */
    public ReaderOptions withExampleLimit(int limit) {
        return new ReaderOptions(strict, limit, maxLineChars);
    }

    /**
     * Returns these options with another line-length limit.
     *
     * @param chars the longest line accepted, in characters, at least 1
     * @return the options
     * @throws IllegalArgumentException if {@code chars < 1}
     */
    public ReaderOptions withMaxLineChars(int chars) {
        return new ReaderOptions(strict, exampleLimit, chars);
    }
}
