package io.github.tokjoule.aiperf;

import java.util.Optional;

/**
 * The unit of a metric after conversion. aiperf writes a display unit next to every metric ({@code "unit": "ms"});
 * the readers convert each value from that unit to one canonical unit per dimension, so that the same quantity always
 * has the same unit whatever the aiperf version or option wrote:
 *
 * <table>
 *   <caption>Source units and their conversion (value × factor)</caption>
 *   <tr><th>source unit</th><th>canonical unit</th><th>factor</th></tr>
 *   <tr><td>{@code ns}, {@code us} ({@code µs}), {@code ms}, {@code s} ({@code sec})</td><td>{@link #MILLISECONDS}</td>
 *       <td>1e-6, 1e-3, 1, 1e3</td></tr>
 *   <tr><td>{@code tokens}</td><td>{@link #TOKENS}</td><td>1</td></tr>
 *   <tr><td>{@code requests}, {@code count}, {@code errors}</td><td>{@link #COUNT}</td><td>1</td></tr>
 *   <tr><td>{@code tokens/sec}, {@code tokens/s}</td><td>{@link #TOKENS_PER_SECOND}</td><td>1</td></tr>
 *   <tr><td>{@code tokens/sec/user}, {@code tokens/s/user}</td><td>{@link #TOKENS_PER_SECOND_PER_USER}</td>
 *       <td>1</td></tr>
 *   <tr><td>{@code requests/sec}, {@code requests/s}</td><td>{@link #REQUESTS_PER_SECOND}</td><td>1</td></tr>
 *   <tr><td>{@code mW}, {@code W}, {@code kW}</td><td>{@link #WATTS}</td><td>1e-3, 1, 1e3</td></tr>
 *   <tr><td>{@code mJ}, {@code J}, {@code kJ}, {@code MJ}</td><td>{@link #JOULES}</td><td>1e-3, 1, 1e3, 1e6</td></tr>
 *   <tr><td>{@code %}, {@code tokens/J}, {@code GB}, {@code KB}, {@code MHz}, {@code °C} ({@code C}),
 *       {@code ratio}</td><td>as named</td><td>1</td></tr>
 * </table>
 *
 * <p>Conversion is decided by the unit string only, never by the metric's name. A unit string not in this table (or a
 * metric without one) gives {@link #OTHER}: the values are kept exactly as written, the original string stays
 * available ({@link MetricStats#sourceUnit()}) and the read report says so. Unit strings are case-sensitive
 * ({@code MJ} is megajoules, {@code mJ} millijoules).
 *
 * @since 0.1.0
 */
public enum MetricUnit {
    /** Durations (latencies, and timestamps written in a time unit) in milliseconds. */
    MILLISECONDS("ms"),
    /** Token counts. */
    TOKENS("tokens"),
    /** Counts of requests, chunks, errors (aiperf's {@code requests} and genai-perf's {@code count}). */
    COUNT("count"),
    /** Tokens per second (aggregate throughput). */
    TOKENS_PER_SECOND("tokens/s"),
    /** Tokens per second per user (per-request rates such as output token throughput per user). */
    TOKENS_PER_SECOND_PER_USER("tokens/s/user"),
    /** Requests per second. */
    REQUESTS_PER_SECOND("requests/s"),
    /** Percent. */
    PERCENT("%"),
    /** Power in watts. */
    WATTS("W"),
    /** Energy in joules. */
    JOULES("J"),
    /** Tokens per joule. */
    TOKENS_PER_JOULE("tokens/J"),
    /** Gigabytes (GPU memory). */
    GIGABYTES("GB"),
    /** Kilobytes (HTTP trace metrics). */
    KILOBYTES("KB"),
    /** Megahertz (clocks). */
    MEGAHERTZ("MHz"),
    /** Degrees Celsius. */
    CELSIUS("°C"),
    /** A dimensionless ratio. */
    RATIO("ratio"),
    /** A unit this library does not know: values kept as written; see {@link MetricStats#sourceUnit()}. */
    OTHER("");

    private final String symbol;

    MetricUnit(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the symbol written by {@code tokjoule aiperf}, e.g. {@code "ms"}; empty for {@link #OTHER}} */
    public String symbol() {
        return symbol;
    }

    /**
     * Resolves a unit string as written by aiperf or genai-perf.
     *
     * @param sourceUnit the unit string, e.g. {@code "sec"} or {@code "tokens/sec/user"}
     * @return the canonical unit and the factor that converts a value into it, or empty if the string is unknown
     */
    public static Optional<Conversion> fromSource(String sourceUnit) {
        return Optional.ofNullable(Units.resolve(sourceUnit));
    }

    /**
     * A conversion from a source unit: {@code canonical value = source value × factor}.
     *
     * @param unit the canonical unit
     * @param factor the multiplier, positive and finite
     * @since 0.1.0
     */
    public record Conversion(MetricUnit unit, double factor) {

        /**
         * Validates the factor.
         *
         * @throws IllegalArgumentException if the factor is not positive and finite
         */
        public Conversion {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor = " + factor + " is not positive and finite");
            }
        }

        /**
         * Converts a value.
         *
         * @param sourceValue a value in the source unit
         * @return the value in {@link #unit()}
         */
        public double apply(double sourceValue) {
            return factor == 1.0 ? sourceValue : sourceValue * factor;
        }
    }
}
