package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-made report input shaped like the seed's sweep, for writer and chart tests. */
final class SampleData {

    static final List<String> MODES = List.of("7W", "15W", "25W", "MAXN_SUPER");
    static final List<String> MODELS = List.of("smollm2-135m", "smollm2-360m", "qwen2.5-0.5b", "llama3.2-1b");
    // Canonical tok/s per mode (seed Table 7 rows), power per mode.
    static final double[][] TOK_S = {
        {53.9, 114.5, 165.1, 159.4}, {34.8, 70.6, 101.8, 89.4}, {27.4, 68.3, 92.6, 100.5}, {12.1, 32.3, 47.0, 51.9}
    };
    static final double[][] POWER = {
        {1.99, 4.27, 5.74, 6.51}, {2.27, 4.98, 6.76, 7.42}, {2.22, 5.34, 7.05, 8.73}, {2.26, 6.04, 8.56, 10.54}
    };

    private SampleData() {}

    /** Setup facts as a driver run records them: board and tools known, CUDA and one GGUF size not. */
    static SetupFacts facts(int models) {
        List<SetupFacts.ModelInfo> infos = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            infos.add(new SetupFacts.ModelInfo(
                    MODELS.get(m),
                    m == 1 ? "Q8_0" : "Q4_K_M",
                    m == 0 ? 101.2 : Double.NaN,
                    "/models/x.gguf",
                    "t/x",
                    2560));
        }
        List<SetupFacts.ModeInfo> modes = new ArrayList<>();
        int[] ids = {3, 0, 1, 2};
        double[] gpu = {408, 612, 816, Double.NaN};
        for (int k = 0; k < MODES.size(); k++) {
            modes.add(new SetupFacts.ModeInfo(MODES.get(k), ids[k], gpu[k], 1728));
        }
        return new SetupFacts(
                List.of(new ReportData.SetupItem("L4T release", "R36 (release), REVISION: 4.7")),
                List.of(new ReportData.SetupItem("CUDA", "not recorded (the audit does not record CUDA)")),
                infos,
                modes);
    }

    /** The data with other modes, cells and per-model power rows; everything else unchanged. */
    static ReportData with(ReportData d, List<String> modes, List<CellRow> cells, List<ModelModeRow> modelModes) {
        return new ReportData(
                d.title(),
                d.setup(),
                d.facts(),
                d.method(),
                d.methodDescription(),
                d.rail(),
                modes,
                d.models(),
                d.promptLengths(),
                d.genLengths(),
                d.canonicalCtx(),
                d.canonicalGen(),
                cells,
                modelModes,
                d.speedups(),
                d.bestTotalTokPerJoule(),
                d.pareto(),
                d.notes());
    }

    static ReportData create() {
        return create(MODELS.size(), true);
    }

    static ReportData create(int models, boolean withFailure) {
        List<CellRow> cells = new ArrayList<>();
        List<ModelModeRow> mm = new ArrayList<>();
        List<ParetoEntry> pareto = new ArrayList<>();
        List<BestCell> best = new ArrayList<>();
        List<Integer> ctxs = List.of(128, 512, 1024, 2048);
        List<Integer> gens = List.of(64, 128, 256);
        for (int m = 0; m < models; m++) {
            String model = MODELS.get(m);
            BestCell b = null;
            for (int k = 0; k < MODES.size(); k++) {
                String mode = MODES.get(k);
                for (int gen : gens) {
                    for (int ctx : ctxs) {
                        boolean failed = withFailure && m == 3 && k == 0 && gen == 64 && ctx == 2048;
                        Map<Metric, Double> v = new EnumMap<>(Metric.class);
                        double tokS = TOK_S[m][k] * (1.1 - ctx / 20480.0);
                        double ttftMs = ctx / (TOK_S[m][k] * 8) * 1000;
                        double rlMs = ttftMs + gen / tokS * 1000;
                        double p = POWER[m][k];
                        double total = p * rlMs / 1000;
                        double prefill = p * ttftMs / 1000;
                        v.put(Metric.ISL, (double) ctx);
                        v.put(Metric.OSL, (double) gen);
                        v.put(Metric.TTFT_P50_MS, ttftMs);
                        v.put(Metric.ITL_P50_MS, 1000 / tokS);
                        v.put(Metric.RL_P50_MS, rlMs);
                        v.put(Metric.TOK_S, tokS);
                        v.put(Metric.POWER_W, p);
                        v.put(Metric.ENERGY_TOTAL_J, total);
                        v.put(Metric.ENERGY_PREFILL_J, prefill);
                        v.put(Metric.ENERGY_DECODE_J, total - prefill);
                        v.put(Metric.OUTPUT_TOK_PER_J, gen / (total - prefill));
                        v.put(Metric.OUTPUT_TOK_PER_J_REQUEST, gen / total);
                        v.put(Metric.OUTPUT_TOK_PER_J_THROUGHPUT, tokS / p);
                        v.put(Metric.PREFILL_TOK_PER_J, ctx / prefill);
                        v.put(Metric.DECODE_TOK_PER_J, gen / (total - prefill));
                        v.put(Metric.TOTAL_TOK_PER_J, (ctx + gen) / total);
                        v.put(Metric.MJ_PER_OUTPUT_TOKEN, 1000 * (total - prefill) / gen);
                        List<FlagMark> flags = new ArrayList<>();
                        if (ttftMs < 500) {
                            flags.add(new FlagMark(
                                    "PREFILL_UNDERSAMPLED",
                                    "WARNING",
                                    "1 power sample in the prefill window (TTFT p50 " + Math.round(ttftMs) + " ms)"));
                        }
                        flags.add(new FlagMark("TIMESTAMPS_RECONSTRUCTED", "INFO", "period 0.521 s fitted"));
                        cells.add(new CellRow(
                                model,
                                mode,
                                ctx,
                                gen,
                                failed ? Optional.of("aiperf exited with code 1, server OOM") : Optional.empty(),
                                failed ? Map.of() : v,
                                "MEASURED",
                                "VDD_CPU_GPU_CV",
                                failed ? List.of() : flags,
                                failed || k != 2
                                        ? Map.of()
                                        : Map.of(
                                                Metric.OUTPUT_TOK_PER_J,
                                                new CellRow.Interval(
                                                        0.97 * gen / (total - prefill), 1.03 * gen / (total - prefill)),
                                                Metric.ENERGY_TOTAL_J,
                                                new CellRow.Interval(0.98 * total, 1.02 * total)),
                                failed ? Optional.empty() : Optional.of("PER_REQUEST"),
                                failed ? Optional.empty() : Optional.of(PowerTraceSource.tegrastats(500_000_000L))));
                        double totalTokJ = (ctx + gen) / total;
                        if (!failed && (b == null || totalTokJ > b.value())) {
                            b = new BestCell(model, mode, ctx, gen, totalTokJ);
                        }
                    }
                }
                mm.add(new ModelModeRow(model, mode, POWER[m][k] * 0.98, 45 + 4 * k, 47 + 4 * k, 50 + 5 * k, false));
                double tokS = TOK_S[m][k] * (1.1 - 0.1);
                double tokJ = tokS / POWER[m][k];
                pareto.add(new ParetoEntry(model, mode, tokS, tokJ, k >= 2));
            }
            best.add(b);
        }
        List<String> pairs =
                List.of("25W / 15W", "MAXN_SUPER / 15W", "15W / 7W", "25W / 7W", "MAXN_SUPER / 7W", "MAXN_SUPER / 25W");
        List<SpeedupTable> speedups = new ArrayList<>();
        for (String[] s : new String[][] {
            {"speedup_throughput", "Output throughput", "TOK_S"},
            {"speedup_ttft", "TTFT", "TTFT_P50_MS"},
            {"speedup_decode_time", "Decode time", "DECODE_TIME_P50_S"},
            {"speedup_request_latency", "Request latency", "RL_P50_MS"}
        }) {
            Map<String, List<Double>> rows = new LinkedHashMap<>();
            for (int m = 0; m < models; m++) {
                double[] t = TOK_S[m];
                rows.put(
                        MODELS.get(m),
                        List.of(t[2] / t[1], t[3] / t[1], t[1] / t[0], t[2] / t[0], t[3] / t[0], t[3] / t[2]));
            }
            speedups.add(new SpeedupTable(
                    s[0],
                    Metric.valueOf(s[2]),
                    s[1],
                    "GEOMETRIC_MEAN_OF_RATIOS",
                    s[0].equals("speedup_throughput") ? "mode / baseline" : "baseline / mode",
                    pairs,
                    rows));
        }
        return new ReportData(
                "Sample sweep: " + MODES.size() + " power modes × " + models + " models",
                List.of(
                        new ReportData.SetupItem("Board", "Jetson Orin Nano Super 8GB"),
                        new ReportData.SetupItem(
                                "Sweep", "prompt {128, 512, 1024, 2048} × gen {64, 128, 256} × 20" + " requests")),
                facts(models),
                "MEASURED",
                "Energy integrated over each request's own window; tok/J is a ratio of sums.",
                "VDD_CPU_GPU_CV",
                MODES,
                MODELS.subList(0, models),
                ctxs,
                gens,
                2048,
                256,
                cells,
                mm,
                speedups,
                best,
                pareto,
                List.of("A <note> & \"quote\""));
    }
}
