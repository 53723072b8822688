package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.TokensPerJouleEstimate;

/**
 * The one place that turns a cell's {@link CellEnergy} into the 95 % intervals of its {@link CellMetrics} row (the
 * {@code *_ci95_low/high} columns of {@link CellResultsCsv}): the MEASURED method's rows and any other writer of the
 * same row from the same sums (the fleet job of metrics-flink) go through it, so that both files hold the same
 * intervals.
 *
 * <p>Intervals: the three energies per request ({@link CellEnergy#joulesPerRequest}), prefill, decode and total tok/J,
 * and output tok/J of the REQUEST and DECODE_PHASE variants (the latter is decode tok/J). A figure without an interval,
 * or whose value is NaN, gets none.
 *
 * @since 0.2.0
 */
public final class CellIntervals {

    private CellIntervals() {}

    /**
     * Puts the intervals the estimator gave a cell into its row.
     *
     * @param b the row being built
     * @param cell the cell's sums over its attributed requests
     */
    public static void put(CellMetrics.Builder b, CellEnergy cell) {
        put(b, CellMetric.TOTAL_JOULES_PER_REQUEST, cell.joulesPerRequest(Phase.TOTAL));
        put(b, CellMetric.PREFILL_JOULES_PER_REQUEST, cell.joulesPerRequest(Phase.PREFILL));
        put(b, CellMetric.DECODE_JOULES_PER_REQUEST, cell.joulesPerRequest(Phase.DECODE));
        put(b, CellMetric.PREFILL_TOKENS_PER_JOULE, cell.prefillTokensPerJoule());
        put(b, CellMetric.DECODE_TOKENS_PER_JOULE, cell.decodeTokensPerJoule());
        put(b, CellMetric.TOTAL_TOKENS_PER_JOULE, cell.totalTokensPerJoule());
        put(b, CellMetric.OUTPUT_TOKENS_PER_JOULE_REQUEST, cell.outputTokensPerJoule());
        put(b, CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE, cell.decodeTokensPerJoule());
    }

    /** An interval only beside a number: a NaN figure has none. */
    private static void put(CellMetrics.Builder b, CellMetric metric, EnergyEstimate e) {
        if (e.hasInterval() && Double.isFinite(e.joules())) {
            b.putCi95ByMetric(metric, Ci95.of(e.ci95LowJoules(), e.ci95HighJoules()));
        }
    }

    private static void put(CellMetrics.Builder b, CellMetric metric, TokensPerJouleEstimate t) {
        if (t.hasInterval() && Double.isFinite(t.tokensPerJoule())) {
            b.putCi95ByMetric(metric, Ci95.of(t.ci95Low(), t.ci95High()));
        }
    }
}
