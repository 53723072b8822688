package io.github.tokjoule.core.capacity;

/**
 * A workload placed on a {@link Roofline}: its ceiling, how close the measurement comes to it, and why.
 *
 * @param ceilingTokensPerSecond the roofline ceiling {@code min(peak / FLOPs per token, bandwidth / bytes per token)}
 * @param measuredTokensPerSecond the measured decode rate
 * @param efficiency {@code measured / ceiling} (seed 003's "Efficiency"; 0.24 means 24 %)
 * @param operationalIntensityFlopsPerByte FLOPs per token / bytes per token
 * @param bottleneck which roof limits the workload
 * @since 0.1.0
 */
public record RooflinePoint(
        double ceilingTokensPerSecond,
        double measuredTokensPerSecond,
        double efficiency,
        double operationalIntensityFlopsPerByte,
        Bottleneck bottleneck) {}
