package io.github.tokjoule.core.capacity;

/**
 * The roofline model of a device (Williams, Waterman and Patterson 2009; seed 003): attainable performance is
 * {@code min(peak compute, operational intensity × memory bandwidth)}. For single-stream LLM decode every generated
 * token reads the whole model, so the memory-bound ceiling is {@code bandwidth / bytes per token} (DESIGN §3.6).
 *
 * <p>Seed 003 (Jetson Orin Nano 8GB: 40 TOPS INT8, 68 GB/s) estimates bytes per token as
 * {@code parameters × bytes per weight × 1.1} (10 % for activations and KV cache) and FLOPs per token as
 * {@code 2 × parameters}; {@link #seedBytesPerToken(double, double)} and {@link #flopsPerToken(double)} reproduce
 * its table (e.g. gemma3:1b Q4_K_M: 1e9 × 4.5/8 × 1.1 = 618.75 MB per token, 68e9 / 618.75e6 = 109.90 tok/s,
 * measured 26.33 → 24.0 %, OI 3.23 FLOPs/byte, ridge 588 → memory-bound).
 *
 * @param peakFlopsPerSecond the peak arithmetic rate (FLOPs or integer ops per second), positive
 * @param bandwidthBytesPerSecond the memory bandwidth in bytes per second, positive
 * @since 0.1.0
 */
public record Roofline(double peakFlopsPerSecond, double bandwidthBytesPerSecond) {

    /**
     * Validates the device.
     *
     * @throws IllegalArgumentException if a rate is not positive and finite
     */
    public Roofline {
        Checks.positive(peakFlopsPerSecond, "peakFlopsPerSecond");
        Checks.positive(bandwidthBytesPerSecond, "bandwidthBytesPerSecond");
    }

    /**
     * Returns the roofline of a device.
     *
     * @param peakFlopsPerSecond the peak arithmetic rate, positive
     * @param bandwidthBytesPerSecond the memory bandwidth in bytes per second, positive
     * @return the roofline
     * @throws IllegalArgumentException if a rate is not positive and finite
     */
    public static Roofline of(double peakFlopsPerSecond, double bandwidthBytesPerSecond) {
        return new Roofline(peakFlopsPerSecond, bandwidthBytesPerSecond);
    }

    /**
     * The ridge point {@code peak / bandwidth}: the operational intensity at which a workload stops being
     * memory-bound (seed 003: 40 × 10<sup>12</sup> / 68 × 10<sup>9</sup> = 588 FLOPs/byte).
     *
     * @return FLOPs per byte
     */
    public double ridgePointFlopsPerByte() {
        return peakFlopsPerSecond / bandwidthBytesPerSecond;
    }

    /**
     * The attainable arithmetic rate at an operational intensity: {@code min(peak, OI × bandwidth)}.
     *
     * @param operationalIntensityFlopsPerByte the workload's FLOPs per byte, not negative
     * @return FLOPs per second
     * @throws IllegalArgumentException if the intensity is negative or not finite
     */
    public double attainableFlopsPerSecond(double operationalIntensityFlopsPerByte) {
        Checks.nonNegative(operationalIntensityFlopsPerByte, "operationalIntensityFlopsPerByte");
        return Math.min(peakFlopsPerSecond, operationalIntensityFlopsPerByte * bandwidthBytesPerSecond);
    }

    /**
     * The decode ceiling {@code min(peak / FLOPs per token, bandwidth / bytes per token)} (seed 003's "Theoretical
     * (t/s)").
     *
     * @param bytesPerToken bytes read from memory per generated token, positive
     * @param flopsPerToken operations per generated token, positive
     * @return tokens per second
     * @throws IllegalArgumentException on an invalid argument
     */
    public double decodeCeilingTokensPerSecond(double bytesPerToken, double flopsPerToken) {
        double computeLimit = peakFlopsPerSecond / Checks.positive(flopsPerToken, "flopsPerToken");
        return Math.min(computeLimit, memoryBoundTokensPerSecond(bandwidthBytesPerSecond, bytesPerToken));
    }

    /**
     * Places a measured decode rate on the roofline.
     *
     * @param bytesPerToken bytes read per generated token, positive
     * @param flopsPerToken operations per generated token, positive
     * @param measuredTokensPerSecond the measured rate, not negative
     * @return the ceiling, efficiency, operational intensity and bottleneck
     * @throws IllegalArgumentException on an invalid argument
     */
    public RooflinePoint analyze(double bytesPerToken, double flopsPerToken, double measuredTokensPerSecond) {
        double ceiling = decodeCeilingTokensPerSecond(bytesPerToken, flopsPerToken);
        double oi = operationalIntensityFlopsPerByte(flopsPerToken, bytesPerToken);
        return new RooflinePoint(
                ceiling, measuredTokensPerSecond, efficiency(measuredTokensPerSecond, ceiling), oi, bottleneck(oi));
    }

    /**
     * The bottleneck at an operational intensity: {@link Bottleneck#MEMORY_BOUND} below the ridge point,
     * {@link Bottleneck#COMPUTE_BOUND} at or above it.
     *
     * @param operationalIntensityFlopsPerByte FLOPs per byte, not negative
     * @return the bottleneck
     * @throws IllegalArgumentException if the intensity is negative or not finite
     */
    public Bottleneck bottleneck(double operationalIntensityFlopsPerByte) {
        Checks.nonNegative(operationalIntensityFlopsPerByte, "operationalIntensityFlopsPerByte");
        return operationalIntensityFlopsPerByte < ridgePointFlopsPerByte()
                ? Bottleneck.MEMORY_BOUND
                : Bottleneck.COMPUTE_BOUND;
    }

    /**
     * The memory-bound decode ceiling {@code bandwidth / bytes per token} (DESIGN §3.6).
     *
     * @param bandwidthBytesPerSecond memory bandwidth, positive
     * @param bytesPerToken bytes read per generated token, positive
     * @return tokens per second
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double memoryBoundTokensPerSecond(double bandwidthBytesPerSecond, double bytesPerToken) {
        return Checks.positive(bandwidthBytesPerSecond, "bandwidthBytesPerSecond")
                / Checks.positive(bytesPerToken, "bytesPerToken");
    }

    /**
     * Operational intensity {@code FLOPs per token / bytes per token}.
     *
     * @param flopsPerToken operations per token, not negative
     * @param bytesPerToken bytes per token, positive
     * @return FLOPs per byte
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double operationalIntensityFlopsPerByte(double flopsPerToken, double bytesPerToken) {
        return Checks.nonNegative(flopsPerToken, "flopsPerToken") / Checks.positive(bytesPerToken, "bytesPerToken");
    }

    /**
     * Hardware efficiency {@code measured / ceiling} (seed 003: 26.33 / 109.90 = 24.0 %).
     *
     * @param measuredTokensPerSecond the measured rate, not negative
     * @param ceilingTokensPerSecond the ceiling, positive
     * @return the fraction of the ceiling reached
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double efficiency(double measuredTokensPerSecond, double ceilingTokensPerSecond) {
        return Checks.nonNegative(measuredTokensPerSecond, "measuredTokensPerSecond")
                / Checks.positive(ceilingTokensPerSecond, "ceilingTokensPerSecond");
    }

    /**
     * Seed 003's estimate of the bytes read per decoded token: {@code parameters × bitsPerWeight / 8 × 1.1}
     * ("model_size × 1.1, including 10 % overhead for activations and KV cache").
     *
     * @param parameters the parameters read per token (active parameters for MatFormer/MoE), positive
     * @param bitsPerWeight bits per weight, e.g. 4.5 for Q4_K_M, 8 for FP8/Q8_0, 16 for FP16; positive
     * @return bytes per token
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double seedBytesPerToken(double parameters, double bitsPerWeight) {
        return Checks.positive(parameters, "parameters") * Checks.positive(bitsPerWeight, "bitsPerWeight") / 8 * 1.1;
    }

    /**
     * FLOPs per decoded token, {@code 2 × parameters} (one multiply and one add per weight; seed 003).
     *
     * @param parameters the parameters used per token, positive
     * @return FLOPs per token
     * @throws IllegalArgumentException on an invalid argument
     */
    public static double flopsPerToken(double parameters) {
        return 2 * Checks.positive(parameters, "parameters");
    }
}
