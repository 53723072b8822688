package io.github.tokjoule.examples.report;

import java.util.List;

/**
 * The per-cell metrics a report shows, in the column order of {@code cells.csv}. Each has its CSV column name, a
 * human label with its unit, and the number of decimals it is printed with.
 *
 * <p>The first 17 are the columns the report promises (issue 8); the rest follow {@code method} and {@code flags} in
 * {@code cells.csv}.
 */
public enum Metric {
    /** Realised input sequence length, tokens (mean over successful requests). */
    ISL("isl", "ISL (tok)", 1),
    /** Realised output sequence length, tokens (mean over successful requests). */
    OSL("osl", "OSL (tok)", 1),
    /** Time to first token, median, ms. */
    TTFT_P50_MS("ttft_p50_ms", "TTFT p50 (ms)", 1),
    /** Inter-token latency, median, ms. */
    ITL_P50_MS("itl_p50_ms", "ITL p50 (ms)", 2),
    /** Request latency, median, ms. */
    RL_P50_MS("rl_p50_ms", "RL p50 (ms)", 1),
    /** Output tokens per second per user. */
    TOK_S("tok_s", "Output tok/s", 1),
    /** Power of the cell, watts (the method's statistic over the chosen rail). */
    POWER_W("power_w", "Power (W)", 2),
    /** Energy per request, joules. */
    ENERGY_TOTAL_J("energy_total_j", "Energy/request (J)", 2),
    /** Prefill energy per request, joules. */
    ENERGY_PREFILL_J("energy_prefill_j", "Prefill energy (J)", 3),
    /** Decode energy per request, joules. */
    ENERGY_DECODE_J("energy_decode_j", "Decode energy (J)", 2),
    /** Output tokens per joule: the method's headline variant. */
    OUTPUT_TOK_PER_J("output_tok_per_j", "Output tok/J", 2),
    /** Output tokens per joule, REQUEST variant: OSL / (P · RL). */
    OUTPUT_TOK_PER_J_REQUEST("output_tok_per_j_request", "Output tok/J (request)", 2),
    /** Output tokens per joule, THROUGHPUT variant: tok_s / P. */
    OUTPUT_TOK_PER_J_THROUGHPUT("output_tok_per_j_throughput", "Output tok/J (throughput)", 2),
    /** Input tokens per joule of prefill energy. */
    PREFILL_TOK_PER_J("prefill_tok_per_j", "Prefill tok/J", 1),
    /** Output tokens per joule of decode energy. */
    DECODE_TOK_PER_J("decode_tok_per_j", "Decode tok/J", 2),
    /** Input plus output tokens per joule of request energy. */
    TOTAL_TOK_PER_J("total_tok_per_j", "Total tok/J", 1),
    /** Millijoules of decode energy per output token. */
    MJ_PER_OUTPUT_TOKEN("mj_per_output_token", "Decode energy per output token (mJ)", 1),
    /** Output tokens per joule, DECODE_PHASE variant: OSL / decode energy. */
    OUTPUT_TOK_PER_J_DECODE_PHASE("output_tok_per_j_decode_phase", "Output tok/J (decode phase)", 2),
    /** Median of the per-request output tok/J (measured method). */
    REQUEST_OUTPUT_TOK_PER_J_P50("request_output_tok_per_j_p50", "Per-request output tok/J p50", 2),
    /** 90th percentile of the per-request output tok/J (measured method). */
    REQUEST_OUTPUT_TOK_PER_J_P90("request_output_tok_per_j_p90", "Per-request output tok/J p90", 2),
    /** Median of the per-request energies, joules (measured method). */
    REQUEST_ENERGY_P50_J("request_energy_p50_j", "Per-request energy p50 (J)", 2),
    /** 90th percentile of the per-request energies, joules (measured method). */
    REQUEST_ENERGY_P90_J("request_energy_p90_j", "Per-request energy p90 (J)", 2),
    /** Time to first token, 90th percentile, ms. */
    TTFT_P90_MS("ttft_p90_ms", "TTFT p90 (ms)", 1),
    /** Time to first token, 99th percentile, ms. */
    TTFT_P99_MS("ttft_p99_ms", "TTFT p99 (ms)", 1),
    /** Inter-token latency, 90th percentile, ms. */
    ITL_P90_MS("itl_p90_ms", "ITL p90 (ms)", 2),
    /** Inter-token latency, 99th percentile, ms. */
    ITL_P99_MS("itl_p99_ms", "ITL p99 (ms)", 2),
    /** Request latency, 90th percentile, ms. */
    RL_P90_MS("rl_p90_ms", "RL p90 (ms)", 1),
    /** Request latency, 99th percentile, ms. */
    RL_P99_MS("rl_p99_ms", "RL p99 (ms)", 1),
    /** Decode time per request, median, seconds (RL − TTFT). */
    DECODE_TIME_P50_S("decode_time_p50_s", "Decode time p50 (s)", 3),
    /** Prefill throughput, input tokens per second. */
    PREFILL_TOK_S("prefill_tok_s", "Prefill tok/s", 1),
    /** Power during prefill, watts. */
    PREFILL_POWER_W("prefill_power_w", "Prefill power (W)", 2),
    /** Power during decode, watts. */
    DECODE_POWER_W("decode_power_w", "Decode power (W)", 2),
    /** Prefill energy over request energy, percent. */
    PREFILL_SHARE_PCT("prefill_share_pct", "Prefill share (%)", 1),
    /** Successful requests in the cell. */
    REQUESTS_OK("requests_ok", "Requests OK", 0),
    /** Failed requests in the cell. */
    REQUESTS_FAILED("requests_failed", "Requests failed", 0),
    /** tegrastats samples read for the cell. */
    TEGRASTATS_LINES("tegrastats_lines", "tegrastats samples", 0);

    /**
     * The columns issue 8 requires in {@code cells.csv}, in order, before {@code method} and {@code flags}: their
     * names are columns 5 to 21 of {@link io.github.tokjoule.jetson.analysis.CellResultsCsv#LEADING_COLUMNS}, the
     * header both {@code cells.csv} files share.
     */
    public static final List<Metric> REQUIRED = List.of(
            ISL,
            OSL,
            TTFT_P50_MS,
            ITL_P50_MS,
            RL_P50_MS,
            TOK_S,
            POWER_W,
            ENERGY_TOTAL_J,
            ENERGY_PREFILL_J,
            ENERGY_DECODE_J,
            OUTPUT_TOK_PER_J,
            OUTPUT_TOK_PER_J_REQUEST,
            OUTPUT_TOK_PER_J_THROUGHPUT,
            PREFILL_TOK_PER_J,
            DECODE_TOK_PER_J,
            TOTAL_TOK_PER_J,
            MJ_PER_OUTPUT_TOKEN);

    /** The further columns of {@code cells.csv}, after {@code flags}. */
    public static final List<Metric> EXTRA = List.of(
            OUTPUT_TOK_PER_J_DECODE_PHASE,
            REQUEST_OUTPUT_TOK_PER_J_P50,
            REQUEST_OUTPUT_TOK_PER_J_P90,
            REQUEST_ENERGY_P50_J,
            REQUEST_ENERGY_P90_J,
            TTFT_P90_MS,
            TTFT_P99_MS,
            ITL_P90_MS,
            ITL_P99_MS,
            RL_P90_MS,
            RL_P99_MS,
            DECODE_TIME_P50_S,
            PREFILL_TOK_S,
            PREFILL_POWER_W,
            DECODE_POWER_W,
            PREFILL_SHARE_PCT,
            REQUESTS_OK,
            REQUESTS_FAILED,
            TEGRASTATS_LINES);

    private final String column;
    private final String label;
    private final int decimals;

    Metric(String column, String label, int decimals) {
        this.column = column;
        this.label = label;
        this.decimals = decimals;
    }

    /** {@return the CSV column name, e.g. {@code ttft_p50_ms}} */
    public String column() {
        return column;
    }

    /** {@return the human label with its unit, e.g. {@code TTFT p50 (ms)}} */
    public String label() {
        return label;
    }

    /** {@return the decimals the value is printed with} */
    public int decimals() {
        return decimals;
    }

    /**
     * {@return where a value that does not depend on the energy method comes from: {@code aiperf} (latencies, token
     * counts and rates, request counts) or {@code tegrastats} (sample counts); empty for energy-derived values, whose
     * method is the cell's}
     */
    public String source() {
        if (isEnergyDerived()) {
            return "";
        }
        return this == TEGRASTATS_LINES ? "tegrastats" : "aiperf";
    }

    /** {@return whether the value is derived from measured power or energy} */
    public boolean isEnergyDerived() {
        return switch (this) {
            case POWER_W,
                    ENERGY_TOTAL_J,
                    ENERGY_PREFILL_J,
                    ENERGY_DECODE_J,
                    OUTPUT_TOK_PER_J,
                    OUTPUT_TOK_PER_J_REQUEST,
                    OUTPUT_TOK_PER_J_THROUGHPUT,
                    OUTPUT_TOK_PER_J_DECODE_PHASE,
                    REQUEST_OUTPUT_TOK_PER_J_P50,
                    REQUEST_OUTPUT_TOK_PER_J_P90,
                    REQUEST_ENERGY_P50_J,
                    REQUEST_ENERGY_P90_J,
                    PREFILL_POWER_W,
                    DECODE_POWER_W,
                    PREFILL_TOK_PER_J,
                    DECODE_TOK_PER_J,
                    TOTAL_TOK_PER_J,
                    MJ_PER_OUTPUT_TOKEN,
                    PREFILL_SHARE_PCT -> true;
            default -> false;
        };
    }
}
