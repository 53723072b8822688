package io.github.tokjoule.jetson.analysis;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Which power trace a cell's energy figures came from (issue 16): tegrastats' log, or the dense INA3221 trace read
 * through hwmon ({@code hwmon.csv}) that the analysis prefers where a driver run recorded one beside the cell. The
 * {@code power_trace} column of {@code cells.csv} is its {@link #label()}.
 *
 * @param tool the recording tool
 * @param nominalIntervalMillis the trace's nominal sample interval in milliseconds ({@code
 *     PowerTrace#nominalIntervalNanos()} / 10⁶), NaN if unknown
 * @since 0.2.0
 */
public record PowerTraceSource(Tool tool, double nominalIntervalMillis) {

    /**
     * The tool that recorded a power trace.
     *
     * @since 0.2.0
     */
    public enum Tool {
        /** tegrastats' log (typically one sample per 100–1,000 ms). */
        TEGRASTATS,
        /** The INA3221 rails read through hwmon ({@code hwmon.csv}, typically 100 Hz). */
        HWMON
    }

    /**
     * A trace recorded by tegrastats.
     *
     * @param nominalIntervalNanos the trace's nominal sample interval in nanoseconds, 0 or less if unknown
     * @return the source
     */
    public static PowerTraceSource tegrastats(long nominalIntervalNanos) {
        return new PowerTraceSource(Tool.TEGRASTATS, millis(nominalIntervalNanos));
    }

    /**
     * A dense trace recorded through hwmon.
     *
     * @param nominalIntervalNanos the trace's nominal sample interval in nanoseconds, 0 or less if unknown
     * @return the source
     */
    public static PowerTraceSource hwmon(long nominalIntervalNanos) {
        return new PowerTraceSource(Tool.HWMON, millis(nominalIntervalNanos));
    }

    private static double millis(long nanos) {
        return nanos > 0 ? nanos / 1e6 : Double.NaN;
    }

    /**
     * {@return the tool in lower case and the interval to three significant figures (whole milliseconds kept), e.g.
     * {@code hwmon 10 ms}, {@code tegrastats 500 ms}, {@code tegrastats 33.3 ms}; the tool alone when the interval is
     * unknown}
     */
    public String label() {
        String name = tool == Tool.HWMON ? "hwmon" : "tegrastats";
        if (!Double.isFinite(nominalIntervalMillis)) {
            return name;
        }
        BigDecimal ms = nominalIntervalMillis >= 100
                ? BigDecimal.valueOf(Math.round(nominalIntervalMillis))
                : new BigDecimal(nominalIntervalMillis).round(new MathContext(3));
        return name + " " + ms.stripTrailingZeros().toPlainString() + " ms";
    }
}
