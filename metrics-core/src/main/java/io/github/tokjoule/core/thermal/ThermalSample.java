package io.github.tokjoule.core.thermal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
     * Returns one sample per stamp from columns of readings: sample {@code k} holds, in the map's order, every sensor
     * whose column has a number at {@code k}; {@code NaN} means no reading there and leaves the sensor out of that
     * sample. The result equals {@code of(epochNanos[k], <the sensors read at k>)} for every {@code k}, but samples
     * that hold every sensor share one array of names instead of a copied map each, which makes a long log's samples
     * and {@link ThermalSummary}'s pass over them several times cheaper.
     *
     * @param epochNanos the stamps, in epoch nanoseconds
     * @param celsiusBySensor sensor name → one reading in °C per stamp ({@code NaN}: none); not copied beyond this call
     * @return the samples in stamp order, unmodifiable
     * @throws IllegalArgumentException if a column's length is not the stamps' or a reading is infinite; the message
     *     names the sensor
     * @since 0.2.0
     */
    public static List<ThermalSample> fromColumns(long[] epochNanos, Map<String, double[]> celsiusBySensor) {
        String[] names = celsiusBySensor.keySet().toArray(new String[0]);
        double[][] columns = celsiusBySensor.values().toArray(new double[0][]);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != epochNanos.length) {
                throw new IllegalArgumentException("sensor " + names[c] + " has " + columns[c].length + " readings for "
                        + epochNanos.length + " stamps");
            }
        }
        List<ThermalSample> out = new ArrayList<>(epochNanos.length);
        for (int k = 0; k < epochNanos.length; k++) {
            int present = 0;
            for (int c = 0; c < columns.length; c++) {
                double v = columns[c][k];
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("temperature of sensor " + names[c] + " is not finite: " + v);
                }
                present += Double.isNaN(v) ? 0 : 1;
            }
            String[] n = present == names.length ? names : new String[present];
            double[] celsius = new double[present];
            int i = 0;
            for (int c = 0; c < columns.length; c++) {
                double v = columns[c][k];
                if (!Double.isNaN(v)) {
                    if (n != names) {
                        n[i] = names[c];
                    }
                    celsius[i++] = v;
                }
            }
            out.add(new ThermalSample(epochNanos[k], SensorReadings.wrap(n, celsius)));
        }
        return Collections.unmodifiableList(out);
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
