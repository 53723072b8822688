package io.github.tokjoule.jetson.driver;

import java.nio.file.Path;

/**
 * The system files the driver reads or writes, injectable so tests need no Jetson.
 *
 * @param nvTegraRelease the L4T release file ({@code /etc/nv_tegra_release})
 * @param meminfo {@code /proc/meminfo} (RAM and CMA)
 * @param kernelVersion {@code /proc/version}
 * @param compactMemory {@code /proc/sys/vm/compact_memory}
 * @param devfreqDir {@code /sys/class/devfreq} (GPU and EMC clocks: {@code <dev>/cur_freq}, Hz)
 * @param cpuDir {@code /sys/devices/system/cpu} ({@code cpuN/cpufreq/scaling_cur_freq}, kHz)
 * @param deviceTreeModel the board's name ({@code /proc/device-tree/model}, NUL-terminated)
 * @param osRelease {@code /etc/os-release} ({@code PRETTY_NAME})
 * @param cudaVersion the CUDA toolkit's {@code /usr/local/cuda/version.json}
 * @param dpkgStatus the package database ({@code /var/lib/dpkg/status}: the {@code nvidia-jetpack} version)
 * @since 0.1.0
 */
public record SystemPaths(
        Path nvTegraRelease,
        Path meminfo,
        Path kernelVersion,
        Path compactMemory,
        Path devfreqDir,
        Path cpuDir,
        Path deviceTreeModel,
        Path osRelease,
        Path cudaVersion,
        Path dpkgStatus) {

    /**
     * Returns the real paths of a Jetson (and of any Linux).
     *
     * @return the paths
     */
    public static SystemPaths linux() {
        return under(Path.of("/"));
    }

    /**
     * Returns the same paths under another root, for tests: {@code <root>/etc/nv_tegra_release} and so on.
     *
     * @param root the root
     * @return the paths
     */
    public static SystemPaths under(Path root) {
        return new SystemPaths(
                root.resolve("etc/nv_tegra_release"),
                root.resolve("proc/meminfo"),
                root.resolve("proc/version"),
                root.resolve("proc/sys/vm/compact_memory"),
                root.resolve("sys/class/devfreq"),
                root.resolve("sys/devices/system/cpu"),
                root.resolve("proc/device-tree/model"),
                root.resolve("etc/os-release"),
                root.resolve("usr/local/cuda/version.json"),
                root.resolve("var/lib/dpkg/status"));
    }
}
