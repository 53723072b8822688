package io.github.tokjoule.flink;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the per-board join waits for data and when it gives up on it. All durations in nanoseconds.
 *
 * <ul>
 *   <li>{@code outOfOrdernessNanos}: a board's watermark is its latest sample time minus this; a sample at or behind
 *       the watermark is late: counted and dropped. A request is joined once the watermark has passed a sample at
 *       or after its end, so its samples are final.
 *   <li>{@code silenceNanos}: a gap between two samples longer than this, that a request's window overlaps, is
 *       reported as the board going silent.
 *   <li>{@code cellGapNanos}: a cell is attributed once the watermark is this far past its last joined request's
 *       end and none of its requests waits (and in any case at the end of a bounded input).
 *   <li>{@code retentionNanos}: samples are kept this far behind the watermark for requests that arrive after their
 *       samples (a load generator that writes a request when it ends, or a few seconds late); a request older than
 *       that is joined with what is left and counted late.
 *   <li>{@code silenceTimeoutNanos}: for an unbounded stream, a board that has sent no sample for this long in
 *       processing time (the machine's clock, not the samples') is declared silent: its waiting requests are joined
 *       with the samples there are (the estimator excludes what they do not cover, with its reason, never
 *       extrapolating), its open cells attributed, a {@link BoardNotice.Kind#SILENT} notice sent. 0 turns it off, as
 *       for a bounded input, where a board's events may all come at once and then nothing while other boards are
 *       read.
 * </ul>
 *
 * @param outOfOrdernessNanos the watermark's lag behind the latest sample, not negative
 * @param silenceNanos the longest gap between samples that is not silence, positive
 * @param cellGapNanos the quiet time after a cell's last request before it is attributed, not negative
 * @param retentionNanos how long samples are kept behind the watermark, not negative
 * @param silenceTimeoutNanos the processing time without a sample after which a board is silent, not negative; 0 for
 *     none
 * @since 0.2.0
 */
public record JoinSettings(
        long outOfOrdernessNanos, long silenceNanos, long cellGapNanos, long retentionNanos, long silenceTimeoutNanos)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a duration is negative or the silence threshold is not positive
     */
    public JoinSettings {
        if (outOfOrdernessNanos < 0
                || cellGapNanos < 0
                || retentionNanos < 0
                || silenceNanos <= 0
                || silenceTimeoutNanos < 0) {
            throw new IllegalArgumentException("durations must not be negative and silenceNanos must be positive:"
                    + " outOfOrdernessNanos " + outOfOrdernessNanos + ", silenceNanos " + silenceNanos
                    + ", cellGapNanos " + cellGapNanos + ", retentionNanos " + retentionNanos
                    + ", silenceTimeoutNanos " + silenceTimeoutNanos);
        }
    }

    /**
     * Returns settings without a silence timeout (a bounded input's).
     *
     * @param outOfOrdernessNanos the watermark's lag behind the latest sample, not negative
     * @param silenceNanos the longest gap between samples that is not silence, positive
     * @param cellGapNanos the quiet time after a cell's last request before it is attributed, not negative
     * @param retentionNanos how long samples are kept behind the watermark, not negative
     * @throws IllegalArgumentException as the canonical constructor
     */
    public JoinSettings(long outOfOrdernessNanos, long silenceNanos, long cellGapNanos, long retentionNanos) {
        this(outOfOrdernessNanos, silenceNanos, cellGapNanos, retentionNanos, 0);
    }

    /**
     * Returns these settings with a silence timeout.
     *
     * @param nanos the processing time without a sample after which a board is silent; 0 for none
     * @return the settings
     * @throws IllegalArgumentException if {@code nanos} is negative
     */
    public JoinSettings withSilenceTimeoutNanos(long nanos) {
        return new JoinSettings(outOfOrdernessNanos, silenceNanos, cellGapNanos, retentionNanos, nanos);
    }

    /**
     * Returns the defaults: 5 s out of order (tegrastats' own order is strict; a network hop is not), 60 s of silence,
     * 60 s after a cell's last request, 10 min of retention, no silence timeout (set one for an unbounded stream:
     * {@link #withSilenceTimeoutNanos}).
     *
     * @return the defaults
     */
    public static JoinSettings defaults() {
        return new JoinSettings(
                Duration.ofSeconds(5).toNanos(),
                Duration.ofSeconds(60).toNanos(),
                Duration.ofSeconds(60).toNanos(),
                Duration.ofMinutes(10).toNanos());
    }
}
