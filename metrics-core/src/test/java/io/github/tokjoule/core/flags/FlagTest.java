package io.github.tokjoule.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagTest {

    @Test
    void keepsOrderAndCopies() {
        Map<String, Double> n = new LinkedHashMap<>();
        n.put("z", 1.0);
        n.put("a", 2.0);
        Flag f = Flag.of(AccuracyFlag.SAMPLE_GAP, n, "gap");
        n.put("b", 3.0);
        assertThat(f.numbers().keySet()).containsExactly("z", "a");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.number("a")).isEqualTo(2.0);
        assertThat(f.number("q")).isNaN();
        assertThatThrownBy(() -> f.numbers().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.toString()).isEqualTo("WARNING SAMPLE_GAP: gap {z=1.0, a=2.0}");
    }

    @Test
    void reasonIsOneLine() {
        assertThatThrownBy(() -> Flag.of(AccuracyFlag.RAIL_MISSING, Map.of(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must be one non-blank line: ' '");
        assertThatThrownBy(() -> Flag.of(AccuracyFlag.RAIL_MISSING, Map.of(), "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flag.of(AccuracyFlag.RAIL_MISSING, Map.of(), "a\rb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultSeveritiesAndOrder() {
        assertThat(AccuracyFlag.WINDOW_OUTSIDE_TRACE.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(AccuracyFlag.RAIL_MISSING.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(AccuracyFlag.TIMESTAMPS_RECONSTRUCTED.defaultSeverity()).isEqualTo(Severity.INFO);
        assertThat(AccuracyFlag.ZONE_MISMATCH.defaultSeverity()).isEqualTo(Severity.WARNING);
        assertThat(Severity.ERROR.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.WARNING.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void thresholdsDefaultsAndValidation() {
        FlagThresholds d = FlagThresholds.defaults();
        assertThat(d).isEqualTo(new FlagThresholds(500, 2, 2, 3, 0.10, 85, 0, 0.10, 0.04));
        assertThat(d.withMaxEnergyRelativeHalfWidth(0.02).maxEnergyRelativeHalfWidth())
                .isEqualTo(0.02);
        assertThat(d.withMaxEnergyRelativeHalfWidth(0.02).withMaxPrefillRelativeHalfWidth(0.2))
                .isEqualTo(new FlagThresholds(500, 2, 2, 3, 0.10, 85, 0, 0.2, 0.02));
        // each with… changes its own component and only it
        assertThat(d.withPrefillRuleMillis(400)
                        .withMinPrefillSamples(3)
                        .withMinWindowSamples(4)
                        .withSampleGapFactor(5)
                        .withLengthMismatchFraction(0.2)
                        .withThrottleCelsius(90)
                        .withMaxErrorFraction(0.5)
                        .withMaxPrefillRelativeHalfWidth(0.3)
                        .withMaxEnergyRelativeHalfWidth(0.06))
                .isEqualTo(new FlagThresholds(400, 3, 4, 5, 0.2, 90, 0.5, 0.3, 0.06));
        assertThatThrownBy(() -> d.withMaxEnergyRelativeHalfWidth(0))
                .hasMessage("maxEnergyRelativeHalfWidth must be positive and finite: 0.0");
        assertThatThrownBy(() -> d.withMaxEnergyRelativeHalfWidth(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(d.withLengthMismatchFraction(0.05).lengthMismatchFraction()).isEqualTo(0.05);
        assertThat(d.withThrottleCelsius(95).throttleCelsius()).isEqualTo(95);
        assertThatThrownBy(() -> d.withPrefillRuleMillis(0))
                .hasMessage("prefillRuleMillis must be positive and finite: 0.0");
        assertThatThrownBy(() -> d.withPrefillRuleMillis(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMinPrefillSamples(0)).hasMessage("minPrefillSamples must be at least 1: 0");
        assertThatThrownBy(() -> d.withMinWindowSamples(0)).hasMessage("minWindowSamples must be at least 1: 0");
        assertThatThrownBy(() -> d.withSampleGapFactor(0.5))
                .hasMessage("sampleGapFactor must be finite and at least 1: 0.5");
        assertThatThrownBy(() -> d.withSampleGapFactor(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withLengthMismatchFraction(0))
                .hasMessage("lengthMismatchFraction must be in (0, 1]: 0.0");
        assertThatThrownBy(() -> d.withLengthMismatchFraction(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withThrottleCelsius(Double.NaN)).hasMessage("throttleCelsius must be finite: NaN");
        assertThatThrownBy(() -> d.withMaxErrorFraction(1)).hasMessage("maxErrorFraction must be in [0, 1): 1.0");
        assertThatThrownBy(() -> d.withMaxErrorFraction(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
