package io.github.tokjoule.aiperf;

/**
 * The layout of a summary JSON file.
 *
 * @since 0.1.0
 */
public enum AiperfLayout {
    /** aiperf ≤ 0.1.1: metrics under a top-level {@code records} object, keyed by tag ({@code ttft}, {@code ttst}). */
    RECORDS,
    /** aiperf ≥ 0.2.0: metrics as top-level keys (GenAI-Perf compatible), schema_version 1.0–1.5 from 0.4.0. */
    FLAT,
    /**
     * genai-perf's {@code profile_export_genai_perf.json}: flat metrics, {@code telemetry_stats}, no start/end times
     * nor error summary. Its {@code time_to_first_token} is the time to the first non-reasoning token (aiperf's
     * {@code time_to_first_output_token}).
     */
    GENAI_PERF
}
