package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplSourceTest {

    private static final long MAX = 262_143_328_850L; // a real package's max_energy_range_uj (2^32 × 61.035 µJ)

    @Test
    void unwrapsTheCounterAndNamesSubZones(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        Path pkg = sysfs.raplZone("0", "package-0", MAX - 3_000_000, MAX);
        Path core = sysfs.raplZone("0:0", "core", 1_000_000, MAX);
        try (RaplSource source = RaplSource.open(dir, 10_000_000L, 100, LiveClock.system())) {
            LiveTrace trace = source.traces().get(0);
            assertThat(trace.rails()).containsExactly("package-0", "package-0/core");
            assertThat(trace.reading()).isEqualTo(LiveTrace.Reading.ENERGY_COUNTER);
            source.sample(System.nanoTime());
            Thread.sleep(2);
            // +2 J on the package, then a wrap: MAX − 1 J → 4 J is 1 J + 4 J = 5 J more; the core +0.5 J each time.
            FakeSysfs.rewrite(pkg.resolve("energy_uj"), MAX - 1_000_000);
            FakeSysfs.rewrite(core.resolve("energy_uj"), 1_500_000);
            source.sample(System.nanoTime());
            Thread.sleep(2);
            FakeSysfs.rewrite(pkg.resolve("energy_uj"), 4_000_000);
            FakeSysfs.rewrite(core.resolve("energy_uj"), 2_000_000);
            source.sample(System.nanoTime());
            assertThat(source.wraps()).containsExactly(1, 0);
            assertThat(trace.size()).isEqualTo(3);
            assertThat(trace.totalJoules(0)).isCloseTo(7.0, within(1e-9));
            assertThat(trace.totalJoules(1)).isCloseTo(1.0, within(1e-9));
            TimeWindow all = trace.snapshot(0).span().orElseThrow();
            assertThat(trace.energy("package-0", all).joules()).isCloseTo(7.0, within(1e-9));
            assertThat(source.status().facts().values())
                    .anySatisfy(v -> assertThat(v).contains("max_energy_range_uj=" + MAX));
        }
    }

    @Test
    void noZoneOrNoRangeIsAClearError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RaplSource.open(dir, 10_000_000L, 100, LiveClock.system()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no RAPL zone");
        FakeSysfs sysfs = new FakeSysfs(dir);
        Path zone = sysfs.raplZone("0", "package-0", 5, MAX);
        FakeSysfs.write(zone.resolve("max_energy_range_uj"), "x");
        assertThatThrownBy(() -> RaplSource.open(dir, 10_000_000L, 100, LiveClock.system()))
                .hasMessageContaining("cannot be unwrapped");
    }
}
