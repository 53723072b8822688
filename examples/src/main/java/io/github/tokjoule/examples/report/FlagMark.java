package io.github.tokjoule.examples.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An accuracy flag on a cell as the report shows it: the flag's name (an {@code AccuracyFlag} constant of
 * metrics-core), its severity, and the one-line reason with the numbers behind it.
 *
 * <p>A flag marks only the values it makes approximate ({@link #affects}): e.g. {@code PREFILL_UNDERSAMPLED} marks the
 * prefill energy and prefill tok/J but not the decode or total tok/J (seed §J.12); {@code REQUEST_ERRORS} marks nothing
 * (the statistics cover the successful requests and are right for them; the flag stays in the cell's flag list); flags
 * of severity {@code INFO} mark nothing.
 *
 * @param name the flag's name, e.g. {@code PREFILL_UNDERSAMPLED}
 * @param severity its severity, e.g. {@code WARNING} or {@code INFO}
 * @param reason the one-line reason, with the numbers behind it
 */
public record FlagMark(String name, String severity, String reason) {

    private static final Set<Metric> PREFILL =
            EnumSet.of(Metric.ENERGY_PREFILL_J, Metric.PREFILL_TOK_PER_J, Metric.PREFILL_SHARE_PCT);
    private static final Set<Metric> OUTPUT = EnumSet.of(
            Metric.OSL,
            Metric.RL_P50_MS,
            Metric.ENERGY_TOTAL_J,
            Metric.ENERGY_DECODE_J,
            Metric.OUTPUT_TOK_PER_J,
            Metric.OUTPUT_TOK_PER_J_REQUEST,
            Metric.OUTPUT_TOK_PER_J_THROUGHPUT,
            Metric.OUTPUT_TOK_PER_J_DECODE_PHASE,
            Metric.REQUEST_OUTPUT_TOK_PER_J_P50,
            Metric.REQUEST_OUTPUT_TOK_PER_J_P90,
            Metric.REQUEST_ENERGY_P50_J,
            Metric.REQUEST_ENERGY_P90_J,
            Metric.DECODE_TOK_PER_J,
            Metric.TOTAL_TOK_PER_J,
            Metric.MJ_PER_OUTPUT_TOKEN,
            Metric.DECODE_TIME_P50_S);
    private static final Set<Metric> INPUT = EnumSet.of(
            Metric.ISL,
            Metric.TTFT_P50_MS,
            Metric.ENERGY_PREFILL_J,
            Metric.PREFILL_TOK_PER_J,
            Metric.TOTAL_TOK_PER_J,
            Metric.PREFILL_TOK_S,
            Metric.PREFILL_SHARE_PCT);

    /** {@return whether this flag has severity INFO (it marks no value)} */
    public boolean isInfo() {
        return severity.equalsIgnoreCase("INFO");
    }

    /**
     * Whether this flag makes a metric approximate.
     *
     * @param metric the metric
     * @return {@code true} if values of the metric must be marked with this flag
     */
    public boolean affects(Metric metric) {
        if (isInfo()) {
            return false;
        }
        return switch (name) {
            case "PREFILL_UNDERSAMPLED" -> PREFILL.contains(metric);
            case "WINDOW_UNDERSAMPLED",
                    "SAMPLE_GAP",
                    "WINDOW_OUTSIDE_TRACE",
                    "RAIL_MISSING",
                    "ZONE_MISMATCH",
                    "RUN_WINDOW_ESTIMATE" -> metric.isEnergyDerived();
            case "OUTPUT_LENGTH_MISMATCH" -> OUTPUT.contains(metric);
            case "INPUT_LENGTH_MISMATCH" -> INPUT.contains(metric);
            // The cell's statistics cover its successful requests: correct for them, not approximate.
            case "REQUEST_ERRORS" -> false;
            default -> true;
        };
    }

    /** {@return a two-letter code for table cells, e.g. {@code PU} for PREFILL_UNDERSAMPLED} */
    public String code() {
        return code(name);
    }

    /**
     * Returns the two-letter code of a flag name: the initials of its first two words.
     *
     * @param flagName e.g. {@code SAMPLE_GAP}
     * @return e.g. {@code SG}
     */
    public static String code(String flagName) {
        String[] words = flagName.split("_", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length && sb.length() < 2; i++) {
            if (!words[i].isEmpty()) {
                sb.append(words[i].charAt(0));
            }
        }
        if (sb.length() == 1 && flagName.length() > 1) {
            sb.append(flagName.charAt(1));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
