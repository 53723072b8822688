package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A sample keeps its lists packed one after the other in a few arrays: each list reads back what was printed, an
 * index past a list is refused even where the packed array goes on with the next list, and samples differing in any
 * one value of any list are not equal.
 */
class TegrastatsSampleLayoutTest {

    /** Every kind of list, each with more than one element, and every optional part both present and absent. */
    static final String LINE = "RAM 1/2MB CPU [5%@729,off,7%@730] EMC_FREQ 3%@3199 GR3D_FREQ 12%@[1300,1301] "
            + "NVENC off APE 174 cpu@52.9C/53.5C gpu@47C tj@-256C "
            + "VDD_IN 5.5W/5.25W VDD_GPU 5139mW/5100mW/6000mW VDD_SOC 1.5/2.5";

    private static TegrastatsSample sample(String line) {
        // a new parser each time, so that no name array is shared with an earlier sample
        ParsedLine p = TegrastatsParser.create().parse(line, 1, 0);
        assertThat(p.kind()).as("%s: %s", line, p).isEqualTo(LineKind.SAMPLE);
        return p.sample().orElseThrow();
    }

    @Test
    void everyListReadsBackAsPrinted() {
        TegrastatsSample s = sample(LINE);
        assertThat(s.cpuCores())
                .containsExactly(
                        new CpuCore(0, true, OptionalInt.of(5), OptionalInt.of(729)),
                        new CpuCore(1, false, OptionalInt.empty(), OptionalInt.empty()),
                        new CpuCore(2, true, OptionalInt.of(7), OptionalInt.of(730)));
        assertThat(s.engines())
                .containsExactly(
                        EngineReading.of("EMC_FREQ", false, 3, new int[] {3199}, false),
                        EngineReading.of("GR3D_FREQ", false, 12, new int[] {1300, 1301}, true),
                        EngineReading.of("NVENC", true, -1, new int[0], false),
                        EngineReading.of("APE", false, -1, new int[] {174}, false));
        assertThat(s.temperatures())
                .containsExactly(
                        new TemperatureReading("cpu", 52.9, 52.9, 53.5),
                        new TemperatureReading("gpu", 47, 47, Double.NaN),
                        new TemperatureReading("tj", -256, Double.NaN, Double.NaN));
        assertThat(s.rails())
                .containsExactly(
                        new RailReading("VDD_IN", 5500, 5250, Double.NaN, RailUnit.WATTS),
                        new RailReading("VDD_GPU", 5139, 5100, 6000, RailUnit.MILLIWATTS),
                        new RailReading("VDD_SOC", 1.5, 2.5, Double.NaN, RailUnit.UNITLESS));
        assertThat(s.milliwatts("VDD_SOC")).isEqualTo(1.5);
        assertThat(s)
                .hasToString("TegrastatsSample[line 1, RAM 1/2, 3 cores, 4 engines, 3 temperatures, rails "
                        + "VDD_IN=5500mW VDD_GPU=5139mW VDD_SOC=2mW]");
    }

    @Test
    void aSampleWithNoListsHasEmptyOnes() {
        TegrastatsSample s = sample("RAM 1/2MB");
        assertThat(s.cpuCoreCount()).isZero();
        assertThat(s.engines()).isEmpty();
        assertThat(s.temperatures()).isEmpty();
        assertThat(s.rails()).isEmpty();
        assertThat(s).isEqualTo(sample("RAM 1/2MB")).hasSameHashCodeAs(sample("RAM 1/2MB"));
        // only rails, only temperatures, only engines: the other lists of the shared arrays are empty
        assertThat(sample("RAM 1/2MB VDD_IN 1/2").rail(0))
                .isEqualTo(new RailReading("VDD_IN", 1, 2, Double.NaN, RailUnit.UNITLESS));
        assertThat(sample("RAM 1/2MB gpu@40C").temperaturePrintedCelsius(0)).isEqualTo(40);
        assertThat(sample("RAM 1/2MB VIC off").engine(0).off()).isTrue();
    }

    @Test
    void anIndexPastItsListIsRefusedThoughThePackedArrayGoesOn() {
        TegrastatsSample s = sample(LINE);
        assertOnlyIndicesBelow(s.cpuCoreCount(), s::cpuCoreOnline);
        assertOnlyIndicesBelow(s.cpuCoreCount(), s::cpuLoadPercent);
        assertOnlyIndicesBelow(s.cpuCoreCount(), s::cpuFrequencyMhz);
        assertOnlyIndicesBelow(s.engineCount(), s::engine);
        assertOnlyIndicesBelow(s.temperatureCount(), s::temperatureSensor);
        assertOnlyIndicesBelow(s.temperatureCount(), s::temperaturePrintedCelsius);
        assertOnlyIndicesBelow(s.temperatureCount(), s::temperatureCelsius);
        assertOnlyIndicesBelow(s.temperatureCount(), s::temperatureMaxCelsius);
        assertOnlyIndicesBelow(s.temperatureCount(), s::temperature);
        assertOnlyIndicesBelow(s.railCount(), s::railName);
        assertOnlyIndicesBelow(s.railCount(), s::railMilliwatts);
        assertOnlyIndicesBelow(s.railCount(), s::railAverageMilliwatts);
        assertOnlyIndicesBelow(s.railCount(), s::railMaxMilliwatts);
        assertOnlyIndicesBelow(s.railCount(), s::railUnit);
        assertOnlyIndicesBelow(s.railCount(), s::rail);
    }

    private static void assertOnlyIndicesBelow(int count, IntFunction<?> accessor) {
        assertThat(count).isGreaterThan(1);
        for (int i = 0; i < count; i++) {
            assertThat(accessor.apply(i)).isNotNull();
        }
        for (int bad : new int[] {-1, count, count + 1}) {
            assertThatThrownBy(() -> accessor.apply(bad))
                    .as("index %d of %d", bad, count)
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void samplesDifferingInAnyOneValueOfAnyListAreNotEqual() {
        TegrastatsSample s = sample(LINE);
        assertThat(s).isEqualTo(sample(LINE)).hasSameHashCodeAs(sample(LINE));
        List<String[]> changes = List.of(
                new String[] {"5%@729", "6%@729"}, // a core's load
                new String[] {"7%@730", "7%@731"}, // a core's frequency
                new String[] {"off,7%", "0%@1,7%"}, // a core on, and more frequencies
                new String[] {"EMC_FREQ 3%", "EMC_FREQ 4%"}, // an engine's load
                new String[] {"[1300,1301]", "[1300,1302]"}, // an engine's frequency
                new String[] {"[1300,1301]", "[1300]"}, // where the next engine's frequencies start
                new String[] {"NVENC off", "NVENC 0%"}, // an engine on
                new String[] {"APE 174", "APE 175"},
                new String[] {"cpu@52.9C/", "cpu@53.9C/"}, // a current temperature
                new String[] {"53.5C", "54.5C"}, // a maximum temperature
                new String[] {"gpu@47C", "gpu@47C/47C"}, // a maximum printed
                new String[] {"5.5W/", "5.6W/"}, // a rail's current power
                new String[] {"5.25W", "5.5W"}, // a rail's average
                new String[] {"6000mW", "6001mW"}, // a rail's maximum
                new String[] {"1.5/2.5", "1.5mW/2.5mW"}, // a rail's unit
                new String[] {" VDD_SOC 1.5/2.5", ""}); // one rail fewer
        for (String[] c : changes) {
            assertThat(LINE).contains(c[0]);
            String changed = LINE.replace(c[0], c[1]);
            assertThat(sample(changed)).as(changed).isNotEqualTo(s);
            assertThat(s).as(changed).isNotEqualTo(sample(changed));
        }
        // the same load and frequency, bracketed or not
        assertThat(sample(LINE.replace("[1300,1301]", "[1300]")))
                .isNotEqualTo(sample(LINE.replace("[1300,1301]", "1300")));
    }
}
