package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.ModePair;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.compare.ParetoPoint;
import io.github.tokjoule.core.compare.SpeedupMatrix;
import io.github.tokjoule.core.compare.SpeedupMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.join.RunWindowEstimator;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import io.github.tokjoule.jetson.analysis.SpeedupMetric;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepResult;
import io.github.tokjoule.jetson.analysis.ThermalRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a sweep analysis ({@link SweepResult}) into {@link ReportData}: every cell as a row, and the analysis's own
 * tables — power and temperatures per model and mode (seed Tables 6 and 16), speedup matrices (Tables 9–12), best
 * total tok/J with its cell (Table 13), Pareto fronts at the canonical cell — without recomputing any of them.
 *
 * <p><b>Which output tok/J.</b> The report's "output tok/J" is the analysis's headline variant
 * ({@link io.github.tokjoule.jetson.analysis.AnalysisOptions#headlineVariant()}); {@link #headlineVariant} gives the
 * one the commands ask for: for {@link EnergyMethod#SEED_COMPATIBLE} the seed's published
 * {@link OutputTokJVariant#DECODE_PHASE}; for {@link EnergyMethod#MEASURED} {@link OutputTokJVariant#REQUEST}, i.e.
 * output tokens of the successful requests over their whole measured energy. The other variants are in
 * {@code cells.csv} under their own names.
 *
 * <p><b>Speedups.</b> Throughput, TTFT, decode time, request latency (seed Tables 9–12) and output tok/J (the seed's
 * §3.2 comparison as a table). MEASURED shows {@link SpeedupMethod#GEOMETRIC_MEAN_OF_RATIOS} over the cells;
 * SEED_COMPATIBLE the seed's {@link SpeedupMethod#CANONICAL_CELL} ratios. Pairs: the seed's six when the sweep has its
 * four modes, else every later mode over every earlier one.
 */
public final class ReportDataBuilder {

    private final String title;
    private final SweepResult result;
    private final List<ReportData.SetupItem> setup = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ReportDataBuilder(String title, SweepResult result) {
        this.title = title;
        this.result = result;
    }

    /**
     * Starts a report of an analyzed sweep.
     *
     * @param title the report's title
     * @param result the analysis
     * @return a builder
     */
    public static ReportDataBuilder create(String title, SweepResult result) {
        return new ReportDataBuilder(title, result);
    }

    /**
     * Adds a setup line after the ones taken from the sweep.
     *
     * @param label e.g. {@code Generator}
     * @param value the value
     * @return this builder
     */
    public ReportDataBuilder setup(String label, String value) {
        setup.add(new ReportData.SetupItem(label, value));
        return this;
    }

    /**
     * Adds a note shown under the setup.
     *
     * @param note the text
     * @return this builder
     */
    public ReportDataBuilder note(String note) {
        notes.add(note);
        return this;
    }

    /**
     * Returns the output tok/J variant the report calls "output tok/J" for a method.
     *
     * @param method the method
     * @return {@link OutputTokJVariant#DECODE_PHASE} for the seed-compatible method, {@link OutputTokJVariant#REQUEST}
     *     for the measured one
     */
    public static OutputTokJVariant headlineVariant(EnergyMethod method) {
        return method == EnergyMethod.SEED_COMPATIBLE ? OutputTokJVariant.DECODE_PHASE : OutputTokJVariant.REQUEST;
    }

    /**
     * Returns the speedup method the report shows for an energy method.
     *
     * @param method the energy method
     * @return {@link SpeedupMethod#CANONICAL_CELL} (what the seed's tables are) or
     *     {@link SpeedupMethod#GEOMETRIC_MEAN_OF_RATIOS}
     */
    public static SpeedupMethod speedupMethod(EnergyMethod method) {
        return method == EnergyMethod.SEED_COMPATIBLE
                ? SpeedupMethod.CANONICAL_CELL
                : SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS;
    }

    /**
     * Returns how a method computes energy, power and the report's output tok/J, in two or three sentences.
     *
     * @param method the method
     * @param variant the headline output tok/J variant
     * @return the description
     */
    public static String describe(EnergyMethod method, OutputTokJVariant variant) {
        String tokJ = "Output tok/J is the " + variant + " variant"
                + (variant == OutputTokJVariant.DECODE_PHASE
                        ? " (OSL / decode energy: what the seed's published numbers are)"
                        : variant == OutputTokJVariant.REQUEST
                                ? " (output tokens / whole request energy)"
                                : " (tok/s / W)")
                + "; the other variants are in cells.csv under their own names.";
        return method == EnergyMethod.SEED_COMPATIBLE
                ? "The seed benchmark's arithmetic (its §J, its corrected chart script): the median of the power"
                        + " samples inside each aiperf run window, phase powers from the samples in the prefill and"
                        + " decode windows, multiplied by p50 latencies. " + tokJ + " Prefill values are"
                        + " approximate when few samples fall in the prefill window."
                : "The power log is integrated (trapezoid rule, sample times reconstructed below the 1 s stamps)"
                        + " over each request's own [start, end] and [start, first token] windows from aiperf's"
                        + " per-request records; a cell's energy per request is the mean of its requests' energies"
                        + " and its tok/J a ratio of sums over the successful requests. Power is the requests' energy"
                        + " over their total latency. " + tokJ;
    }

    /**
     * Builds the report's data.
     *
     * @return the data
     * @throws IllegalArgumentException if the sweep has no cells
     */
    public ReportData build() {
        if (result.cells().isEmpty()) {
            throw new IllegalArgumentException("no cells to report in " + result.root());
        }
        EnergyMethod method = result.options().method();
        OutputTokJVariant variant = result.options().headlineVariant();
        Set<Integer> ctxs = new TreeSet<>();
        Set<Integer> gens = new TreeSet<>();
        Set<String> rails = new LinkedHashSet<>();
        List<CellRow> rows = new ArrayList<>();
        for (AnalyzedCell a : result.cells()) {
            CellMetrics c = a.metrics();
            ctxs.add(c.id().targetInputTokens());
            gens.add(c.id().targetOutputTokens());
            c.rail().ifPresent(rails::add);
            rows.add(row(a, variant));
        }
        List<ReportData.SetupItem> items = new ArrayList<>(SetupSection.of(result));
        items.addAll(setup);
        List<String> allNotes = new ArrayList<>();
        for (SweepLayout.FailedModel f : result.failedModels()) {
            allNotes.add(f.model() + " could not be served at " + f.mode().label() + ": " + Sig.prose(f.reason()));
        }
        for (Flag f : result.sweepFlags()) {
            allNotes.add(f.severity() + " " + f.flag() + ": " + Sig.prose(f.reason()));
        }
        for (String w : result.warnings()) {
            allNotes.add("Analysis warning: " + Sig.prose(w));
        }
        allNotes.addAll(notes);
        return new ReportData(
                title,
                items,
                SetupFacts.of(result),
                method.name(),
                describe(method, variant) + runWindow(rows) + traces(rows),
                rails.isEmpty() ? result.options().rail().toString() : String.join(" + ", rails),
                result.modes(),
                result.models(),
                List.copyOf(ctxs),
                List.copyOf(gens),
                result.options().canonicalCell().targetInputTokens(),
                result.options().canonicalCell().targetOutputTokens(),
                rows,
                modelModes(),
                speedups(speedupMethod(method)),
                best(),
                pareto(),
                allNotes);
    }

    /**
     * The sentence that says which cells the method above does not describe: those without per-request records, whose
     * energy is a run-window estimate (estimator {@code RUN_WINDOW}); empty when there are none.
     */
    static String runWindow(List<CellRow> rows) {
        long n = rows.stream()
                .filter(r ->
                        r.estimator().filter(RunWindowEstimator.NAME::equals).isPresent())
                .count();
        if (n == 0) {
            return "";
        }
        String estimate = "the power log's energy over aiperf's start..end window less its idle time, shared by the"
                + " requests (flag RUN_WINDOW_ESTIMATE)";
        if (n == rows.size()) {
            return " But no cell here has aiperf's per-request records (profile_export.jsonl): every energy figure is"
                    + " a run-window estimate (marked RW), " + estimate + ".";
        }
        return " Except for " + n + " of " + rows.size() + " cells (marked RW: no profile_export.jsonl, aiperf's"
                + " per-request records): their energy is a run-window estimate, " + estimate + ".";
    }

    /**
     * The sentence that says which power traces the energy came from: per tool, how many cells and the range of the
     * traces' nominal sample intervals (the cell table's Power trace column has each cell's), e.g. {@code " Power
     * traces: tegrastats (nominal sample interval 500–529 ms) for 380 cells, hwmon (10 ms) for 4 cells; …"}; empty when
     * no cell had a trace.
     */
    static String traces(List<CellRow> rows) {
        Map<PowerTraceSource.Tool, double[]> byTool = new EnumMap<>(PowerTraceSource.Tool.class);
        for (CellRow r : rows) {
            r.powerTrace().ifPresent(t -> {
                // cells, smallest and largest known interval
                double[] a = byTool.computeIfAbsent(t.tool(), k -> new double[] {0, Double.NaN, Double.NaN});
                a[0]++;
                double ms = t.nominalIntervalMillis();
                if (Double.isFinite(ms)) {
                    a[1] = Double.isNaN(a[1]) ? ms : Math.min(a[1], ms);
                    a[2] = Double.isNaN(a[2]) ? ms : Math.max(a[2], ms);
                }
            });
        }
        if (byTool.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byTool.forEach((tool, a) -> {
            String name = tool.label();
            String range = Double.isNaN(a[1])
                    ? ""
                    : " (nominal sample interval " + Sig.of(a[1])
                            + (Sig.of(a[1]).equals(Sig.of(a[2])) ? "" : "–" + Sig.of(a[2])) + " ms)";
            long n = (long) a[0];
            parts.add(name + range + " for " + n + (n == 1 ? " cell" : " cells"));
        });
        return " Power traces (each cell's in the cell table's Power trace column): " + String.join(", ", parts)
                + (byTool.containsKey(PowerTraceSource.Tool.HWMON)
                        ? "; hwmon is the dense INA3221 trace a driver run records beside tegrastats, which the"
                                + " analysis prefers where a cell has one."
                        : "; no cell had a dense hwmon trace (hwmon.csv), which the analysis would prefer.");
    }

    static CellRow row(AnalyzedCell a, OutputTokJVariant variant) {
        CellMetrics c = a.metrics();
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        if (c.isOk()) {
            // The columns every cells.csv shares come from the one mapping that defines them.
            double[] shared = CellResultsCsv.metricValues(c, variant);
            for (int i = 0; i < Metric.REQUIRED.size(); i++) {
                v.put(Metric.REQUIRED.get(i), shared[i]);
            }
            v.put(Metric.OUTPUT_TOK_PER_J_DECODE_PHASE, c.outputTokensPerJoule(OutputTokJVariant.DECODE_PHASE));
            v.put(
                    Metric.REQUEST_OUTPUT_TOK_PER_J_P50,
                    a.requestOutputTokensPerJoule().p50());
            v.put(
                    Metric.REQUEST_OUTPUT_TOK_PER_J_P90,
                    a.requestOutputTokensPerJoule().p90());
            v.put(Metric.REQUEST_ENERGY_P50_J, c.requestJoules().p50());
            v.put(Metric.REQUEST_ENERGY_P90_J, c.requestJoules().p90());
            v.put(Metric.TTFT_P90_MS, c.ttftMillis().p90());
            v.put(Metric.TTFT_P99_MS, c.ttftMillis().p99());
            v.put(Metric.ITL_P90_MS, c.interTokenLatencyMillis().p90());
            v.put(Metric.ITL_P99_MS, c.interTokenLatencyMillis().p99());
            v.put(Metric.RL_P90_MS, c.requestLatencyMillis().p90());
            v.put(Metric.RL_P99_MS, c.requestLatencyMillis().p99());
            v.put(Metric.DECODE_TIME_P50_S, c.decodeTimeP50Millis() / 1000);
            v.put(Metric.PREFILL_TOK_S, c.prefillTokensPerSecond());
            v.put(Metric.PREFILL_POWER_W, c.prefillWatts());
            v.put(Metric.DECODE_POWER_W, c.decodeWatts());
            v.put(Metric.PREFILL_SHARE_PCT, c.prefillShare() * 100);
        }
        v.put(Metric.REQUESTS_OK, (double) (c.requestCount() - c.errorCount()));
        v.put(Metric.REQUESTS_FAILED, (double) c.errorCount());
        v.put(Metric.TEGRASTATS_LINES, (double) a.tegrastatsLines());
        List<FlagMark> flags = new ArrayList<>();
        for (Flag f : c.flags()) {
            flags.add(new FlagMark(f.flag().name(), f.severity().name(), Sig.prose(f.reason())));
        }
        return new CellRow(
                c.id().model(),
                c.id().modeLabel(),
                c.id().targetInputTokens(),
                c.id().targetOutputTokens(),
                c.status().failureReason(),
                v,
                c.method().name(),
                c.rail().orElse(""),
                flags,
                intervals(c, variant),
                c.estimator(),
                a.powerTrace());
    }

    /** The analysis's 95 % intervals ({@link CellMetrics#ci95ByMetric()}) under the report's metric names. */
    private static Map<Metric, CellRow.Interval> intervals(CellMetrics c, OutputTokJVariant variant) {
        Map<Metric, CellMetric> from = Map.of(
                Metric.ENERGY_TOTAL_J, CellMetric.TOTAL_JOULES_PER_REQUEST,
                Metric.ENERGY_PREFILL_J, CellMetric.PREFILL_JOULES_PER_REQUEST,
                Metric.ENERGY_DECODE_J, CellMetric.DECODE_JOULES_PER_REQUEST,
                Metric.OUTPUT_TOK_PER_J, CellResultsCsv.ci95Metric(variant),
                Metric.OUTPUT_TOK_PER_J_REQUEST, CellMetric.OUTPUT_TOKENS_PER_JOULE_REQUEST,
                Metric.OUTPUT_TOK_PER_J_DECODE_PHASE, CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE,
                Metric.PREFILL_TOK_PER_J, CellMetric.PREFILL_TOKENS_PER_JOULE,
                Metric.DECODE_TOK_PER_J, CellMetric.DECODE_TOKENS_PER_JOULE,
                Metric.TOTAL_TOK_PER_J, CellMetric.TOTAL_TOKENS_PER_JOULE);
        Map<Metric, CellRow.Interval> out = new EnumMap<>(Metric.class);
        from.forEach((metric, source) ->
                c.ci95(source).ifPresent(ci -> out.put(metric, new CellRow.Interval(ci.low(), ci.high()))));
        return out;
    }

    private List<ModelModeRow> modelModes() {
        List<ModelModeRow> out = new ArrayList<>();
        for (ThermalRow t : result.thermal()) {
            out.add(new ModelModeRow(
                    t.model(),
                    t.modeLabel(),
                    t.powerWatts(),
                    t.meanCpuCelsius(),
                    t.meanGpuCelsius(),
                    t.peakJunctionCelsius(),
                    t.throttled()));
        }
        return out;
    }

    /** The seed's six pairs when the sweep has its four modes, else every later mode over every earlier one. */
    private List<ModePair> pairs() {
        List<ModePair> seed = result.speedups().seedPairs();
        if (!seed.isEmpty()
                && seed.stream()
                        .allMatch(p -> result.modes().contains(p.mode())
                                && result.modes().contains(p.baseline()))) {
            return seed;
        }
        List<String> modes = result.modes();
        List<ModePair> out = new ArrayList<>();
        for (int i = 1; i < modes.size(); i++) {
            for (int j = 0; j < i; j++) {
                out.add(ModePair.of(modes.get(i), modes.get(j)));
            }
        }
        return out;
    }

    private List<SpeedupTable> speedups(SpeedupMethod method) {
        List<ModePair> pairs = pairs();
        List<String> labels =
                pairs.stream().map(p -> p.mode() + " / " + p.baseline()).toList();
        record Spec(String id, String label, SpeedupMetric metric, Metric cellMetric) {}
        List<SpeedupTable> out = new ArrayList<>();
        for (Spec s : List.of(
                new Spec(
                        "speedup_throughput",
                        "Output throughput",
                        SpeedupMetric.OUTPUT_TOKENS_PER_SECOND,
                        Metric.TOK_S),
                new Spec("speedup_ttft", "TTFT", SpeedupMetric.TTFT, Metric.TTFT_P50_MS),
                new Spec("speedup_decode_time", "Decode time", SpeedupMetric.DECODE_TIME, Metric.DECODE_TIME_P50_S),
                new Spec("speedup_request_latency", "Request latency", SpeedupMetric.REQUEST_LATENCY, Metric.RL_P50_MS),
                new Spec(
                        "speedup_output_tok_per_j",
                        "Output tok/J",
                        SpeedupMetric.OUTPUT_TOKENS_PER_JOULE,
                        Metric.OUTPUT_TOK_PER_J))) {
            Map<String, List<Double>> byModel = new LinkedHashMap<>();
            for (String model : result.models()) {
                Optional<SpeedupMatrix> m = result.speedups().matrix(s.metric(), method, model);
                List<Double> values = new ArrayList<>();
                for (ModePair p : pairs) {
                    double v = Double.NaN;
                    if (m.isPresent()
                            && m.get().labels().contains(p.mode())
                            && m.get().labels().contains(p.baseline())) {
                        v = m.get().speedup(p.mode(), p.baseline());
                    }
                    values.add(v);
                }
                byModel.put(model, values);
            }
            out.add(new SpeedupTable(
                    s.id(),
                    s.cellMetric(),
                    s.label()
                            + (s.metric() == SpeedupMetric.OUTPUT_TOKENS_PER_JOULE
                                    ? ""
                                    : " (seed " + s.metric().seedTable() + ")"),
                    method.name(),
                    s.metric().direction().name().startsWith("HIGHER")
                            ? "mode / baseline; above 1 the mode is faster"
                            : "baseline / mode; above 1 the mode is faster",
                    labels,
                    byModel));
        }
        return out;
    }

    private List<BestCell> best() {
        List<BestCell> out = new ArrayList<>();
        for (String model : result.models()) {
            Best<CellMetrics> b = result.bestTotalTokensPerJoule().get(model);
            if (b != null) {
                out.add(new BestCell(
                        model,
                        b.item().id().modeLabel(),
                        b.item().id().targetInputTokens(),
                        b.item().id().targetOutputTokens(),
                        b.value()));
            }
        }
        return out;
    }

    private List<ParetoEntry> pareto() {
        List<ParetoEntry> out = new ArrayList<>();
        for (String model : result.models()) {
            ParetoFront<CellMetrics> front = result.paretoFronts().get(model);
            if (front == null) {
                continue;
            }
            for (String mode : result.modes()) {
                for (ParetoPoint<CellMetrics> p : front.points()) {
                    if (p.item().id().modeLabel().equals(mode)) {
                        out.add(new ParetoEntry(model, mode, p.throughput(), p.efficiency(), front.isMember(p.item())));
                    }
                }
            }
        }
        return out;
    }
}
