package io.github.tokjoule.live;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one rail of a live log holds, over the whole log: its energy, mean, lowest and highest power, how completely
 * its samples cover its span, and how regularly they were taken. The summary of a {@code tokjoule monitor --out} log
 * that {@code tokjoule report LOG} prints when no request records are given.
 *
 * <pre>
 * span         = t_last − t_first
 * energy (J)   = trapezoids over the samples (a power rail);
 *                Σ_{i≥1} w_i · (t_i − t_{i−1}) (an energy counter: each row's watts is the mean power of the
 *                interval ending at it, so this is the counter's own count over the span)
 * mean power   = energy / span
 * gap          = a spacing t_i − t_{i−1} longer than twice the nominal interval (a missed deadline, a stall, a
 *                source that fell silent and came back)
 * coverage     = Σ of the spacings that are not gaps / span
 * spacing      = t_i − t_{i−1}; its p50, p99 and largest value, and the share within ± 2 ms of the nominal interval
 *                (the log holds sample times, not deadlines: a late sample followed by an on-time one shows as one
 *                long and one short spacing)
 * </pre>
 *
 * Degenerate cases: a rail with no sample has every figure NaN and 0 gaps; with one sample the span is 0, the energy
 * 0 and the mean power, coverage and spacings NaN.
 *
 * @param rail the rail's key, {@code source/rail}
 * @param reading {@code power} or {@code energy_counter}
 * @param nominalIntervalNanos the declared nominal interval in nanoseconds
 * @param samples the rail's samples
 * @param firstEpochNanos the first sample's time, 0 without samples
 * @param lastEpochNanos the last sample's time, 0 without samples
 * @param joules the energy over the span, NaN without samples
 * @param meanWatts energy / span, NaN for a span of 0
 * @param minWatts the lowest reading, NaN without samples
 * @param peakWatts the highest reading, NaN without samples
 * @param gaps the spacings longer than twice the nominal interval
 * @param largestSpacingNanos the longest spacing, 0 with fewer than two samples
 * @param coverage the share of the span not in gaps, in [0, 1], NaN for a span of 0
 * @param spacingP50Nanos the median spacing, NaN with fewer than two samples
 * @param spacingP99Nanos the 99th percentile of the spacings, NaN with fewer than two samples
 * @param withinTwoMillis the share of spacings within ± 2 ms of the nominal interval, NaN with fewer than two samples
 * @since 0.2.0
 */
public record RailSummary(
        String rail,
        String reading,
        long nominalIntervalNanos,
        int samples,
        long firstEpochNanos,
        long lastEpochNanos,
        double joules,
        double meanWatts,
        double minWatts,
        double peakWatts,
        int gaps,
        long largestSpacingNanos,
        double coverage,
        double spacingP50Nanos,
        double spacingP99Nanos,
        double withinTwoMillis) {

    private static final long TWO_MILLIS = 2_000_000L;

    /** {@return the span in seconds: last − first sample time, 0 with fewer than two samples} */
    public double spanSeconds() {
        return (lastEpochNanos - firstEpochNanos) / 1e9;
    }

    /**
     * Summarises one rail.
     *
     * @param rail the rail's key
     * @param reading {@code power} or {@code energy_counter}
     * @param trace the rail's samples as read ({@link LiveLog#read}), with its nominal interval
     * @return the summary
     */
    public static RailSummary of(String rail, String reading, PowerTrace trace) {
        int n = trace.size();
        long nominal = trace.nominalIntervalNanos();
        if (n == 0) {
            double nan = Double.NaN;
            return new RailSummary(rail, reading, nominal, 0, 0, 0, nan, nan, nan, nan, 0, 0, nan, nan, nan, nan);
        }
        long first = trace.epochNanosAt(0);
        long last = trace.epochNanosAt(n - 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, trace.wattsAt(i));
            max = Math.max(max, trace.wattsAt(i));
        }
        boolean counter = LiveLog.ENERGY_COUNTER.equals(reading);
        double counted = 0;
        double[] spacings = new double[n - 1];
        int gaps = 0;
        long largest = 0;
        long covered = 0;
        int within = 0;
        for (int i = 1; i < n; i++) {
            long d = trace.epochNanosAt(i) - trace.epochNanosAt(i - 1);
            spacings[i - 1] = d;
            largest = Math.max(largest, d);
            if (d > 2 * nominal) {
                gaps++;
            } else {
                covered += d;
            }
            if (Math.abs(d - nominal) <= TWO_MILLIS) {
                within++;
            }
            if (counter) {
                counted += trace.wattsAt(i) * d / 1e9;
            }
        }
        long span = last - first;
        // A power rail's trapezoids are the trace's own energy over its span (its prefix sums).
        double joules =
                counter || n < 2 ? counted : trace.energyJoules(trace.span().orElseThrow());
        Summary s = n > 1 ? Summary.of(spacings) : Summary.empty();
        return new RailSummary(
                rail,
                reading,
                nominal,
                n,
                first,
                last,
                joules,
                span > 0 ? joules / (span / 1e9) : Double.NaN,
                min,
                max,
                gaps,
                largest,
                span > 0 ? (double) covered / span : Double.NaN,
                n > 1 ? s.p50() : Double.NaN,
                n > 1 ? s.p99() : Double.NaN,
                n > 1 ? (double) within / (n - 1) : Double.NaN);
    }

    /**
     * Summarises every rail of a log, in declaration order.
     *
     * @param contents the log read back
     * @return one summary per rail
     */
    public static List<RailSummary> of(LiveLog.Contents contents) {
        List<RailSummary> out = new ArrayList<>();
        for (Map.Entry<String, PowerTrace> e : contents.traces().entrySet()) {
            out.add(of(e.getKey(), contents.readings().getOrDefault(e.getKey(), LiveLog.POWER), e.getValue()));
        }
        return List.copyOf(out);
    }
}
