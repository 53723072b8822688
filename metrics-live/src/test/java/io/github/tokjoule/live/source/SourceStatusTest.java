package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.live.LiveClock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStatusTest {

    /** The facts keep the order they were found in (a log's header is written in it), and cannot be changed. */
    @Test
    void factsKeepTheirOrderAndAreImmutable() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            facts.put("fact" + (19 - i), Integer.toString(i));
        }
        SourceStatus status = new SourceStatus("s", true, 1, 0, 0, Optional.empty(), facts);
        assertThat(status.facts().keySet()).containsExactlyElementsOf(facts.keySet());
        facts.put("later", "x");
        assertThat(status.facts()).doesNotContainKey("later");
        assertThatThrownBy(() -> status.facts().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    /** hwmon's facts in discovery order: the sensor delay, the chip, then each rail; the real-time outcome last. */
    @Test
    void hwmonFactsInDiscoveryOrder(@TempDir Path dir) throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir);
        sysfs.channel(1, "VDD_IN", 5000, 1000);
        sysfs.channel(2, "VDD_CPU_GPU_CV", 5000, 400);
        try (HwmonSource source = HwmonSource.open(dir, 10_000_000L, 100, LiveClock.system())) {
            assertThat(List.copyOf(source.status().facts().keySet()))
                    .containsExactly("sensor delay", "chip0", "rail VDD_IN", "rail VDD_CPU_GPU_CV", "realtime");
        }
    }
}
