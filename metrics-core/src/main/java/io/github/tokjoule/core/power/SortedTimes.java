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
}
