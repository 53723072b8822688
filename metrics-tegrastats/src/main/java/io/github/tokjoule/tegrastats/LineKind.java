package io.github.tokjoule.tegrastats;

/**
 * What one input line turned out to be. Every line read is counted under exactly one kind in the
 * {@link ParseReport}.
 *
 * <p>A line is a <em>tegrastats line</em> when, after optional leading timestamp tokens, its first token is the name
 * of a field tegrastats always starts with ({@code RAM}, {@code SWAP}, {@code IRAM}, {@code CPU}, {@code cpu},
 * {@code EMC_FREQ}, {@code EMC}, {@code GR3D_FREQ}, {@code GR3D}), or when it starts with tegrastats' own
 * {@code MM-DD-YYYY HH:MM:SS} timestamp. A tegrastats line is either a {@link #SAMPLE} or {@link #MALFORMED}; every
 * other line is skipped under one of the remaining kinds.
 *
 * @since 0.1.0
 */
public enum LineKind {
    /** A tegrastats line that parsed into a {@link TegrastatsSample}. */
    SAMPLE,
    /**
     * A tegrastats line with a known field that is truncated or garbled (for example {@code RAM 6879/}, a temperature
     * without its {@code C}, a rail value cut after the slash, an unclosed {@code CPU [} list, a number of more than
     * 18 digits, a field such as {@code RAM} printed twice as when two lines were joined, or a timestamp followed by
     * nothing). It yields no sample; the report keeps its number and text. A strict reader throws on it.
     */
    MALFORMED,
    /** An empty line or a line of spaces and tabs only. */
    BLANK,
    /**
     * A header printed by {@code date} ({@code Tue Jan 26 18:22:31 UTC 2021}: a weekday and a month abbreviation
     * first), or a line made only of timestamp tokens in another format (e.g. ISO-8601).
     */
    DATE_HEADER,
    /**
     * A shell or sudo prompt saved with a terminal session: a line starting with {@code [sudo]}, {@code $} or
     * {@code #}, a {@code Password:} prompt, or a line whose first tokens contain {@code user@host:path$} or
     * {@code user@host:path#}.
     */
    SHELL_PROMPT,
    /** Any other line that is not tegrastats output (log messages of a wrapper, {@code ^C}, …). */
    OTHER
}
