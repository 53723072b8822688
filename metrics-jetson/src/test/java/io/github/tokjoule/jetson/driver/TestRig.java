package io.github.tokjoule.jetson.driver;

import io.github.tokjoule.jetson.driver.fakes.FakeBin;
import io.github.tokjoule.jetson.driver.plan.SweepPlan;
import io.github.tokjoule.jetson.driver.process.LocalProcessRunner;
import io.github.tokjoule.jetson.driver.process.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A machine without a Jetson: fake tools first on PATH, a fake system tree (L4T release, board, OS, CUDA, dpkg status,
 * meminfo, devfreq, cpufreq, a writable compact_memory file), dummy GGUF files, a free port, a sleeper that records
 * instead of waiting.
 */
final class TestRig {

    final Path root;
    final FakeBin fakes;
    final Path system;
    final Path models;
    final int port;
    final ZoneId zone = ZoneId.systemDefault();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<SweepProgress> progress = new CopyOnWriteArrayList<>();
    final Map<String, String> switches = new LinkedHashMap<>();
    List<String> sudoPrefix = List.of();
    SweepListener extraListener = SweepListener.none();

    TestRig(Path root) {
        this.root = root;
        this.fakes = FakeBin.create(root);
        this.system = root.resolve("system");
        this.models = root.resolve("models");
        this.port = freePort();
        try {
            Files.createDirectories(models);
            write(
                    system.resolve("etc/nv_tegra_release"),
                    "# R36 (release), REVISION: 4.7, GCID: 41159235, BOARD: generic, EABI: aarch64, DATE: Wed Jun 11"
                            + " 22:00:00 UTC 2025\n");
            write(
                    system.resolve("proc/meminfo"),
                    "MemTotal:        7802352 kB\nMemFree:         5101232 kB\nMemAvailable:    6102344 kB\n"
                            + "CmaTotal:         262144 kB\nCmaFree:          250112 kB\n");
            write(system.resolve("proc/version"), "Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT\n");
            // The software facts the audit reads from files: the device tree's NUL-terminated model, os-release, the
            // CUDA toolkit's version.json and dpkg's status stanzas.
            write(
                    system.resolve("proc/device-tree/model"),
                    "NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super\u0000");
            write(system.resolve("etc/os-release"), "NAME=\"Ubuntu\"\nPRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\n");
            write(
                    system.resolve("usr/local/cuda/version.json"),
                    "{\"cuda\": {\"name\": \"CUDA SDK\", \"version\": \"12.6.68\"}}\n");
            write(
                    system.resolve("var/lib/dpkg/status"),
                    "Package: nvidia-l4t-core\nStatus: install ok installed\nVersion: 36.4.7-20250918154033\n\n"
                            + "Package: nvidia-jetpack\nStatus: install ok installed\nVersion: 6.2.1+b38\n");
            write(system.resolve("proc/sys/vm/compact_memory"), "");
            write(system.resolve("sys/class/devfreq/17000000.gpu/cur_freq"), "1020000000\n");
            write(system.resolve("sys/class/devfreq/17000000.gpu/max_freq"), "1020000000\n");
            write(system.resolve("sys/class/devfreq/17000000.gpu/min_freq"), "306000000\n");
            for (int cpu = 0; cpu < 2; cpu++) {
                write(system.resolve("sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_cur_freq"), "1728000\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Path gguf(String name) {
        Path file = models.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "GGUF fake weights", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A plan for the fakes; defaults to the 2 modes × 2 models × 2 gens × 2 prompts of the end-to-end tests. */
    final class PlanBuilder {
        String backend = "llama.cpp";
        String modes = "[{\"id\": 0, \"label\": \"15W\"}, {\"id\": 1, \"label\": \"25W\"}]";
        List<String> models = List.of("alpha", "beta");
        String gens = "[4, 8]";
        String prompts = "[16, 32]";
        List<String> extra = new ArrayList<>();

        PlanBuilder backend(String b) {
            backend = b;
            return this;
        }

        PlanBuilder modes(String json) {
            modes = json;
            return this;
        }

        PlanBuilder models(String... names) {
            models = List.of(names);
            return this;
        }

        PlanBuilder gens(String json) {
            gens = json;
            return this;
        }

        PlanBuilder prompts(String json) {
            prompts = json;
            return this;
        }

        PlanBuilder extra(String member) {
            extra.add(member);
            return this;
        }

        String json() {
            StringBuilder sb = new StringBuilder("{\n");
            sb.append("  \"backend\": \"").append(backend).append("\",\n");
            sb.append("  \"modes\": ").append(modes).append(",\n");
            sb.append("  \"models\": [\n");
            for (int i = 0; i < models.size(); i++) {
                String m = models.get(i);
                sb.append("    {\"name\": \"")
                        .append(m)
                        .append("\", \"gguf\": \"")
                        .append(gguf(m + ".gguf"))
                        .append("\", \"tokenizer\": \"org/")
                        .append(m)
                        .append("-instruct\", \"quantisation\": \"Q4_K_M\", \"contextTokens\": 256}")
                        .append(i + 1 < models.size() ? ",\n" : "\n");
            }
            sb.append("  ],\n");
            sb.append("  \"promptLengths\": ").append(prompts).append(",\n");
            sb.append("  \"genLengths\": ").append(gens).append(",\n");
            sb.append("  \"requestsPerCell\": 3,\n");
            sb.append("  \"tegrastatsIntervalMillis\": 50,\n");
            sb.append("  \"server\": {\"port\": ").append(port).append("},\n");
            for (String e : extra) {
                sb.append("  ").append(e).append(",\n");
            }
            sb.append("  \"timeouts\": {\"serverStartupSeconds\": 20, \"aiperfCellSeconds\": 60,"
                    + " \"stopGraceSeconds\": 5}\n");
            sb.append("}\n");
            return sb.toString();
        }

        SweepPlan build() {
            return SweepPlan.parse(json(), "test-plan.json", root);
        }
    }

    PlanBuilder plan() {
        return new PlanBuilder();
    }

    LocalProcessRunner runner() {
        Map<String, String> env = new LinkedHashMap<>(fakes.environment(switches));
        env.put("TZ", zone.getId());
        return LocalProcessRunner.create(env);
    }

    DriverSettings.Builder settings() {
        return settings(runner());
    }

    DriverSettings.Builder settings(LocalProcessRunner runner) {
        Sleeper sleeper = d -> {
            sleeps.add(d);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during a cooldown");
            }
            if (d.compareTo(Duration.ofMillis(200)) < 0 && !d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        };
        return DriverSettings.builder()
                .processRunner(runner)
                .sudoPrefix(sudoPrefix)
                .sleeper(sleeper)
                .systemPaths(SystemPaths.under(system))
                .systemZone(zone)
                .pollInterval(Duration.ofMillis(20))
                .listener(p -> {
                    progress.add(p);
                    extraListener.onProgress(p);
                });
    }

    Path runDir() {
        return root.resolve("run");
    }

    List<String> progressStages() {
        List<String> out = new ArrayList<>();
        for (SweepProgress p : progress) {
            out.add(p.stage().name());
        }
        return out;
    }
}
