package io.github.tokjoule.core.thermal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every temperature sensor read at one instant, in degrees Celsius, keyed by the sensor name as the source prints it
 * (tegrastats: {@code CPU}, {@code GPU}, {@code tj}, {@code SOC0}, {@code Tboard}, …).
 *
 * <p>Absent sensors are simply not in the map; sources that print a sentinel for an absent sensor (tegrastats'
 * {@code -256C}) leave it out before building the sample.
 *
 * @param epochNanos the time of the reading in epoch nanoseconds
 * @param celsiusBySensor sensor name → temperature in °C, in the order the source printed them; finite values only
 * @since 0.1.0
 */
public record ThermalSample(long epochNanos, Map<String, Double> celsiusBySensor) {

    /**
     * Validates and copies the readings.
     *
     * @throws IllegalArgumentException if a temperature is NaN or infinite; the message names the sensor
     */
    public ThermalSample {
        Map<String, Double> copy = new LinkedHashMap<>(2 * celsiusBySensor.size());
        for (Map.Entry<String, Double> e : celsiusBySensor.entrySet()) {
            double c = e.getValue();
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("temperature of sensor " + e.getKey() + " is not finite: " + c);
            }
            copy.put(e.getKey(), c);
        }
        celsiusBySensor = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns a sample of the given readings.
     *
     * @param epochNanos the time in epoch nanoseconds
     * @param celsiusBySensor sensor name → °C; copied
     * @return the sample
     * @throws IllegalArgumentException if a temperature is not finite
     */
    public static ThermalSample of(long epochNanos, Map<String, Double> celsiusBySensor) {
        return new ThermalSample(epochNanos, celsiusBySensor);
    }

    /**
     * Returns the reading of a sensor, matching its name without regard to case ({@link String#equalsIgnoreCase}):
     * the exact name first, else the first sensor printed whose name matches.
     *
     * @param sensor the sensor name, e.g. {@code "CPU"}
     * @return the temperature in °C, or NaN if the sensor was not read
     */
    public double celsius(String sensor) {
        Double exact = celsiusBySensor.get(sensor);
        if (exact != null) {
            return exact;
        }
        // no lower-cased copies: this runs for every sample of every thermal summary
        for (Map.Entry<String, Double> e : celsiusBySensor.entrySet()) {
            if (e.getKey().equalsIgnoreCase(sensor)) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }
}
