package io.github.tokjoule.core.join;

/**
 * Where an estimator placed a trace's readings in time, and how much it allowed for that placement being wrong: a
 * reading stamped {@code t} is taken as the power at {@code t − lag}.
 *
 * <p>Three kinds: {@link Kind#NOMINAL} (the sensor's declared placement, {@code D/2} for an averaging window {@code
 * D}, taken as known: no allowance); {@link Kind#ESTIMATED} (the lag measured from the readings at the requests'
 * edges within the declared range {@code D/2 ± U}, allowed for by its own uncertainty); {@link Kind#FALLBACK} (a range
 * was declared but the edges did not identify the lag: the nominal placement with the whole {@code U} allowed for, and
 * the reason). An estimator adds {@code allowance · (R_start + R_end)} to both half widths of each window, {@code R}
 * the readings' range near each edge ({@link #allowanceJoules(double, double)}), and sums it linearly over a cell (see
 * {@link EnergyEstimators#automatic(long, long)}).
 *
 * <p><b>A negative lag.</b> The lag is the readings' stamps less the power's time <em>on the requests' clock</em>. A
 * sensor does not read the future, but the requests' clock may be offset from the readings' by {@code ε} either way (a
 * client stamps a request before the server starts it; the benchmark ran on another host; tegrastats' sub-second times
 * are reconstructed from whole seconds): that is a lag of {@code D/2 − ε}, below 0 where {@code ε > D/2}. So a
 * declared uncertainty {@code U} beyond {@code D/2} gives the range {@code [D/2 − U, D/2 + U]} and a lag anywhere in
 * it, negative included; with {@code D = 0} (tegrastats) the range is {@code [−U, U]}.
 *
 * @param kind how the lag was chosen
 * @param lagNanos the lag {@code L}: a reading stamped {@code t} is the power at {@code t − L} on the requests' clock;
 *     negative where the requests' clock may run ahead of the readings' by more than {@code D/2} (a nominal
 *     placement is {@code D/2}, at least 0)
 * @param allowanceNanos the timing allowance {@code u} per edge, at least 0 (0 for {@link Kind#NOMINAL})
 * @param edges how many of the requests' edges identified the lag (0 unless estimated or tried)
 * @param reason why the lag was not estimated ({@link Kind#FALLBACK}), else empty
 * @since 0.2.0
 */
public record ReadingPlacement(Kind kind, long lagNanos, long allowanceNanos, int edges, String reason) {

    /** How the lag was chosen. */
    public enum Kind {
        /** The declared placement, taken as known. */
        NOMINAL,
        /** Measured from the readings at the requests' edges. */
        ESTIMATED,
        /** Declared uncertain but not identified by the edges: the declared placement and its whole uncertainty. */
        FALLBACK
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the allowance or the count is negative, a nominal placement has an
     *     allowance, or a fallback has no reason
     */
    public ReadingPlacement {
        if (allowanceNanos < 0 || edges < 0) {
            throw new IllegalArgumentException(
                    "allowance and edges must not be negative: " + allowanceNanos + ", " + edges);
        }
        if (kind == Kind.NOMINAL && allowanceNanos != 0) {
            throw new IllegalArgumentException("a nominal placement has no allowance: " + allowanceNanos);
        }
        if ((kind == Kind.FALLBACK) == reason.isEmpty()) {
            throw new IllegalArgumentException("a fallback, and only a fallback, has a reason: " + kind + " " + reason);
        }
    }

    /**
     * {@return the declared placement, taken as known}
     *
     * @param lagNanos the lag ({@code D/2})
     */
    public static ReadingPlacement nominal(long lagNanos) {
        return new ReadingPlacement(Kind.NOMINAL, lagNanos, 0, 0, "");
    }

    /**
     * {@return a lag measured from the readings at {@code edges} of the requests' edges}
     *
     * @param lagNanos the lag
     * @param uncertaintyNanos its allowance
     * @param edges the edges that identified it
     */
    public static ReadingPlacement estimated(long lagNanos, long uncertaintyNanos, int edges) {
        return new ReadingPlacement(Kind.ESTIMATED, lagNanos, uncertaintyNanos, edges, "");
    }

    /**
     * {@return the declared placement with its declared uncertainty, because the edges did not identify the lag}
     *
     * @param lagNanos the declared lag
     * @param uncertaintyNanos the declared uncertainty {@code U}
     * @param edges the edges that were usable
     * @param reason why the lag was not estimated (not empty)
     */
    public static ReadingPlacement fallback(long lagNanos, long uncertaintyNanos, int edges, String reason) {
        return new ReadingPlacement(Kind.FALLBACK, lagNanos, uncertaintyNanos, edges, reason);
    }

    /**
     * Returns the allowance for a window, {@code u · (|R_start| + |R_end|)} with {@code u} the {@link
     * #allowanceNanos()} in seconds: a lag wrong by {@code δ ≤ u} integrates {@code [a, b]} as {@code [a + δ, b +
     * δ]}, off by at most {@code δ} times how far the power moves near each edge (the estimators pass the readings'
     * range near it). 0 for a nominal placement.
     *
     * @param startWatts how far the power moves near the window's start (the sign is ignored)
     * @param endWatts how far it moves near the window's end (the sign is ignored)
     * @return the allowance in J, added to both half widths
     */
    public double allowanceJoules(double startWatts, double endWatts) {
        return allowanceNanos == 0 ? 0 : (Math.abs(startWatts) + Math.abs(endWatts)) * allowanceNanos / 1e9;
    }
}
