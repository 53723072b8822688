package io.github.tokjoule.live;

import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy of every rail over one named measurement window.
 *
 * @param name the window's name as given to {@link LiveMeter#begin(String)}
 * @param window the window in epoch nanoseconds, as the caller's clock saw it
 * @param energies per rail, keyed {@code source/rail} (e.g. {@code hwmon/VDD_GPU_SOC}), in the meter's order: the
 *     energy in joules (NaN if the window lies outside that source's trace) and the coverage that says how far to
 *     trust it; both of the trace over the window shifted by half the source's sensor delay ({@link
 *     LiveTrace#sensorDelayNanos()}), 0 for most sources
 * @param estimates per rail, the same keys: the same energy with its 95 % interval (see {@link LiveMeter}); without
 *     interval ({@link EnergyEstimate#hasInterval()} false) where the window reaches beyond the trace
 * @since 0.2.0
 */
public record Measurement(
        String name, TimeWindow window, Map<String, WindowEnergy> energies, Map<String, EnergyEstimate> estimates) {

    /**
     * Copies the maps, keeping their order.
     *
     * @throws IllegalArgumentException if the two maps have different keys
     */
    public Measurement {
        energies = Collections.unmodifiableMap(new LinkedHashMap<>(energies));
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
        if (!energies.keySet().equals(estimates.keySet())) {
            throw new IllegalArgumentException(
                    "energies " + energies.keySet() + " and estimates " + estimates.keySet() + " differ in rails");
        }
    }

    /**
     * Returns the energy of one rail.
     *
     * @param key {@code source/rail}
     * @return joules; NaN if the window lies outside the rail's trace
     * @throws IllegalArgumentException if the meter has no such rail (the message lists the rails)
     */
    public double joules(String key) {
        return estimate(key).joules();
    }

    /**
     * Returns the energy of one rail with its 95 % interval.
     *
     * @param key {@code source/rail}
     * @return the estimate
     * @throws IllegalArgumentException if the meter has no such rail (the message lists the rails)
     */
    public EnergyEstimate estimate(String key) {
        EnergyEstimate e = estimates.get(key);
        if (e == null) {
            throw new IllegalArgumentException(
                    "no rail " + key + " in window " + name + "; rails: " + estimates.keySet());
        }
        return e;
    }

    /** {@return the window's length in seconds} */
    public double seconds() {
        return window.durationSeconds();
    }
}
