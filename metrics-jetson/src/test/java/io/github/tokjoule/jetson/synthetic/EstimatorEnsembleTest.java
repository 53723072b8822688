package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Cell;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Figure;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's targets over many independent sweeps: how often one sweep of 198 cells meets each target, and each target
 * over all of them pooled. One seed set of {@code EstimatorAccuracyTest} is one draw; a target stated on a median, a
 * 90th percentile or a coverage over some 70–200 cells moves from draw to draw (a median of 74 errors by about ±15 %),
 * so one set above a bound and another below it say little alone. Nothing was chosen on these sets. Writes {@code
 * target/estimator-ensemble.md} (docs/ANALYSIS.md §11, "Round 9", "Round 10").
 */
class EstimatorEnsembleTest {

    /**
     * Four draws of twenty sweeps of 3 × 66 cells each, bases 1,000,000 apart: {@code date +%s} = 1,796,693,473 at 01:31
     * UTC on 2026-12-08 (every cell seed ≡ 473 or 474 mod 1000), first evaluated on round 8's estimator, then the
     * hold-out of round 9's candidate 2; 1,796,695,393 at 02:03 UTC (≡ 393 or 394), the hold-out of round 9's candidate
     * 3 (docs/ANALYSIS.md §11, "Round 9"); 1,796,699,648 at 03:14 UTC (≡ 648 or 649) and 1,796,700,067 at 03:21 UTC (≡
     * 067 or 068), the hold-outs of round 10's rules 10 and 10b, which adopted candidate 3 ("Round 10"). No cell seed is
     * one of another set's.
     */
    static final long[] ENSEMBLE_BASES = {1_796_693_473L, 1_796_695_393L, 1_796_699_648L, 1_796_700_067L};

    static final int SWEEPS_PER_DRAW = 20;

    static final int SETS = ENSEMBLE_BASES.length * SWEEPS_PER_DRAW;

    /** Sweep {@code k} of the {@link #SETS}: three grids of 66 cells on bases 1,000,000 apart. */
    static List<TruthCellSpec> sweep(int k) {
        long base = ENSEMBLE_BASES[k / SWEEPS_PER_DRAW] + 3_000_000L * (k % SWEEPS_PER_DRAW);
        return EstimatorAccuracyTest.grids(new long[] {base, base + 1_000_000L, base + 2_000_000L});
    }

    /** One target: a figure's statistic over some cells, and the bound it must not pass. */
    record Target(
            String name, Predicate<Cell> cells, ToDoubleFunction<List<Cell>> value, double bound, boolean atMost) {
        boolean met(double v) {
            return atMost ? v <= bound : v >= bound;
        }
    }

    @Test
    void issue14TargetsAcrossEightyIndependentSweeps() throws IOException {
        List<List<Cell>> sets = IntStream.range(0, SETS)
                .parallel()
                .mapToObj(k -> EstimatorAccuracy.evaluate(EnergyEstimators.pooled(), sweep(k)))
                .toList();
        List<Cell> all = sets.stream().flatMap(List::stream).toList();
        List<Target> targets = targets();
        String table = table(
                "Issue 14's targets over " + SETS + " independent sweeps of "
                        + sets.get(0).size() + " cells (POOLED)",
                sets);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/estimator-ensemble.md"), table);

        assertThat(all).hasSize(SETS * 198);
        // Met in every one of the eighty sweeps (everySweep)
        for (Target t : targets) {
            if (everySweep(t.name())) {
                assertThat(meeting(t, sets)).as(t.name()).isEqualTo(SETS);
            }
        }
        // NOT met in every sweep (docs/ANALYSIS.md §11, "Round 9", "Round 10"); these guard the counts against falling.
        // Decode's width, the price of round 10's decode sampling scale (pooled 3.05 → 3.44 over all cells, 3.13 → 3.56
        // unflagged; ≤ 4 in every sweep before).
        for (String f : List.of("energy_decode", "decode_tok_per_j")) {
            assertAtLeast(targets, sets, f + " half width / error ratio, all cells", 72);
            assertAtLeast(targets, sets, f + " half width / error ratio, unflagged", 69);
        }
        // Unflagged totals more than 4 % off: in 13 of the 80 sweeps one is (4.0–6.5 %).
        assertAtLeast(targets, sets, "energy_total max, unflagged", 67);
        assertAtLeast(targets, sets, "output_tok_per_j max, unflagged", 69);
        assertAtLeast(targets, sets, "energy_total half width / error ratio, unflagged", 78);
        assertAtLeast(targets, sets, "output_tok_per_j half width / error ratio, unflagged", 78);
        for (String f : List.of("energy_prefill", "prefill_tok_per_j", "energy_prefill (≥ 3 pooled samples)")) {
            assertAtLeast(targets, sets, f + " half width / error ratio, unflagged", 79);
        }
        assertAtLeast(targets, sets, "energy_prefill (≥ 6 pooled samples) half width / error ratio, unflagged", 77);
        assertAtLeast(targets, sets, "energy_total half width / error ratio, all cells", 77);
        assertAtLeast(targets, sets, "output_tok_per_j half width / error ratio, all cells", 76);
        assertAtLeast(targets, sets, "energy_decode p90, all cells", 77);
        assertAtLeast(targets, sets, "energy_prefill (≥ 6 pooled samples) p90, all cells", 49);
        // Prefill's width where it is resolved, the price of round 10's ramp side (pooled 3.80 → 4.06 and 3.56 → 3.76
        // × the median error with ≥ 3 and ≥ 6 pooled samples); over all cells it is set by the cells with fewer than 3,
        // whose interval spans the readings around the cell by design.
        assertAtLeast(targets, sets, "energy_prefill (≥ 3 pooled samples) half width / error ratio, all cells", 33);
        assertAtLeast(targets, sets, "energy_prefill (≥ 6 pooled samples) half width / error ratio, all cells", 56);
        assertAtLeast(targets, sets, "energy_prefill half width / error ratio, all cells", 6);
        // over all cells, the cells a near-locked sampler leaves partly unobserved keep the total's p90 and max above
        // their bounds in nearly every sweep, as the older seed sets showed
        assertThat(meeting(target(targets, "energy_total p90, all cells"), sets))
                .isLessThanOrEqualTo(3);
        assertThat(meeting(target(targets, "energy_total max, all cells"), sets))
                .isZero();
    }

    private static void assertAtLeast(List<Target> targets, List<List<Cell>> sets, String name, int sweeps) {
        assertThat(meeting(target(targets, name), sets)).as(name).isGreaterThanOrEqualTo(sweeps);
    }

    /**
     * The targets met in every sweep: every figure's coverage, over all cells, the unflagged and the flagged ones
     * (prefill's with ≥ 3 and ≥ 6 pooled samples included, since round 10's ramp side; decode's unflagged since its
     * sampling scale); prefill (≥ 6 pooled samples) median ≤ 3 %; and on the unflagged figures every p90.
     */
    private static boolean everySweep(String name) {
        return name.contains("coverage")
                || name.contains("median")
                || name.endsWith(", unflagged") && name.contains(" p90");
    }

    private static long meeting(Target t, List<List<Cell>> sets) {
        return sets.stream()
                .filter(s -> t.met(t.value().applyAsDouble(filter(s, t.cells()))))
                .count();
    }

    private static Target target(List<Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Each target over each set and over all of them pooled, as a markdown table under {@code title}. */
    static String table(String title, List<List<Cell>> sets) {
        List<Cell> all = sets.stream().flatMap(List::stream).toList();
        StringBuilder sb = new StringBuilder("### " + title + "\n\n"
                + "| target | bound | sweeps meeting it | lowest | median | highest | all "
                + all.size() + " cells pooled |\n|---|---|---|---|---|---|---|\n");
        for (Target t : targets()) {
            double[] values = sets.stream()
                    .mapToDouble(s -> t.value().applyAsDouble(filter(s, t.cells())))
                    .sorted()
                    .toArray();
            long meeting = meeting(t, sets);
            double pooled = t.value().applyAsDouble(filter(all, t.cells()));
            boolean percent = !t.name().contains("ratio");
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s %s | %d of %d | %s | %s | %s | %s |%n",
                    t.name(),
                    t.atMost() ? "≤" : "≥",
                    format(t.bound(), percent),
                    meeting,
                    sets.size(),
                    format(values[0], percent),
                    format(EstimatorAccuracy.quantile(values, 0.5), percent),
                    format(values[values.length - 1], percent),
                    format(pooled, percent)));
        }
        return sb.toString();
    }

    private static String format(double v, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<Cell> filter(List<Cell> cells, Predicate<Cell> which) {
        return cells.stream().filter(which).toList();
    }

    private static List<Target> targets() {
        List<Target> t = new ArrayList<>();
        for (boolean unflaggedOnly : new boolean[] {false, true}) {
            String over = unflaggedOnly ? ", unflagged" : ", all cells";
            for (Figure f : List.of(Figure.ENERGY_TOTAL, Figure.OUTPUT_TOK_PER_J)) {
                Predicate<Cell> cells = unflaggedOnly ? EstimatorAccuracy.unflagged(f) : c -> true;
                t.add(new Target(
                        name(f) + " p90" + over, cells, s -> summary(s, f).p90(), 0.02, true));
                t.add(new Target(
                        name(f) + " max" + over, cells, s -> summary(s, f).max(), 0.04, true));
            }
            Predicate<Cell> prefill6 =
                    unflaggedOnly ? c -> c.prefillSamples() >= 6 && c.prefillUnflagged() : c -> c.prefillSamples() >= 6;
            t.add(new Target(
                    "energy_prefill (≥ 6 pooled samples) median" + over,
                    prefill6,
                    s -> summary(s, Figure.ENERGY_PREFILL).median(),
                    0.03,
                    true));
            t.add(new Target(
                    "energy_prefill (≥ 6 pooled samples) p90" + over,
                    prefill6,
                    s -> summary(s, Figure.ENERGY_PREFILL).p90(),
                    0.06,
                    true));
            Predicate<Cell> decode = unflaggedOnly ? EstimatorAccuracy.unflagged(Figure.ENERGY_DECODE) : c -> true;
            t.add(new Target(
                    "energy_decode p90" + over,
                    decode,
                    s -> summary(s, Figure.ENERGY_DECODE).p90(),
                    0.02,
                    true));
            for (Figure f : Figure.values()) {
                Predicate<Cell> cells = unflaggedOnly ? EstimatorAccuracy.unflagged(f) : c -> true;
                t.add(new Target(
                        name(f) + " coverage" + over, cells, s -> summary(s, f).coverage(), 0.9, false));
                if (unflaggedOnly) {
                    t.add(new Target(
                            name(f) + " coverage, flagged",
                            EstimatorAccuracy.unflagged(f).negate(),
                            s -> summary(s, f).coverage(),
                            0.9,
                            false));
                }
            }
            for (Figure f : Figure.values()) {
                Predicate<Cell> cells = unflaggedOnly ? EstimatorAccuracy.unflagged(f) : c -> true;
                t.add(new Target(
                        name(f) + " half width / error ratio" + over,
                        cells,
                        s -> {
                            Summary x = summary(s, f);
                            return x.medianHalfWidth() / x.median();
                        },
                        4,
                        true));
            }
            // prefill's coverage and width where its phase is resolved (≥ 3, ≥ 6 pooled samples): the cells below 3
            // have, by design, an interval that spans the readings around the cell (no estimator can know their power)
            for (int min : new int[] {3, 6}) {
                Predicate<Cell> cells = unflaggedOnly
                        ? c -> c.prefillSamples() >= min && c.prefillUnflagged()
                        : c -> c.prefillSamples() >= min;
                t.add(new Target(
                        "energy_prefill (≥ " + min + " pooled samples) coverage" + over,
                        cells,
                        s -> summary(s, Figure.ENERGY_PREFILL).coverage(),
                        0.9,
                        false));
                t.add(new Target(
                        "energy_prefill (≥ " + min + " pooled samples) half width / error ratio" + over,
                        cells,
                        s -> {
                            Summary x = summary(s, Figure.ENERGY_PREFILL);
                            return x.medianHalfWidth() / x.median();
                        },
                        4,
                        true));
            }
        }
        return t;
    }

    private static String name(Figure f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    private static Summary summary(List<Cell> cells, Figure f) {
        return EstimatorAccuracy.summary(cells, f, c -> true);
    }
}
