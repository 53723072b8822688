package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.TimeWindow;

/**
 * What a benchmark's summary says of one run when its per-request records are missing (aiperf's {@code
 * profile_export_aiperf.json} without {@code profile_export.jsonl}): the run's window, how many requests succeeded in
 * it, and their mean lengths and timings. The input of {@link RunWindowEstimator}.
 *
 * @param window the run's {@code [start, end]} (aiperf's {@code start_time} .. {@code end_time}, resolved in the
 *     sweep's zone)
 * @param requests the successful requests of the run, at least 1
 * @param inputTokensMean mean input tokens per request, finite and not negative
 * @param outputTokensMean mean output tokens per request, finite and not negative
 * @param ttftNanos the requests' mean time to first token (the median where the summary has no mean), positive
 * @param latencyNanos the requests' mean latency (the median where the summary has no mean), above {@code ttftNanos}
 * @since 0.2.0
 */
public record RunSummary(
        TimeWindow window,
        int requests,
        double inputTokensMean,
        double outputTokensMean,
        double ttftNanos,
        double latencyNanos) {

    /**
     * Validates the summary.
     *
     * @throws IllegalArgumentException naming the first field out of range and its value
     */
    public RunSummary {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        if (!(inputTokensMean >= 0)
                || !(outputTokensMean >= 0)
                || Double.isInfinite(inputTokensMean + outputTokensMean)) {
            throw new IllegalArgumentException("mean token counts must be finite and not negative: input "
                    + inputTokensMean + ", output " + outputTokensMean);
        }
        if (!(ttftNanos > 0) || !(latencyNanos > ttftNanos) || Double.isInfinite(latencyNanos)) {
            throw new IllegalArgumentException("need 0 < ttftNanos < latencyNanos, finite: ttftNanos " + ttftNanos
                    + ", latencyNanos " + latencyNanos);
        }
    }
}
