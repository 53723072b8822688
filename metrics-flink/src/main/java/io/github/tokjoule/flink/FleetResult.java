package io.github.tokjoule.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a bounded fleet run produced: every board × cell, and every notice.
 *
 * @param cells the cells, sorted by board, mode, model, prompt and generation length
 * @param notices the notices, sorted by board, kind and time
 * @since 0.2.0
 */
public record FleetResult(List<CellFigures> cells, List<BoardNotice> notices) {

    /** The cells' order: board, mode, model, target prompt length, target generation length. */
    public static final Comparator<CellFigures> CELL_ORDER = Comparator.comparing(CellFigures::board)
            .thenComparing(c -> c.cell().modeLabel())
            .thenComparing(c -> c.cell().model())
            .thenComparingInt(c -> c.cell().targetInputTokens())
            .thenComparingInt(c -> c.cell().targetOutputTokens());

    /** Sorts copies of the lists. */
    public FleetResult {
        List<CellFigures> c = new ArrayList<>(cells);
        c.sort(CELL_ORDER);
        cells = List.copyOf(c);
        List<BoardNotice> n = new ArrayList<>(notices);
        n.sort(Comparator.comparing(BoardNotice::board)
                .thenComparing(BoardNotice::kind)
                .thenComparingLong(BoardNotice::fromEpochNanos));
        notices = List.copyOf(n);
    }

    /**
     * Returns the notices of one kind.
     *
     * @param kind the kind
     * @return those notices, in order
     */
    public List<BoardNotice> notices(BoardNotice.Kind kind) {
        return notices.stream().filter(n -> n.kind() == kind).toList();
    }

    /** {@return the samples all boards had accepted, from their summaries} */
    public long samples() {
        return notices(BoardNotice.Kind.SUMMARY).stream()
                .mapToLong(BoardNotice::samples)
                .sum();
    }
}
