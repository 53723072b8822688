package io.github.tokjoule.core.power;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of traces and windows near them. */
final class TraceGenerators {

    /** Around 2023–2027 in epoch nanoseconds: values that do not fit exactly in a double. */
    static final long EPOCH_2024 = 1_700_000_000_000_000_000L;

    private TraceGenerators() {}

    /** Traces of 1 to {@code maxSize} samples, spacings of 1 ns to 3 s, power 0 to 50 W. */
    static Gen<PowerTrace> traces(int maxSize) {
        Gen<Long> base = longs().between(EPOCH_2024 - 100_000_000_000_000_000L, EPOCH_2024 + 100_000_000_000_000_000L);
        Gen<List<Long>> gaps = lists().of(longs().between(1, 3_000_000_000L)).ofSizeBetween(0, maxSize - 1);
        Gen<List<Double>> power = lists().of(doubles().between(0, 50)).ofSize(maxSize);
        return base.zip(gaps, power, TraceGenerators::trace);
    }

    private static PowerTrace trace(long base, List<Long> gaps, List<Double> power) {
        long[] t = new long[gaps.size() + 1];
        double[] w = new double[t.length];
        t[0] = base;
        w[0] = power.get(0);
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + gaps.get(i - 1);
            w[i] = power.get(i);
        }
        return PowerTrace.of(t, w);
    }

    /**
     * Positions of window edges relative to a trace: a code that is either a sample index (exact hits on samples)
     * or a fraction of the span from −30 % to +130 % (between samples, and beyond the trace).
     */
    static Gen<Integer> positions() {
        return integers().between(-1000, 1600);
    }

    /** Maps a {@link #positions()} code to an instant near the trace. */
    static long at(PowerTrace trace, int code) {
        int n = trace.size();
        if (code < 0) {
            return trace.epochNanosAt(Math.floorMod(code, n));
        }
        long first = trace.epochNanosAt(0);
        long span = Math.max(trace.epochNanosAt(n - 1) - first, 1_000_000_000L);
        return first + Math.round((code - 300) / 1000.0 * span);
    }

    /** The window between two instants in either order. */
    static TimeWindow window(long a, long b) {
        return TimeWindow.of(Math.min(a, b), Math.max(a, b));
    }

    /** The largest power of the trace. */
    static double maxWatts(PowerTrace trace) {
        double max = 0;
        for (int i = 0; i < trace.size(); i++) {
            max = Math.max(max, trace.wattsAt(i));
        }
        return max;
    }

    /**
     * A tolerance for energies near a trace: {@code relative} × the largest energy any window in {@code [from, to]}
     * could have, max power × the whole time range touched (the prefix sums make errors scale with it).
     */
    static double tolerance(PowerTrace trace, TimeWindow window, double relative) {
        long from = Math.min(window.startEpochNanos(), trace.epochNanosAt(0));
        long to = Math.max(window.endEpochNanos(), trace.epochNanosAt(trace.size() - 1));
        return relative * Math.max(1e-9, maxWatts(trace) * ((to - from) / 1e9));
    }
}
