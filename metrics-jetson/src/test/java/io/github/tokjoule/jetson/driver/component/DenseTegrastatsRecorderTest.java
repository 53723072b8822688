package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.live.LiveLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseTegrastatsRecorderTest {

    /** A tegrastats recorder that writes one line and remembers whether it was stopped. */
    private static final class FakeTegrastats implements TegrastatsRecorder {
        final AtomicBoolean stopped = new AtomicBoolean();

        @Override
        public Recording start(Path logFile, Path consoleLog) throws IOException {
            Files.writeString(logFile, "RAM 1/2MB VDD_IN 5000mW/5000mW\n");
            return new Recording() {
                @Override
                public boolean isAlive() {
                    return !stopped.get();
                }

                @Override
                public void stop() {
                    stopped.set(true);
                }
            };
        }
    }

    /** A fake INA3221 under {@code dir/sys} with one rail, VDD_IN: 5000 mV × 1000 mA = 5 W. */
    private static void oneRailChip(Path dir) throws IOException {
        Path chip = dir.resolve("sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.createDirectories(chip);
        Files.writeString(chip.resolve("in1_label"), "VDD_IN\n");
        Files.writeString(chip.resolve("in1_input"), "5000\n");
        Files.writeString(chip.resolve("curr1_input"), "1000\n");
    }

    @Test
    void recordsTheInaRailsBesideTegrastats(@TempDir Path dir) throws Exception {
        oneRailChip(dir);
        Path cell = Files.createDirectories(dir.resolve("cell"));
        FakeTegrastats tegrastats = new FakeTegrastats();
        TegrastatsRecorder recorder = DenseTegrastatsRecorder.create(tegrastats, dir.resolve("sys"), 10_000_000L);
        TegrastatsRecorder.Recording recording =
                recorder.start(cell.resolve("tegrastats.log"), cell.resolve("tegrastats.console.log"));
        Thread.sleep(300);
        assertThat(recording.isAlive()).isTrue();
        recording.stop();
        assertThat(tegrastats.stopped).isTrue();
        LiveLog.Contents dense = LiveLog.read(cell.resolve(DenseTegrastatsRecorder.FILE_NAME));
        assertThat(dense.traces().get("hwmon/VDD_IN").size()).isGreaterThan(5);
        assertThat(dense.traces().get("hwmon/VDD_IN").watts()).containsOnly(5.0);
        assertThat(Files.readString(cell.resolve("tegrastats.console.log")))
                .contains("tokjoule: hwmon ")
                .contains("0 failed reads");
    }

    /**
     * The driver's sudo prefix reaches chrt: a refusing stand-in for {@code sudo -n} leaves the sampler at normal
     * priority, and the cell's console log and the dense log's header say so with the command.
     */
    @Test
    void theSamplerAsksForRealTimeThroughTheSudoPrefix(@TempDir Path dir) throws Exception {
        oneRailChip(dir);
        Path cell = Files.createDirectories(dir.resolve("cell"));
        Path sudo = dir.resolve("refusing-sudo");
        Files.writeString(sudo, "#!/bin/sh\necho 'sudo: a password is required'\nexit 1\n");
        assertThat(sudo.toFile().setExecutable(true)).isTrue();
        TegrastatsRecorder.Recording recording = DenseTegrastatsRecorder.create(
                        new FakeTegrastats(), dir.resolve("sys"), 10_000_000L, List.of(sudo.toString(), "-n"))
                .start(cell.resolve("tegrastats.log"), cell.resolve("tegrastats.console.log"));
        Thread.sleep(200);
        recording.stop();
        String said = sudo + " -n chrt -f -p 10 ";
        assertThat(Files.readString(cell.resolve("tegrastats.console.log")))
                .contains("hwmon sampler at normal priority, real-time refused, sampling at normal priority: " + said);
        assertThat(Files.readString(cell.resolve(DenseTegrastatsRecorder.FILE_NAME)))
                .contains("# hwmon realtime: refused, sampling at normal priority: " + said);
    }

    /**
     * The sampler starts but its log cannot be opened (a directory where {@code hwmon.csv} should go): tegrastats
     * records alone, the reason is noted, and no sampler thread is left running.
     */
    @Test
    void aDenseLogThatCannotBeOpenedLeavesNoSamplerRunning(@TempDir Path dir) throws Exception {
        oneRailChip(dir);
        Path cell = Files.createDirectories(dir.resolve("cell"));
        Files.createDirectories(cell.resolve(DenseTegrastatsRecorder.FILE_NAME));
        FakeTegrastats tegrastats = new FakeTegrastats();
        TegrastatsRecorder.Recording recording = DenseTegrastatsRecorder.create(
                        tegrastats, dir.resolve("sys"), 10_000_000L)
                .start(cell.resolve("tegrastats.log"), cell.resolve("console.log"));
        assertThat(Files.readString(cell.resolve("console.log"))).contains("no dense hwmon trace");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("tokjoule-live-hwmon") && t.isAlive());
        recording.stop();
        assertThat(tegrastats.stopped).isTrue();
    }

    @Test
    void withoutInaRailsTegrastatsAloneRecordsAndTheReasonIsNoted(@TempDir Path dir) throws Exception {
        FakeTegrastats tegrastats = new FakeTegrastats();
        TegrastatsRecorder.Recording recording = DenseTegrastatsRecorder.create(tegrastats, dir, 10_000_000L)
                .start(dir.resolve("tegrastats.log"), dir.resolve("console.log"));
        recording.stop();
        assertThat(tegrastats.stopped).isTrue();
        assertThat(dir.resolve(DenseTegrastatsRecorder.FILE_NAME)).doesNotExist();
        assertThat(Files.readString(dir.resolve("console.log"))).contains("no dense hwmon trace", "no INA3221 rail");
    }
}
