package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's "recommended power mode by use case" (Table 8) and "highest mode vs a mid mode" comparison (§3.2), derived
 * from the data at the canonical cell. Each recommendation is the mode that wins a metric for the most models (a tie
 * goes to the cheaper mode in power order), with the numbers behind it:
 *
 * <ul>
 *   <li>energy efficiency (always-on, battery): the most output tok/J — {@link ModeRoles#best()};
 *   <li>throughput (batch work): the most output tok/s;
 *   <li>latency (interactive chat, long prompts): the lowest TTFT p50;
 *   <li>power-constrained or thermally limited: the lowest mean power.
 * </ul>
 */
final class UseCases {

    private UseCases() {}

    /**
     * The use-case table.
     *
     * @param data the report's data
     * @return the table
     */
    static Table table(ReportData data) {
        ModeRoles roles = ModeRoles.of(data);
        List<List<Table.Entry>> rows = new ArrayList<>();
        add(rows, data, roles, "Always-on / battery: most tokens per joule", Metric.OUTPUT_TOK_PER_J, true);
        add(rows, data, roles, "Batch work: most output tokens per second", Metric.TOK_S, true);
        add(rows, data, roles, "Interactive chat, long prompts: lowest time to first token", Metric.TTFT_P50_MS, false);
        Map<String, Double> power = ModeRoles.meanPower(data);
        String low = roles.byPower().isEmpty() ? "" : roles.byPower().get(0);
        String high = roles.byPower().isEmpty()
                ? ""
                : roles.byPower().get(roles.byPower().size() - 1);
        double lowWatts = power.getOrDefault(low, Double.NaN);
        double highWatts = power.getOrDefault(high, Double.NaN);
        if (Double.isFinite(lowWatts) && !low.equals(high)) {
            rows.add(List.of(
                    Table.text("Power-constrained / thermally limited: lowest power"),
                    Table.text(low),
                    Table.text("mean power " + Sig.of(lowWatts) + " W against " + Sig.of(highWatts) + " W at "
                            + high + " (" + pct(lowWatts / highWatts) + "); output tok/s "
                            + pct(meanRatio(data, Metric.TOK_S, low, high)) + " vs " + high
                            + " (geometric mean over models)")));
        }
        return new Table(
                "use_cases",
                "Recommended power mode by use case",
                "Derived from this sweep at the canonical cell (ctx " + data.canonicalCtx() + ", gen "
                        + data.canonicalGen() + "): each row names the mode that wins its metric for the most models"
                        + " (a tie goes to the cheaper mode) and the numbers behind it.",
                List.of("Use case", "Mode", "Why (from the data)"),
                rows);
    }

    private static void add(
            List<List<Table.Entry>> rows,
            ReportData data,
            ModeRoles roles,
            String useCase,
            Metric metric,
            boolean higherIsBetter) {
        Map<String, Integer> wins = new LinkedHashMap<>();
        roles.byPower().forEach(m -> wins.put(m, 0));
        for (String model : data.models()) {
            winner(data, model, metric, higherIsBetter).ifPresent(m -> wins.merge(m, 1, Integer::sum));
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : wins.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        if (best == null) {
            return;
        }
        int modelsWithValue = 0;
        for (String model : data.models()) {
            modelsWithValue += winner(data, model, metric, higherIsBetter).isPresent() ? 1 : 0;
        }
        StringBuilder why = new StringBuilder(metric.label())
                .append(higherIsBetter ? " highest" : " lowest")
                .append(" for ")
                .append(most)
                .append(" of ")
                .append(modelsWithValue)
                .append(" models");
        for (String other : roles.byPower()) {
            if (!other.equals(best)) {
                double r = meanRatio(data, metric, best, other);
                if (Double.isFinite(r)) {
                    why.append("; ").append(pct(r)).append(" vs ").append(other);
                }
            }
        }
        rows.add(List.of(Table.text(useCase), Table.text(best), Table.text(why + " (geometric mean over models)")));
    }

    private static Optional<String> winner(ReportData data, String model, Metric metric, boolean higherIsBetter) {
        String best = null;
        double bestValue = Double.NaN;
        for (String mode : data.modes()) {
            double v = value(data, mode, model, metric);
            if (Double.isFinite(v) && (best == null || (higherIsBetter ? v > bestValue : v < bestValue))) {
                best = mode;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The geometric mean over models of a metric's ratio between two modes at the canonical cell.
     *
     * @param data the report's data
     * @param metric the metric
     * @param mode the numerator's mode
     * @param baseline the denominator's mode
     * @return the ratio, NaN if no model has both values
     */
    static double meanRatio(ReportData data, Metric metric, String mode, String baseline) {
        double logSum = 0;
        int n = 0;
        for (String model : data.models()) {
            double r = value(data, mode, model, metric) / value(data, baseline, model, metric);
            if (Double.isFinite(r) && r > 0) {
                logSum += Math.log(r);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    /**
     * The comparison of the highest-power mode against the mid mode of {@link ModeRoles}: output tok/s, output tok/J
     * and power per model, with the ratios.
     *
     * @param data the report's data
     * @return the table, or empty if the sweep has one mode
     */
    static Optional<Table> highestVersusMid(ReportData data) {
        ModeRoles roles = ModeRoles.of(data);
        if (roles.highest().isEmpty() || roles.mid().isEmpty()) {
            return Optional.empty();
        }
        String hi = roles.highest().get();
        String mid = roles.mid().get();
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (String model : data.models()) {
            List<Table.Entry> row = new ArrayList<>();
            row.add(Table.text(model));
            for (Metric m : List.of(Metric.TOK_S, Metric.OUTPUT_TOK_PER_J, Metric.POWER_W)) {
                Optional<CellRow> a = data.cell(model, hi, data.canonicalCtx(), data.canonicalGen());
                Optional<CellRow> b = data.cell(model, mid, data.canonicalCtx(), data.canonicalGen());
                row.add(a.map(c -> Table.metric(c, m)).orElse(Table.num(Double.NaN, m.decimals())));
                row.add(b.map(c -> Table.metric(c, m)).orElse(Table.num(Double.NaN, m.decimals())));
                List<String> flags = new ArrayList<>();
                a.ifPresent(c -> flags.addAll(c.flagsOn(m)));
                b.ifPresent(c -> flags.addAll(c.flagsOn(m)));
                row.add(new Table.Num(
                        value(data, hi, model, m) / value(data, mid, model, m),
                        2,
                        "x",
                        m.isEnergyDerived() ? data.method() : m.source(),
                        List.copyOf(new java.util.LinkedHashSet<>(flags))));
            }
            rows.add(row);
        }
        List<String> cols = new ArrayList<>(List.of("Model"));
        for (String label : List.of("tok/s", "tok/J", "power (W)")) {
            cols.add(hi + " " + label);
            cols.add(mid + " " + label);
            cols.add(hi + "/" + mid);
        }
        return Optional.of(new Table(
                "highest_vs_mid",
                "Highest-power mode " + hi + " against " + mid + " (ctx " + data.canonicalCtx() + ", gen "
                        + data.canonicalGen() + ")",
                "What the last step up in power buys: " + hi + " has the highest mean power; " + mid + " is "
                        + (roles.best().filter(mid::equals).isPresent()
                                ? "the best mode by output tok/J"
                                : "the next mode below it by power")
                        + ". A tok/J ratio below 1 means the extra power buys less speed than it costs.",
                cols,
                rows));
    }

    private static double value(ReportData data, String mode, String model, Metric metric) {
        return data.cell(model, mode, data.canonicalCtx(), data.canonicalGen())
                .map(c -> c.value(metric))
                .orElse(Double.NaN);
    }

    private static String pct(double ratio) {
        return Double.isFinite(ratio) ? String.format(java.util.Locale.ROOT, "%+.0f %%", (ratio - 1) * 100) : "—";
    }
}
