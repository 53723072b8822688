package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.compare.MetricDirection;
import io.github.tokjoule.core.energy.OutputTokJVariant;

/**
 * The metrics of the seed's speedup tables, each with its direction (a latency speedup is baseline / mode).
 *
 * @since 0.1.0
 */
public enum SpeedupMetric {
    /** Output tokens per second per user (seed Table 9). */
    OUTPUT_TOKENS_PER_SECOND(MetricDirection.HIGHER_IS_BETTER, "Table 9"),
    /** Decode time {@code RL p50 − TTFT p50} (seed Table 10a). */
    DECODE_TIME(MetricDirection.LOWER_IS_BETTER, "Table 10a"),
    /** TTFT p50 (seed Table 11). */
    TTFT(MetricDirection.LOWER_IS_BETTER, "Table 11"),
    /** Request latency p50 (seed Table 12). */
    REQUEST_LATENCY(MetricDirection.LOWER_IS_BETTER, "Table 12"),
    /** The headline output tokens per joule (the seed's "tok/J" ratios of §3.2). */
    OUTPUT_TOKENS_PER_JOULE(MetricDirection.HIGHER_IS_BETTER, "§3.2");

    private final MetricDirection direction;
    private final String seedTable;

    SpeedupMetric(MetricDirection direction, String seedTable) {
        this.direction = direction;
        this.seedTable = seedTable;
    }

    /** {@return which way the metric improves} */
    public MetricDirection direction() {
        return direction;
    }

    /** {@return the seed table it reproduces, e.g. {@code Table 9}} */
    public String seedTable() {
        return seedTable;
    }

    /**
     * Reads the metric from a cell.
     *
     * @param cell the cell
     * @param headline the headline output tokens per joule
     * @return the value, or NaN if absent
     */
    public double of(CellMetrics cell, OutputTokJVariant headline) {
        return switch (this) {
            case OUTPUT_TOKENS_PER_SECOND -> cell.outputTokensPerSecond();
            case DECODE_TIME -> cell.decodeTimeP50Millis();
            case TTFT -> cell.ttftMillis().p50();
            case REQUEST_LATENCY -> cell.requestLatencyMillis().p50();
            case OUTPUT_TOKENS_PER_JOULE -> cell.outputTokensPerJoule(headline);
        };
    }
}
