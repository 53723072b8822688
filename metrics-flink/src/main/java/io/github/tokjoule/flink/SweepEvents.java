package io.github.tokjoule.flink;

import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.jetson.analysis.CellJoinInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns one board's sweep, read by metrics-jetson exactly as the report reads it, into the board's event stream in
 * the order a live board would produce it: per power log, in the logs' time order, the requests of its cells, then
 * its samples. A cell that failed, or that has no power trace, becomes a {@link BoardEvent.Kind#FAILED_CELL} event
 * with the reason: the board's other samples must not be bridged across it.
 *
 * @since 0.2.0
 */
public final class SweepEvents {

    private SweepEvents() {}

    /**
     * Emits the events of one board's sweep.
     *
     * @param board the board's name
     * @param cells the sweep's cells ({@link io.github.tokjoule.jetson.analysis.SweepAnalysis#joinInputs})
     * @param out where the events go
     * @return the number of samples emitted
     */
    public static long emit(String board, List<CellJoinInput> cells, Consumer<BoardEvent> out) {
        Map<PowerTrace, List<CellJoinInput>> byTrace = new IdentityHashMap<>();
        List<PowerTrace> traces = new ArrayList<>();
        for (CellJoinInput c : cells) {
            if (c.failure().isPresent()) {
                out.accept(BoardEvent.failedCell(board, c.id(), c.failure().get()));
            } else if (c.trace().isEmpty() || c.trace().get().isEmpty()) {
                out.accept(BoardEvent.failedCell(
                        board, c.id(), "no power trace: " + c.powerProblem().orElse("the log has no sample")));
            } else {
                PowerTrace t = c.trace().get();
                byTrace.computeIfAbsent(t, k -> {
                            traces.add(k);
                            return new ArrayList<>();
                        })
                        .add(c);
            }
        }
        traces.sort(Comparator.comparingLong(t -> t.epochNanosAt(0)));
        long samples = 0;
        for (PowerTrace t : traces) {
            for (CellJoinInput c : byTrace.getOrDefault(t, List.of())) {
                for (RequestTimeline r : c.requests()) {
                    out.accept(BoardEvent.request(board, c.id(), c.rail(), r));
                }
            }
            long interval = t.nominalIntervalNanos();
            // cells that share a trace share its sensor delay (a dense hwmon.csv's, else 0)
            long delay = byTrace.getOrDefault(t, List.of()).stream()
                    .mapToLong(CellJoinInput::sensorDelayNanos)
                    .max()
                    .orElse(0);
            for (int i = 0; i < t.size(); i++) {
                out.accept(BoardEvent.sample(board, t.epochNanosAt(i), t.wattsAt(i), interval, delay));
            }
            samples += t.size();
        }
        return samples;
    }
}
