package io.github.tokjoule.core.cell;

import io.github.tokjoule.core.compare.MetricDirection;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import java.util.function.ToDoubleFunction;

/**
 * Every number of a {@link CellMetrics} row by name, with its unit and the {@link MetricDirection} in which it
 * improves, so that tables, heat maps, speedups and best-of searches can be written once for any metric.
 *
 * @since 0.1.0
 */
public enum CellMetric {
    /** Output tokens per second per user. */
    OUTPUT_TOKENS_PER_SECOND("tok/s", MetricDirection.HIGHER_IS_BETTER, CellMetrics::outputTokensPerSecond),
    /** Prefill tokens per second per user. */
    PREFILL_TOKENS_PER_SECOND("tok/s", MetricDirection.HIGHER_IS_BETTER, CellMetrics::prefillTokensPerSecond),
    /** Median time to first token. */
    TTFT_P50_MILLIS("ms", MetricDirection.LOWER_IS_BETTER, c -> c.ttftMillis().p50()),
    /** 90th percentile of time to first token. */
    TTFT_P90_MILLIS("ms", MetricDirection.LOWER_IS_BETTER, c -> c.ttftMillis().p90()),
    /** 99th percentile of time to first token. */
    TTFT_P99_MILLIS("ms", MetricDirection.LOWER_IS_BETTER, c -> c.ttftMillis().p99()),
    /** Median inter-token latency. */
    ITL_P50_MILLIS("ms", MetricDirection.LOWER_IS_BETTER, c -> c.interTokenLatencyMillis()
            .p50()),
    /** Median request latency. */
    REQUEST_LATENCY_P50_MILLIS(
            "ms", MetricDirection.LOWER_IS_BETTER, c -> c.requestLatencyMillis().p50()),
    /** 99th percentile of request latency. */
    REQUEST_LATENCY_P99_MILLIS(
            "ms", MetricDirection.LOWER_IS_BETTER, c -> c.requestLatencyMillis().p99()),
    /** The seed's decode time, RL p50 − TTFT p50 (Table 10a). */
    DECODE_TIME_P50_MILLIS("ms", MetricDirection.LOWER_IS_BETTER, CellMetrics::decodeTimeP50Millis),
    /** {@link OutputTokJVariant#REQUEST}. */
    OUTPUT_TOKENS_PER_JOULE_REQUEST(
            "tok/J", MetricDirection.HIGHER_IS_BETTER, c -> c.outputTokensPerJoule(OutputTokJVariant.REQUEST)),
    /** {@link OutputTokJVariant#DECODE_PHASE}: the seed's published "output tok/J". */
    OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE(
            "tok/J", MetricDirection.HIGHER_IS_BETTER, c -> c.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE)),
    /** {@link OutputTokJVariant#THROUGHPUT}: tok/s per W. */
    OUTPUT_TOKENS_PER_JOULE_THROUGHPUT(
            "tok/J", MetricDirection.HIGHER_IS_BETTER, c -> c.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT)),
    /** Input tokens per joule of prefill. */
    PREFILL_TOKENS_PER_JOULE("tok/J", MetricDirection.HIGHER_IS_BETTER, CellMetrics::prefillTokensPerJoule),
    /** Output tokens per joule of decode. */
    DECODE_TOKENS_PER_JOULE("tok/J", MetricDirection.HIGHER_IS_BETTER, CellMetrics::decodeTokensPerJoule),
    /** Input and output tokens per joule of the request (seed Table 13). */
    TOTAL_TOKENS_PER_JOULE("tok/J", MetricDirection.HIGHER_IS_BETTER, CellMetrics::totalTokensPerJoule),
    /** Energy of a request. */
    TOTAL_JOULES_PER_REQUEST("J", MetricDirection.LOWER_IS_BETTER, CellMetrics::totalJoulesPerRequest),
    /** Energy of a request's prefill. */
    PREFILL_JOULES_PER_REQUEST("J", MetricDirection.LOWER_IS_BETTER, CellMetrics::prefillJoulesPerRequest),
    /** Energy of a request's decode. */
    DECODE_JOULES_PER_REQUEST("J", MetricDirection.LOWER_IS_BETTER, CellMetrics::decodeJoulesPerRequest),
    /** Millijoules per output token (seed Figure 16). */
    MILLIJOULES_PER_OUTPUT_TOKEN("mJ", MetricDirection.LOWER_IS_BETTER, CellMetrics::millijoulesPerOutputToken);

    private final String unit;
    private final MetricDirection direction;
    private final ToDoubleFunction<CellMetrics> accessor;

    CellMetric(String unit, MetricDirection direction, ToDoubleFunction<CellMetrics> accessor) {
        this.unit = unit;
        this.direction = direction;
        this.accessor = accessor;
    }

    /** {@return the unit symbol, e.g. {@code "tok/J"}, {@code "ms"}} */
    public String unit() {
        return unit;
    }

    /** {@return which way the metric improves} */
    public MetricDirection direction() {
        return direction;
    }

    /**
     * Reads this metric from a row.
     *
     * @param cell the row
     * @return the value, or {@code NaN} if absent
     */
    public double of(CellMetrics cell) {
        return accessor.applyAsDouble(cell);
    }
}
