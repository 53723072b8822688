package io.github.tokjoule.core.power;

import java.util.Arrays;

/**
 * The spacings between consecutive samples of a trace: a range-maximum tree over them (largest gap touching a window
 * in O(log n)) and their median (the estimated nominal interval). Built lazily by {@link PowerTrace} the first time
 * a coverage is asked for, so that traces used only for energies do not pay for it.
 */
final class GapIndex {

    /** Bottom-up segment tree: leaves at {@code [size, 2·size)}, node {@code i} holds the max of its children. */
    private final long[] tree;

    private final int size;
    private final long medianGapNanos;

    private GapIndex(long[] tree, int size, long medianGapNanos) {
        this.tree = tree;
        this.size = size;
        this.medianGapNanos = medianGapNanos;
    }

    static GapIndex of(long[] epochNanos) {
        int size = Math.max(0, epochNanos.length - 1);
        long[] tree = new long[2 * size];
        for (int i = 0; i < size; i++) {
            tree[size + i] = epochNanos[i + 1] - epochNanos[i];
        }
        for (int i = size - 1; i >= 1; i--) {
            tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
        }
        return new GapIndex(tree, size, median(Arrays.copyOfRange(tree, size, 2 * size)));
    }

    /** The median spacing in ns, the mean of the two middle ones rounded down when even; 0 without spacings. */
    private static long median(long[] gaps) {
        if (gaps.length == 0) {
            return 0;
        }
        Arrays.sort(gaps);
        int mid = gaps.length / 2;
        if (gaps.length % 2 == 1) {
            return gaps[mid];
        }
        long low = gaps[mid - 1];
        return low + (gaps[mid] - low) / 2;
    }

    /** {@return the median spacing between consecutive samples in ns, 0 for fewer than two samples} */
    long medianGapNanos() {
        return medianGapNanos;
    }

    /**
     * Returns the largest spacing {@code t[i+1] - t[i]} for {@code first <= i <= last}.
     *
     * @param first the first gap index, not negative
     * @param last the last gap index, at least {@code first}, below the number of gaps
     * @return the largest gap in ns
     */
    long maxGapNanos(int first, int last) {
        long max = 0;
        int lo = first + size;
        int hi = last + 1 + size;
        while (lo < hi) {
            if ((lo & 1) == 1) {
                max = Math.max(max, tree[lo++]);
            }
            if ((hi & 1) == 1) {
                max = Math.max(max, tree[--hi]);
            }
            lo >>= 1;
            hi >>= 1;
        }
        return max;
    }
}
