package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.RequestTimeline;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic board whose power is a ramp, {@code P(t) = 5 W + 0.5 W/s · t} (t in seconds since the board's start),
 * sampled every 100 ms: the trapezoid rule is exact for a straight line, so every request's true energy is known in
 * closed form, {@code E = 5 (e − s) + 0.25 (e² − s²)} joules.
 *
 * <p>Requests: one every 2 s from t = 1 s, each 1.5 s long, first token after 0.3 s, 100 input and 50 output tokens,
 * all in one cell.
 */
final class Ramp {

    static final CellId CELL = CellId.of("ramp-model", "25W", "llama.cpp", 128, 64);
    static final long STEP_NANOS = 100_000_000L;
    static final long SECOND = 1_000_000_000L;

    private Ramp() {}

    static double watts(double seconds) {
        return 5 + 0.5 * seconds;
    }

    /** The true energy of {@code [s, e]} seconds since the board's start. */
    static double trueJoules(double s, double e) {
        return 5 * (e - s) + 0.25 * (e * e - s * s);
    }

    /** Samples from 0 to {@code seconds} inclusive, at the board's clock {@code startNanos}. */
    static List<BoardEvent> samples(String board, long startNanos, int seconds) {
        List<BoardEvent> out = new ArrayList<>();
        for (long k = 0; k <= seconds * 10L; k++) {
            out.add(BoardEvent.sample(board, startNanos + k * STEP_NANOS, watts(k / 10.0), STEP_NANOS));
        }
        return out;
    }

    /** The requests that start at 1, 3, 5 … s and end before {@code seconds}. */
    static List<BoardEvent> requests(String board, long startNanos, int seconds) {
        List<BoardEvent> out = new ArrayList<>();
        for (long s = 1; s + 2 <= seconds; s += 2) {
            long start = startNanos + s * SECOND;
            out.add(BoardEvent.request(
                    board,
                    CELL,
                    "VDD_CPU_GPU_CV",
                    RequestTimeline.succeeded(start, start + 300_000_000L, start + 1_500_000_000L, 100, 50)));
        }
        return out;
    }

    /** The requests first, then the samples: the order a sweep's reader emits a cell in. */
    static List<BoardEvent> board(String board, long startNanos, int seconds) {
        List<BoardEvent> out = new ArrayList<>(requests(board, startNanos, seconds));
        out.addAll(samples(board, startNanos, seconds));
        return out;
    }

    /** The true total energy of the requests of {@link #requests} that lie in {@code [0, coveredSeconds]}. */
    static double trueTotalJoules(int seconds, int coveredSeconds) {
        double sum = 0;
        for (long s = 1; s + 2 <= seconds; s += 2) {
            if (s + 1.5 <= coveredSeconds) {
                sum += trueJoules(s, s + 1.5);
            }
        }
        return sum;
    }
}
