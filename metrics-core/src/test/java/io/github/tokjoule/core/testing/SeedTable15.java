package io.github.tokjoule.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Table 15 of the seed benchmark ("Tiny LLM Benchmark: Jetson Orin Nano Super 8GB", seeds/000, Appendix A: "Full
 * 4-mode comparison, ctx=2048, gen=256"), copied verbatim: the canonical cell of every model at every power mode.
 * Shared with the other modules' tests through metrics-core's test jar.
 *
 * <p>Columns as printed: model, mode, output tok/s, TTFT p50 (ms), ITL p50 (ms), power (W, VDD_CPU_GPU_CV "averaged
 * over each run window"), output tok/J. The 7W tok/J column holds stale values (docs/reference/seed-methodology.md §2.8:
 * {@code LLAMACPP_TOKJ["7W"]}); the 15W/25W/MAXN tok/J are decode-phase values whose power is not the printed one
 * (docs/reference/seed-methodology.md §2.9).
 */
public final class SeedTable15 {

    /** One printed row. */
    public record Row(
            String model,
            String mode,
            double tokensPerSecond,
            double ttftMillis,
            double itlMillis,
            double watts,
            double outputTokensPerJoule) {}

    /** The canonical cell of the seed: prompt (ISL target) 2048 tokens. */
    public static final int CANONICAL_INPUT_TOKENS = 2048;

    /** The canonical cell of the seed: generation (OSL target) 256 tokens. */
    public static final int CANONICAL_OUTPUT_TOKENS = 256;

    /** The power modes in the order printed. */
    public static final List<String> MODES = List.of("7W", "15W", "25W", "MAXN");

    /** The 32 rows, in the order printed. */
    public static final List<Row> ROWS = List.of(
            row("SmolLM2-135M", "7W", 53.9, 1044.7, 18.55, 1.99, 21.72),
            row("SmolLM2-135M", "15W", 114.5, 442.5, 8.74, 4.27, 21.67),
            row("SmolLM2-135M", "25W", 165.1, 308.7, 6.06, 5.74, 22.57),
            row("SmolLM2-135M", "MAXN", 159.4, 319.5, 6.28, 6.51, 19.95),
            row("SmolLM2-360M", "7W", 34.8, 1820.6, 28.74, 2.27, 10.97),
            row("SmolLM2-360M", "15W", 70.6, 725.4, 14.16, 4.98, 9.74),
            row("SmolLM2-360M", "25W", 101.8, 502.5, 9.82, 6.76, 10.21),
            row("SmolLM2-360M", "MAXN", 89.4, 528.3, 11.18, 7.42, 7.56),
            row("Qwen2.5-0.5B", "7W", 27.4, 1956.3, 36.48, 2.22, 7.26),
            row("Qwen2.5-0.5B", "15W", 68.3, 735.0, 14.64, 5.34, 7.26),
            row("Qwen2.5-0.5B", "25W", 92.6, 530.9, 10.80, 7.05, 9.16),
            row("Qwen2.5-0.5B", "MAXN", 100.5, 484.8, 9.95, 8.73, 6.94),
            row("LFM2.5-350M", "7W", 31.5, 1509.2, 31.79, 2.10, 11.83),
            row("LFM2.5-350M", "15W", 79.2, 568.3, 12.63, 5.00, 11.78),
            row("LFM2.5-350M", "25W", 115.1, 393.7, 8.69, 6.79, 13.74),
            row("LFM2.5-350M", "MAXN", 112.9, 396.0, 8.86, 7.88, 11.72),
            row("LFM2.5-1.2B", "7W", 13.7, 4227.6, 72.98, 2.34, 4.79),
            row("LFM2.5-1.2B", "15W", 37.0, 1510.0, 27.06, 5.96, 5.10),
            row("LFM2.5-1.2B", "25W", 54.1, 1033.7, 18.49, 8.46, 5.26),
            row("LFM2.5-1.2B", "MAXN", 52.6, 1008.0, 19.00, 9.79, 4.47),
            row("Qwen3-0.6B", "7W", 14.2, 2875.1, 70.62, 1.98, 6.19),
            row("Qwen3-0.6B", "15W", 33.9, 1113.4, 29.52, 5.02, 5.90),
            row("Qwen3-0.6B", "25W", 49.4, 771.0, 20.25, 6.89, 6.26),
            row("Qwen3-0.6B", "MAXN", 54.2, 700.3, 18.45, 8.19, 5.78),
            row("Llama3.2-1B", "7W", 12.1, 4000.2, 82.88, 2.26, 4.51),
            row("Llama3.2-1B", "15W", 32.3, 1432.1, 31.00, 6.04, 4.54),
            row("Llama3.2-1B", "25W", 47.0, 982.7, 21.27, 8.56, 4.67),
            row("Llama3.2-1B", "MAXN", 51.9, 890.5, 19.27, 10.54, 4.19),
            row("Gemma3-1B", "7W", 11.2, 3817.6, 89.08, 1.96, 4.92),
            row("Gemma3-1B", "15W", 28.1, 1442.3, 35.57, 5.01, 4.85),
            row("Gemma3-1B", "25W", 40.8, 1000.1, 24.51, 6.87, 5.14),
            row("Gemma3-1B", "MAXN", 44.2, 900.2, 22.60, 8.62, 4.46));

    private SeedTable15() {}

    private static Row row(String model, String mode, double tokS, double ttftMs, double itlMs, double w, double tokJ) {
        return new Row(model, mode, tokS, ttftMs, itlMs, w, tokJ);
    }

    /** {@return the models in the order printed} */
    public static List<String> models() {
        return ROWS.stream().map(Row::model).distinct().collect(Collectors.toList());
    }

    /**
     * Returns a column of one model by mode.
     *
     * @param model the model as printed
     * @param column the column
     * @return mode → value, in the order printed
     */
    public static Map<String, Double> byMode(String model, Function<Row, Double> column) {
        return ROWS.stream()
                .filter(r -> r.model().equals(model))
                .collect(Collectors.toMap(Row::mode, column, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /**
     * Finds one row.
     *
     * @param model the model as printed
     * @param mode the mode as printed
     * @return the row
     */
    public static Optional<Row> find(String model, String mode) {
        return ROWS.stream()
                .filter(r -> r.model().equals(model) && r.mode().equals(mode))
                .findFirst();
    }
}
