package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.join.TokensPerJouleEstimate;
import io.github.tokjoule.core.power.PowerTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The accuracy harness of the join's estimators against the {@link TruthCell} ground truth: per cell and figure, the
 * relative error of the estimate against the TRUE energy, whether the 95 % interval covers the truth, and the
 * interval's relative half width.
 */
final class EstimatorAccuracy {

    /** The six figures of a cell that carry an interval in cells.csv. */
    enum Figure {
        ENERGY_TOTAL,
        ENERGY_PREFILL,
        ENERGY_DECODE,
        OUTPUT_TOK_PER_J,
        PREFILL_TOK_PER_J,
        DECODE_TOK_PER_J
    }

    /** One figure of one cell. */
    record Result(double error, boolean covered, double halfWidth) {}

    /**
     * One cell: its specification, pooled samples per phase, the widest stretch of the request-relative axis {@code [0,
     * 1]} that no reading of any request fell on, the mean drift of the sampler's position per request (the request
     * period less the nearest whole number of sampling periods, ms), one result per figure, and whether the analysis
     * would flag the cell {@code WINDOW_UNDERSAMPLED} (total or decode interval wider than ±4 %) and {@code
     * PREFILL_UNDERSAMPLED} (prefill interval wider than ±10 %) at the default thresholds.
     */
    record Cell(
            TruthCellSpec spec,
            int prefillSamples,
            int decodeSamples,
            double widestUnsampled,
            double driftMillis,
            Result[] results,
            boolean windowFlagged,
            boolean prefillFlagged) {
        Result result(Figure f) {
            return results[f.ordinal()];
        }

        /** Whether the cell's total, output and decode figures are unflagged. */
        boolean energyUnflagged() {
            return !windowFlagged;
        }

        /** Whether the cell's prefill figures are unflagged (neither flag marks them). */
        boolean prefillUnflagged() {
            return !windowFlagged && !prefillFlagged;
        }
    }

    static final double[] TTFT_MILLIS = {30, 50, 100, 200, 400, 700, 1000};
    static final double[] LATENCY_MILLIS = {300, 500, 1000, 2000, 4000, 6000};

    private EstimatorAccuracy() {}

    /** The standard grid: every TTFT × latency with TTFT ≤ 0.6 × latency, {@code seeds} cells each. */
    static List<TruthCellSpec> grid(long seedBase, int seeds) {
        List<TruthCellSpec> specs = new ArrayList<>();
        for (double ttft : TTFT_MILLIS) {
            for (double latency : LATENCY_MILLIS) {
                if (ttft > 0.6 * latency) {
                    continue;
                }
                for (int s = 0; s < seeds; s++) {
                    long seed = seedBase + 1000L * specs.size() + s;
                    specs.add(TruthCellSpec.random(seed, ttft, latency));
                }
            }
        }
        return specs;
    }

    static List<Cell> evaluate(EnergyEstimator estimator, List<TruthCellSpec> specs) {
        return evaluate(spec -> estimator, specs);
    }

    static List<Cell> evaluate(Function<TruthCellSpec, EnergyEstimator> estimators, List<TruthCellSpec> specs) {
        List<Cell> cells = new ArrayList<>(specs.size());
        for (TruthCellSpec spec : specs) {
            cells.add(evaluate(estimators.apply(spec), TruthCell.simulate(spec)));
        }
        return cells;
    }

    /** One simulated cell's figures against its truth (the requests as the estimator sees them, clock offset and all). */
    static Cell evaluate(EnergyEstimator estimator, TruthCell truth) {
        TruthCellSpec spec = truth.spec();
        CellAttribution a = estimator.attribute(truth.trace(), truth.requests());
        if (a.requests().size() != spec.requests()) {
            throw new IllegalStateException("requests excluded in " + spec + ": " + a.excluded());
        }
        CellEnergy e = a.cell();
        Result[] r = new Result[Figure.values().length];
        double tp = truth.trueCellJoules(Phase.PREFILL);
        double td = truth.trueCellJoules(Phase.DECODE);
        double tt = truth.trueCellJoules(Phase.TOTAL);
        r[Figure.ENERGY_TOTAL.ordinal()] = energy(e.total(), tt);
        r[Figure.ENERGY_PREFILL.ordinal()] = energy(e.prefill(), tp);
        r[Figure.ENERGY_DECODE.ordinal()] = energy(e.decode(), td);
        r[Figure.OUTPUT_TOK_PER_J.ordinal()] = tokens(e.outputTokensPerJoule(), e.outputTokens() / tt);
        r[Figure.PREFILL_TOK_PER_J.ordinal()] = tokens(e.prefillTokensPerJoule(), e.inputTokens() / tp);
        r[Figure.DECODE_TOK_PER_J.ordinal()] = tokens(e.decodeTokensPerJoule(), e.outputTokens() / td);
        return new Cell(
                spec,
                truth.pooledSamples(Phase.PREFILL),
                truth.pooledSamples(Phase.DECODE),
                widestUnsampled(truth),
                driftMillis(truth),
                r,
                FlagRules.energyUncertain(e.total(), e.decode(), FlagThresholds.defaults())
                        .isPresent(),
                FlagRules.prefillUncertain(e.prefill(), FlagThresholds.defaults())
                        .isPresent());
    }

    /** The widest stretch of the request-relative axis without a reading of any request (the ends included). */
    static double widestUnsampled(TruthCell truth) {
        List<Double> u = new ArrayList<>();
        PowerTrace trace = truth.trace();
        for (RequestTimeline r : truth.trueRequests()) {
            double length = r.endEpochNanos() - r.startEpochNanos();
            for (int k = 0; k < trace.size(); k++) {
                long t = trace.epochNanosAt(k);
                if (t >= r.startEpochNanos() && t <= r.endEpochNanos()) {
                    u.add((t - r.startEpochNanos()) / length);
                }
            }
        }
        u.add(0.0);
        u.add(1.0);
        double[] sorted = u.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double widest = 0;
        for (int i = 1; i < sorted.length; i++) {
            widest = Math.max(widest, sorted[i] - sorted[i - 1]);
        }
        return widest;
    }

    /** Mean over successive requests of (start-to-start period − the nearest whole number of sampling periods), ms. */
    static double driftMillis(TruthCell truth) {
        List<RequestTimeline> rs = truth.trueRequests();
        double sampling = truth.spec().samplingPeriodMillis();
        double sum = 0;
        for (int i = 1; i < rs.size(); i++) {
            double period = (rs.get(i).startEpochNanos() - rs.get(i - 1).startEpochNanos()) / 1e6;
            sum += period - sampling * Math.rint(period / sampling);
        }
        return rs.size() > 1 ? sum / (rs.size() - 1) : Double.NaN;
    }

    /** Every cell whose total-energy error exceeds {@code threshold}, with what its readings could see. */
    static String worstTotals(List<Cell> cells, double threshold) {
        StringBuilder sb =
                new StringBuilder("| TTFT ms | latency ms | drift ms / request | pooled prefill / decode samples"
                        + " | widest unsampled share of the request | total error | half width | covered |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (Cell c : cells) {
            Result r = c.result(Figure.ENERGY_TOTAL);
            if (r.error() > threshold) {
                sb.append(String.format(
                        Locale.ROOT,
                        "| %.0f | %.0f | %+.1f | %d / %d | %.0f %% | %.2f %% | %.2f %% | %s |%n",
                        c.spec().ttftMillis(),
                        c.spec().latencyMillis(),
                        c.driftMillis(),
                        c.prefillSamples(),
                        c.decodeSamples(),
                        100 * c.widestUnsampled(),
                        100 * r.error(),
                        100 * r.halfWidth(),
                        r.covered() ? "yes" : "no"));
            }
        }
        return sb.toString();
    }

    private static Result energy(EnergyEstimate e, double truth) {
        double half = e.hasInterval() ? (e.ci95HighJoules() - e.ci95LowJoules()) / (2 * truth) : Double.NaN;
        return new Result(Math.abs(e.joules() / truth - 1), e.covers(truth), half);
    }

    private static Result tokens(TokensPerJouleEstimate e, double truth) {
        double half = e.hasInterval() ? (e.ci95High() - e.ci95Low()) / (2 * truth) : Double.NaN;
        return new Result(Math.abs(e.tokensPerJoule() / truth - 1), e.covers(truth), half);
    }

    /** Summary of one figure over some cells. */
    record Summary(int cells, double median, double p90, double max, double coverage, double medianHalfWidth) {
        String row(String label) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f %% | %.2f %% | %.2f %% | %.0f %% | %.2f %% |",
                    label,
                    cells,
                    100 * median,
                    100 * p90,
                    100 * max,
                    100 * coverage,
                    100 * medianHalfWidth);
        }
    }

    static Summary summary(List<Cell> cells, Figure f, Predicate<Cell> which) {
        List<Result> rs = cells.stream().filter(which).map(c -> c.result(f)).toList();
        double[] errors = rs.stream().mapToDouble(Result::error).sorted().toArray();
        double[] widths = rs.stream().mapToDouble(Result::halfWidth).sorted().toArray();
        long covered = rs.stream().filter(Result::covered).count();
        return new Summary(
                rs.size(),
                quantile(errors, 0.5),
                quantile(errors, 0.9),
                errors.length == 0 ? Double.NaN : errors[errors.length - 1],
                rs.isEmpty() ? Double.NaN : (double) covered / rs.size(),
                quantile(widths, 0.5));
    }

    /** numpy's default (linear) quantile of sorted values; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static String table(String title, List<Cell> cells) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(title).append("\n\n");
        sb.append("| figure | cells | median error | p90 | max | coverage | median half width |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Figure f : Figure.values()) {
            sb.append(summary(cells, f, c -> true).row(f.name().toLowerCase(Locale.ROOT)))
                    .append('\n');
        }
        sb.append(summary(cells, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6)
                        .row("energy_prefill, ≥ 6 pooled samples"))
                .append('\n');
        return sb.toString();
    }

    /**
     * The cells where the analysis flags none of a figure's values: for prefill energy and prefill tok/J neither
     * {@code PREFILL_UNDERSAMPLED} nor {@code WINDOW_UNDERSAMPLED}, for the other four no {@code WINDOW_UNDERSAMPLED}.
     */
    static Predicate<Cell> unflagged(Figure f) {
        return f == Figure.ENERGY_PREFILL || f == Figure.PREFILL_TOK_PER_J
                ? Cell::prefillUnflagged
                : Cell::energyUnflagged;
    }

    /**
     * Each figure over the cells the analysis leaves unflagged for it, and over the flagged ones (where the interval
     * is the answer, its coverage is what counts), with the median half width over the median error.
     */
    static String flagTable(String title, List<Cell> cells) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(title).append("\n\n");
        sb.append("| figure | cells | median error | p90 | max | coverage | median half width |"
                + " half width / median error |\n|---|---|---|---|---|---|---|---|\n");
        for (Figure f : Figure.values()) {
            for (boolean flagged : new boolean[] {false, true}) {
                Predicate<Cell> which = flagged ? unflagged(f).negate() : unflagged(f);
                Summary s = summary(cells, f, which);
                String label = f.name().toLowerCase(Locale.ROOT) + (flagged ? ", flagged" : ", unflagged");
                sb.append(s.row(label))
                        .append(String.format(Locale.ROOT, " %.2f |%n", s.medianHalfWidth() / s.median()));
            }
        }
        Summary six = summary(cells, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6 && c.prefillUnflagged());
        sb.append(six.row("energy_prefill, ≥ 6 pooled samples, unflagged"))
                .append(String.format(Locale.ROOT, " %.2f |%n", six.medianHalfWidth() / six.median()));
        return sb.toString();
    }

    /** Median half width over median error per figure, and for prefill over cells with ≥ 3 pooled samples. */
    static String widthRatios(List<Cell> cells) {
        StringBuilder sb = new StringBuilder("| figure | median half width / median error |\n|---|---|\n");
        for (Figure f : Figure.values()) {
            Summary s = summary(cells, f, c -> true);
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f |%n",
                    f.name().toLowerCase(Locale.ROOT),
                    s.medianHalfWidth() / s.median()));
        }
        for (int min : new int[] {3, 6}) {
            Summary s = summary(cells, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= min);
            sb.append(String.format(
                    Locale.ROOT,
                    "| energy_prefill, ≥ %d pooled samples (%d cells, coverage %.0f %%) | %.2f |%n",
                    min,
                    s.cells(),
                    100 * s.coverage(),
                    s.medianHalfWidth() / s.median()));
        }
        return sb.toString();
    }

    static String byTtft(List<Cell> cells, Figure f) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ")
                .append(f.name().toLowerCase(Locale.ROOT))
                .append(" by TTFT | cells | median error | p90 | max |"
                        + " coverage | median half width |\n|---|---|---|---|---|---|---|\n");
        for (double ttft : TTFT_MILLIS) {
            sb.append(summary(cells, f, c -> c.spec().ttftMillis() == ttft)
                            .row(String.format(Locale.ROOT, "%.0f ms", ttft)))
                    .append('\n');
        }
        return sb.toString();
    }

    static String byPrefillSamples(List<Cell> cells) {
        int[][] bins = {{0, 0}, {1, 2}, {3, 5}, {6, 11}, {12, 29}, {30, Integer.MAX_VALUE}};
        StringBuilder sb = new StringBuilder();
        sb.append(
                "| energy_prefill by pooled prefill samples | cells | median error | p90 | max | coverage | median half"
                        + " width |\n|---|---|---|---|---|---|---|\n");
        for (int[] b : bins) {
            String label = b[1] == Integer.MAX_VALUE ? "≥ " + b[0] : b[0] == b[1] ? "" + b[0] : b[0] + "–" + b[1];
            sb.append(summary(
                                    cells,
                                    Figure.ENERGY_PREFILL,
                                    c -> c.prefillSamples() >= b[0] && c.prefillSamples() <= b[1])
                            .row(label))
                    .append('\n');
        }
        return sb.toString();
    }

    static double[] errors(List<Cell> cells, Figure f) {
        double[] e = cells.stream().mapToDouble(c -> c.result(f).error()).toArray();
        Arrays.sort(e);
        return e;
    }
}
