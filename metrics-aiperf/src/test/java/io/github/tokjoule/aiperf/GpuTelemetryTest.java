package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GpuTelemetryTest {

    @Test
    void corpusTelemetryGivesOnePowerTracePerEndpointAndGpu() throws IOException {
        GpuTelemetry t = GpuTelemetry.read(TestFiles.path(TestFiles.PLOT_TELEMETRY));

        assertThat(t.report().isClean()).as(t.report().toString()).isTrue();
        assertThat(t.report().records()).isEqualTo(20);
        assertThat(t.traces()).hasSize(2);
        GpuTrace a = t.traces().get(0);
        assertThat(a.endpoint()).isEqualTo("http://localhost:9400/metrics");
        assertThat(a.gpuIndex()).isZero();
        assertThat(a.gpuUuid()).contains("GPU-ef6ef310-f8e2-cef9-036e-8f12d59b5ffc");
        assertThat(a.gpuName()).contains("NVIDIA RTX 6000 Ada Generation");
        assertThat(a.hostname()).contains("7a22ed6f1fd7");
        PowerTrace power = a.power();
        assertThat(power.size()).isEqualTo(10);
        assertThat(power.epochNanosAt(0)).isEqualTo(1762551530946074466L);
        assertThat(power.wattsAt(0)).isEqualTo(30.257);
        assertThat(power.wattsAt(9)).isEqualTo(119.776);
        // counter 32.62748095 MJ -> 32.627733932000005 MJ: (32.627733932000005 - 32.62748095) * 1e6 = 252.982 J
        assertThat(a.energyDeltaJoules()).isCloseTo(252.982, within(1e-6));
        assertThat(a.energyCounterJoules()[0]).isCloseTo(32_627_480.95, within(1e-6));
        assertThat(a.energyCounterEpochNanos()).hasSize(10);
        // the :9402 exporter sees the same GPU: 32.627743051 - 32.62748095 MJ = 262.101 J
        GpuTrace b = t.traces().get(1);
        assertThat(b.endpoint()).isEqualTo("http://localhost:9402/metrics");
        assertThat(b.energyDeltaJoules()).isCloseTo(262.101, within(1e-6));
        // whole-trace window equals the delta; a window outside the counter's samples is unknown
        long first = a.energyCounterEpochNanos()[0];
        long last = a.energyCounterEpochNanos()[9];
        assertThat(a.energyJoules(first, last)).isCloseTo(252.982, within(1e-6));
        assertThat(a.energyJoules(first - 1, last)).isNaN();
        assertThat(a.energyJoules(first, last + 1)).isNaN();
        assertThat(a.toString())
                .isEqualTo("GpuTrace[http://localhost:9400/metrics gpu 0, 10 power samples, 10 energy" + " samples]");
    }

    @Test
    void energyBetweenInstantsInterpolatesTheCounter() throws IOException {
        String text = line(0, 10.0, 1.0) + line(1_000_000_000L, 10.0, 1.000100) + line(3_000_000_000L, 10.0, 1.000300);
        GpuTrace g = read(text).traces().get(0);
        // counter in joules: 1,000,000 / 1,000,100 / 1,000,300 at 0 s, 1 s, 3 s
        // E(0.5 s) = 50 J, E(2 s) = 100 + (200 * 0.5) = 200 J -> 150 J between them
        assertThat(g.energyJoules(500_000_000L, 2_000_000_000L)).isCloseTo(150.0, within(1e-6));
        assertThat(g.energyJoules(1_000_000_000L, 1_000_000_000L)).isZero();
        assertThat(g.energyJoules(0, 3_000_000_000L)).isCloseTo(300.0, within(1e-6));
        assertThatThrownBy(() -> g.energyJoules(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endEpochNanos = 1 is before startEpochNanos = 2");
        GpuTrace single = read(line(5, 1.0, 2.0)).traces().get(0);
        assertThat(single.energyDeltaJoules()).isNaN();
        assertThat(single.energyJoules(5, 5)).isNaN();
    }

    @Test
    void disorderDuplicatesResetsAndBadValuesAreHandledAndReported() throws IOException {
        GpuTelemetry t = GpuTelemetry.read(TestFiles.path("fixtures/gpu-telemetry-odd.jsonl"));

        assertThat(t.traces()).hasSize(2);
        GpuTrace g = t.traces().get(0);
        assertThat(g.endpoint()).isEqualTo("pynvml://localhost");
        assertThat(g.gpuUuid()).contains("GPU-A");
        // sorted: 1000 (100 W), 2000 (200 W; the repeated 2000 is dropped), 3000 (negative: not a power), 4000 ("high")
        assertThat(g.power().epochNanos()).containsExactly(1000L, 2000L);
        assertThat(g.power().watts()).containsExactly(100.0, 200.0);
        // energy 9 J, 10 J, 1 J (reset), 4 J: increases 1 + 0 + 3 = 4 J
        assertThat(g.energyCounterJoules()).containsExactly(9.0, 10.0, 1.0, 4.0);
        assertThat(g.energyDeltaJoules()).isCloseTo(4.0, within(1e-9));
        GpuTrace amd = t.traces().get(1);
        assertThat(amd.gpuIndex()).isEqualTo(1);
        assertThat(amd.gpuUuid()).isEmpty();
        assertThat(amd.power().watts()).containsExactly(50.0);
        assertThat(amd.energyCounterJoules()).containsExactly(1e6);

        JsonLinesReport r = t.report();
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.issues())
                .extracting(ReadIssue::toString)
                .containsExactly(
                        "line 4: $.telemetry_data.nvidia_power_usage: -5.0 is not a finite, non-negative number; ignored",
                        "line 5: $.telemetry_data.nvidia_power_usage: expected a number, found the string \"high\";"
                                + " ignored",
                        "line 7: sample without gpu_index; skipped",
                        "line 8: $.dcgm_url: expected a string, found 7; ignored",
                        "line 8: $.gpu_index: expected a non-negative integer, found -1; ignored",
                        "line 8: $.timestamp_ns: expected an integer, found the string \"late\"; ignored",
                        "line 8: $.telemetry_data: expected an object, found an array; ignored",
                        "line 8: sample without gpu_index; skipped",
                        "$: pynvml://localhost gpu 0: samples out of time order; sorted by timestamp_ns",
                        "line 3: pynvml://localhost gpu 0: repeated timestamp_ns 2000; sample skipped",
                        "line 4: pynvml://localhost gpu 0: no power value; not in the power trace",
                        "line 4: pynvml://localhost gpu 0: energy counter decreased from 10.0 J to 1.0 J (reset?); the"
                                + " decrease is not counted as energy",
                        "line 5: pynvml://localhost gpu 0: no power value; not in the power trace");
        assertThatThrownBy(() -> GpuTelemetry.read(TestFiles.path("fixtures/gpu-telemetry-odd.jsonl"), true))
                .isInstanceOfSatisfying(AiperfFormatException.class, e -> assertThat(e.location())
                        .isEqualTo("line 4: $.telemetry_data.nvidia_power_usage"));
    }

    @Test
    void malformedAndTruncatedLines() throws IOException {
        String text = line(1, 1.0, 1.0) + "[1]\n" + line(2, 2.0, 1.0) + "{\"timestamp_ns\": 3, \"gpu_in";
        GpuTelemetry t = read(text);
        assertThat(t.traces().get(0).power().size()).isEqualTo(2);
        assertThat(t.report().malformedLines()).isEqualTo(1);
        assertThat(t.report().truncatedLastLine()).hasValue(4);
    }

    private static String line(long ns, double watts, double megajoules) {
        return "{\"timestamp_ns\": " + ns + ", \"dcgm_url\": \"u\", \"gpu_index\": 0, \"telemetry_data\":"
                + " {\"gpu_power_usage\": " + watts + ", \"energy_consumption\": " + megajoules + "}}\n";
    }

    private static GpuTelemetry read(String text) throws IOException {
        return GpuTelemetry.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.jsonl", false);
    }
}
