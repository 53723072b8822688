package io.github.tokjoule.jetson.synthetic;

/**
 * One energy figure on each of the three synthetic rails, in joules.
 *
 * @param vddInJoules energy on {@code VDD_IN}
 * @param vddCpuGpuCvJoules energy on {@code VDD_CPU_GPU_CV}
 * @param vddSocJoules energy on {@code VDD_SOC}
 * @since 0.1.0
 */
public record RailEnergies(double vddInJoules, double vddCpuGpuCvJoules, double vddSocJoules) {

    /** No energy on any rail. */
    public static final RailEnergies ZERO = new RailEnergies(0, 0, 0);

    /**
     * Returns the energy on one rail.
     *
     * @param rail the rail
     * @return its energy in joules
     */
    public double joules(SyntheticRail rail) {
        return switch (rail) {
            case VDD_IN -> vddInJoules;
            case VDD_CPU_GPU_CV -> vddCpuGpuCvJoules;
            case VDD_SOC -> vddSocJoules;
        };
    }

    /**
     * Returns the sum of these energies and others, rail by rail.
     *
     * @param other the other energies
     * @return the sums
     */
    public RailEnergies plus(RailEnergies other) {
        return new RailEnergies(
                vddInJoules + other.vddInJoules,
                vddCpuGpuCvJoules + other.vddCpuGpuCvJoules,
                vddSocJoules + other.vddSocJoules);
    }

    static RailEnergies fromCompute(double computeJoules, double seconds, double idleWatts) {
        return new RailEnergies(
                SyntheticRail.VDD_IN.joules(computeJoules, seconds, idleWatts),
                computeJoules,
                SyntheticRail.VDD_SOC.joules(computeJoules, seconds, idleWatts));
    }
}
