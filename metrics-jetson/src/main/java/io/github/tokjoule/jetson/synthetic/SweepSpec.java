package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.SweepGrid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a synthetic sweep contains: parameters, its {@link SweepGrid} (models, modes, prompt and generation lengths),
 * requests per cell, random seed, device zone, start instant, tegrastats sampling, and injected failures and
 * anomalies. Built with
 * {@link #builder(ZoneId)}; the defaults are the seed benchmark's sweep (Table 15 parameters, 4 modes × 8 models ×
 * prompts {128, 512, 1024, 2048} × gens {64, 128, 256} × 20 requests, random seed 42, tegrastats at 500 ms).
 *
 * @since 0.1.0
 */
public final class SweepSpec {

    private final SyntheticParameters parameters;
    private final SweepGrid grid;
    private final int requestsPerCell;
    private final long randomSeed;
    private final ZoneId zone;
    private final Instant start;
    private final int intervalMillis;
    private final double minOverrun;
    private final double maxOverrun;
    private final double jitterMillis;
    private final String backend;
    private final boolean randomAnomalies;
    private final Map<String, String> failedModels;
    private final Map<String, String> failedCells;
    private final Map<String, Boolean> forcedEarlyEos;
    private final Map<String, Integer> forcedFailures;

    private SweepSpec(Builder b) {
        this.parameters = b.parameters;
        List<PowerMode> modes = b.modeLabels.isEmpty()
                ? parameters.modes()
                : b.modeLabels.stream()
                        .map(l -> parameters
                                .findMode(l)
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "mode \"" + l + "\" has no parameters; known: " + parameters.modes())))
                        .toList();
        List<String> models = b.models.isEmpty() ? parameters.models() : List.copyOf(b.models);
        for (PowerMode m : modes) {
            for (String model : models) {
                parameters.get(model, m.label());
            }
        }
        this.grid = SweepGrid.of(models, modes, b.promptLengths, b.genLengths);
        for (int g : grid.genLengths()) {
            if (g < 2) {
                // the simulation needs a first token and a decode phase
                throw new IllegalArgumentException("gen lengths must be at least 2: " + grid.genLengths());
            }
        }
        if (b.requestsPerCell <= 0) {
            throw new IllegalArgumentException("requestsPerCell must be positive: " + b.requestsPerCell);
        }
        this.requestsPerCell = b.requestsPerCell;
        this.randomSeed = b.randomSeed;
        this.zone = b.zone;
        this.start = b.start;
        this.intervalMillis = b.intervalMillis;
        this.minOverrun = b.minOverrun;
        this.maxOverrun = b.maxOverrun;
        this.jitterMillis = b.jitterMillis;
        this.backend = b.backend;
        this.randomAnomalies = b.randomAnomalies;
        this.failedModels = Map.copyOf(b.failedModels);
        this.failedCells = Map.copyOf(b.failedCells);
        this.forcedEarlyEos = Map.copyOf(b.forcedEarlyEos);
        this.forcedFailures = Map.copyOf(b.forcedFailures);
    }

    /**
     * Returns a builder with the seed benchmark's sweep as defaults.
     *
     * @param zone the device's time zone (never the machine's default)
     * @return a builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /** {@return the parameters} */
    public SyntheticParameters parameters() {
        return parameters;
    }

    /**
     * Returns the cells to simulate.
     *
     * @return the grid
     * @since 0.2.0
     */
    public SweepGrid grid() {
        return grid;
    }

    /** {@return the requests per cell} */
    public int requestsPerCell() {
        return requestsPerCell;
    }

    /** {@return the sweep's random seed} */
    public long randomSeed() {
        return randomSeed;
    }

    /** {@return the device's time zone} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return when the first cell's tegrastats log starts} */
    public Instant start() {
        return start;
    }

    /** {@return the nominal tegrastats interval in ms} */
    public int intervalMillis() {
        return intervalMillis;
    }

    /** {@return the backend name} */
    public String backend() {
        return backend;
    }

    Optional<String> modelFailure(String model, String mode) {
        return Optional.ofNullable(failedModels.get(key(model, mode)));
    }

    Optional<String> cellFailure(SweepGrid.Cell cell) {
        return Optional.ofNullable(failedCells.get(key(cell)));
    }

    /** The spec of one cell, with its own random seed derived from the sweep's and the cell's identity. */
    CellSpec cellSpec(SweepGrid.Cell cell, long startEpochNanos) {
        String model = cell.model();
        PowerMode mode = cell.mode();
        int ctx = cell.promptTokens();
        int gen = cell.genTokens();
        String key = key(cell);
        CellSpec.Builder b = CellSpec.builder(
                        model,
                        mode,
                        ctx,
                        gen,
                        parameters.get(model, mode.label()),
                        Instant.ofEpochSecond(0, startEpochNanos),
                        zone)
                .requests(requestsPerCell)
                .tokenizer(parameters.tokenizer(model))
                .backend(backend)
                .randomSeed(cellSeed(key))
                .sampling(intervalMillis, minOverrun, maxOverrun, jitterMillis);
        Boolean eos = forcedEarlyEos.get(key);
        if (eos != null) {
            b.earlyEos(eos);
        } else if (!randomAnomalies) {
            b.earlyEos(false);
        }
        Integer failures = forcedFailures.get(key);
        if (failures != null) {
            b.failedRequests(failures);
        } else if (!randomAnomalies) {
            b.failedRequests(0);
        }
        return b.build();
    }

    private long cellSeed(String key) {
        long h = randomSeed;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return new java.util.SplittableRandom(h).nextLong();
    }

    /** The key of a model at a mode; its text is part of every cell's random seed, so it must never change. */
    static String key(String model, String mode) {
        return mode.toUpperCase(java.util.Locale.ROOT) + "/" + model;
    }

    /** The key of a cell; its text ({@code MODE/model/genG/ctxC}) seeds the cell's random numbers: never change it. */
    static String key(String model, String mode, int ctx, int gen) {
        return key(model, mode) + "/gen" + gen + "/ctx" + ctx;
    }

    private static String key(SweepGrid.Cell cell) {
        return key(cell.model(), cell.modeLabel(), cell.promptTokens(), cell.genTokens());
    }

    /**
     * A builder of {@link SweepSpec}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final ZoneId zone;
        private SyntheticParameters parameters = SyntheticParameters.table15();
        private List<String> modeLabels = List.of();
        private List<String> models = List.of();
        private List<Integer> promptLengths = List.of(128, 512, 1024, 2048);
        private List<Integer> genLengths = List.of(64, 128, 256);
        private int requestsPerCell = 20;
        private long randomSeed = 42;
        private Instant start = Instant.parse("2026-05-26T20:00:00Z");
        private int intervalMillis = 500;
        private double minOverrun = 0.02;
        private double maxOverrun = 0.05;
        private double jitterMillis = 3;
        private String backend = "llama.cpp";
        private boolean randomAnomalies = true;
        private final Map<String, String> failedModels = new HashMap<>();
        private final Map<String, String> failedCells = new HashMap<>();
        private final Map<String, Boolean> forcedEarlyEos = new HashMap<>();
        private final Map<String, Integer> forcedFailures = new HashMap<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Sets the parameters (default {@link SyntheticParameters#table15()}).
         *
         * @param value the parameters
         * @return this builder
         */
        public Builder parameters(SyntheticParameters value) {
            parameters = value;
            return this;
        }

        /**
         * Restricts and orders the modes by label (default: all modes of the parameters).
         *
         * @param labels mode labels, case-insensitive
         * @return this builder
         */
        public Builder modes(String... labels) {
            modeLabels = List.of(labels);
            return this;
        }

        /**
         * Restricts and orders the models (default: all models of the parameters).
         *
         * @param names model names
         * @return this builder
         */
        public Builder models(String... names) {
            models = List.of(names);
            return this;
        }

        /**
         * Sets the prompt lengths.
         *
         * @param values tokens, positive
         * @return this builder
         */
        public Builder promptLengths(int... values) {
            promptLengths = boxed(values);
            return this;
        }

        /**
         * Sets the generation lengths.
         *
         * @param values tokens, at least 2
         * @return this builder
         */
        public Builder genLengths(int... values) {
            genLengths = boxed(values);
            return this;
        }

        /**
         * Sets the requests per cell.
         *
         * @param value positive
         * @return this builder
         */
        public Builder requestsPerCell(int value) {
            requestsPerCell = value;
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
         * Sets when the first cell's log starts.
         *
         * @param value an instant
         * @return this builder
         */
        public Builder start(Instant value) {
            start = value;
            return this;
        }

        /**
         * Sets the tegrastats sampling (see {@link CellSpec}).
         *
         * @param interval nominal interval in ms
         * @param minPeriodOverrun smallest relative period excess
         * @param maxPeriodOverrun largest relative period excess
         * @param jitter jitter half-width in ms
         * @return this builder
         */
        public Builder sampling(int interval, double minPeriodOverrun, double maxPeriodOverrun, double jitter) {
            intervalMillis = interval;
            minOverrun = minPeriodOverrun;
            maxOverrun = maxPeriodOverrun;
            jitterMillis = jitter;
            return this;
        }

        /**
         * Sets the backend name written to the manifest and aiperf's configuration.
         *
         * @param value e.g. {@code llama.cpp}
         * @return this builder
         */
        public Builder backend(String value) {
            backend = value;
            return this;
        }

        /**
         * Enables (default) or disables random early end-of-sequence and random request errors; forced anomalies
         * apply either way.
         *
         * @param value {@code false} for a clean sweep
         * @return this builder
         */
        public Builder randomAnomalies(boolean value) {
            randomAnomalies = value;
            return this;
        }

        /**
         * Marks a model as unservable at a mode: its directory gets a {@code FAILED} file with the reason and no
         * cells.
         *
         * @param model the model
         * @param mode the mode label
         * @param reason the text written to {@code FAILED}
         * @return this builder
         */
        public Builder failModel(String model, String mode, String reason) {
            failedModels.put(key(model, mode), reason);
            return this;
        }

        /**
         * Marks a cell as failed: its directory gets a {@code FAILED} file and a tegrastats log but no aiperf files.
         *
         * @param model the model
         * @param mode the mode label
         * @param ctx the prompt length
         * @param gen the generation length
         * @param reason the text written to {@code FAILED}
         * @return this builder
         */
        public Builder failCell(String model, String mode, int ctx, int gen, String reason) {
            failedCells.put(key(model, mode, ctx, gen), reason);
            return this;
        }

        /**
         * Forces or forbids early end-of-sequence in a cell.
         *
         * @param model the model
         * @param mode the mode label
         * @param ctx the prompt length
         * @param gen the generation length
         * @param value {@code true} to force
         * @return this builder
         */
        public Builder earlyEos(String model, String mode, int ctx, int gen, boolean value) {
            forcedEarlyEos.put(key(model, mode, ctx, gen), value);
            return this;
        }

        /**
         * Forces the number of failed requests in a cell (all of them: aiperf has no latency metrics).
         *
         * @param model the model
         * @param mode the mode label
         * @param ctx the prompt length
         * @param gen the generation length
         * @param count 0 to the requests per cell
         * @return this builder
         */
        public Builder failedRequests(String model, String mode, int ctx, int gen, int count) {
            forcedFailures.put(key(model, mode, ctx, gen), count);
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the spec
         * @throws IllegalArgumentException if a mode or model has no parameters, a grid axis is empty or holds a
         *     duplicate ({@link SweepGrid#of}), or a length or count is invalid
         */
        public SweepSpec build() {
            return new SweepSpec(this);
        }

        private static List<Integer> boxed(int[] values) {
            List<Integer> out = new ArrayList<>(values.length);
            Arrays.stream(values).forEach(out::add);
            return out;
        }
    }

    @Override
    public String toString() {
        return "SweepSpec[" + grid + ", requests=" + requestsPerCell + ", randomSeed=" + randomSeed + ", zone=" + zone
                + "]";
    }
}
