package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The fleet job gives a dense trace's sensor delay to the join, as the sweep analysis does: a board whose power is
 * known (idle 5 W, prefill 20 W, decode 12 W, steps at the requests' edges), read every 10 ms by a sensor that reports
 * the exact mean of its last 10.5 ms (the INA3221's {@code D} at {@code samples=4, update_interval=6}), so each
 * request's energy is exact. The job's estimator is the analysis's default, {@code automatic()}.
 */
class BoardJoinSensorDelayTest {

    private static final long MS = 1_000_000L;
    private static final long D = 10_500_000L;
    private static final long STEP = 10 * MS;

    /** Ten requests from 1 s, every 700 ms: a 60 ms prefill and a 340 ms decode. */
    private static List<RequestTimeline> requests() {
        List<RequestTimeline> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = 1000 * MS + i * 700 * MS + i * 3 * MS; // off the sampling grid by a few ms each
            out.add(RequestTimeline.succeeded(start, start + 60 * MS, start + 400 * MS, 100, 50));
        }
        return out;
    }

    /** {@code ∫₀ᵗ} of the power in W·ns. */
    private static double cumulative(List<RequestTimeline> requests, long t) {
        double sum = 5.0 * t;
        for (RequestTimeline r : requests) {
            sum += 15.0 * Math.max(0, Math.min(t, r.firstTokenEpochNanos()) - r.startEpochNanos());
            sum += 7.0 * Math.max(0, Math.min(t, r.endEpochNanos()) - r.firstTokenEpochNanos());
        }
        return sum;
    }

    private static List<BoardEvent> events(List<RequestTimeline> requests, long recordedDelay) {
        return events(requests, D, recordedDelay);
    }

    /** The requests, then readings of a boxcar of {@code d} every 10 ms from 0 to 9 s. */
    private static List<BoardEvent> events(List<RequestTimeline> requests, long d, long recordedDelay) {
        List<BoardEvent> out = new ArrayList<>();
        for (RequestTimeline r : requests) {
            out.add(BoardEvent.request("a", Ramp.CELL, "VDD_IN", r));
        }
        for (long t = 0; t <= 9000 * MS; t += STEP) {
            double watts = (cumulative(requests, t) - cumulative(requests, t - d)) / d;
            out.add(BoardEvent.sample("a", t, watts, STEP, recordedDelay));
        }
        return out;
    }

    /**
     * A sensor that averages over more than the gaps (a 300 ms boxcar, requests 100 ms apart): the fleet's cell is the
     * span less the gaps, as the estimator gives it on the whole trace (the cell's samples reach D + 10 intervals
     * beyond its requests, where the floor is), and its interval holds the exact energy.
     */
    @Test
    void aSensorAveragingOverTheGapsGivesTheSpanLessTheGaps() {
        long d = 300 * MS;
        List<RequestTimeline> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = 2000 * MS + i * 500 * MS + i * 3 * MS;
            requests.add(RequestTimeline.succeeded(start, start + 60 * MS, start + 400 * MS, 100, 50));
        }
        List<BoardEvent> all = events(requests, d, d);
        CellFigures fleet = Collecting.run("a", JoinSettings.defaults(), all, EnergyEstimators.automatic())
                .cells
                .get(0);
        List<BoardEvent> samples = all.subList(requests.size(), all.size());
        PowerTrace trace = PowerTrace.of(
                        samples.stream().mapToLong(BoardEvent::epochNanos).toArray(),
                        samples.stream().mapToDouble(BoardEvent::watts).toArray())
                .withNominalIntervalNanos(STEP);
        CellEnergy direct =
                EnergyEstimators.automatic(d).attribute(trace, requests).cell();
        double exact = 10 * 5.28;
        assertThat(fleet.estimator()).isEqualTo("SPAN");
        assertThat(fleet.totalJoules()).isCloseTo(direct.total().joules(), within(1e-9));
        assertThat(fleet.totalLowJoules()).isCloseTo(direct.total().ci95LowJoules(), within(1e-9));
        assertThat(fleet.totalHighJoules()).isCloseTo(direct.total().ci95HighJoules(), within(1e-9));
        assertThat(fleet.totalLowJoules()).isLessThanOrEqualTo(exact);
        assertThat(fleet.totalHighJoules()).isGreaterThanOrEqualTo(exact);
        System.out.printf(
                Locale.ROOT,
                "fleet, 300 ms boxcar, gaps 100 ms: %s %.4f J [%.4f, %.4f], exact %.4f J%n",
                fleet.estimator(),
                fleet.totalJoules(),
                fleet.totalLowJoules(),
                fleet.totalHighJoules(),
                exact);
    }

    @Test
    void theSamplesSensorDelayReachesTheEstimator() throws IOException {
        List<RequestTimeline> requests = requests();
        double exact = 0;
        for (RequestTimeline r : requests) {
            exact += (cumulative(requests, r.endEpochNanos()) - cumulative(requests, r.startEpochNanos())) / 1e9;
        }
        // 10 × (20 W × 0.06 s + 12 W × 0.34 s) = 10 × 5.28 J = 52.8 J
        assertThat(exact).isCloseTo(52.8, within(1e-9));
        CellFigures with = Collecting.run(
                        "a", JoinSettings.defaults(), events(requests, D), EnergyEstimators.automatic())
                .cells
                .get(0);
        CellFigures without = Collecting.run(
                        "a", JoinSettings.defaults(), events(requests, 0), EnergyEstimators.automatic())
                .cells
                .get(0);
        // the same figures as the estimator given D on the cell's samples
        List<BoardEvent> samples =
                events(requests, D).subList(requests.size(), events(requests, D).size());
        PowerTrace trace = PowerTrace.of(
                        samples.stream().mapToLong(BoardEvent::epochNanos).toArray(),
                        samples.stream().mapToDouble(BoardEvent::watts).toArray())
                .withNominalIntervalNanos(STEP);
        CellEnergy direct =
                EnergyEstimators.automatic(D).attribute(trace, requests).cell();
        assertThat(with.estimator())
                .isEqualTo(
                        EnergyEstimators.automatic(D).attribute(trace, requests).estimator());
        assertThat(with.totalJoules()).isCloseTo(direct.total().joules(), within(1e-9));
        assertThat(with.totalLowJoules()).isCloseTo(direct.total().ci95LowJoules(), within(1e-9));
        assertThat(with.totalHighJoules()).isCloseTo(direct.total().ci95HighJoules(), within(1e-9));
        System.out.printf(
                Locale.ROOT,
                "fleet, 10.5 ms boxcar at 100 Hz: with D %.4f J [%.4f, %.4f], without %.4f J [%.4f, %.4f], exact %.4f J%n",
                with.totalJoules(),
                with.totalLowJoules(),
                with.totalHighJoules(),
                without.totalJoules(),
                without.totalLowJoules(),
                without.totalHighJoules(),
                exact);
        assertThat(with.totalLowJoules()).isLessThanOrEqualTo(exact);
        assertThat(with.totalHighJoules()).isGreaterThanOrEqualTo(exact);
        assertThat(Math.abs(with.totalJoules() - exact)).isLessThan(Math.abs(without.totalJoules() - exact));

        // the delay survives a checkpoint: a join restored mid-stream attributes as the one that ran on
        List<BoardEvent> all = events(requests, D);
        BoardJoin first = new BoardJoin("a", JoinSettings.defaults());
        Collecting head = new Collecting();
        int half = requests.size() + 300;
        for (BoardEvent e : all.subList(0, half)) {
            first.accept(e, EnergyEstimators.automatic(), head);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.writeTo(new DataOutputStream(bytes));
        BoardJoin restored = BoardJoin.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        Collecting tail = new Collecting();
        for (BoardEvent e : all.subList(half, all.size())) {
            restored.accept(e, EnergyEstimators.automatic(), tail);
        }
        restored.finish(EnergyEstimators.automatic(), tail);
        assertThat(tail.cells).containsExactly(with);

        assertThatThrownBy(() -> BoardEvent.sample("a", 0, 1, STEP, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensorDelayNanos must not be negative: -1");
    }
}
