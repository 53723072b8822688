package io.github.tokjoule.examples;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.flags.AccuracyFlag;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.flags.Severity;
import io.github.tokjoule.jetson.analysis.AnalyzedCell;
import io.github.tokjoule.jetson.analysis.SweepLayout;
import io.github.tokjoule.jetson.analysis.SweepResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a sweep's analysis would leave empty or wrong, found at the command line so that it ends in an error naming
 * the cause and the fix instead of a report of blanks: after the analysis, cells without an energy figure (failed —
 * among them summary-only cells whose summary lacks the run window —, rail missing, window outside the power log) and
 * a zone contradicted by the data. Each cause is told once with the number of cells it affects. Before it, a note on
 * the cells whose figures will be run-window estimates (no per-request records).
 */
final class SweepChecks {

    /** The accuracy flags that explain a cell without energy, in the order they are told. */
    private static final List<AccuracyFlag> EMPTYING =
            List.of(AccuracyFlag.RAIL_MISSING, AccuracyFlag.WINDOW_OUTSIDE_TRACE);

    /** Causes by their grouping key, in order of first appearance, each with its text and number of cells. */
    private final Map<String, Cause> causes = new LinkedHashMap<>();

    private int cellsWithout;
    private int cells;
    private boolean zoneWrong;

    private SweepChecks() {}

    /**
     * The cells whose measured figures will be run-window estimates: those without aiperf's per-request records.
     *
     * @param layout the sweep's cells
     * @param method the energy method asked for
     * @return one line naming the count, an example and what the figures are, or empty when every cell has its
     *     records
     */
    static Optional<String> runWindowNote(SweepLayout layout, EnergyMethod method) {
        if (method != EnergyMethod.MEASURED) {
            return Optional.empty();
        }
        int missing = 0;
        int served = 0;
        Optional<SweepLayout.CellLocation> example = Optional.empty();
        for (SweepLayout.CellLocation c : layout.cells()) {
            if (c.failedReason().isPresent() || c.summaryFile().isEmpty()) {
                continue;
            }
            served++;
            if (c.recordsFile().isEmpty()) {
                missing++;
                example = example.or(() -> Optional.of(c));
            }
        }
        if (missing == 0) {
            return Optional.empty();
        }
        return Optional.of(missing + " of " + served + " cells have no profile_export.jsonl (aiperf's per-request"
                + " records, e.g. none in " + example.get().directory() + "): their energy figures are run-window"
                + " estimates (estimator RUN_WINDOW, flag RUN_WINDOW_ESTIMATE): the trace's energy over aiperf's"
                + " start_time..end_time less its idle time, shared by the requests and split into prefill and decode"
                + " by the mean timings, with 95 % intervals; prefill is not measured (docs/ANALYSIS.md §11). Re-run"
                + " with aiperf's records export (its default --export-level records) for per-request figures");
    }

    /**
     * Inspects an analyzed sweep.
     *
     * @param result the analysis
     * @return the causes found
     */
    static SweepChecks inspect(SweepResult result) {
        SweepChecks c = new SweepChecks();
        for (AnalyzedCell cell : result.cells()) {
            c.cells++;
            c.inspect(cell, result);
        }
        return c;
    }

    /** Counts one cell under a cause; the first cell's text stands for the group. */
    private void count(String key, String text) {
        Cause c = causes.computeIfAbsent(key, k -> new Cause(text));
        c.cells++;
        c.varies |= !c.text.equals(text);
    }

    private void inspect(AnalyzedCell cell, SweepResult result) {
        CellMetrics m = cell.metrics();
        for (Flag f : m.flags(AccuracyFlag.ZONE_MISMATCH)) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            zoneWrong = true;
            double hours = f.number("recordsMinusWindowHours");
            if (!Double.isNaN(hours)) {
                String implied = impliedZone(result.zone(), hours, at(cell, f));
                count("zone " + implied, implied);
            } else {
                count(
                        "zone recorded",
                        "ZONE_MISMATCH: " + f.reason() + ": leave --zone out (the sweep's manifest"
                                + " records the zone), or correct the manifest if it is the one that is wrong");
            }
        }
        if (!m.isOk()) {
            cellsWithout++;
            String reason = m.status().failureReason().orElse("(no reason given)");
            count("failed " + reason, "failed: " + reason);
            return;
        }
        if (Double.isFinite(m.outputTokensPerJoule(result.options().headlineVariant()))) {
            return;
        }
        cellsWithout++;
        for (AccuracyFlag kind : EMPTYING) {
            for (Flag f : m.flags(kind)) {
                count(kind.name(), kind.name() + ": " + f.reason() + fix(kind));
                return;
            }
        }
        List<String> flags = new ArrayList<>();
        for (Flag f : m.flags()) {
            flags.add(f.flag().name());
        }
        String names = String.join(", ", new TreeSet<>(flags));
        String text = "no energy figure" + (flags.isEmpty() ? "" : " (flags: " + names + ")");
        if (result.options().method() == EnergyMethod.SEED_COMPATIBLE) {
            // the seed's arithmetic leaves a cell without energy, unflagged, when it has no window to integrate over
            text += ": --method seed needs aiperf's start_time and end_time in profile_export_aiperf.json, a"
                    + " timestamped power log with samples inside that window, and consistent TTFT and request"
                    + " latency p50s; check the cell's files, or use --method measured (it reads"
                    + " profile_export.jsonl)";
        }
        count("other " + names, text);
    }

    private static String fix(AccuracyFlag kind) {
        return kind == AccuracyFlag.RAIL_MISSING
                ? "; choose one of those rails with --rail, or --rail total (the board's input rail)"
                : "; the power log does not cover aiperf's window: check --zone and that tegrastats ran during the"
                        + " cell";
    }

    /**
     * When the records start: the offsets are compared at that instant, not today, since a zone's offset changes with
     * daylight saving time (a May sweep read in America/New_York is at −4 h, not December's −5 h). A cell whose window
     * missed the trace has no attributed request, so the flag carries the instant.
     */
    private static Instant at(AnalyzedCell cell, Flag f) {
        double seconds = f.number("recordsStartEpochSeconds");
        if (Double.isFinite(seconds)) {
            return Instant.ofEpochSecond((long) Math.floor(seconds));
        }
        return cell.requests().isEmpty()
                ? Instant.now()
                : Instant.ofEpochSecond(0, cell.requests().get(0).timeline().startEpochNanos());
    }

    /**
     * The zone the data imply. aiperf's naive {@code start_time}, resolved in the given zone (offset {@code g}), lies
     * {@code -h} hours from its records' true epoch times when the host's offset is {@code t}: {@code h = g − t}, so
     * {@code t = g − h}, rounded to the quarter hour every real offset is a multiple of.
     */
    static String impliedZone(ZoneId given, double recordsMinusWindowHours, Instant at) {
        int givenSeconds = given.getRules().getOffset(at).getTotalSeconds();
        long quarter = Math.round((givenSeconds - recordsMinusWindowHours * 3600) / 900.0);
        ZoneOffset implied = ZoneOffset.ofTotalSeconds((int) Math.max(-18 * 4, Math.min(18 * 4, quarter)) * 900);
        List<String> examples = new ArrayList<>();
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (examples.size() < 3
                    && id.indexOf('/') > 0
                    && !id.startsWith("Etc/")
                    && !id.startsWith("SystemV/")
                    && ZoneId.of(id).getRules().getOffset(at).equals(implied)) {
                examples.add(id);
            }
        }
        String offset = "UTC" + (implied.getTotalSeconds() == 0 ? "" : implied.getId());
        return String.format(
                Locale.ROOT,
                "ZONE_MISMATCH: --zone %s looks wrong: aiperf's records start %+.2f h from its naive start_time resolved"
                        + " in %s; the data imply the offset %s%s: give --zone %s or the device's IANA zone",
                given.getId(),
                recordsMinusWindowHours,
                given.getId(),
                offset,
                examples.isEmpty() ? "" : " (e.g. " + String.join(", ", examples) + ")",
                offset);
    }

    /** {@return whether the analysis left cells without energy or found the zone wrong} */
    boolean failed() {
        return cellsWithout > 0 || zoneWrong;
    }

    /**
     * Prints the causes, each once with its count, as an error (or, when partial results were asked for, a warning).
     *
     * @param err standard error
     * @param command the command's name
     * @param partialAllowed whether {@code --allow-partial} was given
     */
    void print(PrintWriter err, String command, boolean partialAllowed) {
        String head = "tokjoule " + command + ": " + (partialAllowed ? "warning: " : "");
        if (cellsWithout > 0) {
            err.println(head + cellsWithout + " of " + cells + " cells have no energy figure:");
        } else {
            err.println(head + "the figures are wrong:");
        }
        for (Cause c : causes.values()) {
            err.println("  " + cellCount(c.cells) + ": " + (c.varies ? "e.g. " : "") + c.text);
        }
        if (!partialAllowed) {
            err.println("Fix the cause, or give --allow-partial to write the report with what could be computed.");
        }
        err.flush();
    }

    /** One cause: its text (the first cell's) and how many cells it affects. */
    private static final class Cause {
        final String text;
        int cells;
        boolean varies;

        Cause(String text) {
            this.text = text;
        }
    }

    static String cellCount(int n) {
        return n == 1 ? "1 cell" : n + " cells";
    }
}
