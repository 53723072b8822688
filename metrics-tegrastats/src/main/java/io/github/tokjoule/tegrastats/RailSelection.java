package io.github.tokjoule.tegrastats;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which rail, or which sum of rails, makes a power trace: one rail by name, an explicit sum, every rail printed, or
 * the first of several alternatives whose rails the log has (for boards whose rail names changed between releases).
 *
 * <p>Rail names are matched with their printed case. A rail printed twice in one line (AGX Orin R35 prints
 * {@code NC} twice) appears in a {@link TegrastatsLog} as {@code NC} and {@code NC#2}.
 *
 * @since 0.1.0
 */
public final class RailSelection {

    private enum Kind {
        NAMED,
        ALL,
        FIRST_PRESENT
    }

    private final Kind kind;
    private final List<String> names;
    private final List<RailSelection> alternatives;

    private RailSelection(Kind kind, List<String> names, List<RailSelection> alternatives) {
        this.kind = kind;
        this.names = names;
        this.alternatives = alternatives;
    }

    /**
     * Selects one rail.
     *
     * @param name the rail name as printed, e.g. {@code "VDD_IN"}
     * @return the selection
     * @throws IllegalArgumentException if the name is blank
     */
    public static RailSelection rail(String name) {
        return sum(List.of(name));
    }

    /**
     * Selects the sum of several rails; a sample lacking any of them is left out of the trace and reported.
     *
     * @param names the rail names, at least one, no duplicates
     * @return the selection
     * @throws IllegalArgumentException if no name is given, a name is blank, or a name repeats
     */
    public static RailSelection sum(String... names) {
        return sum(Arrays.asList(names));
    }

    /**
     * Selects the sum of several rails.
     *
     * @param names the rail names, at least one, no duplicates
     * @return the selection
     * @throws IllegalArgumentException if no name is given, a name is blank, or a name repeats
     */
    public static RailSelection sum(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must not be empty");
        }
        for (int i = 0; i < names.size(); i++) {
            String n = Objects.requireNonNull(names.get(i), "names");
            if (n.isBlank()) {
                throw new IllegalArgumentException("rail name must not be blank: '" + n + "'");
            }
            if (names.subList(0, i).contains(n)) {
                throw new IllegalArgumentException("rail name repeated: " + n);
            }
        }
        return new RailSelection(Kind.NAMED, List.copyOf(names), List.of());
    }

    /**
     * Selects the sum of every rail the log prints (every distinct name seen in any sample). Used for boards that
     * print no input rail (AGX Orin, AGX Xavier): an approximation of the module power, not the wall power.
     *
     * @return the selection
     */
    public static RailSelection allRails() {
        return new RailSelection(Kind.ALL, List.of(), List.of());
    }

    /**
     * Selects the first alternative whose rails all appear in the log, or the first alternative when none does (so
     * that the missing rails are reported rather than silently replaced).
     *
     * @param alternatives rail or sum selections, at least one
     * @return the selection
     * @throws IllegalArgumentException if there is no alternative or one is not a rail or a sum
     */
    public static RailSelection firstPresent(RailSelection... alternatives) {
        if (alternatives.length == 0) {
            throw new IllegalArgumentException("alternatives must not be empty");
        }
        for (RailSelection a : alternatives) {
            if (a.kind != Kind.NAMED) {
                throw new IllegalArgumentException("an alternative must be a rail or a sum of rails: " + a);
            }
        }
        return new RailSelection(Kind.FIRST_PRESENT, List.of(), List.of(alternatives));
    }

    /**
     * Returns the rail names this selection sums for a log with the given rail names.
     *
     * @param railsInLog the rail names the log prints
     * @return the names to sum, in selection order (for {@link #allRails()}: the log's order)
     */
    public List<String> resolve(Collection<String> railsInLog) {
        return switch (kind) {
            case ALL -> List.copyOf(railsInLog);
            case FIRST_PRESENT ->
                alternatives.stream()
                        .filter(a -> railsInLog.containsAll(a.names))
                        .findFirst()
                        .orElse(alternatives.get(0))
                        .names;
            case NAMED -> names;
        };
    }

    /** {@return e.g. {@code VDD_IN}, {@code VDD_CPU+VDD_GPU}, {@code all rails}, {@code first of [..]}} */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all rails";
            case FIRST_PRESENT -> "first present of " + alternatives;
            case NAMED -> String.join("+", names);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RailSelection r
                && kind == r.kind
                && names.equals(r.names)
                && alternatives.equals(r.alternatives);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, names, alternatives);
    }
}
