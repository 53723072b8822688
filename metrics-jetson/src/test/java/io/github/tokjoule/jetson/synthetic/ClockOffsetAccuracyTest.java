package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.ReadingPlacement;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Cell;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Figure;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The pooled estimator's intervals when the requests' clock is offset from the readings' (docs/ANALYSIS.md §11, "Round
 * 8: request clock offset"): every request time of a truth cell moved by the same {@code ε ∈ {−20, −10, 0, +10, +20}}
 * ms against the trace, the truth unchanged ({@link TruthCell#withRequestClockOffsetNanos}), with today's {@code
 * pooled()} and with {@code pooled(0, U)}, which declares the placement known only within {@code ± U}. {@code U} was
 * chosen on the calibration seeds (20 ms: the smallest whose range holds ±20 ms; 30 ms is reported beside it); the
 * three hold-out sets chose nothing. Asserts today's prefill coverage below 90 % at +20 ms on every set (the defect)
 * and, with {@code U} = 20 ms, every figure's coverage at least 90 % at ±20 ms on the hold-out sets. Writes {@code
 * target/clock-offset-accuracy.md}.
 */
class ClockOffsetAccuracyTest {

    private static final long MS = 1_000_000L;
    private static final long[] OFFSETS_MS = {-20, -10, 0, 10, 20};
    /** The declared request clock uncertainty, chosen on the calibration seeds. */
    private static final long U_MS = 20;

    /** A figure over some cells: all of them, or prefill where at least 3 or 6 samples were pooled. */
    private record Column(String name, Figure figure, int minPrefillSamples) {
        Summary of(List<Cell> cells) {
            Predicate<Cell> which = c -> c.prefillSamples() >= minPrefillSamples;
            return EstimatorAccuracy.summary(cells, figure, which);
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("total", Figure.ENERGY_TOTAL, 0),
            new Column("prefill", Figure.ENERGY_PREFILL, 0),
            new Column("decode", Figure.ENERGY_DECODE, 0),
            new Column("output tok/J", Figure.OUTPUT_TOK_PER_J, 0),
            new Column("prefill tok/J", Figure.PREFILL_TOK_PER_J, 0),
            new Column("decode tok/J", Figure.DECODE_TOK_PER_J, 0),
            new Column("prefill ≥ 3", Figure.ENERGY_PREFILL, 3),
            new Column("prefill ≥ 6", Figure.ENERGY_PREFILL, 6));

    /** The columns whose errors and widths the tables show (the tok/J figures mirror their energies). */
    private static final List<Column> ERROR_COLUMNS =
            List.of(COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(6), COLUMNS.get(7), COLUMNS.get(2));

    static List<TruthCell> simulate(long[] seeds) {
        List<TruthCell> cells = new ArrayList<>();
        for (TruthCellSpec spec : EstimatorAccuracyTest.grids(seeds)) {
            cells.add(TruthCell.simulate(spec));
        }
        return cells;
    }

    static List<Cell> evaluate(EnergyEstimator estimator, List<TruthCell> truths, long offsetMs) {
        List<Cell> cells = new ArrayList<>(truths.size());
        for (TruthCell t : truths) {
            cells.add(EstimatorAccuracy.evaluate(estimator, t.withRequestClockOffsetNanos(offsetMs * MS)));
        }
        return cells;
    }

    /** The lowest coverage over every column. */
    static double lowestCoverage(List<Cell> cells) {
        return COLUMNS.stream().mapToDouble(c -> c.of(cells).coverage()).min().orElseThrow();
    }

    /** One set's table: per estimator and offset, every column's coverage, then errors and width ratios. */
    static String table(
            String title,
            List<TruthCell> truths,
            Map<String, EnergyEstimator> estimators,
            Map<String, Map<Long, List<Cell>>> out) {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n| estimator | ε ms");
        COLUMNS.forEach(c -> sb.append(" | ").append(c.name()));
        sb.append(" | lowest");
        ERROR_COLUMNS.forEach(c -> sb.append(" | ").append(c.name()).append(": median / p90 / ratio"));
        sb.append(" |\n|---|---");
        for (int i = 0; i < COLUMNS.size() + 1 + ERROR_COLUMNS.size(); i++) {
            sb.append("|---");
        }
        sb.append("|\n");
        for (Map.Entry<String, EnergyEstimator> e : estimators.entrySet()) {
            Map<Long, List<Cell>> byOffset = new java.util.TreeMap<>();
            for (long eps : OFFSETS_MS) {
                List<Cell> cells = evaluate(e.getValue(), truths, eps);
                byOffset.put(eps, cells);
                sb.append(String.format(Locale.ROOT, "| %s | %+d", e.getKey(), eps));
                COLUMNS.forEach(c -> sb.append(String.format(
                        Locale.ROOT, " | %.1f %%", 100 * c.of(cells).coverage())));
                sb.append(String.format(Locale.ROOT, " | **%.1f %%**", 100 * lowestCoverage(cells)));
                for (Column c : ERROR_COLUMNS) {
                    Summary s = c.of(cells);
                    sb.append(String.format(
                            Locale.ROOT,
                            " | %.2f / %.2f %% / %.2f",
                            100 * s.median(),
                            100 * s.p90(),
                            s.medianHalfWidth() / s.median()));
                }
                sb.append(" |\n");
            }
            out.put(e.getKey(), byOffset);
        }
        return sb.toString();
    }

    /** The median half widths at ε = 0, before and after, and their ratio. */
    static String widths(List<Cell> before, List<Cell> after) {
        StringBuilder sb = new StringBuilder(
                "| at ε = 0 | median half width before | after | after / before |\n" + "|---|---|---|---|\n");
        for (Column c : COLUMNS) {
            double b = c.of(before).medianHalfWidth();
            double a = c.of(after).medianHalfWidth();
            sb.append(String.format(
                    Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f |%n", c.name(), 100 * b, 100 * a, a / b));
        }
        return sb.append(String.format(
                        Locale.ROOT,
                        "%nCells flagged at ε = 0, before → after: WINDOW_UNDERSAMPLED %d → %d, PREFILL_UNDERSAMPLED"
                                + " %d → %d (of %d)%n",
                        before.stream().filter(Cell::windowFlagged).count(),
                        after.stream().filter(Cell::windowFlagged).count(),
                        before.stream().filter(Cell::prefillFlagged).count(),
                        after.stream().filter(Cell::prefillFlagged).count(),
                        before.size()))
                .toString();
    }

    /** How each cell's readings were placed by {@code pooled(0, U)} at ε = 0. */
    static String placements(List<TruthCell> truths) {
        Map<ReadingPlacement.Kind, Integer> kinds = new EnumMap<>(ReadingPlacement.Kind.class);
        EnergyEstimator e = EnergyEstimators.pooled(0, U_MS * MS);
        for (TruthCell t : truths) {
            kinds.merge(e.attribute(t.trace(), t.requests()).placement().kind(), 1, Integer::sum);
        }
        return "Placements of pooled(0, " + U_MS + " ms) at ε = 0: " + kinds + "\n";
    }

    @Test
    void aDeclaredRequestClockUncertaintyCoversOffsetsThatTodaysIntervalsMiss() throws IOException {
        Map<String, EnergyEstimator> calibrationEstimators = new java.util.LinkedHashMap<>();
        calibrationEstimators.put("pooled()", EnergyEstimators.pooled());
        calibrationEstimators.put("pooled(0, 20 ms)", EnergyEstimators.pooled(0, U_MS * MS));
        calibrationEstimators.put("pooled(0, 30 ms)", EnergyEstimators.pooled(0, 30 * MS));
        Map<String, EnergyEstimator> holdOutEstimators = new java.util.LinkedHashMap<>();
        holdOutEstimators.put("pooled()", EnergyEstimators.pooled());
        holdOutEstimators.put("pooled(0, 20 ms)", EnergyEstimators.pooled(0, U_MS * MS));

        StringBuilder md = new StringBuilder("## POOLED with the requests' clock offset by ε from the readings\n\n"
                + "Coverage of the 95 % intervals against the true energy; then median error, p90 and median half"
                + " width / median error. \"prefill ≥ 3 / ≥ 6\": cells with at least that many pooled prefill samples"
                + " (counted on the true windows).\n\n");
        List<TruthCell> calibration = simulate(EstimatorAccuracyTest.CALIBRATION_SEEDS);
        assertThat(calibration).hasSize(198);
        Map<String, Map<Long, List<Cell>>> cal = new java.util.HashMap<>();
        md.append(table("Calibration seeds (U chosen here)", calibration, calibrationEstimators, cal))
                .append('\n')
                .append(widths(
                        cal.get("pooled()").get(0L), cal.get("pooled(0, 20 ms)").get(0L)))
                .append('\n')
                .append(placements(calibration))
                .append('\n');
        // the defect: today's prefill interval misses a +20 ms offset
        assertThat(COLUMNS.get(1).of(cal.get("pooled()").get(20L)).coverage())
                .as("calibration, today's prefill at ε = +20 ms")
                .isLessThan(0.9);

        String[] names = {"Hold-out seeds", "Fresh hold-out seeds (round 6)", "New hold-out seeds (round 7)"};
        long[][] sets = {
            EstimatorAccuracyTest.HOLD_OUT_SEEDS,
            EstimatorAccuracyTest.FRESH_HOLD_OUT_SEEDS,
            EstimatorAccuracyTest.NEW_HOLD_OUT_SEEDS
        };
        List<Map<String, Map<Long, List<Cell>>>> holdOuts = new ArrayList<>();
        for (int s = 0; s < sets.length; s++) {
            List<TruthCell> truths = simulate(sets[s]);
            assertThat(truths).hasSize(198);
            Map<String, Map<Long, List<Cell>>> r = new java.util.HashMap<>();
            md.append(table(names[s], truths, holdOutEstimators, r))
                    .append('\n')
                    .append(widths(
                            r.get("pooled()").get(0L), r.get("pooled(0, 20 ms)").get(0L)))
                    .append('\n');
            holdOuts.add(r);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/clock-offset-accuracy.md"), md.toString());

        for (int s = 0; s < sets.length; s++) {
            assertThat(COLUMNS.get(1)
                            .of(holdOuts.get(s).get("pooled()").get(20L))
                            .coverage())
                    .as("%s, today's prefill at ε = +20 ms", names[s])
                    .isLessThan(0.9);
            for (long eps : new long[] {-20, 20}) {
                List<Cell> cells = holdOuts.get(s).get("pooled(0, 20 ms)").get(eps);
                for (Column c : COLUMNS) {
                    assertThat(c.of(cells).coverage())
                            .as("%s, %s at ε = %+d ms", names[s], c.name(), eps)
                            .isGreaterThanOrEqualTo(0.9);
                }
            }
        }
    }
}
