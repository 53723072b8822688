package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellShape;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.PowerMode;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to analyze a sweep. {@link #defaults()} is the honest method on the seed's rail: {@link EnergyMethod#MEASURED},
 * {@link RailChoice#defaultChoice()}, the zone from the manifest, the seed's flag thresholds, the canonical cell ctx
 * 2048 / gen 256, the estimator chosen per cell, and {@link OutputTokJVariant#REQUEST} as the headline output tokens per joule of the tables.
 *
 * @param method the energy method
 * @param estimator how the MEASURED method attributes a cell's energy to its requests ({@link
 *     EnergyEstimators#automatic()} by default: per-request integration where every request's windows are densely
 *     sampled, pooled otherwise; {@link EnergyEstimators#perRequest()} or {@link EnergyEstimators#pooled()} force
 *     one); the cell's {@link io.github.tokjoule.core.join.CellAttribution#estimator()} and {@code cells.csv}'s
 *     {@code estimator} column name the one that ran (since 0.2.0); a cell without per-request records gets the
 *     run-window estimate whatever this is ({@code RUN_WINDOW})
 * @param rail which rail
 * @param zone the device's time zone; empty = the manifest's (required when there is no manifest). When both are
 *     present and differ, the given zone is used and every cell is flagged {@code ZONE_MISMATCH}
 * @param mode the mode of a single-mode directory whose name does not say it
 * @param thresholds the accuracy-flag thresholds
 * @param canonicalCell the cell of the per-mode comparisons (seed Tables 6, 7, 15 and the canonical speedups)
 * @param headlineVariant the output tokens per joule used for peak mode, Pareto front and canonical tables
 * @param threads how many cells to analyze at once, at least 1 (the result does not depend on it)
 * @param requestClockUncertaintyNanos how far, either way, the requests' clock may be from the power readings' ({@code
 *     U}, default 0: taken as exact): aiperf's stamps against the trace's, an NTP offset when aiperf runs on another
 *     host, the server's start after the client's send, tegrastats' reconstructed sub-second times. The MEASURED
 *     method then gives its estimator {@link EnergyEstimator#withReadingPlacement(long, long) withReadingPlacement(D,
 *     U)} ({@code D} the trace's sensor delay, 0 for tegrastats): the readings' lag is measured per cell at the
 *     requests' edges within {@code D/2 ± U}, or the whole {@code U} is allowed for in every interval
 *     (docs/ANALYSIS.md §11, "Round 8: request clock offset"). An estimator of the caller's own that does not model a
 *     placement ignores it ({@link io.github.tokjoule.core.join.CellAttribution#placement()} says {@code NOMINAL});
 *     the run-window estimate of a summary-only cell ignores it too (since 0.2.0)
 * @since 0.1.0
 */
public record AnalysisOptions(
        EnergyMethod method,
        EnergyEstimator estimator,
        RailChoice rail,
        Optional<ZoneId> zone,
        Optional<PowerMode> mode,
        FlagThresholds thresholds,
        CellShape canonicalCell,
        OutputTokJVariant headlineVariant,
        int threads,
        long requestClockUncertaintyNanos) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1 or the clock uncertainty is negative
     */
    public AnalysisOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (requestClockUncertaintyNanos < 0) {
            throw new IllegalArgumentException(
                    "requestClockUncertaintyNanos must not be negative: " + requestClockUncertaintyNanos);
        }
    }

    /** {@return the defaults} */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(
                EnergyMethod.MEASURED,
                EnergyEstimators.automatic(),
                RailChoice.defaultChoice(),
                Optional.empty(),
                Optional.empty(),
                FlagThresholds.defaults(),
                CellShape.of(2048, 256),
                OutputTokJVariant.REQUEST,
                1,
                0);
    }

    /**
     * Returns a copy with another method.
     *
     * @param value the method
     * @return the copy
     */
    public AnalysisOptions withMethod(EnergyMethod value) {
        return copy(c -> c.method = value);
    }

    /**
     * Returns a copy with another estimator for the MEASURED method.
     *
     * @param value the estimator
     * @return the copy
     * @since 0.2.0
     */
    public AnalysisOptions withEstimator(EnergyEstimator value) {
        return copy(c -> c.estimator = value);
    }

    /**
     * Returns a copy with another rail.
     *
     * @param value the rail choice
     * @return the copy
     */
    public AnalysisOptions withRail(RailChoice value) {
        return copy(c -> c.rail = value);
    }

    /**
     * Returns a copy with the device's zone given.
     *
     * @param value the zone
     * @return the copy
     */
    public AnalysisOptions withZone(ZoneId value) {
        return copy(c -> c.zone = Optional.of(value));
    }

    /**
     * Returns a copy with the mode of a single-mode directory.
     *
     * @param value the mode
     * @return the copy
     */
    public AnalysisOptions withMode(PowerMode value) {
        return copy(c -> c.mode = Optional.of(value));
    }

    /**
     * Returns a copy with other flag thresholds.
     *
     * @param value the thresholds
     * @return the copy
     */
    public AnalysisOptions withThresholds(FlagThresholds value) {
        return copy(c -> c.thresholds = value);
    }

    /**
     * Returns a copy with another canonical cell.
     *
     * @param value the shape
     * @return the copy
     */
    public AnalysisOptions withCanonicalCell(CellShape value) {
        return copy(c -> c.canonicalCell = value);
    }

    /**
     * Returns a copy with another headline variant.
     *
     * @param value the variant
     * @return the copy
     */
    public AnalysisOptions withHeadlineVariant(OutputTokJVariant value) {
        return copy(c -> c.headlineVariant = value);
    }

    /**
     * Returns a copy that analyzes that many cells at once.
     *
     * @param value at least 1
     * @return the copy
     * @throws IllegalArgumentException if below 1
     */
    public AnalysisOptions withThreads(int value) {
        return copy(c -> c.threads = value);
    }

    /**
     * Returns a copy with another request clock uncertainty (see the record's parameter).
     *
     * @param nanos {@code U}, at least 0
     * @return the copy
     * @throws IllegalArgumentException if negative
     * @since 0.2.0
     */
    public AnalysisOptions withRequestClockUncertaintyNanos(long nanos) {
        return copy(c -> c.requestClockUncertaintyNanos = nanos);
    }

    private AnalysisOptions copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.options();
    }

    /** The components as mutable fields, so that each {@code with…} method names only the one it changes. */
    private static final class Copy {
        EnergyMethod method;
        EnergyEstimator estimator;
        RailChoice rail;
        Optional<ZoneId> zone;
        Optional<PowerMode> mode;
        FlagThresholds thresholds;
        CellShape canonicalCell;
        OutputTokJVariant headlineVariant;
        int threads;
        long requestClockUncertaintyNanos;

        Copy(AnalysisOptions o) {
            method = o.method;
            estimator = o.estimator;
            rail = o.rail;
            zone = o.zone;
            mode = o.mode;
            thresholds = o.thresholds;
            canonicalCell = o.canonicalCell;
            headlineVariant = o.headlineVariant;
            threads = o.threads;
            requestClockUncertaintyNanos = o.requestClockUncertaintyNanos;
        }

        AnalysisOptions options() {
            return new AnalysisOptions(
                    method,
                    estimator,
                    rail,
                    zone,
                    mode,
                    thresholds,
                    canonicalCell,
                    headlineVariant,
                    threads,
                    requestClockUncertaintyNanos);
        }
    }
}
