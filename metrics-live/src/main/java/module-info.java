/**
 * tokjoule metrics-live: live power measurement. Growing, bounded power traces sampled while a load runs (Jetson
 * INA3221 through hwmon, tegrastats and nvidia-smi as child processes, Linux powercap RAPL counters), named
 * measurement windows with energy per rail and coverage, and a CSV / JSONL log that the analysis reads back.
 *
 * @since 0.2.0
 */
module io.github.tokjoule.live {
    requires transitive io.github.tokjoule.core;
    requires io.github.tokjoule.tegrastats;
    requires static transitive org.jspecify;

    exports io.github.tokjoule.live;
    exports io.github.tokjoule.live.source;
}
