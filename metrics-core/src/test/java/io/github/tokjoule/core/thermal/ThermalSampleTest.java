package io.github.tokjoule.core.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThermalSampleTest {

    @Test
    void looksUpSensorsIgnoringCase() {
        ThermalSample s = ThermalSample.of(7, Map.of("CPU", 48.5, "tj", 50.25));
        assertThat(s.celsius("cpu")).isEqualTo(48.5);
        assertThat(s.celsius("TJ")).isEqualTo(50.25);
        assertThat(s.celsius("GPU")).isNaN();
    }

    @Test
    void keepsPrintedOrderAndIsUnmodifiable() {
        Map<String, Double> in = new LinkedHashMap<>();
        in.put("SOC0", 40.0);
        in.put("CPU", 41.0);
        ThermalSample s = ThermalSample.of(7, in);
        in.put("GPU", 1.0);
        assertThat(s.celsiusBySensor().keySet()).containsExactly("SOC0", "CPU");
        assertThatThrownBy(() -> s.celsiusBySensor().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNonFiniteTemperature() {
        assertThatThrownBy(() -> ThermalSample.of(7, Map.of("GPU", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature of sensor GPU is not finite: NaN");
    }
}
