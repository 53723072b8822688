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
 * </ul>
 *
 * @param outOfOrdernessNanos the watermark's lag behind the latest sample, not negative
 * @param silenceNanos the longest gap between samples that is not silence, positive
 * @param cellGapNanos the quiet time after a cell's last request before it is attributed, not negative
 * @param retentionNanos how long samples are kept behind the watermark, not negative
 * @since 0.2.0
 */
public record JoinSettings(long outOfOrdernessNanos, long silenceNanos, long cellGapNanos, long retentionNanos)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a duration is negative or the silence threshold is not positive
     */
    public JoinSettings {
        if (outOfOrdernessNanos < 0 || cellGapNanos < 0 || retentionNanos < 0 || silenceNanos <= 0) {
            throw new IllegalArgumentException("durations must not be negative and silenceNanos must be positive:"
                    + " outOfOrdernessNanos " + outOfOrdernessNanos + ", silenceNanos " + silenceNanos
                    + ", cellGapNanos " + cellGapNanos + ", retentionNanos " + retentionNanos);
        }
    }

    /**
     * Returns the defaults: 5 s out of order (tegrastats' own order is strict; a network hop is not), 60 s of silence,
     * 60 s after a cell's last request, 10 min of retention.
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
