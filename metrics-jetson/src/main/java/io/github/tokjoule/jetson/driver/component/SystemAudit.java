package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.SystemPaths;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.driver.plan.Backend;
import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A snapshot of the system a sweep runs on, saved with the run ({@code <run>/audit/<name>.json}) so its numbers can be
 * judged later: the board ({@code /proc/device-tree/model}), L4T release ({@code /etc/nv_tegra_release}), JetPack
 * (the {@code nvidia-jetpack} package's version in {@code /var/lib/dpkg/status}), the OS ({@code /etc/os-release}
 * {@code PRETTY_NAME}), CUDA ({@code /usr/local/cuda/version.json}), kernel, RAM and CMA ({@code /proc/meminfo}:
 * MemTotal, MemAvailable, CmaTotal, CmaFree, in kB), the power mode ({@code nvpmodel -q}), clocks (every devfreq
 * device's current/min/max frequency in Hz — the GPU and EMC on a Jetson — and every CPU's scaling frequencies in kHz,
 * plus {@code jetson_clocks --show}), the system zone, each model's GGUF file size in bytes, and tool versions
 * ({@code --version} of the server and aiperf). Everything but the two {@code jetson_clocks}/{@code nvpmodel} queries
 * and the tool versions is read from files, so the audit needs no further tool on the board.
 * A value that cannot be read is recorded as {@code "unavailable: <why>"}, never left out silently.
 *
 * @since 0.1.0
 */
public final class SystemAudit {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final SystemPaths paths;
    private final Duration timeout;
    private final ZoneId systemZone;
    private final Clock clock;

    private SystemAudit(
            ProcessRunner runner,
            JetsonCommands commands,
            SystemPaths paths,
            Duration timeout,
            ZoneId systemZone,
            Clock clock) {
        this.runner = runner;
        this.commands = commands;
        this.paths = paths;
        this.timeout = timeout;
        this.systemZone = systemZone;
        this.clock = clock;
    }

    /**
     * Returns the audit.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param paths the system files
     * @param timeout the time limit of each command
     * @param systemZone the system's zone
     * @param clock the clock that stamps the snapshot
     * @return the audit
     */
    public static SystemAudit create(
            ProcessRunner runner,
            JetsonCommands commands,
            SystemPaths paths,
            Duration timeout,
            ZoneId systemZone,
            Clock clock) {
        return new SystemAudit(runner, commands, paths, timeout, systemZone, clock);
    }

    /**
     * Returns the programs whose {@code --version} the audit records.
     *
     * @return the programs
     */
    public List<String> tools() {
        return commands.plan().backend() == Backend.OLLAMA
                ? List.of("ollama", "aiperf")
                : List.of("llama-server", "aiperf");
    }

    /**
     * Returns the commands a snapshot runs, in order.
     *
     * @param withTools whether tool versions are included
     * @return the commands
     */
    public List<Command> commands(boolean withTools) {
        List<Command> list = new ArrayList<>();
        list.add(commands.nvpmodelQuery());
        list.add(commands.jetsonClocksShow());
        if (withTools) {
            for (String tool : tools()) {
                list.add(commands.version(tool));
            }
        }
        return list;
    }

    /**
     * Takes a snapshot.
     *
     * @param withTools whether to record tool versions
     * @return the snapshot as a JSON-ready tree
     * @throws InterruptedException if interrupted
     */
    public Map<String, Object> collect(boolean withTools) throws InterruptedException {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("capturedAt", clock.instant().toString());
        audit.put("systemZone", systemZone.getId());
        audit.put("deviceModel", firstLine(paths.deviceTreeModel()).replace("\u0000", ""));
        audit.put("l4tRelease", firstLine(paths.nvTegraRelease()));
        audit.put("jetpack", SystemFiles.packageVersion(paths.dpkgStatus(), "nvidia-jetpack"));
        audit.put("os", SystemFiles.osPrettyName(paths.osRelease()));
        audit.put("cuda", SystemFiles.cudaVersion(paths.cudaVersion()));
        audit.put("kernel", firstLine(paths.kernelVersion()));
        Map<String, Object> memory = new LinkedHashMap<>();
        Map<String, Long> meminfo = meminfoKilobytes(paths.meminfo());
        for (String key : List.of("MemTotal", "MemAvailable", "CmaTotal", "CmaFree")) {
            Long kb = meminfo.get(key);
            memory.put(key + "Kilobytes", kb == null ? "unavailable: not in " + paths.meminfo() : kb);
        }
        audit.put("memory", memory);
        audit.put("nvpmodel", output(commands.nvpmodelQuery()));
        Map<String, Object> clocks = new LinkedHashMap<>();
        clocks.put("devfreqHertz", devfreq());
        clocks.put("cpuKilohertz", cpus());
        clocks.put("jetsonClocksShow", output(commands.jetsonClocksShow()));
        audit.put("clocks", clocks);
        audit.put("models", models());
        if (withTools) {
            Map<String, Object> tools = new LinkedHashMap<>();
            for (String tool : tools()) {
                tools.put(tool, output(commands.version(tool)));
            }
            audit.put("tools", tools);
        }
        return audit;
    }

    /**
     * Takes a snapshot and writes it to {@code <auditDir>/<name>.json}.
     *
     * @param auditDir the audit directory
     * @param name the snapshot's name, e.g. {@code start} or {@code mode-25W}
     * @param withTools whether to record tool versions
     * @return the file written
     * @throws IOException if it cannot be written
     * @throws InterruptedException if interrupted
     */
    public Path write(Path auditDir, String name, boolean withTools) throws IOException, InterruptedException {
        Files.createDirectories(auditDir);
        Path file = auditDir.resolve(name + ".json");
        Files.writeString(file, JsonTree.write(collect(withTools), true) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Object output(Command command) throws InterruptedException {
        try {
            ProcessResult result = runner.run(command, timeout);
            if (!result.succeeded()) {
                return "unavailable: " + result.describeFailure();
            }
            return result.output().strip();
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** Each model's GGUF file size: the report's Table 4 gives it where the file is not on the reader's machine. */
    private Map<String, Object> models() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ModelSpec m : commands.plan().models()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("gguf", m.ggufPath().toString());
            try {
                model.put("ggufBytes", Files.size(m.ggufPath()));
            } catch (IOException e) {
                model.put(
                        "ggufBytes",
                        "unavailable: " + m.ggufPath() + " cannot be read ("
                                + e.getClass().getSimpleName() + ")");
            }
            out.put(m.name(), model);
        }
        return out;
    }

    private Map<String, Object> devfreq() {
        Map<String, Object> out = new TreeMap<>();
        for (Path dev : list(paths.devfreqDir())) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (String key : List.of("cur_freq", "min_freq", "max_freq")) {
                readLong(dev.resolve(key)).ifPresent(v -> f.put(key, v));
            }
            if (!f.isEmpty()) {
                out.put(String.valueOf(dev.getFileName()), f);
            }
        }
        return out;
    }

    private Map<String, Object> cpus() {
        Map<String, Object> out = new TreeMap<>();
        for (Path cpu : list(paths.cpuDir())) {
            String name = String.valueOf(cpu.getFileName());
            if (!name.matches("cpu\\d+")) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            for (String key : List.of("scaling_cur_freq", "scaling_min_freq", "scaling_max_freq")) {
                readLong(cpu.resolve("cpufreq").resolve(key)).ifPresent(v -> f.put(key, v));
            }
            if (!f.isEmpty()) {
                out.put(name, f);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static OptionalLong readLong(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl).strip();
        } catch (IOException e) {
            return "unavailable: " + file + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Reads {@code /proc/meminfo} values in kB (lines like {@code CmaFree:   123456 kB}).
     *
     * @param meminfo the file
     * @return the values by key; empty if the file cannot be read
     */
    public static Map<String, Long> meminfoKilobytes(Path meminfo) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(meminfo, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] words = line.substring(colon + 1).strip().split("\\s+", -1);
            try {
                out.put(line.substring(0, colon).strip(), Long.parseLong(words[0]));
            } catch (NumberFormatException e) {
                // Not a numeric line; meminfo has none, but a test file might.
            }
        }
        return out;
    }
}
