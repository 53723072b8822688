package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.AiperfFormatException;
import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.ErrorCount;
import io.github.tokjoule.aiperf.RecordOptions;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.power.TimeWindow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one cell's aiperf files and joins them with its power log into {@link CellInputs}. */
final class CellReader {

    private CellReader() {}

    /** Why a cell has no result: the failed-cell reason. */
    static final class CellFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CellFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads the power log once the aiperf files have shown the cell is worth it, given aiperf's run window where the
     * summary has one (the dense trace is preferred only where it covers that window as far as tegrastats does).
     */
    interface PowerSource {
        PowerLog read(Optional<TimeWindow> runWindow) throws IOException;
    }

    static CellInputs read(
            SweepLayout.CellLocation loc,
            CellId id,
            PowerSource powerSource,
            java.time.ZoneId zone,
            List<Flag> flags,
            List<String> notes)
            throws CellFailure, IOException {
        if (loc.failedReason().isPresent()) {
            throw new CellFailure(loc.failedReason().get());
        }
        if (loc.summaryFile().isEmpty()) {
            throw new CellFailure("no " + SweepLayout.SUMMARY + " in " + loc.directory()
                    + " (aiperf did not finish, or the server died)");
        }
        AiperfProfile profile;
        try {
            profile = AiperfProfile.read(loc.summaryFile().get(), zone);
        } catch (RuntimeException e) {
            throw new CellFailure("unreadable " + loc.summaryFile().get() + ": " + e.getMessage());
        }
        if (!profile.report().isClean()) {
            notes.add(loc.summaryFile().get() + ": " + profile.report().issues());
        }
        List<RequestRecord> records = new ArrayList<>();
        int recordErrors = 0;
        if (loc.recordsFile().isPresent()) {
            // only the windows and scalar metrics are used: the 255-value inter_chunk_latency lists are stepped over
            try (AiperfRecords reader = AiperfRecords.open(
                    loc.recordsFile().get(), RecordOptions.defaults().withSkipListMetrics(true))) {
                int untimed = 0;
                String firstUntimed = "";
                for (RequestRecord r : reader) {
                    try {
                        r.timeline(); // the join's conversion: refuses a record without its times
                    } catch (AiperfFormatException e) {
                        firstUntimed = untimed++ == 0 ? e.getMessage() : firstUntimed;
                        continue;
                    }
                    records.add(r);
                    if (r.isError()) {
                        recordErrors++;
                    }
                }
                if (untimed > 0) {
                    notes.add(loc.recordsFile().get() + ": " + untimed + " of " + (untimed + records.size())
                            + " records left out: they cannot be placed in time (first: " + firstUntimed + ")");
                }
                if (!reader.report().isClean()) {
                    notes.add(loc.recordsFile().get() + ": " + reader.report());
                }
            } catch (RuntimeException e) {
                throw new CellFailure("unreadable " + loc.recordsFile().get() + ": " + e.getMessage());
            }
        }
        long ok = profile.requestCount().orElse(0);
        long errors = profile.errorRequestCount().orElse(profile.errorCount().orElse(0));
        int requestCount;
        int errorCount;
        if (!records.isEmpty()) {
            requestCount = records.size();
            errorCount = recordErrors;
        } else {
            requestCount = (int) (ok + errors);
            errorCount = (int) errors;
        }
        if (requestCount == 0) {
            throw new CellFailure("no request in " + loc.summaryFile().get());
        }
        if (errorCount >= requestCount) {
            List<ErrorCount> summary = profile.errorSummary();
            String first = summary.isEmpty()
                    ? ""
                    : ": " + summary.get(0).details().message().orElse("");
            throw new CellFailure("all " + requestCount + " requests failed" + first);
        }
        Optional<TimeWindow> window = profile.startTime()
                .flatMap(start ->
                        profile.endTime().filter(end -> !end.isBefore(start)).map(end -> TimeWindow.of(start, end)));
        PowerLog power = powerSource.read(window);
        return new CellInputs(id, loc.directory(), profile, window, records, requestCount, errorCount, power, flags);
    }
}
