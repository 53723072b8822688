package io.github.tokjoule.aiperf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The GPU telemetry summary of one GPU in a summary file: aiperf's {@code telemetry_data.endpoints.<endpoint>.gpus.
 * <gpu>} (0.2.0+) or genai-perf's {@code telemetry_stats.<metric>.gpu<N>}. Metrics are kept under the names the file
 * uses ({@code gpu_power_usage} up to schema 1.4, {@code nvidia_power_usage} / {@code amd_*} from 1.5), converted by
 * their units like every other metric.
 *
 * <p>Energy caveat (from aiperf's source): up to aiperf 0.5 {@code energy_consumption} is a distribution of the raw
 * cumulative counter (its {@code avg} is a counter reading, not the energy used); from 0.6 it is the counter's delta
 * over the profiling window with {@code avg} only. Standard deviations of telemetry use ddof 1 in aiperf.
 *
 * @since 0.1.0
 */
public final class GpuSummary {

    private static final List<String> POWER_KEYS = List.of("gpu_power_usage", "nvidia_power_usage", "amd_power_usage");
    private static final List<String> ENERGY_KEYS =
            List.of("energy_consumption", "nvidia_energy_consumption", "amd_energy_consumption");

    private final String endpoint;
    private final String gpuKey;
    private final @Nullable Integer gpuIndex;
    private final @Nullable String gpuName;
    private final @Nullable String gpuUuid;
    private final @Nullable String hostname;
    private final @Nullable String platform;
    private final Map<String, MetricStats> metrics;

    GpuSummary(
            String endpoint,
            String gpuKey,
            @Nullable Integer gpuIndex,
            @Nullable String gpuName,
            @Nullable String gpuUuid,
            @Nullable String hostname,
            @Nullable String platform,
            Map<String, MetricStats> metrics) {
        this.endpoint = endpoint;
        this.gpuKey = gpuKey;
        this.gpuIndex = gpuIndex;
        this.gpuName = gpuName;
        this.gpuUuid = gpuUuid;
        this.hostname = hostname;
        this.platform = platform;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** {@return the telemetry endpoint, e.g. {@code "localhost:9400"}; empty for genai-perf files} */
    public String endpoint() {
        return endpoint;
    }

    /** {@return the key of this GPU in the file, e.g. {@code "gpu_0"} or genai-perf's {@code "gpu0"}} */
    public String gpuKey() {
        return gpuKey;
    }

    /** {@return the GPU index} */
    public OptionalInt gpuIndex() {
        return gpuIndex == null ? OptionalInt.empty() : OptionalInt.of(gpuIndex);
    }

    /** {@return the GPU model name} */
    public Optional<String> gpuName() {
        return Optional.ofNullable(gpuName);
    }

    /** {@return the GPU UUID} */
    public Optional<String> gpuUuid() {
        return Optional.ofNullable(gpuUuid);
    }

    /** {@return the host name of the exporter} */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@return the platform, e.g. {@code "nvidia"} (schema 1.5)} */
    public Optional<String> platform() {
        return Optional.ofNullable(platform);
    }

    /** {@return every metric of this GPU, by the name in the file, in file order} */
    public Map<String, MetricStats> metrics() {
        return metrics;
    }

    /**
     * {@return the power statistics in watts ({@code gpu_power_usage}, {@code nvidia_power_usage} or
     * {@code amd_power_usage}), or empty if absent or not in a power unit}
     */
    public Optional<MetricStats> powerWatts() {
        return first(POWER_KEYS, MetricUnit.WATTS);
    }

    /**
     * {@return the energy statistics in joules ({@code energy_consumption}, {@code nvidia_energy_consumption} or
     * {@code amd_energy_consumption}; see the class note on their meaning), or empty if absent or not in an energy
     * unit}
     */
    public Optional<MetricStats> energyJoules() {
        return first(ENERGY_KEYS, MetricUnit.JOULES);
    }

    private Optional<MetricStats> first(List<String> keys, MetricUnit unit) {
        for (String k : keys) {
            MetricStats m = metrics.get(k);
            if (m != null && m.unit() == unit) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "GpuSummary[" + endpoint + " " + gpuKey + " " + gpuName + ", " + metrics.size() + " metrics]";
    }
}
