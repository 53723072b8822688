package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.LiveLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The analysis prefers the dense trace (issue 16): when a driver run recorded the INA3221 rails through hwmon at 100 Hz
 * beside a cell's tegrastats log ({@code hwmon.csv}, the {@code tokjoule monitor} log format), the MEASURED method
 * integrates that trace instead of tegrastats' samples, for the same rail (or the sum of the same rails), and gives the
 * join's estimator the file's recorded sensor delay ({@code # sensor_delay hwmon/RAIL NANOS}; the longest of a sum's
 * rails, said in a note where they differ) through {@link
 * io.github.tokjoule.core.join.EnergyEstimator#withSensorAveragingNanos}: the readings placed {@code D/2} earlier and
 * the edges' smoothing corrected and allowed for. Every cell
 * says which trace its power figures came from in {@link AnalyzedCell#powerTrace()} ({@code cells.csv}'s {@code
 * power_trace}); a dense file without the rail, or unreadable, leaves the tegrastats trace in place and says why in a
 * note. So does a dense trace that leaves more of aiperf's run window uncovered than tegrastats does (the sampler
 * stopped mid-cell, or started late): preferring it would leave out the requests it misses, which tegrastats has.
 */
final class DenseTrace {

    /** The dense trace's file name, as the driver's {@code DenseTegrastatsRecorder} writes it. */
    static final String FILE_NAME = "hwmon.csv";

    private DenseTrace() {}

    static PowerLog prefer(Path tegrastatsLog, PowerLog log, List<String> notes, Optional<TimeWindow> runWindow) {
        Path dense = tegrastatsLog.resolveSibling(FILE_NAME);
        if (log.trace().isEmpty() || !Files.isRegularFile(dense)) {
            return log;
        }
        LiveLog.Contents contents;
        try {
            contents = LiveLog.read(dense);
        } catch (IOException e) {
            notes.add(dense + ": unreadable (" + e.getMessage() + "); power from tegrastats");
            return log;
        }
        List<PowerTrace> rails = new ArrayList<>();
        long delay = 0;
        long shortest = Long.MAX_VALUE;
        for (String rail : log.rail().split("\\+")) {
            String key = "hwmon/" + rail;
            PowerTrace t = contents.traces().get(key);
            if (t == null || t.size() < 2) {
                notes.add(dense + ": no hwmon rail " + rail + " (it has "
                        + contents.traces().keySet() + "); power from tegrastats");
                return log;
            }
            rails.add(t);
            long d = contents.sensorDelayNanos(key);
            delay = Math.max(delay, d);
            shortest = Math.min(shortest, d);
        }
        if (shortest != delay) {
            // Rails of two chips set differently: the sum's readings average over at most the longest delay.
            notes.add(dense + ": the rails of " + log.rail() + " record different sensor delays; the join takes the"
                    + " longest, " + delay + " ns");
        }
        PowerTrace trace = rails.size() == 1 ? rails.get(0) : PowerTrace.sum(rails);
        if (runWindow.isPresent()) {
            long denseMissed = uncoveredNanos(trace, runWindow.get());
            long tegrastatsMissed = uncoveredNanos(log.trace().get(), runWindow.get());
            if (denseMissed > tegrastatsMissed) {
                notes.add(String.format(
                        Locale.ROOT,
                        "%s: leaves %.3f s of aiperf's run window uncovered, tegrastats %.3f s (the hwmon sampler"
                                + " stopped or started late); power from tegrastats",
                        dense,
                        denseMissed / 1e9,
                        tegrastatsMissed / 1e9));
                return log;
            }
        }
        // Which trace a cell used is its PowerTraceSource (cells.csv's power_trace), not a note per cell.
        return log.withTrace(trace, delay);
    }

    /** How much of the window lies outside the trace's span, in ns (the whole window for an empty trace). */
    static long uncoveredNanos(PowerTrace trace, TimeWindow window) {
        Optional<TimeWindow> span = trace.span();
        if (span.isEmpty()) {
            return window.durationNanos();
        }
        long from = Math.max(window.startEpochNanos(), span.get().startEpochNanos());
        long to = Math.min(window.endEpochNanos(), span.get().endEpochNanos());
        return window.durationNanos() - Math.max(0, to - from);
    }
}
