package io.github.tokjoule.examples.report;

import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.join.AttributedRequest;
import io.github.tokjoule.core.join.CellAttribution;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.EnergyEstimate;
import io.github.tokjoule.core.join.Exclusion;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.core.join.RequestTimeline;
import io.github.tokjoule.core.join.TokensPerJouleEstimate;
import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.live.RailSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a standalone {@code tokjoule monitor --out} log ({@code tokjoule report LOG}): the log's own summary
 * per rail, and, with aiperf's records of the requests run while it was written, their energy per request and per
 * phase through core's join, with the one-row {@code cells.csv} of the sweep report's columns. Written by
 * {@link ReportWriter#write(Report, Path)} like a sweep's report.
 *
 * @since 0.2.0
 */
public final class LogReport {

    private static final String METHOD = EnergyMethod.MEASURED.name();

    /** A page of more requests than this shows the request table collapsed. */
    private static final int COLLAPSE_ROWS = 50;

    private LogReport() {}

    /**
     * The requests joined with one rail of the log.
     *
     * @param records aiperf's {@code profile_export.jsonl}
     * @param rail the rail's key, {@code source/rail} ({@code +}-joined for a sum)
     * @param attribution the estimator's attribution of the requests
     * @param cell the requests as one cell of the report's row type
     */
    public record Joined(Path records, String rail, CellAttribution attribution, AnalyzedCell cell) {}

    /**
     * Builds the report.
     *
     * @param log the log file
     * @param rails the log's rails, summarised
     * @param comments the log's header comments (the sources' facts)
     * @param joined the requests joined with a rail, if records were given
     * @param notes warnings to show under the title
     * @param traces the rails' samples by key ({@code source/rail}), in the log's order, for the power charts
     * @return the report
     */
    public static Report build(
            Path log,
            List<RailSummary> rails,
            List<String> comments,
            Optional<Joined> joined,
            List<String> notes,
            Map<String, PowerTrace> traces) {
        List<ReportData.SetupItem> setup = new ArrayList<>();
        setup.add(new ReportData.SetupItem("Log", log.toString()));
        joined.ifPresent(j -> {
            setup.add(new ReportData.SetupItem("Requests", j.records().toString()));
            setup.add(new ReportData.SetupItem("Rail", j.rail()));
            setup.add(new ReportData.SetupItem("Estimator", j.attribution().estimator()));
        });
        List<Report.Section> sections = new ArrayList<>();
        List<Report.Block> logBlocks = new ArrayList<>();
        logBlocks.add(new Report.TableBlock(railTable(rails), false));
        List<RequestTimeline> shaded = joined.map(j -> j.attribution().requests().stream()
                        .map(AttributedRequest::timeline)
                        .toList())
                .orElse(List.of());
        for (Map.Entry<String, PowerTrace> t : traces.entrySet()) {
            if (t.getValue().size() >= 2) {
                logBlocks.add(new Report.ChartBlock(PowerChart.of(t.getKey(), t.getValue(), shaded)));
            }
        }
        if (!comments.isEmpty()) {
            logBlocks.add(new Report.ProseBlock("log-facts", "What the sources recorded", comments));
        }
        sections.add(new Report.Section(
                "log",
                "The monitor log",
                "Every rail of the log over its whole span: energy by trapezoids over the samples (an energy counter's"
                        + " own count), power, how completely the samples cover the span (a gap is a spacing longer"
                        + " than twice the nominal interval) and how regular their spacing is; then each rail's power"
                        + " over time (an energy counter's as the mean power of each interval).",
                logBlocks));
        List<String> findings = new ArrayList<>();
        for (RailSummary r : rails) {
            findings.add(r.rail() + ": " + fig(r.joules()) + " J over " + fig(r.spanSeconds()) + " s, mean "
                    + fig(r.meanWatts()) + " W, peak " + fig(r.peakWatts()) + " W, " + r.samples() + " samples, "
                    + percent(r.coverage()) + " of the span covered, " + r.gaps() + " gaps.");
        }
        String description = "The log's samples as written by tokjoule monitor, in epoch nanoseconds.";
        if (joined.isPresent()) {
            Joined j = joined.get();
            sections.addAll(joinSections(j));
            findings.add(0, headline(j));
            description = "Each request's prefill [start, first token], decode [first token, end] and whole window"
                    + " integrated on " + j.rail() + " by core's join (estimator "
                    + j.attribution().estimator()
                    + "), with 95 % intervals; where the log records a sensor delay D, the readings placed D/2"
                    + " earlier and the smoothing of the power's steps at each request's edges corrected and allowed"
                    + " for (±(|ΔP_start| + |ΔP_end|)·D/16); cell figures are ratios of sums over the attributed requests. Output tok/J is the"
                    + " REQUEST variant (output tokens / whole request energy); the other variants are in cells.csv.";
        }
        return new Report(
                "Monitor log report: " + log.getFileName(),
                setup,
                METHOD,
                description,
                notes,
                new Headline(List.of(), Optional.empty(), findings),
                sections);
    }

    private static String headline(Joined j) {
        CellEnergy e = j.attribution().cell();
        TokensPerJouleEstimate tokJ = e.outputTokensPerJoule();
        EnergyEstimate perRequest = e.joulesPerRequest(Phase.TOTAL);
        return e.requests() + " of " + j.attribution().requestCount() + " requests attributed on " + j.rail() + " ("
                + j.attribution().estimator() + "): " + fig(tokJ.tokensPerJoule()) + " output tok/J ["
                + fig(tokJ.ci95Low()) + ", " + fig(tokJ.ci95High()) + "], " + fig(perRequest.joules())
                + " J per request [" + fig(perRequest.ci95LowJoules()) + ", " + fig(perRequest.ci95HighJoules())
                + "], of which prefill " + fig(e.joulesPerRequest(Phase.PREFILL).joules())
                + " J; mean power while serving " + fig(e.meanWatts(Phase.TOTAL)) + " W.";
    }

    private static List<Report.Section> joinSections(Joined j) {
        CellAttribution a = j.attribution();
        List<Report.Section> out = new ArrayList<>();
        out.add(new Report.Section(
                "phases",
                "Energy per phase",
                "Sums over the " + a.requests().size() + " attributed requests, per request and in tokens per joule;"
                        + " intervals are 95 %.",
                List.of(new Report.TableBlock(phaseTable(a.cell()), false))));
        out.add(new Report.Section(
                "requests",
                "Energy per request",
                "Every attributed request in file order (# is its position in the records), with its phases' energy"
                        + " and the samples inside its windows.",
                List.of(new Report.TableBlock(requestTable(a), a.requests().size() > COLLAPSE_ROWS))));
        if (!a.excluded().isEmpty()) {
            out.add(new Report.Section(
                    "excluded",
                    "Requests left out",
                    "Requests in no sum, with the reason: failed, token counts unknown, or (partly) outside the log.",
                    List.of(new Report.TableBlock(
                            excludedTable(a.excluded()), a.excluded().size() > COLLAPSE_ROWS))));
        }
        CellRow row = ReportDataBuilder.row(j.cell(), OutputTokJVariant.REQUEST);
        out.add(new Report.Section(
                "cells",
                "The requests as a cell",
                "The same figures as one row of the sweep report's cells.csv (its columns; the aiperf-summary columns"
                        + " tok_s and output_tok_per_j_throughput stay empty: a monitor log's report reads the records"
                        + " only).",
                List.of(new Report.TableBlock(ReportTables.cells(List.of(row), METHOD, j.rail()), false))));
        return out;
    }

    private static Table railTable(List<RailSummary> rails) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (RailSummary r : rails) {
            rows.add(List.of(
                    Table.text(r.rail()),
                    Table.text(r.reading()),
                    Table.num(r.nominalIntervalNanos() / 1e6, 1),
                    Table.num(r.samples(), 0),
                    Table.num(r.spanSeconds(), 3),
                    Table.num(r.joules(), 3, METHOD, List.of()),
                    Table.num(r.meanWatts(), 3, METHOD, List.of()),
                    Table.num(r.minWatts(), 3),
                    Table.num(r.peakWatts(), 3),
                    Table.num(r.coverage() * 100, 2),
                    Table.num(r.gaps(), 0),
                    Table.num(r.largestSpacingNanos() / 1e6, 2),
                    Table.num(r.spacingP50Nanos() / 1e6, 2),
                    Table.num(r.spacingP99Nanos() / 1e6, 2),
                    Table.num(r.withinTwoMillis() * 100, 2)));
        }
        return new Table(
                "rails",
                "Rails of the log",
                "Per rail over the log's span: energy (trapezoids; an energy counter's count), mean power = energy /"
                        + " span, the lowest and highest reading, coverage = the span less its gaps, spacing"
                        + " percentiles and the share of spacings within ± 2 ms of the nominal interval.",
                List.of(
                        "Rail",
                        "Reading",
                        "Nominal interval (ms)",
                        "Samples",
                        "Span (s)",
                        "Energy (J)",
                        "Mean power (W)",
                        "Min power (W)",
                        "Peak power (W)",
                        "Coverage (%)",
                        "Gaps",
                        "Largest spacing (ms)",
                        "Spacing p50 (ms)",
                        "Spacing p99 (ms)",
                        "Within ± 2 ms (%)"),
                rows);
    }

    private static Table phaseTable(CellEnergy e) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (Phase p : Phase.values()) {
            TokensPerJouleEstimate tokJ =
                    switch (p) {
                        case PREFILL -> e.prefillTokensPerJoule();
                        case DECODE -> e.decodeTokensPerJoule();
                        case TOTAL -> e.totalTokensPerJoule();
                    };
            double tokens =
                    switch (p) {
                        case PREFILL -> e.inputTokens();
                        case DECODE -> e.outputTokens();
                        case TOTAL -> e.inputTokens() + e.outputTokens();
                    };
            rows.add(List.of(
                    Table.text(p.name().toLowerCase(Locale.ROOT)),
                    Table.num(e.requests(), 0),
                    joules(e.energy(p), 3),
                    joules(e.joulesPerRequest(p), 4),
                    Table.num(e.meanWatts(p), 3, METHOD, List.of()),
                    Table.num(tokens, 0),
                    new Table.Num(tokJ.tokensPerJoule(), 3, "", METHOD, List.of(), tokJ.ci95Low(), tokJ.ci95High())));
        }
        return new Table(
                "phases",
                "Energy per phase",
                "Σ energy over the attributed requests, per request, mean power = Σ energy / Σ phase time, and tokens"
                        + " per joule as a ratio of sums (prefill: input tokens; decode: output tokens; total: both).",
                List.of("Phase", "Requests", "Energy (J)", "Per request (J)", "Mean power (W)", "Tokens", "tok/J"),
                rows);
    }

    private static Table requestTable(CellAttribution a) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (AttributedRequest r : a.requests()) {
            RequestTimeline t = r.timeline();
            rows.add(List.of(
                    Table.num(r.index() + 1, 0),
                    Table.text(Instant.ofEpochSecond(0, t.startEpochNanos()).toString()),
                    Table.num((t.firstTokenEpochNanos() - t.startEpochNanos()) / 1e6, 1),
                    Table.num((t.endEpochNanos() - t.startEpochNanos()) / 1e6, 1),
                    Table.num(t.inputTokens(), 0),
                    Table.num(t.outputTokens(), 0),
                    joules(r.prefill().energy(), 4),
                    joules(r.decode().energy(), 4),
                    joules(r.total().energy(), 4),
                    tokensPerJoule(r.outputTokensPerJoule()),
                    Table.num(r.prefill().coverage().samplesInside(), 0),
                    Table.num(r.total().coverage().samplesInside(), 0)));
        }
        return new Table(
                "requests",
                "Energy per request",
                "Each attributed request: its start (UTC), TTFT and latency from the records, its tokens, the energy of"
                        + " its prefill, decode and whole window with 95 % intervals, output tok/J, and the power"
                        + " samples inside its prefill and whole window.",
                List.of(
                        "#",
                        "Start (UTC)",
                        "TTFT (ms)",
                        "Latency (ms)",
                        "ISL",
                        "OSL",
                        "Prefill (J)",
                        "Decode (J)",
                        "Total (J)",
                        "Output tok/J",
                        "Samples in prefill",
                        "Samples in request"),
                rows);
    }

    private static Table excludedTable(List<Exclusion> excluded) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (Exclusion x : excluded) {
            rows.add(List.of(
                    Table.num(x.index() + 1, 0),
                    Table.text(Instant.ofEpochSecond(0, x.timeline().startEpochNanos())
                            .toString()),
                    Table.text(x.reason().name())));
        }
        return new Table(
                "excluded",
                "Requests left out",
                "Position in the records (from 1), start (UTC) and the estimator's reason.",
                List.of("#", "Start (UTC)", "Reason"),
                rows);
    }

    private static Table.Entry joules(EnergyEstimate e, int decimals) {
        return new Table.Num(e.joules(), decimals, "", METHOD, List.of(), e.ci95LowJoules(), e.ci95HighJoules());
    }

    private static Table.Entry tokensPerJoule(TokensPerJouleEstimate t) {
        return new Table.Num(t.tokensPerJoule(), 3, "", METHOD, List.of(), t.ci95Low(), t.ci95High());
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? Sig.of(share * 100) + " %" : "none";
    }

    /** A figure in prose: three significant figures, as everywhere in the report; "n/a" where there is none. */
    private static String fig(double v) {
        return Double.isFinite(v) ? Sig.of(v) : "n/a";
    }
}
