package io.github.tokjoule.core.power;

import java.util.Arrays;

/** Searches in a strictly increasing array of sample times. Package-private helper of {@link PowerTrace}. */
final class SortedTimes {

    private SortedTimes() {}

    /**
     * Returns the first index whose time is at or after {@code x} ({@code times.length} if none).
     *
     * @param times strictly increasing times
     * @param x the time searched for
     * @return the lower bound of {@code x}
     */
    static int lowerBound(long[] times, long x) {
        int found = Arrays.binarySearch(times, x);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Returns the same index as {@link #lowerBound(long[], long)}, searching forwards from {@code from} by doubling
     * steps (galloping), so that a sequence of increasing queries costs O(log distance) each.
     *
     * @param times strictly increasing times
     * @param x the time searched for
     * @param from an index known to be at or before the answer: every time before {@code from} is before {@code x}
     * @return the lower bound of {@code x}
     */
    static int lowerBoundFrom(long[] times, long x, int from) {
        int n = times.length;
        if (from >= n || times[from] >= x) {
            return from;
        }
        // Invariant: times[below] < x; the answer is in (below, above].
        int below = from;
        long step = 1;
        long above = from + 1L;
        while (above < n && times[(int) above] < x) {
            below = (int) above;
            step <<= 1;
            above = from + step;
        }
        int end = (int) Math.min(above, n);
        int found = Arrays.binarySearch(times, below + 1, end, x);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Returns the first index whose time is strictly after {@code x}, given its lower bound.
     *
     * @param times strictly increasing times
     * @param x the time
     * @param lowerBound {@code lowerBound(times, x)}
     * @return the upper bound of {@code x}
     */
    static int upperBound(long[] times, long x, int lowerBound) {
        return lowerBound < times.length && times[lowerBound] == x ? lowerBound + 1 : lowerBound;
    }

    /**
     * Sorts indices by their keys, stably (bottom-up merge sort on primitives: no boxing).
     *
     * @param indices the indices to sort, each a valid position in {@code keys}; may be overwritten
     * @param keys the key of each index
     * @return the sorted indices (either {@code indices} or a new array)
     */
    static int[] sortIndices(int[] indices, long[] keys) {
        int m = indices.length;
        int[] from = indices;
        int[] to = new int[m];
        for (long width = 1; width < m; width *= 2) {
            for (long lo = 0; lo < m; lo += 2 * width) {
                int mid = (int) Math.min(lo + width, m);
                int hi = (int) Math.min(lo + 2 * width, m);
                int left = (int) lo;
                int right = mid;
                for (int k = (int) lo; k < hi; k++) {
                    if (left < mid && (right >= hi || keys[from[left]] <= keys[from[right]])) {
                        to[k] = from[left++];
                    } else {
                        to[k] = from[right++];
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }
}
