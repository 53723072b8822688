package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.TimeWindow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveMeterTest {

    private static final long MS = 1_000_000L;

    /** A sampler of constant 5 W and 2 W rails every millisecond on the system clock, until stopped. */
    private static Thread sampler(LiveTrace trace, java.util.concurrent.atomic.AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            LiveClock clock = LiveClock.system();
            double[] w = {5, 2};
            while (!stop.get()) {
                trace.appendWatts(clock.nowEpochNanos(), w);
                java.util.concurrent.locks.LockSupport.parkNanos(MS);
            }
        });
        t.start();
        return t;
    }

    @Test
    void nestedAndOverlappingWindowsFromSeveralThreads() throws Exception {
        LiveTrace trace = LiveTrace.builder("hwmon", List.of("VDD_IN", "VDD_GPU"))
                .capacity(10_000)
                .nominalIntervalNanos(MS)
                .build();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = sampler(trace, stop);
        while (trace.size() < 2) {
            Thread.onSpinWait();
        }
        LiveMeter meter = LiveMeter.of(List.of(trace), LiveClock.system());
        LiveMeter.Window outer = meter.begin("outer");
        Thread.sleep(50);
        LiveMeter.Window inner = meter.begin("inner");
        CompletableFuture<Measurement> overlapping = CompletableFuture.supplyAsync(() -> {
            LiveMeter.Window w = meter.begin("other-thread");
            sleep(120);
            return w.end();
        });
        Thread.sleep(50);
        Measurement innerDone = inner.end();
        Measurement outerDone = outer.end();
        Measurement other = overlapping.get();
        stop.set(true);
        sampler.join();
        for (Measurement m : List.of(innerDone, outerDone, other)) {
            // Constant power: E = P · Δt exactly (to rounding), and the end is covered, not extrapolated.
            assertThat(m.joules("hwmon/VDD_IN")).isCloseTo(5 * m.seconds(), within(1e-9));
            assertThat(m.joules("hwmon/VDD_GPU")).isCloseTo(2 * m.seconds(), within(1e-9));
            assertThat(m.energies().get("hwmon/VDD_IN").coverage().extrapolated())
                    .isFalse();
        }
        assertThat(outerDone.window().startEpochNanos())
                .isLessThan(innerDone.window().startEpochNanos());
        assertThat(outerDone.window().endEpochNanos())
                .isGreaterThanOrEqualTo(innerDone.window().endEpochNanos());
        assertThat(innerDone.name()).isEqualTo("inner");
        assertThat(inner.name()).isEqualTo("inner");
        assertThatThrownBy(inner::end).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> innerDone.joules("hwmon/NOPE")).hasMessageContaining("hwmon/VDD_IN");
    }

    @Test
    void aSourceThatFallsSilentGivesAnExtrapolatedEndNotAHiddenOne() {
        LiveTrace trace = LiveTrace.builder("hwmon", List.of("VDD_IN"))
                .capacity(100)
                .nominalIntervalNanos(MS)
                .build();
        LiveClock clock = LiveClock.system();
        long now = clock.nowEpochNanos();
        trace.appendWatts(now - 10 * MS, new double[] {3});
        trace.appendWatts(now, new double[] {3});
        LiveMeter meter = LiveMeter.of(List.of(trace), clock);
        assertThat(meter.defaultWait()).isEqualTo(Duration.ofMillis(100).plusNanos(3 * MS));
        Measurement m = meter.begin("late").end(Duration.ofMillis(5));
        assertThat(m.energies().get("hwmon/VDD_IN").coverage().endExtrapolatedNanos())
                .isPositive();
        Measurement given = meter.measure("given", TimeWindow.of(now - 10 * MS, now));
        assertThat(given.joules("hwmon/VDD_IN")).isCloseTo(0.03, within(1e-12));
    }

    /**
     * Windows are kept by name and attributed together: 20 windows of 50 ms over a 1 kHz trace of 5 W (50 samples
     * each, so per window), each 0.25 J with a first token marked or given, tokens summed; a name never ended is a
     * clear error; forget drops the windows.
     */
    @Test
    void windowsOfOneNameAreAttributedAsAGroup() {
        LiveTrace trace = LiveTrace.builder("hwmon", List.of("VDD_IN"))
                .capacity(10_000)
                .nominalIntervalNanos(MS)
                .build();
        LiveClock clock = LiveClock.system();
        long t0 = clock.nowEpochNanos() - 2000 * MS;
        for (int i = 0; i <= 2000; i++) {
            trace.appendWatts(t0 + i * MS, new double[] {5});
        }
        LiveMeter meter = LiveMeter.of(List.of(trace), clock);
        for (int i = 0; i < 20; i++) {
            long start = t0 + (10 + 60L * i) * MS;
            Measurement m = meter.measure(
                    "req",
                    io.github.tokjoule.core.join.RequestTimeline.succeeded(
                            start, start + 20 * MS, start + 50 * MS, 100, 10));
            assertThat(m.estimate("hwmon/VDD_IN").covers(0.25)).isTrue();
        }
        LiveMeter.Window live = meter.begin("live");
        live.markFirstToken();
        assertThatThrownBy(live::markFirstToken).hasMessageContaining("already marked");
        live.end(Duration.ZERO);
        assertThatThrownBy(live::markFirstToken).hasMessageContaining("already ended");
        assertThat(meter.groupNames()).containsExactly("live", "req");
        io.github.tokjoule.core.join.CellAttribution req = meter.group("req").get("hwmon/VDD_IN");
        assertThat(req.estimator()).isEqualTo("PER_REQUEST");
        assertThat(req.requests()).hasSize(20);
        assertThat(req.cell().total().joules()).isCloseTo(5.0, within(1e-9)); // 20 × 5 W × 50 ms
        assertThat(req.cell().total().covers(5.0)).isTrue();
        assertThat(req.cell().outputTokens()).isEqualTo(200);
        assertThat(req.requests().get(0).prefill().joules()).isCloseTo(0.1, within(1e-9)); // 5 W × 20 ms
        assertThatThrownBy(() -> meter.group("nope")).hasMessageContaining("names: [live, req]");
        assertThat(meter.forget("req")).isEqualTo(20);
        assertThat(meter.forget("req")).isZero();
        assertThat(meter.groupNames()).containsExactly("live");
    }

    @Test
    void rejectsNoTracesAndDuplicateRails() {
        LiveTrace a = LiveTrace.builder("s", List.of("A")).build();
        LiveTrace b = LiveTrace.builder("s", List.of("A")).build();
        assertThatThrownBy(() -> LiveMeter.of(List.of(), LiveClock.system()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveMeter.of(List.of(a, b), LiveClock.system()))
                .hasMessageContaining("same source/rail");
    }

    @Test
    void clockMapsMonotonicTimeToTheEpoch() {
        LiveClock clock = LiveClock.mappedNow();
        long nano = System.nanoTime();
        assertThat(clock.toNanoTime(clock.toEpochNanos(nano))).isEqualTo(nano);
        long wall = System.currentTimeMillis() * MS;
        assertThat(Math.abs(clock.nowEpochNanos() - wall)).isLessThan(1000 * MS);
        assertThat(clock.toString()).startsWith("LiveClock[origin ");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
