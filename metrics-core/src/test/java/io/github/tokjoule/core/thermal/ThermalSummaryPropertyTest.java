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
 * {@link ThermalSummary} and {@link ThermalSample#celsius} against the plain reading of their definitions, written out
 * here: {@link #slowCelsius} (lower-cased copies of every name) for the CPU and GPU means, {@link #slowJunction} for
 * the peak, on random samples whose sensor names mix cases, repeat ignoring case, and include {@code tj} and
 * {@code PMIC}.
 */
class ThermalSummaryPropertyTest {

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

    /** The junction reading: the first {@code tj}, else the first hottest sensor other than {@code PMIC}. */
    static Map.Entry<String, Double> slowJunction(ThermalSample s) {
        Map.Entry<String, Double> best = null;
        for (Map.Entry<String, Double> e : s.celsiusBySensor().entrySet()) {
            if (e.getKey().equalsIgnoreCase("tj")) {
                return e;
            }
            if (!e.getKey().equalsIgnoreCase("PMIC") && (best == null || e.getValue() > best.getValue())) {
                best = e;
            }
        }
        return best;
    }

    static List<ThermalSample> samples(long seed) {
        Random r = new Random(seed);
        List<ThermalSample> out = new ArrayList<>();
        for (int i = 0, n = r.nextInt(30); i < n; i++) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0, sensors = r.nextInt(8); k < sensors; k++) {
                // few distinct values, so that ties for the hottest sensor happen
                m.put(NAMES[r.nextInt(NAMES.length)], (double) (20 + r.nextInt(8)) + (r.nextBoolean() ? 0.5 : 0));
            }
            out.add(ThermalSample.of(i * 10L, m));
        }
        return out;
    }

    @Test
    void theOnePassSummaryAgreesWithTheDefinition() {
        qt().withExamples(3000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            List<ThermalSample> samples = samples(seed);
            long start = new Random(seed).nextInt(100);
            long end = start + new Random(~seed).nextInt(300);
            ThermalSummary t = ThermalSummary.of(samples, start, end, 24);
            int count = 0;
            double cpuSum = 0;
            int cpuCount = 0;
            double gpuSum = 0;
            int gpuCount = 0;
            double peak = Double.NaN;
            String peakName = null;
            for (ThermalSample s : samples) {
                if (s.epochNanos() < start || s.epochNanos() > end) {
                    continue;
                }
                count++;
                Double cpu = slowCelsius(s, "CPU");
                if (cpu != null) {
                    cpuSum += cpu;
                    cpuCount++;
                }
                Double gpu = slowCelsius(s, "GPU");
                if (gpu != null) {
                    gpuSum += gpu;
                    gpuCount++;
                }
                Map.Entry<String, Double> j = slowJunction(s);
                if (j != null && !(j.getValue() <= peak)) {
                    peak = j.getValue();
                    peakName = j.getKey();
                }
            }
            assertThat(t.sampleCount()).isEqualTo(count);
            // boxed, so that NaN equals NaN (Double.equals) and -0.0 does not equal 0.0
            assertThat(Double.valueOf(t.meanCpuCelsius()))
                    .isEqualTo(Double.valueOf(cpuCount == 0 ? Double.NaN : cpuSum / cpuCount));
            assertThat(Double.valueOf(t.meanGpuCelsius()))
                    .isEqualTo(Double.valueOf(gpuCount == 0 ? Double.NaN : gpuSum / gpuCount));
            assertThat(Double.valueOf(t.peakJunctionCelsius())).isEqualTo(Double.valueOf(peak));
            assertThat(t.peakSensor().orElse(null)).isEqualTo(peakName);
            for (ThermalSample s : samples) {
                for (String name : new String[] {"CPU", "gpu", "Tj", "nope"}) {
                    Double expected = slowCelsius(s, name);
                    assertThat(s.celsius(name).isPresent()).isEqualTo(expected != null);
                    if (expected != null) {
                        assertThat(s.celsius(name).getAsDouble()).isEqualTo(expected);
                    }
                }
            }
        });
    }
}
