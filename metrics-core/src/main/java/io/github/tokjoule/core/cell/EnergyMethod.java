package io.github.tokjoule.core.cell;

/**
 * How a cell's energies and tokens per joule were obtained (DESIGN §3.3).
 *
 * @since 0.1.0
 */
public enum EnergyMethod {
    /**
     * tokjoule's default: the power trace is integrated over each request's own window and its prefill part, from
     * the per-request records; a cell's energy per request is the mean of the per-request energies and its tokens
     * per joule a ratio of sums (tokens of all successful requests over their energy), as MLPerf Power defines work
     * per joule.
     */
    MEASURED,
    /**
     * The seed's arithmetic (seed §J, docs/reference/seed-methodology.md §2.7): a window power statistic multiplied by p50 latencies;
     * reproduces its published numbers.
     */
    SEED_COMPATIBLE
}
