package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.aiperf.AiperfProfile;
import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.ErrorCount;
import io.github.tokjoule.aiperf.LatencyStats;
import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.RecordOptions;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.aiperf.TokenStats;
import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.flags.Flag;
import io.github.tokjoule.core.power.TimeWindow;
import io.github.tokjoule.core.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

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

    /** Reads the power log once the aiperf files have shown the cell is worth it. */
    interface PowerSource {
        PowerLog read() throws IOException;
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
        List<CellInputs.RequestRow> rows = new ArrayList<>();
        int recordErrors = 0;
        if (loc.recordsFile().isPresent()) {
            // only the windows and scalar metrics are used: the 255-value inter_chunk_latency lists are stepped over
            try (AiperfRecords records = AiperfRecords.open(
                    loc.recordsFile().get(), RecordOptions.defaults().withSkipListMetrics(true))) {
                for (RequestRecord r : records) {
                    CellInputs.RequestRow row = row(r);
                    if (row != null) {
                        rows.add(row);
                        if (!row.ok()) {
                            recordErrors++;
                        }
                    }
                }
                if (!records.report().isClean()) {
                    notes.add(loc.recordsFile().get() + ": " + records.report());
                }
            } catch (RuntimeException e) {
                throw new CellFailure("unreadable " + loc.recordsFile().get() + ": " + e.getMessage());
            }
        }
        long ok = profile.requestCount().orElse(0);
        long errors = profile.errorRequestCount().orElse(profile.errorCount().orElse(0));
        int requestCount;
        int errorCount;
        if (!rows.isEmpty()) {
            requestCount = rows.size();
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
        Optional<LatencyStats> ttft = profile.timeToFirstToken();
        Optional<LatencyStats> itl = profile.interTokenLatency();
        Optional<LatencyStats> rl = profile.requestLatency();
        Optional<MetricStats> tokS = profile.outputTokenThroughputPerUser();
        Optional<MetricStats> prefill = profile.metric("prefill_throughput_per_user");
        Optional<TokenStats> isl = profile.inputSequenceLength();
        Optional<TokenStats> osl = profile.outputSequenceLength();
        PowerLog power = powerSource.read();
        long t0 = profile.startTime().map(TimeWindow::toEpochNanos).orElse(CellInputs.ABSENT);
        long t1 = profile.endTime().map(TimeWindow::toEpochNanos).orElse(CellInputs.ABSENT);
        return new CellInputs(
                id,
                loc.directory(),
                ttft.map(l -> l.stats().toSummary()).orElse(Summary.empty()),
                itl.map(l -> l.stats().toSummary()).orElse(Summary.empty()),
                rl.map(l -> l.stats().toSummary()).orElse(Summary.empty()),
                stat(tokS, Stat.AVG),
                stat(tokS, Stat.P50),
                stat(prefill, Stat.AVG),
                stat(prefill, Stat.P50),
                value(isl.map(TokenStats::avgTokens)),
                value(isl.map(TokenStats::p50Tokens)),
                value(osl.map(TokenStats::avgTokens)),
                value(osl.map(TokenStats::p50Tokens)),
                requestCount,
                errorCount,
                profile.requestCount().isPresent() ? profile.requestCount().getAsLong() : Double.NaN,
                t0,
                t1,
                rows,
                power.trace,
                power.rail,
                power.problem,
                power.availableRails,
                power.stampEpochNanos,
                power.stampWatts,
                power.thermal,
                0,
                power.reconstructedSamples,
                power.maxUncertaintyMillis,
                power.lines,
                flags);
    }

    private static double stat(Optional<MetricStats> m, Stat s) {
        if (m.isEmpty()) {
            return Double.NaN;
        }
        OptionalDouble v = m.get().get(s);
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    private static double value(Optional<OptionalDouble> v) {
        return v.isPresent() && v.get().isPresent() ? v.get().getAsDouble() : Double.NaN;
    }

    /** A record's windows: first token = start + TTFT (never after the end); a failed record has no first token. */
    private static CellInputs.@Nullable RequestRow row(RequestRecord r) {
        OptionalLong start = r.requestStartEpochNanos();
        OptionalLong end = r.requestEndEpochNanos();
        if (start.isEmpty() || end.isEmpty() || end.getAsLong() < start.getAsLong()) {
            return null;
        }
        long s = start.getAsLong();
        long e = end.getAsLong();
        long ack = r.requestAckEpochNanos().orElse(CellInputs.ABSENT);
        double isl = r.inputSequenceLengthTokens().orElse(Double.NaN);
        double osl = r.outputSequenceLengthTokens().orElse(Double.NaN);
        if (r.isError()) {
            return new CellInputs.RequestRow(s, ack, e, e, isl, osl, false);
        }
        OptionalDouble ttft = r.timeToFirstTokenMillis();
        if (ttft.isEmpty() || !(ttft.getAsDouble() >= 0)) {
            // not streamed: no first token, so no prefill/decode split (the whole request counts as decode)
            return new CellInputs.RequestRow(s, ack, s, e, isl, osl, true);
        }
        long first = Math.min(e, s + Math.round(ttft.getAsDouble() * 1e6));
        return new CellInputs.RequestRow(s, ack, first, e, isl, osl, true);
    }
}
