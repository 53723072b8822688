package io.github.tokjoule.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.testing.SeedTable15;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlagRulesTest {

    private static final FlagThresholds T = FlagThresholds.defaults();

    @Test
    void seedPrefillRuleFlagsTtftBelow500Millis() {
        Flag f = FlagRules.prefillBelowSeedRule(312, T).orElseThrow();
        assertThat(f.flag()).isEqualTo(AccuracyFlag.PREFILL_UNDERSAMPLED);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.numbers())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("ttftP50Millis", 312.0),
                        org.assertj.core.api.Assertions.entry("thresholdMillis", 500.0));
        assertThat(f.reason()).isEqualTo("TTFT p50 312 ms < 500 ms (the seed's rule): prefill energy is approximate");
        assertThat(FlagRules.prefillBelowSeedRule(500, T)).isEmpty(); // strict "<", as the seed
        assertThat(FlagRules.prefillBelowSeedRule(499.9, T)).isPresent();
        assertThat(FlagRules.prefillBelowSeedRule(600, T.withPrefillRuleMillis(1000)))
                .isPresent();
        assertThatThrownBy(() -> FlagRules.prefillBelowSeedRule(-1, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttftP50Millis must be finite and not negative: -1.0");
    }

    @Test
    void seedRuleOnTable15FlagsTheSixFastPrefills() {
        // By hand from Table 15, TTFT p50 < 500 ms: SmolLM2-135M 15W 442.5, 25W 308.7, MAXN 319.5; Qwen2.5-0.5B
        // MAXN 484.8; LFM2.5-350M 25W 393.7, MAXN 396.0. SmolLM2-360M 25W (502.5) is just above.
        List<String> flagged = SeedTable15.ROWS.stream()
                .filter(r -> FlagRules.prefillBelowSeedRule(r.ttftMillis(), T).isPresent())
                .map(r -> r.model() + " " + r.mode())
                .collect(Collectors.toList());
        assertThat(flagged)
                .containsExactlyInAnyOrder(
                        "SmolLM2-135M 15W",
                        "SmolLM2-135M 25W",
                        "SmolLM2-135M MAXN",
                        "Qwen2.5-0.5B MAXN",
                        "LFM2.5-350M 25W",
                        "LFM2.5-350M MAXN");
    }

    @Test
    void samplesInWindows() {
        assertThat(FlagRules.prefillUndersampled(2, T)).isEmpty();
        Flag f = FlagRules.prefillUndersampled(1, T).orElseThrow();
        assertThat(f.number("samplesInPrefillWindow")).isEqualTo(1);
        assertThat(f.number("minPrefillSamples")).isEqualTo(2);
        assertThat(f.reason())
                .isEqualTo("1 power sample(s) inside the prefill window (fewer than 2): prefill energy is"
                        + " interpolated, not measured");
        assertThat(FlagRules.prefillUndersampled(2, T.withMinPrefillSamples(3))).isPresent();
        assertThat(FlagRules.windowUndersampled(0, T).orElseThrow().flag()).isEqualTo(AccuracyFlag.WINDOW_UNDERSAMPLED);
        assertThat(FlagRules.windowUndersampled(2, T)).isEmpty();
        assertThat(FlagRules.windowUndersampled(4, T.withMinWindowSamples(5))).isPresent();
        assertThatThrownBy(() -> FlagRules.prefillUndersampled(-1, T))
                .hasMessage("samplesInPrefillWindow must not be negative: -1");
        assertThatThrownBy(() -> FlagRules.windowUndersampled(-1, T))
                .hasMessage("samplesInWindow must not be negative: -1");
    }

    @Test
    void prefillUncertainWhenTheIntervalIsWiderThanTenPercentOrAbsent() {
        // [0.9, 1.1] J around 1.0 J: half width 0.1 / 1.0 = exactly the default bound, not flagged
        assertThat(FlagRules.prefillUncertain(0.10, T)).isEmpty();
        Flag f = FlagRules.prefillUncertain(0.25, T).orElseThrow();
        assertThat(f.flag()).isEqualTo(AccuracyFlag.PREFILL_UNDERSAMPLED);
        assertThat(f.number("relativeHalfWidth")).isEqualTo(0.25);
        assertThat(f.number("maxRelativeHalfWidth")).isEqualTo(0.10);
        assertThat(f.reason())
                .isEqualTo(
                        "prefill energy's 95 % interval reaches 25 % from the estimate (more than 10 %): too few power samples fall"
                                + " inside the prefill windows");
        Flag none = FlagRules.prefillUncertain(Double.NaN, T).orElseThrow();
        assertThat(none.number("relativeHalfWidth")).isNaN();
        assertThat(none.reason()).isEqualTo("prefill energy has no 95 % interval: its accuracy is unknown");
        assertThat(FlagRules.prefillUncertain(0.04, T.withMaxPrefillRelativeHalfWidth(0.03)))
                .isPresent();
        assertThat(FlagRules.prefillUncertain(0, T)).isEmpty();
        assertThatThrownBy(() -> FlagRules.prefillUncertain(-0.1, T))
                .hasMessage("relativeHalfWidth must be NaN or finite and not negative: -0.1");
        assertThatThrownBy(() -> T.withMaxPrefillRelativeHalfWidth(0))
                .hasMessage("maxPrefillRelativeHalfWidth must be positive and finite: 0.0");
    }

    @Test
    void onEstimatesTheFlagsReadTheIntervalsWiderSide() {
        // [95, 102] J around 100 J: half width 3.5 % (within ±4 %), but it reaches 5 % below the estimate
        EnergyEstimate total = EnergyEstimate.of(100, 95, 102);
        EnergyEstimate decode = EnergyEstimate.of(50, 49, 51);
        Flag window = FlagRules.energyUncertain(total, decode, T).orElseThrow();
        assertThat(window.number("totalRelativeHalfWidth")).isEqualTo(0.05);
        assertThat(window.number("decodeRelativeHalfWidth")).isEqualTo(0.02);
        assertThat(FlagRules.energyUncertain(EnergyEstimate.of(100, 96.5, 103.5), decode, T))
                .isEmpty();
        // [8.9, 10.3] J around 10 J: half width 7 %, reaching 11 % below
        Flag prefill =
                FlagRules.prefillUncertain(EnergyEstimate.of(10, 8.9, 10.3), T).orElseThrow();
        assertThat(prefill.number("relativeHalfWidth")).isCloseTo(0.11, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(FlagRules.prefillUncertain(EnergyEstimate.of(10, 9.3, 10.7), T))
                .isEmpty();
        // no interval: accuracy unknown
        assertThat(FlagRules.prefillUncertain(EnergyEstimate.withoutInterval(10), T))
                .isPresent();
        assertThat(FlagRules.energyUncertain(EnergyEstimate.withoutInterval(100), decode, T))
                .isPresent();
    }

    @Test
    void energyUncertainWhenTheTotalOrDecodeIntervalIsWiderThanFourPercent() {
        // [96, 104] J around 100 J: half width 4 / 100 = exactly the default bound, not flagged
        assertThat(FlagRules.energyUncertain(0.04, 0.04, T)).isEmpty();
        Flag total = FlagRules.energyUncertain(0.125, 0.03, T).orElseThrow();
        assertThat(total.flag()).isEqualTo(AccuracyFlag.WINDOW_UNDERSAMPLED);
        assertThat(total.severity()).isEqualTo(Severity.WARNING);
        assertThat(total.numbers())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("totalRelativeHalfWidth", 0.125),
                        org.assertj.core.api.Assertions.entry("decodeRelativeHalfWidth", 0.03),
                        org.assertj.core.api.Assertions.entry("maxRelativeHalfWidth", 0.04));
        assertThat(total.reason())
                .isEqualTo(
                        "total energy's 95 % interval reaches 12.5 % from the estimate (more than 4 %): the power samples do not"
                                + " observe enough of the requests");
        // the decode interval alone may fire it: decode tok/J is a headline figure of its own
        Flag decode = FlagRules.energyUncertain(0.02, 0.06, T).orElseThrow();
        assertThat(decode.reason())
                .startsWith("decode energy's 95 % interval reaches 6 % from the estimate (more than 4 %)");
        // no decode figure (NaN) does not fire; no total interval does
        assertThat(FlagRules.energyUncertain(0.01, Double.NaN, T)).isEmpty();
        Flag unknown = FlagRules.energyUncertain(Double.NaN, 0.01, T).orElseThrow();
        assertThat(unknown.reason()).isEqualTo("total energy has no 95 % interval: its accuracy is unknown");
        assertThat(unknown.numbers()).containsOnlyKeys("maxRelativeHalfWidth");
        assertThat(FlagRules.energyUncertain(0.03, 0, T.withMaxEnergyRelativeHalfWidth(0.02)))
                .isPresent();
        assertThatThrownBy(() -> FlagRules.energyUncertain(-0.1, 0, T))
                .hasMessage("a relative half width must be NaN or finite and not negative: -0.1, 0.0");
        assertThatThrownBy(() -> FlagRules.energyUncertain(0, Double.POSITIVE_INFINITY, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void energyUncertainFiresExactlyWhenTheWiderIntervalPassesTheBound() {
        // A slow reference: fires iff max(total, decode) > bound; and widening either interval never clears it.
        qt().forAll(
                        doubles().between(0, 0.2),
                        doubles().between(0, 0.2),
                        doubles().between(0.001, 0.1))
                .checkAssert((t, d, bound) -> {
                    FlagThresholds th = T.withMaxEnergyRelativeHalfWidth(bound);
                    boolean fires = FlagRules.energyUncertain(t, d, th).isPresent();
                    assertThat(fires).isEqualTo(t > bound || d > bound);
                    if (fires) {
                        assertThat(FlagRules.energyUncertain(t * 1.5, d, th)).isPresent();
                        assertThat(FlagRules.energyUncertain(t, d * 1.5, th)).isPresent();
                    }
                });
    }

    @Test
    void sampleGapAboveThreeNominalIntervals() {
        // Nominal 0.5 s: 1.5 s is exactly 3 × (not flagged), 1.6 s is flagged.
        assertThat(FlagRules.sampleGap(1.5, 0.5, T)).isEmpty();
        Flag f = FlagRules.sampleGap(1.6, 0.5, T).orElseThrow();
        assertThat(f.reason()).isEqualTo("a 1.6 s gap between power samples exceeds 3 × the 0.5 s interval");
        assertThat(f.number("sampleGapFactor")).isEqualTo(3);
        assertThat(FlagRules.sampleGap(1.2, 0.5, T.withSampleGapFactor(2))).isPresent();
        assertThatThrownBy(() -> FlagRules.sampleGap(1, 0, T))
                .hasMessage("nominalIntervalSeconds must be positive and finite: 0.0");
        assertThatThrownBy(() -> FlagRules.sampleGap(1, Double.POSITIVE_INFINITY, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlagRules.sampleGap(Double.NaN, 1, T))
                .hasMessage("largestGapSeconds must be finite and not negative: NaN");
    }

    @Test
    void windowOutsideTrace() {
        long s = 1_000_000_000_000L;
        // Inside, and touching both ends: no flag.
        assertThat(FlagRules.windowOutsideTrace(s + 10, s + 20, s, s + 30)).isEmpty();
        assertThat(FlagRules.windowOutsideTrace(s, s + 30, s, s + 30)).isEmpty();
        // 0.5 s sticking out at the end: warning.
        Flag edge = FlagRules.windowOutsideTrace(s, s + 2_000_000_000L, s, s + 1_500_000_000L)
                .orElseThrow();
        assertThat(edge.severity()).isEqualTo(Severity.WARNING);
        assertThat(edge.number("secondsAfterTrace")).isEqualTo(0.5);
        assertThat(edge.number("secondsBeforeTrace")).isEqualTo(0.0);
        assertThat(edge.reason())
                .isEqualTo("the window extends 0 s before and 0.5 s after the power trace: its edges are extrapolated");
        // Window 5.5 h after the trace (IST read as UTC): error.
        long h = 3_600_000_000_000L;
        Flag tz =
                FlagRules.windowOutsideTrace(s + 6 * h, s + 7 * h, s, s + h / 2).orElseThrow();
        assertThat(tz.severity()).isEqualTo(Severity.ERROR);
        assertThat(tz.reason())
                .isEqualTo("the window lies entirely outside the power trace (5.5 h away): nothing was"
                        + " measured; a time-zone mismatch?");
        // Entirely before.
        Flag early = FlagRules.windowOutsideTrace(s - 2 * h, s - h, s, s + h).orElseThrow();
        assertThat(early.severity()).isEqualTo(Severity.ERROR);
        assertThat(early.number("secondsBeforeTrace")).isEqualTo(7200.0);
        assertThat(early.reason()).contains("(1 h away)");
        assertThatThrownBy(() -> FlagRules.windowOutsideTrace(2, 1, 0, 5))
                .hasMessage("windowEndEpochNanos (1) is before windowStartEpochNanos (2)");
        assertThatThrownBy(() -> FlagRules.windowOutsideTrace(0, 1, 5, 4))
                .hasMessage("traceEndEpochNanos (4) is before traceStartEpochNanos (5)");
    }

    @Test
    void lengthMismatchAboveTenPercent() {
        // Seed-methodology §1.3: Qwen2.5-0.5B MAXN ctx128/gen64 ≈ 50 tokens: (50 − 64) / 64 = −21.875 %.
        Flag early = FlagRules.outputLengthMismatch(50, 64, T).orElseThrow();
        assertThat(early.flag()).isEqualTo(AccuracyFlag.OUTPUT_LENGTH_MISMATCH);
        assertThat(early.number("relativeDifference")).isEqualTo(-0.21875);
        assertThat(early.reason())
                .isEqualTo("realised output length 50 tokens is 21.875 % below the target 64 (tolerance 10 %)");
        // Ollama overrun: Gemma3-1B MAXN gen64 ≈ 625 tokens.
        assertThat(FlagRules.outputLengthMismatch(625, 64, T).orElseThrow().reason())
                .contains("above the target 64");
        // Exactly 10 %: not flagged; 10.2 %: flagged.
        assertThat(FlagRules.outputLengthMismatch(110, 100, T)).isEmpty(); // (110 − 100) / 100 = 0.1 exactly
        assertThat(FlagRules.outputLengthMismatch(72, 64, T.withLengthMismatchFraction(0.125)))
                .isEmpty();
        assertThat(FlagRules.inputLengthMismatch(2048 * 1.102, 2048, T)).isPresent();
        assertThat(FlagRules.inputLengthMismatch(2040, 2048, T)).isEmpty();
        assertThat(FlagRules.inputLengthMismatch(2300, 2048, T).orElseThrow().flag())
                .isEqualTo(AccuracyFlag.INPUT_LENGTH_MISMATCH);
        assertThatThrownBy(() -> FlagRules.outputLengthMismatch(10, 0, T))
                .hasMessage("targetTokens must be positive and finite: 0.0");
        assertThatThrownBy(() -> FlagRules.outputLengthMismatch(-1, 64, T))
                .hasMessage("realisedTokens must be finite and not negative: -1.0");
    }

    @Test
    void requestErrors() {
        assertThat(FlagRules.requestErrors(0, 20, T)).isEmpty();
        assertThat(FlagRules.requestErrors(0, 0, T)).isEmpty();
        Flag some = FlagRules.requestErrors(2, 20, T).orElseThrow();
        assertThat(some.severity()).isEqualTo(Severity.WARNING);
        assertThat(some.reason()).isEqualTo("2 of 20 requests failed");
        Flag all = FlagRules.requestErrors(20, 20, T).orElseThrow();
        assertThat(all.severity()).isEqualTo(Severity.ERROR);
        assertThat(all.reason()).isEqualTo("20 of 20 requests failed: the cell has no successful request");
        // The seed's cell_valid() tolerates ≤ 2 errors of 20 (10 %).
        assertThat(FlagRules.requestErrors(2, 20, T.withMaxErrorFraction(0.10))).isEmpty();
        assertThat(FlagRules.requestErrors(3, 20, T.withMaxErrorFraction(0.10))).isPresent();
        assertThatThrownBy(() -> FlagRules.requestErrors(3, 2, T))
                .hasMessage("errorCount (3) exceeds requestCount (2)");
        assertThatThrownBy(() -> FlagRules.requestErrors(-1, 2, T)).hasMessage("errorCount must not be negative: -1");
        assertThatThrownBy(() -> FlagRules.requestErrors(0, -2, T)).hasMessage("requestCount must not be negative: -2");
    }

    @Test
    void thermalThrottleAtOrAbove85() {
        assertThat(FlagRules.thermalThrottle(70.25, T)).isEmpty(); // the seed's hottest cell
        Flag f = FlagRules.thermalThrottle(85.0, T).orElseThrow();
        assertThat(f.reason())
                .isEqualTo("peak junction temperature 85 °C reached the throttle threshold 85 °C: clocks may have"
                        + " been reduced");
        assertThat(FlagRules.thermalThrottle(Double.NaN, T)).isEmpty();
        assertThat(FlagRules.thermalThrottle(80, T.withThrottleCelsius(80))).isPresent();
        assertThatThrownBy(() -> FlagRules.thermalThrottle(Double.POSITIVE_INFINITY, T))
                .hasMessage("peakJunctionCelsius must be finite or NaN: Infinity");
    }

    @Test
    void railMissingTimestampsAndZones() {
        assertThat(FlagRules.railMissing("vdd_in", List.of("VDD_IN", "VDD_SOC")))
                .isEmpty();
        Flag rail = FlagRules.railMissing("VDD_CPU_GPU_CV", List.of("VDD_GPU_SOC", "VDD_CPU_CV"))
                .orElseThrow();
        assertThat(rail.severity()).isEqualTo(Severity.ERROR);
        assertThat(rail.reason())
                .isEqualTo("rail VDD_CPU_GPU_CV is not in the power log (rails: VDD_GPU_SOC, VDD_CPU_CV)");
        assertThat(rail.number("availableRails")).isEqualTo(2);

        assertThat(FlagRules.timestampsReconstructed(0, 0)).isEmpty();
        Flag ts = FlagRules.timestampsReconstructed(4111, 22).orElseThrow();
        assertThat(ts.severity()).isEqualTo(Severity.INFO);
        assertThat(ts.reason())
                .isEqualTo("4111 sample time(s) reconstructed from 1 s stamps (uncertainty up to 22 ms)");
        assertThatThrownBy(() -> FlagRules.timestampsReconstructed(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlagRules.timestampsReconstructed(1, -1)).isInstanceOf(IllegalArgumentException.class);

        Instant at = Instant.parse("2026-05-25T18:00:00Z");
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(FlagRules.zoneMismatch(kolkata, ZoneId.of("Asia/Kolkata"), at))
                .isEmpty();
        Flag utc = FlagRules.zoneMismatch(kolkata, ZoneId.of("UTC"), at).orElseThrow();
        assertThat(utc.severity()).isEqualTo(Severity.ERROR);
        assertThat(utc.number("recordedOffsetSeconds")).isEqualTo(19800); // +05:30
        assertThat(utc.number("differenceSeconds")).isEqualTo(-19800);
        assertThat(utc.reason())
                .isEqualTo("zone UTC given to the analysis differs from the recorded Asia/Kolkata by -5.5 h at"
                        + " 2026-05-25T18:00:00Z: naive timestamps resolve to the wrong instants");
        Flag alias =
                FlagRules.zoneMismatch(kolkata, ZoneId.of("Asia/Calcutta"), at).orElseThrow();
        assertThat(alias.severity()).isEqualTo(Severity.INFO);
        assertThat(alias.flag()).isEqualTo(AccuracyFlag.ZONE_MISMATCH);
    }

    @Test
    void formatting() {
        assertThat(FlagRules.fmt(312.0)).isEqualTo("312");
        assertThat(FlagRules.fmt(0.52)).isEqualTo("0.52");
        assertThat(FlagRules.fmt(21.875)).isEqualTo("21.875");
        assertThat(FlagRules.fmt(1.0 / 3)).isEqualTo("0.333");
    }

    @Test
    void runWindowEstimateSaysWhatTheEnergyIs() {
        Flag f = FlagRules.runWindowEstimate(20, 31.25);
        assertThat(f.flag()).isEqualTo(AccuracyFlag.RUN_WINDOW_ESTIMATE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.reason())
                .isEqualTo("no per-request records: the energy of the 31.25 s run window, less its idle time, shared by"
                        + " 20 requests and split by the mean timings (prefill is not measured)");
        assertThat(f.number("requests")).isEqualTo(20);
        assertThatThrownBy(() -> FlagRules.runWindowEstimate(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests must be at least 1: 0");
    }
}
