package io.github.tokjoule.aiperf;

import io.github.tokjoule.aiperf.MetricUnit.Conversion;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The table of {@link MetricUnit}: source unit strings to canonical units and factors. */
final class Units {

    private static final Map<String, Conversion> TABLE = new HashMap<>();

    static {
        put(MetricUnit.MILLISECONDS, 1e-6, "ns");
        put(MetricUnit.MILLISECONDS, 1e-3, "us", "µs", "μs");
        put(MetricUnit.MILLISECONDS, 1.0, "ms");
        put(MetricUnit.MILLISECONDS, 1e3, "s", "sec");
        put(MetricUnit.TOKENS, 1.0, "tokens");
        put(MetricUnit.COUNT, 1.0, "requests", "count", "errors");
        put(MetricUnit.TOKENS_PER_SECOND, 1.0, "tokens/sec", "tokens/s");
        put(MetricUnit.TOKENS_PER_SECOND_PER_USER, 1.0, "tokens/sec/user", "tokens/s/user");
        put(MetricUnit.REQUESTS_PER_SECOND, 1.0, "requests/sec", "requests/s");
        put(MetricUnit.PERCENT, 1.0, "%");
        put(MetricUnit.WATTS, 1e-3, "mW");
        put(MetricUnit.WATTS, 1.0, "W");
        put(MetricUnit.WATTS, 1e3, "kW");
        put(MetricUnit.JOULES, 1e-3, "mJ");
        put(MetricUnit.JOULES, 1.0, "J");
        put(MetricUnit.JOULES, 1e3, "kJ");
        put(MetricUnit.JOULES, 1e6, "MJ");
        put(MetricUnit.TOKENS_PER_JOULE, 1.0, "tokens/J");
        put(MetricUnit.GIGABYTES, 1.0, "GB");
        put(MetricUnit.KILOBYTES, 1.0, "KB");
        put(MetricUnit.MEGAHERTZ, 1.0, "MHz");
        put(MetricUnit.CELSIUS, 1.0, "°C", "C");
        put(MetricUnit.RATIO, 1.0, "ratio");
    }

    private Units() {}

    private static void put(MetricUnit unit, double factor, String... symbols) {
        Conversion c = new Conversion(unit, factor);
        for (String s : symbols) {
            TABLE.put(s, c);
        }
    }

    /** {@return the conversion of a source unit string, or null if unknown} */
    static @Nullable Conversion resolve(String sourceUnit) {
        return TABLE.get(sourceUnit);
    }
}
