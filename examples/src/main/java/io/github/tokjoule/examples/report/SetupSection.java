package io.github.tokjoule.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.analysis.SweepResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The setup section of a report, like the seed's "Test Setup": where the sweep is and its layout, the power modes,
 * models and grid, the backend, the power telemetry and rail, the device zone, the cell count, and — for a run written
 * by the driver — the system audit it saved ({@code audit/start.json}: L4T release, kernel, memory and CMA, nvpmodel,
 * tool versions).
 */
final class SetupSection {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_VALUE_CHARS = 160;

    private SetupSection() {}

    static List<ReportData.SetupItem> of(SweepResult r) {
        List<ReportData.SetupItem> items = new ArrayList<>();
        Optional<SweepManifest> m = r.manifest();
        items.add(item(
                "Sweep",
                r.root().toAbsolutePath().normalize().getFileName() + " — "
                        + (r.layoutKind() == SweepLayout.Kind.TOKJOULE
                                ? "tokjoule layout"
                                        + m.map(x -> ", written by " + x.createdBy())
                                                .orElse("")
                                : "the seed benchmark's published layout (modes from directory names)")));
        List<String> modes = new ArrayList<>();
        if (m.isPresent() && !m.get().modes().isEmpty()) {
            for (PowerMode p : m.get().modes()) {
                modes.add(p.label() + " (nvpmodel -m " + p.id() + ")");
            }
        } else {
            modes.addAll(r.modes());
        }
        items.add(item("Power modes", String.join(", ", modes)));
        items.add(item("Models", String.join(", ", r.models())));
        Set<Integer> ctxs = new TreeSet<>();
        Set<Integer> gens = new TreeSet<>();
        Set<String> backends = new LinkedHashSet<>();
        long ok = 0;
        for (CellMetrics c : r.metrics()) {
            ctxs.add(c.id().targetInputTokens());
            gens.add(c.id().targetOutputTokens());
            backends.add(c.id().backend());
            ok += c.isOk() ? 1 : 0;
        }
        String requests = m.filter(x -> x.requestsPerCell() > 0)
                .map(x -> " × " + x.requestsPerCell() + " requests per cell"
                        + (x.concurrency() > 0 ? ", concurrency " + x.concurrency() : ""))
                .orElse("");
        items.add(item("Sweep grid", "prompt " + set(ctxs) + " × gen " + set(gens) + " tokens" + requests));
        String backend = m.map(SweepManifest::backend).filter(b -> !b.isBlank()).orElse(String.join(", ", backends));
        if (!backend.isBlank()) {
            items.add(item("Backend", backend));
        }
        int interval = m.map(SweepManifest::tegrastatsIntervalMillis).orElse(0);
        items.add(item(
                "Power telemetry",
                "tegrastats" + (interval > 0 ? " every " + interval + " ms" : "") + ", rail "
                        + r.options().rail()));
        items.add(item(
                "Device zone",
                r.zone().getId() + (r.options().zone().isPresent() ? " (given with --zone)" : " (from the manifest)")));
        items.add(item(
                "Cells",
                r.cells().size() + " (" + ok + " ok, " + (r.cells().size() - ok) + " failed); "
                        + String.format(Locale.ROOT, "%,d", r.tegrastatsLines()) + " tegrastats samples read"));
        items.add(item(
                "Method",
                r.options().method() + "; output tok/J = " + r.options().headlineVariant() + "; canonical cell ctx "
                        + r.options().canonicalCell().targetInputTokens() + " / gen "
                        + r.options().canonicalCell().targetOutputTokens()));
        m.map(SweepManifest::methodNotes).filter(n -> !n.isBlank()).ifPresent(n -> items.add(item("Notes", n)));
        items.addAll(audit(r.root().resolve("audit").resolve("start.json")));
        return items;
    }

    private static String set(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static ReportData.SetupItem item(String label, String value) {
        return new ReportData.SetupItem(label, value);
    }

    /** The interesting lines of the driver's system audit; nothing if the file is missing or unreadable. */
    static List<ReportData.SetupItem> audit(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, String> flat = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                flatten(p, "", flat);
            }
        } catch (IOException e) {
            return List.of(item("System audit", "unreadable: " + file + ": " + e.getMessage()));
        }
        List<ReportData.SetupItem> out = new ArrayList<>();
        add(out, "L4T release", flat.get("l4tRelease"));
        add(out, "Kernel", flat.get("kernel"));
        add(out, "nvpmodel at start", flat.get("nvpmodel"));
        String ram = kilobytes(flat.get("memory.MemTotalKilobytes"), "RAM");
        String cmaFree = kilobytes(flat.get("memory.CmaFreeKilobytes"), "CMA free");
        String cmaTotal = kilobytes(flat.get("memory.CmaTotalKilobytes"), cmaFree.isEmpty() ? "CMA" : "of");
        List<String> memory = new ArrayList<>();
        for (String part : List.of(ram, cmaFree, cmaTotal)) {
            if (!part.isEmpty()) {
                memory.add(part);
            }
        }
        if (!memory.isEmpty()) {
            out.add(item(
                    "Memory",
                    String.join(ram.isEmpty() || memory.size() == 1 ? " " : ", ", memory)
                            .replace(", of ", " of ")));
        }
        for (Map.Entry<String, String> e : flat.entrySet()) {
            if (e.getKey().startsWith("tools.")) {
                add(out, e.getKey().substring("tools.".length()) + " version", e.getValue());
            }
        }
        add(out, "Audit taken at", flat.get("capturedAt"));
        return out;
    }

    private static void add(List<ReportData.SetupItem> out, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String first = value.strip().lines().findFirst().orElse("");
        if (first.length() > MAX_VALUE_CHARS) {
            first = first.substring(0, MAX_VALUE_CHARS) + "…";
        }
        out.add(item(label, first));
    }

    private static String kilobytes(@Nullable String value, String label) {
        if (value == null) {
            return "";
        }
        try {
            double mib = Long.parseLong(value.strip()) / 1024.0;
            return String.format(Locale.ROOT, "%s %.0f MiB", label, mib);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static void flatten(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                flatten(p, key + ".", out);
            } else if (v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                out.put(key, p.getText());
            }
        }
    }
}
