package io.github.tokjoule.aiperf;

/**
 * One problem met while reading an export and worked around: what was skipped or assumed, and where.
 *
 * @param location where: a JSON path such as {@code "$.time_to_first_token.p50"}, or {@code "line 12"} /
 *     {@code "line 12: $.metadata.request_start_ns"} in a JSON Lines file
 * @param message what was wrong and what the reader did, including the offending value
 * @since 0.1.0
 */
public record ReadIssue(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
