package io.github.tokjoule.core.compare;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The winner of a best-of search together with its value (DESIGN §3.4): the seed's Table 13 ("best total tok/J per
 * model", the maximum over mode × prompt × generation) and Table 7's "peak tok/J" mode, returning the cell or the
 * mode that wins, not only the number.
 *
 * <p>Rules common to every search: items whose value is {@code NaN} are skipped (a failed cell); ties go to the first
 * item in iteration order; no items (or only {@code NaN}s) give an empty result.
 *
 * @param item the winning item
 * @param value its value
 * @param <T> the item type
 * @since 0.1.0
 */
public record Best<T>(T item, double value) {

    /**
     * Returns the item with the largest value.
     *
     * @param items the candidates
     * @param value extracts the value of an item
     * @param <T> the item type
     * @return the argmax with its value, or empty if there is no candidate with a value
     */
    public static <T> Optional<Best<T>> max(Iterable<? extends T> items, ToDoubleFunction<? super T> value) {
        return best(items, value, MetricDirection.HIGHER_IS_BETTER);
    }

    /**
     * Returns the item with the smallest value.
     *
     * @param items the candidates
     * @param value extracts the value of an item
     * @param <T> the item type
     * @return the argmin with its value, or empty if there is no candidate with a value
     */
    public static <T> Optional<Best<T>> min(Iterable<? extends T> items, ToDoubleFunction<? super T> value) {
        return best(items, value, MetricDirection.LOWER_IS_BETTER);
    }

    /**
     * Returns the item with the best value in the given direction.
     *
     * @param items the candidates
     * @param value extracts the value of an item
     * @param direction which way is better
     * @param <T> the item type
     * @return the best item with its value, or empty if there is no candidate with a value
     */
    public static <T> Optional<Best<T>> best(
            Iterable<? extends T> items, ToDoubleFunction<? super T> value, MetricDirection direction) {
        @Nullable Best<T> best = null;
        for (T item : items) {
            double v = value.applyAsDouble(item);
            if (!Double.isNaN(v) && (best == null || direction.isBetter(v, best.value()))) {
                best = new Best<>(item, v);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the key with the largest value: the seed's "peak mode" (Table 7: the power mode of highest tok/J at
     * the canonical cell) when given tok/J by mode label.
     *
     * @param valueByKey the values, e.g. tok/J by mode label; {@code NaN} values are skipped
     * @param <K> the key type
     * @return the key with its value, or empty if there is no value
     */
    public static <K> Optional<Best<K>> maxEntry(Map<K, Double> valueByKey) {
        return max(valueByKey.entrySet(), e -> e.getValue())
                .map(b -> new Best<>(b.item().getKey(), b.value()));
    }

    /**
     * Returns the peak mode: the mode label with the largest value (seed Table 7, "Peak tok/J").
     *
     * @param valueByMode the metric by mode label, e.g. output tok/J at the canonical cell
     * @return the mode label with its value, or empty if there is no value
     */
    public static Optional<Best<String>> peakMode(Map<String, Double> valueByMode) {
        return maxEntry(valueByMode);
    }
}
