package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.core.thermal.ThermalSample;
import io.github.tokjoule.tegrastats.BoardProfile;
import io.github.tokjoule.tegrastats.RailSelection;
import io.github.tokjoule.tegrastats.RailTrace;
import io.github.tokjoule.tegrastats.TegrastatsLog;
import io.github.tokjoule.tegrastats.time.SampleTimes;
import io.github.tokjoule.tegrastats.time.TimingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One tegrastats log read for the analysis: the chosen rail's trace at reconstructed times (MEASURED), the same rail
 * at the printed 1-second stamps (SEED_COMPATIBLE), the temperatures, and why there is no power if there is none.
 */
final class PowerLog {

    final Optional<PowerTrace> trace;
    final String rail;
    final Optional<String> problem;
    final List<String> availableRails;
    final long[] stampEpochNanos;
    final double[] stampWatts;
    final List<ThermalSample> thermal;
    final int reconstructedSamples;
    final double maxUncertaintyMillis;
    final long lines;
    final List<String> notes;

    private PowerLog(
            Optional<PowerTrace> trace,
            String rail,
            Optional<String> problem,
            List<String> availableRails,
            long[] stampEpochNanos,
            double[] stampWatts,
            List<ThermalSample> thermal,
            int reconstructedSamples,
            double maxUncertaintyMillis,
            long lines,
            List<String> notes) {
        this.trace = trace;
        this.rail = rail;
        this.problem = problem;
        this.availableRails = List.copyOf(availableRails);
        this.stampEpochNanos = stampEpochNanos;
        this.stampWatts = stampWatts;
        this.thermal = thermal;
        this.reconstructedSamples = reconstructedSamples;
        this.maxUncertaintyMillis = maxUncertaintyMillis;
        this.lines = lines;
        this.notes = List.copyOf(notes);
    }

    /** This log as seen by a further cell sharing it: its lines and notes are counted once, by the first cell. */
    PowerLog shared() {
        return with(trace, 0, List.of());
    }

    /** This log with another trace of the same rail: the dense hwmon trace ({@link DenseTrace}). */
    PowerLog withTrace(PowerTrace dense) {
        return with(Optional.of(dense), lines, notes);
    }

    private PowerLog with(Optional<PowerTrace> newTrace, long newLines, List<String> newNotes) {
        return new PowerLog(
                newTrace,
                rail,
                problem,
                availableRails,
                stampEpochNanos,
                stampWatts,
                thermal,
                reconstructedSamples,
                maxUncertaintyMillis,
                newLines,
                newNotes);
    }

    static PowerLog missing(String reason) {
        return new PowerLog(
                Optional.empty(),
                "",
                Optional.of(reason),
                List.of(),
                new long[0],
                new double[0],
                List.of(),
                0,
                Double.NaN,
                0,
                List.of());
    }

    static PowerLog read(Path file, ZoneId zone, RailChoice choice, long intervalMillis, boolean stampsToo)
            throws IOException {
        TegrastatsLog log = TegrastatsLog.read(file);
        List<String> notes = new ArrayList<>();
        if (!log.report().isClean()) {
            notes.add(file + ": " + log.report().summary());
        }
        List<String> rails = log.railNames();
        if (log.size() == 0) {
            return missing("no tegrastats sample in " + file);
        }
        Optional<SampleTimes> times = log.times(zone, TimingOptions.nominalIntervalMillis(intervalMillis));
        if (times.isEmpty()) {
            return missing(file + " has no timestamps (JetPack 4 or earlier): give a start and period");
        }
        SampleTimes t = times.get();
        List<ThermalSample> thermal = log.thermalSamples(t);
        Selection sel = select(choice, rails, log);
        if (sel.problem.isPresent()) {
            return new PowerLog(
                    Optional.empty(),
                    sel.label,
                    sel.problem,
                    rails,
                    new long[0],
                    new double[0],
                    thermal,
                    0,
                    Double.NaN,
                    log.size(),
                    notes);
        }
        RailTrace rt = log.powerTrace(sel.selection, t);
        String label = String.join("+", rt.railNames());
        if (!rt.complete()) {
            notes.add(file + ": " + (rt.samplesInLog() - rt.trace().size()) + " of " + rt.samplesInLog()
                    + " samples left out of the " + label + " trace (" + rt.samplesMissingRails()
                    + " lack a rail, " + rt.samplesOutOfOrder() + " out of order)");
        }
        int size = stampsToo ? log.size() : 0;
        long[] stamps = new long[size];
        double[] watts = new double[size];
        int n = 0;
        LocalDateTime lastLocal = LocalDateTime.MIN;
        long lastEpochSecond = 0;
        for (int i = 0; i < size; i++) {
            Optional<LocalDateTime> printed = log.printedTime(i);
            if (printed.isEmpty()) {
                continue;
            }
            double mw = 0;
            boolean complete = true;
            for (String r : rt.railNames()) {
                OptionalDouble v = log.railMilliwatts(r, i);
                if (v.isEmpty()) {
                    complete = false;
                    break;
                }
                mw += v.getAsDouble();
            }
            if (!complete) {
                continue;
            }
            if (!printed.get().equals(lastLocal)) {
                lastLocal = printed.get();
                lastEpochSecond = ZonedDateTime.ofLocal(lastLocal, zone, null).toEpochSecond();
            }
            stamps[n] = lastEpochSecond * 1_000_000_000L;
            watts[n] = mw / 1000;
            n++;
        }
        double uncertainty =
                t.maxUncertaintyNanos().isPresent() ? t.maxUncertaintyNanos().getAsLong() / 1e6 : Double.NaN;
        return new PowerLog(
                Optional.of(rt.trace()),
                label,
                Optional.empty(),
                rails,
                Arrays.copyOf(stamps, n),
                Arrays.copyOf(watts, n),
                thermal,
                t.method() == SampleTimes.Method.PERIODIC ? 0 : log.size(),
                uncertainty,
                log.size(),
                notes);
    }

    private record Selection(RailSelection selection, String label, Optional<String> problem) {}

    private static Selection select(RailChoice choice, List<String> rails, TegrastatsLog log) {
        Optional<BoardProfile> board = log.detectProfile();
        switch (choice.kind()) {
            case COMPUTE_OR_BOARD_TOTAL: {
                Optional<String> compute = find(rails, RailChoice.COMPUTE_RAIL);
                if (compute.isPresent()) {
                    return new Selection(RailSelection.rail(compute.get()), compute.get(), Optional.empty());
                }
                return total(board, rails);
            }
            case NAMED: {
                String want = choice.names().get(0);
                Optional<String> have = find(rails, want);
                return have.map(h -> new Selection(RailSelection.rail(h), h, Optional.<String>empty()))
                        .orElseGet(() -> new Selection(
                                RailSelection.rail(want),
                                want,
                                Optional.of("rail " + want + " is not in the log (rails: " + rails + ")")));
            }
            case SUM: {
                List<String> names = new ArrayList<>();
                for (String want : choice.names()) {
                    Optional<String> have = find(rails, want);
                    if (have.isEmpty()) {
                        return new Selection(
                                RailSelection.sum(choice.names()),
                                String.join("+", choice.names()),
                                Optional.of("rail " + want + " is not in the log (rails: " + rails + ")"));
                    }
                    names.add(have.get());
                }
                return new Selection(RailSelection.sum(names), String.join("+", names), Optional.empty());
            }
            case BOARD_TOTAL:
                return total(board, rails);
            case ALL_RAILS:
            default:
                if (rails.isEmpty()) {
                    return new Selection(RailSelection.allRails(), "", Optional.of("the log has no power rail"));
                }
                return new Selection(RailSelection.allRails(), String.join("+", rails), Optional.empty());
        }
    }

    private static Selection total(Optional<BoardProfile> board, List<String> rails) {
        if (rails.isEmpty()) {
            return new Selection(RailSelection.allRails(), "", Optional.of("the log has no power rail"));
        }
        if (board.isEmpty()) {
            return new Selection(
                    RailSelection.allRails(),
                    "",
                    Optional.of("unknown board (rails " + rails + "): no board total; choose a rail or a sum"));
        }
        RailSelection s = board.get().total();
        return new Selection(s, String.join("+", s.resolve(rails)), Optional.empty());
    }

    private static Optional<String> find(List<String> rails, String name) {
        for (String r : rails) {
            if (r.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
