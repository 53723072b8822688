package io.github.tokjoule.core.cell;

import io.github.tokjoule.core.energy.EnergyBreakdown;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.Severity;
import io.github.tokjoule.core.power.PowerStatistic;
import io.github.tokjoule.core.stats.Summary;
import io.github.tokjoule.core.thermal.ThermalSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The per-cell row every report and every user works with: a cell's identity and status, its latency summaries,
 * power statistics, every tokens-per-joule variant, energies per request, the method they were computed by, and its
 * accuracy flags (DESIGN §3.3, §3.5, §7). Immutable; build with {@link #builder()}.
 *
 * <p><b>Units</b> are in every accessor name: latencies in milliseconds (as aiperf reports them), powers in watts,
 * energies in joules per request, tokens per joule, millijoules per output token.
 *
 * <p><b>Absent values are {@code NaN}</b> (see the package description): a number not set on the builder is
 * {@code NaN}, a summary not set is {@link Summary#empty()}, a tokens-per-joule variant not set is {@code NaN}.
 * {@link #value(CellMetric)} reads any number by name; test absence with {@link Double#isNaN(double)}.
 *
 * <p><b>Validation</b> at {@code build()}: every number is {@code NaN} or finite and not negative; the error count
 * does not exceed the request count; every 95 % interval ({@link #ci95ByMetric()}) encloses its number, so a
 * {@code NaN} number has none.
 *
 * <pre>{@code
 * CellMetrics row = CellMetrics.builder()
 *         .id(CellId.of("llama3.2-1b", "25W", "llamacpp", 2048, 256))
 *         .method(EnergyMethod.MEASURED)
 *         .requestCount(20)
 *         .ttftMillis(Summary.of(ttftMs))
 *         .outputTokensPerSecond(47.0)
 *         .rail("VDD_CPU_GPU_CV")
 *         .putWattsByStatistic(PowerStatistic.TIME_WEIGHTED_MEAN, 8.4)
 *         .energy(breakdown)                 // every energy and tok/J of an EnergyBreakdown
 *         .addFlags(flag)
 *         .build();
 * double tokJ = row.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE);
 * }</pre>
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class CellMetrics {

    CellMetrics() {}

    /** {@return a new builder; {@link Builder#id(CellId)} and {@link Builder#method(EnergyMethod)} are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return which cell: model, mode label, backend, target ISL and OSL} */
    public abstract CellId id();

    /** {@return how the energies were computed} */
    public abstract EnergyMethod method();

    /** {@return ok, or failed with a reason; ok unless set} */
    @Value.Default
    public CellStatus status() {
        return CellStatus.ok();
    }

    /** {@return {@code true} if the cell produced results} */
    public final boolean isOk() {
        return status().isOk();
    }

    /** {@return requests sent in the profiling phase, failed ones included; 0 unless set} */
    @Value.Default
    public int requestCount() {
        return 0;
    }

    /** {@return requests that failed; 0 unless set} */
    @Value.Default
    public int errorCount() {
        return 0;
    }

    /** {@return realised input tokens per request (mean), or {@code NaN}} */
    @Value.Default
    public double realisedInputTokens() {
        return Double.NaN;
    }

    /** {@return realised output tokens per request (mean), or {@code NaN}} */
    @Value.Default
    public double realisedOutputTokens() {
        return Double.NaN;
    }

    /** {@return time to first token in milliseconds over the requests; empty unless set} */
    @Value.Default
    public Summary ttftMillis() {
        return Summary.empty();
    }

    /** {@return inter-token latency in milliseconds; empty unless set} */
    @Value.Default
    public Summary interTokenLatencyMillis() {
        return Summary.empty();
    }

    /** {@return request latency (end to end) in milliseconds; empty unless set} */
    @Value.Default
    public Summary requestLatencyMillis() {
        return Summary.empty();
    }

    /**
     * {@return the seed's decode time {@code RL p50 − TTFT p50} in milliseconds (Table 10a), or {@code NaN}}
     */
    public final double decodeTimeP50Millis() {
        return requestLatencyMillis().p50() - ttftMillis().p50();
    }

    /** {@return output tokens per second per user (aiperf {@code output_token_throughput_per_user}), or NaN} */
    @Value.Default
    public double outputTokensPerSecond() {
        return Double.NaN;
    }

    /** {@return prefill (input) tokens per second per user, or {@code NaN}} */
    @Value.Default
    public double prefillTokensPerSecond() {
        return Double.NaN;
    }

    /** {@return the power rail the energies come from, e.g. {@code VDD_CPU_GPU_CV}, {@code VDD_IN}, or empty} */
    public abstract Optional<String> rail();

    /**
     * {@return the power in watts over the cell's window (aiperf's profiling window), by how it is drawn from the
     * samples, in {@link PowerStatistic} order; a statistic not computed is not in the map}
     *
     * @since 0.2.0 (0.1.0 keyed it by the statistic's name)
     */
    public abstract Map<PowerStatistic, Double> wattsByStatistic();

    /**
     * Returns the power over the cell's window by one statistic.
     *
     * @param statistic the statistic, e.g. {@link PowerStatistic#SAMPLE_MEDIAN} (the seed's "avg_power_W")
     * @return watts, or {@code NaN} if not recorded
     * @since 0.2.0 (0.1.0 took the statistic's name)
     */
    public final double watts(PowerStatistic statistic) {
        Double w = wattsByStatistic().get(statistic);
        return w == null ? Double.NaN : w;
    }

    /**
     * {@return the mean power while serving in watts: the attributed requests' energy over their summed latencies
     * (the power of the MEASURED tables; {@code CellEnergy.meanWatts(TOTAL)} of the join), or {@code NaN}}
     *
     * @since 0.2.0 (0.1.0 stored it as the statistic named {@code REQUESTS_TIME_WEIGHTED_MEAN})
     */
    @Value.Default
    public double servingWatts() {
        return Double.NaN;
    }

    /** {@return the power during prefill in watts, or {@code NaN}} */
    @Value.Default
    public double prefillWatts() {
        return Double.NaN;
    }

    /** {@return the power during decode in watts, or {@code NaN}} */
    @Value.Default
    public double decodeWatts() {
        return Double.NaN;
    }

    /** {@return output tokens per joule by variant, as set} */
    public abstract Map<OutputTokJVariant, Double> outputTokensPerJouleByVariant();

    /**
     * Returns one of the three output tokens per joule.
     *
     * @param variant the variant (REQUEST, DECODE_PHASE, THROUGHPUT)
     * @return tokens per joule, or {@code NaN} if not computed
     */
    public final double outputTokensPerJoule(OutputTokJVariant variant) {
        Double v = outputTokensPerJouleByVariant().get(variant);
        return v == null ? Double.NaN : v;
    }

    /** {@return input tokens per joule of prefill energy, or {@code NaN}} */
    @Value.Default
    public double prefillTokensPerJoule() {
        return Double.NaN;
    }

    /** {@return output tokens per joule of decode energy, or {@code NaN}} */
    @Value.Default
    public double decodeTokensPerJoule() {
        return Double.NaN;
    }

    /** {@return input and output tokens per joule of request energy, or {@code NaN}} */
    @Value.Default
    public double totalTokensPerJoule() {
        return Double.NaN;
    }

    /** {@return energy of a request in joules (mean over requests for the measured method), or {@code NaN}} */
    @Value.Default
    public double totalJoulesPerRequest() {
        return Double.NaN;
    }

    /** {@return energy of a request's prefill in joules, or {@code NaN}} */
    @Value.Default
    public double prefillJoulesPerRequest() {
        return Double.NaN;
    }

    /** {@return energy of a request's decode in joules, or {@code NaN}} */
    @Value.Default
    public double decodeJoulesPerRequest() {
        return Double.NaN;
    }

    /** {@return {@code prefill J / total J} per request, or {@code NaN}} */
    public final double prefillShare() {
        double total = totalJoulesPerRequest();
        return total > 0 ? prefillJoulesPerRequest() / total : Double.NaN;
    }

    /** {@return millijoules per output token ({@code 1000 / decode tok/J}), or {@code NaN}} */
    @Value.Default
    public double millijoulesPerOutputToken() {
        return Double.NaN;
    }

    /**
     * {@return the distribution of per-request energies in joules (measured method: p50/p90 beside the mean);
     * empty unless set}
     */
    @Value.Default
    public Summary requestJoules() {
        return Summary.empty();
    }

    /**
     * {@return the name of the join estimator that computed the MEASURED energies, e.g. {@code PER_REQUEST} or {@code
     * POOLED} (the one that ran, where the choice is made per cell); empty for the SEED_COMPATIBLE method and for a
     * cell without a power trace}
     *
     * @since 0.2.0
     */
    public abstract Optional<String> estimator();

    /**
     * {@return the 95 % intervals of the numbers that have one, by metric; a metric without an entry has no interval
     * (its accuracy is unknown, not perfect)}
     *
     * @since 0.2.0
     */
    public abstract Map<CellMetric, Ci95> ci95ByMetric();

    /**
     * Returns the 95 % interval of one number.
     *
     * @param metric the metric
     * @return its interval, or empty if it has none
     * @since 0.2.0
     */
    public final Optional<Ci95> ci95(CellMetric metric) {
        return Optional.ofNullable(ci95ByMetric().get(metric));
    }

    /** {@return the thermal summary of the cell's window, if measured} */
    public abstract Optional<ThermalSummary> thermal();

    /** {@return the accuracy flags, in the order raised} */
    public abstract List<Flag> flags();

    /**
     * Tells whether a flag was raised.
     *
     * @param flag the condition
     * @return {@code true} if at least one flag of that kind is present
     */
    public final boolean hasFlag(AccuracyFlag flag) {
        return flags().stream().anyMatch(f -> f.flag() == flag);
    }

    /**
     * Returns the flags of one kind.
     *
     * @param flag the condition
     * @return the flags of that kind, in the order raised
     */
    public final List<Flag> flags(AccuracyFlag flag) {
        return flags().stream().filter(f -> f.flag() == flag).collect(Collectors.toUnmodifiableList());
    }

    /** {@return the most serious severity among the flags, or empty if there are none} */
    public final Optional<Severity> worstSeverity() {
        return flags().stream().map(Flag::severity).max(Enum::compareTo);
    }

    /**
     * Reads a number by name.
     *
     * @param metric the metric
     * @return its value, or {@code NaN} if absent
     */
    public final double value(CellMetric metric) {
        return metric.of(this);
    }

    @Value.Check
    final void check() {
        if (requestCount() < 0 || errorCount() < 0 || errorCount() > requestCount()) {
            throw new IllegalArgumentException("requestCount (" + requestCount() + ") and errorCount (" + errorCount()
                    + ") must satisfy 0 ≤ errorCount ≤ requestCount in cell " + id());
        }
        checkNumber(realisedInputTokens(), "realisedInputTokens");
        checkNumber(realisedOutputTokens(), "realisedOutputTokens");
        checkNumber(outputTokensPerSecond(), "outputTokensPerSecond");
        checkNumber(prefillTokensPerSecond(), "prefillTokensPerSecond");
        checkNumber(prefillWatts(), "prefillWatts");
        checkNumber(decodeWatts(), "decodeWatts");
        checkNumber(prefillTokensPerJoule(), "prefillTokensPerJoule");
        checkNumber(decodeTokensPerJoule(), "decodeTokensPerJoule");
        checkNumber(totalTokensPerJoule(), "totalTokensPerJoule");
        checkNumber(totalJoulesPerRequest(), "totalJoulesPerRequest");
        checkNumber(prefillJoulesPerRequest(), "prefillJoulesPerRequest");
        checkNumber(decodeJoulesPerRequest(), "decodeJoulesPerRequest");
        checkNumber(millijoulesPerOutputToken(), "millijoulesPerOutputToken");
        checkNumber(servingWatts(), "servingWatts");
        for (Map.Entry<PowerStatistic, Double> e : wattsByStatistic().entrySet()) {
            checkNumber(e.getValue(), "wattsByStatistic[" + e.getKey() + "]");
        }
        for (Map.Entry<OutputTokJVariant, Double> e :
                outputTokensPerJouleByVariant().entrySet()) {
            checkNumber(e.getValue(), "outputTokensPerJoule[" + e.getKey() + "]");
        }
        for (Map.Entry<CellMetric, Ci95> e : ci95ByMetric().entrySet()) {
            double v = value(e.getKey());
            if (!e.getValue().contains(v)) {
                throw new IllegalArgumentException("95 % interval " + e.getValue() + " of " + e.getKey()
                        + " does not enclose its value " + v + " in cell " + id());
            }
        }
    }

    private void checkNumber(double v, String name) {
        if (v < 0 || Double.isInfinite(v)) {
            throw new IllegalArgumentException(
                    name + " must be NaN (absent) or finite and not negative: " + v + " in cell " + id());
        }
    }

    /**
     * Builds a {@link CellMetrics}. Setters are generated from the accessors: {@code id}, {@code method},
     * {@code status}, {@code requestCount}, …, {@code putWattsByStatistic(statistic, watts)},
     * {@code putOutputTokensPerJouleByVariant(variant, tokJ)}, {@code addFlags(flag)}, {@code thermal(summary)},
     * {@code rail(name)}.
     *
     * @since 0.1.0
     */
    public static final class Builder extends ImmutableCellMetrics.Builder {

        Builder() {}

        /**
         * Sets every energy and tokens-per-joule value of a breakdown: the three energies per request, prefill,
         * decode and total tokens per joule, millijoules per output token, and the three output tokens per joule
         * (a {@code NaN} variant is left out).
         *
         * @param b the breakdown
         * @return this builder
         */
        public Builder energy(EnergyBreakdown b) {
            prefillJoulesPerRequest(b.prefillJoules());
            decodeJoulesPerRequest(b.decodeJoules());
            totalJoulesPerRequest(b.totalJoules());
            prefillTokensPerJoule(b.prefillTokensPerJoule());
            decodeTokensPerJoule(b.decodeTokensPerJoule());
            totalTokensPerJoule(b.totalTokensPerJoule());
            millijoulesPerOutputToken(b.millijoulesPerOutputToken());
            for (OutputTokJVariant v : OutputTokJVariant.values()) {
                double x = b.outputTokensPerJoule(v);
                if (!Double.isNaN(x)) {
                    putOutputTokensPerJouleByVariant(v, x);
                }
            }
            return this;
        }
    }
}
