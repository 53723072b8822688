package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.JetsonRelease;
import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.analysis.SweepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the sweep's own files say about its hardware, software, models and power modes (the seed's Tables 2–5), read
 * from the run's {@code manifest.json}, {@code plan.json} (models, quantisation, GGUF paths), the driver's system
 * audits ({@code audit/start.json}: board, L4T release, JetPack, OS, CUDA, kernel, memory, GGUF sizes, tool versions;
 * {@code audit/mode-<LABEL>.json}: the clocks at each mode) and the aiperf exports ({@code aiperf_version}). JetPack
 * is the audit's {@code nvidia-jetpack} package version, else derived from the L4T release
 * ({@link JetsonRelease#jetPack()}). A model's quantisation, tokenizer and GGUF size come from the plan, else from the
 * audit (the GGUF size from the file where it is readable here). A synthetic sweep's audit is simulated, and its
 * {@code simulated} field becomes the hardware table's first row. Anything no file says is {@link #UNKNOWN} or "not
 * recorded", with the file that would have said it: nothing is filled in from the seed's post.
 *
 * @param hardware label–value lines (a simulated audit's statement, board, L4T, kernel, memory, CMA)
 * @param software label–value lines (backend, llama.cpp or Ollama, aiperf, JetPack, OS, CUDA, telemetry)
 * @param models one row per model: name, quantisation, GGUF size, tokenizer, server context
 * @param modes one row per mode: label, nvpmodel id, GPU and CPU maximum clocks
 */
public record SetupFacts(
        List<ReportData.SetupItem> hardware,
        List<ReportData.SetupItem> software,
        List<ModelInfo> models,
        List<ModeInfo> modes) {

    /** What an unknown fact prints as. */
    public static final String UNKNOWN = "unknown";

    /** Copies the lists. */
    public SetupFacts {
        hardware = List.copyOf(hardware);
        software = List.copyOf(software);
        models = List.copyOf(models);
        modes = List.copyOf(modes);
    }

    /**
     * A model as the sweep's plan describes it.
     *
     * @param name the model
     * @param quantisation e.g. {@code Q4_K_M}, or {@link #UNKNOWN}
     * @param ggufMegabytes the GGUF file's size in MB (10^6 bytes) if the file is readable here, else NaN
     * @param gguf the GGUF path, or {@link #UNKNOWN}
     * @param tokenizer the tokenizer id, or {@link #UNKNOWN}
     * @param contextTokens the server's context size, or 0 if unknown
     */
    public record ModelInfo(
            String name,
            String quantisation,
            double ggufMegabytes,
            String gguf,
            String tokenizer,
            long contextTokens) {}

    /**
     * A power mode with the clocks its audit recorded.
     *
     * @param label the mode label
     * @param nvpmodelId the nvpmodel id, or -1 if unknown
     * @param gpuMaxMegahertz the GPU's maximum devfreq clock in MHz at that mode, NaN if unknown
     * @param cpuMaxMegahertz the CPUs' highest maximum clock in MHz at that mode, NaN if unknown
     */
    public record ModeInfo(String label, int nvpmodelId, double gpuMaxMegahertz, double cpuMaxMegahertz) {}

    /**
     * Reads the facts of an analyzed sweep.
     *
     * @param r the analysis
     * @return the facts; unreadable or missing files leave their facts unknown
     */
    static SetupFacts of(SweepResult r) {
        List<Path> firstCellPerMode = new ArrayList<>();
        Set<String> modesSeen = new LinkedHashSet<>();
        for (AnalyzedCell c : r.cells()) {
            if (modesSeen.add(c.metrics().id().modeLabel())) {
                firstCellPerMode.add(c.directory());
            }
        }
        return read(
                r.root(),
                r.manifest(),
                r.models(),
                r.modes(),
                String.valueOf(r.options().rail()),
                firstCellPerMode);
    }

    /**
     * Reads the facts from a sweep's files.
     *
     * @param root the sweep directory
     * @param manifest its manifest, if any
     * @param modelNames the models in sweep order
     * @param modeLabels the modes in sweep order
     * @param rail the power rail the analysis used
     * @param cellDirs cell directories whose {@code profile_export_aiperf.json} give the aiperf version (one per mode)
     * @return the facts
     */
    static SetupFacts read(
            Path root,
            Optional<SweepManifest> manifest,
            List<String> modelNames,
            List<String> modeLabels,
            String rail,
            List<Path> cellDirs) {
        Map<String, String> start = JsonLeaves.read(root.resolve("audit").resolve("start.json"));
        Map<String, String> plan = JsonLeaves.read(root.resolve("plan.json"));
        List<ModeInfo> modes = new ArrayList<>();
        int cpus = cpuCount(start);
        List<PowerMode> known = manifest.map(m -> m.grid().modes()).orElse(List.of());
        for (String label : modeLabels) {
            int id = known.stream()
                    .filter(m -> m.label().equals(label))
                    .mapToInt(PowerMode::id)
                    .findFirst()
                    .orElse(-1);
            Map<String, String> audit = JsonLeaves.read(root.resolve("audit").resolve("mode-" + label + ".json"));
            modes.add(new ModeInfo(label, id, gpuMegahertz(audit), cpuMegahertz(audit)));
            cpus = Math.max(cpus, cpuCount(audit));
        }
        double topCpu = modes.stream()
                .mapToDouble(ModeInfo::cpuMaxMegahertz)
                .filter(Double::isFinite)
                .max()
                .orElse(Double.NaN);
        List<ReportData.SetupItem> hw = new ArrayList<>();
        String simulated = start.get("simulated");
        if (simulated != null && !simulated.isBlank()) {
            hw.add(item("Audit", simulated));
        }
        hw.add(item("Board", or(start.get("deviceModel"), "not recorded (audit/start.json has no device model)")));
        hw.add(item(
                "CPU",
                cpus == 0
                        ? "not recorded (no CPU clocks in the audits)"
                        : cpus + " CPUs"
                                + (Double.isNaN(topCpu) ? "" : String.format(Locale.ROOT, ", up to %.0f MHz", topCpu))
                                + " (the audits' cpufreq)"));
        String l4t = or(start.get("l4tRelease"), "not recorded (no audit/start.json)");
        Optional<JetsonRelease> release = JetsonRelease.parse(l4t);
        hw.add(item(
                "L4T release",
                release.map(r -> r.version() + " (" + l4t.strip() + ")").orElse(l4t)));
        hw.add(item("Kernel", or(start.get("kernel"), UNKNOWN)));
        hw.add(item("Memory", or(mib(start.get("memory.MemTotalKilobytes")), UNKNOWN)));
        hw.add(item("nvpmodel at start", or(line(start.get("nvpmodel")), UNKNOWN)));
        hw.add(item(
                "CMA",
                start.containsKey("memory.CmaTotalKilobytes")
                        ? or(mib(start.get("memory.CmaTotalKilobytes")), UNKNOWN) + " total, "
                                + or(mib(start.get("memory.CmaFreeKilobytes")), UNKNOWN) + " free at start"
                        : UNKNOWN));
        List<ReportData.SetupItem> sw = new ArrayList<>();
        String backend =
                manifest.map(SweepManifest::backend).filter(b -> !b.isBlank()).orElse("");
        sw.add(item("Backend", backend.isEmpty() ? or(plan.get("backend"), UNKNOWN) : backend));
        String server = first(start, "tools.llama-server", "tools.ollama");
        sw.add(item("Inference server version", or(server, "not recorded (no tool versions in audit/start.json)")));
        Set<String> aiperf = new LinkedHashSet<>();
        for (Path dir : cellDirs) {
            String v =
                    JsonLeaves.read(dir.resolve("profile_export_aiperf.json")).get("aiperf_version");
            if (v != null && !v.isBlank()) {
                aiperf.add(v);
            }
        }
        sw.add(item(
                "aiperf version",
                aiperf.isEmpty()
                        ? or(line(start.get("tools.aiperf")), "not recorded (no aiperf_version in the exports)")
                        : String.join(", ", aiperf) + " (aiperf_version of the exports)"));
        sw.add(item("JetPack", jetPack(start, release)));
        sw.add(item("OS", or(start.get("os"), notInAudit(start, "the OS"))));
        sw.add(item("CUDA", or(start.get("cuda"), notInAudit(start, "CUDA"))));
        int interval = manifest.map(SweepManifest::tegrastatsIntervalMillis).orElse(0);
        sw.add(item(
                "Power telemetry",
                "tegrastats" + (interval > 0 ? " every " + interval + " ms" : " (interval not recorded)") + ", rail "
                        + rail));
        sw.add(item(
                "Created by",
                manifest.map(SweepManifest::createdBy)
                        .filter(s -> !s.isBlank())
                        .orElse("the seed benchmark's published layout")));
        sw.add(item("System audit taken at", or(start.get("capturedAt"), "no audit")));
        List<ModelInfo> models = new ArrayList<>();
        for (String name : modelNames) {
            int k = planIndex(plan, name);
            String p = "models." + k + ".";
            String a = "models." + name + ".";
            String gguf = k < 0 ? null : plan.get(p + "gguf");
            double here = megabytes(gguf);
            long audited = parseLong(start.get(a + "ggufBytes"));
            models.add(new ModelInfo(
                    name,
                    or(k < 0 ? null : plan.get(p + "quantisation"), or(start.get(a + "quantisation"), UNKNOWN)),
                    Double.isFinite(here) ? here : audited > 0 ? audited / 1e6 : Double.NaN,
                    or(gguf, or(start.get(a + "gguf"), UNKNOWN)),
                    or(k < 0 ? null : plan.get(p + "tokenizer"), or(start.get(a + "tokenizer"), UNKNOWN)),
                    k < 0 ? parseLong(start.get(a + "contextTokens")) : parseLong(plan.get(p + "contextTokens"))));
        }
        return new SetupFacts(hw, sw, models, modes);
    }

    /**
     * JetPack: the {@code nvidia-jetpack} package's version the audit recorded, else the release NVIDIA's archive pairs
     * with the audit's L4T release ({@link JetsonRelease#jetPack()}), else why neither is known.
     */
    private static String jetPack(Map<String, String> start, Optional<JetsonRelease> release) {
        String recorded = start.get("jetpack");
        if (recorded != null && !recorded.isBlank() && !recorded.startsWith("unavailable")) {
            return recorded + " (the nvidia-jetpack package)";
        }
        if (release.isPresent() && release.get().jetPack().isPresent()) {
            return release.get().jetPack().get() + " (derived from L4T "
                    + release.get().version() + " by NVIDIA's JetPack archive)";
        }
        if (release.isPresent()) {
            return "not recorded: L4T " + release.get().version()
                    + " is not in tokjoule's table of JetPack releases, and the audit has no nvidia-jetpack package"
                    + (recorded == null ? "" : " (" + recorded + ")");
        }
        return notInAudit(start, "JetPack");
    }

    /** Why an audit fact is missing: no audit at all, or an audit written before tokjoule 0.2 recorded it. */
    private static String notInAudit(Map<String, String> start, String what) {
        return start.isEmpty()
                ? "not recorded (no audit/start.json)"
                : "not recorded (audit/start.json predates tokjoule 0.2, which records " + what + ")";
    }

    /** The GPU's max_freq (Hz) among the devfreq devices: the one whose name says gpu or ga10b. */
    private static double gpuMegahertz(Map<String, String> audit) {
        for (Map.Entry<String, String> e : audit.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("clocks.devfreqhertz.")
                    && (k.contains("gpu") || k.contains("ga10b"))
                    && k.endsWith(".max_freq")) {
                return parseLong(e.getValue()) / 1e6;
            }
        }
        return Double.NaN;
    }

    /** The CPUs an audit lists clocks for (each online CPU's cpufreq directory). */
    private static int cpuCount(Map<String, String> audit) {
        Set<String> cpus = new LinkedHashSet<>();
        for (String key : audit.keySet()) {
            if (key.startsWith("clocks.cpuKilohertz.")) {
                String rest = key.substring("clocks.cpuKilohertz.".length());
                int dot = rest.indexOf('.');
                cpus.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return cpus.size();
    }

    /** The highest scaling_max_freq (kHz) over the CPUs. */
    private static double cpuMegahertz(Map<String, String> audit) {
        double max = Double.NaN;
        for (Map.Entry<String, String> e : audit.entrySet()) {
            if (e.getKey().startsWith("clocks.cpuKilohertz.") && e.getKey().endsWith(".scaling_max_freq")) {
                double v = parseLong(e.getValue()) / 1e3;
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return max;
    }

    private static int planIndex(Map<String, String> plan, String model) {
        for (int i = 0; plan.containsKey("models." + i + ".name"); i++) {
            if (model.equals(plan.get("models." + i + ".name"))) {
                return i;
            }
        }
        return -1;
    }

    private static double megabytes(@Nullable String path) {
        if (path == null) {
            return Double.NaN;
        }
        try {
            Path p = Path.of(path);
            return Files.isRegularFile(p) ? Files.size(p) / 1e6 : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static @Nullable String mib(@Nullable String kilobytes) {
        long kb = parseLong(kilobytes);
        return kb > 0 ? String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0) : null;
    }

    private static long parseLong(@Nullable String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String first(Map<String, String> m, String... keys) {
        for (String k : keys) {
            String v = line(m.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static @Nullable String line(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String l = s.strip().lines().findFirst().orElse("");
        return l.length() > 120 ? l.substring(0, 120) + "…" : l;
    }

    private static String or(@Nullable String v, String otherwise) {
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static ReportData.SetupItem item(String label, String value) {
        return new ReportData.SetupItem(label, value);
    }
}
