package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.jetson.synthetic.EstimatorAccuracy.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimators against the TRUE energy of synthetic cells (TTFT 30 ms – 1 s, requests 0.3–6 s, ~515 ms sampling,
 * 20 requests each). The interval's two constants ({@code PhasePool.SCALE}, {@code STEP_IN}) were chosen on the
 * calibration seed sets; the targets are asserted on the independent hold-out seed sets, which no constant was tuned
 * on, on a fresh hold-out set added in round 6 and on a new one added in round 7. Writes every set's tables to {@code
 * target/estimator-accuracy.md}
 * (docs/ANALYSIS.md §11).
 */
class EstimatorAccuracyTest {

    /** The seed sets the interval's constants were chosen on (3 × 66 cells). */
    static final long[] CALIBRATION_SEEDS = {14_000, 31_337, 777_000};
    /** The hold-out seed sets, never used to choose anything (3 × 66 cells). */
    static final long[] HOLD_OUT_SEEDS = {2_026_001, 5_550_555, 8_080_808};
    /**
     * A fresh hold-out set (3 × 66 cells), chosen on 2026-12-07 at 19:00 UTC from {@code date +%s} = 1,796,670,044
     * (bases 100,000 apart so that no two grids share a cell seed) before round 6 changed anything: the old hold-out set
     * had been looked at in several rounds. Round 6 evaluated it once, on its frozen candidate (docs/ANALYSIS.md §11).
     */
    static final long[] FRESH_HOLD_OUT_SEEDS = {1_796_670_044L, 1_796_770_044L, 1_796_870_044L};
    /**
     * Round 7's new hold-out set (3 × 66 cells), chosen on 2026-12-07 at 21:29 UTC from {@code date +%s} =
     * 1,796,678,943 (bases 100,000 apart; every cell seed ≡ 943 or 944 mod 1000, so none is one of round 6's, ≡ 44 or
     * 45) and committed before round 7 changed anything. Evaluated once, at 21:54 UTC, after round 7's candidate was
     * frozen; the candidate was not adopted and these are the current estimator's figures (docs/ANALYSIS.md §11,
     * "Round 7").
     */
    static final long[] NEW_HOLD_OUT_SEEDS = {1_796_678_943L, 1_796_778_943L, 1_796_878_943L};
    /**
     * Round 9's hold-out set (3 × 66 cells), chosen on 2026-12-08 at 01:14 UTC from {@code date +%s} = 1,796,692,449,
     * with bases 1,000,000 apart (a grid's cell seeds span 197,197 past its base, so bases 100,000 apart, as the sets
     * above use, share cell seeds between their grids, each at another TTFT × latency). Every cell seed is ≡ 449 or 450
     * mod 1000, so none is one of an earlier set's. Committed before round 9's candidate 2 was evaluated on it, once, at
     * 01:44 UTC, beside round 8's estimator; not asserted here: round 8's intervals cover the truth in 89.2 % of its
     * unflagged prefill figures (docs/ANALYSIS.md §11, "Round 9").
     */
    static final long[] ROUND9_HOLD_OUT_SEEDS = {1_796_692_449L, 1_797_692_449L, 1_798_692_449L};

    static List<TruthCellSpec> grids(long[] seeds) {
        List<TruthCellSpec> specs = new ArrayList<>();
        for (long s : seeds) {
            specs.addAll(EstimatorAccuracy.grid(s, 2));
        }
        return specs;
    }

    @Test
    void pooledMeetsItsTargetsOnTheHoldOutSeedsAndItsIntervalsCoverTheTruth() throws IOException {
        List<TruthCellSpec> calibration = grids(CALIBRATION_SEEDS);
        List<TruthCellSpec> holdOut = grids(HOLD_OUT_SEEDS);
        List<TruthCellSpec> fresh = grids(FRESH_HOLD_OUT_SEEDS);
        List<EstimatorAccuracy.Cell> pooled = EstimatorAccuracy.evaluate(EnergyEstimators.pooled(), holdOut);
        List<EstimatorAccuracy.Cell> perRequest = EstimatorAccuracy.evaluate(EnergyEstimators.perRequest(), holdOut);
        List<EstimatorAccuracy.Cell> pooledFresh = EstimatorAccuracy.evaluate(EnergyEstimators.pooled(), fresh);
        List<EstimatorAccuracy.Cell> perRequestFresh = EstimatorAccuracy.evaluate(EnergyEstimators.perRequest(), fresh);
        List<TruthCellSpec> newer = grids(NEW_HOLD_OUT_SEEDS);
        List<EstimatorAccuracy.Cell> pooledNew = EstimatorAccuracy.evaluate(EnergyEstimators.pooled(), newer);
        List<EstimatorAccuracy.Cell> perRequestNew = EstimatorAccuracy.evaluate(EnergyEstimators.perRequest(), newer);
        List<EstimatorAccuracy.Cell> pooledCalibration =
                EstimatorAccuracy.evaluate(EnergyEstimators.pooled(), calibration);
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target/estimator-accuracy.md"),
                EstimatorAccuracy.table("POOLED, hold-out seeds", pooled)
                        + "\n" + EstimatorAccuracy.widthRatios(pooled)
                        + "\n" + EstimatorAccuracy.byTtft(pooled, Figure.ENERGY_PREFILL)
                        + "\n" + EstimatorAccuracy.byPrefillSamples(pooled)
                        + "\n" + EstimatorAccuracy.table("POOLED, fresh hold-out seeds (round 6)", pooledFresh)
                        + "\n" + EstimatorAccuracy.widthRatios(pooledFresh)
                        + "\n" + EstimatorAccuracy.byPrefillSamples(pooledFresh)
                        + "\n" + EstimatorAccuracy.table("POOLED, new hold-out seeds (round 7)", pooledNew)
                        + "\n" + EstimatorAccuracy.widthRatios(pooledNew)
                        + "\n" + EstimatorAccuracy.byPrefillSamples(pooledNew)
                        + "\n" + EstimatorAccuracy.table("POOLED, calibration seeds", pooledCalibration)
                        + "\n" + EstimatorAccuracy.widthRatios(pooledCalibration)
                        + "\n" + EstimatorAccuracy.byPrefillSamples(pooledCalibration)
                        + "\n" + EstimatorAccuracy.table("PER_REQUEST, hold-out seeds", perRequest)
                        + "\n" + EstimatorAccuracy.table("PER_REQUEST, fresh hold-out seeds", perRequestFresh)
                        + "\n" + EstimatorAccuracy.table("PER_REQUEST, new hold-out seeds", perRequestNew)
                        + "\n" + EstimatorAccuracy.flagTable("POOLED by the analysis' flags, hold-out seeds", pooled)
                        + "\n"
                        + EstimatorAccuracy.flagTable(
                                "POOLED by the analysis' flags, fresh hold-out seeds", pooledFresh)
                        + "\n"
                        + EstimatorAccuracy.flagTable("POOLED by the analysis' flags, new hold-out seeds", pooledNew)
                        + "\n"
                        + EstimatorAccuracy.flagTable(
                                "POOLED by the analysis' flags, calibration seeds", pooledCalibration)
                        + "\n### Total energy more than 4 % off, hold-out seeds\n\n"
                        + EstimatorAccuracy.worstTotals(pooled, 0.04)
                        + "\n### Total energy more than 4 % off, fresh hold-out seeds\n\n"
                        + EstimatorAccuracy.worstTotals(pooledFresh, 0.04)
                        + "\n### Total energy more than 4 % off, new hold-out seeds\n\n"
                        + EstimatorAccuracy.worstTotals(pooledNew, 0.04)
                        + "\n### Total energy more than 4 % off, calibration seeds\n\n"
                        + EstimatorAccuracy.worstTotals(pooledCalibration, 0.04));

        assertThat(holdOut).hasSize(198);
        assertThat(fresh).hasSize(198);
        assertCoveredAndMetTargets(pooled, perRequest);
        assertCoveredAndMetTargets(pooledFresh, perRequestFresh);
        assertThat(newer).hasSize(198);
        assertCoveredAndMetTargets(pooledNew, perRequestNew);
        // NOT met on the hold-out seeds (docs/ANALYSIS.md §11): total and output tok/J p90 ≤ 2 % (2.2 %; was 2.5 %
        // before the near-locked test), max ≤ 4 % (20 %), prefill p90 ≤ 6 % (6.4 %), prefill width ≤ 4 × (4.6 ×
        // where ≥ 3 pooled samples since round 10's ramp side, 4.4 × before it; 4.3 × before round 3: near-locked
        // pools take the reconstruction, whose SE is larger). These guard the figures against growing.
        for (Figure f : List.of(Figure.ENERGY_TOTAL, Figure.OUTPUT_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooled, f, c -> true);
            assertThat(s.p90()).as(f.name()).isLessThanOrEqualTo(0.023);
            assertThat(s.max()).as(f.name()).isLessThanOrEqualTo(0.21);
        }
        EstimatorAccuracy.Summary prefill =
                EstimatorAccuracy.summary(pooled, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6);
        assertThat(prefill.p90()).isLessThanOrEqualTo(0.065);
        EstimatorAccuracy.Summary resolved =
                EstimatorAccuracy.summary(pooled, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 3);
        assertThat(resolved.medianHalfWidth()).isLessThanOrEqualTo(4.7 * resolved.median());
        // The fresh hold-out seeds (round 6, evaluated once on the estimator of the time): prefill (≥ 6 pooled
        // samples) p90 5.6 % meets its target there; the total's p90 (2.1 %), its max (11 %) and the prefill width
        // over all cells (4.7 ×) do not, nor, since round 10's ramp side, the prefill width with ≥ 3 and ≥ 6 pooled
        // samples (4.35 ×, 4.28 ×; 3.91 ×, 3.95 × before: the cost docs/ANALYSIS.md §11 "Round 10" measures over
        // forty sweeps, +6 to +8 %). The width assertions guard the figures against growing.
        EstimatorAccuracy.Summary freshPrefill =
                EstimatorAccuracy.summary(pooledFresh, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6);
        assertThat(freshPrefill.p90()).isLessThanOrEqualTo(0.06);
        for (int min : new int[] {3, 6}) {
            EstimatorAccuracy.Summary s =
                    EstimatorAccuracy.summary(pooledFresh, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= min);
            assertThat(s.medianHalfWidth()).as("prefill, ≥ " + min).isLessThanOrEqualTo(4.4 * s.median());
        }
        for (Figure f : List.of(Figure.ENERGY_TOTAL, Figure.OUTPUT_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooledFresh, f, c -> true);
            assertThat(s.p90()).as(f.name()).isLessThanOrEqualTo(0.022);
            assertThat(s.max()).as(f.name()).isLessThanOrEqualTo(0.13);
        }
        EstimatorAccuracy.Summary freshAll = EstimatorAccuracy.summary(pooledFresh, Figure.ENERGY_PREFILL, c -> true);
        assertThat(freshAll.medianHalfWidth()).isLessThanOrEqualTo(5 * freshAll.median());
        // The new hold-out seeds (round 7, evaluated once on the current estimator): prefill (≥ 6 pooled samples) p90
        // 5.9 % meets its target there, and the total's and output tok/J's width ratios (3.9 ×) meet theirs; the
        // total's p90 (2.4 %), its max (30 %) and the prefill width ratios (5.8 ×; 4.6 × and 5.0 × with ≥ 3 and ≥ 6
        // pooled samples) do not. These guard the figures against growing.
        EstimatorAccuracy.Summary newPrefill =
                EstimatorAccuracy.summary(pooledNew, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6);
        assertThat(newPrefill.p90()).isLessThanOrEqualTo(0.06);
        assertThat(newPrefill.medianHalfWidth()).isLessThanOrEqualTo(5.5 * newPrefill.median());
        for (Figure f : List.of(Figure.ENERGY_TOTAL, Figure.OUTPUT_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooledNew, f, c -> true);
            assertThat(s.p90()).as(f.name()).isLessThanOrEqualTo(0.026);
            assertThat(s.max()).as(f.name()).isLessThanOrEqualTo(0.43);
        }
        EstimatorAccuracy.Summary newAll = EstimatorAccuracy.summary(pooledNew, Figure.ENERGY_PREFILL, c -> true);
        assertThat(newAll.medianHalfWidth()).isLessThanOrEqualTo(6 * newAll.median());
        // Prefill's width over the figures the analysis leaves unflagged meets 4 × on the two newer hold-out sets
        // (3.5 ×, 3.3 ×) but not on the old one (4.3 ×; 4.1 × before round 10's ramp side); this guards it against
        // growing (docs/ANALYSIS.md §11, "Round 8", "Round 10").
        for (List<EstimatorAccuracy.Cell> set : List.of(pooledFresh, pooledNew)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(
                    set, Figure.ENERGY_PREFILL, EstimatorAccuracy.unflagged(Figure.ENERGY_PREFILL));
            assertThat(s.medianHalfWidth()).isLessThanOrEqualTo(4 * s.median());
        }
        EstimatorAccuracy.Summary oldUnflagged = EstimatorAccuracy.summary(
                pooled, Figure.ENERGY_PREFILL, EstimatorAccuracy.unflagged(Figure.ENERGY_PREFILL));
        assertThat(oldUnflagged.medianHalfWidth()).isLessThanOrEqualTo(4.35 * oldUnflagged.median());
    }

    /**
     * What holds on every hold-out set: every figure's coverage ≥ 90 % (both estimators, and prefill with ≥ 3 and ≥ 6
     * pooled samples); issue 14's targets met there (decode p90 ≤ 2 %; prefill with ≥ 6 pooled samples median ≤ 3 %;
     * median half width ≤ 4 × the median error for total, decode and their tok/J); and every cell whose total is more
     * than 4 % off has a tenth or more of its request axis that no reading of any of its requests fell on, and is
     * covered (so no cell that is observed, widest unsampled stretch below 10 %, is more than 4 % off).
     */
    private static void assertCoveredAndMetTargets(
            List<EstimatorAccuracy.Cell> pooled, List<EstimatorAccuracy.Cell> perRequest) {
        for (Figure f : Figure.values()) {
            assertThat(EstimatorAccuracy.summary(pooled, f, c -> true).coverage())
                    .as(f.name())
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(EstimatorAccuracy.summary(perRequest, f, c -> true).coverage())
                    .as(f.name())
                    .isGreaterThanOrEqualTo(0.9);
        }
        for (int min : new int[] {3, 6}) {
            assertThat(EstimatorAccuracy.summary(pooled, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= min)
                            .coverage())
                    .as("prefill, ≥ " + min)
                    .isGreaterThanOrEqualTo(0.9);
        }
        assertThat(EstimatorAccuracy.summary(pooled, Figure.ENERGY_DECODE, c -> true)
                        .p90())
                .isLessThanOrEqualTo(0.02);
        assertThat(EstimatorAccuracy.summary(pooled, Figure.ENERGY_PREFILL, c -> c.prefillSamples() >= 6)
                        .median())
                .isLessThanOrEqualTo(0.03);
        for (Figure f :
                List.of(Figure.ENERGY_TOTAL, Figure.ENERGY_DECODE, Figure.OUTPUT_TOK_PER_J, Figure.DECODE_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooled, f, c -> true);
            assertThat(s.medianHalfWidth()).as(f.name()).isLessThanOrEqualTo(4 * s.median());
        }
        assertUnflaggedMeetTheTargetsAndFlaggedAreCovered(pooled);
        // Why max ≤ 4 % is out of reach: every cell whose total is more than 4 % off has a stretch of at least a tenth
        // of the request axis that no reading of any of its 20 requests fell on, where the power may lie anywhere
        // between idle and prefill's level; and its interval says so (covers the truth).
        for (EstimatorAccuracy.Cell c : pooled) {
            EstimatorAccuracy.Result r = c.result(Figure.ENERGY_TOTAL);
            if (r.error() > 0.04) {
                assertThat(c.widestUnsampled()).as(c.spec().toString()).isGreaterThanOrEqualTo(0.1);
                assertThat(r.covered()).as(c.spec().toString()).isTrue();
            }
        }
    }

    /**
     * Issue 14's targets on the figures the analysis does not flag ({@code WINDOW_UNDERSAMPLED}: total or decode
     * interval wider than ±4 %; {@code PREFILL_UNDERSAMPLED}: prefill's wider than ±10 %), and coverage where it
     * does: a flagged figure's answer is its interval. Total and output tok/J p90 ≤ 2 % and max ≤ 4 %; decode p90 ≤
     * 2 %; prefill median ≤ 3 % and p90 ≤ 6 %; total, decode and their tok/J median half width ≤ 4 × the median
     * error; every figure's coverage ≥ 90 % among its unflagged cells and among its flagged ones.
     */
    private static void assertUnflaggedMeetTheTargetsAndFlaggedAreCovered(List<EstimatorAccuracy.Cell> pooled) {
        for (Figure f : Figure.values()) {
            EstimatorAccuracy.Summary unflagged = EstimatorAccuracy.summary(pooled, f, EstimatorAccuracy.unflagged(f));
            EstimatorAccuracy.Summary flagged = EstimatorAccuracy.summary(
                    pooled, f, EstimatorAccuracy.unflagged(f).negate());
            assertThat(unflagged.coverage()).as(f + ", unflagged").isGreaterThanOrEqualTo(0.9);
            assertThat(flagged.coverage()).as(f + ", flagged").isGreaterThanOrEqualTo(0.9);
            // most cells are unflagged for the total: the flag is not a way to hide the grid
            if (f == Figure.ENERGY_TOTAL) {
                assertThat(unflagged.cells()).isGreaterThanOrEqualTo(pooled.size() * 2 / 3);
            }
        }
        for (Figure f : List.of(Figure.ENERGY_TOTAL, Figure.OUTPUT_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooled, f, EstimatorAccuracy.unflagged(f));
            assertThat(s.p90()).as(f + ", unflagged").isLessThanOrEqualTo(0.02);
            assertThat(s.max()).as(f + ", unflagged").isLessThanOrEqualTo(0.04);
        }
        for (Figure f :
                List.of(Figure.ENERGY_TOTAL, Figure.ENERGY_DECODE, Figure.OUTPUT_TOK_PER_J, Figure.DECODE_TOK_PER_J)) {
            EstimatorAccuracy.Summary s = EstimatorAccuracy.summary(pooled, f, EstimatorAccuracy.unflagged(f));
            assertThat(s.medianHalfWidth()).as(f + ", unflagged").isLessThanOrEqualTo(4 * s.median());
        }
        assertThat(EstimatorAccuracy.summary(
                                pooled, Figure.ENERGY_DECODE, EstimatorAccuracy.unflagged(Figure.ENERGY_DECODE))
                        .p90())
                .isLessThanOrEqualTo(0.02);
        EstimatorAccuracy.Summary prefill = EstimatorAccuracy.summary(
                pooled, Figure.ENERGY_PREFILL, EstimatorAccuracy.unflagged(Figure.ENERGY_PREFILL));
        assertThat(prefill.median()).isLessThanOrEqualTo(0.03);
        assertThat(prefill.p90()).isLessThanOrEqualTo(0.06);
    }

    @Test
    void aTwentyMillisecondPrefillInFiveRequestsIsDeclaredUnknown() {
        TruthCell cell = TruthCell.simulate(TruthCellSpec.random(2020, 20, 400).withRequests(5));
        CellAttribution a = EnergyEstimators.pooled().attribute(cell.trace(), cell.requests());
        EnergyEstimate prefill = a.cell().prefill();

        assertThat(cell.pooledSamples(Phase.PREFILL)).isLessThanOrEqualTo(1);
        assertThat(prefill.relativeHalfWidth()).isGreaterThan(0.25);
        assertThat(prefill.covers(cell.trueCellJoules(Phase.PREFILL))).isTrue();
    }

    @Test
    void aSamplerLockedToTheRequestPeriodWidensTheInterval() {
        int covered = 0;
        int cells = 0;
        for (TruthCellSpec spec : EstimatorAccuracy.grid(9_000, 1)) {
            TruthCell cell = TruthCell.simulate(spec.withPhaseLocked());
            CellAttribution a = EnergyEstimators.pooled().attribute(cell.trace(), cell.requests());
            cells++;
            covered += a.cell().total().covers(cell.trueCellJoules(Phase.TOTAL)) ? 1 : 0;
        }
        assertThat((double) covered / cells).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theTruthIsTheIntegralOfTheModelNotOfTheSamples() {
        // A constant 5 W with no noise, ramps or idle contrast: every request's true energy is 5 W × its duration.
        TruthCellSpec flat = new TruthCellSpec(7, 5, 100, 1000, 515, 3, 4, 0, 5, 5, 5, 0, 0, 0, 0.03, 3, 25, false, 0);
        TruthCell cell = TruthCell.simulate(flat);
        for (int i = 0; i < 5; i++) {
            var r = cell.requests().get(i);
            assertThat(cell.trueJoules(i, Phase.PREFILL))
                    .isCloseTo(5 * r.durationNanos(Phase.PREFILL) / 1e9, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(cell.trueJoules(i, Phase.TOTAL))
                    .isCloseTo(5 * r.durationNanos(Phase.TOTAL) / 1e9, org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
