package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.jetson.PowerMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything needed to simulate one cell of a sweep: which model, mode and prompt/generation lengths, how many
 * requests, the model's {@link ModeModelParameters}, the random seed, when the cell's tegrastats log starts and in
 * which time zone the device's clock runs, how tegrastats samples, and optional forced anomalies.
 *
 * @param model the model name (a directory name)
 * @param mode the power mode
 * @param targetInputTokens the prompt length aiperf asks for ({@code ctx}), positive
 * @param targetOutputTokens the generation length aiperf asks for ({@code gen}), at least 2
 * @param requests the number of profiling requests, positive
 * @param parameters the model's behaviour at this mode
 * @param tokenizer the tokenizer id written to aiperf's input configuration
 * @param backend the inference backend written to aiperf's configuration (e.g. {@code llama.cpp})
 * @param randomSeed the random seed; the same spec always gives the same cell, byte for byte
 * @param startEpochNanos when the cell's tegrastats log starts (its first sample), in epoch nanoseconds
 * @param zone the device's time zone: tegrastats stamps and aiperf's start/end times are naive local times in it
 * @param tegrastatsIntervalMillis the nominal {@code --interval} of tegrastats in ms, positive
 * @param minPeriodOverrun the smallest relative excess of the real sample period over the interval (real tegrastats
 *     sleeps the interval after each sample, so its period is longer), in {@code [0, 0.5]}
 * @param maxPeriodOverrun the largest relative excess, in {@code [minPeriodOverrun, 0.5]}; the cell's period is drawn
 *     uniformly between the two
 * @param jitterMillis half-width of the uniform jitter of each sample time around its periodic position, in ms, not
 *     negative and below a quarter of the interval
 * @param earlyEos forces ({@code true}) or forbids ({@code false}) early end-of-sequence; empty = random with
 *     {@link ModeModelParameters#earlyEosRate()}
 * @param failedRequests forces the number of failed requests (0 to {@code requests}); empty = random with
 *     {@link ModeModelParameters#errorRate()}
 * @since 0.1.0
 */
public record CellSpec(
        String model,
        PowerMode mode,
        int targetInputTokens,
        int targetOutputTokens,
        int requests,
        ModeModelParameters parameters,
        String tokenizer,
        String backend,
        long randomSeed,
        long startEpochNanos,
        ZoneId zone,
        int tegrastatsIntervalMillis,
        double minPeriodOverrun,
        double maxPeriodOverrun,
        double jitterMillis,
        Optional<Boolean> earlyEos,
        OptionalInt failedRequests) {

    /**
     * Validates the spec.
     *
     * @throws IllegalArgumentException naming the first invalid component and its value
     */
    public CellSpec {
        SyntheticParameters.checkModelName(model);
        if (targetInputTokens <= 0) {
            throw new IllegalArgumentException("targetInputTokens must be positive: " + targetInputTokens);
        }
        if (targetOutputTokens < 2) {
            throw new IllegalArgumentException("targetOutputTokens must be at least 2: " + targetOutputTokens);
        }
        if (requests <= 0) {
            throw new IllegalArgumentException("requests must be positive: " + requests);
        }
        if (tokenizer.isBlank() || backend.isBlank()) {
            throw new IllegalArgumentException(
                    "tokenizer and backend must not be blank: \"" + tokenizer + "\", \"" + backend + "\"");
        }
        if (tegrastatsIntervalMillis <= 0) {
            throw new IllegalArgumentException(
                    "tegrastatsIntervalMillis must be positive: " + tegrastatsIntervalMillis);
        }
        if (!(minPeriodOverrun >= 0 && minPeriodOverrun <= maxPeriodOverrun && maxPeriodOverrun <= 0.5)) {
            throw new IllegalArgumentException("period overrun must satisfy 0 <= min <= max <= 0.5: min="
                    + minPeriodOverrun + ", max=" + maxPeriodOverrun);
        }
        if (!(jitterMillis >= 0 && jitterMillis < tegrastatsIntervalMillis / 4.0)) {
            throw new IllegalArgumentException("jitterMillis must be in [0, interval/4): " + jitterMillis
                    + " (interval " + tegrastatsIntervalMillis + " ms)");
        }
        failedRequests.ifPresent(f -> {
            if (f < 0 || f > requests) {
                throw new IllegalArgumentException("failedRequests must be in [0, " + requests + "]: " + f);
            }
        });
    }

    /**
     * Returns a builder with the seed benchmark's defaults: 20 requests, backend {@code llama.cpp}, seed 42, tegrastats
     * at 500 ms with a real period 2–5 % longer and ±3 ms jitter, random anomalies.
     *
     * @param model the model name
     * @param mode the power mode
     * @param targetInputTokens the prompt length ({@code ctx})
     * @param targetOutputTokens the generation length ({@code gen})
     * @param parameters the model's behaviour at this mode
     * @param start when the cell's tegrastats log starts
     * @param zone the device's time zone
     * @return a builder
     */
    public static Builder builder(
            String model,
            PowerMode mode,
            int targetInputTokens,
            int targetOutputTokens,
            ModeModelParameters parameters,
            Instant start,
            ZoneId zone) {
        return new Builder(model, mode, targetInputTokens, targetOutputTokens, parameters, start, zone);
    }

    /** {@return the nominal tegrastats interval in nanoseconds} */
    public long intervalNanos() {
        return tegrastatsIntervalMillis * 1_000_000L;
    }

    /**
     * A builder of {@link CellSpec}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String model;
        private final PowerMode mode;
        private final int targetInputTokens;
        private final int targetOutputTokens;
        private final ModeModelParameters parameters;
        private final long startEpochNanos;
        private final ZoneId zone;
        private int requests = 20;
        private String tokenizer;
        private String backend = "llama.cpp";
        private long randomSeed = 42;
        private int intervalMillis = 500;
        private double minOverrun = 0.02;
        private double maxOverrun = 0.05;
        private double jitterMillis = 3;
        private Optional<Boolean> earlyEos = Optional.empty();
        private OptionalInt failedRequests = OptionalInt.empty();

        private Builder(
                String model,
                PowerMode mode,
                int targetInputTokens,
                int targetOutputTokens,
                ModeModelParameters parameters,
                Instant start,
                ZoneId zone) {
            this.model = model;
            this.mode = mode;
            this.targetInputTokens = targetInputTokens;
            this.targetOutputTokens = targetOutputTokens;
            this.parameters = parameters;
            this.startEpochNanos = TimeWindow.toEpochNanos(start);
            this.zone = zone;
            this.tokenizer = model;
        }

        /**
         * Sets the number of requests.
         *
         * @param value positive
         * @return this builder
         */
        public Builder requests(int value) {
            requests = value;
            return this;
        }

        /**
         * Sets the tokenizer id.
         *
         * @param value not blank
         * @return this builder
         */
        public Builder tokenizer(String value) {
            tokenizer = value;
            return this;
        }

        /**
         * Sets the backend name.
         *
         * @param value not blank
         * @return this builder
         */
        public Builder backend(String value) {
            backend = value;
            return this;
        }

        /**
         * Sets the random seed.
         *
         * @param value any long
         * @return this builder
         */
        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        /**
         * Sets how tegrastats samples.
         *
         * @param intervalMillisValue the nominal interval in ms
         * @param minOverrun the smallest relative period excess
         * @param maxOverrun the largest relative period excess
         * @param jitter the half-width of the jitter in ms
         * @return this builder
         */
        public Builder sampling(int intervalMillisValue, double minOverrun, double maxOverrun, double jitter) {
            this.intervalMillis = intervalMillisValue;
            this.minOverrun = minOverrun;
            this.maxOverrun = maxOverrun;
            this.jitterMillis = jitter;
            return this;
        }

        /**
         * Forces or forbids early end-of-sequence.
         *
         * @param value {@code true} to force, {@code false} to forbid
         * @return this builder
         */
        public Builder earlyEos(boolean value) {
            earlyEos = Optional.of(value);
            return this;
        }

        /**
         * Forces the number of failed requests.
         *
         * @param value 0 to the number of requests
         * @return this builder
         */
        public Builder failedRequests(int value) {
            failedRequests = OptionalInt.of(value);
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the spec
         * @throws IllegalArgumentException if a value is invalid
         */
        public CellSpec build() {
            return new CellSpec(
                    model,
                    mode,
                    targetInputTokens,
                    targetOutputTokens,
                    requests,
                    parameters,
                    tokenizer,
                    backend,
                    randomSeed,
                    startEpochNanos,
                    zone,
                    intervalMillis,
                    minOverrun,
                    maxOverrun,
                    jitterMillis,
                    earlyEos,
                    failedRequests);
        }
    }
}
