package io.github.tokjoule.core.thermal;

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
        celsiusBySensor = celsiusBySensor instanceof SensorReadings r ? r : SensorReadings.copyOf(celsiusBySensor);
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
        SensorReadings r = readings();
        int i = r.indexOf(sensor);
        return i < 0 ? Double.NaN : r.celsius(i);
    }

    /** The readings as the constructor stored them: array-backed, no hashing (they are read once or twice each). */
    SensorReadings readings() {
        return (SensorReadings) celsiusBySensor;
    }
}
