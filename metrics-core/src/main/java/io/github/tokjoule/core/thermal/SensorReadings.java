package io.github.tokjoule.core.thermal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The readings of one {@link ThermalSample}: an unmodifiable map of sensor name → °C in the order the source printed
 * them, held as two arrays. A tegrastats log makes one sample per line (66,580 for the default synthetic sweep) with
 * about ten sensors each; a hash map per sample cost a tenth of the sweep analysis (docs/PERFORMANCE.md), and with
 * so few sensors a linear search finds a name as fast as hashing it. Equality and hash code are {@link Map}'s.
 */
final class SensorReadings extends AbstractMap<String, Double> {

    private final String[] names;
    private final double[] celsius;

    private SensorReadings(String[] names, double[] celsius) {
        this.names = names;
        this.celsius = celsius;
    }

    /**
     * Copies the readings, in the map's iteration order.
     *
     * @throws IllegalArgumentException if a temperature is NaN or infinite; the message names the sensor
     */
    static SensorReadings copyOf(Map<String, Double> readings) {
        String[] n = new String[readings.size()];
        double[] c = new double[n.length];
        int i = 0;
        for (Map.Entry<String, Double> e : readings.entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("temperature of sensor " + e.getKey() + " is not finite: " + v);
            }
            if (i == n.length) { // a map whose size() undercounts its entries: grow rather than drop one
                n = java.util.Arrays.copyOf(n, 2 * i + 1);
                c = java.util.Arrays.copyOf(c, n.length);
            }
            n[i] = e.getKey();
            c[i++] = v;
        }
        return i == n.length
                ? new SensorReadings(n, c)
                : new SensorReadings(java.util.Arrays.copyOf(n, i), java.util.Arrays.copyOf(c, i));
    }

    /** {@return the number of sensors read} */
    /** Readings over the given arrays, not copied: the caller hands them over (names may be shared, never changed). */
    static SensorReadings wrap(String[] names, double[] celsius) {
        return new SensorReadings(names, celsius);
    }

    /** Whether both hold the very same array of names (so every index means the same sensor in both). */
    boolean sharesNamesWith(SensorReadings other) {
        return names == other.names;
    }

    int count() {
        return names.length;
    }

    /** {@return the name of the sensor at {@code i}, in printed order} */
    String name(int i) {
        return names[i];
    }

    /** {@return the reading in °C of the sensor at {@code i}} */
    double celsius(int i) {
        return celsius[i];
    }

    /** {@return the index of the sensor named exactly {@code sensor}, else of the first equal ignoring case; -1 if none} */
    int indexOf(String sensor) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(sensor)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(sensor)) {
                return i;
            }
        }
        return -1;
    }

    private int exactIndex(@Nullable Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return exactIndex(key) >= 0;
    }

    @Override
    public @Nullable Double get(@Nullable Object key) {
        int i = exactIndex(key);
        return i < 0 ? null : celsius[i];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], celsius[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
