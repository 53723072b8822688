package io.github.tokjoule.aiperf;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a JSON Lines reader ({@link AiperfRecords}, {@link GpuTelemetry}) did with every line: how many lines, how
 * many records it returned, skipped by phase, blank, malformed, whether the last line was cut short, and the problems
 * met (the first {@value #ISSUES_KEPT} in detail, all of them counted). Nothing is dropped silently.
 *
 * @since 0.1.0
 */
public final class JsonLinesReport {

    /** How many issues are kept in detail; the rest are only counted, so memory stays constant. */
    public static final int ISSUES_KEPT = 100;

    private final String source;
    private final long lines;
    private final long records;
    private final long skippedByPhase;
    private final long blankLines;
    private final long malformedLines;
    private final long truncatedLastLine;
    private final long issueCount;
    private final List<ReadIssue> issues;
    private final long skippedListMetrics;
    private final Set<String> skippedListMetricNames;

    @SuppressWarnings("TooManyParameters") // built by the readers only
    JsonLinesReport(
            String source,
            long lines,
            long records,
            long skippedByPhase,
            long blankLines,
            long malformedLines,
            long truncatedLastLine,
            long issueCount,
            List<ReadIssue> issues,
            long skippedListMetrics,
            Set<String> skippedListMetricNames) {
        this.skippedListMetrics = skippedListMetrics;
        this.skippedListMetricNames = Set.copyOf(skippedListMetricNames);
        this.source = source;
        this.lines = lines;
        this.records = records;
        this.skippedByPhase = skippedByPhase;
        this.blankLines = blankLines;
        this.malformedLines = malformedLines;
        this.truncatedLastLine = truncatedLastLine;
        this.issueCount = issueCount;
        this.issues = List.copyOf(issues);
    }

    /** {@return the file name or description of the input} */
    public String source() {
        return source;
    }

    /** {@return the number of lines read so far (all of them once the reader is exhausted)} */
    public long lines() {
        return lines;
    }

    /** {@return the number of records returned to the caller} */
    public long records() {
        return records;
    }

    /** {@return the number of well-formed records left out by the phase filter (e.g. warm-up requests)} */
    public long skippedByPhase() {
        return skippedByPhase;
    }

    /**
     * {@return the number of list-valued metrics stepped over on request ({@link RecordOptions#skipListMetrics()}),
     * one per metric per record; 0 when lists are read}
     *
     * @since 0.1.0
     */
    public long skippedListMetrics() {
        return skippedListMetrics;
    }

    /**
     * {@return the canonical names of the list-valued metrics stepped over on request, e.g.
     * {@code inter_chunk_latency}; empty when lists are read}
     *
     * @since 0.1.0
     */
    public Set<String> skippedListMetricNames() {
        return skippedListMetricNames;
    }

    /** {@return the number of empty or whitespace-only lines (skipped)} */
    public long blankLines() {
        return blankLines;
    }

    /** {@return the number of complete lines that are not a readable record (skipped in lenient mode)} */
    public long malformedLines() {
        return malformedLines;
    }

    /**
     * {@return the number of the last line if it was cut short (no newline and not valid JSON: the writer was killed
     * mid-line); the line was skipped and everything before it kept}
     */
    public OptionalLong truncatedLastLine() {
        return truncatedLastLine > 0 ? OptionalLong.of(truncatedLastLine) : OptionalLong.empty();
    }

    /** {@return the total number of problems, including those not kept in {@link #issues()}} */
    public long issueCount() {
        return issueCount;
    }

    /** {@return the first {@value #ISSUES_KEPT} problems in file order} */
    public List<ReadIssue> issues() {
        return issues;
    }

    /** {@return whether every line was a complete, well-formed record (phase filtering and blank lines aside)} */
    public boolean isClean() {
        return issueCount == 0 && malformedLines == 0 && truncatedLastLine == 0;
    }

    @Override
    public String toString() {
        return "JsonLinesReport[" + source + ": " + lines + " lines, " + records + " records, " + skippedByPhase
                + " skipped by phase, " + blankLines + " blank, " + malformedLines + " malformed"
                + (skippedListMetrics > 0
                        ? ", " + skippedListMetrics + " list metrics skipped on request " + skippedListMetricNames
                        : "")
                + (truncatedLastLine > 0 ? ", last line " + truncatedLastLine + " truncated" : "") + ", " + issueCount
                + " issues]";
    }
}
