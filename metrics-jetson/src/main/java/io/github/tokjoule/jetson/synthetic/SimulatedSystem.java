package io.github.tokjoule.jetson.synthetic;

/**
 * The board and server a synthetic sweep pretends to run on, as its simulated system audit states them
 * ({@link SimulatedAudit}).
 * Every value is a claim of the simulation, not a reading: the audit says so in its {@code simulated} field, and the
 * report prints it.
 *
 * @param deviceModel the board's name, as {@code /proc/device-tree/model} would give it
 * @param l4tRelease the first line of {@code /etc/nv_tegra_release}, e.g. {@code # R36 (release), REVISION: 4.7}
 * @param os the OS's {@code PRETTY_NAME}
 * @param cuda the CUDA toolkit's version
 * @param memTotalKilobytes the RAM in kB, positive
 * @param cmaTotalKilobytes the CMA pool in kB, positive
 * @param serverContextTokens the inference server's context size ({@code llama-server -c}), positive
 * @param source where these facts come from, in words (written into the audit)
 * @since 0.2.0
 */
public record SimulatedSystem(
        String deviceModel,
        String l4tRelease,
        String os,
        String cuda,
        long memTotalKilobytes,
        long cmaTotalKilobytes,
        int serverContextTokens,
        String source) {

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public SimulatedSystem {
        if (memTotalKilobytes <= 0 || cmaTotalKilobytes <= 0 || serverContextTokens <= 0) {
            throw new IllegalArgumentException("sizes must be positive: memTotalKilobytes=" + memTotalKilobytes
                    + ", cmaTotalKilobytes=" + cmaTotalKilobytes + ", serverContextTokens=" + serverContextTokens);
        }
    }

    /**
     * Returns the seed benchmark's board as its post describes it (seeds/000 Tables 2 and 3): a Jetson Orin Nano Super
     * 8GB developer kit, L4T R36.4.7 on Ubuntu 22.04, CUDA 12.6, 8 GB of RAM (8 × 1024² kB), a 256 MB CMA pool, and
     * {@code llama-server -c 2560}.
     *
     * @return the board
     */
    public static SimulatedSystem seedOrinNanoSuper() {
        return new SimulatedSystem(
                "Jetson Orin Nano Super 8GB (Developer Kit)",
                "# R36 (release), REVISION: 4.7",
                "Ubuntu 22.04",
                "12.6",
                8L * 1024 * 1024,
                256L * 1024,
                2560,
                "the seed benchmark's post (seeds/000, Tables 2-5): no board was read");
    }
}
