package io.github.tokjoule.live.source;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late a periodic sampler woke for each deadline, counted in 100 µs bins up to 50 ms (one overflow bin above).
 * Recording allocates nothing; readers may read while the sampler records.
 *
 * @since 0.2.0
 */
public final class JitterHistogram {

    /** The width of one bin in nanoseconds. */
    public static final long BIN_NANOS = 100_000L;

    private static final int BINS = 500;

    private final AtomicLongArray counts = new AtomicLongArray(BINS + 1);

    JitterHistogram() {}

    /** Records one lateness; a negative value (early) counts as 0. */
    void record(long latenessNanos) {
        long bin = Math.max(0, latenessNanos) / BIN_NANOS;
        counts.incrementAndGet((int) Math.min(BINS, bin));
    }

    /** {@return the number of deadlines recorded} */
    public long total() {
        long sum = 0;
        for (int i = 0; i <= BINS; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /**
     * Returns the fraction of deadlines met within a lateness, counting whole bins ({@code limit} is rounded down to
     * a multiple of {@link #BIN_NANOS}).
     *
     * @param limitNanos the lateness limit in ns
     * @return the fraction in [0, 1]; NaN before the first deadline
     */
    public double fractionWithin(long limitNanos) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        long within = 0;
        int bins = (int) Math.min(BINS, Math.max(0, limitNanos) / BIN_NANOS);
        for (int i = 0; i < bins; i++) {
            within += counts.get(i);
        }
        return (double) within / total;
    }

    /**
     * Returns the upper edge of the bin that holds the given quantile of the lateness.
     *
     * @param q the quantile in [0, 1]
     * @return the lateness in ns, a multiple of {@link #BIN_NANOS}; {@code Long.MAX_VALUE} when it falls in the
     *     overflow bin (over 50 ms); NaN is not possible: 0 before the first deadline
     */
    public long quantileUpperNanos(double q) {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return (i + 1) * BIN_NANOS;
            }
        }
        return Long.MAX_VALUE;
    }

    /** {@return the counts per bin (index i: lateness in [i, i+1) × 100 µs; the last is the overflow)} */
    public long[] counts() {
        long[] copy = new long[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            copy[i] = counts.get(i);
        }
        return copy;
    }
}
