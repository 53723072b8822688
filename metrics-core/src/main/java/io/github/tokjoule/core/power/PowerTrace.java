package io.github.tokjoule.core.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, strictly time-sorted series of power samples: (epoch nanoseconds, watts), with exact time-window
 * energy integration (DESIGN §3.2).
 *
 * <p>Samples may come from any source: one tegrastats rail, a sum of rails ({@link #sum(List)}), or aiperf GPU
 * telemetry. Times are strictly increasing; power is finite and not negative. The arrays are copied on construction
 * and never exposed. Instances are immutable and safe to share between threads (the spacing index behind
 * {@link WindowCoverage} is built on first use and published safely).
 *
 * <h2>Energy over a window</h2>
 *
 * The trace is read as the piecewise-linear function through its samples, and the energy of a window
 * {@code [start, end]} is its integral, {@code E = ∫ P(t) dt}, in joules:
 *
 * <ul>
 *   <li>between samples, the trapezoid rule: {@code (P_i + P_{i+1}) / 2 · (t_{i+1} − t_i)};
 *   <li>at each window edge that falls between two samples, the power is linearly interpolated at the edge and only
 *       the part of the trapezoid inside the window is counted, so that <b>adjacent windows add up</b> to the
 *       enclosing window (to floating-point rounding, a few ulps of the trace's cumulative energy);
 *   <li><b>beyond the trace</b> (a window that starts before the first sample or ends after the last):
 *       {@link #energyJoules(TimeWindow)} refuses it (no silent extrapolation); {@link #energy(TimeWindow)} holds the
 *       edge sample's power constant and its {@link WindowCoverage} reports how many nanoseconds were extrapolated at
 *       each end;
 *   <li>a window that lies <b>wholly outside</b> the trace ({@code end < t_0} or {@code start > t_{n−1}}), and every
 *       window of an empty trace: {@link #energyJoules(TimeWindow)} refuses it, {@link #energy(TimeWindow)} gives
 *       {@code NaN} ({@link WindowCoverage#outsideTrace()}): nothing was measured there, typically because of a
 *       time-zone mistake;
 *   <li>a zero-length window inside the trace has energy 0 J; a window between two samples gets the trapezoid of
 *       the interpolated line; a single-sample trace is a constant power wherever the window touches its sample;
 *   <li><b>gaps</b> (a missing sample) are bridged by the straight line between the samples around them; the
 *       coverage reports the largest gap so that a caller can flag it ({@code SAMPLE_GAP}).
 * </ul>
 *
 * <p>Cumulative energies at every sample (prefix sums of the trapezoids, relative to the first sample, with
 * compensated summation) are built once at construction; a query is two binary searches and O(1) arithmetic:
 * O(log n). Time differences are taken in {@code long} nanoseconds before any conversion to {@code double}, so epoch
 * values near 1.7·10^18 lose no precision, and shifting a trace and its windows by the same offset changes no bit
 * of any result.
 *
 * @since 0.1.0
 */
public final class PowerTrace {

    private static final double NANOS_PER_SECOND = 1e9;

    private final long[] epochNanos;
    private final double[] watts;

    /** {@code cumulativeWattNanos[i]} = ∫ from {@code t_0} to {@code t_i} of P dt, in W·ns. */
    private final double[] cumulativeWattNanos;

    /** The nominal interval given by the caller in ns, or 0 to estimate it. */
    private final long givenNominalIntervalNanos;

    private volatile @Nullable GapIndex gapIndex;

    private PowerTrace(long[] epochNanos, double[] watts, double[] cumulativeWattNanos, long givenNominalNanos) {
        this.epochNanos = epochNanos;
        this.watts = watts;
        this.cumulativeWattNanos = cumulativeWattNanos;
        this.givenNominalIntervalNanos = givenNominalNanos;
    }

    private static PowerTrace ofValidated(long[] epochNanos, double[] watts, long givenNominalNanos) {
        return new PowerTrace(epochNanos, watts, cumulative(epochNanos, watts), givenNominalNanos);
    }

    /** Prefix sums of the trapezoids in W·ns, with Neumaier's compensated summation. */
    private static double[] cumulative(long[] t, double[] w) {
        double[] cum = new double[t.length];
        double sum = 0;
        double compensation = 0;
        for (int i = 1; i < t.length; i++) {
            double area = 0.5 * (w[i - 1] + w[i]) * (double) (t[i] - t[i - 1]);
            double next = sum + area;
            compensation += Math.abs(sum) >= Math.abs(area) ? (sum - next) + area : (area - next) + sum;
            sum = next;
            cum[i] = sum + compensation;
        }
        return cum;
    }

    /**
     * Returns a trace of the given samples. The arrays are copied.
     *
     * @param epochNanos sample times in epoch nanoseconds, strictly increasing
     * @param watts power at each sample time in watts, finite and not negative; same length as {@code epochNanos}
     * @return the trace
     * @throws IllegalArgumentException if the lengths differ, a time is not strictly after the previous one
     *     (unsorted or duplicate), a power value is NaN, infinite or negative (the message names the index and the
     *     value), or the trace spans more than a {@code long} of nanoseconds (292 years)
     */
    public static PowerTrace of(long[] epochNanos, double[] watts) {
        if (epochNanos.length != watts.length) {
            throw new IllegalArgumentException("epochNanos and watts differ in length: " + epochNanos.length
                    + " times, " + watts.length + " power values");
        }
        long[] times = epochNanos.clone();
        double[] power = watts.clone();
        for (int i = 0; i < times.length; i++) {
            checkSample(i, i > 0 ? times[i - 1] : 0, times, power[i]);
        }
        return ofValidated(times, power, 0);
    }

    private static void checkSample(int i, long previousEpochNanos, long[] times, double w) {
        long t = times[i];
        if (i > 0 && t <= previousEpochNanos) {
            throw new IllegalArgumentException("epochNanos[" + i + "] = " + t + " is not after epochNanos[" + (i - 1)
                    + "] = " + previousEpochNanos + (t == previousEpochNanos ? " (duplicate)" : " (unsorted)"));
        }
        if (i > 0 && t - times[0] < 0) {
            throw new IllegalArgumentException("epochNanos[" + i + "] = " + t + " is more than Long.MAX_VALUE ns after"
                    + " epochNanos[0] = " + times[0]);
        }
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("watts[" + i + "] = " + w + " is not a finite, non-negative power");
        }
    }

    /**
     * Returns a trace of the given (time, watts) pairs, in iteration order.
     *
     * @param samples the samples, strictly increasing in time
     * @return the trace
     * @throws IllegalArgumentException if a time is not strictly after the previous one; the message names the index
     *     (0-based position in the iteration) and the value
     */
    public static PowerTrace fromPairs(Iterable<PowerSample> samples) {
        Builder builder = builder();
        for (PowerSample sample : samples) {
            builder.add(sample);
        }
        return builder.build();
    }

    /**
     * Returns a trace of the given (time, watts) pairs, in encounter order. The stream is consumed.
     *
     * @param samples the samples, strictly increasing in time
     * @return the trace
     * @throws IllegalArgumentException if a time is not strictly after the previous one; the message names the index
     *     (0-based position in the stream) and the value
     */
    public static PowerTrace fromPairs(Stream<PowerSample> samples) {
        Builder builder = builder();
        samples.forEachOrdered(builder::add);
        return builder.build();
    }

    /** {@return a builder that accepts samples one at a time, in increasing time order, without boxing} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Accumulates samples in time order and builds a {@link PowerTrace}. Each sample is validated as it is added, so
     * a streaming parser learns of the first bad sample immediately. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private long[] times = new long[16];
        private double[] power = new double[16];
        private int size;

        private Builder() {}

        /**
         * Appends one sample.
         *
         * @param epochNanos the sample time in epoch nanoseconds, strictly after the previous sample's
         * @param watts the power in watts, finite and not negative
         * @return this builder
         * @throws IllegalArgumentException if the time is not after the previous one or the power is NaN, infinite or
         *     negative; the message names the sample's index and value. The builder is unchanged.
         */
        public Builder add(long epochNanos, double watts) {
            if (size == times.length) {
                int capacity = size + (size >> 1) + 1;
                times = Arrays.copyOf(times, capacity);
                power = Arrays.copyOf(power, capacity);
            }
            times[size] = epochNanos;
            checkSample(size, size > 0 ? times[size - 1] : 0, times, watts);
            power[size] = watts;
            size++;
            return this;
        }

        /**
         * Appends one sample.
         *
         * @param sample the sample, strictly after the previous one
         * @return this builder
         * @throws IllegalArgumentException if the time is not after the previous one
         */
        public Builder add(PowerSample sample) {
            return add(sample.epochNanos(), sample.watts());
        }

        /** {@return the number of samples added so far} */
        public int size() {
            return size;
        }

        /** {@return the trace of the samples added so far; the builder may go on} */
        public PowerTrace build() {
            return ofValidated(Arrays.copyOf(times, size), Arrays.copyOf(power, size), 0);
        }
    }

    /**
     * Returns this trace with a nominal sampling interval given by the caller (e.g. the fitted tegrastats period),
     * reported in every {@link WindowCoverage} instead of the median spacing estimated from the samples.
     *
     * @param nominalIntervalNanos the nominal interval in nanoseconds, positive
     * @return a trace with the same samples and the given nominal interval
     * @throws IllegalArgumentException if {@code nominalIntervalNanos} is not positive
     */
    public PowerTrace withNominalIntervalNanos(long nominalIntervalNanos) {
        if (nominalIntervalNanos <= 0) {
            throw new IllegalArgumentException("nominalIntervalNanos must be positive: " + nominalIntervalNanos);
        }
        return new PowerTrace(epochNanos, watts, cumulativeWattNanos, nominalIntervalNanos);
    }

    /**
     * Returns the nominal sampling interval: the one given with {@link #withNominalIntervalNanos(long)}, or else the
     * median spacing between consecutive samples (the mean of the two middle spacings, rounded down to a whole
     * nanosecond, when their count is even); 0 for an estimated interval of a trace with fewer than two samples.
     *
     * @return the nominal interval in nanoseconds
     */
    public long nominalIntervalNanos() {
        return givenNominalIntervalNanos > 0 ? givenNominalIntervalNanos : gaps().medianGapNanos();
    }

    /** {@return {@code true} if {@link #nominalIntervalNanos()} is estimated from the samples, not given} */
    public boolean isNominalIntervalEstimated() {
        return givenNominalIntervalNanos == 0;
    }

    private GapIndex gaps() {
        GapIndex index = gapIndex;
        if (index == null) {
            index = GapIndex.of(epochNanos);
            gapIndex = index;
        }
        return index;
    }

    /** {@return the number of samples} */
    public int size() {
        return epochNanos.length;
    }

    /** {@return {@code true} if the trace has no samples} */
    public boolean isEmpty() {
        return epochNanos.length == 0;
    }

    /**
     * Returns the time of a sample.
     *
     * @param index the sample index, {@code 0 <= index < size()}
     * @return the sample time in epoch nanoseconds
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public long epochNanosAt(int index) {
        return epochNanos[index];
    }

    /**
     * Returns the power of a sample.
     *
     * @param index the sample index, {@code 0 <= index < size()}
     * @return the power in watts
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double wattsAt(int index) {
        return watts[index];
    }

    /** {@return a copy of the sample times in epoch nanoseconds} */
    public long[] epochNanos() {
        return epochNanos.clone();
    }

    /** {@return a copy of the power values in watts} */
    public double[] watts() {
        return watts.clone();
    }

    /** {@return the window from the first to the last sample; empty for an empty trace} */
    public Optional<TimeWindow> span() {
        return isEmpty()
                ? Optional.empty()
                : Optional.of(TimeWindow.of(epochNanos[0], epochNanos[epochNanos.length - 1]));
    }

    /**
     * Returns the samples with {@code start ≤ t ≤ end}, as they are: no interpolation at the edges (so the energy of
     * the slice over the window is generally not the window's energy). The nominal interval, if given, is kept.
     *
     * @param window the window
     * @return the samples inside the window, possibly none
     */
    public PowerTrace slice(TimeWindow window) {
        int from = SortedTimes.lowerBound(epochNanos, window.startEpochNanos());
        long end = window.endEpochNanos();
        int to = SortedTimes.upperBound(epochNanos, end, SortedTimes.lowerBound(epochNanos, end));
        if (from >= to) {
            return new PowerTrace(new long[0], new double[0], new double[0], givenNominalIntervalNanos);
        }
        return ofValidated(
                Arrays.copyOfRange(epochNanos, from, to),
                Arrays.copyOfRange(watts, from, to),
                givenNominalIntervalNanos);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Energy

    /**
     * Returns the energy over a window the trace covers: the trapezoid integral of the trace with linear
     * interpolation at both edges (see the class description). O(log n).
     *
     * <p>No silent numbers: a window that reaches before the first sample or after the last would need an
     * extrapolation (or has nothing measured at all), so it is refused. {@link #energy(TimeWindow)} is the explicit
     * way to get a figure for such a window: it holds the edge power constant and its {@link WindowCoverage} says how
     * many nanoseconds were extrapolated.
     *
     * @param window the window, inside {@link #span()}
     * @return the energy in joules, ≥ 0; 0 for a zero-length window
     * @throws IllegalArgumentException if the trace is empty or the window is not inside its span; the message names
     *     the window, the span and the fix
     */
    public double energyJoules(TimeWindow window) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        requireCovered(window, "");
        int startLower = SortedTimes.lowerBound(epochNanos, start);
        int startUpper = SortedTimes.upperBound(epochNanos, start, startLower);
        int endLower = SortedTimes.lowerBound(epochNanos, end);
        return wattNanos(start, end, startUpper, endLower) / NANOS_PER_SECOND;
    }

    /** Refuses a window the trace does not cover, for the figures that never extrapolate. */
    private void requireCovered(TimeWindow window, String which) {
        int n = epochNanos.length;
        if (n > 0 && window.startEpochNanos() >= epochNanos[0] && window.endEpochNanos() <= epochNanos[n - 1]) {
            return;
        }
        String span =
                n == 0 ? "the trace is empty" : "the trace spans only " + describe(epochNanos[0], epochNanos[n - 1]);
        throw new IllegalArgumentException(
                which + "window " + describe(window.startEpochNanos(), window.endEpochNanos())
                        + " is not covered by the trace: " + span
                        + "; energyJoules never extrapolates. Integrate over a window inside span(), or call energy(window),"
                        + " which holds the edge power beyond the trace and reports it in its WindowCoverage");
    }

    private static String describe(long start, long end) {
        return java.time.Instant.ofEpochSecond(0, start) + " .. " + java.time.Instant.ofEpochSecond(0, end) + " ("
                + String.format(java.util.Locale.ROOT, "%.3f s", (end - start) / NANOS_PER_SECOND) + ")";
    }

    /**
     * Returns the energy over any window with its coverage: the integral of {@link #energyJoules(TimeWindow)} where
     * the trace covers the window, the edge sample's power held constant beyond it (counted in {@link
     * WindowCoverage#startExtrapolatedNanos()} and {@link WindowCoverage#endExtrapolatedNanos()}), NaN for a window
     * wholly outside the trace ({@link WindowCoverage#outsideTrace()}). The caller decides, from the coverage, what an
     * extrapolated figure is worth. O(log n).
     *
     * @param window the window
     * @return the energy in joules and the coverage of the window
     */
    public WindowEnergy energy(TimeWindow window) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        int startLower = SortedTimes.lowerBound(epochNanos, start);
        int endLower = SortedTimes.lowerBound(epochNanos, end);
        return energyAt(start, end, startLower, endLower);
    }

    private WindowEnergy energyAt(long start, long end, int startLower, int endLower) {
        int startUpper = SortedTimes.upperBound(epochNanos, start, startLower);
        double joules =
                isOutside(start, end) ? Double.NaN : wattNanos(start, end, startUpper, endLower) / NANOS_PER_SECOND;
        return new WindowEnergy(joules, coverage(start, end, startLower, endLower));
    }

    /**
     * Returns the energies of many windows, each equal to {@link #energyJoules(TimeWindow)} of that window, in one
     * pass: the windows are visited in order of start (an unsorted list is first ordered through an index, O(m log
     * m); the input is not modified) and each search gallops forward from the previous position, so m windows over
     * n samples cost O(m log(n/m) + m) after the ordering.
     *
     * @param windows the windows, in any order, each inside {@link #span()}
     * @return the energies in joules, in the order of {@code windows}
     * @throws IllegalArgumentException if a window is not inside the trace's span (the message gives its index), as
     *     {@link #energyJoules(TimeWindow)}; {@link #energies(List)} gives every window a figure with its coverage
     */
    public double[] energiesJoules(List<TimeWindow> windows) {
        TimeWindow[] all = windows.toArray(new TimeWindow[0]);
        for (int i = 0; i < all.length; i++) {
            requireCovered(all[i], "windows[" + i + "]: ");
        }
        double[] joules = new double[all.length];
        int cursor = 0;
        for (int index : orderByStart(all)) {
            long start = all[index].startEpochNanos();
            long end = all[index].endEpochNanos();
            cursor = SortedTimes.lowerBoundFrom(epochNanos, start, cursor);
            int endLower = SortedTimes.lowerBoundFrom(epochNanos, end, cursor);
            int startUpper = SortedTimes.upperBound(epochNanos, start, cursor);
            joules[index] = wattNanos(start, end, startUpper, endLower) / NANOS_PER_SECOND;
        }
        return joules;
    }

    /**
     * Returns the energies of many windows with their coverages, each equal to {@link #energy(TimeWindow)} of that
     * window, in one pass over the windows ordered by start (see {@link #energiesJoules(List)}).
     *
     * @param windows the windows, in any order
     * @return one {@link WindowEnergy} per window, in the order of {@code windows}
     */
    public List<WindowEnergy> energies(List<TimeWindow> windows) {
        TimeWindow[] all = windows.toArray(new TimeWindow[0]);
        WindowEnergy[] result = new WindowEnergy[all.length];
        int cursor = 0;
        for (int index : orderByStart(all)) {
            long start = all[index].startEpochNanos();
            long end = all[index].endEpochNanos();
            cursor = SortedTimes.lowerBoundFrom(epochNanos, start, cursor);
            int endLower = SortedTimes.lowerBoundFrom(epochNanos, end, cursor);
            result[index] = energyAt(start, end, cursor, endLower);
        }
        return List.of(result);
    }

    /** The visiting order: identity if already sorted by start, else indices sorted by start (stable). */
    private static int[] orderByStart(TimeWindow[] windows) {
        int m = windows.length;
        long[] starts = new long[m];
        int[] order = new int[m];
        boolean sorted = true;
        for (int i = 0; i < m; i++) {
            starts[i] = windows[i].startEpochNanos();
            order[i] = i;
            sorted &= i == 0 || starts[i - 1] <= starts[i];
        }
        return sorted ? order : SortedTimes.sortIndices(order, starts);
    }

    private boolean isOutside(long start, long end) {
        int n = epochNanos.length;
        return n == 0 || end < epochNanos[0] || start > epochNanos[n - 1];
    }

    /**
     * The integral over {@code [start, end]} in W·ns, for a window that is not outside the trace.
     *
     * @param startUpper the first index with {@code t > start}
     * @param endLower the first index with {@code t ≥ end}
     */
    private double wattNanos(long start, long end, int startUpper, int endLower) {
        int last = epochNanos.length - 1;
        double held = 0;
        long from = start;
        long to = end;
        if (start < epochNanos[0]) {
            held += watts[0] * (double) (epochNanos[0] - start);
            from = epochNanos[0];
        }
        if (end > epochNanos[last]) {
            held += watts[last] * (double) (end - epochNanos[last]);
            to = epochNanos[last];
        }
        // Inside the trace, [from, to] with t[fromSegment] ≤ from and to ≤ t[toSample].
        int fromSegment = Math.max(0, startUpper - 1);
        int toSample = Math.min(last, endLower);
        return held + insideWattNanos(from, to, fromSegment, toSample);
    }

    private double insideWattNanos(long from, long to, int fromSegment, int toSample) {
        if (toSample <= fromSegment) {
            return 0; // from == to on a sample
        }
        double fromWatts = wattsIn(fromSegment, from);
        double toWatts = wattsIn(toSample - 1, to);
        if (toSample == fromSegment + 1) {
            return 0.5 * (fromWatts + toWatts) * (double) (to - from);
        }
        double head = 0.5 * (fromWatts + watts[fromSegment + 1]) * (double) (epochNanos[fromSegment + 1] - from);
        double body = cumulativeWattNanos[toSample - 1] - cumulativeWattNanos[fromSegment + 1];
        double tail = 0.5 * (watts[toSample - 1] + toWatts) * (double) (to - epochNanos[toSample - 1]);
        return head + body + tail;
    }

    /** Linear interpolation on segment {@code k}, for {@code t_k ≤ x ≤ t_{k+1}}; exact at the samples. */
    private double wattsIn(int k, long x) {
        long t0 = epochNanos[k];
        long t1 = epochNanos[k + 1];
        if (x == t0) {
            return watts[k];
        }
        if (x == t1) {
            return watts[k + 1];
        }
        return watts[k] + (watts[k + 1] - watts[k]) * ((double) (x - t0) / (double) (t1 - t0));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Coverage and power statistics

    /**
     * Returns how the samples cover a window, without computing anything else. O(log n) (the first call builds an
     * O(n) index of the sample spacings).
     *
     * @param window the window
     * @return the coverage
     */
    public WindowCoverage coverage(TimeWindow window) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        return coverage(start, end, SortedTimes.lowerBound(epochNanos, start), SortedTimes.lowerBound(epochNanos, end));
    }

    private WindowCoverage coverage(long start, long end, int startLower, int endLower) {
        int n = epochNanos.length;
        if (n == 0) {
            return new WindowCoverage(0, 0, givenNominalIntervalNanos, isNominalIntervalEstimated(), 0, 0, true);
        }
        GapIndex index = gaps();
        int startUpper = SortedTimes.upperBound(epochNanos, start, startLower);
        int endUpper = SortedTimes.upperBound(epochNanos, end, endLower);
        // Segments [t_i, t_{i+1}] with t_i < end and t_{i+1} > start.
        int firstSegment = Math.max(0, startUpper - 1);
        int lastSegment = Math.min(n - 2, endLower - 1);
        long largestGap = firstSegment <= lastSegment ? index.maxGapNanos(firstSegment, lastSegment) : 0;
        long first = epochNanos[0];
        long last = epochNanos[n - 1];
        long startExtrapolated = start < first ? Math.min(end, first) - start : 0;
        long endExtrapolated = end > last ? end - Math.max(start, last) : 0;
        return new WindowCoverage(
                endUpper - startLower,
                largestGap,
                nominalIntervalNanos(),
                isNominalIntervalEstimated(),
                startExtrapolated,
                endExtrapolated,
                isOutside(start, end));
    }

    /**
     * Returns the time-weighted mean power over a window ({@link PowerStatistic#TIME_WEIGHTED_MEAN}, the default).
     *
     * @param window the window
     * @return the power in watts with the window's coverage
     */
    public WindowPower power(TimeWindow window) {
        return power(window, PowerStatistic.TIME_WEIGHTED_MEAN);
    }

    /**
     * Returns one power figure over a window, computed with the given statistic. The sample statistics use the
     * samples with {@code start ≤ t ≤ end} exactly as the seed's scripts select them (docs/reference/seed-methodology.md §2.6, §2.7).
     * To reproduce the seed, build the trace from the log's as-stamped (floor-to-second) times, the second sample of
     * a stamp 1 ns after the first (a trace needs strictly increasing times), and watts = milliwatts / 1000: this
     * selects the seed's samples unless a window edge falls within a few nanoseconds after a whole second (aiperf's
     * edges have microseconds), and gives the seed's {@code median(mW)/1000} bit for bit for an odd count, its
     * {@code sum(mW)/len/1000} and even-count median to within 2 ulps (the seed works in integer milliwatts, we in
     * watts; the mean is summed with compensation so that it does not drift with the sample count). O(log n) for
     * {@link PowerStatistic#TIME_WEIGHTED_MEAN}, O(k) and O(k log k) for the mean and median of k samples.
     *
     * @param window the window
     * @param statistic the statistic (see {@link PowerStatistic} for the formulas and the NaN cases)
     * @return the power in watts with the window's coverage
     */
    public WindowPower power(TimeWindow window, PowerStatistic statistic) {
        long start = window.startEpochNanos();
        long end = window.endEpochNanos();
        int startLower = SortedTimes.lowerBound(epochNanos, start);
        int endLower = SortedTimes.lowerBound(epochNanos, end);
        WindowCoverage coverage = coverage(start, end, startLower, endLower);
        int from = startLower;
        int to = SortedTimes.upperBound(epochNanos, end, endLower);
        double value =
                switch (statistic) {
                    case TIME_WEIGHTED_MEAN -> timeWeightedMeanWatts(start, end, startLower, endLower);
                    case SAMPLE_MEAN -> sampleMeanWatts(from, to);
                    case SAMPLE_MEDIAN -> sampleMedianWatts(from, to);
                };
        return new WindowPower(value, statistic, coverage);
    }

    private double timeWeightedMeanWatts(long start, long end, int startLower, int endLower) {
        if (isOutside(start, end)) {
            return Double.NaN;
        }
        int startUpper = SortedTimes.upperBound(epochNanos, start, startLower);
        if (start == end) {
            // The limit of E / Δt as Δt → 0: the interpolated power at that instant.
            return startUpper > startLower ? watts[startLower] : wattsIn(startUpper - 1, start);
        }
        return wattNanos(start, end, startUpper, endLower) / (double) (end - start);
    }

    private double sampleMeanWatts(int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double w = watts[i];
            double next = sum + w;
            compensation += Math.abs(sum) >= Math.abs(w) ? (sum - next) + w : (w - next) + sum;
            sum = next;
        }
        return (sum + compensation) / (to - from);
    }

    private double sampleMedianWatts(int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        double[] values = Arrays.copyOfRange(watts, from, to);
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Combining traces

    /**
     * Returns the sum of several traces (e.g. the rails of a board without a total rail) on a common time base.
     *
     * <p>The time base is the <b>union</b> of the sample times of all traces, restricted to their <b>overlap</b>
     * {@code [max of first times, min of last times]}; at each of these times every trace is linearly interpolated
     * (exactly its sample where it has one) and the values are added in list order. Why: the sum of piecewise-linear
     * functions is piecewise linear with breaks at the union of their breaks, so on this base the sum trace is
     * exactly the sum of the traces as {@link #energyJoules(TimeWindow)} reads them, and the energy of the sum over
     * any window inside the overlap equals the sum of the energies (to rounding). An intersection of sample times
     * would lose samples and break that identity; outside the overlap some rail has no measurement, so the sum is
     * not extended there. Rails of one tegrastats log share their times exactly, so no interpolation happens at all.
     *
     * <p>Degenerate cases: an empty list, an empty trace in the list, or traces without overlap give an empty trace;
     * one trace gives an equal trace. The nominal interval is kept if every trace has the same given one, else it is
     * estimated.
     *
     * @param traces the traces to add
     * @return the sum on the common time base
     */
    public static PowerTrace sum(List<PowerTrace> traces) {
        PowerTrace[] all = traces.toArray(new PowerTrace[0]);
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (PowerTrace trace : all) {
            if (trace.isEmpty()) {
                return empty();
            }
            from = Math.max(from, trace.epochNanos[0]);
            to = Math.min(to, trace.epochNanos[trace.size() - 1]);
        }
        if (all.length == 0 || from > to) {
            return empty();
        }
        long[] times = unionOfTimes(all, from, to);
        double[] total = new double[times.length];
        for (PowerTrace trace : all) {
            int segment = SortedTimes.lowerBound(trace.epochNanos, from);
            for (int i = 0; i < times.length; i++) {
                long t = times[i];
                while (trace.epochNanos[segment] < t) {
                    segment++;
                }
                // trace.epochNanos[segment] is the first sample at or after t (it exists: t ≤ to).
                total[i] += trace.epochNanos[segment] == t ? trace.watts[segment] : trace.wattsIn(segment - 1, t);
            }
        }
        return ofValidated(times, total, commonGivenNominal(all));
    }

    private static long[] unionOfTimes(PowerTrace[] traces, long from, long to) {
        List<long[]> parts = new ArrayList<>(traces.length);
        int count = 0;
        for (PowerTrace trace : traces) {
            int lo = SortedTimes.lowerBound(trace.epochNanos, from);
            int hi = SortedTimes.upperBound(trace.epochNanos, to, SortedTimes.lowerBound(trace.epochNanos, to));
            long[] part = Arrays.copyOfRange(trace.epochNanos, lo, hi);
            parts.add(part);
            count += part.length;
        }
        long[] all = new long[count];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    private static long commonGivenNominal(PowerTrace[] traces) {
        long given = traces[0].givenNominalIntervalNanos;
        for (PowerTrace trace : traces) {
            if (trace.givenNominalIntervalNanos != given) {
                return 0;
            }
        }
        return given;
    }

    private static PowerTrace empty() {
        return new PowerTrace(new long[0], new double[0], new double[0], 0);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Two traces are equal if they have the same samples and the same given (or both estimated) nominal interval. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PowerTrace other
                && givenNominalIntervalNanos == other.givenNominalIntervalNanos
                && Arrays.equals(epochNanos, other.epochNanos)
                && Arrays.equals(watts, other.watts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(epochNanos) + Arrays.hashCode(watts))
                + Long.hashCode(givenNominalIntervalNanos);
    }

    @Override
    public String toString() {
        return "PowerTrace[" + size() + " samples"
                + (isEmpty() ? "" : ", " + epochNanos[0] + " .. " + epochNanos[epochNanos.length - 1] + " ns")
                + "]";
    }
}
