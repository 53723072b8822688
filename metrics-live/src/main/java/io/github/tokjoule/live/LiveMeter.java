package io.github.tokjoule.live;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * <h2>The 95 % interval of one window</h2>
 *
 * Every rail's energy comes with an {@link EnergyEstimate} ({@link Measurement#estimate(String)}). Model: between
 * two samples the power stays within the range of the readings around them (a spike shorter than the sampling
 * interval that no reading saw is beyond any sampler), and a reading stamped {@code t} reflects the power at some time
 * in {@code [t − D, t]}, {@code D} the source's {@link LiveTrace#sensorDelayNanos() sensor delay} (hwmon: the INA3221's
 * averaging and the age of its last conversion, from the chip's {@code update_interval} and {@code samples}; 0 for the
 * other sources). The trace is read over the window shifted by {@code D / 2}; the error of the energy then comes from
 * the two edges, where a change of the power may lie anywhere within a sampling interval plus {@code D}, and from
 * bends of the power between samples inside the window. The formulas are in the interval's computation
 * ({@code WindowBound}): each edge adds {@code (Δ / 2 + D / 2) ×} the range of the readings near it; the inside adds
 * in quadrature half of each sampling interval times the change of slope its readings show; the interval is clipped
 * to the window's length times the lowest and highest reading around it. So a window of a dense trace (100 Hz hwmon)
 * is estimated on its own, and its interval is narrow where the power is steady at its edges; a window shorter than
 * the sampling interval (a 100 ms request at tegrastats' 2 Hz) gets an interval as wide as the readings around it:
 * for those, {@link #group(String)} pools the repeated windows of one name. Measured coverage against exact truth:
 * docs/LIVE.md. The interval covers sampling error, not the sensor's own gain and offset error.
 *
 * <h2>Repeated windows: the group's attribution</h2>
 *
 * Every window ended or measured is kept under its name (about 50 bytes each; {@link #forget(String)} drops a
 * name's). A name is a cell of repeated work: {@link #group(String)} gives, per rail, core's {@link
 * EnergyEstimators#automatic(long)} attribution of all its windows given the trace's sensor delay (per window where
 * every window holds {@value EnergyEstimators#DENSE_SAMPLES} samples in each phase, else pooled: the samples of every
 * window on one relative time axis; either way the edges' smoothing by the sensor's averaging corrected and allowed
 * for; the span less the gaps where the averaging is longer than most gaps), with each window's and the group's energy and 95 % interval and any window left out with its reason. A
 * window's phases are split at its {@link Window#markFirstToken() first token} when marked, else at its middle.
 *
 * @since 0.2.0
 */
public final class LiveMeter {

    private final List<LiveTrace> traces;
    private final LiveClock clock;
    private final Duration defaultWait;
    private final Map<String, List<RequestTimeline>> groups = new ConcurrentHashMap<>();

    private LiveMeter(List<LiveTrace> traces, LiveClock clock) {
        this.traces = List.copyOf(traces);
        this.clock = clock;
        long longest = traces.stream()
                .mapToLong(t -> 3 * t.nominalIntervalNanos() + t.sensorDelayNanos())
                .max()
                .orElse(0);
        this.defaultWait = Duration.ofNanos(longest).plusMillis(100);
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

    /**
     * {@return how long {@link Window#end()} waits at most for the samplers: over the traces, the largest of 3 nominal
     * intervals plus the sensor delay, + 100 ms}
     */
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
     * default limit for the samplers to pass its end, and keeps it in its name's group (split at its middle, no
     * tokens).
     *
     * @param name the window's name
     * @param window the window, on this meter's clock
     * @return the energies
     * @throws IllegalStateException if the window starts before a trace's oldest retained sample after evictions
     */
    public Measurement measure(String name, TimeWindow window) {
        return measure(name, midpoint(window.startEpochNanos(), window.endEpochNanos(), 0, 0), defaultWait);
    }

    /**
     * Measures a request given by its times and tokens (its first token splits its phases in the group), waiting up to
     * the default limit for the samplers, and keeps it in its name's group.
     *
     * @param name the group's name
     * @param request the request, on this meter's clock
     * @return the energies of the whole request
     * @throws IllegalStateException if the request starts before a trace's oldest retained sample after evictions
     */
    public Measurement measure(String name, RequestTimeline request) {
        return measure(name, request, defaultWait);
    }

    private static RequestTimeline midpoint(long start, long end, double inputTokens, double outputTokens) {
        return RequestTimeline.succeeded(start, start + (end - start) / 2, end, inputTokens, outputTokens);
    }

    private Measurement measure(String name, RequestTimeline request, Duration maxWait) {
        groups.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(request);
        TimeWindow window = request.window(Phase.TOTAL);
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (LiveTrace trace : traces) {
            // The edge at the end needs the readings up to half the sensor delay and one interval beyond it.
            long needed = window.endEpochNanos() + trace.sensorDelayNanos() + trace.nominalIntervalNanos();
            while (trace.lastEpochNanos().orElse(Long.MIN_VALUE) < needed && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(Math.min(1_000_000L, trace.nominalIntervalNanos() / 4 + 1));
            }
        }
        Map<String, WindowEnergy> energies = new LinkedHashMap<>();
        Map<String, EnergyEstimate> estimates = new LinkedHashMap<>();
        for (LiveTrace trace : traces) {
            long delay = trace.sensorDelayNanos();
            TimeWindow shifted =
                    TimeWindow.of(window.startEpochNanos() + delay / 2, window.endEpochNanos() + delay / 2);
            List<WindowEnergy> perRail = trace.energies(shifted);
            long margin = delay + WindowBound.CONTEXT_INTERVALS * trace.nominalIntervalNanos();
            LiveTrace.Batch around =
                    trace.samplesAround(shifted.startEpochNanos() - margin, shifted.endEpochNanos() + margin);
            boolean counter = trace.reading() == LiveTrace.Reading.ENERGY_COUNTER;
            for (int r = 0; r < perRail.size(); r++) {
                String key = trace.source() + "/" + trace.rails().get(r);
                WindowEnergy e = perRail.get(r);
                energies.put(key, e);
                estimates.put(
                        key,
                        WindowBound.estimate(
                                e.joules(),
                                e.coverage(),
                                around.epochNanos(),
                                around.watts()[r],
                                shifted.startEpochNanos(),
                                shifted.endEpochNanos(),
                                delay,
                                counter));
            }
        }
        return new Measurement(name, window, energies, estimates);
    }

    /** {@return the names of the groups of windows kept, sorted} */
    public Set<String> groupNames() {
        return new TreeSet<>(groups.keySet());
    }

    /**
     * Drops the windows kept under a name.
     *
     * @param name the group's name
     * @return how many windows were dropped
     */
    public int forget(String name) {
        List<RequestTimeline> dropped = groups.remove(name);
        return dropped == null ? 0 : dropped.size();
    }

    /**
     * Attributes the energy of every window of a name, rail by rail, with core's {@link
     * EnergyEstimators#automatic(long)} given the trace's sensor delay {@code D} on the retained samples: the readings
     * placed {@code D/2} before their stamps, as for one window, and the edges' smoothing corrected and allowed for,
     * {@code (ΔP_start − ΔP_end) · D/16 ± (|ΔP_start| + |ΔP_end|) · D/16} per window, summed over the group. Where
     * {@code D} exceeds at least half the gaps between the windows (nvidia-smi's one-second mean between requests
     * 0.1–0.5 s apart), which smears each window into the gaps, the group's total is the energy over its whole span
     * less the gaps' ({@code SPAN}: a gap shorter than {@code D} taken at the floor, the lowest reading around the
     * group, and allowed up to the highest reading that averages over it; docs/LIVE.md, "Repeated windows"). Where the
     * trace declares a {@link LiveTrace#placementUncertaintyNanos() placement uncertainty} {@code U} (nvidia-smi's
     * instant reading), the readings' lag is measured in {@code D/2 ± U} from the readings at the windows' edges and
     * its uncertainty allowed for, or {@code D/2} kept with all of {@code U} allowed where the edges do not identify
     * it ({@link EnergyEstimators#automatic(long, long)}; which, and why, is the attribution's {@link
     * CellAttribution#placement()}). Windows older than a trace's oldest retained sample are left out and counted in the attribution's {@link
     * CellAttribution#excluded()}.
     *
     * @param name the group's name
     * @return per rail ({@code source/rail}, in the meter's order) the attribution: the estimator used ({@code
     *     PER_REQUEST}, {@code POOLED} or {@code SPAN}), each window's energy and interval in the order they were
     *     ended, the sums
     * @throws IllegalArgumentException if no window of that name was kept (the message lists the names)
     */
    public Map<String, CellAttribution> group(String name) {
        List<RequestTimeline> kept = groups.get(name);
        if (kept == null) {
            throw new IllegalArgumentException("no window named " + name + " was ended; names: " + groupNames());
        }
        List<RequestTimeline> windows;
        synchronized (kept) {
            windows = List.copyOf(kept);
        }
        Map<String, CellAttribution> out = new LinkedHashMap<>();
        for (LiveTrace trace : traces) {
            EnergyEstimator estimator =
                    EnergyEstimators.automatic(trace.sensorDelayNanos(), trace.placementUncertaintyNanos());
            for (int r = 0; r < trace.rails().size(); r++) {
                out.put(trace.source() + "/" + trace.rails().get(r), estimator.attribute(trace.snapshot(r), windows));
            }
        }
        return out;
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
        private volatile long firstTokenEpochNanos = Long.MIN_VALUE;

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
         * Marks the first output token of a request now: the window's phases in its group ({@link #group(String)})
         * are split here instead of at the middle. Once, before {@link #end()}.
         *
         * @throws IllegalStateException if already marked or ended
         */
        public void markFirstToken() {
            long now = clock.nowEpochNanos();
            synchronized (this) {
                if (ended.get() || firstTokenEpochNanos != Long.MIN_VALUE) {
                    throw new IllegalStateException(
                            "window " + name + " was already " + (ended.get() ? "ended" : "marked at its first token"));
                }
                firstTokenEpochNanos = now;
            }
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
         * Ends the window now and measures it, with the request's token counts for its group's tokens per joule.
         *
         * @param inputTokens input tokens (ISL), or NaN if unknown (the group then leaves the window out, counted)
         * @param outputTokens output tokens (OSL), or NaN if unknown
         * @return the energies
         * @throws IllegalStateException if the window was already ended
         * @throws IllegalArgumentException if a count is negative or infinite
         */
        public Measurement end(double inputTokens, double outputTokens) {
            return end(defaultWait, inputTokens, outputTokens);
        }

        /**
         * Ends the window now and measures it.
         *
         * @param maxWait how long to wait for every sampler to pass the end; zero to measure at once
         * @return the energies
         * @throws IllegalStateException if the window was already ended
         */
        public Measurement end(Duration maxWait) {
            return end(maxWait, 0, 0);
        }

        private Measurement end(Duration maxWait, double inputTokens, double outputTokens) {
            long end = clock.nowEpochNanos();
            RequestTimeline request;
            synchronized (this) {
                long mark = firstTokenEpochNanos;
                request = mark == Long.MIN_VALUE
                        ? midpoint(startEpochNanos, end, inputTokens, outputTokens)
                        : RequestTimeline.succeeded(startEpochNanos, mark, end, inputTokens, outputTokens);
                if (!ended.compareAndSet(false, true)) {
                    throw new IllegalStateException("window " + name + " was already ended");
                }
            }
            return measure(name, request, maxWait);
        }
    }
}
