package io.github.tokjoule.examples;

import io.github.tokjoule.aiperf.AiperfRecords;
import io.github.tokjoule.aiperf.ErrorCount;
import io.github.tokjoule.aiperf.ErrorDetails;
import io.github.tokjoule.aiperf.JsonLinesReport;
import io.github.tokjoule.aiperf.MetricStats;
import io.github.tokjoule.aiperf.MetricUnit;
import io.github.tokjoule.aiperf.ReadIssue;
import io.github.tokjoule.aiperf.RecordMetric;
import io.github.tokjoule.aiperf.RecordOptions;
import io.github.tokjoule.aiperf.RequestRecord;
import io.github.tokjoule.aiperf.Stat;
import io.github.tokjoule.core.stats.Summary;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Summarises aiperf's per-request records ({@code profile_export.jsonl}) as aiperf summarises them: the profiling
 * records only (warm-up ones counted and left out), each metric's values pooled over the records that have it (every
 * element of a list metric such as {@code inter_chunk_latency}), then the mean, the population standard deviation
 * (ddof 0) and numpy's linear percentiles. This equals aiperf's own summary when the file holds every profiling record
 * of the run; error records are counted by error, and contribute only the metrics they carry ({@code error_isl}).
 * Times come from the records' epoch nanoseconds, so no zone is needed.
 */
final class AiperfRecordsSummary {

    private AiperfRecordsSummary() {}

    /**
     * Reads and summarises the records.
     *
     * @param in the JSON Lines bytes
     * @param source the file's name, for messages
     * @param notes where the read report's issues (malformed lines, a cut last line, units that disagree) are told
     * @return the export
     */
    static AiperfExport read(InputStream in, String source, List<String> notes) {
        Map<String, Values> values = new LinkedHashMap<>();
        Map<ErrorDetails, Long> errors = new LinkedHashMap<>();
        Map<String, Long> unitMismatches = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long ok = 0;
        long failed = 0;
        JsonLinesReport report;
        try (AiperfRecords records = AiperfRecords.open(in, source, RecordOptions.defaults())) {
            for (RequestRecord r : records) {
                if (r.error().isPresent()) {
                    failed++;
                    errors.merge(r.error().get(), 1L, Long::sum);
                } else {
                    ok++;
                }
                first = Math.min(first, r.requestStartEpochNanos().orElse(Long.MAX_VALUE));
                last = Math.max(last, r.requestEndEpochNanos().orElse(Long.MIN_VALUE));
                for (RecordMetric m : r.metrics().values()) {
                    Values v = values.computeIfAbsent(m.name(), k -> new Values(m.unit()));
                    if (v.unit != m.unit()) {
                        unitMismatches.merge(m.name(), 1L, Long::sum);
                        continue;
                    }
                    v.append(m.values());
                }
            }
            report = records.report();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (ReadIssue issue : report.issues()) {
            notes.add(source + ": " + issue);
        }
        if (report.issueCount() > report.issues().size()) {
            notes.add(
                    source + ": … and " + (report.issueCount() - report.issues().size()) + " more issues");
        }
        unitMismatches.forEach((name, n) -> notes.add(source + ": " + n + " record(s) of " + name + " skipped: their"
                + " unit differs from the first record's"));
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        values.forEach((name, v) -> metrics.put(name, stats(name, v.unit, Arrays.copyOf(v.values, v.size))));
        List<ErrorCount> summary = new ArrayList<>();
        errors.forEach((details, n) -> summary.add(new ErrorCount(details, n)));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lines", report.lines());
        counts.put("records", report.records());
        counts.put("successful", ok);
        counts.put("failed", failed);
        counts.put("skipped_warmup", report.skippedByPhase());
        counts.put("malformed_lines", report.malformedLines());
        counts.put("truncated_last_line", report.truncatedLastLine().isPresent() ? 1L : 0L);
        return new AiperfExport(
                "records jsonl",
                Optional.empty(),
                Optional.empty(),
                first == Long.MAX_VALUE ? Optional.empty() : Optional.of(instant(first)),
                last == Long.MIN_VALUE ? Optional.empty() : Optional.of(instant(last)),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.of(failed),
                summary,
                Optional.empty(),
                metrics,
                counts);
    }

    /** One metric's values over the records, in the unit of the first record that has it. */
    private static final class Values {
        final MetricUnit unit;
        double[] values = new double[16];
        int size;

        Values(MetricUnit unit) {
            this.unit = unit;
        }

        void append(double[] add) {
            if (size + add.length > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + add.length));
            }
            System.arraycopy(add, 0, values, size, add.length);
            size += add.length;
        }
    }

    /** aiperf's statistics of one metric: mean, population std, min, max, numpy-linear percentiles, count, sum. */
    static MetricStats stats(String name, MetricUnit unit, double[] v) {
        Summary s = Summary.of(v);
        EnumMap<Stat, Double> m = new EnumMap<>(Stat.class);
        m.put(Stat.AVG, s.mean());
        m.put(Stat.MIN, s.min());
        m.put(Stat.MAX, s.max());
        m.put(Stat.STD, s.std());
        for (Stat p :
                new Stat[] {Stat.P1, Stat.P5, Stat.P10, Stat.P25, Stat.P50, Stat.P75, Stat.P90, Stat.P95, Stat.P99}) {
            m.put(p, s.percentile(Integer.parseInt(p.key().substring(1))));
        }
        m.put(Stat.COUNT, (double) v.length);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        m.put(Stat.SUM, sum);
        return MetricStats.of(name, unit, m);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
