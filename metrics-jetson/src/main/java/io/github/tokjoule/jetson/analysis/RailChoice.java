package io.github.tokjoule.jetson.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Which power rail (or sum of rails) a sweep is analyzed on. The choice is recorded in every cell result
 * ({@code CellMetrics.rail()}) as the rail name, or the names joined by {@code +} for a sum.
 *
 * <ul>
 *   <li>{@link #defaultChoice()}: the seed's compute rail {@code VDD_CPU_GPU_CV} where the board has it (Orin Nano,
 *       Orin NX, Xavier NX), otherwise the board total of the log's board profile ({@code VDD_IN}, {@code
 *       POM_5V_IN}, {@code VIN}, or the sum of all rails on AGX boards, which print no total).
 *   <li>{@link #rail(String)}: one rail by name (case-insensitive); a cell whose log lacks it is flagged {@code
 *       RAIL_MISSING} and has no energies.
 *   <li>{@link #sum(String...)}: the sum of named rails on a common time base.
 *   <li>{@link #boardTotal()}: the board profile's total rail (or sum).
 *   <li>{@link #allRails()}: the sum of every rail the log prints (AGX Orin's usual total; double counts on boards
 *       whose rails nest, such as {@code VDD_IN ⊃ VDD_CPU_GPU_CV}).
 * </ul>
 *
 * @since 0.1.0
 */
public final class RailChoice {

    /** The seed's compute rail. */
    public static final String COMPUTE_RAIL = "VDD_CPU_GPU_CV";

    /** The kinds of choice. */
    public enum Kind {
        /** {@code VDD_CPU_GPU_CV} where present, else the board total. */
        COMPUTE_OR_BOARD_TOTAL,
        /** One named rail. */
        NAMED,
        /** The sum of named rails. */
        SUM,
        /** The board profile's total. */
        BOARD_TOTAL,
        /** The sum of every rail. */
        ALL_RAILS
    }

    private static final RailChoice DEFAULT = new RailChoice(Kind.COMPUTE_OR_BOARD_TOTAL, List.of());
    private static final RailChoice BOARD_TOTAL = new RailChoice(Kind.BOARD_TOTAL, List.of());
    private static final RailChoice ALL = new RailChoice(Kind.ALL_RAILS, List.of());

    private final Kind kind;
    private final List<String> names;

    private RailChoice(Kind kind, List<String> names) {
        this.kind = kind;
        this.names = names;
    }

    /** {@return the default: {@code VDD_CPU_GPU_CV} where present, else the board total} */
    public static RailChoice defaultChoice() {
        return DEFAULT;
    }

    /**
     * Returns the choice of one rail.
     *
     * @param name the rail name, e.g. {@code VDD_IN}; not blank
     * @return the choice
     * @throws IllegalArgumentException if the name is blank or contains {@code +}
     */
    public static RailChoice rail(String name) {
        return new RailChoice(Kind.NAMED, List.of(checkName(name)));
    }

    /**
     * Returns the choice of a sum of rails.
     *
     * @param names at least two distinct rail names
     * @return the choice
     * @throws IllegalArgumentException if fewer than two names, a blank name, or a repeated name (ignoring case)
     */
    public static RailChoice sum(String... names) {
        if (names.length < 2) {
            throw new IllegalArgumentException("a sum needs at least two rails: " + List.of(names));
        }
        List<String> upper = new java.util.ArrayList<>();
        for (String n : names) {
            String u = checkName(n);
            if (upper.contains(u)) {
                throw new IllegalArgumentException("rail " + n + " repeats in the sum " + List.of(names));
            }
            upper.add(u);
        }
        return new RailChoice(Kind.SUM, List.copyOf(upper));
    }

    /** {@return the board profile's total rail} */
    public static RailChoice boardTotal() {
        return BOARD_TOTAL;
    }

    /** {@return the sum of every rail the log prints} */
    public static RailChoice allRails() {
        return ALL;
    }

    /**
     * Parses a command-line form: {@code default}, {@code total}, {@code all}, a rail name, or names joined by
     * {@code +}.
     *
     * @param text the text
     * @return the choice
     * @throws IllegalArgumentException if the text is blank
     */
    public static RailChoice parse(String text) {
        String t = text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "default":
                return DEFAULT;
            case "total":
            case "board-total":
                return BOARD_TOTAL;
            case "all":
            case "sum":
                return ALL;
            default:
                if (t.contains("+")) {
                    return sum(t.split("\\+"));
                }
                return rail(t);
        }
    }

    private static String checkName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.contains("+")) {
            throw new IllegalArgumentException("not a rail name: \"" + name + "\"");
        }
        return n.toUpperCase(Locale.ROOT);
    }

    /** {@return the kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the rail names of a {@link Kind#NAMED} or {@link Kind#SUM} choice, in upper case; else empty} */
    public List<String> names() {
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RailChoice r && r.kind == kind && r.names.equals(names);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + names.hashCode();
    }

    /** {@return e.g. {@code default (VDD_CPU_GPU_CV, else board total)}, {@code VDD_IN}, {@code VDD_IN+VDD_SOC}} */
    @Override
    public String toString() {
        return switch (kind) {
            case COMPUTE_OR_BOARD_TOTAL -> "default (" + COMPUTE_RAIL + ", else board total)";
            case NAMED -> names.get(0);
            case SUM -> String.join("+", names);
            case BOARD_TOTAL -> "board total";
            case ALL_RAILS -> "sum of all rails";
        };
    }
}
