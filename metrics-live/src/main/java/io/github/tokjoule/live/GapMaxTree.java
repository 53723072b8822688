package io.github.tokjoule.live;

/**
 * The largest value over a range of ring slots in O(log n), updated in O(log n) without allocating: a bottom-up
 * segment tree over the slots of a {@link LiveTrace}, holding each sample's spacing to the sample before it.
 */
final class GapMaxTree {

    private final int leaves;
    private final long[] nodes;

    GapMaxTree(int capacity) {
        int size = 1;
        while (size < capacity) {
            size <<= 1;
        }
        this.leaves = size;
        this.nodes = new long[2 * size];
    }

    /** Sets the value of one slot. Called by the single writer. */
    void set(int slot, long value) {
        int i = slot + leaves;
        nodes[i] = value;
        for (i >>= 1; i >= 1; i >>= 1) {
            nodes[i] = Math.max(nodes[2 * i], nodes[2 * i + 1]);
        }
    }

    /**
     * Returns the largest value over the slots {@code from..to}, both included.
     *
     * @param from the first slot
     * @param to the last slot, not before {@code from}
     */
    long max(int from, int to) {
        long best = 0;
        int lo = from + leaves;
        int hi = to + leaves + 1;
        while (lo < hi) {
            if ((lo & 1) == 1) {
                best = Math.max(best, nodes[lo++]);
            }
            if ((hi & 1) == 1) {
                best = Math.max(best, nodes[--hi]);
            }
            lo >>= 1;
            hi >>= 1;
        }
        return best;
    }

    /** {@return the bytes this tree holds} */
    long bytes() {
        return 8L * nodes.length;
    }
}
