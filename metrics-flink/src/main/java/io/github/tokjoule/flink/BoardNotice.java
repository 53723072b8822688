package io.github.tokjoule.flink;

/**
 * What the join says about a board beside its cells: a silent stretch, or the board's counts at the end of input.
 *
 * @param board the board
 * @param kind what is reported
 * @param fromEpochNanos {@link Kind#SILENT}: the last sample before the silence; {@link Kind#SUMMARY}: the board's
 *     first sample ({@link Long#MIN_VALUE} if it sent none)
 * @param toEpochNanos {@link Kind#SILENT}: the first sample after it, or {@link Long#MAX_VALUE} if the board never
 *     spoke again while its requests went on; {@link Kind#SUMMARY}: its last sample
 * @param samples {@link Kind#SUMMARY}: samples accepted; {@link Kind#SILENT}: 0
 * @param lateSamples {@link Kind#SUMMARY}: samples that came behind the board's watermark, dropped
 * @param duplicateSamples {@link Kind#SUMMARY}: samples at a time the board already had, dropped
 * @param lateRequests {@link Kind#SUMMARY}: requests that came after the samples around their window were released;
 *     {@link Kind#SILENT}: the requests that ran into the silence
 * @since 0.2.0
 */
public record BoardNotice(
        String board,
        Kind kind,
        long fromEpochNanos,
        long toEpochNanos,
        long samples,
        long lateSamples,
        long duplicateSamples,
        long lateRequests) {

    /** What a {@link BoardNotice} reports. */
    public enum Kind {
        /** No sample for longer than the silence threshold while requests were served. */
        SILENT,
        /** The board's counts, once its input has ended. */
        SUMMARY
    }

    /** {@return the silence's length in seconds; infinite if the board never spoke again; NaN for a summary} */
    public double silentSeconds() {
        if (kind != Kind.SILENT) {
            return Double.NaN;
        }
        return toEpochNanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (toEpochNanos - fromEpochNanos) / 1e9;
    }
}
