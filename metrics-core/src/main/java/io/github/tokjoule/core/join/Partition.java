package io.github.tokjoule.core.join;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * The split every estimator starts from: which requests can be attributed and which are excluded, by the first
 * {@link ExclusionReason} that applies.
 *
 * @param included the positions of the requests that can be attributed, ascending
 * @param excluded the others, with their reasons
 */
record Partition(int[] included, List<Exclusion> excluded) {

    static Partition of(PowerTrace trace, List<RequestTimeline> requests) {
        return of(trace, requests, 0);
    }

    /**
     * The split, for readings whose effective time lies {@code shiftNanos} before their stamps: a request is inside
     * the trace when its window, {@code shiftNanos} later, lies within the readings' stamps.
     */
    static Partition of(PowerTrace trace, List<RequestTimeline> requests, long shiftNanos) {
        int[] included = new int[requests.size()];
        int n = 0;
        List<Exclusion> excluded = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RequestTimeline r = requests.get(i);
            ExclusionReason reason = reason(trace, r, shiftNanos);
            if (reason == null) {
                included[n++] = i;
            } else {
                excluded.add(new Exclusion(i, r, reason));
            }
        }
        return new Partition(java.util.Arrays.copyOf(included, n), List.copyOf(excluded));
    }

    private static @org.jspecify.annotations.Nullable ExclusionReason reason(
            PowerTrace trace, RequestTimeline r, long shiftNanos) {
        if (!r.succeeded()) {
            return ExclusionReason.FAILED;
        }
        if (!r.tokensKnown()) {
            return ExclusionReason.TOKENS_UNKNOWN;
        }
        if (trace.isEmpty()) {
            return ExclusionReason.OUTSIDE_TRACE;
        }
        long first = trace.epochNanosAt(0) - shiftNanos;
        long last = trace.epochNanosAt(trace.size() - 1) - shiftNanos;
        if (r.endEpochNanos() < first || r.startEpochNanos() > last) {
            return ExclusionReason.OUTSIDE_TRACE;
        }
        if (r.startEpochNanos() < first || r.endEpochNanos() > last) {
            return ExclusionReason.PARTLY_OUTSIDE_TRACE;
        }
        return null;
    }
}
