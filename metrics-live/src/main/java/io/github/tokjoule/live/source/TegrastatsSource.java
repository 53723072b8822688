package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.tegrastats.LineKind;
import io.github.tokjoule.tegrastats.ParsedLine;
import io.github.tokjoule.tegrastats.TegrastatsParser;
import io.github.tokjoule.tegrastats.TegrastatsSample;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * tegrastats run as a live child process, each line parsed as it arrives with the metrics-tegrastats parser.
 *
 * <p>The rails are those of the first sample line, in printed order (a name printed twice counts once); each later
 * line gives one sample of every one of them, the current value (before the slash) in watts. A line without one of
 * them, a malformed line, or a power the parser reads but the trace refuses is a counted failure with its reason;
 * lines that are not samples (blank, a shell prompt) are ignored. The sample time is the line's arrival: tegrastats
 * prints its own time to the second only. On a Jetson, tegrastats run through {@code sudo} reads every rail; give the
 * command accordingly ({@code sudo -n tegrastats --interval 100}).
 *
 * @since 0.2.0
 */
public final class TegrastatsSource extends ChildProcessSource {

    private final TegrastatsParser parser = TegrastatsParser.create();
    private final long intervalNanos;
    private final int capacity;
    private volatile @Nullable LiveTrace trace;
    private double[] watts = new double[0];
    private long lineNumber;

    private TegrastatsSource(List<String> command, long intervalNanos, int capacity, LiveClock clock) {
        super("tegrastats", command, Math.max(TimeUnit.SECONDS.toNanos(5), 20 * intervalNanos), clock);
        this.intervalNanos = intervalNanos;
        this.capacity = capacity;
        fact("command", String.join(" ", command));
    }

    /**
     * Returns a source that runs the given tegrastats command.
     *
     * @param command the command and its arguments, e.g. {@code [tegrastats, --interval, 100]}; it must print one
     *     line per sample to standard output (so no {@code --logfile})
     * @param intervalNanos the interval the command samples at, the trace's nominal interval
     * @param capacity the trace's ring capacity in samples
     * @param clock the clock
     * @return the source, not started
     */
    public static TegrastatsSource create(List<String> command, long intervalNanos, int capacity, LiveClock clock) {
        return new TegrastatsSource(command, intervalNanos, capacity, clock);
    }

    @Override
    boolean line(String text, long epochNanos) {
        lineNumber++;
        ParsedLine parsed = parser.parse(text, lineNumber, 0);
        if (parsed.kind() == LineKind.MALFORMED) {
            throw new IllegalArgumentException("tegrastats line " + lineNumber + " is malformed: "
                    + parsed.problem().orElse(""));
        }
        if (parsed.sample().isEmpty()) {
            return false;
        }
        TegrastatsSample sample = parsed.sample().get();
        LiveTrace t = trace;
        if (t == null) {
            List<String> rails = new ArrayList<>();
            for (int i = 0; i < sample.railCount(); i++) {
                if (!rails.contains(sample.railName(i))) {
                    rails.add(sample.railName(i));
                }
            }
            if (rails.isEmpty()) {
                throw new IllegalArgumentException("tegrastats line " + lineNumber
                        + " has no power rail (run tegrastats as root to read the rails)");
            }
            t = LiveTrace.builder("tegrastats", rails)
                    .capacity(capacity)
                    .nominalIntervalNanos(intervalNanos)
                    .build();
            watts = new double[rails.size()];
            trace = t;
        }
        List<String> rails = t.rails();
        for (int r = 0; r < rails.size(); r++) {
            OptionalInt i = sample.railIndex(rails.get(r));
            if (i.isEmpty()) {
                throw new IllegalArgumentException(
                        "tegrastats line " + lineNumber + " lacks rail " + rails.get(r) + " of the first line");
            }
            watts[r] = sample.railMilliwatts(i.getAsInt()) / 1000.0;
        }
        t.appendWatts(epochNanos, watts);
        return true;
    }

    @Override
    public List<LiveTrace> traces() {
        LiveTrace t = trace;
        return t == null ? List.of() : List.of(t);
    }
}
