package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RecordOptions#skipListMetrics()}: the same records without their list metrics, and the skips counted. */
class SkipListMetricsTest {

    private static final RecordOptions SKIP = RecordOptions.defaults().withSkipListMetrics(true);

    @ParameterizedTest
    @MethodSource("io.github.tokjoule.aiperf.TestFiles#recordFiles")
    void skippingListsChangesNothingElse(String resource) {
        for (boolean allPhases : new boolean[] {false, true}) {
            RecordOptions read = RecordOptions.defaults().withAllPhases(allPhases);
            JsonLinesReport[] full = new JsonLinesReport[1];
            JsonLinesReport[] skip = new JsonLinesReport[1];
            List<RequestRecord> a = RecordsTest.readAll(TestFiles.bytes(resource), read, full);
            List<RequestRecord> b =
                    RecordsTest.readAll(TestFiles.bytes(resource), read.withSkipListMetrics(true), skip);

            assertThat(b).hasSameSizeAs(a);
            long lists = 0;
            for (int i = 0; i < a.size(); i++) {
                RequestRecord x = a.get(i);
                RequestRecord y = b.get(i);
                assertThat(describe(y)).isEqualTo(describe(x));
                Map<String, RecordMetric> scalars = new LinkedHashMap<>();
                for (RecordMetric m : x.metrics().values()) {
                    if (m.isList()) {
                        lists++;
                        assertThat(y.metric(m.name())).as(m.name()).isEmpty();
                    } else {
                        scalars.put(m.name(), m);
                    }
                }
                assertThat(y.metrics()).isEqualTo(scalars);
                assertThat(y.metrics().values()).noneMatch(RecordMetric::isList);
                assertThat(y.interChunkLatenciesMillis()).isEmpty();
            }
            assertThat(skip[0].lines()).isEqualTo(full[0].lines());
            assertThat(skip[0].records()).isEqualTo(full[0].records());
            assertThat(skip[0].skippedByPhase()).isEqualTo(full[0].skippedByPhase());
            assertThat(skip[0].blankLines()).isEqualTo(full[0].blankLines());
            assertThat(skip[0].malformedLines()).isEqualTo(full[0].malformedLines());
            assertThat(skip[0].issues()).isEqualTo(full[0].issues());
            assertThat(skip[0].isClean()).isEqualTo(full[0].isClean());
            assertThat(full[0].skippedListMetrics()).isZero();
            assertThat(full[0].skippedListMetricNames()).isEmpty();
            assertThat(skip[0].skippedListMetrics()).isEqualTo(lists);
            assertThat(skip[0].skippedListMetricNames())
                    .isEqualTo(lists == 0 ? Set.of() : Set.of("inter_chunk_latency"));
        }
    }

    @Test
    void theCorpusFileHasOneSkippedListPerRecord() {
        JsonLinesReport[] report = new JsonLinesReport[1];
        List<RequestRecord> records = RecordsTest.readAll(TestFiles.bytes(TestFiles.PLOT_RECORDS), SKIP, report);
        // 10 profiling records, each with one inter_chunk_latency list (see RecordsTest)
        assertThat(records).hasSize(10);
        assertThat(report[0].skippedListMetrics()).isEqualTo(10);
        assertThat(report[0].isClean()).isTrue();
        assertThat(report[0].toString()).contains("10 list metrics skipped on request [inter_chunk_latency]");
        assertThat(records.get(0).timeToFirstTokenMillis()).isEqualTo(31.742933999999998);
    }

    @Test
    void skippedListsAreNotValidatedButStillCounted() {
        // a list with a non-number and a list in an unknown unit: read, each is an issue; skipped, neither is
        String line = "{\"metadata\":{\"request_start_ns\":1,\"request_end_ns\":2},\"metrics\":{"
                + "\"inter_chunk_latency\":{\"value\":[1,\"x\",3],\"unit\":\"ms\"},"
                + "\"other_list\":{\"value\":[1,2],\"unit\":\"bogus\"},"
                + "\"ttft\":{\"value\":[],\"unit\":\"ms\"},"
                + "\"request_latency\":{\"value\":2.5,\"unit\":\"sec\"}}}\n";
        JsonLinesReport[] full = new JsonLinesReport[1];
        RequestRecord read =
                RecordsTest.readAll(line, RecordOptions.defaults(), full).get(0);
        assertThat(full[0].issueCount()).isEqualTo(2);
        assertThat(read.metric("other_list")).isPresent();
        assertThat(read.metric("time_to_first_token").orElseThrow().size()).isZero();

        JsonLinesReport[] skip = new JsonLinesReport[1];
        RequestRecord r = RecordsTest.readAll(line, SKIP, skip).get(0);
        assertThat(skip[0].issueCount()).isZero();
        assertThat(skip[0].skippedListMetrics()).isEqualTo(3);
        // "ttft" is an alias: the canonical name is reported
        assertThat(skip[0].skippedListMetricNames())
                .containsExactlyInAnyOrder("inter_chunk_latency", "other_list", "time_to_first_token");
        assertThat(r.metrics().keySet()).containsExactly("request_latency");
        assertThat(r.requestLatencyMillis()).isEqualTo(2500.0); // 2.5 s × 1000
        assertThat(r.timeToFirstTokenMillis()).isNaN();
    }

    @Test
    void collectingASkippedListIsAnErrorAndScalarsAreUnchanged() throws IOException {
        var path = TestFiles.path(TestFiles.PLOT_RECORDS);
        assertThatThrownBy(() -> AiperfRecords.collect(path, "inter_chunk_latency", MetricUnit.MILLISECONDS, SKIP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inter_chunk_latency")
                .hasMessageContaining("skipListMetrics");
        double[] full = AiperfRecords.collect(path, "ttft", MetricUnit.MILLISECONDS, RecordOptions.defaults())
                .values();
        AiperfRecords.MetricValues skipped = AiperfRecords.collect(path, "ttft", MetricUnit.MILLISECONDS, SKIP);
        assertThat(skipped.values()).containsExactly(full);
        assertThat(skipped.report().skippedListMetrics()).isEqualTo(10);
    }

    @Test
    void optionsCarryTheFlag() {
        assertThat(RecordOptions.defaults().skipListMetrics()).isFalse();
        assertThat(new RecordOptions(true, true).skipListMetrics()).isFalse();
        RecordOptions o = new RecordOptions(false, false, true);
        assertThat(o.withAllPhases(true)).isEqualTo(new RecordOptions(true, false, true));
        assertThat(o.withStrict(true)).isEqualTo(new RecordOptions(false, true, true));
        assertThat(o.withSkipListMetrics(false)).isEqualTo(RecordOptions.defaults());
    }

    @Test
    void anyListLengthIsSkippedWhole() {
        // agreement with the slow reference (read everything, drop the lists) on generated list lengths
        qt().forAll(lists().of(integers().between(0, 300)).ofSizeBetween(1, 5)).checkAssert(lengths -> {
            StringBuilder sb = new StringBuilder();
            for (int len : lengths) {
                sb.append("{\"metrics\":{\"inter_chunk_latency\":{\"value\":[");
                for (int k = 0; k < len; k++) {
                    sb.append(k == 0 ? "" : ",").append(k * 0.5);
                }
                sb.append("],\"unit\":\"ms\"},\"output_sequence_length\":{\"value\":")
                        .append(len + 1)
                        .append(",\"unit\":\"tokens\"}}}\n");
            }
            JsonLinesReport[] skip = new JsonLinesReport[1];
            JsonLinesReport[] full = new JsonLinesReport[1];
            List<RequestRecord> b = RecordsTest.readAll(sb.toString(), SKIP, skip);
            List<RequestRecord> a = RecordsTest.readAll(sb.toString(), RecordOptions.defaults(), full);
            assertThat(skip[0].skippedListMetrics()).isEqualTo(lengths.size());
            assertThat(skip[0].isClean()).isTrue();
            for (int i = 0; i < lengths.size(); i++) {
                assertThat(a.get(i).interChunkLatenciesMillis()).hasSize(lengths.get(i));
                assertThat(b.get(i).outputSequenceLengthTokens())
                        .isEqualTo(a.get(i).outputSequenceLengthTokens())
                        .isEqualTo(lengths.get(i) + 1.0);
            }
        });
    }

    /** Everything of a record but its metrics, as text. */
    private static String describe(RequestRecord r) {
        return String.join(
                "|",
                String.valueOf(r.lineNumber()),
                String.valueOf(r.sessionNum()),
                String.valueOf(r.requestId()),
                String.valueOf(r.correlationId()),
                String.valueOf(r.conversationId()),
                String.valueOf(r.turnIndex()),
                String.valueOf(r.creditIssuedEpochNanos()),
                String.valueOf(r.requestStartEpochNanos()),
                String.valueOf(r.requestAckEpochNanos()),
                String.valueOf(r.requestEndEpochNanos()),
                String.valueOf(r.cancellationEpochNanos()),
                String.valueOf(r.workerId()),
                String.valueOf(r.recordProcessorId()),
                String.valueOf(r.phase()),
                String.valueOf(r.phaseName()),
                String.valueOf(r.wasCancelled()),
                String.valueOf(r.error()),
                String.valueOf(r.isError()));
    }
}
