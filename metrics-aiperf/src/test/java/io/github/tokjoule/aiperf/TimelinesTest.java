package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.join.RequestTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aiperf's records as the join's request timelines: the one ms → ns conversion of TTFT, and the refusals. */
class TimelinesTest {

    @TempDir
    Path tmp;

    private static RequestRecord record(String line) {
        return RecordsTest.readAll(line + "\n", RecordOptions.defaults(), new JsonLinesReport[1])
                .get(0);
    }

    private static String line(String metadata, String metrics, String error) {
        return "{\"metadata\":{" + metadata + "},\"metrics\":{" + metrics + "}" + error + "}";
    }

    private static final String TIMES = "\"request_start_ns\":1000000000,\"request_end_ns\":3600000000";
    private static final String TOKENS = "\"input_sequence_length\":{\"value\":128,\"unit\":\"tokens\"},"
            + "\"output_sequence_length\":{\"value\":64,\"unit\":\"tokens\"}";

    @Test
    void aStreamedRecordsFirstTokenIsItsStartPlusTheTtft() {
        // 1.0 s + 600.25 ms = 1 600 250 000 ns
        RequestTimeline t = record(
                        line(TIMES, "\"time_to_first_token\":{\"value\":600.25,\"unit\":\"ms\"}," + TOKENS, ""))
                .timeline();
        assertThat(t).isEqualTo(RequestTimeline.succeeded(1_000_000_000L, 1_600_250_000L, 3_600_000_000L, 128, 64));
        // a TTFT in seconds is converted by its unit: 0.5 s = 500 ms
        assertThat(record(line(TIMES, "\"time_to_first_token\":{\"value\":0.5,\"unit\":\"sec\"}", ""))
                        .timeline()
                        .firstTokenEpochNanos())
                .isEqualTo(1_500_000_000L);
    }

    @Test
    void theFirstTokenNeverFallsAfterTheEnd() {
        // perf_counter TTFT 2600.01 ms against wall-clock stamps 2.6 s apart: clamped to the end
        RequestTimeline t = record(line(TIMES, "\"time_to_first_token\":{\"value\":2600.01,\"unit\":\"ms\"}", ""))
                .timeline();
        assertThat(t.firstTokenEpochNanos()).isEqualTo(3_600_000_000L);
        assertThat(t.tokensKnown()).isFalse(); // no lengths: NaN, excluded by the estimators as TOKENS_UNKNOWN
    }

    @Test
    void aRecordWithoutTtftCountsWhollyAsDecode() {
        RequestTimeline t = record(line(TIMES, TOKENS, "")).timeline();
        assertThat(t).isEqualTo(RequestTimeline.succeeded(1_000_000_000L, 1_000_000_000L, 3_600_000_000L, 128, 64));
    }

    @Test
    void aFailedRecordIsAFailedTimeline() {
        RequestTimeline t = record(line(
                        TIMES,
                        "\"input_sequence_length\":{\"value\":128,\"unit\":\"tokens\"}",
                        ",\"error\":{\"code\":500,\"type\":\"ServerError\",\"message\":\"boom\"}"))
                .timeline();
        assertThat(t).isEqualTo(RequestTimeline.failed(1_000_000_000L, 3_600_000_000L, 128));
    }

    @Test
    void aRecordThatCannotBePlacedInTimeIsRefusedByLine() {
        assertThatThrownBy(() -> record(line("\"request_end_ns\":3600000000", TOKENS, ""))
                        .timeline())
                .isInstanceOf(AiperfFormatException.class)
                .hasMessage("profile_export.jsonl: line 1: the record has no request_start_ns: it cannot be placed in"
                        + " time (aiperf 0.2 or later writes both for every record)");
        assertThatThrownBy(() -> record(line("\"request_start_ns\":1000000000", TOKENS, ""))
                        .timeline())
                .isInstanceOf(AiperfFormatException.class)
                .hasMessageContaining("the record has no request_end_ns");
        assertThatThrownBy(
                        () -> record(line("\"request_start_ns\":3600000000,\"request_end_ns\":1000000000", TOKENS, ""))
                                .timeline())
                .isInstanceOf(AiperfFormatException.class)
                .hasMessage("profile_export.jsonl: line 1: request_end_ns (1000000000) is before request_start_ns"
                        + " (3600000000)");
    }

    @Test
    void aWholeFileBecomesItsTimelinesInFileOrder() throws IOException {
        List<RequestTimeline> all = AiperfRecords.timelines(TestFiles.path(TestFiles.PLOT_RECORDS));
        List<RequestRecord> records;
        try (AiperfRecords r = AiperfRecords.open(TestFiles.path(TestFiles.PLOT_RECORDS))) {
            records = r.stream().toList();
        }
        assertThat(all).hasSize(10).hasSameSizeAs(records);
        for (int i = 0; i < all.size(); i++) {
            RequestRecord r = records.get(i);
            assertThat(all.get(i).startEpochNanos())
                    .isEqualTo(r.requestStartEpochNanos().getAsLong());
            assertThat(all.get(i).endEpochNanos())
                    .isEqualTo(r.requestEndEpochNanos().getAsLong());
            assertThat(all.get(i).outputTokens()).isEqualTo(r.outputSequenceLengthTokens());
            // first token − start is the TTFT to the nanosecond (or the end, whichever is earlier)
            long ttftNanos = Math.round(r.timeToFirstTokenMillis() * 1e6);
            assertThat(all.get(i).durationNanos(io.github.tokjoule.core.join.Phase.PREFILL))
                    .isEqualTo(Math.min(ttftNanos, all.get(i).durationNanos(io.github.tokjoule.core.join.Phase.TOTAL)));
        }
    }

    @Test
    void aWholeFileWithABadOrCutLineIsRefusedNotShortened() throws IOException {
        Path cut = tmp.resolve("cut.jsonl");
        Files.writeString(cut, line(TIMES, TOKENS, "") + "\n{\"metadata\":{\"request_st", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AiperfRecords.timelines(cut))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessage("cut.jsonl: line 2: the last line is cut short (the run was killed mid-write); read the"
                        + " file with AiperfRecords.open to keep the complete records");
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, line(TIMES, TOKENS, "") + "\nnot json\n" + line(TIMES, TOKENS, "") + "\n");
        assertThatThrownBy(() -> AiperfRecords.timelines(bad))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessageStartingWith("bad.jsonl: line 2, column 1 ($): Unrecognized token");
        Path untimed = tmp.resolve("untimed.jsonl");
        Files.writeString(untimed, line(TIMES, TOKENS, "") + "\n" + line("", TOKENS, "") + "\n");
        assertThatThrownBy(() -> AiperfRecords.timelines(untimed))
                .isInstanceOf(AiperfFormatException.class)
                .hasMessageStartingWith("untimed.jsonl: line 2: the record has no request_start_ns");
    }
}
