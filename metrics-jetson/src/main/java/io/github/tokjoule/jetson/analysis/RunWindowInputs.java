package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.core.join.RunSummary;
import io.github.tokjoule.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the run-window estimate ({@link io.github.tokjoule.core.join.RunWindowEstimator}) takes from a cell's aiperf
 * summary when the per-request records are missing: the window ({@code start_time} .. {@code end_time}), the
 * successful requests, the mean lengths, and the mean TTFT and request latency (their p50 where a summary has no
 * average).
 */
final class RunWindowInputs {

    private RunWindowInputs() {}

    /**
     * Says what the summary lacks for the estimate.
     *
     * @param in the cell
     * @return the missing or inconsistent fields by their aiperf names, empty when the estimate can be made
     */
    static List<String> problems(CellInputs in) {
        List<String> p = new ArrayList<>();
        if (in.summary().startTime().isEmpty()) {
            p.add("start_time");
        }
        if (in.summary().endTime().isEmpty()) {
            p.add("end_time");
        }
        if (p.isEmpty() && in.profilingWindow().isEmpty()) {
            p.add("end_time before start_time");
        }
        double ttft = millis(in.ttftMillis());
        double latency = millis(in.requestLatencyMillis());
        if (!(ttft > 0)) {
            p.add("time_to_first_token (avg or p50)");
        }
        if (!(latency > 0)) {
            p.add("request_latency (avg or p50)");
        }
        if (ttft > 0 && latency > 0 && !(latency > ttft)) {
            p.add("request_latency not above time_to_first_token");
        }
        if (!(in.inputTokens(Stat.AVG) >= 0)) {
            p.add("input_sequence_length.avg");
        }
        if (!(in.outputTokens(Stat.AVG) >= 0)) {
            p.add("output_sequence_length.avg");
        }
        return p;
    }

    /**
     * Returns the run's summary.
     *
     * @param in the cell
     * @return the summary, empty if {@link #problems} names any or no request succeeded
     */
    static Optional<RunSummary> summary(CellInputs in) {
        int succeeded = in.requestCount() - in.errorCount();
        if (succeeded < 1 || !problems(in).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunSummary(
                in.profilingWindow().orElseThrow(),
                succeeded,
                in.inputTokens(Stat.AVG),
                in.outputTokens(Stat.AVG),
                millis(in.ttftMillis()) * 1e6,
                millis(in.requestLatencyMillis()) * 1e6));
    }

    /** The mean, else the median; NaN without either. */
    private static double millis(Summary s) {
        return Double.isFinite(s.mean()) ? s.mean() : s.p50();
    }
}
