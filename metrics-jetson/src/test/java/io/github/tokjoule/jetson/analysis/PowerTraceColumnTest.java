package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code power_trace}: a sweep whose one cell has a dense {@code hwmon.csv} beside its tegrastats log says so for that
 * cell ({@code hwmon 10 ms}) and {@code tegrastats <interval>} for every other; the same sweep without the file says
 * {@code tegrastats} everywhere.
 */
class PowerTraceColumnTest {

    private static final double DENSE_WATTS = 7.25;

    @Test
    void theCellWithADenseTraceSaysHwmonAndTheOthersTegrastats(@TempDir Path dir) throws IOException {
        Path sweep = dir.resolve("sweep");
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), sweep);
        SweepResult without = SweepAnalysis.analyze(sweep);
        for (AnalyzedCell c : without.cells()) {
            if (!c.metrics().isOk()) {
                assertThat(c.powerTrace()).as("a failed cell reads no power").isEmpty();
                continue;
            }
            assertThat(c.powerTrace()).as(c.directory().toString()).isPresent();
            assertThat(c.powerTrace().get().tool()).isEqualTo(PowerTraceSource.Tool.TEGRASTATS);
            assertThat(c.powerTrace().get().label()).matches("tegrastats [0-9.]+ ms");
        }

        AnalyzedCell chosen = without.cells().stream()
                .filter(c -> c.metrics().isOk())
                .findFirst()
                .orElseThrow();
        Path log = chosen.directory().resolve("tegrastats.log");
        PowerLog tegrastats = PowerLog.read(
                log,
                SweepAnalysisTest.designedSpec().zone(),
                RailChoice.rail(chosen.metrics().rail().orElseThrow()),
                1000,
                false);
        PowerTrace t = tegrastats.trace().orElseThrow();
        writeDense(
                log.resolveSibling(DenseTrace.FILE_NAME),
                chosen.metrics().rail().orElseThrow(),
                t);

        SweepResult with = SweepAnalysis.analyze(sweep);
        CellResultsCsv.write(with, dir.resolve("cells.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("cells.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header).last().isEqualTo(CellResultsCsv.POWER_TRACE_COLUMN);
        int column = header.indexOf("power_trace");
        int power = header.indexOf("power_w");
        for (int i = 0; i < with.cells().size(); i++) {
            AnalyzedCell c = with.cells().get(i);
            String[] f = lines.get(i + 1).split(",", -1);
            assertThat(f).hasSize(header.size());
            if (c.directory().equals(chosen.directory())) {
                assertThat(f[column]).isEqualTo("hwmon 10 ms");
                // the dense trace's constant power is the truth the cell's figures must now come from
                assertThat(Double.parseDouble(f[power])).isCloseTo(DENSE_WATTS, offset(1e-9));
            } else if (c.metrics().isOk()) {
                assertThat(f[column]).startsWith("tegrastats ");
            } else {
                assertThat(f[column]).isEmpty();
            }
        }
    }

    /** A constant-power trace at 100 Hz over the tegrastats trace's whole span, one second more on each side. */
    private static void writeDense(Path file, String rail, PowerTrace tegrastats) throws IOException {
        long from = tegrastats.epochNanosAt(0) - 1_000_000_000L;
        long to = tegrastats.epochNanosAt(tegrastats.size() - 1) + 1_000_000_000L;
        int n = (int) ((to - from) / 10_000_000L) + 1;
        LiveTrace t = LiveTrace.builder("hwmon", List.of(rail)).capacity(n).build();
        for (int i = 0; i < n; i++) {
            t.appendWatts(from + i * 10_000_000L, new double[] {DENSE_WATTS});
        }
        LiveLog.open(file, List.of(t), List.of()).close();
    }
}
