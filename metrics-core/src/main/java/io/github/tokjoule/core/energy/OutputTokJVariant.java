package io.github.tokjoule.core.energy;

/**
 * The three "output tokens per joule" that the seed benchmark quotes under one name, each under its own name here
 * (DESIGN §3.3; docs/reference/seed-methodology.md §2.9–2.10). Symbols: {@code OSL} output tokens, {@code RL} request latency and
 * {@code TTFT} time to first token in seconds, {@code P} the power of the window in watts, {@code P_decode} the power
 * during decode, {@code tok_s} the per-user output token rate in tokens per second.
 *
 * @since 0.1.0
 */
public enum OutputTokJVariant {
    /**
     * {@code OSL / (P · RL)}: output tokens per joule of the whole request, prefill included. The formula the seed
     * writes (§J.3, §1.5, its summary line); 12–21 % below its published values.
     */
    REQUEST,
    /**
     * {@code OSL / (P_decode · (RL − TTFT))}: output tokens per joule of the decode phase only. What the seed's
     * published 15W/25W/MAXN values are (docs/reference/seed-methodology.md §2.9: within 1 % in 251 of 288 rows).
     */
    DECODE_PHASE,
    /**
     * {@code tok_s / P}, tokens per second per watt (seed 002's tok/s/W): the seed's README and v1/v2 code, and its
     * llama.cpp 7W rows.
     */
    THROUGHPUT
}
