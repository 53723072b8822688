package io.github.tokjoule.core.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * {@link ThermalSample#fromColumns} against one {@link ThermalSample#of} per stamp (the slow reference), and
 * {@link ThermalSummary#of} over such samples (whose names are shared) and over mixed lists against the per-sample
 * name matching it replaced.
 */
class ThermalColumnsPropertyTest {

    private static final String[] SENSORS = {"CPU", "GPU", "tj", "Tj", "SOC0", "PMIC", "cpu", "Tboard", "pmic"};

    /** Columns of 0–5 random sensors over 0–40 stamps, some readings missing (NaN). */
    private static Map<String, double[]> columns(SplittableRandom rnd, int stamps) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        int sensors = rnd.nextInt(6);
        double missing = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble(0.5);
        for (int s = 0; s < sensors; s++) {
            double[] c = new double[stamps];
            for (int k = 0; k < stamps; k++) {
                c[k] = rnd.nextDouble() < missing ? Double.NaN : Math.round(rnd.nextDouble(20, 100) * 2) / 2.0;
            }
            cols.put(SENSORS[rnd.nextInt(SENSORS.length)], c); // a repeated name replaces the column
        }
        return cols;
    }

    private static long[] stamps(SplittableRandom rnd, int n) {
        long[] t = new long[n];
        long at = rnd.nextLong(1_000_000_000L);
        for (int k = 0; k < n; k++) {
            at += rnd.nextLong(1, 1_000_000_000L);
            t[k] = at;
        }
        return t;
    }

    @Test
    void fromColumnsEqualsOneSamplePerStamp() {
        qt().withExamples(2000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = rnd.nextInt(41);
            long[] t = stamps(rnd, n);
            Map<String, double[]> cols = columns(rnd, n);
            List<ThermalSample> fast = ThermalSample.fromColumns(t, cols);
            assertThat(fast).hasSize(n);
            for (int k = 0; k < n; k++) {
                Map<String, Double> read = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> e : cols.entrySet()) {
                    if (!Double.isNaN(e.getValue()[k])) {
                        read.put(e.getKey(), e.getValue()[k]);
                    }
                }
                ThermalSample slow = ThermalSample.of(t[k], read);
                assertThat(fast.get(k)).isEqualTo(slow);
                assertThat(new ArrayList<>(fast.get(k).celsiusBySensor().keySet()))
                        .containsExactlyElementsOf(read.keySet());
                for (String name : SENSORS) {
                    assertThat(Double.valueOf(fast.get(k).celsius(name))).isEqualTo(Double.valueOf(slow.celsius(name)));
                }
            }
        });
    }

    @Test
    void summaryOverSharedAndMixedNamesEqualsTheSlowReference() {
        qt().withExamples(2000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<ThermalSample> samples = new ArrayList<>();
            for (int part = rnd.nextInt(1, 4); part > 0; part--) { // runs of shared names, then per-sample maps
                int n = rnd.nextInt(15);
                samples.addAll(ThermalSample.fromColumns(stamps(rnd, n), columns(rnd, n)));
                for (ThermalSample s : ThermalSample.fromColumns(stamps(rnd, 3), columns(rnd, 3))) {
                    samples.add(ThermalSample.of(s.epochNanos(), new LinkedHashMap<>(s.celsiusBySensor())));
                }
            }
            long start = rnd.nextBoolean() ? Long.MIN_VALUE : rnd.nextLong(1_000_000_000L, 6_000_000_000L);
            long end = rnd.nextBoolean() ? Long.MAX_VALUE : start + rnd.nextLong(0, 9_000_000_000L);
            ThermalSummary fast = ThermalSummary.of(samples, start, end, 85);
            Reference slow = Reference.of(samples, start, end);
            assertThat(fast.sampleCount()).isEqualTo(slow.count);
            assertThat(Double.valueOf(fast.meanCpuCelsius())).isEqualTo(Double.valueOf(slow.meanCpu));
            assertThat(Double.valueOf(fast.meanGpuCelsius())).isEqualTo(Double.valueOf(slow.meanGpu));
            assertThat(Double.valueOf(fast.peakJunctionCelsius())).isEqualTo(Double.valueOf(slow.peak));
            assertThat(fast.peakSensor()).isEqualTo(java.util.Optional.ofNullable(slow.peakName));
        });
    }

    @Test
    void fromColumnsRejectsInfiniteReadingsAndShortColumns() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("CPU", new double[] {40, Double.POSITIVE_INFINITY});
        assertThatThrownBy(() -> ThermalSample.fromColumns(new long[] {1, 2}, cols))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature of sensor CPU is not finite: Infinity");
        assertThatThrownBy(() -> ThermalSample.fromColumns(new long[] {1, 2, 3}, Map.of("GPU", new double[] {40})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensor GPU has 1 readings for 3 stamps");
        // By hand: tj absent, PMIC left out of the junction: the hotter of CPU 50 and GPU 61 at stamp 1 is GPU.
        Map<String, double[]> byHand = new LinkedHashMap<>();
        byHand.put("CPU", new double[] {50, 50});
        byHand.put("PMIC", new double[] {100, 100});
        byHand.put("GPU", new double[] {Double.NaN, 61});
        ThermalSummary s = ThermalSummary.of(ThermalSample.fromColumns(new long[] {1, 2}, byHand));
        assertThat(s.peakJunctionCelsius()).isEqualTo(61.0);
        assertThat(s.meanCpuCelsius()).isEqualTo(50.0);
        assertThat(s.meanGpuCelsius()).isEqualTo(61.0);
    }

    /** The summary's loop before round 5: every name matched again for every sample. */
    private static final class Reference {
        int count;
        double meanCpu;
        double meanGpu;
        double peak = Double.NaN;
        String peakName;

        static Reference of(List<ThermalSample> samples, long start, long end) {
            Reference r = new Reference();
            double cpuSum = 0;
            int cpuCount = 0;
            double gpuSum = 0;
            int gpuCount = 0;
            for (ThermalSample s : samples) {
                if (s.epochNanos() < start || s.epochNanos() > end) {
                    continue;
                }
                r.count++;
                double cpu = s.celsius("CPU");
                if (!Double.isNaN(cpu)) {
                    cpuSum += cpu;
                    cpuCount++;
                }
                double gpu = s.celsius("GPU");
                if (!Double.isNaN(gpu)) {
                    gpuSum += gpu;
                    gpuCount++;
                }
                List<String> names = new ArrayList<>(s.celsiusBySensor().keySet());
                int best = -1;
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase("tj")) {
                        best = i;
                        break;
                    }
                    if (!names.get(i).equalsIgnoreCase("PMIC")
                            && (best < 0
                                    || s.celsiusBySensor().get(names.get(i))
                                            > s.celsiusBySensor().get(names.get(best)))) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    double v = s.celsiusBySensor().get(names.get(best));
                    if (!(v <= r.peak)) {
                        r.peak = v;
                        r.peakName = names.get(best);
                    }
                }
            }
            r.meanCpu = cpuCount == 0 ? Double.NaN : cpuSum / cpuCount;
            r.meanGpu = gpuCount == 0 ? Double.NaN : gpuSum / gpuCount;
            return r;
        }
    }
}
