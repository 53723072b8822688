package io.github.tokjoule.core.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto front of (throughput, efficiency) points, both maximised (DESIGN §3.4; the seed calls 25 W
 * "Pareto-optimal"): the points no other point dominates, where {@code p} dominates {@code q} if
 * {@code p.throughput ≥ q.throughput}, {@code p.efficiency ≥ q.efficiency} and at least one is strictly greater.
 * Every point off the front is dominated by a point on it. Identical points are either all on the front or all off.
 *
 * <p>To minimise a coordinate (a latency), pass its negative or its reciprocal. Computed in O(n log n) by a sort and
 * one sweep.
 *
 * @param <T> the payload type
 * @since 0.1.0
 */
public final class ParetoFront<T> {

    private final List<ParetoPoint<T>> points;
    private final List<ParetoPoint<T>> members;
    private final List<ParetoPoint<T>> dominated;

    private ParetoFront(List<ParetoPoint<T>> points, List<ParetoPoint<T>> members, List<ParetoPoint<T>> dominated) {
        this.points = points;
        this.members = members;
        this.dominated = dominated;
    }

    /**
     * Computes the front of the given items.
     *
     * @param items the items, e.g. cells
     * @param throughput extracts the throughput of an item (finite)
     * @param efficiency extracts the efficiency of an item (finite)
     * @param <T> the payload type
     * @return the front
     * @throws IllegalArgumentException if a coordinate is NaN or infinite (leave failed cells out first)
     */
    public static <T> ParetoFront<T> of(
            Collection<? extends T> items,
            ToDoubleFunction<? super T> throughput,
            ToDoubleFunction<? super T> efficiency) {
        List<ParetoPoint<T>> points = new ArrayList<>(items.size());
        for (T item : items) {
            points.add(new ParetoPoint<>(item, throughput.applyAsDouble(item), efficiency.applyAsDouble(item)));
        }
        return ofPoints(points);
    }

    /**
     * Computes the front of the given points.
     *
     * @param points the points
     * @param <T> the payload type
     * @return the front
     */
    public static <T> ParetoFront<T> ofPoints(List<ParetoPoint<T>> points) {
        List<ParetoPoint<T>> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<ParetoPoint<T>>comparingDouble(ParetoPoint::throughput)
                .thenComparingDouble(ParetoPoint::efficiency)
                .reversed());
        List<ParetoPoint<T>> front = new ArrayList<>();
        // Sweep groups of equal throughput from the highest; a point survives if it has the best efficiency of its
        // group and beats every efficiency seen at a strictly higher throughput.
        double bestAbove = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < sorted.size()) {
            double x = sorted.get(i).throughput();
            double groupBest = sorted.get(i).efficiency();
            int j = i;
            while (j < sorted.size() && sorted.get(j).throughput() == x) {
                ParetoPoint<T> p = sorted.get(j);
                if (p.efficiency() == groupBest && groupBest > bestAbove) {
                    front.add(p);
                }
                j++;
            }
            bestAbove = Math.max(bestAbove, groupBest);
            i = j;
        }
        Set<ParetoPoint<T>> onFront = Collections.newSetFromMap(new IdentityHashMap<>());
        onFront.addAll(front);
        List<ParetoPoint<T>> off = new ArrayList<>();
        for (ParetoPoint<T> p : points) {
            if (!onFront.contains(p)) {
                off.add(p);
            }
        }
        return new ParetoFront<>(List.copyOf(points), List.copyOf(front), List.copyOf(off));
    }

    /** {@return every point, in input order} */
    public List<ParetoPoint<T>> points() {
        return points;
    }

    /** {@return the points on the front, by decreasing throughput (so by increasing efficiency)} */
    public List<ParetoPoint<T>> members() {
        return members;
    }

    /** {@return the points off the front, each dominated by a member, in input order} */
    public List<ParetoPoint<T>> dominated() {
        return dominated;
    }

    /**
     * Tells whether an item is on the front (compared with {@code equals}).
     *
     * @param item the item
     * @return {@code true} if a member carries this item
     */
    public boolean isMember(T item) {
        for (ParetoPoint<T> p : members) {
            if (p.item().equals(item)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ParetoFront{members=" + members + ", dominated=" + dominated.size() + "}";
    }
}
