package io.github.tokjoule.jetson.synthetic;

import io.github.tokjoule.jetson.PowerMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a synthetic sweep: for every (power mode, model) pair a {@link ModeModelParameters}, plus the
 * tokenizer name each model's aiperf run would use. Immutable; {@link #with} returns a modified copy.
 *
 * <p>{@link #table15()} is the default set, shaped after the seed report's Table 15 (8 models × 4 modes at ctx 2048 /
 * gen 256), Table 5 (clocks) and Table 16 (temperatures), so that a generated sweep looks like the real benchmark:
 * 25W is the most efficient mode (best output tok/J), as the seed found. (The seed's Table 7 names 7W for
 * SmolLM2-360M; its Table 15 figures imply that the 360M runs stopped early, near 157 tokens at 7W and 105 at 25W, so
 * the difference is output length, not efficiency. With complete outputs these parameters give 25W for all eight
 * models; force early end-of-sequence in a {@link SweepSpec} to reproduce such artefacts.)
 *
 * @since 0.1.0
 */
public final class SyntheticParameters {

    /** The seed benchmark's four Orin Nano Super modes, in sweep order: 7W, 15W, 25W, MAXN_SUPER. */
    public static final List<PowerMode> ORIN_NANO_SUPER_MODES = List.of(
            PowerMode.of(3, "7W"), PowerMode.of(0, "15W"), PowerMode.of(1, "25W"), PowerMode.of(2, "MAXN_SUPER"));

    private final List<PowerMode> modes;
    private final List<String> models;
    private final Map<String, ModeModelParameters> byKey;
    private final Map<String, String> tokenizers;
    private final Map<String, String> quantisations;
    private final Optional<SimulatedSystem> system;

    private SyntheticParameters(
            List<PowerMode> modes,
            List<String> models,
            Map<String, ModeModelParameters> byKey,
            Map<String, String> tokenizers,
            Map<String, String> quantisations,
            Optional<SimulatedSystem> system) {
        this.modes = List.copyOf(modes);
        this.models = List.copyOf(models);
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        this.tokenizers = Collections.unmodifiableMap(new LinkedHashMap<>(tokenizers));
        this.quantisations = Collections.unmodifiableMap(new LinkedHashMap<>(quantisations));
        this.system = system;
    }

    /** {@return an empty parameter set, to fill with {@link #with}} */
    public static SyntheticParameters empty() {
        return new SyntheticParameters(List.of(), List.of(), Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    /**
     * Returns a copy in which the given mode and model have the given parameters; the mode and the model are appended
     * to {@link #modes()} and {@link #models()} if new.
     *
     * @param model the model name as it appears in directory names (e.g. {@code smollm2-135m}), not blank
     * @param mode the power mode
     * @param parameters the parameters
     * @return the modified copy
     * @throws IllegalArgumentException if the model name is blank or contains a path separator, or another mode with
     *     the same label (case-insensitive) but a different id is already present
     */
    public SyntheticParameters with(String model, PowerMode mode, ModeModelParameters parameters) {
        checkModelName(model);
        List<PowerMode> newModes = new ArrayList<>(modes);
        Optional<PowerMode> sameLabel = findMode(mode.label());
        if (sameLabel.isEmpty()) {
            newModes.add(mode);
        } else if (sameLabel.get().id() != mode.id()) {
            throw new IllegalArgumentException(
                    "mode " + mode + " has the label of " + sameLabel.get() + " but a different id");
        }
        List<String> newModels = new ArrayList<>(models);
        if (!newModels.contains(model)) {
            newModels.add(model);
        }
        Map<String, ModeModelParameters> newByKey = new LinkedHashMap<>(byKey);
        newByKey.put(key(mode.label(), model), parameters);
        return new SyntheticParameters(newModes, newModels, newByKey, tokenizers, quantisations, system);
    }

    /**
     * Returns a copy that records the tokenizer name of a model (written to aiperf's {@code input_config}).
     *
     * @param model the model name
     * @param tokenizer the Hugging Face tokenizer id, not blank
     * @return the modified copy
     * @throws IllegalArgumentException if the tokenizer is blank
     */
    public SyntheticParameters withTokenizer(String model, String tokenizer) {
        if (tokenizer.isBlank()) {
            throw new IllegalArgumentException("tokenizer must not be blank for model " + model);
        }
        Map<String, String> newTokenizers = new LinkedHashMap<>(tokenizers);
        newTokenizers.put(model, tokenizer);
        return new SyntheticParameters(modes, models, byKey, newTokenizers, quantisations, system);
    }

    /**
     * Returns a copy that records the quantisation of a model's GGUF file (written to the simulated audit).
     *
     * @param model the model name
     * @param quantisation e.g. {@code Q4_K_M}, not blank
     * @return the modified copy
     * @throws IllegalArgumentException if the quantisation is blank
     */
    public SyntheticParameters withQuantisation(String model, String quantisation) {
        if (quantisation.isBlank()) {
            throw new IllegalArgumentException("quantisation must not be blank for model " + model);
        }
        Map<String, String> newQuantisations = new LinkedHashMap<>(quantisations);
        newQuantisations.put(model, quantisation);
        return new SyntheticParameters(modes, models, byKey, tokenizers, newQuantisations, system);
    }

    /**
     * Returns a copy that simulates a board and its server: the generator then writes a simulated system audit with
     * the sweep ({@link SimulatedAudit}).
     *
     * @param simulated the board and server
     * @return the modified copy
     */
    public SyntheticParameters withSystem(SimulatedSystem simulated) {
        return new SyntheticParameters(modes, models, byKey, tokenizers, quantisations, Optional.of(simulated));
    }

    /**
     * Returns the quantisation of a model.
     *
     * @param model the model name
     * @return the quantisation set with {@link #withQuantisation}, or empty
     */
    public Optional<String> quantisation(String model) {
        return Optional.ofNullable(quantisations.get(model));
    }

    /** {@return the simulated board and server, if the parameters describe them} */
    public Optional<SimulatedSystem> system() {
        return system;
    }

    /** {@return the modes, in the order they were added} */
    public List<PowerMode> modes() {
        return modes;
    }

    /** {@return the models, in the order they were added} */
    public List<String> models() {
        return models;
    }

    /**
     * Returns a mode by label, case-insensitively.
     *
     * @param label e.g. {@code 25W}
     * @return the mode, or empty if no mode has that label
     */
    public Optional<PowerMode> findMode(String label) {
        for (PowerMode m : modes) {
            if (m.label().equalsIgnoreCase(label)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the parameters of a model at a mode.
     *
     * @param model the model name
     * @param modeLabel the mode label, case-insensitive
     * @return the parameters, or empty if none were set
     */
    public Optional<ModeModelParameters> find(String model, String modeLabel) {
        return Optional.ofNullable(byKey.get(key(modeLabel, model)));
    }

    /**
     * Returns the parameters of a model at a mode.
     *
     * @param model the model name
     * @param modeLabel the mode label, case-insensitive
     * @return the parameters
     * @throws IllegalArgumentException if none were set; the message names the mode and the model
     */
    public ModeModelParameters get(String model, String modeLabel) {
        return find(model, modeLabel)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no synthetic parameters for mode \"" + modeLabel + "\" and model \"" + model + "\""));
    }

    /**
     * Returns the tokenizer of a model.
     *
     * @param model the model name
     * @return the tokenizer set with {@link #withTokenizer}, or the model name itself
     */
    public String tokenizer(String model) {
        return tokenizers.getOrDefault(model, model);
    }

    private static String key(String modeLabel, String model) {
        return modeLabel.toUpperCase(Locale.ROOT) + '\u0000' + model;
    }

    static void checkModelName(String model) {
        if (model.isBlank() || model.contains("/") || model.contains("\\") || model.equals(".") || model.equals("..")) {
            throw new IllegalArgumentException("model name must be a non-blank directory name: \"" + model + "\"");
        }
    }

    /**
     * Returns the default parameter set, shaped after the seed report (000, llama.cpp on a Jetson Orin Nano Super 8GB,
     * JetPack R36.4.7), with the seed's board ({@link SimulatedSystem#seedOrinNanoSuper()}) and its models'
     * quantisations and GGUF sizes (Table 4). For each model and mode:
     *
     * <ul>
     *   <li>inter-token latency = Table 15 {@code ITL p50} (ctx 2048), growing 3 % per 1000 prompt tokens;
     *   <li>TTFT at ctx 2048 = Table 15 {@code TTFT p50}, split into a fixed overhead (7W 40 ms, 15W 25 ms, 25W 18 ms,
     *       MAXN 16 ms: an assumption) and a prefill rate {@code 2048 / (TTFT − overhead)};
     *   <li>decode power = Table 15 {@code Power (W)} (the seed's median of samples, dominated by decode); prefill power
     *       = 1.12 × decode (prefill is compute-bound; an assumption); noise σ = 4 % of decode power; idle power per
     *       mode 0.75 / 1.25 / 1.45 / 1.70 W (an assumption, clocks locked by {@code jetson_clocks});
     *   <li>temperatures = Table 16; clocks = Table 5 (7W runs 4 of 6 cores), EMC 2133 MHz at 7W else 3199 MHz;
     *   <li>early end-of-sequence in 6 % of cells (25 % for Qwen2.5-0.5B, whose canonical cell stopped near 184 of 256
     *       tokens in the seed's data), and failed requests in 3 % of cells.
     * </ul>
     *
     * @return the Table-15-shaped parameter set
     */
    public static SyntheticParameters table15() {
        SyntheticParameters p = empty();
        // Table 15 rows: tok/s is implied by ITL; {TTFT p50 ms, ITL p50 ms, power W} per mode 7W, 15W, 25W, MAXN.
        // Table 16 rows: {cpu °C, gpu °C, peak tj °C} per mode.
        String[] names = {
            "smollm2-135m",
            "smollm2-360m",
            "qwen2.5-0.5b",
            "lfm2.5-350m",
            "lfm2.5-1.2b",
            "qwen3-0.6b",
            "llama3.2-1b",
            "gemma3-1b"
        };
        String[] tokenizerIds = {
            "HuggingFaceTB/SmolLM2-135M-Instruct",
            "HuggingFaceTB/SmolLM2-360M-Instruct",
            "Qwen/Qwen2.5-0.5B-Instruct",
            "LiquidAI/LFM2.5-350M",
            "LiquidAI/LFM2.5-1.2B-Instruct",
            "Qwen/Qwen3-0.6B",
            "meta-llama/Llama-3.2-1B-Instruct",
            "google/gemma-3-1b-it"
        };
        int[] ggufMegabytes = {101, 369, 469, 219, 698, 610, 771, 769};
        String[] quants = {"Q4_K_M", "Q8_0", "Q4_K_M", "Q4_K_M", "Q4_K_M", "Q8_0", "Q4_K_M", "Q4_K_M"};
        double[][][] table15 = {
            {{1044.7, 18.55, 1.99}, {442.5, 8.74, 4.27}, {308.7, 6.06, 5.74}, {319.5, 6.28, 6.51}},
            {{1820.6, 28.74, 2.27}, {725.4, 14.16, 4.98}, {502.5, 9.82, 6.76}, {528.3, 11.18, 7.42}},
            {{1956.3, 36.48, 2.22}, {735.0, 14.64, 5.34}, {530.9, 10.80, 7.05}, {484.8, 9.95, 8.73}},
            {{1509.2, 31.79, 2.10}, {568.3, 12.63, 5.00}, {393.7, 8.69, 6.79}, {396.0, 8.86, 7.88}},
            {{4227.6, 72.98, 2.34}, {1510.0, 27.06, 5.96}, {1033.7, 18.49, 8.46}, {1008.0, 19.00, 9.79}},
            {{2875.1, 70.62, 1.98}, {1113.4, 29.52, 5.02}, {771.0, 20.25, 6.89}, {700.3, 18.45, 8.19}},
            {{4000.2, 82.88, 2.26}, {1432.1, 31.00, 6.04}, {982.7, 21.27, 8.56}, {890.5, 19.27, 10.54}},
            {{3817.6, 89.08, 1.96}, {1442.3, 35.57, 5.01}, {1000.1, 24.51, 6.87}, {900.2, 22.60, 8.62}}
        };
        double[][][] table16 = {
            {{47.2, 48.9, 50.3}, {56.0, 57.8, 60.2}, {49.2, 51.6, 54.3}, {49.0, 51.4, 53.2}},
            {{49.2, 50.9, 52.1}, {59.1, 60.9, 63.3}, {52.7, 55.2, 58.6}, {50.9, 53.5, 56.8}},
            {{49.2, 51.0, 52.2}, {55.7, 57.7, 59.6}, {53.1, 55.7, 59.1}, {56.6, 59.1, 62.8}},
            {{50.1, 51.7, 53.0}, {58.0, 60.0, 62.1}, {52.9, 55.5, 58.1}, {50.5, 53.4, 56.8}},
            {{51.3, 52.9, 54.0}, {60.7, 62.9, 65.5}, {57.4, 60.2, 63.0}, {56.7, 59.7, 63.5}},
            {{44.2, 46.0, 47.5}, {61.6, 63.6, 65.4}, {57.4, 59.9, 63.1}, {57.2, 59.9, 64.0}},
            {{44.6, 46.5, 47.6}, {61.9, 64.1, 65.7}, {60.3, 63.2, 66.1}, {59.9, 63.0, 69.5}},
            {{45.1, 46.9, 50.5}, {60.2, 62.1, 63.6}, {57.5, 60.0, 61.9}, {61.2, 63.8, 67.0}}
        };
        double[] overheadMillis = {40, 25, 18, 16};
        double[] idleWatts = {0.75, 1.25, 1.45, 1.70};
        int[] cpuMhz = {960, 1190, 1420, 1728};
        int[] gpuMhz = {408, 612, 820, 1020};
        int[] emcMhz = {2133, 3199, 3199, 3199};
        int[] cores = {4, 6, 6, 6};
        for (int m = 0; m < names.length; m++) {
            for (int k = 0; k < ORIN_NANO_SUPER_MODES.size(); k++) {
                double[] t15 = table15[m][k];
                double[] t16 = table16[m][k];
                double decode = t15[2];
                ModeModelParameters params = ModeModelParameters.builder()
                        .prefillOverheadMillis(overheadMillis[k])
                        .prefillTokensPerSecond(2048 * 1000.0 / (t15[0] - overheadMillis[k]))
                        .interTokenLatencyMillis(t15[1])
                        .itlGrowthPerThousandContextTokens(0.03)
                        .idleWatts(idleWatts[k])
                        .decodeWatts(decode)
                        .prefillWatts(1.12 * decode)
                        .noiseWatts(0.04 * decode)
                        .earlyEosRate(m == 2 ? 0.25 : 0.06)
                        .errorRate(0.03)
                        .temperatures(t16[0], t16[1], t16[2])
                        .clocks(cpuMhz[k], gpuMhz[k], emcMhz[k], cores[k])
                        .modelMegabytes(ggufMegabytes[m])
                        .build();
                p = p.with(names[m], ORIN_NANO_SUPER_MODES.get(k), params);
            }
            p = p.withTokenizer(names[m], tokenizerIds[m]).withQuantisation(names[m], quants[m]);
        }
        return p.withSystem(SimulatedSystem.seedOrinNanoSuper());
    }

    @Override
    public String toString() {
        return "SyntheticParameters[modes=" + modes + ", models=" + models + "]";
    }
}
