package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetric;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.Ci95;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.Flag;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the per-cell results of a sweep as CSV ({@code cells.csv}): one header row, one row per cell, the columns
 * of the report's {@code cells.csv} (issue 8) followed by the rail and the request counts:
 *
 * <pre>{@code
 * mode, model, ctx, gen, status, isl, osl, ttft_p50_ms, itl_p50_ms, rl_p50_ms, tok_s, power_w, energy_total_j,
 * energy_prefill_j, energy_decode_j, output_tok_per_j, output_tok_per_j_request, output_tok_per_j_throughput,
 * prefill_tok_per_j, decode_tok_per_j, total_tok_per_j, mj_per_output_token, method, flags, rail, requests_ok,
 * requests_failed, estimator, energy_total_j_ci95_low, energy_total_j_ci95_high, energy_prefill_j_ci95_low, …,
 * decode_tok_per_j_ci95_high, power_trace
 * }</pre>
 *
 * <p>{@code status} is {@code ok} or {@code failed: <reason>}; {@code isl}/{@code osl} are the realised means;
 * {@code tok_s} is {@link CellMetrics#outputTokensPerSecond()}; {@code power_w} is {@link SweepResult#powerWatts}
 * (the tables' power of the method); energies are joules per request; {@code output_tok_per_j} is the headline variant
 * ({@link AnalysisOptions#headlineVariant()}), {@code output_tok_per_j_request} and {@code
 * output_tok_per_j_throughput} the {@link OutputTokJVariant#REQUEST} and {@link OutputTokJVariant#THROUGHPUT}
 * variants; {@code method} is {@code MEASURED} or {@code SEED_COMPATIBLE}; {@code flags} the distinct flag names,
 * {@code ;}-separated, empty when none; {@code estimator} the join estimator that ran for the cell ({@code
 * PER_REQUEST} or {@code POOLED}; {@code RUN_WINDOW} for a cell without per-request records; {@link
 * CellMetrics#estimator()}), empty for the seed's method; {@code
 * <figure>_ci95_low} and {@code <figure>_ci95_high} the figure's 95 % interval ({@link CellMetrics#ci95ByMetric()}),
 * both empty when it has none, the upper bound {@code Infinity} where the data bound it from below only; {@code
 * power_trace} the trace the energy figures came from with its nominal sample interval ({@link
 * PowerTraceSource#label()}, e.g. {@code hwmon 10 ms} where the analysis preferred a dense {@code hwmon.csv}, {@code
 * tegrastats 500 ms} otherwise), empty without a trace. A number that is unknown (NaN: a failed cell, a missing rail) is an empty
 * field; the others are written with {@link Double#toString(double)} (full precision, root locale). Fields are quoted
 * (RFC 4180, inner quotes doubled) when they hold a comma, a quote or a line break; lines end with {@code \n}.
 *
 * @since 0.1.0
 */
public final class CellResultsCsv {

    /**
     * The leading columns every {@code cells.csv} of the project starts with, in this order (guaranteed: the sweep
     * driver's file and the examples report's file both begin with exactly these 25 columns, written by this class's
     * {@link #quote}, {@link #number} and {@link #status} rules; a writer may append its own columns after them).
     */
    public static final List<String> LEADING_COLUMNS = List.of(
            "mode",
            "model",
            "ctx",
            "gen",
            "status",
            "isl",
            "osl",
            "ttft_p50_ms",
            "itl_p50_ms",
            "rl_p50_ms",
            "tok_s",
            "power_w",
            "energy_total_j",
            "energy_prefill_j",
            "energy_decode_j",
            "output_tok_per_j",
            "output_tok_per_j_request",
            "output_tok_per_j_throughput",
            "prefill_tok_per_j",
            "decode_tok_per_j",
            "total_tok_per_j",
            "mj_per_output_token",
            "method",
            "flags",
            "rail");

    /**
     * The figures that carry a 95 % interval in {@code cells.csv}, each with the {@link CellMetric} it reads; {@code
     * output_tok_per_j} reads the headline variant's ({@link #ci95Metric}).
     */
    private static final List<String> INTERVAL_FIGURES = List.of(
            "energy_total_j",
            "energy_prefill_j",
            "energy_decode_j",
            "output_tok_per_j",
            "prefill_tok_per_j",
            "decode_tok_per_j");

    /**
     * The columns that follow the request counts (since 0.2.0): {@code estimator}, then {@code <figure>_ci95_low,
     * <figure>_ci95_high} for each of {@code energy_total_j, energy_prefill_j, energy_decode_j, output_tok_per_j,
     * prefill_tok_per_j, decode_tok_per_j}.
     *
     * @since 0.2.0
     */
    public static final List<String> ESTIMATE_COLUMNS = estimateColumns();

    /**
     * The column after {@link #ESTIMATE_COLUMNS}: which power trace the energy figures came from.
     *
     * @since 0.2.0
     */
    public static final String POWER_TRACE_COLUMN = "power_trace";

    /**
     * The columns of {@link #write}, in order: {@link #LEADING_COLUMNS}, then {@code requests_ok, requests_failed},
     * then {@link #ESTIMATE_COLUMNS}, then {@link #POWER_TRACE_COLUMN}.
     */
    public static final List<String> COLUMNS = withExtra(Stream.of(
                    Stream.of("requests_ok", "requests_failed"),
                    ESTIMATE_COLUMNS.stream(),
                    Stream.of(POWER_TRACE_COLUMN))
            .flatMap(x -> x)
            .toList());

    private CellResultsCsv() {}

    private static List<String> estimateColumns() {
        List<String> out = new ArrayList<>();
        out.add("estimator");
        for (String f : INTERVAL_FIGURES) {
            out.add(f + "_ci95_low");
            out.add(f + "_ci95_high");
        }
        return List.copyOf(out);
    }

    /**
     * Writes every analyzed cell of a sweep, in the result's order, to a file (replaced if it exists).
     *
     * @param result the analyzed sweep
     * @param file the CSV file
     * @throws IOException if the file cannot be written
     */
    public static void write(SweepResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    /**
     * Writes every analyzed cell of a sweep, in the result's order.
     *
     * @param result the analyzed sweep
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(SweepResult result, Writer out) throws IOException {
        out.write(header());
        OutputTokJVariant headline = result.options().headlineVariant();
        for (AnalyzedCell cell : result.cells()) {
            out.write(row(cell, headline, status(cell.metrics())));
        }
    }

    /**
     * Returns one analyzed cell's line: {@link #row(CellMetrics, OutputTokJVariant, String)}'s fields and the
     * {@code power_trace} field, every column of {@link #COLUMNS}.
     *
     * @param cell the cell
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @param status the status field
     * @return the line, with its line end
     * @since 0.2.0
     */
    public static String row(AnalyzedCell cell, OutputTokJVariant headline, String status) {
        String metrics = row(cell.metrics(), headline, status);
        return metrics.substring(0, metrics.length() - 1)
                + ','
                + quote(cell.powerTrace().map(PowerTraceSource::label).orElse(""))
                + '\n';
    }

    /**
     * Returns the header line.
     *
     * @return the column names, comma-separated, with a line end
     */
    public static String header() {
        return String.join(",", COLUMNS) + "\n";
    }

    /**
     * Returns {@link #LEADING_COLUMNS} followed by a caller's own columns.
     *
     * @param extraColumns the columns to append, in order
     * @return a new unmodifiable list
     */
    public static List<String> withExtra(List<String> extraColumns) {
        List<String> all = new ArrayList<>(LEADING_COLUMNS.size() + extraColumns.size());
        all.addAll(LEADING_COLUMNS);
        all.addAll(extraColumns);
        return List.copyOf(all);
    }

    /**
     * Returns the status field of a cell.
     *
     * @param cell the cell
     * @return {@code ok}, or {@code failed: <reason>} with the reason's line breaks replaced by {@code " | "} (a
     *     {@code FAILED} file may quote several log lines)
     */
    public static String status(CellMetrics cell) {
        return status(cell.status().failureReason());
    }

    /**
     * Returns the status field of a cell known only by its failure reason.
     *
     * @param failureReason why the cell failed, or empty if it succeeded
     * @return {@code ok}, or {@code failed: <reason>} with the reason on one line ({@link #oneLine})
     */
    public static String status(Optional<String> failureReason) {
        return failureReason.map(r -> "failed: " + oneLine(r)).orElse("ok");
    }

    /**
     * Returns the {@code flags} field: the distinct flag names, in first-seen order, {@code ;}-separated.
     *
     * @param flagNames the names, possibly repeated
     * @return the field, empty when there are none
     */
    public static String flags(Iterable<String> flagNames) {
        Set<String> distinct = new LinkedHashSet<>();
        flagNames.forEach(distinct::add);
        return String.join(";", distinct);
    }

    /**
     * Joins the lines of a text with {@code " | "}.
     *
     * @param text the text
     * @return the text on one line
     */
    public static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    /**
     * Returns one cell's line, without the {@code power_trace} field that only an analyzed cell has (every column
     * of {@link #COLUMNS} but the last).
     *
     * @param cell the cell
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @param status the status field (normally {@link #status(CellMetrics)}; a caller that knows more, such as the
     *     driver for a cell it has not run yet, may give its own)
     * @return the line, with its line end
     */
    public static String row(CellMetrics cell, OutputTokJVariant headline, String status) {
        CellId id = cell.id();
        StringBuilder sb = new StringBuilder(256);
        sb.append(quote(id.modeLabel())).append(',');
        sb.append(quote(id.model())).append(',');
        sb.append(id.targetInputTokens()).append(',');
        sb.append(id.targetOutputTokens()).append(',');
        sb.append(quote(status));
        for (double v : metricValues(cell, headline)) {
            sb.append(',').append(number(v));
        }
        sb.append(',').append(cell.method().name());
        List<String> flagNames = new ArrayList<>(cell.flags().size());
        for (Flag f : cell.flags()) {
            flagNames.add(f.flag().name());
        }
        sb.append(',').append(flags(flagNames));
        sb.append(',').append(quote(cell.rail().orElse("")));
        sb.append(',').append(cell.requestCount() - cell.errorCount());
        sb.append(',').append(cell.errorCount());
        sb.append(',').append(quote(cell.estimator().orElse("")));
        for (CellMetric m : ci95Metrics(headline)) {
            Optional<Ci95> ci = cell.ci95(m);
            sb.append(',').append(ci.map(c -> bound(c.low())).orElse(""));
            sb.append(',').append(ci.map(c -> bound(c.high())).orElse(""));
        }
        return sb.append('\n').toString();
    }

    /** The metrics behind the interval columns, in the order of {@link #INTERVAL_FIGURES}. */
    private static List<CellMetric> ci95Metrics(OutputTokJVariant headline) {
        return List.of(
                CellMetric.TOTAL_JOULES_PER_REQUEST,
                CellMetric.PREFILL_JOULES_PER_REQUEST,
                CellMetric.DECODE_JOULES_PER_REQUEST,
                ci95Metric(headline),
                CellMetric.PREFILL_TOKENS_PER_JOULE,
                CellMetric.DECODE_TOKENS_PER_JOULE);
    }

    /**
     * Returns the metric whose interval the {@code output_tok_per_j} columns show.
     *
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @return the {@link CellMetric} of that variant
     * @since 0.2.0
     */
    public static CellMetric ci95Metric(OutputTokJVariant headline) {
        return switch (headline) {
            case REQUEST -> CellMetric.OUTPUT_TOKENS_PER_JOULE_REQUEST;
            case DECODE_PHASE -> CellMetric.OUTPUT_TOKENS_PER_JOULE_DECODE_PHASE;
            case THROUGHPUT -> CellMetric.OUTPUT_TOKENS_PER_JOULE_THROUGHPUT;
        };
    }

    /** An interval bound: {@link Double#toString(double)}, so an unbounded upper end is {@code Infinity}. */
    private static String bound(double v) {
        return Double.toString(v);
    }

    /**
     * Returns the cell's values for the 17 metric columns between {@code status} and {@code method} of
     * {@link #LEADING_COLUMNS} ({@code isl} … {@code mj_per_output_token}), in that order: the one place that maps a
     * {@link CellMetrics} to those columns, for this writer and for any other table that shows them.
     *
     * @param cell the cell
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @return a new array of 17 values; NaN where unknown
     */
    public static double[] metricValues(CellMetrics cell, OutputTokJVariant headline) {
        return new double[] {
            cell.realisedInputTokens(),
            cell.realisedOutputTokens(),
            cell.ttftMillis().p50(),
            cell.interTokenLatencyMillis().p50(),
            cell.requestLatencyMillis().p50(),
            cell.outputTokensPerSecond(),
            SweepResult.powerWatts(cell),
            cell.totalJoulesPerRequest(),
            cell.prefillJoulesPerRequest(),
            cell.decodeJoulesPerRequest(),
            cell.outputTokensPerJoule(headline),
            cell.outputTokensPerJoule(OutputTokJVariant.REQUEST),
            cell.outputTokensPerJoule(OutputTokJVariant.THROUGHPUT),
            cell.prefillTokensPerJoule(),
            cell.decodeTokensPerJoule(),
            cell.totalTokensPerJoule(),
            cell.millijoulesPerOutputToken()
        };
    }

    /**
     * Formats a number field.
     *
     * @param v the value
     * @return {@link Double#toString(double)} (full precision, root locale), or an empty field when {@code v} is
     *     NaN or infinite (unknown)
     */
    public static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /**
     * Quotes a field if it needs it.
     *
     * @param field the field
     * @return the field, or the field in double quotes with inner quotes doubled when it holds a comma, a quote or a
     *     line break
     */
    public static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
