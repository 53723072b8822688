package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.driver.SystemPaths;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.testing.ScriptedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPiecesTest {

    @TempDir
    Path root;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theAuditRecordsReleaseMemoryClocksModeAndToolsAndSaysWhatIsMissing() throws Exception {
        SystemPaths paths = SystemPaths.under(root);
        write(paths.nvTegraRelease(), "# R36 (release), REVISION: 4.7, GCID: 1\nsecond line\n");
        write(paths.meminfo(), "MemTotal:  7802352 kB\nCmaFree:  250112 kB\nHugePages_Total:  x\nbroken\n");
        write(paths.devfreqDir().resolve("17000000.gpu/cur_freq"), "1020000000\n");
        write(paths.devfreqDir().resolve("17000000.gpu/max_freq"), "bad\n");
        write(paths.devfreqDir().resolve("empty/other"), "1\n");
        write(paths.cpuDir().resolve("cpu0/cpufreq/scaling_cur_freq"), "1728000\n");
        write(paths.cpuDir().resolve("cpufreq/policy0"), "x\n");
        ScriptedRunner runner = new ScriptedRunner()
                .on("nvpmodel -q", 0, "NV Power Mode: 25W\n1\n")
                .on("jetson_clocks --show", 1, "must be root\n")
                .on("llama-server --version", 0, "version: 5290 (ef570f630)\n")
                .missing("aiperf");
        SystemAudit audit = SystemAudit.create(
                runner,
                JetsonCommands.of(JetsonCommandsTest.plan(""), List.of()),
                paths,
                Duration.ofSeconds(5),
                ZoneId.of("Asia/Kolkata"),
                Clock.fixed(Instant.parse("2026-05-25T23:25:00Z"), ZoneOffset.UTC));

        Path file = audit.write(root.resolve("run/audit"), "start", true);

        Map<?, ?> a = (Map<?, ?>) JsonTree.parse(Files.readString(file));
        assertThat(a.get("capturedAt")).isEqualTo("2026-05-25T23:25:00Z");
        assertThat(a.get("systemZone")).isEqualTo("Asia/Kolkata");
        assertThat(a.get("l4tRelease")).isEqualTo("# R36 (release), REVISION: 4.7, GCID: 1");
        assertThat(a.get("kernel").toString()).startsWith("unavailable: " + paths.kernelVersion() + " cannot be read");
        Map<?, ?> memory = (Map<?, ?>) a.get("memory");
        assertThat(memory.get("MemTotalKilobytes")).isEqualTo(7802352L);
        assertThat(memory.get("CmaFreeKilobytes")).isEqualTo(250112L);
        assertThat(memory.get("CmaTotalKilobytes").toString()).startsWith("unavailable: not in");
        assertThat(a.get("nvpmodel")).isEqualTo("NV Power Mode: 25W\n1");
        Map<?, ?> clocks = (Map<?, ?>) a.get("clocks");
        assertThat(clocks.get("devfreqHertz")).isEqualTo(Map.of("17000000.gpu", Map.of("cur_freq", 1020000000L)));
        assertThat(clocks.get("cpuKilohertz")).isEqualTo(Map.of("cpu0", Map.of("scaling_cur_freq", 1728000L)));
        assertThat(clocks.get("jetsonClocksShow").toString())
                .isEqualTo("unavailable: `jetson_clocks --show` exited with code 1: must be root");
        Map<?, ?> tools = (Map<?, ?>) a.get("tools");
        assertThat(tools.get("llama-server")).isEqualTo("version: 5290 (ef570f630)");
        assertThat(tools.get("aiperf").toString()).startsWith("unavailable: executable \"aiperf\" not found");
        assertThat(audit.commands(false)).hasSize(2);
        assertThat(audit.collect(false)).doesNotContainKey("tools");
        assertThat(SystemAudit.meminfoKilobytes(root.resolve("absent"))).isEmpty();
        assertThat(SystemAudit.create(
                                runner,
                                JetsonCommands.of(JetsonCommandsTest.plan("\"backend\": \"ollama\""), List.of()),
                                paths,
                                Duration.ofSeconds(1),
                                ZoneId.of("UTC"),
                                Clock.systemUTC())
                        .tools())
                .containsExactly("ollama", "aiperf");
        assertThat(SystemPaths.linux().compactMemory()).isEqualTo(Path.of("/proc/sys/vm/compact_memory"));
    }

    @Test
    void memoryCompactionWritesDirectlyOrThroughSudoTeeOrSkips() throws Exception {
        JetsonCommands commands = JetsonCommands.of(JetsonCommandsTest.plan(""), List.of("sudo", "-n"));
        ScriptedRunner runner = new ScriptedRunner();
        Path absent = root.resolve("proc/sys/vm/compact_memory");
        assertThat(MemoryCompactor.create(runner, commands, absent, Duration.ofSeconds(1))
                        .compact())
                .isEqualTo("skipped: " + absent + " does not exist");
        write(absent, "");
        assertThat(MemoryCompactor.create(runner, commands, absent, Duration.ofSeconds(1))
                        .compact())
                .isEqualTo("written");
        assertThat(Files.readString(absent)).isEqualTo("1\n");
        assertThat(runner.commands()).isEmpty();
        // A file the driver may not write (here: a directory, which refuses even root) goes through sudo tee.
        Path refused = Files.createDirectories(root.resolve("refused"));
        MemoryCompactor viaTee = MemoryCompactor.create(runner, commands, refused, Duration.ofSeconds(1));
        assertThat(viaTee.compact()).isEqualTo("written via sudo");
        assertThat(runner.commandLines()).containsExactly("sudo -n tee " + refused);
        assertThat(viaTee.command().stdin()).contains("1\n");
        ScriptedRunner failing = new ScriptedRunner().on("sudo -n tee " + refused, 1, "sudo: a password is required");
        assertThat(MemoryCompactor.create(failing, commands, refused, Duration.ofSeconds(1))
                        .compact())
                .isEqualTo("failed: `sudo -n tee " + refused + "` exited with code 1: sudo: a password is required");
        ScriptedRunner noSudo = new ScriptedRunner().missing("sudo");
        assertThat(MemoryCompactor.create(noSudo, commands, refused, Duration.ofSeconds(1))
                        .compact())
                .startsWith("failed: executable \"sudo\" not found");
    }
}
