package io.github.tokjoule.jetson.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

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
        HWMON,
        /**
         * nvidia-smi's power readings, from a {@code tokjoule monitor --source nvidia-smi} log.
         *
         * @since 0.2.0
         */
        NVIDIA_SMI,
        /**
         * RAPL energy counters, from a {@code tokjoule monitor --source rapl} log.
         *
         * @since 0.2.0
         */
        RAPL;

        /**
         * {@return the tool's name as {@code tokjoule monitor --source} and the live log spell it: {@code hwmon},
         * {@code tegrastats}, {@code nvidia-smi}, {@code rapl}}
         *
         * @since 0.2.0
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The trace of a live log's rail ({@code tokjoule monitor --out}), by the source that logged it.
     *
     * @param source the source's name as the log spells it ({@code hwmon}, {@code tegrastats}, {@code nvidia-smi},
     *     {@code rapl})
     * @param nominalIntervalNanos the trace's nominal sample interval in nanoseconds, 0 or less if unknown
     * @return the trace's source, or empty for a source this type does not know
     * @since 0.2.0
     */
    public static Optional<PowerTraceSource> ofLiveSource(String source, long nominalIntervalNanos) {
        for (Tool t : Tool.values()) {
            if (t.label().equals(source)) {
                return Optional.of(new PowerTraceSource(t, millis(nominalIntervalNanos)));
            }
        }
        return Optional.empty();
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
     * {@return the tool's {@link Tool#label() label} and the interval to three significant figures (whole milliseconds kept), e.g.
     * {@code hwmon 10 ms}, {@code tegrastats 500 ms}, {@code tegrastats 33.3 ms}; the tool alone when the interval is
     * unknown}
     */
    public String label() {
        String name = tool.label();
        if (!Double.isFinite(nominalIntervalMillis)) {
            return name;
        }
        BigDecimal ms = nominalIntervalMillis >= 100
                ? BigDecimal.valueOf(Math.round(nominalIntervalMillis))
                : new BigDecimal(nominalIntervalMillis).round(new MathContext(3));
        return name + " " + ms.stripTrailingZeros().toPlainString() + " ms";
    }
}
