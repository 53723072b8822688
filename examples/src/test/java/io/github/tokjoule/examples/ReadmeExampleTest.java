package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.tegrastats.TegrastatsLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The library example of the README, verbatim between the markers, run on the hand-made 15W cell; a second test
 * checks that the README's code block is this code (whitespace aside), so that the two cannot drift apart.
 */
class ReadmeExampleTest {

    static final Path MODE = Path.of(
            "src/test/resources/io/github/tokjoule/examples/seed-two-cells/" + "jetson-non-reasoning-benchmark-15w");

    /** The README's first lines, which the test replaces by the fixture's paths. */
    static final String README_PATHS = "Path tegrastatsLog = Path.of(\"tegrastats.log\");\n"
            + "Path aiperfRecords = Path.of(\"profile_export.jsonl\");\n";

    static final String BEGIN = "// README example begins";
    static final String END = "// README example ends";

    @Test
    void theReadmeExampleGivesEachRequestsEnergyAndTokensPerJoule() throws Exception {
        Path tegrastatsLog = MODE.resolve("tegrastats.log");
        Path aiperfRecords = MODE.resolve("smollm2-135m/gen64/ctx128/profile_export.jsonl");
        // README example begins
        ZoneId zone = ZoneId.of("Asia/Kolkata"); // the Jetson's zone: tegrastats prints naive local time

        // 1. The power of one rail, from a tegrastats log: watts at sub-second sample times.
        PowerTrace power = TegrastatsLog.read(tegrastatsLog).powerTrace("VDD_CPU_GPU_CV", zone);

        // 2. Join aiperf's requests (start, first token, end, tokens) with it: each request's prefill, decode and
        //    total energy over its own windows. A request the trace does not cover is excluded, never extrapolated.
        CellAttribution cell = EnergyEstimators.perRequest().attribute(power, AiperfRecords.timelines(aiperfRecords));

        // 3. Check the coverage, then read the figures.
        cell.excluded().forEach(e -> System.out.printf("request %d excluded: %s%n", e.index(), e.reason()));
        for (AttributedRequest r : cell.requests()) {
            System.out.printf(
                    "request %d: %.2f output tok/J, prefill %.2f J (%d samples), decode %.2f J%n",
                    r.index(),
                    r.outputTokensPerJoule().tokensPerJoule(),
                    r.prefill().joules(),
                    r.prefill().coverage().samplesInside(),
                    r.decode().joules());
        }
        System.out.printf(
                "cell: %.2f output tok/J, the ratio of sums over %d requests%n",
                cell.cell().outputTokensPerJoule().tokensPerJoule(), cell.cell().requests());
        // README example ends

        // The fixture (SOURCES.md): 4 requests of 2.6 s, TTFT 600 ms, 64 output tokens each; VDD_CPU_GPU_CV is
        // 4000 mW from 23:30:08, 2.1 s before the first request, to 2 s after the last. Each request: prefill
        // 4 W x 0.6 s = 2.4 J, decode 4 W x 2.0 s = 8.0 J, total 10.4 J, 64 / 10.4 = 6.1538 output tok/J; the cell:
        // 256 / 41.6 = the same.
        assertThat(cell.excluded()).isEmpty();
        assertThat(cell.requests()).hasSize(4);
        for (AttributedRequest r : cell.requests()) {
            assertThat(r.prefill().joules()).isCloseTo(2.4, within(1e-9));
            assertThat(r.decode().joules()).isCloseTo(8.0, within(1e-9));
            assertThat(r.total().joules()).isCloseTo(10.4, within(1e-9));
            assertThat(r.outputTokensPerJoule().tokensPerJoule()).isCloseTo(64 / 10.4, within(1e-9));
            assertThat(r.total().coverage().extrapolated()).isFalse();
        }
        assertThat(cell.cell().outputTokensPerJoule().tokensPerJoule()).isCloseTo(256 / 41.6, within(1e-9));
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int mark = readme.indexOf("ZoneId zone = ZoneId.of(\"Asia/Kolkata\"); // the Jetson's zone: tegrastats");
        assertThat(mark).as("the README's library example").isPositive();
        int start = readme.lastIndexOf("```java\n", mark) + "```java\n".length();
        int end = readme.indexOf("```", mark);
        String source = Files.readString(
                Path.of("src/test/java/io/github/tokjoule/examples/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        int from = source.indexOf(BEGIN + "\n") + BEGIN.length() + 1;
        int to = source.indexOf(END, from);
        assertThat(squash(readme.substring(start, end))).isEqualTo(squash(README_PATHS + source.substring(from, to)));
    }

    /** The code without its layout: the formatter may wrap the test's lines where the README does not. */
    private static String squash(String code) {
        return code.replaceAll("\\s+", "");
    }
}
