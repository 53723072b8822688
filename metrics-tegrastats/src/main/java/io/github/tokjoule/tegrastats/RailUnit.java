package io.github.tokjoule.tegrastats;

/**
 * The unit a power rail was printed in. Every value is stored in milliwatts whatever the unit.
 *
 * @since 0.1.0
 */
public enum RailUnit {
    /** No unit, as on JetPack 4 and earlier ({@code VDD_IN 1840/1840}): milliwatts. */
    UNITLESS,
    /** {@code mW}, as from JetPack 5 on ({@code VDD_IN 2763mW/2846mW}). */
    MILLIWATTS,
    /** {@code W}: accepted defensively (never seen in a real line); converted to milliwatts. */
    WATTS
}
