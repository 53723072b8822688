package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.ExclusionReason;
import io.github.tokjoule.core.join.Phase;

/**
 * One board × cell as the fleet job emits it: the sums of a {@link CellAttribution} (flat, so that Flink serializes
 * it as a POJO), from which {@link #energy()} rebuilds core's {@link CellEnergy} and with it every ratio of sums.
 *
 * <p>A cell that failed before serving any request has {@code failure} set and every figure NaN or 0.
 *
 * @param board the board
 * @param cell the cell
 * @param rail the rail its power was read from, or empty
 * @param estimator the estimator's name
 * @param failure why the cell failed, or empty
 * @param attributed the attributed requests
 * @param failed requests excluded as {@link ExclusionReason#FAILED}
 * @param tokensUnknown requests excluded as {@link ExclusionReason#TOKENS_UNKNOWN}
 * @param outsideTrace requests excluded as {@link ExclusionReason#OUTSIDE_TRACE}
 * @param partlyOutsideTrace requests excluded as {@link ExclusionReason#PARTLY_OUTSIDE_TRACE}
 * @param inputTokens Σ ISL over the attributed requests
 * @param outputTokens Σ OSL over them
 * @param prefillNanos Σ TTFT over them
 * @param decodeNanos Σ (end − first token) over them
 * @param prefillJoules Σ prefill energy (NaN without attributed requests)
 * @param prefillLowJoules its 95 % interval's lower bound, NaN without interval
 * @param prefillHighJoules its upper bound, NaN without interval
 * @param decodeJoules Σ decode energy
 * @param decodeLowJoules its lower bound
 * @param decodeHighJoules its upper bound
 * @param totalJoules Σ request energy
 * @param totalLowJoules its lower bound
 * @param totalHighJoules its upper bound
 * @param minPrefillSamples the fewest samples inside any attributed request's prefill window
 * @param minRequestSamples the fewest samples inside any attributed request's whole window
 * @param samples the samples the estimator was given for this cell (those around its requests' windows)
 * @since 0.2.0
 */
public record CellFigures(
        String board,
        CellId cell,
        String rail,
        String estimator,
        String failure,
        int attributed,
        int failed,
        int tokensUnknown,
        int outsideTrace,
        int partlyOutsideTrace,
        double inputTokens,
        double outputTokens,
        long prefillNanos,
        long decodeNanos,
        double prefillJoules,
        double prefillLowJoules,
        double prefillHighJoules,
        double decodeJoules,
        double decodeLowJoules,
        double decodeHighJoules,
        double totalJoules,
        double totalLowJoules,
        double totalHighJoules,
        int minPrefillSamples,
        int minRequestSamples,
        int samples) {

    /**
     * Flattens an attribution.
     *
     * @param board the board
     * @param cell the cell
     * @param rail the rail, or empty
     * @param a the estimator's result for the cell
     * @param samples the samples the estimator was given
     * @return the figures
     */
    public static CellFigures of(String board, CellId cell, String rail, CellAttribution a, int samples) {
        CellEnergy e = a.cell();
        return new CellFigures(
                board,
                cell,
                rail,
                a.estimator(),
                "",
                a.requests().size(),
                a.excludedCount(ExclusionReason.FAILED),
                a.excludedCount(ExclusionReason.TOKENS_UNKNOWN),
                a.excludedCount(ExclusionReason.OUTSIDE_TRACE),
                a.excludedCount(ExclusionReason.PARTLY_OUTSIDE_TRACE),
                e.inputTokens(),
                e.outputTokens(),
                e.prefillNanos(),
                e.decodeNanos(),
                e.prefill().joules(),
                e.prefill().ci95LowJoules(),
                e.prefill().ci95HighJoules(),
                e.decode().joules(),
                e.decode().ci95LowJoules(),
                e.decode().ci95HighJoules(),
                e.total().joules(),
                e.total().ci95LowJoules(),
                e.total().ci95HighJoules(),
                a.minSamplesInside(Phase.PREFILL),
                a.minSamplesInside(Phase.TOTAL),
                samples);
    }

    /**
     * Returns a cell that failed before serving a request.
     *
     * @param board the board
     * @param cell the cell
     * @param reason why it failed
     * @return the figures, every energy NaN
     */
    public static CellFigures failedCell(String board, CellId cell, String reason) {
        double nan = Double.NaN;
        return new CellFigures(
                board, cell, "", "", reason, 0, 0, 0, 0, 0, 0, 0, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, 0,
                0, 0);
    }

    /** {@return the requests given to the estimator: attributed plus excluded} */
    public int requests() {
        return attributed + excluded();
    }

    /** {@return the requests excluded, for any reason} */
    public int excluded() {
        return failed + tokensUnknown + outsideTrace + partlyOutsideTrace;
    }

    /** {@return {@code true} if the cell failed before serving a request} */
    public boolean isFailed() {
        return !failure.isEmpty();
    }

    /** {@return core's cell sums, whose methods give every ratio of sums and its interval} */
    public CellEnergy energy() {
        return new CellEnergy(
                attributed,
                inputTokens,
                outputTokens,
                prefillNanos,
                decodeNanos,
                new EnergyEstimate(prefillJoules, prefillLowJoules, prefillHighJoules),
                new EnergyEstimate(decodeJoules, decodeLowJoules, decodeHighJoules),
                new EnergyEstimate(totalJoules, totalLowJoules, totalHighJoules));
    }
}
