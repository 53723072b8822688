package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepManifest;
import io.github.tokjoule.jetson.analysis.SweepResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The "sweep and method" lines of a report's setup: where the sweep is and its layout, the power modes, models and
 * grid, the backend, the power telemetry and rail, the device zone, the cell count and the method. The hardware and
 * software the sweep's files record (the driver's system audit) are {@link SetupFacts}.
 */
final class SetupSection {

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
        if (m.isPresent()) {
            for (PowerMode p : m.get().grid().modes()) {
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
        return items;
    }

    private static String set(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static ReportData.SetupItem item(String label, String value) {
        return new ReportData.SetupItem(label, value);
    }
}
