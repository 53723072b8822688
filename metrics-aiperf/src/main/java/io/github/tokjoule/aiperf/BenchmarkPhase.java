package io.github.tokjoule.aiperf;

/**
 * The benchmark phase of a per-request record ({@code metadata.benchmark_phase}). aiperf computes its summary from
 * {@link #PROFILING} records only.
 *
 * @since 0.1.0
 */
public enum BenchmarkPhase {
    /** {@code "profiling"}: the measured requests. */
    PROFILING,
    /** {@code "warmup"}: warm-up requests, excluded from the summary. */
    WARMUP,
    /** Another phase name (named multi-phase workflows of newer aiperf); see {@link RequestRecord#phaseName()}. */
    OTHER,
    /** No phase in the record (files written before phases existed). */
    UNKNOWN;

    static BenchmarkPhase of(String name) {
        return switch (name) {
            case "profiling" -> PROFILING;
            case "warmup" -> WARMUP;
            default -> OTHER;
        };
    }
}
