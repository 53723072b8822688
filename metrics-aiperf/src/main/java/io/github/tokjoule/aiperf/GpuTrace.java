package io.github.tokjoule.aiperf;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The time series of one GPU from {@code gpu_telemetry_export.jsonl}: its power as a core {@link PowerTrace} (a power
 * source for discrete GPUs) and its cumulative energy counter.
 *
 * <p>Energy: DCGM's and NVML's total-energy counter ({@code energy_consumption}, megajoules in the file, joules here)
 * only increases while the driver runs. The energy used between two instants is the counter's increase, linearly
 * interpolated between samples at both ends. A decrease (driver restart, counter reset) is not energy: increases are
 * summed across it and the reader reports it.
 *
 * @since 0.1.0
 */
public final class GpuTrace {

    private final String endpoint;
    private final int gpuIndex;
    private final @Nullable String gpuUuid;
    private final @Nullable String gpuName;
    private final @Nullable String hostname;
    private final PowerTrace power;
    private final long[] energyEpochNanos;
    private final double[] energyCounterJoules;
    private final double[] energyUsedJoules; // prefix sums of the counter's increases

    GpuTrace(
            String endpoint,
            int gpuIndex,
            @Nullable String gpuUuid,
            @Nullable String gpuName,
            @Nullable String hostname,
            PowerTrace power,
            long[] energyEpochNanos,
            double[] energyCounterJoules) {
        this.endpoint = endpoint;
        this.gpuIndex = gpuIndex;
        this.gpuUuid = gpuUuid;
        this.gpuName = gpuName;
        this.hostname = hostname;
        this.power = power;
        this.energyEpochNanos = energyEpochNanos;
        this.energyCounterJoules = energyCounterJoules;
        this.energyUsedJoules = new double[energyCounterJoules.length];
        for (int i = 1; i < energyCounterJoules.length; i++) {
            double delta = energyCounterJoules[i] - energyCounterJoules[i - 1];
            energyUsedJoules[i] = energyUsedJoules[i - 1] + Math.max(0, delta);
        }
    }

    /** {@return the telemetry source: the DCGM exporter URL, or {@code pynvml://localhost}} */
    public String endpoint() {
        return endpoint;
    }

    /** {@return the GPU index on its host} */
    public int gpuIndex() {
        return gpuIndex;
    }

    /** {@return the GPU UUID (the same GPU scraped through two exporters appears as two traces)} */
    public Optional<String> gpuUuid() {
        return Optional.ofNullable(gpuUuid);
    }

    /** {@return the GPU model name} */
    public Optional<String> gpuName() {
        return Optional.ofNullable(gpuName);
    }

    /** {@return the host name} */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@return the power samples in watts at their scrape times (samples without a power value are not in it)} */
    public PowerTrace power() {
        return power;
    }

    /** {@return a copy of the times of the energy-counter samples, epoch nanoseconds, increasing} */
    public long[] energyCounterEpochNanos() {
        return energyEpochNanos.clone();
    }

    /** {@return a copy of the energy counter in joules at those times (the raw cumulative reading)} */
    public double[] energyCounterJoules() {
        return energyCounterJoules.clone();
    }

    /**
     * {@return the energy used over the whole trace in joules: the sum of the counter's increases between consecutive
     * samples; NaN with fewer than two counter samples}
     */
    public double energyDeltaJoules() {
        int n = energyUsedJoules.length;
        return n < 2 ? Double.NaN : energyUsedJoules[n - 1];
    }

    /**
     * Returns the energy used between two instants from the counter: {@code E(end) − E(start)}, where {@code E} is the
     * cumulative sum of the counter's increases, linearly interpolated between samples.
     *
     * @param startEpochNanos the start, epoch nanoseconds
     * @param endEpochNanos the end, epoch nanoseconds, not before the start
     * @return the energy in joules, or NaN if either instant is outside the counter's samples (no extrapolation)
     * @throws IllegalArgumentException if the end is before the start
     */
    public double energyJoules(long startEpochNanos, long endEpochNanos) {
        if (endEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException(
                    "endEpochNanos = " + endEpochNanos + " is before startEpochNanos = " + startEpochNanos);
        }
        int n = energyEpochNanos.length;
        if (n < 2 || startEpochNanos < energyEpochNanos[0] || endEpochNanos > energyEpochNanos[n - 1]) {
            return Double.NaN;
        }
        return usedAt(endEpochNanos) - usedAt(startEpochNanos);
    }

    private double usedAt(long t) {
        int i = Arrays.binarySearch(energyEpochNanos, t);
        if (i >= 0) {
            return energyUsedJoules[i];
        }
        int hi = -i - 1; // first sample after t; 0 < hi < n because t is inside the range
        int lo = hi - 1;
        double f = (double) (t - energyEpochNanos[lo]) / (energyEpochNanos[hi] - energyEpochNanos[lo]);
        return energyUsedJoules[lo] + f * (energyUsedJoules[hi] - energyUsedJoules[lo]);
    }

    @Override
    public String toString() {
        return "GpuTrace[" + endpoint + " gpu " + gpuIndex + ", " + power.size() + " power samples, "
                + energyEpochNanos.length + " energy samples]";
    }
}
