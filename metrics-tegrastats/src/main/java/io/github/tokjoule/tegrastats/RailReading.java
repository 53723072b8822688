package io.github.tokjoule.tegrastats;

/**
 * One power rail: {@code NAME cur/avg} or, from R39 on, {@code NAME cur/avg/max}.
 *
 * <p>The second value is the running mean of every current value since tegrastats started (docs/reference/tegrastats-format.md
 * §7.1), not a window average; the third is the maximum since start.
 *
 * @param name the rail name as printed, e.g. {@code VDD_IN}
 * @param milliwatts the current power in mW
 * @param averageMilliwatts the running average since tegrastats started, in mW
 * @param maxMilliwatts the maximum since start in mW, when printed (R39 and later); NaN when not printed
 * @param unit the unit printed (unitless values are milliwatts)
 * @since 0.1.0
 */
public record RailReading(
        String name, double milliwatts, double averageMilliwatts, double maxMilliwatts, RailUnit unit) {}
