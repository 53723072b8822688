package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.join.RunWindowEstimator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headline findings of a report, computed from its data: the best mode per model by output tok/J at the canonical
 * cell, the speedup of the best mode over its neighbour in power order ({@link ModeRoles}: the seed's 25W over 15W
 * when the data make 25W best, for any mode names), the fastest model per mode, failures and flag prevalence.
 *
 * @param bestModes per model, the best mode by output tok/J at the canonical cell and the gains of the compared pair
 * @param pair the compared mode pair, e.g. {@code 25W} over {@code 15W}, or empty if the sweep has one mode
 * @param findings the findings as sentences, in display order
 */
public record Headline(List<BestMode> bestModes, Optional<ModePairLabel> pair, List<String> findings) {

    /** Copies the lists. */
    public Headline {
        bestModes = List.copyOf(bestModes);
        findings = List.copyOf(findings);
    }

    /**
     * A model's best mode.
     *
     * @param model the model
     * @param mode its best mode by output tok/J at the canonical cell
     * @param tokensPerJoule that mode's output tok/J
     * @param flags the flags that make that value approximate
     * @param throughputRatio tok/s of the pair's mode over its baseline at the canonical cell (NaN if missing)
     * @param efficiencyRatio output tok/J of the pair's mode over its baseline at the canonical cell (NaN if missing)
     * @param ratioFlags the flags that make either ratio approximate (flags of the two cells on tok/s or tok/J)
     */
    public record BestMode(
            String model,
            String mode,
            double tokensPerJoule,
            List<String> flags,
            double throughputRatio,
            double efficiencyRatio,
            List<String> ratioFlags) {

        /** Copies the lists. */
        public BestMode {
            flags = List.copyOf(flags);
            ratioFlags = List.copyOf(ratioFlags);
        }
    }

    /**
     * A compared pair.
     *
     * @param mode the mode
     * @param baseline the baseline
     */
    public record ModePairLabel(String mode, String baseline) {}

    /**
     * Computes the headline.
     *
     * @param data the report's data
     * @return the headline
     */
    public static Headline of(ReportData data) {
        Optional<ModePairLabel> pair = pair(data);
        List<BestMode> best = new ArrayList<>();
        for (String model : data.models()) {
            Optional<String> peak = ReportTables.peakMode(data, model);
            if (peak.isEmpty()) {
                continue;
            }
            CellRow c = data.cell(model, peak.get(), data.canonicalCtx(), data.canonicalGen())
                    .orElseThrow();
            double tputRatio = Double.NaN;
            double effRatio = Double.NaN;
            java.util.Set<String> ratioFlags = new java.util.LinkedHashSet<>();
            if (pair.isPresent()) {
                tputRatio = ratio(data, model, pair.get(), Metric.TOK_S);
                effRatio = ratio(data, model, pair.get(), Metric.OUTPUT_TOK_PER_J);
                for (String mode : List.of(pair.get().mode(), pair.get().baseline())) {
                    data.cell(model, mode, data.canonicalCtx(), data.canonicalGen())
                            .ifPresent(cell -> {
                                ratioFlags.addAll(cell.flagsOn(Metric.TOK_S));
                                ratioFlags.addAll(cell.flagsOn(Metric.OUTPUT_TOK_PER_J));
                            });
                }
            }
            best.add(new BestMode(
                    model,
                    peak.get(),
                    c.value(Metric.OUTPUT_TOK_PER_J),
                    c.flagsOn(Metric.OUTPUT_TOK_PER_J),
                    tputRatio,
                    effRatio,
                    List.copyOf(ratioFlags)));
        }
        return new Headline(best, pair, findings(data, best, pair));
    }

    private static double ratio(ReportData data, String model, ModePairLabel pair, Metric metric) {
        double a = data.cell(model, pair.mode(), data.canonicalCtx(), data.canonicalGen())
                .map(c -> c.value(metric))
                .orElse(Double.NaN);
        double b = data.cell(model, pair.baseline(), data.canonicalCtx(), data.canonicalGen())
                .map(c -> c.value(metric))
                .orElse(Double.NaN);
        return a / b;
    }

    /**
     * The best mode and its neighbour in power order ({@link ModeRoles}), the dearer one over the cheaper one: the best
     * mode over the mode below it, or, when the best mode is the cheapest, the mode above it over the best mode.
     */
    private static Optional<ModePairLabel> pair(ReportData data) {
        ModeRoles r = ModeRoles.of(data);
        if (r.best().isEmpty() || r.baseline().isEmpty()) {
            return Optional.empty();
        }
        String best = r.best().get();
        String other = r.baseline().get();
        return Optional.of(
                r.byPower().indexOf(other) < r.byPower().indexOf(best)
                        ? new ModePairLabel(best, other)
                        : new ModePairLabel(other, best));
    }

    private static List<String> findings(ReportData data, List<BestMode> best, Optional<ModePairLabel> pair) {
        List<String> out = new ArrayList<>();
        String where = "ctx " + data.canonicalCtx() + " / gen " + data.canonicalGen();
        if (best.isEmpty()) {
            out.add("No cell has an output tok/J to compare at " + where + "; the flags table says why.");
        } else {
            Map<String, List<String>> byMode = new LinkedHashMap<>();
            for (String mode : data.modes()) {
                for (BestMode b : best) {
                    if (b.mode().equals(mode)) {
                        byMode.computeIfAbsent(mode, k -> new ArrayList<>()).add(b.model());
                    }
                }
            }
            List<String> parts = new ArrayList<>();
            byMode.entrySet().stream()
                    .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                    .forEach(e -> parts.add(e.getKey() + " for " + e.getValue().size() + " of " + best.size()
                            + " models (" + String.join(", ", e.getValue()) + ")"));
            out.add("Best mode by output tok/J (" + data.method() + ", " + data.rail() + ", " + where + "): "
                    + String.join("; ", parts) + ".");
        }
        if (pair.isPresent()) {
            ModePairLabel p = pair.get();
            double[] tput = range(best, true);
            double[] eff = range(best, false);
            if (Double.isFinite(tput[0])) {
                out.add(p.mode() + " vs " + p.baseline() + " (" + where + "): output tok/s " + span(tput)
                        + ", output tok/J " + span(eff) + " (" + data.method() + ")"
                        + (best.size() > 1 ? " across models" : "") + approximate(best) + ".");
            }
        }
        List<String> fastest = new ArrayList<>();
        for (String mode : data.modes()) {
            String model = null;
            double max = Double.NEGATIVE_INFINITY;
            for (String m : data.models()) {
                double v = data.cell(m, mode, data.canonicalCtx(), data.canonicalGen())
                        .map(c -> c.value(Metric.TOK_S))
                        .orElse(Double.NaN);
                if (v > max) {
                    max = v;
                    model = m;
                }
            }
            if (model != null) {
                fastest.add(mode + " " + model + " (" + Sig.of(max) + " tok/s)");
            }
        }
        if (!fastest.isEmpty()) {
            out.add("Fastest model per mode (" + where + "): " + String.join(", ", fastest) + ".");
        }
        long total = data.cells().size();
        long failed = data.cells().stream().filter(c -> !c.ok()).count();
        if (failed > 0) {
            out.add(failed + " of " + total + " cells failed; see the status column of the cell table.");
        }
        long ok = total - failed;
        long runWindow = data.cells().stream()
                .filter(c ->
                        c.estimator().filter(RunWindowEstimator.NAME::equals).isPresent())
                .count();
        if (ok > 0 && runWindow > 0) {
            out.add("Energy figures are run-window estimates for " + runWindow + " of " + ok + " cells ("
                    + fmt(100.0 * runWindow / ok, 0) + " %, RUN_WINDOW_ESTIMATE, marked RW): the sweep has aiperf's"
                    + " summary but no per-request records (profile_export.jsonl) for them, so their energy is the"
                    + " power log's over aiperf's whole run, shared by the requests; see the accuracy flags.");
        }
        long prefill = data.cells().stream()
                .filter(c -> c.flags().stream().anyMatch(f -> f.name().equals("PREFILL_UNDERSAMPLED")))
                .count();
        long window = data.cells().stream()
                .filter(c -> c.flags().stream().anyMatch(f -> f.name().equals("WINDOW_UNDERSAMPLED")))
                .count();
        if (ok > 0 && prefill > 0) {
            out.add("Prefill energy and prefill tok/J are approximate for " + prefill + " of " + ok + " cells ("
                    + fmt(100.0 * prefill / ok, 0) + " %, PREFILL_UNDERSAMPLED)"
                    + (window == 0 ? "; decode and total tok/J are not." : "."));
        }
        if (ok > 0 && window > 0) {
            out.add("Total energy, output tok/J and decode tok/J are approximate for " + window + " of " + ok
                    + " cells (" + fmt(100.0 * window / ok, 0) + " %, WINDOW_UNDERSAMPLED: the power samples do not"
                    + " observe enough of their requests).");
        }
        return out;
    }

    /**
     * {@code "; approximate for gemma3-1b (OUTPUT_LENGTH_MISMATCH)"}: the models whose ratios a flag makes approximate;
     * a flag on every model's ratios (of more than one model) is said once, {@code "; approximate for every model
     * (RUN_WINDOW_ESTIMATE) and for gemma3-1b (OUTPUT_LENGTH_MISMATCH)"}, instead of once per model; empty when no
     * ratio is flagged.
     */
    static String approximate(List<BestMode> best) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BestMode b : best) {
            for (String f : b.ratioFlags()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        List<String> everywhere = best.size() > 1
                ? counts.entrySet().stream()
                        .filter(e -> e.getValue() == best.size())
                        .map(Map.Entry::getKey)
                        .toList()
                : List.of();
        List<String> parts = new ArrayList<>();
        for (BestMode b : best) {
            List<String> own =
                    b.ratioFlags().stream().filter(f -> !everywhere.contains(f)).toList();
            if (!own.isEmpty()) {
                parts.add(b.model() + " (" + String.join(", ", own) + ")");
            }
        }
        String some = String.join(", ", parts);
        if (everywhere.isEmpty()) {
            return parts.isEmpty() ? "" : "; approximate for " + some;
        }
        return "; approximate for every model (" + String.join(", ", everywhere) + ")"
                + (parts.isEmpty() ? "" : " and for " + some);
    }

    /** [min, max] of the pair's throughput (or efficiency) ratio over models with a finite value. */
    private static double[] range(List<BestMode> best, boolean throughput) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (BestMode b : best) {
            double r = throughput ? b.throughputRatio() : b.efficiencyRatio();
            if (Double.isFinite(r)) {
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /**
     * Renders the headline as plain text lines for the terminal.
     *
     * @param method the method name, printed with the numbers
     * @return the lines
     */
    public List<String> toLines(String method) {
        List<String> lines = new ArrayList<>();
        String pairLabel = pair.map(p -> p.mode() + "/" + p.baseline()).orElse("");
        int width = bestModes.stream().mapToInt(b -> b.model().length()).max().orElse(5);
        lines.add(String.format(
                Locale.ROOT,
                "%-" + width + "s  %-10s  %14s%s",
                "model",
                "best mode",
                "output tok/J",
                pair.isPresent() ? "  " + pairLabel + " tok/s  " + pairLabel + " tok/J" : ""));
        if (bestModes.isEmpty()) {
            lines.add("(no cell has an output tok/J at the canonical cell)");
        }
        for (BestMode b : bestModes) {
            java.util.Set<String> all = new java.util.LinkedHashSet<>(b.flags());
            all.addAll(b.ratioFlags());
            String flags = all.isEmpty() ? "" : "  approximate: " + String.join(", ", all);
            lines.add(String.format(
                            Locale.ROOT,
                            "%-" + width + "s  %-10s  %14s%s",
                            b.model(),
                            b.mode(),
                            Double.isFinite(b.tokensPerJoule()) ? Sig.of(b.tokensPerJoule()) : "—",
                            pair.isPresent()
                                    ? String.format(
                                            Locale.ROOT,
                                            "  %" + (pairLabel.length() + 6) + "s  %" + (pairLabel.length() + 6) + "s",
                                            times(b.throughputRatio()),
                                            times(b.efficiencyRatio()))
                                    : "")
                    + flags);
        }
        lines.add("(output tok/J by the " + method + " method; ratios at the canonical cell)");
        return lines;
    }

    /** {@code +36 % to +46 %}, or a single value when both ends are equal as printed. */
    static String span(double[] range) {
        String lo = pct(range[0]);
        String hi = pct(range[1]);
        return Double.isFinite(range[0]) ? (lo.equals(hi) ? lo : lo + " to " + hi) : "—";
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%+.0f %%", (ratio - 1) * 100);
    }

    static String times(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "x%.2f", ratio) : "—";
    }

    static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "—";
    }
}
