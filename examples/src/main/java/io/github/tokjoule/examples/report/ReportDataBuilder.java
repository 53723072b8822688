package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.CellShape;
import io.github.tokjoule.core.cell.Cells;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.compare.Best;
import io.github.tokjoule.core.compare.ModePair;
import io.github.tokjoule.core.compare.ParetoFront;
import io.github.tokjoule.core.compare.SpeedupMethod;
import io.github.tokjoule.core.compare.Speedups;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.thermal.ThermalSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the analysis's per-cell rows ({@link CellMetrics}) into {@link ReportData}: the cell table, power and thermal
 * per model and mode, speedup matrices by {@link SpeedupMethod#GEOMETRIC_MEAN_OF_RATIOS} over the cells, best total
 * tok/J, and the Pareto front per model at the canonical cell — all with metrics-core's own comparison functions.
 *
 * <p><b>Which output tok/J.</b> The report's "output tok/J" is {@link #headlineVariant(EnergyMethod)}: for
 * {@link EnergyMethod#SEED_COMPATIBLE} the seed's published variant {@link OutputTokJVariant#DECODE_PHASE}; for
 * {@link EnergyMethod#MEASURED} the output tokens of the successful requests over their whole measured energy
 * ({@link OutputTokJVariant#REQUEST} semantics, measured instead of {@code P · RL p50}). The other variants are in
 * {@code cells.csv} under their own names.
 */
public final class ReportDataBuilder {

    private final String title;
    private final List<ReportData.SetupItem> setup = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final EnergyMethod method;
    private final List<String> modeOrder = new ArrayList<>();
    private final List<String> modelOrder = new ArrayList<>();
    private final List<CellMetrics> cells = new ArrayList<>();

    private ReportDataBuilder(String title, EnergyMethod method) {
        this.title = title;
        this.method = method;
    }

    /**
     * Starts a report.
     *
     * @param title the report's title
     * @param method the energy method the cells were computed with
     * @return a builder
     */
    public static ReportDataBuilder create(String title, EnergyMethod method) {
        return new ReportDataBuilder(title, method);
    }

    /**
     * Adds a setup line.
     *
     * @param label e.g. {@code Board}
     * @param value e.g. {@code Jetson Orin Nano Super}
     * @return this builder
     */
    public ReportDataBuilder setup(String label, String value) {
        setup.add(new ReportData.SetupItem(label, value));
        return this;
    }

    /**
     * Adds a warning shown under the setup.
     *
     * @param note the text
     * @return this builder
     */
    public ReportDataBuilder note(String note) {
        notes.add(note);
        return this;
    }

    /**
     * Sets the mode order (sweep order); modes of cells not listed follow in the order met.
     *
     * @param labels the mode labels
     * @return this builder
     */
    public ReportDataBuilder modes(List<String> labels) {
        modeOrder.clear();
        modeOrder.addAll(labels);
        return this;
    }

    /**
     * Sets the model order; models of cells not listed follow in the order met.
     *
     * @param names the model names
     * @return this builder
     */
    public ReportDataBuilder models(List<String> names) {
        modelOrder.clear();
        modelOrder.addAll(names);
        return this;
    }

    /**
     * Adds cells.
     *
     * @param rows the cells, failed ones included
     * @return this builder
     */
    public ReportDataBuilder cells(List<CellMetrics> rows) {
        cells.addAll(rows);
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
     * Returns the power statistic the report shows for a method.
     *
     * @param method the method
     * @return {@code SAMPLE_MEDIAN} (what the seed's "avg_power_W" is) or {@code TIME_WEIGHTED_MEAN}
     */
    public static String powerStatistic(EnergyMethod method) {
        return method == EnergyMethod.SEED_COMPATIBLE ? "SAMPLE_MEDIAN" : "TIME_WEIGHTED_MEAN";
    }

    /**
     * Returns a sentence saying how the method computes energy and which output tok/J the report shows.
     *
     * @param method the method
     * @return the sentence
     */
    public static String describe(EnergyMethod method) {
        return method == EnergyMethod.SEED_COMPATIBLE
                ? "The seed benchmark's arithmetic (its §J): the median of the power samples inside each aiperf run"
                        + " window times p50 latencies; output tok/J = OSL / (P_decode · (RL p50 − TTFT p50)), the"
                        + " variant of its published numbers. Prefill values are approximate when few samples fall"
                        + " in the prefill window."
                : "The power log is integrated (trapezoid rule) over each request's own [start, end] and"
                        + " [start, first token] windows from aiperf's per-request records; a cell's energy per"
                        + " request is the mean of its requests' energies, and its tok/J a ratio of sums: output"
                        + " tokens of all successful requests over their whole energy. Power is the time-weighted"
                        + " mean over the cell's window.";
    }

    /**
     * Builds the report's data.
     *
     * @return the data
     * @throws IllegalArgumentException if there are no cells
     */
    public ReportData build() {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells to report");
        }
        List<String> modes =
                order(modeOrder, cells.stream().map(c -> c.id().modeLabel()).toList());
        List<String> models =
                order(modelOrder, cells.stream().map(c -> c.id().model()).toList());
        Set<Integer> ctxs = new TreeSet<>();
        Set<Integer> gens = new TreeSet<>();
        Set<String> rails = new LinkedHashSet<>();
        for (CellMetrics c : cells) {
            ctxs.add(c.id().targetInputTokens());
            gens.add(c.id().targetOutputTokens());
            c.rail().ifPresent(rails::add);
        }
        int canonicalCtx = ((TreeSet<Integer>) ctxs).last();
        int canonicalGen = ((TreeSet<Integer>) gens).last();
        String rail = rails.isEmpty() ? "unknown rail" : String.join(" + ", rails);
        List<CellRow> rows = new ArrayList<>(cells.size());
        for (CellMetrics c : cells) {
            rows.add(row(c));
        }
        return new ReportData(
                title,
                setup,
                method.name(),
                describe(method),
                rail,
                modes,
                models,
                List.copyOf(ctxs),
                List.copyOf(gens),
                canonicalCtx,
                canonicalGen,
                rows,
                modelModes(modes, models),
                speedups(modes, models),
                best(models),
                pareto(modes, models, canonicalCtx, canonicalGen),
                notes);
    }

    private static List<String> order(List<String> preferred, List<String> met) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>(met);
        for (String p : preferred) {
            if (present.contains(p)) {
                out.add(p);
            }
        }
        out.addAll(met);
        return List.copyOf(out);
    }

    private CellRow row(CellMetrics c) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        if (c.isOk()) {
            v.put(Metric.ISL, c.realisedInputTokens());
            v.put(Metric.OSL, c.realisedOutputTokens());
            v.put(Metric.TTFT_P50_MS, c.ttftMillis().p50());
            v.put(Metric.ITL_P50_MS, c.interTokenLatencyMillis().p50());
            v.put(Metric.RL_P50_MS, c.requestLatencyMillis().p50());
            v.put(Metric.TOK_S, c.outputTokensPerSecond());
            v.put(Metric.POWER_W, power(c));
            v.put(Metric.ENERGY_TOTAL_J, c.totalJoulesPerRequest());
            v.put(Metric.ENERGY_PREFILL_J, c.prefillJoulesPerRequest());
            v.put(Metric.ENERGY_DECODE_J, c.decodeJoulesPerRequest());
            v.put(Metric.OUTPUT_TOK_PER_J, c.outputTokensPerJoule(headlineVariant(method)));
            v.put(Metric.OUTPUT_TOK_PER_J_REQUEST, c.outputTokensPerJoule(OutputTokJVariant.REQUEST));
            v.put(Metric.OUTPUT_TOK_PER_J_THROUGHPUT, c.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT));
            v.put(Metric.PREFILL_TOK_PER_J, c.prefillTokensPerJoule());
            v.put(Metric.DECODE_TOK_PER_J, c.decodeTokensPerJoule());
            v.put(Metric.TOTAL_TOK_PER_J, c.totalTokensPerJoule());
            v.put(Metric.MJ_PER_OUTPUT_TOKEN, c.millijoulesPerOutputToken());
            v.put(Metric.TTFT_P90_MS, c.ttftMillis().p90());
            v.put(Metric.TTFT_P99_MS, c.ttftMillis().p99());
            v.put(Metric.ITL_P90_MS, c.interTokenLatencyMillis().p90());
            v.put(Metric.ITL_P99_MS, c.interTokenLatencyMillis().p99());
            v.put(Metric.RL_P90_MS, c.requestLatencyMillis().p90());
            v.put(Metric.RL_P99_MS, c.requestLatencyMillis().p99());
            v.put(Metric.DECODE_TIME_P50_S, c.decodeTimeP50Millis() / 1000);
            v.put(Metric.PREFILL_TOK_S, c.prefillTokensPerSecond());
            v.put(Metric.PREFILL_SHARE_PCT, c.prefillShare() * 100);
        }
        v.put(Metric.REQUESTS_OK, (double) (c.requestCount() - c.errorCount()));
        v.put(Metric.REQUESTS_FAILED, (double) c.errorCount());
        List<FlagMark> flags = new ArrayList<>();
        for (Flag f : c.flags()) {
            flags.add(new FlagMark(f.flag().name(), f.severity().name(), f.reason()));
        }
        return new CellRow(
                c.id().modeLabel(),
                c.id().model(),
                c.id().targetInputTokens(),
                c.id().targetOutputTokens(),
                c.status().failureReason(),
                v,
                c.method().name(),
                c.rail().orElse(""),
                flags);
    }

    private double power(CellMetrics c) {
        double w = c.watts(powerStatistic(method));
        if (Double.isNaN(w) && !c.wattsByStatistic().isEmpty()) {
            w = c.wattsByStatistic().values().iterator().next();
        }
        return w;
    }

    private List<CellMetrics> of(String model) {
        return cells.stream().filter(c -> c.id().model().equals(model)).toList();
    }

    /** Power: mean of the cells' power; temperatures: sample-weighted means of the cells', peak of peaks. */
    private List<ModelModeRow> modelModes(List<String> modes, List<String> models) {
        List<ModelModeRow> out = new ArrayList<>();
        for (String model : models) {
            for (String mode : modes) {
                double powerSum = 0;
                int powerN = 0;
                double cpu = 0;
                double gpu = 0;
                long cpuN = 0;
                long gpuN = 0;
                double peak = Double.NaN;
                boolean throttled = false;
                boolean any = false;
                for (CellMetrics c : of(model)) {
                    if (!c.id().modeLabel().equals(mode) || !c.isOk()) {
                        continue;
                    }
                    any = true;
                    double w = power(c);
                    if (Double.isFinite(w)) {
                        powerSum += w;
                        powerN++;
                    }
                    Optional<ThermalSummary> t = c.thermal();
                    if (t.isPresent()) {
                        ThermalSummary s = t.get();
                        if (Double.isFinite(s.meanCpuCelsius())) {
                            cpu += s.meanCpuCelsius() * s.sampleCount();
                            cpuN += s.sampleCount();
                        }
                        if (Double.isFinite(s.meanGpuCelsius())) {
                            gpu += s.meanGpuCelsius() * s.sampleCount();
                            gpuN += s.sampleCount();
                        }
                        if (Double.isFinite(s.peakJunctionCelsius())) {
                            peak = Double.isNaN(peak)
                                    ? s.peakJunctionCelsius()
                                    : Math.max(peak, s.peakJunctionCelsius());
                        }
                        throttled |= s.throttled();
                    }
                }
                if (any) {
                    out.add(new ModelModeRow(
                            model,
                            mode,
                            powerN == 0 ? Double.NaN : powerSum / powerN,
                            cpuN == 0 ? Double.NaN : cpu / cpuN,
                            gpuN == 0 ? Double.NaN : gpu / gpuN,
                            peak,
                            throttled));
                }
            }
        }
        return out;
    }

    /** The seed's six pairs when the sweep has its four modes, else every later mode over every earlier one. */
    static List<ModePair> pairs(List<String> modes) {
        Optional<String> m7 = find(modes, "7W");
        Optional<String> m15 = find(modes, "15W");
        Optional<String> m25 = find(modes, "25W");
        Optional<String> maxn = modes.stream()
                .filter(m -> m.toUpperCase(Locale.ROOT).startsWith("MAXN"))
                .findFirst();
        if (m7.isPresent() && m15.isPresent() && m25.isPresent() && maxn.isPresent()) {
            return ModePair.seedPairs(m7.get(), m15.get(), m25.get(), maxn.get());
        }
        List<ModePair> out = new ArrayList<>();
        for (int i = 1; i < modes.size(); i++) {
            for (int j = 0; j < i; j++) {
                out.add(ModePair.of(modes.get(i), modes.get(j)));
            }
        }
        return out;
    }

    private static Optional<String> find(List<String> modes, String label) {
        return modes.stream().filter(m -> m.equalsIgnoreCase(label)).findFirst();
    }

    private List<SpeedupTable> speedups(List<String> modes, List<String> models) {
        List<ModePair> pairs = pairs(modes);
        List<String> pairLabels =
                pairs.stream().map(p -> p.mode() + " / " + p.baseline()).toList();
        List<SpeedupTable> out = new ArrayList<>();
        record Spec(String id, String label, CellMetric cellMetric, Metric metric) {}
        for (Spec s : List.of(
                new Spec("speedup_throughput", "Output throughput", CellMetric.OUTPUT_TOKENS_PER_SECOND, Metric.TOK_S),
                new Spec("speedup_ttft", "TTFT", CellMetric.TTFT_P50_MILLIS, Metric.TTFT_P50_MS),
                new Spec(
                        "speedup_decode_time",
                        "Decode time",
                        CellMetric.DECODE_TIME_P50_MILLIS,
                        Metric.DECODE_TIME_P50_S),
                new Spec(
                        "speedup_request_latency",
                        "Request latency",
                        CellMetric.REQUEST_LATENCY_P50_MILLIS,
                        Metric.RL_P50_MS))) {
            Speedups<CellShape> calc = Speedups.of(
                    SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, s.cellMetric().direction());
            Map<String, List<Double>> byModel = new LinkedHashMap<>();
            for (String model : models) {
                Map<String, Map<CellShape, Double>> values =
                        Cells.byMode(positive(of(model), s.cellMetric()), s.cellMetric());
                byModel.put(model, new ArrayList<>(calc.pairs(pairs, values).values()));
            }
            out.add(new SpeedupTable(
                    s.id(),
                    s.metric(),
                    s.label(),
                    SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS.name(),
                    s.cellMetric().direction().name().startsWith("HIGHER")
                            ? "mode / baseline: higher is faster"
                            : "baseline / mode: above 1 the mode is faster",
                    pairLabels,
                    byModel));
        }
        return out;
    }

    /** Cells whose metric is positive and finite: the only values a ratio can use. */
    private static List<CellMetrics> positive(List<CellMetrics> cells, CellMetric metric) {
        return cells.stream()
                .filter(c -> c.isOk() && metric.of(c) > 0 && Double.isFinite(metric.of(c)))
                .toList();
    }

    private List<BestCell> best(List<String> models) {
        List<BestCell> out = new ArrayList<>();
        for (String model : models) {
            Optional<Best<CellMetrics>> b = Cells.best(of(model), CellMetric.TOTAL_TOKENS_PER_JOULE);
            b.ifPresent(x -> out.add(new BestCell(
                    model,
                    x.item().id().modeLabel(),
                    x.item().id().targetInputTokens(),
                    x.item().id().targetOutputTokens(),
                    x.value())));
        }
        return out;
    }

    private List<ParetoEntry> pareto(List<String> modes, List<String> models, int ctx, int gen) {
        OutputTokJVariant variant = headlineVariant(method);
        List<ParetoEntry> out = new ArrayList<>();
        for (String model : models) {
            List<CellMetrics> canonical = of(model).stream()
                    .filter(c -> c.isOk()
                            && c.id().targetInputTokens() == ctx
                            && c.id().targetOutputTokens() == gen
                            && Double.isFinite(c.outputTokensPerSecond())
                            && Double.isFinite(c.outputTokensPerJoule(variant)))
                    .toList();
            ParetoFront<CellMetrics> front =
                    ParetoFront.of(canonical, CellMetrics::outputTokensPerSecond, c -> c.outputTokensPerJoule(variant));
            for (String mode : modes) {
                for (CellMetrics c : canonical) {
                    if (c.id().modeLabel().equals(mode)) {
                        out.add(new ParetoEntry(
                                model,
                                mode,
                                c.outputTokensPerSecond(),
                                c.outputTokensPerJoule(variant),
                                front.isMember(c)));
                    }
                }
            }
        }
        return out;
    }
}
