package io.github.tokjoule.live;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowCoverage;
import io.github.tokjoule.core.power.WindowEnergy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A growing, bounded power trace of several rails on one time axis: the samples of one live source, appended by one
 * sampler thread while any number of threads read energies and snapshots.
 *
 * <h2>Storage</h2>
 *
 * A ring buffer that keeps the newest {@code capacity} samples readable: per sample the time (8 bytes), and per rail the power and the cumulative
 * energy since the first sample (16 bytes), plus a segment tree of the sample spacings (16 bytes per slot, rounded up
 * to a power of two) for the largest gap of a window. A one-hour 100 Hz trace of 3 rails (360,000 samples) takes
 * 8 + 48 bytes per sample plus the tree: about 29 MB ({@link #bytes()}). When the ring is full each new sample evicts
 * the oldest; {@link #evicted()} counts them and an optional spill file ({@link Builder#spillTo(Path)}) keeps them.
 * Appending allocates nothing.
 *
 * <h2>Concurrency</h2>
 *
 * One writer appends ({@link #appendWatts} or {@link #appendJoules}); it publishes each sample with a release store
 * of the sample count. Readers take the count, compute from the retained samples, then check (after an acquire fence)
 * that the writer has not come round the ring onto a slot they may have read; if it has, they compute again. So every
 * result is that of a consistent prefix of the samples, without locks and without blocking the writer. The ring holds
 * {@code guard = max(1, min(capacity / 16, 64))} slots more than the {@code capacity} readable samples: the guard lets
 * a read finish while the writer appends that many samples (640 ms at 100 Hz) before the read must start again.
 *
 * <h2>Energy over a window</h2>
 *
 * For {@link Reading#POWER} rails (power sampled: hwmon, tegrastats, nvidia-smi) the formulas are those of
 * {@link PowerTrace#energy(TimeWindow)}: trapezoids between samples, linear interpolation at the edges, the edge power
 * held beyond the trace with the extrapolated length in the {@link WindowCoverage}, NaN for a window wholly outside;
 * the result equals that of {@link #snapshot(int)} to rounding of the prefix sums. For {@link Reading#ENERGY_COUNTER}
 * rails (an energy counter read: RAPL, an NVML total-energy counter) the cumulative energy is the counter itself and
 * is interpolated linearly between readings, so a window between two readings gets the energy the counter says, not
 * an estimate from power; each sample's power is the mean power of the interval that ends at it (the first sample
 * takes the first interval's), and beyond the trace the edge power is held. Every query is O(log n).
 *
 * <p>A window that starts before the oldest retained sample once samples have been evicted cannot be answered:
 * {@link IllegalStateException} names the source, the oldest retained time and the fix.
 *
 * @since 0.2.0
 */
public final class LiveTrace {

    /**
     * What a rail's numbers are.
     *
     * @since 0.2.0
     */
    public enum Reading {
        /** Instantaneous power samples in watts, integrated with the trapezoid rule. */
        POWER,
        /** Readings of a cumulative energy counter in joules, differenced for energy and power. */
        ENERGY_COUNTER
    }

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MAX_GUARD = 64;
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(LiveTrace.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String source;
    private final List<String> rails;
    private final Reading reading;
    private final int capacity;
    private final int guard;
    private final int ringSize;
    private final long nominalIntervalNanos;
    private final long sensorDelayNanos;
    private final long placementUncertaintyNanos;
    private final long[] times;
    private final double[][] watts;

    /** {@code cumulative[r][slot]}: ∫ P dt in W·ns from the first sample ever appended. */
    private final double[][] cumulative;

    private final GapMaxTree gaps;

    // Writer state.
    private final double[] sum;
    private final double[] compensation;
    private final double[] pendingJoules;
    private long pendingEpochNanos;
    private boolean pending;
    private final @Nullable SpillFile spill;

    /** Samples published; written with release semantics by the writer only. */
    @SuppressWarnings("UnusedVariable") // read and written through COUNT
    private volatile long count;

    private LiveTrace(Builder b) {
        this.source = b.source;
        this.rails = List.copyOf(b.rails);
        this.reading = b.reading;
        this.capacity = b.capacity;
        this.guard = Math.max(1, Math.min(b.capacity / 16, MAX_GUARD));
        this.ringSize = capacity + guard;
        this.nominalIntervalNanos = b.nominalIntervalNanos;
        this.sensorDelayNanos = b.sensorDelayNanos;
        this.placementUncertaintyNanos = b.placementUncertaintyNanos;
        int r = rails.size();
        this.times = new long[ringSize];
        this.watts = new double[r][ringSize];
        this.cumulative = new double[r][ringSize];
        this.gaps = new GapMaxTree(ringSize);
        this.sum = new double[r];
        this.compensation = new double[r];
        this.pendingJoules = new double[r];
        try {
            this.spill = b.spillPath == null ? null : SpillFile.create(b.spillPath, source, rails);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spill file " + b.spillPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a builder of a trace.
     *
     * @param source the source's name, e.g. {@code hwmon}; named in every message
     * @param rails the rail names, distinct, at least one
     * @return the builder
     * @throws IllegalArgumentException if there is no rail or a name repeats
     */
    public static Builder builder(String source, List<String> rails) {
        return new Builder(source, rails);
    }

    /**
     * Configures a {@link LiveTrace}.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final String source;
        private final List<String> rails;
        private Reading reading = Reading.POWER;
        private int capacity = 360_000;
        private long nominalIntervalNanos = 10_000_000L;
        private long sensorDelayNanos;
        private long placementUncertaintyNanos;
        private @Nullable Path spillPath;

        private Builder(String source, List<String> rails) {
            if (rails.isEmpty()) {
                throw new IllegalArgumentException(source + ": a live trace needs at least one rail");
            }
            if (rails.stream().distinct().count() != rails.size()) {
                throw new IllegalArgumentException(source + ": rail names repeat: " + rails);
            }
            this.source = source;
            this.rails = List.copyOf(rails);
        }

        /**
         * Sets what the rails' numbers are (default {@link Reading#POWER}).
         *
         * @param value the reading
         * @return this builder
         */
        public Builder reading(Reading value) {
            this.reading = value;
            return this;
        }

        /**
         * Sets the ring's capacity in samples (default 360,000: one hour at 100 Hz).
         *
         * @param samples at least 2
         * @return this builder
         * @throws IllegalArgumentException if fewer than 2
         */
        public Builder capacity(int samples) {
            if (samples < 2) {
                throw new IllegalArgumentException(source + ": capacity must be at least 2 samples: " + samples);
            }
            this.capacity = samples;
            return this;
        }

        /**
         * Sets the nominal sampling interval reported in every {@link WindowCoverage} (default 10 ms).
         *
         * @param nanos positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder nominalIntervalNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException(source + ": nominalIntervalNanos must be positive: " + nanos);
            }
            this.nominalIntervalNanos = nanos;
            return this;
        }

        /**
         * Sets how long before its time stamp a reading may reflect the power (default 0: an instantaneous reading).
         * A reading stamped {@code t} is taken to reflect the power at some time in {@code [t − D, t]}: the sensor's
         * averaging and the age of its last conversion. {@link LiveMeter} reads the trace over each window shifted by
         * {@code D / 2} and widens the window's interval by the remaining {@code ± D / 2} at each edge.
         *
         * @param nanos not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @since 0.2.0
         */
        public Builder sensorDelayNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException(source + ": sensorDelayNanos must not be negative: " + nanos);
            }
            this.sensorDelayNanos = nanos;
            return this;
        }

        /**
         * Sets how far a reading's lag may lie from half the sensor delay (default 0: the lag is {@code D/2}). A
         * reading stamped {@code t} then shows the power at {@code t − L} for one unknown {@code L ∈ [D/2 − U, D/2 +
         * U]} that holds through a group of windows: a sampler locked in phase with the sensor's refresh
         * (nvidia-smi's instant reading, {@link io.github.tokjoule.live.source.NvidiaSmiSource
         * #INSTANT_PLACEMENT_UNCERTAINTY_NANOS}). {@link LiveMeter#group(String)} measures the lag from the readings
         * at the windows' edges, or allows for the whole {@code U} where they do not identify it (core's {@link
         * io.github.tokjoule.core.join.EnergyEstimators#automatic(long, long)}); a single window's interval is
         * unchanged (its edges allow for all of {@code D}).
         *
         * @param nanos not negative, at most half the sensor delay when the trace is built
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @since 0.2.0
         */
        public Builder placementUncertaintyNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException(
                        source + ": placementUncertaintyNanos must not be negative: " + nanos);
            }
            this.placementUncertaintyNanos = nanos;
            return this;
        }

        /**
         * Keeps evicted samples: each sample the ring overwrites is first appended to this file (see
         * {@link SpillFile}). The file is created or truncated when the trace is built.
         *
         * @param path the spill file
         * @return this builder
         */
        public Builder spillTo(Path path) {
            this.spillPath = path;
            return this;
        }

        /**
         * {@return the trace}
         *
         * @throws UncheckedIOException if the spill file cannot be created
         * @throws IllegalArgumentException if the placement's uncertainty exceeds half the sensor delay
         */
        public LiveTrace build() {
            if (placementUncertaintyNanos > sensorDelayNanos / 2) {
                throw new IllegalArgumentException(source + ": placementUncertaintyNanos " + placementUncertaintyNanos
                        + " exceeds half the sensor delay " + sensorDelayNanos + ": the lag must stay within [0, D];"
                        + " declare a longer sensor delay");
            }
            return new LiveTrace(this);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Writing (one thread)

    /**
     * Appends one sample of every rail. For the single writer only; allocates nothing.
     *
     * @param epochNanos the sample time, strictly after the previous sample's
     * @param wattsByRail the power of each rail in rail order, finite and not negative; read, not kept
     * @throws IllegalArgumentException if the time is not after the previous one or a power is NaN, infinite or
     *     negative (the message names the source, the rail and the value); nothing is appended
     * @throws IllegalStateException if the trace reads {@link Reading#ENERGY_COUNTER}
     * @throws UncheckedIOException if the spill file cannot be written
     */
    public void appendWatts(long epochNanos, double[] wattsByRail) {
        if (reading != Reading.POWER) {
            throw new IllegalStateException(source + ": an energy-counter trace takes appendJoules, not appendWatts");
        }
        long n = (long) COUNT.getOpaque(this);
        checkSample(n, epochNanos, wattsByRail);
        int s = beginSlot(n);
        int previous = n > 0 ? slot(n - 1) : 0;
        double dt = n > 0 ? (double) (epochNanos - times[previous]) : 0;
        for (int r = 0; r < wattsByRail.length; r++) {
            double w = wattsByRail[r];
            if (n > 0) {
                add(r, 0.5 * (watts[r][previous] + w) * dt);
            }
            watts[r][s] = w;
            cumulative[r][s] = sum[r] + compensation[r];
        }
        publish(n, s, epochNanos, n > 0 ? epochNanos - times[previous] : 0);
    }

    /**
     * Appends one reading of every rail's energy counter, already unwrapped by the source. The first reading is held
     * until the second arrives, because a sample's power is the mean power of the interval that ends at it; the first
     * sample gets the first interval's power. For the single writer only; allocates nothing.
     *
     * @param epochNanos the reading time, strictly after the previous reading's
     * @param joulesByRail each rail's counter in joules, finite, not negative, and not below its previous reading
     * @throws IllegalArgumentException if the time is not after the previous one, or a counter is NaN, infinite,
     *     negative or went backwards (the message names the source, the rail and the values); nothing is appended
     * @throws IllegalStateException if the trace reads {@link Reading#POWER}
     * @throws UncheckedIOException if the spill file cannot be written
     */
    public void appendJoules(long epochNanos, double[] joulesByRail) {
        if (reading != Reading.ENERGY_COUNTER) {
            throw new IllegalStateException(source + ": a power trace takes appendWatts, not appendJoules");
        }
        long n = (long) COUNT.getOpaque(this);
        checkSample(n, epochNanos, joulesByRail);
        if (!pending && n == 0) {
            pendingEpochNanos = epochNanos;
            System.arraycopy(joulesByRail, 0, pendingJoules, 0, joulesByRail.length);
            pending = true;
            return;
        }
        long previousTime = n == 0 ? pendingEpochNanos : times[slot(n - 1)];
        if (epochNanos <= previousTime) {
            throw new IllegalArgumentException(
                    source + ": sample time " + epochNanos + " is not after the previous " + previousTime);
        }
        for (int r = 0; r < joulesByRail.length; r++) {
            if (joulesByRail[r] < pendingJoules[r]) {
                throw new IllegalArgumentException(source + ": rail " + rails.get(r) + ": energy counter went back"
                        + " from " + pendingJoules[r] + " J to " + joulesByRail[r] + " J (unwrap it first)");
            }
        }
        long dtNanos = epochNanos - previousTime;
        if (n == 0) {
            int s0 = beginSlot(0);
            for (int r = 0; r < joulesByRail.length; r++) {
                watts[r][s0] = (joulesByRail[r] - pendingJoules[r]) * NANOS_PER_SECOND / dtNanos;
                cumulative[r][s0] = 0;
            }
            publish(0, s0, pendingEpochNanos, 0);
            n = 1;
        }
        int s = beginSlot(n);
        for (int r = 0; r < joulesByRail.length; r++) {
            double joules = joulesByRail[r] - pendingJoules[r];
            pendingJoules[r] = joulesByRail[r];
            watts[r][s] = joules * NANOS_PER_SECOND / dtNanos;
            add(r, joules * NANOS_PER_SECOND);
            cumulative[r][s] = sum[r] + compensation[r];
        }
        publish(n, s, epochNanos, dtNanos);
    }

    private void checkSample(long n, long epochNanos, double[] values) {
        if (values.length != rails.size()) {
            throw new IllegalArgumentException(
                    source + ": " + values.length + " values for " + rails.size() + " rails " + rails);
        }
        if (n > 0 && epochNanos <= times[slot(n - 1)]) {
            throw new IllegalArgumentException(
                    source + ": sample time " + epochNanos + " is not after the previous " + times[slot(n - 1)]);
        }
        for (int r = 0; r < values.length; r++) {
            double v = values[r];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(source + ": rail " + rails.get(r) + ": " + v
                        + (reading == Reading.POWER ? " W" : " J") + " is not a finite, non-negative value");
            }
        }
    }

    /** Neumaier's compensated addition into the rail's running sum. */
    private void add(int r, double area) {
        double s = sum[r];
        double next = s + area;
        compensation[r] += Math.abs(s) >= Math.abs(area) ? (s - next) + area : (area - next) + s;
        sum[r] = next;
    }

    /** The slot of sample {@code n}, after spilling the sample it evicts. */
    private int beginSlot(long n) {
        int s = slot(n);
        if (n >= ringSize && spill != null) {
            try {
                spill.append(times[s], watts, cumulative, s);
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot write the spill file: " + e.getMessage(), e);
            }
        }
        return s;
    }

    private void publish(long n, int s, long epochNanos, long gapNanos) {
        times[s] = epochNanos;
        gaps.set(s, gapNanos);
        COUNT.setRelease(this, n + 1);
    }

    /**
     * Flushes and closes the spill file, if any. Call after the writer has stopped.
     *
     * @throws UncheckedIOException if the spill file cannot be written
     */
    public void closeSpill() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot close the spill file: " + e.getMessage(), e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading (any thread)

    private int slot(long index) {
        return (int) (index % ringSize);
    }

    private long t(long index) {
        return times[slot(index)];
    }

    /** {@return the source's name} */
    public String source() {
        return source;
    }

    /** {@return the rail names, in the order of the appended arrays} */
    public List<String> rails() {
        return rails;
    }

    /** {@return what the rails' numbers are} */
    public Reading reading() {
        return reading;
    }

    /** {@return the number of newest samples kept readable} */
    public int capacity() {
        return capacity;
    }

    /** {@return the nominal sampling interval in ns} */
    public long nominalIntervalNanos() {
        return nominalIntervalNanos;
    }

    /**
     * {@return how long before its time stamp a reading may reflect the power, in ns (0: instantaneous; see {@link
     * Builder#sensorDelayNanos(long)})}
     */
    public long sensorDelayNanos() {
        return sensorDelayNanos;
    }

    /**
     * {@return how far a reading's lag may lie from half the sensor delay, in ns (0: it is {@code D/2}; see {@link
     * Builder#placementUncertaintyNanos(long)})}
     *
     * @since 0.2.0
     */
    public long placementUncertaintyNanos() {
        return placementUncertaintyNanos;
    }

    /** {@return the number of samples appended since the start, evicted ones included} */
    public long size() {
        return (long) COUNT.getAcquire(this);
    }

    /** {@return the number of samples no longer readable: overwritten by the ring (and spilled, if configured)} */
    public long evicted() {
        return Math.max(0, size() - capacity);
    }

    /** {@return the bytes held by the ring and its index, the measure of the memory target} */
    public long bytes() {
        return 8L * ringSize + 16L * ringSize * rails.size() + gaps.bytes();
    }

    /**
     * Returns the index of a rail.
     *
     * @param rail the rail's name
     * @return its index in {@link #rails()}
     * @throws IllegalArgumentException if the trace has no such rail (the message lists the rails)
     */
    public int railIndex(String rail) {
        int i = rails.indexOf(rail);
        if (i < 0) {
            throw new IllegalArgumentException(source + " has no rail " + rail + "; its rails: " + rails);
        }
        return i;
    }

    /** {@return the time of the newest sample, empty before the first is published} */
    public OptionalLong lastEpochNanos() {
        long n = size();
        return n == 0 ? OptionalLong.empty() : OptionalLong.of(t(n - 1));
    }

    /**
     * Returns the newest power of a rail.
     *
     * @param rail the rail index
     * @return watts; NaN before the first sample
     */
    public double latestWatts(int rail) {
        for (; ; ) {
            long n = size();
            double w = n == 0 ? Double.NaN : watts[rail][slot(n - 1)];
            if (stable(n, n - 1)) {
                return w;
            }
        }
    }

    /**
     * Returns the energy of a rail from the first sample ever appended to the newest one.
     *
     * @param rail the rail index
     * @return joules; 0 before the second sample
     */
    public double totalJoules(int rail) {
        for (; ; ) {
            long n = size();
            double c = n == 0 ? 0 : cumulative[rail][slot(n - 1)];
            if (stable(n, n - 1)) {
                return c / NANOS_PER_SECOND;
            }
        }
    }

    /**
     * The seqlock's check: after reading sample indices from {@code lowest} on, while the count was {@code n}, were
     * none of them overwritten?
     */
    private boolean stable(long n, long lowest) {
        VarHandle.acquireFence();
        long now = (long) COUNT.getAcquire(this);
        return now == n || lowest >= now - ringSize + 1;
    }

    private long retainedFrom(long n) {
        return Math.max(0, n - capacity);
    }

    /**
     * Returns the energy of one rail over a window, with its coverage (see the class description). O(log n).
     *
     * @param rail the rail's name
     * @param window the window
     * @return the energy in joules (NaN if the window lies wholly outside the trace) and its coverage
     * @throws IllegalArgumentException if there is no such rail
     * @throws IllegalStateException if the window starts before the oldest retained sample after evictions
     */
    public WindowEnergy energy(String rail, TimeWindow window) {
        return energies(window).get(railIndex(rail));
    }

    /**
     * Returns the energy of every rail over one window, all from the same samples. O(rails · log n).
     *
     * @param window the window
     * @return one energy per rail, in rail order
     * @throws IllegalStateException if the window starts before the oldest retained sample after evictions
     */
    public List<WindowEnergy> energies(TimeWindow window) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        for (; ; ) {
            long n = size();
            long lo = retainedFrom(n);
            List<WindowEnergy> result = new ArrayList<>(rails.size());
            if (n == 0) {
                WindowCoverage none = new WindowCoverage(0, 0, nominalIntervalNanos, false, 0, 0, true);
                for (int r = 0; r < rails.size(); r++) {
                    result.add(new WindowEnergy(Double.NaN, none));
                }
                return result;
            }
            long oldest = t(lo);
            long startLower = lowerBound(lo, n, start);
            long endLower = lowerBound(startLower, n, end);
            WindowCoverage coverage = coverage(lo, n, start, end, startLower, endLower);
            for (int r = 0; r < rails.size(); r++) {
                double joules =
                        coverage.outsideTrace() ? Double.NaN : wattNanos(r, lo, n, start, end) / NANOS_PER_SECOND;
                result.add(new WindowEnergy(joules, coverage));
            }
            if (stable(n, lo)) {
                if (lo > 0 && start < oldest) {
                    throw new IllegalStateException(source + ": window " + window + " starts before the oldest"
                            + " retained sample (" + oldest + " ns; " + lo + " samples evicted from a ring of "
                            + capacity + "): raise the capacity or read the spill file");
                }
                return result;
            }
        }
    }

    /** The first index in {@code [from, n)} whose time is at or after {@code x}; {@code n} if none. */
    private long lowerBound(long from, long n, long x) {
        long lo = from;
        long hi = n;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (t(mid) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long upperBound(long lower, long n, long x) {
        return lower < n && t(lower) == x ? lower + 1 : lower;
    }

    private WindowCoverage coverage(long lo, long n, long start, long end, long startLower, long endLower) {
        long startUpper = upperBound(startLower, n, start);
        long endUpper = upperBound(endLower, n, end);
        long firstSegment = Math.max(lo, startUpper - 1);
        long lastSegment = Math.min(n - 2, endLower - 1);
        long largestGap = firstSegment <= lastSegment ? largestGap(firstSegment + 1, lastSegment + 1) : 0;
        long first = t(lo);
        long last = t(n - 1);
        boolean outside = end < first || start > last;
        long startExtrapolated = start < first ? Math.min(end, first) - start : 0;
        long endExtrapolated = end > last ? end - Math.max(start, last) : 0;
        return new WindowCoverage(
                (int) Math.min(Integer.MAX_VALUE, endUpper - startLower),
                largestGap,
                nominalIntervalNanos,
                false,
                startExtrapolated,
                endExtrapolated,
                outside);
    }

    /** The largest spacing stored at sample indices {@code from..to} (each sample's spacing to the one before). */
    private long largestGap(long from, long to) {
        int a = slot(from);
        int b = slot(to);
        return a <= b ? gaps.max(a, b) : Math.max(gaps.max(a, ringSize - 1), gaps.max(0, b));
    }

    /** ∫ P dt over {@code [start, end]} in W·ns for a window not outside the retained samples {@code [lo, n)}. */
    private double wattNanos(int r, long lo, long n, long start, long end) {
        return cumulativeAt(r, lo, n, end) - cumulativeAt(r, lo, n, start);
    }

    /**
     * The cumulative energy at time {@code x} in W·ns: at a sample its prefix sum; between samples, for power the
     * prefix sum plus the trapezoid up to the interpolated power at {@code x}, for a counter the linear interpolation
     * of the counter; before the first and after the last retained sample the edge power held.
     */
    private double cumulativeAt(int r, long lo, long n, long x) {
        double[] w = watts[r];
        double[] c = cumulative[r];
        long first = t(lo);
        if (x <= first) {
            return c[slot(lo)] - w[slot(lo)] * (double) (first - x);
        }
        long last = t(n - 1);
        if (x >= last) {
            return c[slot(n - 1)] + w[slot(n - 1)] * (double) (x - last);
        }
        long k = lowerBound(lo, n, x) - 1; // t(k) < x ≤ t(k + 1)
        int a = slot(k);
        int b = slot(k + 1);
        long t0 = times[a];
        long t1 = times[b];
        if (x == t1) {
            return c[b];
        }
        double fraction = (double) (x - t0) / (double) (t1 - t0);
        if (reading == Reading.ENERGY_COUNTER) {
            return c[a] + (c[b] - c[a]) * fraction;
        }
        double wx = w[a] + (w[b] - w[a]) * fraction;
        return c[a] + 0.5 * (w[a] + wx) * (double) (x - t0);
    }

    /**
     * Returns an immutable copy of one rail's retained samples, with this trace's nominal interval. Its energies equal
     * this trace's for {@link Reading#POWER} rails; for counter rails it is the power view (interval means read as a
     * piecewise-linear curve), so its energies approximate the counter's.
     *
     * @param rail the rail index
     * @return the trace of the retained samples (empty before the first sample)
     */
    public PowerTrace snapshot(int rail) {
        for (; ; ) {
            long n = size();
            long lo = retainedFrom(n);
            int m = (int) (n - lo);
            long[] t = new long[m];
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                int s = slot(lo + i);
                t[i] = times[s];
                w[i] = watts[rail][s];
            }
            if (stable(n, lo)) {
                return PowerTrace.of(t, w).withNominalIntervalNanos(nominalIntervalNanos);
            }
        }
    }

    /**
     * Returns an immutable copy of one rail's retained samples.
     *
     * @param rail the rail's name
     * @return the snapshot
     * @throws IllegalArgumentException if there is no such rail
     */
    public PowerTrace snapshot(String rail) {
        return snapshot(railIndex(rail));
    }

    /**
     * Copies the retained samples from a sample index on, for a logger that follows the trace.
     *
     * @param fromIndex the index of the first sample wanted (0 for the first ever appended)
     * @return the samples from {@code fromIndex} (or from the oldest retained, if older ones were evicted: the batch
     *     says how many were skipped) up to the newest
     */
    public Batch samplesFrom(long fromIndex) {
        for (; ; ) {
            long n = size();
            long lo = Math.max(retainedFrom(n), Math.min(fromIndex, n));
            Batch b = copy(lo, n, n, lo, Math.max(0, lo - fromIndex));
            if (b != null) {
                return b;
            }
        }
    }

    /**
     * Copies the retained samples around a span: from two samples before {@code fromEpochNanos} to two after {@code
     * toEpochNanos}, as far as they are retained. For the interval of a window's energy.
     */
    Batch samplesAround(long fromEpochNanos, long toEpochNanos) {
        for (; ; ) {
            long n = size();
            long lo = retainedFrom(n);
            long first = Math.max(lo, lowerBound(lo, n, fromEpochNanos) - 2);
            long last = Math.min(n, lowerBound(lo, n, toEpochNanos) + 3);
            Batch b = copy(first, Math.max(first, last), n, lo, 0);
            if (b != null) {
                return b;
            }
        }
    }

    /** Copies samples {@code [first, last)} read while the count was {@code n}; null if the writer overwrote one. */
    private @Nullable Batch copy(long first, long last, long n, long lowest, long skipped) {
        int r = rails.size();
        int m = (int) (last - first);
        long[] t = new long[m];
        double[][] w = new double[r][m];
        double[][] c = new double[r][m];
        for (int i = 0; i < m; i++) {
            int s = slot(first + i);
            t[i] = times[s];
            for (int k = 0; k < r; k++) {
                w[k][i] = watts[k][s];
                c[k][i] = cumulative[k][s] / NANOS_PER_SECOND;
            }
        }
        return stable(n, lowest) ? new Batch(first, skipped, t, w, c) : null;
    }

    /**
     * Consecutive samples of a trace, copied out of the ring.
     *
     * @param firstIndex the index of the first sample in the batch
     * @param skipped samples between the index asked for and {@code firstIndex}, evicted before they were read
     * @param epochNanos the sample times
     * @param watts {@code watts[rail][i]}: each rail's power in watts
     * @param cumulativeJoules {@code cumulativeJoules[rail][i]}: each rail's energy since the trace's first sample
     * @since 0.2.0
     */
    @SuppressWarnings("ArrayRecordComponent") // a transfer object between the ring and a log writer
    public record Batch(
            long firstIndex, long skipped, long[] epochNanos, double[][] watts, double[][] cumulativeJoules) {
        /** {@return the number of samples in the batch} */
        public int size() {
            return epochNanos.length;
        }
    }

    /** {@return the spill file, if one was configured} */
    public Optional<Path> spillPath() {
        return spill == null ? Optional.empty() : Optional.of(spill.path());
    }

    @Override
    public String toString() {
        return "LiveTrace[" + source + " " + rails + ", " + size() + " samples, capacity " + capacity + "]";
    }
}
