/**
 * tokjoule metrics-tegrastats: Parse NVIDIA tegrastats logs of every Jetson board and JetPack release into samples, power traces and thermal samples.
 *
 * @since 0.1.0
 */
module io.github.tokjoule.tegrastats {
    requires transitive io.github.tokjoule.core;
    requires static transitive org.jspecify;

    exports io.github.tokjoule.tegrastats;
    exports io.github.tokjoule.tegrastats.time;
}
