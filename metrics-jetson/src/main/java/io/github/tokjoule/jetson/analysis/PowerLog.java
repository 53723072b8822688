package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.core.power.PowerSample;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One tegrastats log read for the analysis: the chosen rail's trace at reconstructed times (MEASURED), the same rail
 * at the printed 1-second stamps (SEED_COMPATIBLE), the temperatures, and why there is no power if there is none.
 *
 * @param trace the chosen rail's power at reconstructed sample times; empty with a {@code problem}
 * @param rail the chosen rail's name (names joined by {@code +} for a sum); empty if no log
 * @param problem why there is no trace (no log, no stamps, rail missing), if so
 * @param availableRails the rails the log prints
 * @param stamped the chosen rail's samples at their printed whole-second stamps resolved in the zone, in log order
 *     (stamps repeat, so they are no {@link PowerTrace}); empty unless the seed-compatible method asked for them
 * @param thermal the temperature samples at reconstructed times
 * @param reconstructedSamples samples whose time was reconstructed from 1-second stamps
 * @param maxUncertaintyMillis the largest uncertainty of a reconstructed time, NaN if unknown
 * @param lines tegrastats samples counted for this cell (a shared whole-run log counts once)
 * @param notes what the reader had to say about the log
 * @param dense whether {@code trace} is the dense hwmon trace ({@link DenseTrace}) rather than tegrastats'
 * @param sensorDelayNanos how long a reading of {@code trace} averages the power before its stamp ({@code D}): the
 *     dense trace's recorded {@code sensor_delay}; 0 for tegrastats (an assumption, docs/LIVE.md) and where none is
 *     recorded. The join's estimator is given it ({@link io.github.tokjoule.core.join.EnergyEstimator#withSensorAveragingNanos})
 */
record PowerLog(
        Optional<PowerTrace> trace,
        String rail,
        Optional<String> problem,
        List<String> availableRails,
        List<PowerSample> stamped,
        List<ThermalSample> thermal,
        int reconstructedSamples,
        double maxUncertaintyMillis,
        long lines,
        List<String> notes,
        boolean dense,
        long sensorDelayNanos) {

    /** Copies the lists. */
    PowerLog {
        availableRails = List.copyOf(availableRails);
        stamped = List.copyOf(stamped);
        thermal = List.copyOf(thermal);
        notes = List.copyOf(notes);
    }

    /** This log as seen by a further cell sharing it: its lines and notes are counted once, by the first cell. */
    PowerLog shared() {
        return with(trace, 0, List.of(), dense, sensorDelayNanos);
    }

    /**
     * This log with another trace of the same rail: the dense hwmon trace ({@link DenseTrace}), whose readings
     * average the last {@code delayNanos} before their stamps.
     */
    PowerLog withTrace(PowerTrace denseTrace, long delayNanos) {
        return with(Optional.of(denseTrace), lines, notes, true, delayNanos);
    }

    /** {@return the tool and interval of the trace the energy comes from; empty without a trace} */
    Optional<PowerTraceSource> source() {
        return trace.map(t -> dense
                ? PowerTraceSource.hwmon(t.nominalIntervalNanos())
                : PowerTraceSource.tegrastats(t.nominalIntervalNanos()));
    }

    private PowerLog with(
            Optional<PowerTrace> newTrace, long newLines, List<String> newNotes, boolean isDense, long delayNanos) {
        return new PowerLog(
                newTrace,
                rail,
                problem,
                availableRails,
                stamped,
                thermal,
                reconstructedSamples,
                maxUncertaintyMillis,
                newLines,
                newNotes,
                isDense,
                delayNanos);
    }

    static PowerLog missing(String reason) {
        return withoutTrace("", reason, List.of(), List.of(), 0, List.of());
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
        if (!log.hasPrintedTimes()) {
            return missing(file + " has no timestamps (JetPack 4 or earlier): give a start and period");
        }
        SampleTimes t = log.times(zone, TimingOptions.nominalIntervalMillis(intervalMillis));
        List<ThermalSample> thermal = log.thermalSamples(t);
        Selection sel = select(choice, rails, log);
        if (sel.problem.isPresent()) {
            return withoutTrace(sel.label, sel.problem.get(), rails, thermal, log.size(), notes);
        }
        RailTrace rt;
        try {
            rt = log.powerTrace(sel.selection, t);
        } catch (IllegalArgumentException e) {
            // a board total naming a rail this log lacks: said as the cell's power problem, never a 0 W trace
            return withoutTrace(sel.label, String.valueOf(e.getMessage()), rails, thermal, log.size(), notes);
        }
        String label = String.join("+", rt.railNames());
        if (!rt.complete()) {
            notes.add(file + ": " + (rt.samplesInLog() - rt.trace().size()) + " of " + rt.samplesInLog()
                    + " samples left out of the " + label + " trace (" + rt.samplesMissingRails()
                    + " lack a rail, " + rt.samplesOutOfOrder() + " out of order)");
        }
        int size = stampsToo ? log.size() : 0;
        List<PowerSample> stamped = new ArrayList<>(size);
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
                double v = log.railMilliwatts(r, i);
                if (Double.isNaN(v)) {
                    complete = false;
                    break;
                }
                mw += v;
            }
            if (!complete) {
                continue;
            }
            if (!printed.get().equals(lastLocal)) {
                lastLocal = printed.get();
                lastEpochSecond = ZonedDateTime.ofLocal(lastLocal, zone, null).toEpochSecond();
            }
            stamped.add(PowerSample.of(lastEpochSecond * 1_000_000_000L, mw / 1000));
        }
        double uncertainty =
                t.maxUncertaintyNanos().isPresent() ? t.maxUncertaintyNanos().getAsLong() / 1e6 : Double.NaN;
        return new PowerLog(
                Optional.of(rt.trace()),
                label,
                Optional.empty(),
                rails,
                stamped,
                thermal,
                t.method() == SampleTimes.Method.PERIODIC ? 0 : log.size(),
                uncertainty,
                log.size(),
                notes,
                false,
                0);
    }

    /** A log read, whose chosen rail gives no trace, for the reason given. */
    private static PowerLog withoutTrace(
            String rail,
            String problem,
            List<String> rails,
            List<ThermalSample> thermal,
            long lines,
            List<String> notes) {
        return new PowerLog(
                Optional.empty(),
                rail,
                Optional.of(problem),
                rails,
                List.of(),
                thermal,
                0,
                Double.NaN,
                lines,
                notes,
                false,
                0);
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
