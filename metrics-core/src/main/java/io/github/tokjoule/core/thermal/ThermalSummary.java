package io.github.tokjoule.core.thermal;

import io.github.tokjoule.core.power.TimeWindow;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The thermal summary of a window (DESIGN §3.7, seed §J.13 and Appendix B): mean CPU and GPU temperature, peak
 * junction temperature and whether it reached the throttle threshold.
 *
 * <p>Definitions over the samples inside the window (all samples if no window is given):
 *
 * <ul>
 *   <li>{@code meanCpuCelsius} = mean of sensor {@code CPU}, {@code meanGpuCelsius} = mean of sensor {@code GPU}
 *       (names matched without regard to case: R35 prints {@code CPU@}, R36 {@code cpu@}), over the samples that
 *       have the sensor; {@code NaN} if none has it (e.g. TX2, whose CPU sensors are {@code BCPU}/{@code MCPU});
 *   <li>{@code peakJunctionCelsius} = the largest junction reading, where a sample's junction reading is its
 *       {@code tj} sensor, or, when the sample has no {@code tj} (boards before Orin), the largest of its other
 *       sensors except the constant {@code PMIC} placeholder (docs/reference/tegrastats-format.md §4). {@link #peakSensor()} names the
 *       sensor that gave the peak. {@code NaN} if there is no reading;
 *   <li>{@code throttled} = {@code peakJunctionCelsius ≥ throttleCelsius} (85 °C by default; the seed writes
 *       "peak_tj_C &gt; 85", the strict form); {@code false} when there is no reading.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ThermalSummary {

    /** The default throttle threshold, 85 °C (seed §J.13: "a 10 °C safety margin below the hardware limit"). */
    public static final double DEFAULT_THROTTLE_CELSIUS = 85.0;

    private final int sampleCount;
    private final double meanCpuCelsius;
    private final double meanGpuCelsius;
    private final double peakJunctionCelsius;
    private final @Nullable String peakSensor;
    private final double throttleCelsius;

    private ThermalSummary(
            int sampleCount,
            double meanCpuCelsius,
            double meanGpuCelsius,
            double peakJunctionCelsius,
            @Nullable String peakSensor,
            double throttleCelsius) {
        this.sampleCount = sampleCount;
        this.meanCpuCelsius = meanCpuCelsius;
        this.meanGpuCelsius = meanGpuCelsius;
        this.peakJunctionCelsius = peakJunctionCelsius;
        this.peakSensor = peakSensor;
        this.throttleCelsius = throttleCelsius;
    }

    /**
     * Summarises every sample, throttle threshold 85 °C.
     *
     * @param samples the samples, in any order
     * @return the summary; count 0 and {@code NaN} temperatures if {@code samples} is empty
     */
    public static ThermalSummary of(List<ThermalSample> samples) {
        return of(samples, Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_THROTTLE_CELSIUS);
    }

    /**
     * Summarises the samples inside a window, throttle threshold 85 °C.
     *
     * @param samples the samples, in any order
     * @param window the closed window; samples at its edges count
     * @return the summary of the samples inside
     */
    public static ThermalSummary of(List<ThermalSample> samples, TimeWindow window) {
        return of(samples, window.startEpochNanos(), window.endEpochNanos(), DEFAULT_THROTTLE_CELSIUS);
    }

    /**
     * Summarises the samples with {@code startEpochNanos ≤ epochNanos ≤ endEpochNanos}.
     *
     * @param samples the samples, in any order
     * @param startEpochNanos start of the window in epoch nanoseconds
     * @param endEpochNanos end of the window, not before its start
     * @param throttleCelsius the throttle threshold in °C, finite
     * @return the summary of the samples inside
     * @throws IllegalArgumentException if the end is before the start or the threshold is not finite
     */
    public static ThermalSummary of(
            List<ThermalSample> samples, long startEpochNanos, long endEpochNanos, double throttleCelsius) {
        if (endEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException(
                    "endEpochNanos (" + endEpochNanos + ") is before startEpochNanos (" + startEpochNanos + ")");
        }
        if (!Double.isFinite(throttleCelsius)) {
            throw new IllegalArgumentException("throttleCelsius must be finite: " + throttleCelsius);
        }
        int count = 0;
        double cpuSum = 0;
        int cpuCount = 0;
        double gpuSum = 0;
        int gpuCount = 0;
        double peak = Double.NaN;
        String peakName = null;
        // The sensors' places are looked up once per array of names, not per sample: a log's samples share one
        // (ThermalSample.fromColumns), and the name matching was most of this loop's time.
        SensorReadings layout = null;
        int cpuAt = -1;
        int gpuAt = -1;
        int[] junctionCandidates = new int[0];
        for (ThermalSample s : samples) {
            if (s.epochNanos() < startEpochNanos || s.epochNanos() > endEpochNanos) {
                continue;
            }
            count++;
            SensorReadings r = s.readings();
            if (layout == null || !r.sharesNamesWith(layout)) {
                layout = r;
                cpuAt = r.indexOf("CPU");
                gpuAt = r.indexOf("GPU");
                junctionCandidates = junctionCandidates(r);
            }
            if (cpuAt >= 0) {
                cpuSum += r.celsius(cpuAt);
                cpuCount++;
            }
            if (gpuAt >= 0) {
                gpuSum += r.celsius(gpuAt);
                gpuCount++;
            }
            int j = junction(r, junctionCandidates);
            if (j >= 0 && !(r.celsius(j) <= peak)) {
                peak = r.celsius(j);
                peakName = r.name(j);
            }
        }
        return new ThermalSummary(
                count,
                cpuCount == 0 ? Double.NaN : cpuSum / cpuCount,
                gpuCount == 0 ? Double.NaN : gpuSum / gpuCount,
                peak,
                peakName,
                throttleCelsius);
    }

    /**
     * The junction sensor's index: the first sensor named {@code tj} (any case) if there is one, else the hottest of
     * the {@code candidates} (the first on a tie), or -1 when there are none.
     */
    private static int junction(SensorReadings r, int[] candidates) {
        if (candidates.length == 1) {
            return candidates[0];
        }
        int best = -1;
        for (int i : candidates) {
            if (best < 0 || r.celsius(i) > r.celsius(best)) {
                best = i;
            }
        }
        return best;
    }

    /** The first {@code tj} alone if present, else every sensor but {@code PMIC}, in order. */
    private static int[] junctionCandidates(SensorReadings r) {
        int[] all = new int[r.count()];
        int n = 0;
        for (int i = 0; i < r.count(); i++) {
            String name = r.name(i);
            if (name.equalsIgnoreCase("tj")) {
                return new int[] {i};
            }
            if (!name.equalsIgnoreCase("PMIC")) {
                all[n++] = i;
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** {@return the number of samples inside the window} */
    public int sampleCount() {
        return sampleCount;
    }

    /** {@return the mean CPU temperature in °C, or {@code NaN} if no sample has a CPU sensor} */
    public double meanCpuCelsius() {
        return meanCpuCelsius;
    }

    /** {@return the mean GPU temperature in °C, or {@code NaN} if no sample has a GPU sensor} */
    public double meanGpuCelsius() {
        return meanGpuCelsius;
    }

    /** {@return the peak junction temperature in °C (see the class description), or {@code NaN} if no reading} */
    public double peakJunctionCelsius() {
        return peakJunctionCelsius;
    }

    /** {@return the sensor that gave the peak as the source spelled it ({@code "tj"} on Orin), or empty} */
    public Optional<String> peakSensor() {
        return Optional.ofNullable(peakSensor);
    }

    /** {@return the throttle threshold in °C} */
    public double throttleCelsius() {
        return throttleCelsius;
    }

    /** {@return {@code true} if the peak junction temperature reached the threshold} */
    public boolean throttled() {
        return peakJunctionCelsius >= throttleCelsius;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ThermalSummary)) {
            return false;
        }
        ThermalSummary t = (ThermalSummary) o;
        return sampleCount == t.sampleCount
                && Double.compare(meanCpuCelsius, t.meanCpuCelsius) == 0
                && Double.compare(meanGpuCelsius, t.meanGpuCelsius) == 0
                && Double.compare(peakJunctionCelsius, t.peakJunctionCelsius) == 0
                && Objects.equals(peakSensor, t.peakSensor)
                && Double.compare(throttleCelsius, t.throttleCelsius) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                sampleCount, meanCpuCelsius, meanGpuCelsius, peakJunctionCelsius, peakSensor, throttleCelsius);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ThermalSummary{samples=%d, meanCpu=%.2f °C, meanGpu=%.2f °C, peak=%.2f °C (%s), throttled=%s at %.1f °C}",
                sampleCount,
                meanCpuCelsius,
                meanGpuCelsius,
                peakJunctionCelsius,
                peakSensor == null ? "none" : peakSensor,
                throttled(),
                throttleCelsius);
    }
}
