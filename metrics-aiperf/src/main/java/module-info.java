/**
 * tokjoule metrics-aiperf: Read aiperf and genai-perf exports: summary JSON, per-request JSON Lines and GPU telemetry.
 *
 * @since 0.1.0
 */
module io.github.tokjoule.aiperf {
    requires transitive io.github.tokjoule.core;
    requires com.fasterxml.jackson.core;
    requires static transitive org.jspecify;

    exports io.github.tokjoule.aiperf;
}
