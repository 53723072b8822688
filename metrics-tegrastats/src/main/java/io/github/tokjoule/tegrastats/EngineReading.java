package io.github.tokjoule.tegrastats;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A clocked unit: {@code EMC_FREQ}, {@code GR3D_FREQ}, {@code VIC}, {@code APE}, {@code NVENC}, {@code NVDLA0},
 * {@code PVA0_FREQ}, legacy {@code EMC}, {@code GR3D}, {@code AVP}, {@code MSENC} and any new name printed in one of
 * the engine forms: {@code NAME off}, {@code NAME N} (frequency only), {@code NAME N%}, {@code NAME N%@F},
 * {@code NAME N%@[F,F,…]} (one frequency per GPC), {@code NAME @F} or {@code NAME @[F,…]} (frequency only, Thor).
 *
 * @since 0.1.0
 */
public final class EngineReading {

    private final String name;
    private final boolean off;
    private final int loadPercent;
    private final int[] frequenciesMhz;
    private final boolean bracketed;

    private EngineReading(String name, boolean off, int loadPercent, int[] frequenciesMhz, boolean bracketed) {
        this.name = name;
        this.off = off;
        this.loadPercent = loadPercent;
        this.frequenciesMhz = frequenciesMhz;
        this.bracketed = bracketed;
    }

    /**
     * Returns an engine reading.
     *
     * @param name the name as printed
     * @param off {@code true} for {@code NAME off}
     * @param loadPercent the load in percent, or {@code -1} when not printed
     * @param frequenciesMhz the frequencies in MHz (one per GPC in the array form); an entry of {@code -1} is an array
     *     item printed as {@code off} or {@code N/A}; copied
     * @param bracketed {@code true} when the frequencies were printed as an array {@code [..]}
     * @return the reading
     * @throws IllegalArgumentException if {@code loadPercent < -1} or a frequency is below {@code -1}
     */
    public static EngineReading of(String name, boolean off, int loadPercent, int[] frequenciesMhz, boolean bracketed) {
        if (loadPercent < -1) {
            throw new IllegalArgumentException("loadPercent must be >= -1 (-1 = not printed): " + loadPercent);
        }
        for (int f : frequenciesMhz) {
            if (f < -1) {
                throw new IllegalArgumentException("frequenciesMhz must be >= -1 (-1 = off): " + f);
            }
        }
        return new EngineReading(name, off, loadPercent, frequenciesMhz.clone(), bracketed);
    }

    /** {@return the name as printed, e.g. {@code GR3D_FREQ}} */
    public String name() {
        return name;
    }

    /** {@return {@code true} when printed as {@code NAME off}} */
    public boolean off() {
        return off;
    }

    /** {@return the load in percent, when printed} */
    public OptionalInt loadPercent() {
        return loadPercent < 0 ? OptionalInt.empty() : OptionalInt.of(loadPercent);
    }

    /** {@return the number of frequencies printed: 0, 1, or one per GPC in the array form} */
    public int frequencyCount() {
        return frequenciesMhz.length;
    }

    /**
     * Returns one printed frequency.
     *
     * @param index {@code 0 <= index < frequencyCount()}
     * @return the frequency in MHz; empty for an array item printed as {@code off} or {@code N/A}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public OptionalInt frequencyMhz(int index) {
        int f = frequenciesMhz[index];
        return f < 0 ? OptionalInt.empty() : OptionalInt.of(f);
    }

    /** {@return the first frequency in MHz, when one was printed and is not {@code off}} */
    public OptionalInt frequencyMhz() {
        return frequenciesMhz.length == 0 ? OptionalInt.empty() : frequencyMhz(0);
    }

    /** {@return a copy of the frequencies in MHz, {@code -1} for an array item printed as {@code off} or {@code N/A}} */
    public int[] frequenciesMhz() {
        return frequenciesMhz.clone();
    }

    /** {@return {@code true} when the frequencies were printed as an array, e.g. {@code @[305,305]}} */
    public boolean bracketed() {
        return bracketed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineReading e
                && name.equals(e.name)
                && off == e.off
                && loadPercent == e.loadPercent
                && bracketed == e.bracketed
                && Arrays.equals(frequenciesMhz, e.frequenciesMhz);
    }

    @Override
    public int hashCode() {
        return ((name.hashCode() * 31 + loadPercent) * 31 + Arrays.hashCode(frequenciesMhz)) * 4
                + (off ? 2 : 0)
                + (bracketed ? 1 : 0);
    }

    /** {@return the field in tegrastats' own notation, e.g. {@code GR3D_FREQ 0%@[305,305]} or {@code APE 174}} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (off) {
            return b.append(" off").toString();
        }
        b.append(' ');
        if (loadPercent >= 0) {
            b.append(loadPercent).append('%');
        }
        if (frequenciesMhz.length > 0 || bracketed) {
            if (loadPercent >= 0 || bracketed) {
                b.append('@');
            }
            if (bracketed) {
                b.append('[');
            }
            for (int i = 0; i < frequenciesMhz.length; i++) {
                b.append(i > 0 ? "," : "").append(frequenciesMhz[i] < 0 ? "off" : String.valueOf(frequenciesMhz[i]));
            }
            if (bracketed) {
                b.append(']');
            }
        }
        return b.toString();
    }
}
