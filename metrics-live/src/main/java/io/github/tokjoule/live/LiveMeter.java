package io.github.tokjoule.live;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Named measurement windows over live traces: the small API a load generator calls around each request.
 *
 * <pre>{@code
 * LiveMeter meter = LiveMeter.of(source.traces(), LiveClock.system());
 * LiveMeter.Window w = meter.begin("request-17");
 * ... send the request, read the response ...
 * Measurement m = w.end();              // waits until every trace has a sample at or after the end
 * double joules = m.joules("hwmon/VDD_IN");
 * }</pre>
 *
 * <p>Windows are independent values: any number may be open at once, nested or overlapping, begun on one thread and
 * ended on another. Beginning a window only reads the clock; ending it reads the clock, waits (up to a limit) for the
 * samplers to pass the end so that the end is interpolated, not extrapolated, and computes every rail's energy in
 * O(log n) with {@link LiveTrace#energies(TimeWindow)}. If a source has not passed the end within the limit, the
 * energy is still computed and its {@link io.github.tokjoule.core.power.WindowCoverage} reports the extrapolated end;
 * nothing is hidden.
 *
 * @since 0.2.0
 */
public final class LiveMeter {

    private final List<LiveTrace> traces;
    private final LiveClock clock;
    private final Duration defaultWait;

    private LiveMeter(List<LiveTrace> traces, LiveClock clock) {
        this.traces = List.copyOf(traces);
        this.clock = clock;
        long longest =
                traces.stream().mapToLong(LiveTrace::nominalIntervalNanos).max().orElse(0);
        this.defaultWait = Duration.ofNanos(3 * longest).plusMillis(100);
    }

    /**
     * Returns a meter over the given traces.
     *
     * @param traces the traces (of one or several sources), at least one; their samples must come from {@code clock}
     * @param clock the clock the samplers use (normally {@link LiveClock#system()})
     * @return the meter
     * @throws IllegalArgumentException if there is no trace or two rails have the same {@code source/rail} key
     */
    public static LiveMeter of(List<LiveTrace> traces, LiveClock clock) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("a meter needs at least one trace");
        }
        long keys = traces.stream()
                .flatMap(t -> t.rails().stream().map(r -> t.source() + "/" + r))
                .distinct()
                .count();
        if (keys != traces.stream().mapToLong(t -> t.rails().size()).sum()) {
            throw new IllegalArgumentException("two traces have a rail of the same source/rail name: " + traces);
        }
        return new LiveMeter(traces, clock);
    }

    /** {@return how long {@link Window#end()} waits for the samplers: 3 of the longest nominal intervals + 100 ms} */
    public Duration defaultWait() {
        return defaultWait;
    }

    /**
     * Opens a window now.
     *
     * @param name the window's name (a request id, a phase); need not be unique
     * @return the open window
     */
    public Window begin(String name) {
        return new Window(name, clock.nowEpochNanos());
    }

    /**
     * Measures a window given by its times (e.g. a request's times from a load generator's log), waiting up to the
     * default limit for the samplers to pass its end.
     *
     * @param name the window's name
     * @param window the window, on this meter's clock
     * @return the energies
     * @throws IllegalStateException if the window starts before a trace's oldest retained sample after evictions
     */
    public Measurement measure(String name, TimeWindow window) {
        return measure(name, window, defaultWait);
    }

    private Measurement measure(String name, TimeWindow window, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (LiveTrace trace : traces) {
            while (trace.lastEpochNanos().orElse(Long.MIN_VALUE) < window.endEpochNanos()
                    && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(Math.min(1_000_000L, trace.nominalIntervalNanos() / 4 + 1));
            }
        }
        Map<String, WindowEnergy> energies = new LinkedHashMap<>();
        for (LiveTrace trace : traces) {
            List<WindowEnergy> perRail = trace.energies(window);
            for (int r = 0; r < perRail.size(); r++) {
                energies.put(trace.source() + "/" + trace.rails().get(r), perRail.get(r));
            }
        }
        return new Measurement(name, window, energies);
    }

    /**
     * One open measurement window. Thread-safe; ends once.
     *
     * @since 0.2.0
     */
    public final class Window {
        private final String name;
        private final long startEpochNanos;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Window(String name, long startEpochNanos) {
            this.name = name;
            this.startEpochNanos = startEpochNanos;
        }

        /** {@return the window's name} */
        public String name() {
            return name;
        }

        /** {@return when the window began, in epoch nanoseconds} */
        public long startEpochNanos() {
            return startEpochNanos;
        }

        /**
         * Ends the window now and measures it, waiting up to {@link #defaultWait()} for the samplers.
         *
         * @return the energies
         * @throws IllegalStateException if the window was already ended, or it starts before a trace's oldest
         *     retained sample after evictions
         */
        public Measurement end() {
            return end(defaultWait);
        }

        /**
         * Ends the window now and measures it.
         *
         * @param maxWait how long to wait for every sampler to pass the end; zero to measure at once
         * @return the energies
         * @throws IllegalStateException if the window was already ended
         */
        public Measurement end(Duration maxWait) {
            long end = clock.nowEpochNanos();
            if (!ended.compareAndSet(false, true)) {
                throw new IllegalStateException("window " + name + " was already ended");
            }
            return measure(name, TimeWindow.of(startEpochNanos, end), maxWait);
        }
    }
}
