package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Severity;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.ExclusionReason;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.synthetic.CellTruth;
import io.github.tokjoule.jetson.synthetic.ModeModelParameters;
import io.github.tokjoule.jetson.synthetic.RequestTruth;
import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SweepTruth;
import io.github.tokjoule.jetson.synthetic.SyntheticParameters;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end analysis of synthetic sweeps against their ground truth. */
class SweepAnalysisTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final PowerMode MODE = PowerMode.of(1, "25W");

    @TempDir
    static Path dir;

    static SweepTruth designed;
    static SweepResult measured;

    /**
     * A sweep designed so that every flag is clear-cut. "fast" prefills in 26–160 ms (at most one 0.51–0.525 s
     * sample can fall inside: PREFILL_UNDERSAMPLED), "slow" in at least 1.35 s (always two samples or more). Both
     * decode at 150 ms per token, so a 160-token request lasts 24 s (about 46 samples). Injected: early EOS in one
     * cell, 2 failed requests in another, a cell marked FAILED, a cell whose requests all failed.
     */
    static SweepSpec designedSpec() {
        ModeModelParameters base = ModeModelParameters.builder()
                .interTokenLatencyMillis(150)
                .itlGrowthPerThousandContextTokens(0)
                .idleWatts(1.5)
                .prefillWatts(8)
                .decodeWatts(6)
                .noiseWatts(0.25)
                .build();
        SyntheticParameters p = SyntheticParameters.empty()
                .with(
                        "fast",
                        MODE,
                        base.toBuilder()
                                .prefillOverheadMillis(20)
                                .prefillTokensPerSecond(20_000)
                                .build())
                .with(
                        "slow",
                        MODE,
                        base.toBuilder()
                                .prefillOverheadMillis(1400)
                                .prefillTokensPerSecond(4000)
                                .build());
        return SweepSpec.builder(KOLKATA)
                .parameters(p)
                .promptLengths(128, 2048)
                .genLengths(64, 160)
                .requestsPerCell(6)
                .randomAnomalies(false)
                .earlyEos("fast", "25W", 128, 160, true)
                .failedRequests("slow", "25W", 2048, 64, 2)
                .failedRequests("fast", "25W", 2048, 64, 6)
                .failCell("slow", "25W", 128, 160, "server died (OOM?)")
                .build();
    }

    @BeforeAll
    static void generate() throws IOException {
        designed = SyntheticSweep.generate(designedSpec(), dir.resolve("designed"));
        measured = SweepAnalysis.analyze(dir.resolve("designed"));
    }

    private static CellMetrics cell(SweepResult r, String model, int ctx, int gen) {
        return r.cell(model, "25W", ctx, gen).orElseThrow().metrics();
    }

    @Test
    void flagsFireExactlyWhereTheGeneratorPutTheirCause() {
        assertThat(measured.cells()).hasSize(8);
        for (AnalyzedCell c : measured.cells()) {
            CellMetrics m = c.metrics();
            String model = m.id().model();
            int ctx = m.id().targetInputTokens();
            int gen = m.id().targetOutputTokens();
            boolean failedCell = model.equals("slow") && ctx == 128 && gen == 160
                    || model.equals("fast") && ctx == 2048 && gen == 64;
            assertThat(m.isOk()).as("%s ok", m.id()).isEqualTo(!failedCell);
            if (failedCell) {
                continue;
            }
            CellTruth truth = designed.cell(model, "25W", ctx, gen).orElseThrow();
            // "fast" prefills hold at most one sample each: nothing can know them; "slow" ones are measured
            assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED))
                    .as("%s prefill", m.id())
                    .isEqualTo(model.equals("fast"))
                    .isEqualTo(truth.minSamplesInPrefill().getAsInt() < 2);
            assertThat(m.hasFlag(AccuracyFlag.OUTPUT_LENGTH_MISMATCH))
                    .as("%s eos", m.id())
                    .isEqualTo(truth.earlyEos())
                    .isEqualTo(model.equals("fast") && ctx == 128 && gen == 160);
            assertThat(m.hasFlag(AccuracyFlag.REQUEST_ERRORS))
                    .as("%s errors", m.id())
                    .isEqualTo(truth.failedRequests() > 0)
                    .isEqualTo(model.equals("slow") && ctx == 2048 && gen == 64);
            for (AccuracyFlag never : Set.of(
                    AccuracyFlag.WINDOW_OUTSIDE_TRACE,
                    AccuracyFlag.WINDOW_UNDERSAMPLED,
                    AccuracyFlag.RAIL_MISSING,
                    AccuracyFlag.ZONE_MISMATCH,
                    AccuracyFlag.SAMPLE_GAP,
                    AccuracyFlag.INPUT_LENGTH_MISMATCH,
                    AccuracyFlag.THERMAL_THROTTLE)) {
                assertThat(m.hasFlag(never)).as("%s %s", m.id(), never).isFalse();
            }
            assertThat(m.rail()).contains("VDD_CPU_GPU_CV");
            assertThat(m.method()).isEqualTo(EnergyMethod.MEASURED);
            assertThat(m.flags(AccuracyFlag.TIMESTAMPS_RECONSTRUCTED))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }
        assertThat(cell(measured, "slow", 128, 160).status().failureReason()).contains("server died (OOM?)");
        assertThat(cell(measured, "fast", 2048, 64).status().failureReason().orElseThrow())
                .contains("all 6 requests failed");
        assertThat(cell(measured, "slow", 2048, 64).errorCount()).isEqualTo(2);
        assertThat(cell(measured, "slow", 2048, 64).requestCount()).isEqualTo(6);
    }

    /**
     * MEASURED energy per request equals the integral of the sampled trace over the true request window within 1 %
     * when the window holds 20 samples or more: what is left is the library's reconstruction of sub-second sample
     * times from 1-second stamps.
     */
    @Test
    void measuredEnergyPerRequestMatchesTheSampledTraceOverTheTrueWindow() throws IOException {
        int compared = 0;
        SweepResult perRequest = SweepAnalysis.analyze(
                dir.resolve("designed"), AnalysisOptions.defaults().withEstimator(EnergyEstimators.perRequest()));
        for (AnalyzedCell c : perRequest.cells()) {
            if (!c.metrics().isOk()) {
                continue;
            }
            CellMetrics m = c.metrics();
            CellTruth truth = designed.cell(
                            m.id().model(), "25W", m.id().targetInputTokens(), m.id().targetOutputTokens())
                    .orElseThrow();
            Map<Long, AttributedRequest> byStart = new HashMap<>();
            c.requests().forEach(r -> byStart.put(r.timeline().startEpochNanos(), r));
            assertThat(c.requests()).hasSize(truth.successfulRequests().size());
            for (RequestTruth t : truth.successfulRequests()) {
                AttributedRequest r = byStart.get(t.startEpochNanos());
                assertThat(r).isNotNull();
                assertThat(r.timeline().endEpochNanos()).isEqualTo(t.endEpochNanos());
                if (t.samplesInRequest() >= 20) {
                    compared++;
                    assertThat(r.total().joules())
                            .as("%s request %d", m.id(), t.index())
                            .isCloseTo(
                                    t.sampledTotalJoules().vddCpuGpuCvJoules(),
                                    within(0.01 * t.sampledTotalJoules().vddCpuGpuCvJoules()));
                }
            }
            // the cell's ratio of sums equals the same ratio over the per-request results
            double osl = c.requests().stream()
                    .mapToDouble(r -> r.timeline().outputTokens())
                    .sum();
            double joules =
                    c.requests().stream().mapToDouble(r -> r.total().joules()).sum();
            assertThat(m.outputTokensPerJoule(OutputTokJVariant.REQUEST)).isCloseTo(osl / joules, within(1e-9));
            assertThat(m.totalJoulesPerRequest())
                    .isCloseTo(joules / c.requests().size(), within(1e-9));
        }
        assertThat(compared).isGreaterThanOrEqualTo(18);
    }

    @Test
    void aZoneOtherThanTheRecordedOneIsFlaggedNotSilentlyWrong() throws IOException {
        SweepResult wrong = SweepAnalysis.analyze(
                dir.resolve("designed"), AnalysisOptions.defaults().withZone(ZoneId.of("Europe/Berlin")));
        assertThat(wrong.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(wrong.sweepFlags()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(AccuracyFlag.ZONE_MISMATCH);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        for (AnalyzedCell c : wrong.cells()) {
            if (c.metrics().isOk()) {
                assertThat(c.metrics().hasFlag(AccuracyFlag.ZONE_MISMATCH)).isTrue();
                // 3.5 h between the zones in May: aiperf's window lies far from the trace, and is flagged
                assertThat(c.metrics().hasFlag(AccuracyFlag.WINDOW_OUTSIDE_TRACE))
                        .isTrue();
                assertThat(c.metrics().totalJoulesPerRequest()).isNaN();
                // every successful request lies outside the trace: excluded, counted and said, none extrapolated
                CellAttribution a = c.attribution().orElseThrow();
                assertThat(a.requests()).isEmpty();
                assertThat(a.excludedCount(ExclusionReason.OUTSIDE_TRACE)).isPositive();
                assertThat(wrong.warnings()).anySatisfy(w -> assertThat(w)
                        .startsWith(c.directory() + ": ")
                        .contains(" requests left out of the energies (")
                        .contains(" OUTSIDE_TRACE)"));
            }
        }
        SweepResult right = SweepAnalysis.analyze(
                dir.resolve("designed"), AnalysisOptions.defaults().withZone(KOLKATA));
        assertThat(right.sweepFlags()).isEmpty();
        assertThat(right.metrics()).isEqualTo(measured.metrics());
    }

    @Test
    void railChoicesAreRecordedInEveryRow() throws IOException {
        Path d = dir.resolve("designed");
        SweepResult in = SweepAnalysis.analyze(d, AnalysisOptions.defaults().withRail(RailChoice.rail("vdd_in")));
        SweepResult total = SweepAnalysis.analyze(d, AnalysisOptions.defaults().withRail(RailChoice.boardTotal()));
        SweepResult sum =
                SweepAnalysis.analyze(d, AnalysisOptions.defaults().withRail(RailChoice.parse("VDD_IN+VDD_SOC")));
        SweepResult all = SweepAnalysis.analyze(d, AnalysisOptions.defaults().withRail(RailChoice.allRails()));
        SweepResult missing =
                SweepAnalysis.analyze(d, AnalysisOptions.defaults().withRail(RailChoice.rail("VDD_GPU")));
        CellMetrics compute = cell(measured, "slow", 2048, 160);
        assertThat(cell(in, "slow", 2048, 160).rail()).contains("VDD_IN");
        assertThat(cell(total, "slow", 2048, 160).rail()).contains("VDD_IN");
        assertThat(cell(sum, "slow", 2048, 160).rail()).contains("VDD_IN+VDD_SOC");
        assertThat(cell(all, "slow", 2048, 160).rail()).contains("VDD_IN+VDD_CPU_GPU_CV+VDD_SOC");
        // VDD_IN = 1 W + P + VDD_SOC > P
        assertThat(cell(in, "slow", 2048, 160).totalJoulesPerRequest()).isGreaterThan(compute.totalJoulesPerRequest());
        assertThat(cell(sum, "slow", 2048, 160).totalJoulesPerRequest())
                .isGreaterThan(cell(in, "slow", 2048, 160).totalJoulesPerRequest());
        CellMetrics gpu = cell(missing, "slow", 2048, 160);
        assertThat(gpu.isOk()).isTrue();
        assertThat(gpu.hasFlag(AccuracyFlag.RAIL_MISSING)).isTrue();
        assertThat(gpu.totalJoulesPerRequest()).isNaN();
        assertThat(gpu.ttftMillis().p50()).isEqualTo(compute.ttftMillis().p50());
    }

    @Test
    void seedCompatibleRunsOnTheSameSweepWithTheSeedsRules() throws IOException {
        SweepResult seed = SweepAnalysis.analyze(
                dir.resolve("designed"), AnalysisOptions.defaults().withMethod(EnergyMethod.SEED_COMPATIBLE));
        for (AnalyzedCell c : seed.cells()) {
            CellMetrics m = c.metrics();
            if (!m.isOk()) {
                continue;
            }
            assertThat(m.method()).isEqualTo(EnergyMethod.SEED_COMPATIBLE);
            // the seed's rule: TTFT p50 < 500 ms
            assertThat(m.hasFlag(AccuracyFlag.PREFILL_UNDERSAMPLED))
                    .isEqualTo(m.ttftMillis().p50() < 500);
            // its power is the median of the window's samples: between idle (1.5 W) and prefill (8 W) power
            assertThat(m.watts(PowerStatistic.SAMPLE_MEDIAN)).isBetween(1.4, 8.5);
            assertThat(m.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)).isPositive();
        }
        // long decode at 6 W: the seed's decode-phase tok/J is near the true OSL / decode energy
        CellMetrics slow = cell(seed, "slow", 2048, 160);
        CellTruth truth = designed.cell("slow", "25W", 2048, 160).orElseThrow();
        double trueDecode = truth.successfulRequests().stream()
                .mapToDouble(r -> r.decodeJoules().vddCpuGpuCvJoules())
                .average()
                .orElseThrow();
        assertThat(slow.decodeJoulesPerRequest()).isCloseTo(trueDecode, within(0.05 * trueDecode));
    }

    @Test
    void moreThreadsGiveTheSameResult() throws IOException {
        SweepResult two = SweepAnalysis.analyze(
                dir.resolve("designed"), AnalysisOptions.defaults().withThreads(3));
        assertThat(two.metrics()).isEqualTo(measured.metrics());
        assertThat(two.timings().wallNanos()).isPositive();
        // lines of the analyzed cells: the FAILED cell and the cell whose requests all failed are not read
        long expected = designed.cells().stream()
                .filter(c -> !c.allRequestsFailed())
                .filter(c -> !(c.spec().model().equals("slow")
                        && c.spec().targetInputTokens() == 128
                        && c.spec().targetOutputTokens() == 160))
                .mapToLong(CellTruth::samples)
                .sum();
        assertThat(measured.tegrastatsLines()).isEqualTo(expected);
    }

    @Test
    void missingZoneIsRefused() throws IOException {
        Path seedRoot = dir.resolve("nozone/x-25w");
        Files.createDirectories(seedRoot.resolve("m/gen64/ctx128"));
        assertThatThrownBy(() -> SweepAnalysis.analyze(dir.resolve("nozone")))
                .isInstanceOf(SweepFormatException.class)
                .hasMessageContaining("no time zone");
    }
}
