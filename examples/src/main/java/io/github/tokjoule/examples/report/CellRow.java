package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cell of a sweep as the report sees it: its identity, whether it succeeded, its metric values, the method they
 * were computed with, the power rail, and its flags.
 *
 * @param model the model name
 * @param mode the power-mode label, e.g. {@code 25W}
 * @param ctx the target prompt length, tokens
 * @param gen the target generation length, tokens
 * @param failure the reason the cell failed, or empty if it succeeded
 * @param values the metric values; a metric absent from the map (or NaN) is unknown
 * @param method the method the energy values were computed with, e.g. {@code MEASURED} or {@code SEED_COMPATIBLE}
 * @param rail the power rail, e.g. {@code VDD_CPU_GPU_CV}
 * @param flags the cell's accuracy flags
 * @param intervals the 95 % intervals of the metrics that have one (none until the analysis provides them)
 * @param estimator the join estimator that ran for the cell ({@code PER_REQUEST}, {@code POOLED}, …), empty for the
 *     seed's method or a cell without energy
 * @param powerTrace which power trace the cell's energy came from and its nominal sample interval (printed as e.g.
 *     {@code hwmon 10 ms} or {@code tegrastats 500 ms}); empty when the cell had no power trace
 */
public record CellRow(
        String model,
        String mode,
        int ctx,
        int gen,
        Optional<String> failure,
        Map<Metric, Double> values,
        String method,
        String rail,
        List<FlagMark> flags,
        Map<Metric, Interval> intervals,
        Optional<String> estimator,
        Optional<PowerTraceSource> powerTrace) {

    /** Copies the collections. */
    public CellRow {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        flags = List.copyOf(flags);
        intervals = Map.copyOf(intervals);
    }

    /**
     * Returns this cell under another mode label.
     *
     * @param modeLabel the label
     * @return the cell
     */
    public CellRow withMode(String modeLabel) {
        return new CellRow(
                model, modeLabel, ctx, gen, failure, values, method, rail, flags, intervals, estimator, powerTrace);
    }

    /**
     * Returns this cell with other flags.
     *
     * @param newFlags the flags
     * @return the cell
     */
    public CellRow withFlags(List<FlagMark> newFlags) {
        return new CellRow(
                model, mode, ctx, gen, failure, values, method, rail, newFlags, intervals, estimator, powerTrace);
    }

    /**
     * A 95 % interval of a metric's value.
     *
     * @param low the lower end
     * @param high the upper end
     */
    public record Interval(double low, double high) {}

    /**
     * Returns a metric's 95 % interval.
     *
     * @param metric the metric
     * @return the interval, or empty if the data has none for this metric
     */
    public Optional<Interval> interval(Metric metric) {
        Interval i = intervals.get(metric);
        return i != null && Double.isFinite(i.low()) && Double.isFinite(i.high()) ? Optional.of(i) : Optional.empty();
    }

    /** {@return whether the cell succeeded} */
    public boolean ok() {
        return failure.isEmpty();
    }

    /**
     * {@return {@code ok} or {@code failed: <reason>}, the {@code status} column of {@code cells.csv} (as
     * {@link CellResultsCsv#status(Optional)} writes it: the reason on one line)}
     */
    public String status() {
        return CellResultsCsv.status(failure);
    }

    /**
     * Returns a metric's value.
     *
     * @param metric the metric
     * @return the value, NaN if unknown or the cell failed
     */
    public double value(Metric metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }

    /**
     * Returns the names of the flags that make a metric's value approximate.
     *
     * @param metric the metric
     * @return the flag names, in the cell's flag order
     */
    public List<String> flagsOn(Metric metric) {
        List<String> out = new ArrayList<>();
        for (FlagMark f : flags) {
            if (f.affects(metric)) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** {@return whether this is the cell with the given identity} */
    boolean is(String modelName, String modeLabel, int ctxTokens, int genTokens) {
        return mode.equals(modeLabel) && model.equals(modelName) && ctx == ctxTokens && gen == genTokens;
    }
}
