package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.power.WindowEnergy;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The live trace against the slow reference: core's immutable {@link PowerTrace} of the same retained samples. */
class LiveTracePropertyTest {

    private static final long T0 = 1_765_000_000_000_000_000L;

    @Test
    void energyAndCoverageAgreeWithPowerTraceOfTheRetainedSamples() {
        qt().withExamples(300)
                .forAll(
                        integers().between(2, 64),
                        integers().between(1, 200),
                        longs().between(0, Long.MAX_VALUE),
                        longs().between(-5_000_000_000L, 250_000_000_000L))
                .checkAssert((capacity, count, seed, startOffset) -> {
                    Random random = new Random(seed);
                    LiveTrace live = LiveTrace.builder("p", List.of("A", "B"))
                            .capacity(capacity)
                            .nominalIntervalNanos(1_000_000_000L)
                            .build();
                    long t = T0;
                    for (int i = 0; i < count; i++) {
                        t += 1 + random.nextInt(2_000_000_000);
                        live.appendWatts(t, new double[] {random.nextDouble() * 50, random.nextInt(3)});
                    }
                    PowerTrace reference = live.snapshot(0);
                    PowerTrace referenceB = live.snapshot("B");
                    long start = reference.epochNanosAt(0) + startOffset;
                    long end = start + (long) (random.nextDouble() * 60e9);
                    long from = Math.max(start, reference.epochNanosAt(0));
                    TimeWindow window = TimeWindow.of(from, Math.max(from, end));
                    List<WindowEnergy> got = live.energies(window);
                    WindowEnergy expected = reference.energy(window);
                    assertThat(got.get(0).coverage()).isEqualTo(expected.coverage());
                    if (Double.isNaN(expected.joules())) {
                        assertThat(got.get(0).joules()).isNaN();
                    } else {
                        assertThat(got.get(0).joules())
                                .isCloseTo(expected.joules(), within(1e-9 * (1 + Math.abs(expected.joules()))));
                        assertThat(got.get(1).joules())
                                .isCloseTo(
                                        referenceB.energy(window).joules(),
                                        within(1e-9
                                                * (1 + referenceB.energy(window).joules())));
                    }
                });
    }

    /**
     * A writer appends a linear ramp P(t) = t (seconds since T0) while readers query: the trapezoid rule is exact for
     * a linear power, so every window inside the trace must have E = (e² − s²) / 2 whatever state the reader caught
     * the ring in. A torn read (a time from one sample, a power from another) breaks the identity.
     */
    @Test
    void readersSeeConsistentSamplesWhileTheWriterAppends() throws Exception {
        LiveTrace live = LiveTrace.builder("ramp", List.of("A"))
                .capacity(64)
                .nominalIntervalNanos(1_000_000L)
                .build();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            double[] w = new double[1];
            for (long i = 1; i <= 400_000; i++) {
                long t = T0 + i * 1_000_000L;
                w[0] = (t - T0) / 1e9;
                live.appendWatts(t, w);
            }
            done.set(true);
        });
        Runnable reader = () -> {
            try {
                Random random = new Random(7);
                while (!done.get()) {
                    long last = live.lastEpochNanos().orElse(T0);
                    if (last < T0 + 40_000_000L) {
                        continue;
                    }
                    long e = last - random.nextInt(5_000_000);
                    long s = e - random.nextInt(20_000_000);
                    double joules = live.energy("A", TimeWindow.of(s, e)).joules();
                    double sSec = (s - T0) / 1e9;
                    double eSec = (e - T0) / 1e9;
                    double exact = (eSec * eSec - sSec * sSec) / 2;
                    if (Math.abs(joules - exact) > 1e-9 * (1 + exact)) {
                        throw new AssertionError("window [" + s + ", " + e + "]: " + joules + " J, exact " + exact);
                    }
                }
            } catch (IllegalStateException evictedMeanwhile) {
                // A window picked near the oldest sample may be overwritten before the query: legitimate.
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        Thread r1 = new Thread(reader);
        Thread r2 = new Thread(reader);
        writer.start();
        r1.start();
        r2.start();
        writer.join();
        r1.join();
        r2.join();
        assertThat(failure.get()).isNull();
        assertThat(live.size()).isEqualTo(400_000);
    }
}
