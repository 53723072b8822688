package io.github.tokjoule.core.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * A sample's readings ({@link SensorReadings}, two arrays) behave as the {@link LinkedHashMap} they replaced, the slow
 * reference: same entries in the same order, same lookups, equality and hash code both ways, unmodifiable.
 */
class SensorReadingsPropertyTest {

    @Test
    void behavesAsTheLinkedHashMapItCopies() {
        qt().withExamples(2000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            for (ThermalSample s : ThermalSampleCelsiusPropertyTest.samples(seed)) {
                Map<String, Double> reference = new LinkedHashMap<>();
                // the samples' own entries, as a LinkedHashMap built from them (their order is the printed order)
                for (Map.Entry<String, Double> e : s.celsiusBySensor().entrySet()) {
                    reference.put(e.getKey(), e.getValue());
                }
                Map<String, Double> m = s.celsiusBySensor();
                assertThat(m).hasSize(reference.size());
                assertThat(new ArrayList<>(m.keySet())).containsExactlyElementsOf(reference.keySet());
                assertThat(new ArrayList<>(m.values())).containsExactlyElementsOf(reference.values());
                assertThat(m).isEqualTo(reference);
                assertThat(reference).isEqualTo(m);
                assertThat(m.hashCode()).isEqualTo(reference.hashCode());
                assertThat(m.toString()).isEqualTo(reference.toString());
                for (String name : new String[] {"CPU", "cpu", "gpu", "tj", "nope"}) {
                    assertThat(m.get(name)).isEqualTo(reference.get(name));
                    assertThat(m.containsKey(name)).isEqualTo(reference.containsKey(name));
                }
            }
        });
    }

    @Test
    void copiesInTheGivenOrderAndKeepsDuplicatesOut() {
        Map<String, Double> in = new LinkedHashMap<>();
        in.put("tj", 50.0);
        in.put("CPU", 41.5);
        in.put("cpu", 40.0);
        ThermalSample s = ThermalSample.of(3, in);
        assertThat(s.celsiusBySensor().keySet()).containsExactly("tj", "CPU", "cpu");
        assertThat(s.celsius("cpu")).isEqualTo(40.0); // the exact name before the first equal ignoring case
        assertThat(s.celsius("Cpu")).isEqualTo(41.5);
        assertThat(new ThermalSample(9, s.celsiusBySensor())).isEqualTo(new ThermalSample(9, in));
        assertThat(ThermalSample.of(1, Map.of()).celsiusBySensor()).isEmpty();
    }

    @Test
    void isUnmodifiable() {
        Map<String, Double> m = ThermalSample.of(3, Map.of("CPU", 40.0)).celsiusBySensor();
        List<Runnable> writes = List.of(
                () -> m.put("GPU", 1.0),
                () -> m.remove("CPU"),
                m::clear,
                () -> m.keySet().remove("CPU"),
                () -> m.entrySet().iterator().remove(),
                () -> m.values().clear());
        for (Runnable w : writes) {
            assertThatThrownBy(w::run).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(m).containsExactly(Map.entry("CPU", 40.0));
    }
}
