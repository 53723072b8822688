package io.github.tokjoule.benchmarks.fleet;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.flink.BoardEvent;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * A synthetic fleet, generated where it is consumed (no file, no parser in the measurement): each board samples its
 * power at 10 Hz for {@code seconds} and serves one request every 6 s (0.5 s prefill, 3.5 s decode, 64 → 128
 * tokens), in a new cell every 10 minutes. Events come in the order a live board sends them: samples as taken, each
 * request when it ends. Power is a deterministic wave (3–9 W) so that runs are repeatable.
 */
final class SyntheticFleet implements FlatMapFunction<Long, BoardEvent> {

    private static final long serialVersionUID = 1L;
    static final long STEP = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_780_000_000L * SECOND;

    private final int seconds;

    SyntheticFleet(int seconds) {
        this.seconds = seconds;
    }

    /** {@return the samples of one board} */
    long samplesPerBoard() {
        return seconds * 10L + 1;
    }

    @Override
    public void flatMap(Long board, Collector<BoardEvent> out) {
        board(board, out::collect);
    }

    void board(long index, Consumer<BoardEvent> out) {
        String board = "board-" + index;
        long nextRequest = 1;
        for (long k = 0; k <= seconds * 10L; k++) {
            long t = START + k * STEP;
            double w = 6 + 3 * Math.sin(k * 0.0731 + index);
            out.accept(BoardEvent.sample(board, t, w, STEP));
            // a request that started at s seconds ends at s + 4 s: sent once the sample at its end is out
            long s = nextRequest;
            if (k == (s + 4) * 10 && s + 4 <= seconds) {
                int cell = (int) (s / 600);
                long start = START + s * SECOND;
                out.accept(BoardEvent.request(
                        board,
                        CellId.of("model-" + (cell % 8), "25W", "llama.cpp", 64, 128 + cell),
                        "VDD_CPU_GPU_CV",
                        RequestTimeline.succeeded(start, start + SECOND / 2, start + 4 * SECOND, 64, 128)));
                nextRequest += 6;
            }
        }
    }
}
