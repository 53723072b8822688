package io.github.tokjoule.jetson.synthetic;

/**
 * How one model behaves at one power mode in a synthetic sweep: its speed, its power on the compute rail
 * {@code VDD_CPU_GPU_CV}, the noise on that power, how often a cell ends generation early or fails requests, its
 * temperatures, and the clocks printed in its tegrastats lines.
 *
 * <p>Latency model, per request: {@code TTFT = prefillOverheadMillis + ISL / prefillTokensPerSecond} (so TTFT grows
 * linearly with the prompt), and every inter-token gap is {@code interTokenLatencyMillis · (1 + g · (ISL − 2048) /
 * 1000)} with {@code g = itlGrowthPerThousandContextTokens}, both with a few per cent of random spread. Power model:
 * the compute rail draws {@code idleWatts} outside requests, {@code prefillWatts} during {@code [start, first token]},
 * {@code decodeWatts} during {@code [first token, end]}, plus a zero-mean fluctuation of standard deviation
 * {@code noiseWatts} (see {@link SyntheticCell} for its exact shape).
 *
 * @param prefillTokensPerSecond prefill rate in input tokens per second, positive
 * @param prefillOverheadMillis fixed part of TTFT in milliseconds, not negative
 * @param interTokenLatencyMillis inter-token latency in milliseconds at a 2048-token prompt, positive
 * @param itlGrowthPerThousandContextTokens relative growth of the inter-token latency per 1000 prompt tokens, in
 *     {@code [0, 0.5]}
 * @param idleWatts compute-rail power between requests in watts, not negative
 * @param prefillWatts compute-rail power during prefill in watts, not negative
 * @param decodeWatts compute-rail power during decode in watts, not negative
 * @param noiseWatts standard deviation of the power fluctuation in watts, not negative
 * @param earlyEosRate probability in {@code [0, 1]} that a cell's requests stop generating well before the target
 *     output length (the seed's uncontrolled end-of-sequence, docs/reference/seed-methodology.md §4.9)
 * @param errorRate probability in {@code [0, 1]} that a cell has one to three failed requests
 * @param cpuCelsius mean CPU temperature under load in °C (seed Table 16)
 * @param gpuCelsius mean GPU temperature under load in °C (seed Table 16)
 * @param peakJunctionCelsius peak junction temperature in °C (seed Table 16), not below the CPU and GPU means
 * @param cpuMegahertz CPU clock printed in the tegrastats CPU field, positive
 * @param gpuMegahertz GPU clock printed in the {@code GR3D_FREQ} field, positive
 * @param emcMegahertz memory clock printed in the {@code EMC_FREQ} field, positive
 * @param onlineCores CPU cores online (the others print {@code off}), 1 to 6
 * @param modelMegabytes size of the model in memory in MB (adds to the RAM field), not negative
 * @since 0.1.0
 */
public record ModeModelParameters(
        double prefillTokensPerSecond,
        double prefillOverheadMillis,
        double interTokenLatencyMillis,
        double itlGrowthPerThousandContextTokens,
        double idleWatts,
        double prefillWatts,
        double decodeWatts,
        double noiseWatts,
        double earlyEosRate,
        double errorRate,
        double cpuCelsius,
        double gpuCelsius,
        double peakJunctionCelsius,
        int cpuMegahertz,
        int gpuMegahertz,
        int emcMegahertz,
        int onlineCores,
        int modelMegabytes) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public ModeModelParameters {
        positive("prefillTokensPerSecond", prefillTokensPerSecond);
        notNegative("prefillOverheadMillis", prefillOverheadMillis);
        positive("interTokenLatencyMillis", interTokenLatencyMillis);
        range("itlGrowthPerThousandContextTokens", itlGrowthPerThousandContextTokens, 0, 0.5);
        notNegative("idleWatts", idleWatts);
        notNegative("prefillWatts", prefillWatts);
        notNegative("decodeWatts", decodeWatts);
        notNegative("noiseWatts", noiseWatts);
        range("earlyEosRate", earlyEosRate, 0, 1);
        range("errorRate", errorRate, 0, 1);
        range("cpuCelsius", cpuCelsius, -40, 120);
        range("gpuCelsius", gpuCelsius, -40, 120);
        range("peakJunctionCelsius", peakJunctionCelsius, Math.max(cpuCelsius, gpuCelsius), 125);
        if (cpuMegahertz <= 0 || gpuMegahertz <= 0 || emcMegahertz <= 0) {
            throw new IllegalArgumentException("clocks must be positive: cpuMegahertz=" + cpuMegahertz
                    + ", gpuMegahertz=" + gpuMegahertz + ", emcMegahertz=" + emcMegahertz);
        }
        if (onlineCores < 1 || onlineCores > 6) {
            throw new IllegalArgumentException("onlineCores must be in [1, 6]: " + onlineCores);
        }
        if (modelMegabytes < 0) {
            throw new IllegalArgumentException("modelMegabytes must not be negative: " + modelMegabytes);
        }
    }

    /**
     * Returns the expected time to first token of a prompt, without the random spread.
     *
     * @param inputTokens the prompt length in tokens, not negative
     * @return {@code prefillOverheadMillis + 1000 · inputTokens / prefillTokensPerSecond}, in milliseconds
     */
    public double expectedTtftMillis(int inputTokens) {
        return prefillOverheadMillis + 1000.0 * inputTokens / prefillTokensPerSecond;
    }

    /**
     * Returns the expected inter-token latency at a prompt length, without the random spread.
     *
     * @param inputTokens the prompt length in tokens, not negative
     * @return {@code interTokenLatencyMillis · (1 + itlGrowthPerThousandContextTokens · (inputTokens − 2048) /
     *     1000)}, in milliseconds, at least 10 % of {@code interTokenLatencyMillis}
     */
    public double expectedItlMillis(int inputTokens) {
        double factor = 1 + itlGrowthPerThousandContextTokens * (inputTokens - 2048) / 1000.0;
        return interTokenLatencyMillis * Math.max(0.1, factor);
    }

    /** {@return a builder holding these parameters, to derive a variant} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a builder whose values are those of a mid-range 25 W cell (SmolLM2-360M at 25W in seed Table 15); set
     * what matters to you.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(new ModeModelParameters(
                4227, 18, 9.82, 0.03, 1.45, 7.57, 6.76, 0.27, 0, 0, 52.7, 55.2, 58.6, 1420, 820, 3199, 6, 369));
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and positive: " + value);
        }
    }

    private static void notNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and not negative: " + value);
        }
    }

    private static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
    }

    /**
     * A mutable builder of {@link ModeModelParameters}; {@link #build()} validates.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private double prefillTokensPerSecond;
        private double prefillOverheadMillis;
        private double interTokenLatencyMillis;
        private double itlGrowthPerThousandContextTokens;
        private double idleWatts;
        private double prefillWatts;
        private double decodeWatts;
        private double noiseWatts;
        private double earlyEosRate;
        private double errorRate;
        private double cpuCelsius;
        private double gpuCelsius;
        private double peakJunctionCelsius;
        private int cpuMegahertz;
        private int gpuMegahertz;
        private int emcMegahertz;
        private int onlineCores;
        private int modelMegabytes;

        private Builder(ModeModelParameters p) {
            prefillTokensPerSecond = p.prefillTokensPerSecond;
            prefillOverheadMillis = p.prefillOverheadMillis;
            interTokenLatencyMillis = p.interTokenLatencyMillis;
            itlGrowthPerThousandContextTokens = p.itlGrowthPerThousandContextTokens;
            idleWatts = p.idleWatts;
            prefillWatts = p.prefillWatts;
            decodeWatts = p.decodeWatts;
            noiseWatts = p.noiseWatts;
            earlyEosRate = p.earlyEosRate;
            errorRate = p.errorRate;
            cpuCelsius = p.cpuCelsius;
            gpuCelsius = p.gpuCelsius;
            peakJunctionCelsius = p.peakJunctionCelsius;
            cpuMegahertz = p.cpuMegahertz;
            gpuMegahertz = p.gpuMegahertz;
            emcMegahertz = p.emcMegahertz;
            onlineCores = p.onlineCores;
            modelMegabytes = p.modelMegabytes;
        }

        /**
         * Sets the prefill rate.
         *
         * @param value input tokens per second
         * @return this builder
         */
        public Builder prefillTokensPerSecond(double value) {
            prefillTokensPerSecond = value;
            return this;
        }

        /**
         * Sets the fixed part of TTFT.
         *
         * @param value milliseconds
         * @return this builder
         */
        public Builder prefillOverheadMillis(double value) {
            prefillOverheadMillis = value;
            return this;
        }

        /**
         * Sets the inter-token latency at a 2048-token prompt.
         *
         * @param value milliseconds
         * @return this builder
         */
        public Builder interTokenLatencyMillis(double value) {
            interTokenLatencyMillis = value;
            return this;
        }

        /**
         * Sets the relative growth of the inter-token latency per 1000 prompt tokens.
         *
         * @param value a fraction
         * @return this builder
         */
        public Builder itlGrowthPerThousandContextTokens(double value) {
            itlGrowthPerThousandContextTokens = value;
            return this;
        }

        /**
         * Sets the idle power.
         *
         * @param value watts
         * @return this builder
         */
        public Builder idleWatts(double value) {
            idleWatts = value;
            return this;
        }

        /**
         * Sets the prefill power.
         *
         * @param value watts
         * @return this builder
         */
        public Builder prefillWatts(double value) {
            prefillWatts = value;
            return this;
        }

        /**
         * Sets the decode power.
         *
         * @param value watts
         * @return this builder
         */
        public Builder decodeWatts(double value) {
            decodeWatts = value;
            return this;
        }

        /**
         * Sets the standard deviation of the power fluctuation.
         *
         * @param value watts
         * @return this builder
         */
        public Builder noiseWatts(double value) {
            noiseWatts = value;
            return this;
        }

        /**
         * Sets the probability that a cell ends generation early.
         *
         * @param value a probability
         * @return this builder
         */
        public Builder earlyEosRate(double value) {
            earlyEosRate = value;
            return this;
        }

        /**
         * Sets the probability that a cell has failed requests.
         *
         * @param value a probability
         * @return this builder
         */
        public Builder errorRate(double value) {
            errorRate = value;
            return this;
        }

        /**
         * Sets the temperatures (seed Table 16).
         *
         * @param cpu mean CPU °C
         * @param gpu mean GPU °C
         * @param peakJunction peak junction °C
         * @return this builder
         */
        public Builder temperatures(double cpu, double gpu, double peakJunction) {
            cpuCelsius = cpu;
            gpuCelsius = gpu;
            peakJunctionCelsius = peakJunction;
            return this;
        }

        /**
         * Sets the clocks printed in the tegrastats lines.
         *
         * @param cpu CPU MHz
         * @param gpu GPU MHz
         * @param emc memory MHz
         * @param cores CPU cores online
         * @return this builder
         */
        public Builder clocks(int cpu, int gpu, int emc, int cores) {
            cpuMegahertz = cpu;
            gpuMegahertz = gpu;
            emcMegahertz = emc;
            onlineCores = cores;
            return this;
        }

        /**
         * Sets the model's memory footprint.
         *
         * @param value MB
         * @return this builder
         */
        public Builder modelMegabytes(int value) {
            modelMegabytes = value;
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the parameters
         * @throws IllegalArgumentException if a value is out of range
         */
        public ModeModelParameters build() {
            return new ModeModelParameters(
                    prefillTokensPerSecond,
                    prefillOverheadMillis,
                    interTokenLatencyMillis,
                    itlGrowthPerThousandContextTokens,
                    idleWatts,
                    prefillWatts,
                    decodeWatts,
                    noiseWatts,
                    earlyEosRate,
                    errorRate,
                    cpuCelsius,
                    gpuCelsius,
                    peakJunctionCelsius,
                    cpuMegahertz,
                    gpuMegahertz,
                    emcMegahertz,
                    onlineCores,
                    modelMegabytes);
        }
    }
}
