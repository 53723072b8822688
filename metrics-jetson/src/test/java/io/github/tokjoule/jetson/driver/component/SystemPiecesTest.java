package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.driver.SystemPaths;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
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
        // None of the software files exist in this tree: each fact says which file it needed.
        assertThat(a.get("deviceModel").toString())
                .startsWith("unavailable: " + paths.deviceTreeModel() + " cannot be read");
        assertThat(a.get("jetpack").toString()).startsWith("unavailable: " + paths.dpkgStatus() + " cannot be read");
        assertThat(a.get("os").toString()).startsWith("unavailable: " + paths.osRelease() + " cannot be read");
        assertThat(a.get("cuda").toString())
                .startsWith("unavailable: " + paths.cudaVersion() + " cannot be read")
                .endsWith("is the CUDA toolkit installed?)");
        // The plan's one GGUF (/g/Qwen3-0.6B-Q8_0.gguf) is not on this machine.
        assertThat(a.get("models").toString())
                .isEqualTo("{qwen3-0.6b={gguf=/g/Qwen3-0.6B-Q8_0.gguf, ggufBytes=unavailable: /g/Qwen3-0.6B-Q8_0.gguf"
                        + " cannot be read (NoSuchFileException)}}");
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
    void theAuditReadsTheBoardTheOsCudaAndJetPackFromTheirFiles() throws Exception {
        SystemPaths paths = SystemPaths.under(root);
        // Shaped like an Orin Nano Super on JetPack 6.2: device-tree strings end in NUL; dpkg's status file has one
        // stanza per package, and a removed package keeps its stanza with "deinstall ok config-files".
        write(paths.deviceTreeModel(), "NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super\u0000");
        write(paths.osRelease(), "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nPRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\n");
        write(
                paths.cudaVersion(),
                "{\"cuda\": {\"name\": \"CUDA SDK\", \"version\": \"12.6.68\"},"
                        + " \"cuda_cudart\": {\"version\": \"12.6.68\"}}");
        write(
                paths.dpkgStatus(),
                "Package: nvidia-jetpack-dev\nStatus: install ok installed\nVersion: 6.0+b1\n\n"
                        + "Package: nvidia-jetpack\nStatus: install ok installed\nArchitecture: arm64\nVersion: 6.2+b77\n");
        Path gguf = root.resolve("m.gguf");
        Files.write(gguf, new byte[1234]);
        SweepPlan plan = SweepPlan.parse(
                "{\"models\": [{\"name\": \"qwen3-0.6b\", \"gguf\": \"" + gguf + "\", \"tokenizer\": \"Q/Q\"}]}",
                "p",
                Path.of("/"));
        SystemAudit audit = SystemAudit.create(
                new ScriptedRunner(),
                JetsonCommands.of(plan, List.of()),
                paths,
                Duration.ofSeconds(1),
                ZoneId.of("UTC"),
                Clock.systemUTC());

        Map<String, Object> a = audit.collect(false);

        assertThat(a.get("deviceModel")).isEqualTo("NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super");
        assertThat(a.get("os")).isEqualTo("Ubuntu 22.04.5 LTS");
        assertThat(a.get("cuda")).isEqualTo("12.6.68");
        assertThat(a.get("jetpack")).isEqualTo("6.2+b77");
        assertThat(a.get("models"))
                .isEqualTo(Map.of("qwen3-0.6b", Map.of("gguf", gguf.toString(), "ggufBytes", 1234L)));
    }

    @Test
    void aPackageThatIsRemovedOrAbsentHasNoVersion() throws Exception {
        Path status = root.resolve("status");
        write(
                status,
                "Package: nvidia-jetpack\nStatus: deinstall ok config-files\nVersion: 6.1+b123\n\n"
                        + "Package: other\nStatus: install ok installed\nVersion: 1\n");
        assertThat(SystemFiles.packageVersion(status, "nvidia-jetpack"))
                .isEqualTo("unavailable: the nvidia-jetpack package is not installed (" + status + ")");
        assertThat(SystemFiles.packageVersion(status, "other")).isEqualTo("1");
        Path cuda = root.resolve("version.json");
        write(cuda, "{\"cuda_cudart\": {\"version\": \"12.6.68\"}}");
        assertThat(SystemFiles.cudaVersion(cuda)).isEqualTo("unavailable: no cuda.version in " + cuda);
        write(cuda, "CUDA Version 10.2.89");
        assertThat(SystemFiles.cudaVersion(cuda)).startsWith("unavailable: " + cuda + " is not JSON");
        Path os = root.resolve("os-release");
        write(os, "PRETTY_NAME=Debian\n");
        assertThat(SystemFiles.osPrettyName(os)).isEqualTo("Debian");
        write(os, "NAME=x\n");
        assertThat(SystemFiles.osPrettyName(os)).isEqualTo("unavailable: no PRETTY_NAME in " + os);
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
