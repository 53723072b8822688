package io.github.tokjoule.core.join;

/**
 * The windows of a request: prefill {@code [start, firstToken]}, decode {@code [firstToken, end]} and the whole
 * request {@code [start, end]}. Prefill and decode partition the whole request: their energies add up to its energy.
 *
 * @since 0.2.0
 */
public enum Phase {
    /** From the request's start to its first output token: the prompt is processed. */
    PREFILL,
    /** From the first output token to the last: one token at a time. */
    DECODE,
    /** The whole request, start to last token. */
    TOTAL
}
