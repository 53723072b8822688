package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header of {@code tokjoule plan}: legend, duration, privileged steps, lasting changes, missing files. */
class PlanCommandTest extends CommandLineTest {

    private List<String> header() {
        return out.toString().lines().takeWhile(l -> l.startsWith("#")).toList();
    }

    @Test
    void theHeaderHasTheLegendOfEveryStepKind() {
        assertThat(run("plan", SweepCommandTest.SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        assertThat(header().get(0))
                .isEqualTo(
                        "# tokjoule plan plans/seed-orin-nano-super.json: 384 cells (4 power modes x 8 models x 3 gen x"
                                + " 4 ctx), 20 requests each + 1 warm-up, concurrency 1");
        assertThat(header())
                .contains(
                        "#   RUN    run a process and wait for it to finish",
                        "#   START  start a background process (server, tegrastats)",
                        "#   STOP   stop a process started earlier (SIGTERM to that process only)",
                        "#   HTTP   an HTTP request to the inference server",
                        "#   WRITE  write a file",
                        "#   SLEEP  pause (cooldowns; the wait for the first tegrastats sample)");
        // every kind printed among the steps is in the legend
        for (String kind : out.toString()
                .lines()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(' ')))
                .distinct()
                .toList()) {
            assertThat(header()).anySatisfy(h -> assertThat(h).startsWith("#   " + kind + " "));
        }
    }

    @Test
    void theDurationAddsEveryPauseAndTheRequestsAtTheAssumedRates() {
        assertThat(run("plan", SweepCommandTest.SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        // pauses, from the plan: 4 modes x 45 s + 32 models x (12 + 30) s + 384 cells x (0.5 s first sample + 1 s
        // two intervals + 10 s) = 180 + 1344 + 4416 = 5940 s = 1 h 39 min, in 4 + 64 + 1152 = 1220 SLEEP steps.
        // requests: 21 per cell (20 + 1 warm-up, concurrency 1) x (ctx / 1640 + gen / 38) summed over 32 model-modes
        // x gen {64, 128, 256} x ctx {128, 512, 1024, 2048} = 36253.15 s = 10 h 4 min (python3 -c "print(sum(21*(c/1640
        // +g/38) for m in range(32) for g in (64,128,256) for c in (128,512,1024,2048)))"); total 42193 s = 11 h 43 min
        assertThat(header())
                .contains(
                        "# Estimated duration: about 11 h 43 min, not counting model loads",
                        "#   pauses:   1 h 39 min in 1220 SLEEP steps (exact, before any inference)")
                .anySatisfy(l -> assertThat(l).startsWith("#   requests: about 10 h 4 min: per cell 21 round(s)"))
                .contains(
                        "#   not counted: 32 model loads (each waits at most 5 min for the server) and their smoke tests");
        out.getBuffer().setLength(0);
        // twice the rates: the requests take half as long (18126.57 s = 5 h 2 min), the pauses the same
        assertThat(run(
                        "plan",
                        SweepCommandTest.SEED_PLAN.toString(),
                        "--assume-decode-tok-s",
                        "76",
                        "--assume-prefill-tok-s",
                        "3280"))
                .isZero();
        assertThat(header()).anySatisfy(l -> assertThat(l).startsWith("#   requests: about 5 h 2 min:"));
        assertThat(run("plan", SweepCommandTest.SEED_PLAN.toString(), "--assume-decode-tok-s", "0"))
                .isEqualTo(2);
    }

    @Test
    void everyPrivilegedStepAndLastingChangeIsListed() {
        assertThat(run("plan", SweepCommandTest.SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        List<String> h = header();
        assertThat(h)
                .contains(
                        "# Privileged steps (run as root through sudo -n: allow exactly these in sudoers, see"
                                + " docs/DRIVER.md):",
                        "#   RUN sudo -n nvpmodel -m 3 <<< no",
                        "#   RUN sudo -n nvpmodel -m 2 <<< no",
                        "#   RUN sudo -n jetson_clocks   (x4)",
                        "#   RUN sudo -n jetson_clocks --fan   (x4)",
                        "#   START sudo -n tegrastats --interval 500 --logfile … >> … 2>&1   (x384)",
                        "#   STOP sudo -n tegrastats --interval 500 --logfile … (SIGTERM to this process only)   (x384)",
                        "#   RUN sudo -n chrt -f -p 10 <the hwmon sampler's thread>   (x384)   (where the board has INA3221"
                                + " rails; refused: sampled at normal priority, said in the cell)")
                .contains(
                        "#   - power mode left at MAXN_SUPER (nvpmodel -m 2), the sweep's last; restore yours with:"
                                + " sudo nvpmodel -m <id>",
                        "#   - fan at full speed (jetson_clocks --fan) until reboot")
                .anySatisfy(l -> assertThat(l).contains("reboot prompt is answered \"no\""))
                .anySatisfy(l -> assertThat(l).contains("clocks pinned at their maximum by jetson_clocks"));
        // every privileged step line of the plan is counted in the header (chrt is the sampler's, not a plan step)
        long privileged = out.toString()
                .lines()
                .filter(l -> !l.startsWith("#") && l.contains("sudo -n "))
                .count();
        long counted = h.stream()
                .filter(l -> (l.startsWith("#   RUN sudo") && !l.contains(" chrt "))
                        || l.startsWith("#   START sudo")
                        || l.startsWith("#   STOP sudo"))
                .mapToLong(l -> l.endsWith(")") && l.contains("   (x")
                        ? Long.parseLong(l.substring(l.lastIndexOf("(x") + 2, l.length() - 1))
                        : 1)
                .sum();
        assertThat(counted).isEqualTo(privileged);
    }

    @Test
    void everyMissingModelFileIsNamed() {
        assertThat(run("plan", SweepCommandTest.SEED_PLAN.toString(), "--run-dir", dir.toString()))
                .isZero();
        List<String> h = header();
        assertThat(h).contains("# MISSING model files (8): the sweep would stop before it runs anything.");
        for (int i = 0; i < 8; i++) {
            int model = i;
            assertThat(h).anySatisfy(l -> assertThat(l)
                    .startsWith("#   $.models[" + model + "].gguf: model file does" + " not exist: \""));
        }
        assertThat(err.toString())
                .isEqualTo("tokjoule plan: warning: 8 model file(s) missing (listed in the header): the sweep would"
                        + " refuse to start" + System.lineSeparator());
    }

    @Test
    void aPlanWithItsFilesSaysSo() throws Exception {
        Files.writeString(dir.resolve("m.gguf"), "x");
        Path plan = Files.writeString(
                dir.resolve("small.json"),
                "{\"modes\": [{\"id\": 1, \"label\": \"25W\"}], \"models\": [{\"name\": \"m\", \"gguf\": \"m.gguf\","
                        + " \"tokenizer\": \"t\"}], \"promptLengths\": [128], \"genLengths\": [64],"
                        + " \"requestsPerCell\": 4, \"warmupRequests\": 0, \"jetsonClocksFan\": false}");
        assertThat(run("plan", plan.toString(), "--run-dir", dir.resolve("run").toString()))
                .isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(header()).contains("# Model files: all 1 present.").noneSatisfy(l -> assertThat(l)
                .contains("fan at full speed"));
        assertThat(PlanHeader.human(Duration.ofSeconds(3599))).isEqualTo("59 min 59 s");
        assertThat(PlanHeader.human(Duration.ofSeconds(300))).isEqualTo("5 min");
        assertThat(PlanHeader.human(Duration.ofSeconds(7170))).isEqualTo("2 h 0 min");
        assertThat(PlanHeader.human(Duration.ofMillis(44_600))).isEqualTo("45 s");
    }
}
