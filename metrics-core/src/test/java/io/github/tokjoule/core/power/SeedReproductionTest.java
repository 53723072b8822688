package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SAMPLE_MEAN and SAMPLE_MEDIAN against a replica of the seed's arithmetic (docs/reference/seed-methodology.md §2.6, §2.7): samples
 * are integer milliwatts with 1-s stamps (two samples per second), the window is {@code t0 <= ep <= t1}, the mean is
 * {@code sum(mw) / len(samps) / 1000} (Python: exact integer sum, correctly rounded true division) and the median is
 * {@code float(np.median(mw)) / 1000}.
 */
class SeedReproductionTest {

    private static final long T0 = 1_760_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    /** Python {@code sum(ints) / n / 1000}: the integer sum is exact (well below 2^53), each division rounds once. */
    private static double seedMean(long[] milliwatts) {
        long sum = 0;
        for (long mw : milliwatts) {
            sum += mw;
        }
        return (double) sum / milliwatts.length / 1000;
    }

    /** numpy: middle value, or the float mean of the two middle ints; then / 1000. */
    private static double seedMedian(long[] milliwatts) {
        long[] sorted = milliwatts.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : ((double) sorted[mid - 1] + (double) sorted[mid]) / 2;
        return median / 1000;
    }

    @Test
    void handExample() {
        // 5 samples inside [1 s, 3 s] of 6 (two per stamped second): 4000, 4100, 4300, 5000, 5000 mW (the sample
        // at 3.5 s is out). Mean = 22400 / 5 / 1000 = 4.48 W; median = 4300 / 1000 = 4.3 W.
        long[] t = {T0, T0 + S, T0 + S + 1, T0 + 2 * S, T0 + 2 * S + 1, T0 + 3 * S, T0 + 3 * S + 1};
        double[] w = {9.0, 4.0, 4.1, 4.3, 5.0, 5.0, 9.0};
        PowerTrace trace = PowerTrace.of(t, w);
        TimeWindow window = TimeWindow.of(T0 + S, T0 + 3 * S);
        // The seed divides exact integers (22400 / 5 = 4480, / 1000 → 4.48); we add 4.1 and 4.3, which are not
        // exact in binary, so the mean is 4.48 to within the documented 2 ulps, not always bit for bit.
        double mean = trace.power(window, PowerStatistic.SAMPLE_MEAN).watts();
        assertThat(Math.abs(mean - 4.48)).isLessThanOrEqualTo(2 * Math.ulp(4.48));
        // An odd count: the median is the middle sample itself, 4300 / 1000 = 4.3 in both.
        assertThat(trace.power(window, PowerStatistic.SAMPLE_MEDIAN).watts()).isEqualTo(4.3);
    }

    @Test
    void matchesTheSeedOnIntegerMilliwatts() {
        qt().forAll(
                        lists().of(integers().between(0, 25_000)).ofSizeBetween(1, 80),
                        integers().between(0, 90),
                        integers().between(0, 90))
                .checkAssert((mw, a, b) -> {
                    // Two samples per 1-s stamp (tegrastats at 500 ms with second-resolution stamps); in the trace
                    // the second sample of a stamp is 1 ns later, since a trace needs strictly increasing times.
                    // Window edges have microseconds, like aiperf's start_time/end_time.
                    int n = mw.size();
                    long[] t = new long[n];
                    double[] w = new double[n];
                    for (int i = 0; i < n; i++) {
                        t[i] = stampNanos(i) + (i % 2);
                        w[i] = mw.get(i) / 1000.0;
                    }
                    PowerTrace trace = PowerTrace.of(t, w);
                    long from = T0 + Math.min(a, b) * S / 2 + 123_456_000L;
                    long to = T0 + Math.max(a, b) * S / 2 + 123_456_000L;
                    long[] inside = selectSeedStyle(mw, from, to);
                    TimeWindow window = TimeWindow.of(from, to);
                    double mean =
                            trace.power(window, PowerStatistic.SAMPLE_MEAN).watts();
                    double median =
                            trace.power(window, PowerStatistic.SAMPLE_MEDIAN).watts();
                    if (inside.length == 0) {
                        assertThat(mean).isNaN();
                        assertThat(median).isNaN();
                        return;
                    }
                    double seedMean = seedMean(inside);
                    double seedMedian = seedMedian(inside);
                    assertThat(Math.abs(mean - seedMean)).isLessThanOrEqualTo(2 * Math.ulp(seedMean));
                    if (inside.length % 2 == 1) {
                        assertThat(median).isEqualTo(seedMedian);
                    } else {
                        assertThat(Math.abs(median - seedMedian)).isLessThanOrEqualTo(2 * Math.ulp(seedMedian));
                    }
                });
    }

    /** The seed's time of sample {@code i}: its 1-s stamp. */
    private static long stampNanos(int i) {
        return T0 + (i / 2) * S;
    }

    /** The seed's {@code [s for s in tegra if t0 <= s.ep <= t1]} on the stamps. */
    private static long[] selectSeedStyle(List<Integer> mw, long from, long to) {
        return IntStream.range(0, mw.size())
                .filter(i -> from <= stampNanos(i) && stampNanos(i) <= to)
                .mapToLong(mw::get)
                .toArray();
    }
}
