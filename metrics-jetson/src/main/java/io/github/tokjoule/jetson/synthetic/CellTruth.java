package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.power.TimeWindow;
import java.util.List;
import java.util.OptionalInt;

/**
 * The ground truth of one synthetic cell: what the generator decided (early end-of-sequence, failed requests), when
 * things happened, and the exact energy of every request.
 *
 * <p>Windows: the tegrastats log covers {@code [logStartEpochNanos, logEndEpochNanos]} (tegrastats starts a few seconds
 * before aiperf and stops a second or two after it, like the seed's v2 driver); aiperf's profiling window is
 * {@code [profilingStartEpochNanos, profilingEndEpochNanos]}, written as its naive local {@code start_time} and
 * {@code end_time}.
 *
 * @param spec the cell's specification
 * @param earlyEos whether the cell's requests stopped generating early (each successful request then realises 35–80 %
 *     of the target output length)
 * @param failedRequests how many requests failed
 * @param logStartEpochNanos the first tegrastats sample's true time
 * @param logEndEpochNanos when tegrastats stopped (the last sample is at or before it)
 * @param profilingStartEpochNanos aiperf's profiling start ({@code start_time})
 * @param profilingEndEpochNanos aiperf's profiling end ({@code end_time})
 * @param samplePeriodNanos the real tegrastats sample period of this cell (above the nominal interval)
 * @param samples the number of tegrastats lines written
 * @param requests every request in order
 * @param profilingJoules exact energy over the profiling window, per rail
 * @since 0.1.0
 */
public record CellTruth(
        CellSpec spec,
        boolean earlyEos,
        int failedRequests,
        long logStartEpochNanos,
        long logEndEpochNanos,
        long profilingStartEpochNanos,
        long profilingEndEpochNanos,
        long samplePeriodNanos,
        int samples,
        List<RequestTruth> requests,
        RailEnergies profilingJoules) {

    /** Copies the request list. */
    public CellTruth {
        requests = List.copyOf(requests);
    }

    /** {@return aiperf's profiling window} */
    public TimeWindow profilingWindow() {
        return TimeWindow.of(profilingStartEpochNanos, profilingEndEpochNanos);
    }

    /**
     * Returns the true mean power over aiperf's profiling window: exact energy / duration.
     *
     * @param rail the rail
     * @return watts
     */
    public double trueMeanWatts(SyntheticRail rail) {
        return profilingJoules.joules(rail) / profilingWindow().durationSeconds();
    }

    /** {@return the successful requests, in order} */
    public List<RequestTruth> successfulRequests() {
        return requests.stream().filter(RequestTruth::succeeded).toList();
    }

    /** {@return {@code true} if every request failed (aiperf then has no latency metrics)} */
    public boolean allRequestsFailed() {
        return failedRequests == requests.size();
    }

    /**
     * Returns the exact energy of the successful requests (whole windows), summed.
     *
     * @param rail the rail
     * @return joules
     */
    public double successfulRequestJoules(SyntheticRail rail) {
        double sum = 0;
        for (RequestTruth r : requests) {
            if (r.succeeded()) {
                sum += r.totalJoules().joules(rail);
            }
        }
        return sum;
    }

    /** {@return the output tokens of the successful requests, summed} */
    public long successfulOutputTokens() {
        long sum = 0;
        for (RequestTruth r : requests) {
            if (r.succeeded()) {
                sum += r.outputTokens();
            }
        }
        return sum;
    }

    /** {@return the input tokens of the successful requests, summed} */
    public long successfulInputTokens() {
        long sum = 0;
        for (RequestTruth r : requests) {
            if (r.succeeded()) {
                sum += r.inputTokens();
            }
        }
        return sum;
    }

    /**
     * Returns the true output tokens per joule of the cell, as a ratio of sums over its successful requests.
     *
     * @param rail the rail
     * @return output tokens / joules; NaN if no request succeeded
     */
    public double trueOutputTokensPerJoule(SyntheticRail rail) {
        double joules = successfulRequestJoules(rail);
        return joules > 0 ? successfulOutputTokens() / joules : Double.NaN;
    }

    /** {@return the mean realised output length of the successful requests; NaN if none succeeded} */
    public double meanOutputTokens() {
        long ok = requests.size() - (long) failedRequests;
        return ok > 0 ? successfulOutputTokens() / (double) ok : Double.NaN;
    }

    /**
     * Returns the fewest tegrastats samples that fell inside a successful request's prefill window.
     *
     * @return the minimum count, or empty if no request succeeded
     * @since 0.2.0 (0.1.0 returned {@code Integer.MAX_VALUE} then)
     */
    public OptionalInt minSamplesInPrefill() {
        return requests.stream()
                .filter(RequestTruth::succeeded)
                .mapToInt(RequestTruth::samplesInPrefill)
                .min();
    }

    /**
     * Returns the fewest tegrastats samples that fell inside a successful request's whole window.
     *
     * @return the minimum count, or empty if no request succeeded
     * @since 0.2.0 (0.1.0 returned {@code Integer.MAX_VALUE} then)
     */
    public OptionalInt minSamplesInRequest() {
        return requests.stream()
                .filter(RequestTruth::succeeded)
                .mapToInt(RequestTruth::samplesInRequest)
                .min();
    }
}
