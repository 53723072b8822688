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
    requires static org.immutables.value.annotations;

    exports io.github.tokjoule.jetson;
    exports io.github.tokjoule.jetson.analysis;
    exports io.github.tokjoule.jetson.synthetic;
    exports io.github.tokjoule.jetson.driver;
    exports io.github.tokjoule.jetson.driver.component;
    exports io.github.tokjoule.jetson.driver.journal;
    exports io.github.tokjoule.jetson.driver.plan;
    exports io.github.tokjoule.jetson.driver.process;
}
