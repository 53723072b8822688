package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dense {@code hwmon.csv} that stops half-way through a cell (the sampler died or stalled) must not replace a
 * tegrastats trace that covers the whole run: preferring it left 4 of the cell's 6 requests out of the energies
 * (OUTSIDE_TRACE) where tegrastats had them all. One that covers aiperf's run window is still preferred, even when
 * tegrastats' own span reaches further.
 */
class PartialDenseTraceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aDenseTraceThatStopsHalfWayLeavesTegrastatsInPlace(@TempDir Path dir) throws IOException {
        Path sweep = dir.resolve("sweep");
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), sweep);
        SweepResult without = SweepAnalysis.analyze(sweep);
        AnalyzedCell chosen = firstOk(without);
        PowerTrace tegrastats = tegrastats(chosen);
        long from = tegrastats.epochNanosAt(0) - SECOND;
        writeDense(chosen, from, from + (tegrastats.epochNanosAt(tegrastats.size() - 1) - from) / 2);

        SweepResult with = SweepAnalysis.analyze(sweep);
        AnalyzedCell cell = same(with, chosen);
        assertThat(cell.powerTrace().orElseThrow().tool()).isEqualTo(PowerTraceSource.Tool.TEGRASTATS);
        assertThat(cell.requests()).hasSameSizeAs(chosen.requests()).isNotEmpty();
        assertThat(cell.attribution().orElseThrow().excluded()).isEmpty();
        assertThat(cell.metrics().totalJoulesPerRequest())
                .isEqualTo(chosen.metrics().totalJoulesPerRequest());
        assertThat(with.warnings()).anySatisfy(w -> assertThat(w)
                .contains(DenseTrace.FILE_NAME, "of aiperf's run window uncovered", "power from tegrastats"));
    }

    @Test
    void aDenseTraceThatCoversTheRunWindowIsPreferred(@TempDir Path dir) throws IOException {
        Path sweep = dir.resolve("sweep");
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), sweep);
        AnalyzedCell chosen = firstOk(SweepAnalysis.analyze(sweep));
        AiperfProfile profile = AiperfProfile.read(
                chosen.directory().resolve(SweepLayout.SUMMARY),
                SweepAnalysisTest.designedSpec().zone());
        Instant start = profile.startTime().orElseThrow();
        Instant end = profile.endTime().orElseThrow();
        long from = TimeWindow.of(start, end).startEpochNanos() - SECOND;
        long to = TimeWindow.of(start, end).endEpochNanos() + SECOND;
        PowerTrace tegrastats = tegrastats(chosen);
        assertThat(to)
                .as("tegrastats reaches further than the dense trace")
                .isLessThan(tegrastats.epochNanosAt(tegrastats.size() - 1));
        writeDense(chosen, from, to);

        AnalyzedCell cell = same(SweepAnalysis.analyze(sweep), chosen);
        assertThat(cell.powerTrace().orElseThrow().tool()).isEqualTo(PowerTraceSource.Tool.HWMON);
        assertThat(cell.attribution().orElseThrow().excluded()).isEmpty();
    }

    /** Window [10, 20]: a span [12, 30] misses 2, [0, 5] all 10, [12, 15] 7, [0, 40] nothing. */
    @Test
    void uncoveredPartOfTheWindowByHand() {
        TimeWindow w = TimeWindow.of(10, 20);
        assertThat(DenseTrace.uncoveredNanos(PowerTrace.of(new long[] {12, 30}, new double[] {1, 1}), w))
                .isEqualTo(2);
        assertThat(DenseTrace.uncoveredNanos(PowerTrace.of(new long[] {0, 5}, new double[] {1, 1}), w))
                .isEqualTo(10);
        assertThat(DenseTrace.uncoveredNanos(PowerTrace.of(new long[] {12, 15}, new double[] {1, 1}), w))
                .isEqualTo(7);
        assertThat(DenseTrace.uncoveredNanos(PowerTrace.of(new long[] {0, 40}, new double[] {1, 1}), w))
                .isZero();
    }

    private static AnalyzedCell firstOk(SweepResult r) {
        return r.cells().stream().filter(c -> c.metrics().isOk()).findFirst().orElseThrow();
    }

    private static AnalyzedCell same(SweepResult r, AnalyzedCell chosen) {
        return r.cells().stream()
                .filter(c -> c.directory().equals(chosen.directory()))
                .findFirst()
                .orElseThrow();
    }

    private static PowerTrace tegrastats(AnalyzedCell cell) throws IOException {
        return PowerLog.read(
                        cell.directory().resolve("tegrastats.log"),
                        SweepAnalysisTest.designedSpec().zone(),
                        RailChoice.rail(cell.metrics().rail().orElseThrow()),
                        1000,
                        false)
                .trace()
                .orElseThrow();
    }

    /** A constant 7.25 W at 100 Hz from {@code from} to {@code to}, as the driver's recorder writes it. */
    private static void writeDense(AnalyzedCell cell, long from, long to) throws IOException {
        int n = (int) ((to - from) / 10_000_000L) + 1;
        LiveTrace t = LiveTrace.builder("hwmon", List.of(cell.metrics().rail().orElseThrow()))
                .capacity(n)
                .build();
        for (int i = 0; i < n; i++) {
            t.appendWatts(from + i * 10_000_000L, new double[] {7.25});
        }
        LiveLog.open(cell.directory().resolve(DenseTrace.FILE_NAME), List.of(t), List.of())
                .close();
    }
}
