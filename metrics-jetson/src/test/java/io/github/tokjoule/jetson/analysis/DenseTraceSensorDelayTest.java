package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.ReadingPlacement;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.join.RunWindowEstimator;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MEASURED analysis of a cell with a dense {@code hwmon.csv} gives the file's recorded sensor delay to the join:
 * the cell's requests run on a known power (idle 5 W, prefill 20 W, decode 12 W, steps at the request's edges), read
 * at 100 Hz by a sensor that reports the exact mean of its last 10.5 ms (the INA3221's {@code D} at {@code samples=4,
 * update_interval=6}), so every request's true energy is exact. Cells without the file keep their figures exactly.
 */
class DenseTraceSensorDelayTest {

    private static final long D = 10_500_000L;
    private static final long STEP = 10_000_000L;

    /** The known power: 20 W in a request's prefill, 12 W in its decode, 5 W elsewhere. */
    private record Truth(List<RequestTimeline> requests) {

        double watts(long t) {
            for (RequestTimeline r : requests) {
                if (t >= r.startEpochNanos() && t < r.firstTokenEpochNanos()) {
                    return 20;
                }
                if (t >= r.firstTokenEpochNanos() && t < r.endEpochNanos()) {
                    return 12;
                }
            }
            return 5;
        }

        /** {@code ∫ₐᵇ} of the power in J: exact, the power being constant between the requests' edges. */
        double joules(long a, long b) {
            java.util.TreeSet<Long> cuts = new java.util.TreeSet<>(List.of(a, b));
            for (RequestTimeline r : requests) {
                for (long x : new long[] {r.startEpochNanos(), r.firstTokenEpochNanos(), r.endEpochNanos()}) {
                    if (x > a && x < b) {
                        cuts.add(x);
                    }
                }
            }
            double sum = 0;
            Long previous = null;
            for (long x : cuts) {
                if (previous != null) {
                    sum += watts(previous) * (x - previous) / 1e9;
                }
                previous = x;
            }
            return sum;
        }
    }

    @Test
    void theDenseTracesSensorDelayReachesTheJoinAndItsIntervalsHoldTheExactEnergy(@TempDir Path dir)
            throws IOException {
        Path sweep = dir.resolve("sweep");
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), sweep);
        SweepResult without = SweepAnalysis.analyze(sweep);
        AnalyzedCell chosen = without.cells().stream()
                .filter(c -> c.metrics().isOk() && c.attribution().isPresent())
                .findFirst()
                .orElseThrow();
        List<RequestTimeline> requests =
                chosen.requests().stream().map(AttributedRequest::timeline).toList();
        for (int i = 1; i < requests.size(); i++) {
            assertThat(requests.get(i).startEpochNanos())
                    .as("one request at a time, so the power is known")
                    .isGreaterThanOrEqualTo(requests.get(i - 1).endEpochNanos() + D);
        }
        Truth truth = new Truth(requests);
        String rail = chosen.metrics().rail().orElseThrow();
        LiveTrace dense = boxcarTrace(truth, requests, rail, D);
        Path file = chosen.directory().resolve(DenseTrace.FILE_NAME);
        LiveLog.open(file, List.of(dense), List.of()).close();
        assertThat(Files.readString(file)).contains("# sensor_delay hwmon/" + rail + " 10500000");

        SweepResult with = SweepAnalysis.analyze(sweep);
        AnalyzedCell cell = with.cells().stream()
                .filter(c -> c.directory().equals(chosen.directory()))
                .findFirst()
                .orElseThrow();
        assertThat(cell.powerTrace().orElseThrow().label()).isEqualTo("hwmon 10 ms");
        CellAttribution a = cell.attribution().orElseThrow();
        assertThat(a.requests()).hasSameSizeAs(requests);
        // Ignoring D, the same trace read at its stamps: each reading is the mean of the 10.5 ms before it, so the
        // windows read the power 5.25 ms late and smoothed.
        PowerTrace atStamps = LiveLog.read(file).traces().get("hwmon/" + rail);
        CellAttribution ignoringDelay = EnergyEstimators.automatic().attribute(atStamps, requests);
        double exactTotal = 0;
        for (int i = 0; i < requests.size(); i++) {
            RequestTimeline r = requests.get(i);
            for (Phase p : Phase.values()) {
                long start = p == Phase.DECODE ? r.firstTokenEpochNanos() : r.startEpochNanos();
                long end = p == Phase.PREFILL ? r.firstTokenEpochNanos() : r.endEpochNanos();
                double exact = truth.joules(start, end);
                EnergyEstimate e = a.requests().get(i).phase(p).energy();
                assertThat(e.covers(exact))
                        .as("request %d %s: %s ∌ %s", i, p, e, exact)
                        .isTrue();
            }
            exactTotal += truth.joules(r.startEpochNanos(), r.endEpochNanos());
        }
        EnergyEstimate total = a.cell().total();
        assertThat(total.covers(exactTotal)).as("%s ∌ %s", total, exactTotal).isTrue();
        // Per request the smoothing leaves about half the boxcar's (20 − 5 + 12 − 5) W × 10.5 ms / 8 = 0.029 J, where
        // the delay ignored adds the 5.25 ms lag, (5 − 20 + 12 − 5) W × 5.25 ms = −0.042 J, to the whole 0.029 J.
        double residual = Math.abs(total.joules() - exactTotal);
        double ignored = Math.abs(ignoringDelay.cell().total().joules() - exactTotal);
        System.out.printf(
                java.util.Locale.ROOT,
                "dense cell, %d requests, %s: total %s, exact %.4f J; ignoring D %.4f J%n",
                requests.size(),
                a.estimator(),
                total,
                exactTotal,
                ignoringDelay.cell().total().joules());
        assertThat(residual).isLessThan(ignored);

        // A declared request clock uncertainty reaches the dense cell's estimator with its D (placed D/2 ± U, not
        // dropped), and the tegrastats cells' too (D = 0: ± U); the estimates keep their D/2 placement or move by a
        // measured lag, and no interval narrows where the whole U is allowed for.
        SweepResult declared =
                SweepAnalysis.analyze(sweep, AnalysisOptions.defaults().withRequestClockUncertaintyNanos(3_000_000));
        for (int i = 0; i < declared.cells().size(); i++) {
            AnalyzedCell c = declared.cells().get(i);
            if (c.attribution().isEmpty()) {
                continue;
            }
            ReadingPlacement p = c.attribution().get().placement();
            assertThat(p.kind()).as("%s", c.directory()).isNotEqualTo(ReadingPlacement.Kind.NOMINAL);
            if (p.kind() == ReadingPlacement.Kind.FALLBACK) {
                assertThat(p.allowanceNanos()).isEqualTo(3_000_000);
                CellAttribution before = with.cells().get(i).attribution().orElseThrow();
                assertThat(c.attribution().get().cell().total().ci95HighJoules()
                                - c.attribution().get().cell().total().ci95LowJoules())
                        .isGreaterThanOrEqualTo(before.cell().total().ci95HighJoules()
                                - before.cell().total().ci95LowJoules());
            }
            long nominal = c.directory().equals(chosen.directory()) ? D / 2 : 0;
            assertThat(p.lagNanos()).isBetween(nominal - 3_000_000, nominal + 3_000_000);
        }

        // Every other cell, tegrastats only, is analyzed exactly as before.
        for (int i = 0; i < with.cells().size(); i++) {
            AnalyzedCell c = with.cells().get(i);
            if (!c.directory().equals(chosen.directory())) {
                assertThat(c.metrics()).isEqualTo(without.cells().get(i).metrics());
                assertThat(c.attribution()).isEqualTo(without.cells().get(i).attribution());
            }
        }
    }

    /**
     * A summary-only cell ({@code RUN_WINDOW}: the records file removed) with the same dense trace: analyzed with the
     * recorded delay and with a file that records none, against the exact energy per request (idle at 5 W exactly, so
     * the run-window model's only error is the readings').
     *
     * @return the cell's total joules per request, its interval's low and high, and the exact joules per request
     */
    private static double[] runWindowCell(Path sweep, long recordedDelay) throws IOException {
        SyntheticSweep.generate(SweepAnalysisTest.designedSpec(), sweep);
        AnalyzedCell chosen = SweepAnalysis.analyze(sweep).cells().stream()
                .filter(c -> c.metrics().isOk() && c.attribution().isPresent())
                .findFirst()
                .orElseThrow();
        List<RequestTimeline> requests =
                chosen.requests().stream().map(AttributedRequest::timeline).toList();
        Truth truth = new Truth(requests);
        String rail = chosen.metrics().rail().orElseThrow();
        LiveTrace dense = boxcarTrace(truth, requests, rail, recordedDelay);
        LiveLog.open(chosen.directory().resolve(DenseTrace.FILE_NAME), List.of(dense), List.of())
                .close();
        Files.delete(chosen.directory().resolve(SweepLayout.RECORDS));
        AnalyzedCell cell = SweepAnalysis.analyze(sweep).cells().stream()
                .filter(c -> c.directory().equals(chosen.directory()))
                .findFirst()
                .orElseThrow();
        assertThat(cell.metrics().estimator()).contains(RunWindowEstimator.NAME);
        assertThat(cell.powerTrace().orElseThrow().label()).isEqualTo("hwmon 10 ms");
        double exact = 0;
        for (RequestTimeline r : requests) {
            exact += truth.joules(r.startEpochNanos(), r.endEpochNanos());
        }
        Ci95 ci = cell.metrics().ci95(CellMetric.TOTAL_JOULES_PER_REQUEST).orElseThrow();
        return new double[] {cell.metrics().totalJoulesPerRequest(), ci.low(), ci.high(), exact / requests.size()};
    }

    @Test
    void aSummaryOnlyCellsRunWindowGetsTheDenseTracesSensorDelay(@TempDir Path dir) throws IOException {
        double[] with = runWindowCell(dir.resolve("with"), D);
        double[] ignoring = runWindowCell(dir.resolve("without"), 0);
        System.out.printf(
                java.util.Locale.ROOT,
                "RUN_WINDOW on the dense trace, per request: with D %.5f J [%.5f, %.5f], recorded D = 0 %.5f J [%.5f,"
                        + " %.5f], exact %.5f J%n",
                with[0],
                with[1],
                with[2],
                ignoring[0],
                ignoring[1],
                ignoring[2],
                with[3]);
        assertThat(with[3]).isEqualTo(ignoring[3]);
        assertThat(with[1]).isLessThanOrEqualTo(with[3]);
        assertThat(with[2]).isGreaterThanOrEqualTo(with[3]);
        assertThat(Math.abs(with[0] - with[3])).isLessThan(Math.abs(ignoring[0] - ignoring[3]));
    }

    /**
     * The dense trace a 10.5 ms boxcar sensor gives of the truth, every {@code STEP} from 2 s before the first request
     * to 2 s after the last, recording {@code recordedDelay} as its sensor delay.
     */
    private static LiveTrace boxcarTrace(Truth truth, List<RequestTimeline> requests, String rail, long recordedDelay) {
        long from = requests.get(0).startEpochNanos() - 2_000_000_000L;
        long to = requests.get(requests.size() - 1).endEpochNanos() + 2_000_000_000L;
        int n = (int) ((to - from) / STEP) + 1;
        LiveTrace dense = LiveTrace.builder("hwmon", List.of(rail))
                .capacity(n)
                .nominalIntervalNanos(STEP)
                .sensorDelayNanos(recordedDelay)
                .build();
        for (int k = 0; k < n; k++) {
            long t = from + k * STEP;
            dense.appendWatts(t, new double[] {truth.joules(t - D, t) / (D / 1e9)});
        }
        return dense;
    }
}
