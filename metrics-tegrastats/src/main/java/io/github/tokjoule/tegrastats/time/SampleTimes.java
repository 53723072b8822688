package io.github.tokjoule.tegrastats.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The reconstructed time of every sample of a tegrastats log, in epoch nanoseconds, with its uncertainty.
 *
 * <p><b>From printed stamps</b> ({@link #fromStamps}, JetPack 5 and later): tegrastats prints local time to the
 * second, with no zone, and samples every {@code --interval} ms plus its own work, so two or three lines share a
 * second and the true period is a little longer than the interval. Each stamp {@code s_i} (resolved with the caller's
 * zone) says {@code s_i <= t_i < s_i + 1}. With {@code t_i = t0 + (q_i - q_0)·T} ({@code q} the sequence number,
 * which counts malformed lines too, since each was one sampling period) every stamp is a strip in the (t0, T) plane;
 * the feasible set of a run of samples is the convex polygon where the strips overlap. The fit keeps that polygon
 * sample by sample and restarts where it empties (period drift, a late sample), where a stamp goes backward
 * (restart of tegrastats), or where a stamp jumps further than any allowed period can explain (a pause): see
 * {@link TimeSegment} and {@link RestartReason}. A forward and a backward pass bound where each restart can lie; each
 * sample's time is the centre of the times its polygons allow, and its uncertainty the half-width of that range: the
 * largest error possible if the samples of its segment really were periodic within the stamp tolerance. Every
 * estimate is consistent with its own stamp (within the tolerance), and times are reported to the nanosecond.
 *
 * <p>Error reached on simulated logs of 3,000 samples at a nominal 500 ms with a period 1–6 % above it (see
 * {@code SampleTimesPropertyTest} and docs/TEGRASTATS.md): with a constant period the median error is 0.4 ms, the
 * 99th percentile 4.7 ms and every error lies within the reported uncertainty; with a period drifting by 1 ms per
 * sample the median is 3.3 ms and the 99th percentile 19 ms; adding pauses and lost lines the 99th percentile is
 * 46 ms, while samples just after a lost line can be off by up to one period. Under drift the uncertainty
 * understates the error (it describes the stamps, not the drift). A period exactly equal to an interval that divides
 * one second (500 ms, 1 s) gives the stamps no information about the phase within the interval: the uncertainty then
 * stays near half the interval, and says so.
 *
 * <p><b>Without stamps</b> ({@link #periodic}, JetPack 4 and earlier): {@code t_i = start + (q_i - q_0)·period} from
 * the caller's start instant and period; no uncertainty is known.
 *
 * @since 0.1.0
 */
public final class SampleTimes {

    /**
     * Marks an unstamped sample inside the package (the fit's own arrays); callers say which samples have stamps with
     * the {@code stamped} argument of {@link #fromStamps(long[], long[], BitSet, ZoneId, TimingOptions)}.
     */
    static final long NO_STAMP = Long.MIN_VALUE;

    /** How the times were obtained. */
    public enum Method {
        /** Fitted to printed stamps resolved with a zone. */
        STAMPS,
        /** Computed from a caller's start instant and period. */
        PERIODIC
    }

    private final Method method;
    private final long[] epochNanos;
    private final long @Nullable [] uncertaintyNanos;
    private final List<TimeSegment> segments;
    private final double referencePeriodSeconds;
    private final double estimatedPeriodSeconds;
    private final long ambiguousLocalTimes;
    private final long nonexistentLocalTimes;
    private final @Nullable ZoneId zone;

    private SampleTimes(
            Method method,
            long[] epochNanos,
            long @Nullable [] uncertaintyNanos,
            List<TimeSegment> segments,
            double referencePeriodSeconds,
            double estimatedPeriodSeconds,
            long ambiguousLocalTimes,
            long nonexistentLocalTimes,
            @Nullable ZoneId zone) {
        this.method = method;
        this.epochNanos = epochNanos;
        this.uncertaintyNanos = uncertaintyNanos;
        this.segments = segments;
        this.referencePeriodSeconds = referencePeriodSeconds;
        this.estimatedPeriodSeconds = estimatedPeriodSeconds;
        this.ambiguousLocalTimes = ambiguousLocalTimes;
        this.nonexistentLocalTimes = nonexistentLocalTimes;
        this.zone = zone;
    }

    /**
     * Reconstructs sample times from printed stamps, every sample stamped.
     *
     * @param sequences the sequence number of each sample ({@code TegrastatsSample.sequence()}), strictly increasing
     * @param localEpochSeconds each sample's printed stamp as seconds since 1970-01-01T00:00 <em>local</em> time
     *     ({@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)})
     * @param zone the zone the device's clock was set to; never the analyzing machine's default
     * @param options the period bounds and the stamp tolerance
     * @return the times; empty input gives an empty result
     * @throws IllegalArgumentException if the arrays differ in length or the sequences are not strictly increasing
     */
    public static SampleTimes fromStamps(
            long[] sequences, long[] localEpochSeconds, ZoneId zone, TimingOptions options) {
        BitSet all = new BitSet(localEpochSeconds.length);
        all.set(0, localEpochSeconds.length);
        return fromStamps(sequences, localEpochSeconds, all, zone, options);
    }

    /**
     * Reconstructs sample times from printed stamps, some samples unstamped (a log that mixes lines with and without
     * a stamp): unstamped samples are placed by the fit of their stamped neighbours.
     *
     * @param sequences the sequence number of each sample ({@code TegrastatsSample.sequence()}), strictly increasing
     * @param localEpochSeconds each sample's printed stamp as seconds since 1970-01-01T00:00 <em>local</em> time
     *     ({@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)}); the value of an unstamped sample is ignored
     * @param stamped bit {@code i} set when sample {@code i} has a printed stamp
     * @param zone the zone the device's clock was set to; never the analyzing machine's default
     * @param options the period bounds and the stamp tolerance
     * @return the times; empty input gives an empty result
     * @throws IllegalArgumentException if the arrays differ in length, the sequences are not strictly increasing, a
     *     bit is set at or beyond the arrays' length, or the input is not empty but has no stamp
     * @since 0.2.0
     */
    public static SampleTimes fromStamps(
            long[] sequences, long[] localEpochSeconds, BitSet stamped, ZoneId zone, TimingOptions options) {
        Objects.requireNonNull(zone, "zone");
        int n = checkSequences(sequences);
        if (localEpochSeconds.length != n) {
            throw new IllegalArgumentException(
                    "sequences and localEpochSeconds differ in length: " + n + " and " + localEpochSeconds.length);
        }
        if (stamped.length() > n) {
            throw new IllegalArgumentException(
                    "stamped has bit " + (stamped.length() - 1) + " set, beyond the " + n + " samples");
        }
        if (n == 0) {
            return new SampleTimes(
                    Method.STAMPS, new long[0], new long[0], List.of(), Double.NaN, Double.NaN, 0, 0, zone);
        }
        long[] local = new long[n];
        for (int i = 0; i < n; i++) {
            local[i] = stamped.get(i) ? localEpochSeconds[i] : NO_STAMP;
        }
        ZoneResolver resolver = new ZoneResolver();
        long[] seconds = resolver.resolve(local, zone);
        long origin = NO_STAMP;
        for (long s : seconds) {
            if (s != NO_STAMP) {
                origin = s;
                break;
            }
        }
        if (origin == NO_STAMP) {
            throw new IllegalArgumentException("no sample has a stamp; use SampleTimes.periodic");
        }
        double estimated = estimatePeriod(sequences, seconds);
        double reference = options.nominalIntervalNanos() > 0
                ? options.nominalIntervalNanos() / 1e9
                : (Double.isNaN(estimated) ? 1.0 : estimated);
        double tol = options.stampToleranceNanos() / 1e9;
        StampFit fit = StampFit.fit(
                sequences,
                seconds,
                reference * options.minPeriodFactor(),
                reference * options.maxPeriodFactor(),
                tol,
                origin);
        long[] times = new long[n];
        long[] uncertainty = new long[n];
        long originNanos = Math.multiplyExact(origin, 1_000_000_000L);
        for (int i = 0; i < n; i++) {
            times[i] = originNanos + Math.round(fit.estimate[i] * 1e9);
            uncertainty[i] = (long) Math.ceil(fit.halfWidth[i] * 1e9);
        }
        List<TimeSegment> segments = new ArrayList<>(fit.segments.size());
        for (StampFit.Segment s : fit.segments) {
            double[] c = s.polygon.centroid();
            segments.add(
                    new TimeSegment(s.first, s.last, s.reason, c[1], s.polygon.minY(), s.polygon.maxY(), s.stamped));
        }
        return new SampleTimes(
                Method.STAMPS,
                times,
                uncertainty,
                Collections.unmodifiableList(segments),
                reference,
                estimated,
                resolver.ambiguous,
                resolver.nonexistent,
                zone);
    }

    /**
     * Computes sample times from a start instant and a period: {@code t_i = start + (q_i - q_0)·period}.
     *
     * @param sequences the sequence number of each sample, strictly increasing
     * @param start the time of the first sample
     * @param period the sampling period (the real one, e.g. 522 ms for {@code --interval 500} on an AGX Orin)
     * @return the times, without uncertainty
     * @throws IllegalArgumentException if the sequences are not strictly increasing or the period is not positive
     * @throws ArithmeticException if a time overflows epoch nanoseconds
     */
    public static SampleTimes periodic(long[] sequences, Instant start, Duration period) {
        int n = checkSequences(sequences);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        long startNanos = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano());
        long periodNanos = period.toNanos();
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = Math.addExact(startNanos, Math.multiplyExact(sequences[i] - sequences[0], periodNanos));
        }
        double p = periodNanos / 1e9;
        return new SampleTimes(Method.PERIODIC, times, null, List.of(), p, Double.NaN, 0, 0, null);
    }

    private static int checkSequences(long[] sequences) {
        for (int i = 1; i < sequences.length; i++) {
            if (sequences[i] <= sequences[i - 1]) {
                throw new IllegalArgumentException("sequences must be strictly increasing: sequences[" + i + "] = "
                        + sequences[i] + " after " + sequences[i - 1]);
            }
        }
        return sequences.length;
    }

    /**
     * Sum of stamp increments over sum of sequence increments, over consecutive stamped samples whose increment is
     * not negative and at most {@code max(2 s, 3 × the median increment)} per period, so that restarts and pauses do
     * not count.
     */
    static double estimatePeriod(long[] sequences, long[] seconds) {
        long[] steps = new long[seconds.length];
        int m = 0;
        int last = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] == NO_STAMP) {
                continue;
            }
            if (last >= 0 && seconds[i] >= seconds[last]) {
                steps[m++] = seconds[i] - seconds[last];
            }
            last = i;
        }
        if (m == 0) {
            return Double.NaN;
        }
        long[] sorted = java.util.Arrays.copyOf(steps, m);
        java.util.Arrays.sort(sorted);
        long limit = Math.max(2, 3 * sorted[m / 2]);
        long sumSeconds = 0;
        long sumSequence = 0;
        last = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] == NO_STAMP) {
                continue;
            }
            if (last >= 0) {
                long ds = seconds[i] - seconds[last];
                long dq = sequences[i] - sequences[last];
                if (ds >= 0 && ds <= limit * dq) {
                    sumSeconds += ds;
                    sumSequence += dq;
                }
            }
            last = i;
        }
        if (sumSeconds == 0) {
            // every counted stamp in one second: the period is at most 1 s over the samples seen
            return 1.0 / (sumSequence + 1);
        }
        return (double) sumSeconds / sumSequence;
    }

    /** {@return how the times were obtained} */
    public Method method() {
        return method;
    }

    /** {@return the number of samples} */
    public int size() {
        return epochNanos.length;
    }

    /**
     * Returns the time of one sample.
     *
     * @param index {@code 0 <= index < size()}
     * @return epoch nanoseconds
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public long epochNanos(int index) {
        return epochNanos[index];
    }

    /** {@return a copy of every sample time, epoch nanoseconds} */
    public long[] epochNanos() {
        return epochNanos.clone();
    }

    /**
     * Returns the time of one sample as an {@link Instant}.
     *
     * @param index {@code 0 <= index < size()}
     * @return the instant
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Instant instant(int index) {
        return Instant.ofEpochSecond(0, epochNanos[index]);
    }

    /**
     * Returns the uncertainty of one sample time: the largest distance from the estimate to a time the fit allows.
     *
     * @param index {@code 0 <= index < size()}
     * @return nanoseconds, or empty for {@link Method#PERIODIC} times
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public OptionalLong uncertaintyNanos(int index) {
        if (uncertaintyNanos == null) {
            Objects.checkIndex(index, epochNanos.length);
            return OptionalLong.empty();
        }
        return OptionalLong.of(uncertaintyNanos[index]);
    }

    /** {@return the largest uncertainty over all samples, empty for periodic times or no samples} */
    public OptionalLong maxUncertaintyNanos() {
        if (uncertaintyNanos == null || uncertaintyNanos.length == 0) {
            return OptionalLong.empty();
        }
        long m = 0;
        for (long u : uncertaintyNanos) {
            m = Math.max(m, u);
        }
        return OptionalLong.of(m);
    }

    /** {@return the constant-period segments of the fit in order (empty for periodic times)} */
    public List<TimeSegment> segments() {
        return segments;
    }

    /**
     * Returns the number of restarts: segments after the first, by reason.
     *
     * @param reason the reason
     * @return how many segments start for that reason
     */
    public long restarts(RestartReason reason) {
        return segments.stream().filter(s -> s.reason() == reason).count();
    }

    /** {@return the period the bounds were built around (the nominal interval, or the estimate), in seconds} */
    public double referencePeriodSeconds() {
        return referencePeriodSeconds;
    }

    /**
     * Returns the mean period seen in the stamps: the sum of the stamp increments over the sum of the sequence
     * increments, over consecutive stamps that neither go backward nor jump by more than {@code max(2 s, 3 × the
     * median increment)} per period (restarts and pauses do not count). For the corpus AGX Orin log, {@code --interval 500}: 2147 s over
     * 4110 periods = 0.5224 s.
     *
     * @return seconds, NaN for periodic times or when fewer than two samples are stamped
     */
    public double estimatedPeriodSeconds() {
        return estimatedPeriodSeconds;
    }

    /** {@return how many stamps fell in a daylight-saving overlap (resolved to keep the samples in order)} */
    public long ambiguousLocalTimes() {
        return ambiguousLocalTimes;
    }

    /** {@return how many stamps do not exist in the zone (a daylight-saving gap): a sign of the wrong zone} */
    public long nonexistentLocalTimes() {
        return nonexistentLocalTimes;
    }

    /** {@return the zone the stamps were resolved with; empty for periodic times} */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    @Override
    public String toString() {
        return "SampleTimes[" + method + ", " + size() + " samples, " + segments.size() + " segments, period "
                + String.format(java.util.Locale.ROOT, "%.4f", estimatedPeriodSeconds) + " s]";
    }
}
