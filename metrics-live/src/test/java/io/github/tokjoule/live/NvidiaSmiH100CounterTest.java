package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.ReadingPlacement;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.source.NvidiaSmiSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code tokjoule monitor --source nvidia-smi} on a real H100 under a real LLM workload, against the GPU's
 * energy counter: a truth no model of ours wrote. Data: {@code benchmarks/gpu/data/run-c} (resources {@code h100/};
 * SOURCES.md), 180 requests in 9 cells of 20. The log is what the command wrote, read back with {@link LiveLog#read};
 * each rail becomes a {@link LiveTrace} with the sensor delay the log records, and {@link LiveMeter} measures every
 * request's window and every cell's group, as a load generator would have done live. The truth of a request and its
 * bound are {@code truth_requests.csv} (the counter's 100 ms refreshes split by the GPU's state, docs/ANALYSIS.md
 * §10.2); a request is "truthful" when its bound is at most 2 % of its energy. Figures in docs/LIVE.md.
 */
class NvidiaSmiH100CounterTest {

    private static final String INSTANT = "nvidia-smi/power.draw.instant";
    private static final String MEAN = "nvidia-smi/power.draw";

    private static LiveLog.Contents log;
    private static final List<Request> REQUESTS = new ArrayList<>();

    record Request(int cell, RequestTimeline timeline, double truth, double bound) {
        boolean truthful() {
            return bound <= 0.02 * truth;
        }
    }

    @BeforeAll
    static void read(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("power.jsonl");
        try (InputStream in = new GZIPInputStream(resource("power_nvidia_smi.jsonl.gz"))) {
            Files.copy(in, file);
        }
        log = LiveLog.read(file);
        List<String[]> requests = csv("requests.csv");
        List<String[]> truth = csv("truth_requests.csv");
        assertThat(requests).hasSize(180).hasSameSizeAs(truth);
        for (int i = 0; i < requests.size(); i++) {
            String[] r = requests.get(i);
            String[] t = truth.get(i);
            assertThat(t[0] + "," + t[1]).isEqualTo(r[0] + "," + r[1]);
            RequestTimeline timeline = RequestTimeline.succeeded(
                    Long.parseLong(r[4]),
                    Long.parseLong(r[5]),
                    Long.parseLong(r[6]),
                    Double.parseDouble(r[2]),
                    Double.parseDouble(r[3]));
            REQUESTS.add(
                    new Request(Integer.parseInt(r[0]), timeline, Double.parseDouble(t[2]), Double.parseDouble(t[3])));
        }
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(
                NvidiaSmiH100CounterTest.class.getResourceAsStream("/h100/" + name), "resource h100/" + name);
    }

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            in.readLine(); // header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    /** The log's rail as a live trace, with the delay the log records, as the source had built it live. */
    /** The meter with the delay the log records. */
    private static LiveMeter meter(String key) {
        return meter(key, log.sensorDelayNanos(key));
    }

    private static LiveMeter meter(String key, long delayNanos) {
        PowerTrace t = log.traces().get(key);
        LiveTrace trace = LiveTrace.builder("nvidia-smi", List.of(key.substring(key.indexOf('/') + 1)))
                .capacity(t.size() + 1)
                .nominalIntervalNanos(t.nominalIntervalNanos())
                .sensorDelayNanos(delayNanos)
                .placementUncertaintyNanos(
                        delayNanos == NvidiaSmiSource.INSTANT_DELAY_NANOS
                                ? NvidiaSmiSource.INSTANT_PLACEMENT_UNCERTAINTY_NANOS
                                : 0)
                .build();
        double[] w = new double[1];
        for (int i = 0; i < t.size(); i++) {
            w[0] = t.wattsAt(i);
            trace.appendWatts(t.epochNanosAt(i), w);
        }
        return LiveMeter.of(List.of(trace), LiveClock.system());
    }

    /** Per-request figures: over the truthful windows, and the share of all windows that meet the truth's bound. */
    record Figures(
            int truthful,
            double coverage,
            double medianError,
            double p90Error,
            double maxError,
            double medianHalfWidth,
            double meetsTruthRange) {}

    /**
     * Measures every request's window with the meter (which keeps each in its cell's group, for {@link
     * #groupsCovered}) and returns the figures.
     */
    private static Figures windows(LiveMeter meter, String key) {
        List<Double> errors = new ArrayList<>();
        List<Double> halves = new ArrayList<>();
        int covered = 0;
        int meets = 0;
        for (Request r : REQUESTS) {
            EnergyEstimate e = meter.measure("cell-" + r.cell(), r.timeline()).estimate(key);
            if (e.ci95LowJoules() <= r.truth() + r.bound() && e.ci95HighJoules() >= r.truth() - r.bound()) {
                meets++;
            }
            if (r.truthful()) {
                covered += e.covers(r.truth()) ? 1 : 0;
                errors.add(Math.abs(e.joules() - r.truth()) / r.truth());
                halves.add((e.ci95HighJoules() - e.ci95LowJoules()) / 2 / r.truth());
            }
        }
        Figures f = new Figures(
                errors.size(),
                (double) covered / errors.size(),
                median(errors),
                quantile(errors, 0.9),
                quantile(errors, 1.0),
                median(halves),
                (double) meets / REQUESTS.size());
        System.out.printf(Locale.ROOT, "%s, per request: %s%n", key, f);
        return f;
    }

    /**
     * Each cell's group total against the sum of its requests' truth (bound: the sum of their bounds): how many hold
     * it, each cell's estimator being {@code estimator}.
     */
    private static int groupsCovered(LiveMeter meter, String key, String estimator) {
        Map<Integer, double[]> truth = new TreeMap<>();
        for (Request r : REQUESTS) {
            double[] t = truth.computeIfAbsent(r.cell(), c -> new double[2]);
            t[0] += r.truth();
            t[1] += r.bound();
        }
        int covered = 0;
        List<Double> errors = new ArrayList<>();
        List<Double> halves = new ArrayList<>();
        for (Map.Entry<Integer, double[]> c : truth.entrySet()) {
            CellAttribution group = meter.group("cell-" + c.getKey()).get(key);
            assertThat(group.estimator()).isEqualTo(estimator);
            EnergyEstimate total = group.cell().total();
            double t = c.getValue()[0];
            boolean holds = total.covers(t);
            covered += holds ? 1 : 0;
            errors.add(Math.abs(total.joules() - t) / t);
            halves.add((total.ci95HighJoules() - total.ci95LowJoules()) / 2 / t);
            ReadingPlacement p = group.placement();
            System.out.printf(
                    Locale.ROOT,
                    "%s cell %d (%s, lag %s %.0f ± %.0f ms): %.1f J [%.1f, %.1f] against the counter's %.1f ± %.1f J:"
                            + " %+.2f %%%s%n",
                    key,
                    c.getKey(),
                    group.estimator(),
                    p.kind(),
                    p.lagNanos() / 1e6,
                    p.allowanceNanos() / 1e6,
                    total.joules(),
                    total.ci95LowJoules(),
                    total.ci95HighJoules(),
                    t,
                    c.getValue()[1],
                    100 * (total.joules() - t) / t,
                    holds ? "" : "  MISSED");
        }
        System.out.printf(
                Locale.ROOT,
                "%s groups: %d of %d covered, |error| median %.2f %%, half width median %.2f %% (%.1f x)%n",
                key,
                covered,
                truth.size(),
                100 * median(errors),
                100 * median(halves),
                median(halves) / median(errors));
        return covered;
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /** The lower empirical quantile (the value at rank ⌈q·n⌉), as the other coverage tests report. */
    private static double quantile(List<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.max(0, (int) Math.ceil(q * v.length) - 1)];
    }

    @Test
    void theLogIsWhatTheCommandWroteOnTheH100() {
        assertThat(log.traces().keySet())
                .containsExactly("nvidia-smi/power.draw", "nvidia-smi/power.draw.average", INSTANT);
        // the delays the source gives: the 1 s mean plus the driver's 100 ms refresh, and the refresh alone
        assertThat(log.sensorDelayNanos(MEAN)).isEqualTo(1_100_000_000L);
        assertThat(log.sensorDelayNanos(INSTANT)).isEqualTo(100_000_000L);
        // on an H100 power.draw is the 1 s mean: the two columns are one reading, printed from two reads, so at a
        // refresh between them a line can show the old and the new value
        double[] draw = log.traces().get(MEAN).watts();
        double[] average = log.traces().get("nvidia-smi/power.draw.average").watts();
        assertThat(draw).hasSameSizeAs(average);
        int same = 0;
        for (int i = 0; i < draw.length; i++) {
            same += draw[i] == average[i] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "power.draw = power.draw.average on %d of %d lines%n", same, draw.length);
        assertThat(same).isGreaterThanOrEqualTo((int) (0.99 * draw.length));
    }

    @Test
    void theWholeRunsEnergyAgreesWithTheCounter() throws IOException {
        List<String[]> knots = csv("counter_knots.csv");
        long from = Long.parseLong(knots.get(0)[0]);
        long to = Long.parseLong(knots.get(knots.size() - 1)[0]);
        double counter = (Long.parseLong(knots.get(knots.size() - 1)[1]) - Long.parseLong(knots.get(0)[1])) / 1e3;
        TimeWindow span = TimeWindow.of(from, to);
        for (String key : List.of(INSTANT, MEAN)) {
            double joules = log.joinTrace(key).energyJoules(span);
            System.out.printf(
                    Locale.ROOT,
                    "%s over the counter's %.1f s: %.1f J against %.1f J (ratio %.4f)%n",
                    key,
                    (to - from) / 1e9,
                    joules,
                    counter,
                    joules / counter);
            // measured 0.9968 (instant) and 0.9990 (mean) over 320 s and 82.7 kJ
            assertThat(joules / counter).isBetween(0.99, 1.01);
        }
    }

    @Test
    void theInstantReadingsWindowsAndGroupsAgainstTheCounter() {
        // The log was written when the source gave the instant reading the driver's refresh alone as its delay
        // (100 ms, recorded in the log); the source now gives it twice its lag measured on runs A and B (180 ms).
        assertThat(log.sensorDelayNanos(INSTANT)).isEqualTo(100_000_000L);
        Figures recorded = windows(meter(INSTANT, log.sensorDelayNanos(INSTANT)), INSTANT);
        LiveMeter meter = meter(INSTANT, NvidiaSmiSource.INSTANT_DELAY_NANOS);
        Figures f = windows(meter, INSTANT);
        // the gaps (0.1-0.5 s, median 0.2-0.37 s per cell) are mostly longer than 0.18 s: pooled, as before; the
        // readings' lag measured per cell at the requests' edges (D/2 ± 60 ms)
        int groups = groupsCovered(meter, INSTANT, "POOLED");
        System.out.printf(Locale.ROOT, "%s: %d of 9 groups covered%n", INSTANT, groups);
        // measured 8 of 9 (6 of 9 at the nominal 90 ms); the miss, cell 9, is the readings' own: over the cell's
        // whole span, whose two edges lie in idle, the trace holds 6.4 % less than the counter (docs/LIVE.md)
        assertThat(groups).isGreaterThanOrEqualTo(8);
        // measured: 84.5 % with 100 ms, 90.5 % with 180 ms (76 of 84 truthful requests)
        assertThat(recorded.coverage()).isLessThan(0.90);
        assertThat(f.coverage()).isGreaterThanOrEqualTo(0.90);
        assertThat(f.medianHalfWidth()).isLessThanOrEqualTo(10 * f.medianError());
    }

    /**
     * Why a group of the instant reading may miss whatever its placement: over each cell's whole span (first start to
     * last end, both edges in idle, so the lag hardly matters) the 10 Hz point readings' own energy against the
     * counter's.
     */
    @Test
    void theInstantReadingsOwnErrorOverEachCellsSpan() throws IOException {
        List<String[]> knots = csv("counter_knots.csv");
        long[] t = new long[knots.size()];
        double[] joules = new double[knots.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Long.parseLong(knots.get(i)[0]);
            joules[i] = Long.parseLong(knots.get(i)[1]) / 1e3;
        }
        // the counter's cumulative energy, linear between its knots
        PowerTrace trace = log.joinTrace(INSTANT);
        Map<Integer, long[]> spans = new TreeMap<>();
        for (Request r : REQUESTS) {
            long[] span = spans.computeIfAbsent(r.cell(), c -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            span[0] = Math.min(span[0], r.timeline().startEpochNanos());
            span[1] = Math.max(span[1], r.timeline().endEpochNanos());
        }
        double worst = 0;
        for (Map.Entry<Integer, long[]> c : spans.entrySet()) {
            long a = c.getValue()[0];
            long b = c.getValue()[1];
            double counter = counterAt(t, joules, b) - counterAt(t, joules, a);
            double readings = trace.energyJoules(TimeWindow.of(a, b));
            System.out.printf(
                    Locale.ROOT,
                    "%s cell %d: over its %.1f s span the readings hold %.1f J, the counter %.1f J (%+.2f %%)%n",
                    INSTANT,
                    c.getKey(),
                    (b - a) / 1e9,
                    readings,
                    counter,
                    100 * (readings - counter) / counter);
            worst = Math.min(worst, (readings - counter) / counter);
        }
        // measured -6.4 % for cell 9 (20 requests of 0.41 s with 48 ms prefills), -3.4 % to +4.9 % elsewhere
        assertThat(worst).isLessThan(-0.06);
    }

    private static double counterAt(long[] t, double[] joules, long x) {
        int i = Arrays.binarySearch(t, x);
        if (i >= 0) {
            return joules[i];
        }
        int k = -i - 2;
        return joules[k] + (joules[k + 1] - joules[k]) * (x - t[k]) / (double) (t[k + 1] - t[k]);
    }

    @Test
    void theOneSecondMeansWindowsAndGroupsAgainstTheCounter() {
        assertThat(log.sensorDelayNanos(MEAN)).isEqualTo(NvidiaSmiSource.AVERAGING_WINDOW_NANOS + 100_000_000L);
        LiveMeter meter = meter(MEAN);
        Figures f = windows(meter, MEAN);
        // a one-second mean smears every request into the 0.1-0.5 s gaps: the group is the span less the gaps
        int groups = groupsCovered(meter, MEAN, "SPAN");
        System.out.printf(Locale.ROOT, "%s: %d of 9 groups covered%n", MEAN, groups);
        assertThat(f.coverage()).isGreaterThanOrEqualTo(0.90);
        // measured 9 of 9 (errors -0.2 to +2.3 %); 0 of 9 with the pooled total (-2.5 to -33 %)
        assertThat(groups).isEqualTo(9);
    }
}
