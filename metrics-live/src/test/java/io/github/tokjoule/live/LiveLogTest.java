package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.power.PowerTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveLogTest {

    private static final long T0 = 1_765_000_000_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"run.csv", "run.jsonl"})
    void roundTripsEverySampleExactly(String name, @TempDir Path dir) throws IOException {
        LiveTrace hwmon = LiveTrace.builder("hwmon", List.of("VDD_IN", "VDD_GPU"))
                .capacity(100)
                .nominalIntervalNanos(10_000_000L)
                .build();
        LiveTrace rapl = LiveTrace.builder("rapl", List.of("package-0"))
                .reading(LiveTrace.Reading.ENERGY_COUNTER)
                .capacity(100)
                .build();
        Path log = dir.resolve(name);
        try (LiveLog.LogWriter writer =
                LiveLog.open(log, List.of(hwmon, rapl), List.of("hwmon chip0 \"x\" samples=4"))) {
            for (int i = 0; i < 7; i++) {
                hwmon.appendWatts(T0 + i * 10_000_000L, new double[] {5 + 0.1 * i, 1.0 / 3});
                rapl.appendJoules(T0 + i * 10_000_000L + 1, new double[] {100 + 0.25 * i * i});
                if (i == 3) {
                    assertThat(writer.drain())
                            .isEqualTo(4 * 2 + 4); // the counter publishes its first reading with the second
                }
            }
        }
        LiveLog.Contents contents = LiveLog.read(log);
        assertThat(contents.traces().keySet()).containsExactly("hwmon/VDD_IN", "hwmon/VDD_GPU", "rapl/package-0");
        assertThat(contents.traces().get("hwmon/VDD_IN")).isEqualTo(hwmon.snapshot(0));
        assertThat(contents.traces().get("hwmon/VDD_GPU")).isEqualTo(hwmon.snapshot(1));
        assertThat(contents.traces().get("rapl/package-0").watts())
                .containsExactly(rapl.snapshot(0).watts());
        assertThat(contents.readings()).containsEntry("rapl/package-0", "energy_counter");
        assertThat(contents.comments()).containsExactly("hwmon chip0 \"x\" samples=4");
        assertThat(LiveLog.isJsonLines(log)).isEqualTo(name.endsWith(".jsonl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delay.csv", "delay.jsonl"})
    void aRailsSensorDelayIsRecordedAndTheJoinReadsItsStampsHalfTheDelayEarlier(String name, @TempDir Path dir)
            throws IOException {
        LiveTrace hwmon = LiveTrace.builder("hwmon", List.of("VDD_IN"))
                .capacity(100)
                .nominalIntervalNanos(10_000_000L)
                .sensorDelayNanos(10_500_000L) // samples=4, update_interval=6: 6 x (2 - 1/4) ms
                .placementUncertaintyNanos(2_000_000L)
                .build();
        LiveTrace plain = LiveTrace.builder("other", List.of("X"))
                .capacity(100)
                .nominalIntervalNanos(10_000_000L)
                .build();
        Path log = dir.resolve(name);
        try (LiveLog.LogWriter writer = LiveLog.open(log, List.of(hwmon, plain), List.of())) {
            for (int i = 0; i < 3; i++) {
                hwmon.appendWatts(T0 + i * 10_000_000L, new double[] {5 + i});
                plain.appendWatts(T0 + i * 10_000_000L, new double[] {1});
            }
            writer.drain();
        }
        LiveLog.Contents contents = LiveLog.read(log);
        assertThat(contents.comments())
                .containsExactly("sensor_delay hwmon/VDD_IN 10500000", "placement_uncertainty hwmon/VDD_IN 2000000");
        assertThat(contents.sensorDelayNanos("hwmon/VDD_IN")).isEqualTo(10_500_000L);
        assertThat(contents.sensorDelayNanos("other/X")).isZero();
        assertThat(contents.placementUncertaintyNanos("hwmon/VDD_IN")).isEqualTo(2_000_000L);
        assertThat(contents.placementUncertaintyNanos("other/X")).isZero();
        PowerTrace joined = contents.joinTrace("hwmon/VDD_IN");
        assertThat(joined.epochNanos())
                .containsExactly(T0 - 5_250_000L, T0 + 10_000_000L - 5_250_000L, T0 + 20_000_000L - 5_250_000L);
        assertThat(joined.watts()).containsExactly(5.0, 6.0, 7.0);
        assertThat(contents.joinTrace("other/X")).isSameAs(contents.traces().get("other/X"));
    }

    @Test
    void badLogsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path notLog = dir.resolve("x.csv");
        Files.writeString(notLog, "epoch_nanos,source,rail,watts,joules\n");
        assertThatThrownBy(() -> LiveLog.read(notLog)).hasMessageContaining("x.csv line 1");
        Path undeclared = dir.resolve("u.csv");
        Files.writeString(undeclared, "# " + LiveLog.FORMAT + "\n" + "1,hwmon,A,1.0,0.0\n");
        assertThatThrownBy(() -> LiveLog.read(undeclared))
                .hasMessageContaining("line 2")
                .hasMessageContaining("not declared");
        Path shortRow = dir.resolve("s.csv");
        Files.writeString(shortRow, "# " + LiveLog.FORMAT + "\n# rail hwmon/A power 10\n1,hwmon,A\n");
        assertThatThrownBy(() -> LiveLog.read(shortRow))
                .hasMessageContaining("line 3")
                .hasMessageContaining("5 fields");
        Path badJson = dir.resolve("b.jsonl");
        Files.writeString(badJson, "{\"format\":\"" + LiveLog.FORMAT + "\"}\n{\"rail\":[1]}\n");
        assertThatThrownBy(() -> LiveLog.read(badJson)).hasMessageContaining("b.jsonl line 2");
        Path backwards = dir.resolve("t.jsonl");
        Files.writeString(
                backwards,
                "{\"format\":\"" + LiveLog.FORMAT + "\"}\n"
                        + "{\"rail\":\"h/A\",\"reading\":\"power\",\"nominal_interval_nanos\":10}\n"
                        + "{\"epoch_nanos\":5,\"source\":\"h\",\"rail\":\"A\",\"watts\":1.0,\"joules\":0.0}\n"
                        + "{\"epoch_nanos\":4,\"source\":\"h\",\"rail\":\"A\",\"watts\":1.0,\"joules\":0.0}\n");
        assertThatThrownBy(() -> LiveLog.read(backwards)).hasMessageContaining("line 4");
    }

    @Test
    void emptyRunGivesEmptyTraces(@TempDir Path dir) throws IOException {
        LiveTrace t = LiveTrace.builder("hwmon", List.of("A")).build();
        Path log = dir.resolve("e.csv");
        LiveLog.open(log, List.of(t), List.of()).close();
        PowerTrace read = LiveLog.read(log).traces().get("hwmon/A");
        assertThat(read.isEmpty()).isTrue();
        assertThat(read.nominalIntervalNanos()).isEqualTo(10_000_000L);
    }
}
