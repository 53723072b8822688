/**
 * tokjoule metrics-jetson: Sweep analysis, synthetic sweeps with known ground truth, and the Jetson llama.cpp sweep driver.
 *
 * @since 0.1.0
 */
module io.github.tokjoule.jetson {
    requires transitive io.github.tokjoule.core;
    requires transitive io.github.tokjoule.tegrastats;
    requires transitive io.github.tokjoule.aiperf;
    requires io.github.tokjoule.live;
    requires com.fasterxml.jackson.core;
    requires java.net.http;
    requires static transitive org.jspecify;
    requires static org.immutables.value.annotations; // core's generated Immutable* classes carry @Generated

    // The library API: the sweep analysis and its vocabulary (PowerMode), the driver's entry point (SweepDriver,
    // DriverSettings, SystemPaths, RunLayout), the plan a user writes (driver.plan) and the process seam the settings
    // name (driver.process: ProcessRunner, Sleeper and the Command/ProcessResult/RunningProcess they speak).
    // Not exported: the synthetic generator and the driver's components and journal (implementation; examples and
    // benchmarks use them from the class path).
    exports io.github.tokjoule.jetson;
    exports io.github.tokjoule.jetson.analysis;
    exports io.github.tokjoule.jetson.driver;
    exports io.github.tokjoule.jetson.driver.plan;
    exports io.github.tokjoule.jetson.driver.process;
}
