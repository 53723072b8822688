package io.github.tokjoule.examples;

import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.flags.FlagRules;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.Exclusion;
import io.github.tokjoule.core.join.ExclusionReason;
import io.github.tokjoule.core.join.ReadingPlacement;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.stats.Summary;
import io.github.tokjoule.examples.report.LogReport;
import io.github.tokjoule.examples.report.Report;
import io.github.tokjoule.examples.report.ReportWriter;
import io.github.tokjoule.flink.CellFigures;
import io.github.tokjoule.flink.FleetCsv;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.RailSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code tokjoule report LOG [--records profile_export.jsonl] [--rail R] --out DIR}: the report of a standalone
 * {@code tokjoule monitor --out} log (CSV or JSON Lines), alone (the log's summary per rail) or joined with aiperf's
 * records of the requests run beside it (per-request and per-phase energy through core's join, and the one-row
 * {@code cells.csv} with the sweep report's columns). docs/LIVE.md, "A monitor log's report".
 *
 * <p>Both files hold epoch times (the monitor's clock mapped once to the wall clock; aiperf's {@code request_start_ns}),
 * so no zone applies. Errors, each naming the file and the fix: a log that declares no rail or no sample (exit 1); a
 * rail the log lacks, or several rails and none chosen (exit 2); requests the log does not cover, counted and named
 * (exit 1 unless {@code --allow-partial}), with the whole-hour offset that a clock set to another zone would leave
 * when every request lies outside the log.
 */
final class MonitorLogReport {

    /** The rails chosen, in order, when a log of several rails is joined without {@code --rail}. */
    static final List<String> DEFAULT_RAILS = List.of("VDD_CPU_GPU_CV", "VDD_IN");

    private static final long QUARTER_HOUR = Duration.ofMinutes(15).toNanos();
    private static final int NAMED = 5;

    private final Path log;
    private final PrintWriter out;
    private final PrintWriter err;

    MonitorLogReport(Path log, PrintWriter out, PrintWriter err) {
        this.log = log;
        this.out = out;
        this.err = err;
    }

    /** A problem with the input that ends the command with exit code 1, told as one line. */
    static final class InputProblem extends Exception {
        private static final long serialVersionUID = 1L;

        InputProblem(String message) {
            super(message);
        }
    }

    /**
     * Reads the log (and the records), writes the report.
     *
     * @param records aiperf's records, or null for the log's summary only
     * @param rail the rail option, or null
     * @param estimator the join's estimator
     * @param model the cell's model label
     * @param mode the cell's mode label
     * @param allowPartial whether requests outside the log are reported as left out instead of failing
     * @param output the output directory's option
     * @return the exit code
     */
    int run(
            @Nullable Path records,
            @Nullable String rail,
            EnergyEstimator estimator,
            String model,
            String mode,
            boolean allowPartial,
            ReportOutput output)
            throws IOException, InputProblem {
        LiveLog.Contents contents = LiveLog.read(log);
        if (contents.traces().isEmpty()) {
            throw new InputProblem(log + ": the log declares no rail (no '# rail' line): it is not a complete"
                    + " tokjoule monitor log; record one with tokjoule monitor --out FILE");
        }
        List<RailSummary> rails = RailSummary.of(contents);
        if (rails.stream().allMatch(r -> r.samples() == 0)) {
            throw new InputProblem(log + ": the log has no sample of any rail (" + contents.railList() + "): the"
                    + " monitor stopped before its first refresh; record for longer");
        }
        List<String> notes = new ArrayList<>();
        Optional<LogReport.Joined> joined = Optional.empty();
        if (records != null) {
            joined = Optional.of(join(contents, records, rail, estimator, model, mode, allowPartial, notes));
        } else if (rail != null) {
            railKeys(contents, rail); // a rail the log lacks is an error even without records
        }
        Path dir = output.prepare();
        Report report = LogReport.build(log, rails, contents.comments(), joined, notes, contents.traces());
        ReportWriter.Written written = ReportWriter.write(report, dir);
        out.println("Report: " + written.indexHtml().toAbsolutePath().normalize());
        out.println("        (also report.md, " + (joined.isPresent() ? "cells.csv, " : "")
                + "tables/*.csv, charts/*.svg in "
                + written.directory().toAbsolutePath().normalize() + ")");
        out.println();
        for (String f : report.headline().findings()) {
            out.println("- " + f);
        }
        out.flush();
        Warnings.print(err, "report", notes);
        return TokJoule.OK;
    }

    private LogReport.Joined join(
            LiveLog.Contents contents,
            Path records,
            @Nullable String railOption,
            EnergyEstimator estimator,
            String model,
            String mode,
            boolean allowPartial,
            List<String> notes)
            throws IOException, InputProblem {
        List<String> keys = railOption == null ? List.of(defaultRail(contents)) : railKeys(contents, railOption);
        // Power rails that record a sensor delay go to the join as read, and the estimator is given the delay
        // (readings placed D/2 earlier, the edges' smoothing corrected and allowed for); with an energy counter among
        // the rails each rail is shifted on its own (joinTrace) and the estimator is given none.
        long delay = 0;
        long shortest = Long.MAX_VALUE;
        boolean counter = false;
        for (String k : keys) {
            counter |= LiveLog.ENERGY_COUNTER.equals(contents.readings().get(k));
            delay = Math.max(delay, contents.sensorDelayNanos(k));
            shortest = Math.min(shortest, contents.sensorDelayNanos(k));
        }
        boolean withDelay = delay > 0 && !counter;
        // A lag declared only within D/2 ± U (nvidia-smi's instant reading) is measured per cell at the requests'
        // edges; rails of different U take the smallest, within the longest delay's D/2.
        long uncertainty = Long.MAX_VALUE;
        for (String k : keys) {
            uncertainty = Math.min(uncertainty, contents.placementUncertaintyNanos(k));
        }
        uncertainty = withDelay ? Math.min(uncertainty, delay / 2) : 0;
        if (withDelay && shortest != delay) {
            notes.add(log + ": the rails " + String.join("+", keys) + " record different sensor delays; the join"
                    + " takes the longest, " + delay + " ns");
        }
        List<PowerTrace> traces = new ArrayList<>();
        for (String k : keys) {
            PowerTrace t = withDelay ? Objects.requireNonNull(contents.traces().get(k), k) : contents.joinTrace(k);
            if (t.size() < 2) {
                throw new InputProblem(log + ": rail " + k + " has " + t.size() + " sample(s); the join needs two or"
                        + " more: record for longer");
            }
            traces.add(t);
        }
        PowerTrace trace = traces.size() == 1 ? traces.get(0) : PowerTrace.sum(traces);
        String rail = String.join("+", keys);
        if (trace.size() < 2) {
            throw new InputProblem(log + ": the rails " + rail + " do not overlap in time: nothing to add up");
        }
        List<RequestTimeline> requests = AiperfRecords.timelines(records);
        if (requests.isEmpty()) {
            throw new InputProblem(records + ": no profiling record: nothing to join with the log");
        }
        CellAttribution a =
                (withDelay ? estimator.withReadingPlacement(delay, uncertainty) : estimator).attribute(trace, requests);
        if (uncertainty > 0) {
            notes.add(placement(a.placement(), rail, delay, uncertainty));
        }
        outside(a, trace, records, allowPartial, notes);
        if (a.requests().isEmpty()) {
            throw new InputProblem(records + ": none of its " + requests.size() + " requests could be attributed ("
                    + reasons(a) + "): no energy figure");
        }
        CellId id = CellId.of(model, mode, "unknown", median(requests, true), median(requests, false));
        AnalyzedCell cell = cell(id, rail, keys.get(0), a, trace, requests);
        return new LogReport.Joined(records, rail, a, cell);
    }

    /** The request–power join's rows of a cell, as the fleet's (one mapping), with the records' latencies added. */
    private static AnalyzedCell cell(
            CellId id, String rail, String firstKey, CellAttribution a, PowerTrace trace, List<RequestTimeline> all) {
        CellMetrics joinRow = FleetCsv.metrics(CellFigures.of("", id, rail, a, trace.size()));
        CellMetrics.Builder b = CellMetrics.builder();
        b.from(joinRow);
        List<RequestTimeline> ok =
                all.stream().filter(RequestTimeline::succeeded).toList();
        b.ttftMillis(Summary.of(ok.stream()
                .mapToDouble(t -> (t.firstTokenEpochNanos() - t.startEpochNanos()) / 1e6)
                .toArray()));
        b.requestLatencyMillis(Summary.of(ok.stream()
                .mapToDouble(t -> (t.endEpochNanos() - t.startEpochNanos()) / 1e6)
                .toArray()));
        b.interTokenLatencyMillis(Summary.of(ok.stream()
                .filter(t -> t.outputTokens() > 1)
                .mapToDouble(t -> (t.endEpochNanos() - t.firstTokenEpochNanos()) / 1e6 / (t.outputTokens() - 1))
                .toArray()));
        b.requestJoules(Summary.of(
                a.requests().stream().mapToDouble(r -> r.total().joules()).toArray()));
        FlagThresholds th = FlagThresholds.defaults();
        // the undersampling flags read the intervals, as the sweep analysis' do (MeasuredMethod)
        FlagRules.prefillUncertain(a.cell().prefill(), th).ifPresent(b::addFlags);
        FlagRules.energyUncertain(a.cell().total(), a.cell().decode(), th).ifPresent(b::addFlags);
        Summary tokJ = Summary.of(a.requests().stream()
                .mapToDouble(r -> r.outputTokensPerJoule().tokensPerJoule())
                .filter(Double::isFinite)
                .toArray());
        String source = firstKey.substring(0, firstKey.indexOf('/'));
        return new AnalyzedCell(
                b.build(),
                Path.of(""),
                Double.NaN,
                Double.NaN,
                tokJ,
                0,
                Optional.of(a),
                PowerTraceSource.ofLiveSource(source, trace.nominalIntervalNanos()));
    }

    /** What became of a lag the log declares only within {@code D/2 ± U}. */
    private String placement(ReadingPlacement p, String rail, long delay, long uncertainty) {
        String declared = String.format(Locale.ROOT, "%.0f ± %.0f ms", delay / 2 / 1e6, uncertainty / 1e6);
        return switch (p.kind()) {
            case ESTIMATED ->
                String.format(
                        Locale.ROOT,
                        "%s: the readings of %s lag their stamps by %.0f ± %.0f ms, measured at %d request edges"
                                + " (declared %s); the interval allows for the ± %.0f ms",
                        log,
                        rail,
                        p.lagNanos() / 1e6,
                        p.allowanceNanos() / 1e6,
                        p.edges(),
                        declared,
                        p.allowanceNanos() / 1e6);
            case FALLBACK ->
                log + ": the readings' lag of " + rail + " was not measured (" + p.reason()
                        + "): placed at the declared " + declared + ", the interval allowing for all of it";
            case NOMINAL ->
                log + ": the estimator does not measure the readings' lag of " + rail + ": placed at "
                        + String.format(Locale.ROOT, "%.0f ms", delay / 2 / 1e6) + ", the declared ± "
                        + String.format(Locale.ROOT, "%.0f ms", uncertainty / 1e6) + " not allowed for";
        };
    }

    /**
     * Requests the log does not cover, counted and named: an error unless partial results were asked for; when every
     * request lies outside and a whole number of quarter hours would bring them inside, the likely cause is said.
     */
    private void outside(CellAttribution a, PowerTrace trace, Path records, boolean allowPartial, List<String> notes)
            throws InputProblem {
        List<Exclusion> outside = a.excluded().stream()
                .filter(x -> x.reason() == ExclusionReason.OUTSIDE_TRACE
                        || x.reason() == ExclusionReason.PARTLY_OUTSIDE_TRACE)
                .toList();
        if (outside.isEmpty()) {
            return;
        }
        long first = trace.epochNanosAt(0);
        long last = trace.epochNanosAt(trace.size() - 1);
        String span = "[" + Instant.ofEpochSecond(0, first) + ", " + Instant.ofEpochSecond(0, last) + "]";
        String named = outside.stream()
                .limit(NAMED)
                .map(x -> "#" + (x.index() + 1) + " at "
                        + Instant.ofEpochSecond(0, x.timeline().startEpochNanos()))
                .collect(Collectors.joining(", "));
        String text = outside.size() + " of " + a.requestCount() + " requests of " + records + " lie wholly or partly"
                + " outside the log's span " + span + " (" + named + (outside.size() > NAMED ? ", …" : "") + ")";
        if (a.requests().isEmpty()) {
            Optional<String> zone = clockOffset(outside, first, last);
            if (zone.isPresent()) {
                throw new InputProblem(text + ": " + zone.get());
            }
        }
        String fix = "; run tokjoule monitor from before the first request until after the last";
        if (!allowPartial) {
            throw new InputProblem(text + fix + ", or give --allow-partial to report the requests the log covers");
        }
        notes.add(text + ": left out of every figure (--allow-partial)" + fix);
    }

    /**
     * When every request lies outside the log but a whole number of quarter hours (every real zone offset is one)
     * would put their span inside it, says so: both files hold epoch times, so a shift by a zone offset means a clock
     * that was set to local time as if it were UTC, or records converted with a zone.
     */
    static Optional<String> clockOffset(List<Exclusion> requests, long logFirst, long logLast) {
        long start = requests.stream()
                .mapToLong(x -> x.timeline().startEpochNanos())
                .min()
                .orElseThrow();
        long end = requests.stream()
                .mapToLong(x -> x.timeline().endEpochNanos())
                .max()
                .orElseThrow();
        if (end - start > logLast - logFirst) {
            return Optional.empty();
        }
        long middle = logFirst / 2 + logLast / 2 - (start / 2 + end / 2);
        long shift = Math.round((double) middle / QUARTER_HOUR) * QUARTER_HOUR;
        if (shift == 0 || start + shift < logFirst || end + shift > logLast) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "they would all lie inside it %+.2f h later: a whole number of quarter hours, as a time-zone offset"
                        + " is. Both files hold epoch times (no zone applies), so one of the two clocks was off by a"
                        + " zone offset (a machine clock set to local time as if it were UTC, or records converted"
                        + " with a zone); check `date -u` on the machines that ran tokjoule monitor and aiperf",
                shift / 3.6e12));
    }

    private static String reasons(CellAttribution a) {
        List<String> out = new ArrayList<>();
        for (ExclusionReason r : ExclusionReason.values()) {
            int n = a.excludedCount(r);
            if (n > 0) {
                out.add(n + " " + r);
            }
        }
        return String.join(", ", out);
    }

    private List<String> railKeys(LiveLog.Contents contents, String option) {
        List<String> keys = new ArrayList<>();
        for (String name : option.split("\\+", -1)) {
            try {
                keys.add(contents.railKey(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("--rail " + option + ": " + log + ": " + e.getMessage());
            }
        }
        return keys;
    }

    private String defaultRail(LiveLog.Contents contents) {
        if (contents.traces().size() == 1) {
            return contents.traces().keySet().iterator().next();
        }
        for (String name : DEFAULT_RAILS) {
            try {
                return contents.railKey(name);
            } catch (IllegalArgumentException e) {
                // not in this log (or in several sources): try the next
            }
        }
        throw new UsageProblem(log + " has " + contents.traces().size() + " rails (" + contents.railList() + ") and"
                + " none of the default " + DEFAULT_RAILS + ": choose the one to join with --rail NAME (or"
                + " SOURCE/NAME, several joined by +)");
    }

    private static int median(List<RequestTimeline> requests, boolean input) {
        double[] tokens = requests.stream()
                .filter(RequestTimeline::tokensKnown)
                .mapToDouble(t -> input ? t.inputTokens() : t.outputTokens())
                .sorted()
                .toArray();
        return tokens.length == 0 ? 1 : (int) Math.max(1, Math.round(tokens[tokens.length / 2]));
    }

    /** A usage problem found while reading the log (a rail it lacks): exit code 2, as for any bad option. */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }
}
