package io.github.tokjoule.aiperf;

/**
 * One entry of a summary's {@code error_summary}: an error and how many requests failed with it.
 *
 * @param details the error
 * @param count the number of requests, not negative
 * @since 0.1.0
 */
public record ErrorCount(ErrorDetails details, long count) {

    /**
     * Validates the count.
     *
     * @throws IllegalArgumentException if the count is negative
     */
    public ErrorCount {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " is negative");
        }
    }
}
