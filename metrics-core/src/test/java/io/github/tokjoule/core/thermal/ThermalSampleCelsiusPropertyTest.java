package io.github.tokjoule.core.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * {@link ThermalSample#celsius} (which {@link ThermalSummary} calls twice per sample) against the plain reading of its
 * definition, written out here with lower-cased copies of every name: the exact name, else the first name equal
 * ignoring case; on random samples whose sensor names mix cases and repeat ignoring case.
 */
class ThermalSampleCelsiusPropertyTest {

    private static final String[] NAMES = {
        "CPU", "cpu", "Cpu", "GPU", "gpu", "tj", "TJ", "Tj", "PMIC", "pmic", "SOC0", "soc1", "Tboard", "AO", "PLL"
    };

    /** The reading of a sensor: the exact name, else the first name equal ignoring case (lower-cased copies). */
    static Double slowCelsius(ThermalSample s, String sensor) {
        Double exact = s.celsiusBySensor().get(sensor);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Double> e : s.celsiusBySensor().entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(sensor.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    static List<ThermalSample> samples(long seed) {
        Random r = new Random(seed);
        List<ThermalSample> out = new ArrayList<>();
        for (int i = 0, n = r.nextInt(30); i < n; i++) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0, sensors = r.nextInt(8); k < sensors; k++) {
                // a distinct reading per entry, so that the reading of a wrong sensor is told apart
                m.put(NAMES[r.nextInt(NAMES.length)], 20 + k + 0.25 * i);
            }
            out.add(ThermalSample.of(i * 10L, m));
        }
        return out;
    }

    @Test
    void celsiusFindsTheExactNameElseTheFirstEqualIgnoringCase() {
        qt().withExamples(3000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            for (ThermalSample s : samples(seed)) {
                for (String name : new String[] {"CPU", "gpu", "Tj", "pmic", "nope"}) {
                    Double expected = slowCelsius(s, name);
                    if (expected == null) {
                        assertThat(s.celsius(name)).isNaN();
                    } else {
                        assertThat(s.celsius(name)).isEqualTo(expected);
                    }
                }
            }
        });
    }
}
