package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.core.energy.TokenEnergy;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.tegrastats.RailSelection;
import io.github.tokjoule.tegrastats.TegrastatsLog;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The library example of the README, verbatim between the markers, run on the hand-made 15W cell. */
class ReadmeExampleTest {

    static final Path MODE = Path.of(
            "src/test/resources/io/github/tokjoule/examples/seed-two-cells/" + "jetson-non-reasoning-benchmark-15w");

    @Test
    void theReadmeExampleCompilesAndComputesTheWindowsTokensPerJoule() throws Exception {
        Path tegrastatsLog = MODE.resolve("tegrastats.log");
        Path aiperfSummary = MODE.resolve("smollm2-135m/gen64/ctx128/profile_export_aiperf.json");
        // README example begins
        ZoneId zone = ZoneId.of("Asia/Kolkata"); // the Jetson's zone: both tools print naive local time

        // 1. Parse a tegrastats log into the power trace of one rail (watts at sub-second sample times).
        TegrastatsLog log = TegrastatsLog.read(tegrastatsLog);
        SampleTimes times =
                log.times(zone, TimingOptions.nominalIntervalMillis(500)).orElseThrow();
        PowerTrace power =
                log.powerTrace(RailSelection.rail("VDD_CPU_GPU_CV"), times).trace();

        // 2. Read an aiperf export: its profiling window and the output tokens of its requests.
        AiperfProfile run = AiperfProfile.read(aiperfSummary, zone);
        TimeWindow window =
                TimeWindow.of(run.startTime().orElseThrow(), run.endTime().orElseThrow());
        double outputTokens =
                run.outputSequenceLength().orElseThrow().avgTokens().orElseThrow()
                        * run.requestCount().orElseThrow();

        // 3. Integrate the power over the window (trapezoid rule) and divide.
        double joules = power.energyJoules(window);
        double tokensPerJoule = TokenEnergy.tokensPerJoule(outputTokens, joules);
        System.out.printf("%.1f J over %.1f s, %.2f output tok/J%n", joules, window.durationSeconds(), tokensPerJoule);
        // README example ends

        // The fixture (SOURCES.md): 4 requests x 64 output tokens; VDD_CPU_GPU_CV is 4000 mW from 2 s before
        // start_time (23:30:10.0) to 2 s after end_time (23:30:21.7), so the energy is 4.0 W x 11.7 s = 46.8 J and
        // the window's output tok/J is 256 / 46.8 = 5.470.
        assertThat(window.durationSeconds()).isCloseTo(11.7, within(1e-9));
        assertThat(joules).isCloseTo(46.8, within(1e-6));
        assertThat(tokensPerJoule).isCloseTo(256 / 46.8, within(1e-6));
    }
}
