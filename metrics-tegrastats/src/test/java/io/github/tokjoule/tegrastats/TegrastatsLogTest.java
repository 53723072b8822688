package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.thermal.ThermalSample;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TegrastatsLogTest {

    @TempDir
    Path dir;

    private static TegrastatsLog log(String text) {
        return TegrastatsLog.read(TegrastatsReader.of(new StringReader(text), "test", ReaderOptions.lenient()));
    }

    /** The board of every corpus file, from SOURCES.md. */
    @Test
    void theBoardOfEveryCorpusFileIsDetected() throws IOException {
        Map<String, Optional<BoardProfile>> expected = Map.ofEntries(
                Map.entry("abdel-e-agx-orin-64gb-r36-long.log", Optional.of(BoardProfile.AGX_ORIN)),
                Map.entry("ssaraff98-tx2-long.log", Optional.of(BoardProfile.TX2)),
                Map.entry("hordiales-tx1-r28.1.log", Optional.empty()),
                Map.entry("jetson_stats-agx-orin-64gb-jp7.2-r39.2.log", Optional.of(BoardProfile.AGX_ORIN)),
                Map.entry("jetson_stats-hist-agx-xavier-r32.log", Optional.of(BoardProfile.AGX_XAVIER)),
                Map.entry("jetson_stats-fixture-tx2.log", Optional.of(BoardProfile.TX2)),
                Map.entry("jetson_stats-fixture-nano.log", Optional.of(BoardProfile.NANO)),
                Map.entry("waggle-xavier-nx-jp4.log", Optional.of(BoardProfile.XAVIER_NX)),
                Map.entry("waggle-xavier-nx-jp5.1.2.log", Optional.of(BoardProfile.XAVIER_NX)),
                Map.entry("waggle-nano-jp4.6.1.log", Optional.of(BoardProfile.NANO)),
                Map.entry("gdwr-agx-orin-64gb-r35.log", Optional.of(BoardProfile.AGX_ORIN)),
                Map.entry("issue-jetson_stats-624-orin-8gb-r36-sudo.log", Optional.of(BoardProfile.ORIN_NANO_NX)),
                Map.entry("issue-jetson_stats-pr16-nano-r32-sudo.log", Optional.of(BoardProfile.NANO)),
                Map.entry("issue-tx-utils-3-tx2.log", Optional.of(BoardProfile.TX2)),
                Map.entry("issue-gtop-pr7-agx-xavier-jp4.2.log", Optional.of(BoardProfile.AGX_XAVIER)));
        for (Map.Entry<String, Optional<BoardProfile>> e : expected.entrySet()) {
            assertThat(TegrastatsLog.read(Corpus.file(e.getKey())).detectProfile())
                    .as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        // the multiboard file holds one line per board: TX2, TX1, TX2, AGX Xavier
        assertThat(Corpus.samples("ssaraff98-multiboard-sample.log"))
                .extracting(s -> BoardProfile.detect(
                                s.rails().stream().map(RailReading::name).toList(),
                                s.temperatures().stream()
                                        .map(TemperatureReading::sensor)
                                        .toList())
                        .orElseThrow())
                .containsExactly(BoardProfile.TX2, BoardProfile.TX1, BoardProfile.TX2, BoardProfile.AGX_XAVIER);
        // Thor (docs/reference/tegrastats-format.md §3), with and without VIN
        assertThat(BoardProfile.detect(List.of("VDD_GPU", "VDD_CPU_SOC_MSS", "VIN_SYS_5V0", "VIN"), List.of()))
                .hasValue(BoardProfile.THOR);
        assertThat(BoardProfile.detect(List.of("VDD_GPU", "VDD_CPU_SOC_MSS", "VIN_SYS_5V0"), List.of()))
                .hasValue(BoardProfile.THOR);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_CPU_GPU_CV"), List.of("cpu", "tj")))
                .hasValue(BoardProfile.ORIN_NANO_NX);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_FOO"), List.of())).isEmpty();
        assertThat(BoardProfile.detect(List.of("NC", "NC#2"), List.of())).isEmpty();
        assertThat(BoardProfile.detect(List.of("VDDRQ"), List.of())).hasValue(BoardProfile.AGX_XAVIER);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_4V0_WIFI"), List.of()))
                .hasValue(BoardProfile.TX2);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_DDR"), List.of())).hasValue(BoardProfile.TX2);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_WIFI"), List.of()))
                .hasValue(BoardProfile.TX2);
        assertThat(BoardProfile.detect(List.of("VDD_IN", "VDD_CPU"), List.of())).isEmpty();
    }

    @Test
    void profilesNameTheirRails() {
        assertThat(BoardProfile.ORIN_NANO_NX.total()).isEqualTo(RailSelection.rail("VDD_IN"));
        assertThat(BoardProfile.ORIN_NANO_NX.compute()).isEqualTo(RailSelection.rail("VDD_CPU_GPU_CV"));
        assertThat(BoardProfile.ORIN_NANO_NX.totalMeasured()).isTrue();
        assertThat(BoardProfile.AGX_ORIN.total()).isEqualTo(RailSelection.allRails());
        assertThat(BoardProfile.AGX_ORIN.totalMeasured()).isFalse();
        assertThat(BoardProfile.THOR.total()).isEqualTo(RailSelection.rail("VIN"));
        assertThat(BoardProfile.NANO.total().resolve(List.of("POM_5V_IN"))).containsExactly("POM_5V_IN");
        assertThat(BoardProfile.NANO.label()).isEqualTo("Nano");
        // TX2: the R32 names, then the R28 names
        assertThat(BoardProfile.TX2.compute().resolve(List.of("VDD_IN", "VDD_SYS_CPU", "VDD_SYS_GPU")))
                .containsExactly("VDD_SYS_CPU", "VDD_SYS_GPU");
        assertThat(BoardProfile.TX2.compute().resolve(List.of("VDD_IN", "VDD_CPU", "VDD_GPU")))
                .containsExactly("VDD_CPU", "VDD_GPU");
        // neither present: the first alternative, so that its rails are reported missing
        assertThat(BoardProfile.TX2.compute().resolve(List.of("VDD_IN"))).containsExactly("VDD_SYS_CPU", "VDD_SYS_GPU");
        assertThat(BoardProfile.TX2.compute())
                .hasToString("first present of [VDD_SYS_CPU+VDD_SYS_GPU, VDD_CPU+VDD_GPU]");
        assertThat(BoardProfile.AGX_XAVIER.compute()).hasToString("GPU+CPU+CV");
        assertThat(RailSelection.allRails()).hasToString("all rails");
    }

    @Test
    void railSelectionsAreValidated() {
        assertThatThrownBy(() -> RailSelection.sum(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names must not be empty");
        assertThatThrownBy(() -> RailSelection.rail(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rail name must not be blank: ' '");
        assertThatThrownBy(() -> RailSelection.sum("A", "B", "A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rail name repeated: A");
        assertThatThrownBy(RailSelection::firstPresent)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alternatives must not be empty");
        assertThatThrownBy(() -> RailSelection.firstPresent(RailSelection.allRails()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an alternative must be a rail or a sum of rails: all rails");
        assertThat(RailSelection.sum("A", "B"))
                .isEqualTo(RailSelection.sum(List.of("A", "B")))
                .hasSameHashCodeAs(RailSelection.sum("A", "B"))
                .isNotEqualTo(RailSelection.sum("B", "A"))
                .isNotEqualTo("A+B");
    }

    @Test
    void aRailMissingFromSomeSamplesIsReportedNotZeroFilled() {
        String text = String.join(
                "\n",
                "RAM 1/2MB VDD_IN 1000/1000 VDD_CPU_GPU_CV 400/400",
                "RAM 1/2MB VDD_IN 2000/1500",
                "hello",
                "RAM 1/2MB VDD_IN 3000/2000 VDD_CPU_GPU_CV 600/500",
                "RAM 1/2MB VDD_CPU_GPU_CV 700/566");
        TegrastatsLog log = log(text);
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.railNames()).containsExactly("VDD_IN", "VDD_CPU_GPU_CV");
        assertThat(log.railMilliwatts("VDD_CPU_GPU_CV", 1)).isNaN();
        assertThat(log.railMilliwatts("VDD_IN", 2)).isEqualTo(3000);
        assertThat(log.railMilliwatts("NOPE", 0)).isNaN();
        SampleTimes times = log.times(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMillis(500));
        RailTrace total = log.powerTrace(RailSelection.rail("VDD_IN"), times);
        assertThat(total.trace().watts()).containsExactly(1.0, 2.0, 3.0);
        assertThat(total.samplesInLog()).isEqualTo(4);
        assertThat(total.samplesMissingRails()).isEqualTo(1);
        assertThat(total.missingRails()).containsExactly(new MissingRail("VDD_IN", 1, 5));
        assertThat(total.firstMissingLine()).hasValue(5);
        assertThat(total.complete()).isFalse();
        RailTrace sum = log.powerTrace(RailSelection.allRails(), times);
        // only lines 1 and 4 have both rails: 1000 + 400 and 3000 + 600 mW
        assertThat(sum.trace().watts()).containsExactly(1.4, 3.6);
        assertThat(sum.missingRails())
                .containsExactly(new MissingRail("VDD_IN", 1, 5), new MissingRail("VDD_CPU_GPU_CV", 1, 2));
        assertThat(sum.firstMissingLine()).hasValue(2);
        // a rail no sample prints: every sample is missing it
        // a rail no sample prints is refused, naming the rails the log has
        assertThatThrownBy(() -> log.powerTrace(RailSelection.rail("VIN"), times))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test: rail VIN is not in the log, which prints VDD_IN, VDD_CPU_GPU_CV: select one of"
                        + " them (RailSelection.rail or RailSelection.sum), or the board's total"
                        + " (detectProfile().orElseThrow().total())");
        assertThatThrownBy(() -> log.powerTrace(RailSelection.sum("VDD_IN", "VDD_GPU_SOC"), times))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test: rail VDD_GPU_SOC is not in the log");
        // times from the sequence: "hello" is not a tegrastats line, so line 4 is sequence 2
        assertThat(total.trace().epochNanosAt(2) - total.trace().epochNanosAt(0))
                .isEqualTo(1_000_000_000L);
        RailTrace all = log.powerTrace(RailSelection.rail("VDD_CPU_GPU_CV"), times);
        assertThat(all.railNames()).containsExactly("VDD_CPU_GPU_CV");
        assertThat(all.selection()).isEqualTo(RailSelection.rail("VDD_CPU_GPU_CV"));
        assertThat(all.samplesOutOfOrder()).isZero();
    }

    @Test
    void aRestartedLogKeepsItsFirstRunInTheTraceAndCountsTheRest() {
        String text = String.join(
                "\n",
                "01-01-2025 10:00:00 RAM 1/2MB VDD_IN 1000/1000",
                "01-01-2025 10:00:00 RAM 1/2MB VDD_IN 1000/1000",
                "01-01-2025 10:00:01 RAM 1/2MB VDD_IN 1000/1000",
                "01-01-2025 09:59:59 RAM 1/2MB VDD_IN 2000/2000",
                "01-01-2025 10:00:00 RAM 1/2MB VDD_IN 2000/2000");
        TegrastatsLog log = log(text);
        SampleTimes times = log.times(ZoneOffset.UTC, TimingOptions.nominalIntervalMillis(500));
        assertThat(times.segments()).hasSize(2);
        RailTrace trace = log.powerTrace(RailSelection.rail("VDD_IN"), times);
        assertThat(trace.trace().size() + trace.samplesOutOfOrder()).isEqualTo(5);
        assertThat(trace.samplesOutOfOrder()).isGreaterThanOrEqualTo(1);
        assertThat(log.printedTime(3)).hasValue(LocalDateTime.of(2025, 1, 1, 9, 59, 59));
        assertThat(log.lineNumber(4)).isEqualTo(5);
    }

    @Test
    void columnsAreTheSameWhetherOrNotSamplesShareTheirNameArrays() throws IOException {
        // the reader's samples share name arrays from line to line; samples of a new parser per line never do
        for (String name : List.of(Corpus.TX2_LONG, "ssaraff98-multiboard-sample.log", Corpus.AGX_ORIN_LONG)) {
            TegrastatsLog shared = TegrastatsLog.read(Corpus.file(name));
            TegrastatsLog.Builder b = TegrastatsLog.builder();
            long sequence = 0;
            for (String line : Corpus.lines(name)) {
                ParsedLine p = TegrastatsParser.create().parse(line, 0, sequence++);
                p.sample().ifPresent(b::add);
            }
            TegrastatsLog separate = b.build(shared.report());
            assertThat(shared.railNames()).as(name).isEqualTo(separate.railNames());
            assertThat(shared.sensorNames()).as(name).isEqualTo(separate.sensorNames());
            for (int i = 0; i < shared.size(); i++) {
                for (String rail : shared.railNames()) {
                    assertThat(shared.railMilliwatts(rail, i)).isEqualByComparingTo(separate.railMilliwatts(rail, i));
                }
                for (String sensor : shared.sensorNames()) {
                    assertThat(shared.celsius(sensor, i)).isEqualByComparingTo(separate.celsius(sensor, i));
                }
            }
        }
    }

    @Test
    void duplicatedNamesGetNumberedColumns() {
        TegrastatsLog log = log("RAM 1/2MB NC 1mW/1mW VDD_IN 5mW/5mW NC 2mW/2mW a@1C a@2C\n");
        assertThat(log.railNames()).containsExactly("NC", "VDD_IN", "NC#2");
        assertThat(log.sensorNames()).containsExactly("a", "a#2");
        assertThat(log.railMilliwatts("NC#2", 0)).isEqualTo(2);
        assertThat(log.celsius("a#2", 0)).isEqualTo(2);
        SampleTimes times = log.times(Instant.EPOCH, Duration.ofSeconds(1));
        // 1 + 5 + 2 mW
        assertThat(log.powerTrace(RailSelection.allRails(), times).trace().wattsAt(0))
                .isCloseTo(0.008, within(1e-15));
    }

    @Test
    void thermalSamplesLeaveOutSentinelsAndKeepPlaceholders() throws IOException {
        TegrastatsLog log = TegrastatsLog.read(Corpus.file("gdwr-agx-orin-64gb-r35.log"));
        SampleTimes times = log.times(ZoneOffset.UTC, TimingOptions.estimated());
        List<ThermalSample> thermal = log.thermalSamples(times);
        assertThat(thermal).hasSize(1);
        // 11 sensors printed, 4 of them -256C
        assertThat(thermal.get(0).celsiusBySensor()).hasSize(7).doesNotContainKeys("CV0", "CV1", "CV2", "GPU");
        assertThat(thermal.get(0).celsius("tj")).isEqualTo(44.343);
        assertThat(thermal.get(0).epochNanos()).isEqualTo(times.epochNanos(0));
        assertThat(log.celsius("CV0", 0)).isNaN();
        assertThat(log.celsius("nope", 0)).isNaN();
        TegrastatsLog nano = TegrastatsLog.read(Corpus.file("waggle-nano-jp4.6.1.log"));
        var t = nano.thermalSamples(nano.times(Instant.EPOCH, Duration.ofSeconds(1)));
        assertThat(t.get(0).celsius("PMIC")).isEqualTo(50.0);
        // a sensor that first appears later is absent before
        TegrastatsLog late = log("RAM 1/2MB a@1C\nRAM 1/2MB a@2C b@3C\n");
        List<ThermalSample> s = late.thermalSamples(late.times(Instant.EPOCH, Duration.ofSeconds(1)));
        assertThat(s.get(0).celsiusBySensor()).containsOnlyKeys("a");
        assertThat(s.get(1).celsiusBySensor()).containsOnlyKeys("a", "b");
    }

    @Test
    void timesNeedStampsOrAStartAndTheRightLength() {
        TegrastatsLog stampless = log("RAM 1/2MB VDD_IN 1/1\nRAM 1/2MB VDD_IN 1/1\n");
        assertThat(stampless.hasPrintedTimes()).isFalse();
        assertThatThrownBy(() -> stampless.times(ZoneOffset.UTC, TimingOptions.estimated()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test: none of its 2 samples has a printed timestamp (tegrastats of JetPack 4 and earlier"
                        + " prints none): give the first sample's time and the period with times(Instant start,"
                        + " Duration period)");
        assertThat(stampless.printedTime(0)).isEmpty();
        SampleTimes one = SampleTimes.periodic(new long[] {0}, Instant.EPOCH, Duration.ofSeconds(1));
        assertThatThrownBy(() -> stampless.powerTrace(RailSelection.rail("VDD_IN"), one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times has 1 samples but the log has 2 samples");
        assertThatThrownBy(() -> stampless.thermalSamples(one)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stampless.lineNumber(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(stampless.sequences()).containsExactly(0, 1);
        assertThat(stampless.report().samples()).isEqualTo(2);
        assertThat(stampless).hasToString("TegrastatsLog[test, 2 samples, rails [VDD_IN]]");
        TegrastatsLog empty = log("");
        assertThat(empty.size()).isZero();
        assertThatThrownBy(() -> empty.times(ZoneOffset.UTC, TimingOptions.estimated()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test: the log has no sample, so no sample times");
        assertThatThrownBy(() -> empty.powerTrace(
                        RailSelection.allRails(),
                        SampleTimes.periodic(new long[0], Instant.EPOCH, Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test: the log prints no power rail, so there is no all rails trace");
    }

    @Test
    void theBuilderChecksTheOrder() {
        TegrastatsParser p = TegrastatsParser.create();
        TegrastatsSample a = p.parse("RAM 1/2MB", 1, 5).sample().orElseThrow();
        TegrastatsSample b = p.parse("RAM 1/2MB", 2, 5).sample().orElseThrow();
        TegrastatsLog.Builder builder = TegrastatsLog.builder().add(a);
        assertThatThrownBy(() -> builder.add(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample sequence 5 is not after 5 (line 2)");
        // many samples grow the columns
        TegrastatsLog.Builder big = TegrastatsLog.builder();
        for (int i = 0; i < 1000; i++) {
            big.add(p.parse("RAM 1/2MB VDD_IN " + i + "/1", i + 1, i).sample().orElseThrow());
        }
        TegrastatsLog log = big.build(TegrastatsReader.of(new StringReader(""), "x", ReaderOptions.lenient())
                .report());
        assertThat(log.size()).isEqualTo(1000);
        assertThat(log.railMilliwatts("VDD_IN", 999)).isEqualTo(999);
    }

    @Test
    void readingAFileUnwrapsIoErrors() throws IOException {
        Path ok = dir.resolve("ok.log.gz");
        Files.write(ok, TegrastatsReaderTest.gzip(Files.readAllBytes(Corpus.file(Corpus.TX2_LONG))));
        assertThat(TegrastatsLog.read(ok).size()).isEqualTo(432);
        byte[] gz = Files.readAllBytes(ok);
        Path truncated = dir.resolve("truncated.gz");
        Files.write(truncated, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> TegrastatsLog.read(truncated)).isInstanceOf(IOException.class);
        Path malformed = dir.resolve("m.log");
        Files.writeString(malformed, "RAM 1/2MB\nRAM 1/\n");
        assertThatThrownBy(() -> TegrastatsLog.read(malformed, ReaderOptions.strictMode()))
                .isInstanceOf(TegrastatsFormatException.class)
                .hasMessageContaining("m.log:2:");
    }

    @Test
    void theShortWayToOneRailsTraceRefusesWhatItWouldLeaveOut() {
        TegrastatsLog log = log(String.join(
                "\n",
                "01-01-2025 10:00:00 RAM 1/2MB VDD_IN 1000/1000 VDD_SOC 5/5",
                "01-01-2025 10:00:01 RAM 1/2MB VDD_IN 2000/2000",
                "01-01-2025 10:00:02 RAM 1/2MB VDD_IN 3000/3000 VDD_SOC 5/5"));
        PowerTrace in = log.powerTrace("VDD_IN", ZoneOffset.UTC);
        assertThat(in.watts()).containsExactly(1.0, 2.0, 3.0);
        // printed 2025-01-01 10:00:00 in UTC = 1735725600 s (python3 datetime): the sample lies within that second
        assertThat(in.epochNanosAt(0)).isBetween(1_735_725_600_000_000_000L, 1_735_725_600_999_999_999L);
        assertThatThrownBy(() -> log.powerTrace("VDD_SOC", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test: 1 of 3 samples would be left out of the VDD_SOC trace (1 lack the rail, 0 out of"
                        + " time order): use powerTrace(RailSelection, SampleTimes), whose RailTrace counts them");
        assertThatThrownBy(() -> log.powerTrace("VDD_GPU_SOC", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test: rail VDD_GPU_SOC is not in the log, which prints VDD_IN, VDD_SOC: select one of"
                        + " them (RailSelection.rail or RailSelection.sum), or the board's total"
                        + " (detectProfile().orElseThrow().total())");
    }
}
