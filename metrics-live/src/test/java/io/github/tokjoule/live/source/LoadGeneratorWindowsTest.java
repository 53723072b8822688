package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveMeter;
import io.github.tokjoule.live.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window API as a load generator uses it, against the real hwmon sampler at 100 Hz on a fake Jetson tree: eight
 * client threads, each opening a window around every request (marking its first token, ending it with its token
 * counts) and a nested window inside it; a window begun on one thread and ended on another. The power is constant (6 W
 * and 2 W), so the truth of every window is P × its length: every window's energy, interval and coverage, and the
 * group's total, must agree with it.
 */
class LoadGeneratorWindowsTest {

    private static final int CLIENTS = 8;
    private static final int REQUESTS = 15;

    @Test
    void concurrentNestedAndHandedOverWindowsHoldTheTruth(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1200);
        sysfs.channel(2, "VDD_CPU_GPU_CV", 5000, 400);
        LiveClock clock = LiveClock.system();
        List<Measurement> all = Collections.synchronizedList(new ArrayList<>());
        List<Long> endMillis = Collections.synchronizedList(new ArrayList<>());
        try (HwmonSource hwmon = HwmonSource.open(dir, 10_000_000L, 10_000, clock)) {
            hwmon.start();
            LiveMeter meter = LiveMeter.of(hwmon.traces(), clock);
            LinkedBlockingQueue<LiveMeter.Window> handOver = new LinkedBlockingQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = c;
                clients.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < REQUESTS; i++) {
                        LiveMeter.Window request = meter.begin("chat-512-128");
                        LiveMeter.Window handed = meter.begin("handed");
                        sleep(2 + random.nextInt(15));
                        LiveMeter.Window nested = meter.begin("decode-part");
                        request.markFirstToken();
                        sleep(5 + random.nextInt(30));
                        all.add(nested.end());
                        handOver.add(handed); // ended by another client below
                        long before = System.nanoTime();
                        all.add(request.end(512, 128));
                        endMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
                        LiveMeter.Window other = handOver.poll();
                        if (other != null) {
                            all.add(other.end());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            for (LiveMeter.Window left; (left = handOver.poll()) != null; ) {
                all.add(left.end());
            }
            assertThat(all).hasSize(3 * CLIENTS * REQUESTS);
            for (Measurement m : all) {
                for (Map.Entry<String, Double> rail :
                        Map.of("hwmon/VDD_IN", 6.0, "hwmon/VDD_CPU_GPU_CV", 2.0).entrySet()) {
                    double truth = rail.getValue() * m.seconds();
                    assertThat(m.joules(rail.getKey())).as(m.name()).isCloseTo(truth, within(truth));
                    assertThat(m.estimate(rail.getKey()).covers(truth))
                            .as(m.name())
                            .isTrue();
                    assertThat(m.energies().get(rail.getKey()).coverage().extrapolated())
                            .as(m.name())
                            .isFalse();
                }
            }
            // end() waits for the sampler to pass the end plus the sensor delay: about 20 ms at 100 Hz.
            assertThat(Collections.max(endMillis))
                    .isLessThan(meter.defaultWait().toMillis() + 1000);
            assertThat(meter.groupNames()).containsExactly("chat-512-128", "decode-part", "handed");
            CellAttribution cell = meter.group("chat-512-128").get("hwmon/VDD_IN");
            assertThat(cell.requests()).hasSize(CLIENTS * REQUESTS);
            assertThat(cell.excluded()).isEmpty();
            double truth = all.stream()
                    .filter(m -> m.name().equals("chat-512-128"))
                    .mapToDouble(m -> 6.0 * m.seconds())
                    .sum();
            assertThat(cell.cell().total().covers(truth)).isTrue();
            assertThat(cell.cell().outputTokens()).isEqualTo(128.0 * CLIENTS * REQUESTS);
        }
    }

    /** A relative tolerance of 1e-9 of the truth (rounding of the cumulative energy only). */
    private static org.assertj.core.data.Offset<Double> within(double truth) {
        return org.assertj.core.data.Offset.offset(1e-9 * Math.max(truth, 1e-3));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
