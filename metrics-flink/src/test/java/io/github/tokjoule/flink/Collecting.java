package io.github.tokjoule.flink;

import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs {@link BoardJoin}s without Flink and keeps what they emit. */
final class Collecting implements BoardJoin.Output {

    /** Synchronized: a running job hands its results over from two threads ({@link Following}). */
    final List<CellFigures> cells = Collections.synchronizedList(new ArrayList<>());

    final List<BoardNotice> notices = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void cell(CellFigures cell) {
        cells.add(cell);
    }

    @Override
    public void notice(BoardNotice notice) {
        notices.add(notice);
    }

    /** Feeds one board's events in the given order to the per-request estimator, then ends the input. */
    static Collecting run(String board, JoinSettings settings, List<BoardEvent> events) {
        return run(board, settings, events, EnergyEstimators.perRequest());
    }

    /** Feeds one board's events in the given order to an estimator, then ends the input. */
    static Collecting run(String board, JoinSettings settings, List<BoardEvent> events, EnergyEstimator estimator) {
        Collecting out = new Collecting();
        BoardJoin join = new BoardJoin(board, settings);
        for (BoardEvent e : events) {
            join.accept(e, estimator, out);
        }
        join.finish(estimator, out);
        return out;
    }

    BoardNotice summary() {
        return notices.stream()
                .filter(n -> n.kind() == BoardNotice.Kind.SUMMARY)
                .findFirst()
                .orElseThrow();
    }

    List<BoardNotice> silences() {
        return notices.stream().filter(n -> n.kind() == BoardNotice.Kind.SILENT).toList();
    }
}
