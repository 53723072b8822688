package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseTraceTest {

    /** Three AGX Orin lines (tegrastats corpus, abdel-e-agx-orin-64gb-r36-long.log) shortened to their power rails. */
    private static final String LOG =
            "10-26-2025 05:10:54 RAM 6879/62841MB VDD_GPU_SOC 2801mW/2801mW VDD_CPU_CV 400mW/400mW\n"
                    + "10-26-2025 05:10:55 RAM 6878/62841MB VDD_GPU_SOC 2801mW/2801mW VDD_CPU_CV 400mW/400mW\n"
                    + "10-26-2025 05:10:56 RAM 6873/62841MB VDD_GPU_SOC 3201mW/2934mW VDD_CPU_CV 800mW/533mW\n";

    private static final long T0 = 1_761_455_454_000_000_000L; // 2025-10-26T05:10:54Z

    private static Path cell(Path dir) throws IOException {
        Path log = dir.resolve("tegrastats.log");
        Files.writeString(log, LOG);
        return log;
    }

    private static void dense(Path dir, String rail) throws IOException {
        LiveTrace t = LiveTrace.builder("hwmon", List.of(rail)).capacity(1000).build();
        for (int i = 0; i <= 200; i++) {
            t.appendWatts(T0 + i * 10_000_000L, new double[] {10.0});
        }
        LiveLog.open(dir.resolve(DenseTrace.FILE_NAME), List.of(t), List.of()).close();
    }

    @Test
    void theDenseTraceReplacesTegrastatsForTheSameRail(@TempDir Path dir) throws IOException {
        Path log = cell(dir);
        dense(dir, "VDD_GPU_SOC");
        PowerLog tegrastats = PowerLog.read(log, ZoneOffset.UTC, RailChoice.rail("VDD_GPU_SOC"), 1000, false);
        List<String> notes = new ArrayList<>();
        PowerLog preferred = DenseTrace.prefer(log, tegrastats, notes, Optional.empty());
        PowerTrace trace = preferred.trace().orElseThrow();
        assertThat(trace.size()).isEqualTo(201);
        assertThat(trace.wattsAt(100)).isEqualTo(10.0);
        assertThat(preferred.rail()).isEqualTo("VDD_GPU_SOC");
        assertThat(preferred.source()).contains(PowerTraceSource.hwmon(10_000_000L));
        assertThat(preferred.source().orElseThrow().label()).isEqualTo("hwmon 10 ms");
        assertThat(notes)
                .as("said by the cell's power_trace, not by a note per cell")
                .isEmpty();
    }

    @Test
    void withoutTheRailOrTheFileTegrastatsStays(@TempDir Path dir) throws IOException {
        Path log = cell(dir);
        PowerLog tegrastats = PowerLog.read(log, ZoneOffset.UTC, RailChoice.rail("VDD_GPU_SOC"), 1000, false);
        List<String> notes = new ArrayList<>();
        assertThat(DenseTrace.prefer(log, tegrastats, notes, Optional.empty())).isSameAs(tegrastats);
        assertThat(notes).isEmpty();
        // three tegrastats lines one second apart
        assertThat(tegrastats.source().orElseThrow().label()).isEqualTo("tegrastats 1000 ms");
        dense(dir, "VDD_IN");
        assertThat(DenseTrace.prefer(log, tegrastats, notes, Optional.empty())).isSameAs(tegrastats);
        assertThat(notes).singleElement().asString().contains("no hwmon rail VDD_GPU_SOC");
        Files.writeString(dir.resolve(DenseTrace.FILE_NAME), "garbage\n");
        assertThat(DenseTrace.prefer(log, tegrastats, notes, Optional.empty())).isSameAs(tegrastats);
        assertThat(notes.get(1)).contains("unreadable");
    }
}
