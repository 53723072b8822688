package io.github.tokjoule.live;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.Map;

/**
 * The energy of every rail over one named measurement window.
 *
 * @param name the window's name as given to {@link LiveMeter#begin(String)}
 * @param window the window in epoch nanoseconds
 * @param energies per rail, keyed {@code source/rail} (e.g. {@code hwmon/VDD_GPU_SOC}), in the meter's order: the
 *     energy in joules (NaN if the window lies outside that source's trace) and the coverage that says how far to
 *     trust it
 * @since 0.2.0
 */
public record Measurement(String name, TimeWindow window, Map<String, WindowEnergy> energies) {

    /** Copies the energies, keeping their order. */
    public Measurement {
        energies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(energies));
    }

    /**
     * Returns the energy of one rail.
     *
     * @param key {@code source/rail}
     * @return joules; NaN if the window lies outside the rail's trace
     * @throws IllegalArgumentException if the meter has no such rail (the message lists the rails)
     */
    public double joules(String key) {
        WindowEnergy e = energies.get(key);
        if (e == null) {
            throw new IllegalArgumentException(
                    "no rail " + key + " in window " + name + "; rails: " + energies.keySet());
        }
        return e.joules();
    }

    /** {@return the window's length in seconds} */
    public double seconds() {
        return window.durationSeconds();
    }
}
