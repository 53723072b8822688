package io.github.tokjoule.jetson.driver.plan;

import java.time.Duration;

/**
 * Time limits of a sweep's steps. Defaults are the seed's where it had one (docs/reference/seed-methodology.md §1.1: server start-up
 * 300 s, request 180 s, smoke-test request 120 s).
 *
 * @param serverStartup how long a server may take to answer its health check
 * @param request aiperf's per-request timeout ({@code --request-timeout-seconds})
 * @param smokeTestRequest the timeout of each smoke-test request
 * @param aiperfCell how long one aiperf run may take before it is stopped; zero means
 *     {@code (warm-up + requests) × request + 300 s}
 * @param command the timeout of short commands ({@code nvpmodel}, {@code jetson_clocks}, {@code ollama create},
 *     version queries)
 * @param stopGrace how long a stopped process gets between SIGTERM and SIGKILL
 * @since 0.1.0
 */
public record Timeouts(
        Duration serverStartup,
        Duration request,
        Duration smokeTestRequest,
        Duration aiperfCell,
        Duration command,
        Duration stopGrace) {

    /** The seed's timeouts, and ours where it had none. */
    public static final Timeouts SEED = new Timeouts(
            Duration.ofSeconds(300),
            Duration.ofSeconds(180),
            Duration.ofSeconds(120),
            Duration.ZERO,
            Duration.ofSeconds(120),
            Duration.ofSeconds(10));

    /**
     * Validates the timeouts.
     *
     * @throws IllegalArgumentException if one is negative, or one other than {@code aiperfCell} is zero
     */
    public Timeouts {
        SweepPlan.requirePositive("serverStartup", serverStartup);
        SweepPlan.requirePositive("request", request);
        SweepPlan.requirePositive("smokeTestRequest", smokeTestRequest);
        SweepPlan.requireNotNegative("aiperfCell", aiperfCell);
        SweepPlan.requirePositive("command", command);
        SweepPlan.requirePositive("stopGrace", stopGrace);
    }

    /**
     * Returns the time limit of one aiperf run.
     *
     * @param warmupRequests warm-up requests per cell
     * @param requests profiled requests per cell
     * @return {@link #aiperfCell()} if set, else {@code (warmupRequests + requests) × request + 300 s}
     */
    public Duration aiperfCellLimit(int warmupRequests, int requests) {
        if (!aiperfCell.isZero()) {
            return aiperfCell;
        }
        return request.multipliedBy((long) warmupRequests + requests).plusSeconds(300);
    }
}
