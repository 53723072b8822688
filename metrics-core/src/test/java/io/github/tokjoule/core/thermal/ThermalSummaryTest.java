package io.github.tokjoule.core.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThermalSummaryTest {

    /** An Orin R36 reading: lowercase names, tj present. */
    private static ThermalSample orin(long t, double cpu, double gpu, double tj) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cpu", cpu);
        m.put("soc0", cpu - 2);
        m.put("gpu", gpu);
        m.put("tj", tj);
        return ThermalSample.of(t, m);
    }

    @Test
    void meansAndPeakByHand() {
        List<ThermalSample> s = List.of(orin(1, 50, 48, 52.5), orin(2, 54, 50, 56.25), orin(3, 52, 49, 55));
        ThermalSummary t = ThermalSummary.of(s);
        assertThat(t.sampleCount()).isEqualTo(3);
        assertThat(t.meanCpuCelsius()).isCloseTo(52.0, within(1e-12)); // (50 + 54 + 52) / 3
        assertThat(t.meanGpuCelsius()).isCloseTo(49.0, within(1e-12)); // (48 + 50 + 49) / 3
        assertThat(t.peakJunctionCelsius()).isEqualTo(56.25);
        assertThat(t.peakSensor()).hasValue("tj");
        assertThat(t.throttled()).isFalse();
        assertThat(t.throttleCelsius()).isEqualTo(85.0);
    }

    @Test
    void windowIsClosed() {
        List<ThermalSample> s = List.of(orin(10, 50, 48, 52), orin(20, 60, 58, 90), orin(30, 52, 49, 55));
        ThermalSummary inside = ThermalSummary.of(s, TimeWindow.of(20, 30));
        assertThat(inside.sampleCount()).isEqualTo(2);
        assertThat(inside.meanCpuCelsius()).isEqualTo(56.0); // (60 + 52) / 2
        assertThat(inside.peakJunctionCelsius()).isEqualTo(90.0);
        assertThat(inside.throttled()).isTrue();
        ThermalSummary after = ThermalSummary.of(s, 21, 30, 85);
        assertThat(after.sampleCount()).isEqualTo(1);
        assertThat(after.throttled()).isFalse();
        ThermalSummary none = ThermalSummary.of(s, 31, 40, 85);
        assertThat(none.sampleCount()).isZero();
        assertThat(none.meanCpuCelsius()).isNaN();
        assertThat(none.peakJunctionCelsius()).isNaN();
        assertThat(none.peakSensor()).isEmpty();
        assertThat(none.throttled()).isFalse();
    }

    @Test
    void thresholdIsInclusive() {
        List<ThermalSample> s = List.of(orin(1, 80, 80, 85.0));
        assertThat(ThermalSummary.of(s).throttled()).isTrue();
        assertThat(ThermalSummary.of(s, 0, 2, 85.5).throttled()).isFalse();
        assertThat(ThermalSummary.of(s, 0, 2, 95).throttleCelsius()).isEqualTo(95);
    }

    @Test
    void withoutTjThePeakIsTheHottestSensorButNotThePmicPlaceholder() {
        // Xavier-like: "AO@40C GPU@41.5C AUX@40.5C CPU@43C thermal@41.8C PMIC@100C" — PMIC@100C is a constant.
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("AO", 40.0);
        m.put("GPU", 41.5);
        m.put("AUX", 40.5);
        m.put("CPU", 43.0);
        m.put("thermal", 41.8);
        m.put("PMIC", 100.0);
        ThermalSummary t = ThermalSummary.of(List.of(ThermalSample.of(5, m)));
        assertThat(t.peakJunctionCelsius()).isEqualTo(43.0);
        assertThat(t.peakSensor()).hasValue("CPU");
        assertThat(t.meanCpuCelsius()).isEqualTo(43.0);
        assertThat(t.meanGpuCelsius()).isEqualTo(41.5);
        assertThat(t.throttled()).isFalse();
        // Only a PMIC reading: no junction reading at all.
        ThermalSummary pmicOnly = ThermalSummary.of(List.of(ThermalSample.of(5, Map.of("PMIC", 100.0))));
        assertThat(pmicOnly.peakJunctionCelsius()).isNaN();
        // TX2-like names: no CPU sensor → NaN mean.
        ThermalSummary tx2 = ThermalSummary.of(List.of(ThermalSample.of(5, Map.of("BCPU", 45.0, "MCPU", 44.0))));
        assertThat(tx2.meanCpuCelsius()).isNaN();
        assertThat(tx2.meanGpuCelsius()).isNaN();
        assertThat(tx2.peakJunctionCelsius()).isEqualTo(45.0);
    }

    @Test
    void emptyAndValidation() {
        ThermalSummary e = ThermalSummary.of(List.of());
        assertThat(e.sampleCount()).isZero();
        assertThat(e.peakJunctionCelsius()).isNaN();
        assertThatThrownBy(() -> ThermalSummary.of(List.of(), 5, 4, 85))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endEpochNanos (4) is before startEpochNanos (5)");
        assertThatThrownBy(() -> ThermalSummary.of(List.of(), 0, 4, Double.NaN))
                .hasMessage("throttleCelsius must be finite: NaN");
    }

    @Test
    void valueSemantics() {
        List<ThermalSample> s = List.of(orin(1, 50, 48, 52.5));
        ThermalSummary a = ThermalSummary.of(s);
        assertThat(a)
                .isEqualTo(ThermalSummary.of(s))
                .hasSameHashCodeAs(ThermalSummary.of(s))
                .isEqualTo(a);
        assertThat(a).isNotEqualTo(ThermalSummary.of(s, 0, 5, 80)).isNotEqualTo("x");
        assertThat(a).isNotEqualTo(ThermalSummary.of(List.of(orin(1, 51, 48, 52.5))));
        assertThat(a).isNotEqualTo(ThermalSummary.of(List.of(orin(1, 50, 49, 52.5))));
        assertThat(a).isNotEqualTo(ThermalSummary.of(List.of(orin(1, 50, 48, 53))));
        assertThat(a).isNotEqualTo(ThermalSummary.of(List.of(orin(1, 50, 48, 52.5), orin(2, 50, 48, 52.5))));
        assertThat(a)
                .isNotEqualTo(
                        ThermalSummary.of(List.of(ThermalSample.of(1, Map.of("CPU", 50.0, "GPU", 48.0, "x", 52.5)))));
        assertThat(a.toString())
                .isEqualTo("ThermalSummary{samples=1, meanCpu=50.00 °C, meanGpu=48.00 °C, peak=52.50 °C (tj),"
                        + " throttled=false at 85.0 °C}");
        assertThat(ThermalSummary.of(List.of()).toString()).contains("(none)");
    }
}
