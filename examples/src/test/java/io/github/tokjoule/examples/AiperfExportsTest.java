package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code tokjoule aiperf} on every kind of aiperf export of the corpus (see {@code aiperf/SOURCES.md}): the summary
 * JSON with its versions and error summary, the CSV export, the per-request records, gzip copies, a cut gzip copy,
 * and the exports it refuses.
 */
class AiperfExportsTest extends CommandLineTest {

    private static final Path DIR = Path.of("src/test/resources/aiperf");
    private static final Path SCHEMA_13 =
            DIR.resolve("anud18_aiperf-0.10-qwen36-nvfp4-chatbot-c8-profile-export-aiperf.json");
    private static final Path LEGACY = DIR.resolve("ai-dynamo_v01-records-format-profile-export-aiperf.json");
    private static final Path CSV = DIR.resolve("ai-dynamo_v01-records-format-profile-export-aiperf.csv");
    private static final Path RECORDS = DIR.resolve("ai-dynamo_plot-fixture-qwen-c1-profile-export.jsonl");

    @Override
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return super.run(args);
    }

    private JsonTree json() {
        return JsonTree.parse(out.toString());
    }

    private Path gzip(Path file, String name, int keepPercent) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(Files.readAllBytes(file));
        }
        byte[] bytes = gz.toByteArray();
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length * keepPercent / 100));
    }

    @Test
    void theSummaryJsonPrintsItsVersionsAndErrorSummary() throws Exception {
        assertThat(run("aiperf", SCHEMA_13.toString(), "--zone", "UTC")).isZero();
        JsonTree j = json();
        assertThat(j.at("export")).isEqualTo("summary json");
        assertThat(j.at("aiperf_version")).isEqualTo("0.10.0");
        assertThat(j.at("schema_version")).isEqualTo("1.3");
        assertThat((j.at("error_summary") instanceof java.util.List)).isTrue();
        assertThat((java.util.List<?>) j.at("error_summary")).isEmpty();
        assertThat(((Number) j.at("error_count")).longValue()).isZero();
        assertThat(j.at("start_time")).isEqualTo("2026-07-03T04:19:39.807147Z");
        assertThat(j.number("metrics", "time_to_first_token", "p50")).isEqualTo(117.341231);

        assertThat(run("aiperf", LEGACY.toString())).isZero();
        j = json();
        assertThat("null".equals(j.at("aiperf_version"))).isTrue(); // before aiperf 0.4: not in the file
        assertThat("null".equals(j.at("schema_version"))).isTrue();
        assertThat(j.at("error_summary", 0))
                .isEqualTo(java.util.Map.of(
                        "code",
                        499L,
                        "type",
                        "RequestCancellationError",
                        "message",
                        "Request was cancelled after 0.000 seconds",
                        "count",
                        11L));
    }

    @Test
    void aNaiveTimeWithoutAZoneIsPrintedAsWrittenAndNamedUnresolved() throws Exception {
        // Issue 15: without --zone, start_time and end_time were null and the times the file holds were gone.
        assertThat(run("aiperf", SCHEMA_13.toString())).isZero();
        JsonTree j = json();
        assertThat("null".equals(j.at("start_time"))).isTrue();
        assertThat("null".equals(j.at("end_time"))).isTrue();
        assertThat(j.at("start_time_unresolved")).isEqualTo("2026-07-03T04:19:39.807147");
        assertThat(j.at("end_time_unresolved")).isEqualTo("2026-07-03T04:20:08.284362");
        assertThat(j.at("time_zone").toString()).contains("naive local times", "give --zone");
        assertThat(err.toString()).contains("is a naive local time and no zone was given");
        // With a zone the instant is printed and nothing is unresolved.
        assertThat(run("aiperf", SCHEMA_13.toString(), "--zone", "Asia/Kolkata"))
                .isZero();
        assertThat(json().at("start_time")).isEqualTo("2026-07-02T22:49:39.807147Z"); // 04:19:39 at +05:30
        assertThat(out.toString()).doesNotContain("unresolved", "time_zone");
    }

    @Test
    void theCsvExportIsReadUnderItsDisplayNames() throws Exception {
        assertThat(run("aiperf", CSV.toString())).isZero();
        JsonTree j = json();
        assertThat(j.at("export")).isEqualTo("summary csv");
        // Time to First Token (ms),2343.22,464.66,3853.86,581.20,728.68,1413.84,2369.32,... ,1049.82
        assertThat(j.at("metrics", "Time to First Token", "unit")).isEqualTo("ms");
        assertThat(j.number("metrics", "Time to First Token", "p50")).isEqualTo(2369.32);
        assertThat(j.number("metrics", "Time to First Token", "std")).isEqualTo(1049.82);
        assertThat((j.at("metrics", "Time to First Token", "p10") != null))
                .isFalse(); // no p10 column before aiperf 0.2
        // Benchmark Duration (sec),9.32 -> 9320 ms; Request Count,89.00 (no unit: a count)
        assertThat(j.number("metrics", "Benchmark Duration", "avg")).isCloseTo(9320.0, within(1e-9));
        assertThat(j.at("metrics", "Benchmark Duration", "unit")).isEqualTo("ms");
        assertThat(j.number("metrics", "Request Count", "avg")).isEqualTo(89.0);
        assertThat(j.at("metrics", "Request Count", "unit")).isEqualTo("count");
        assertThat(((java.util.Map<?, ?>) j.at("metrics")).size()).isEqualTo(10 + 11);
        // Error Request Count,11.00: the 11 cancelled requests of the JSON's error summary (it printed null)
        assertThat(((Number) j.at("error_count")).longValue()).isEqualTo(11);
        // Minimum Request Timestamp (ns),1759522419154568960.00 = 2025-10-03T20:13:39.154568960Z; Maximum Response
        // Timestamp (ns),1759522428472357888.00 = ...:48.472357888Z; to the microsecond (the double holds ~0.25 us)
        assertThat(j.at("start_time")).isEqualTo("2025-10-03T20:13:39.154569Z");
        assertThat(j.at("end_time")).isEqualTo("2025-10-03T20:13:48.472358Z");
        assertThat(err.toString())
                .contains("warning: ai-dynamo_v01-records-format-profile-export-aiperf.csv:"
                        + " aiperf's CSV export names metrics by display name and rounds values to 2 decimals");
    }

    @Test
    void theRecordsAreSummarisedAsAiperfDoes() throws Exception {
        assertThat(run("aiperf", RECORDS.toString())).isZero();
        assertThat(err.toString()).isEmpty();
        JsonTree j = json();
        assertThat(j.at("export")).isEqualTo("records jsonl");
        assertThat("null".equals(j.at("aiperf_version"))).isTrue();
        assertThat(((Number) j.at("error_count")).longValue()).isZero();
        assertThat(((Number) j.at("records", "records")).longValue()).isEqualTo(10);
        assertThat(((Number) j.at("records", "successful")).longValue()).isEqualTo(10);
        // first request_start_ns 1762551534797067827, last request_end_ns 1762551574184596737: epoch, no zone
        assertThat(j.at("start_time")).isEqualTo("2025-11-07T21:38:54.797067827Z");
        assertThat(j.at("end_time")).isEqualTo("2025-11-07T21:39:34.184596737Z");
        // numpy (SOURCES.md): mean 31.2755395, std (ddof 0) 1.0221382538232533, p50 31.4261615, p90 32.7058357
        assertThat(j.at("metrics", "time_to_first_token", "unit")).isEqualTo("ms");
        assertThat(((Number) j.at("metrics", "time_to_first_token", "count")).longValue())
                .isEqualTo(10);
        assertThat(j.number("metrics", "time_to_first_token", "avg")).isCloseTo(31.2755395, within(1e-9));
        assertThat(j.number("metrics", "time_to_first_token", "std")).isCloseTo(1.0221382538232533, within(1e-9));
        assertThat(j.number("metrics", "time_to_first_token", "p50")).isCloseTo(31.4261615, within(1e-9));
        assertThat(j.number("metrics", "time_to_first_token", "p90")).isCloseTo(32.7058357, within(1e-9));
        assertThat(j.number("metrics", "time_to_first_token", "min")).isEqualTo(29.591606);
        assertThat(j.number("metrics", "time_to_first_token", "max")).isEqualTo(32.833470999999996);
        // inter_chunk_latency is a list per record: 10 x 199 gaps pooled
        assertThat(((Number) j.at("metrics", "inter_chunk_latency", "count")).longValue())
                .isEqualTo(1990);
    }

    @Test
    void gzipCopiesReadTheSame() throws Exception {
        for (Path f : new Path[] {RECORDS, CSV, SCHEMA_13}) {
            assertThat(run("aiperf", f.toString(), "--zone", "UTC"))
                    .as(f.toString())
                    .isZero();
            String plain = out.toString();
            Path gz = gzip(f, f.getFileName() + ".gz", 100);
            assertThat(run("aiperf", gz.toString(), "--zone", "UTC"))
                    .as(gz.toString())
                    .isZero();
            assertThat(out.toString()).isEqualTo(plain);
        }
    }

    @Test
    void aCutGzipKeepsItsCompleteRecordsAndSaysWhy() throws Exception {
        Path cut = gzip(RECORDS, "profile_export.jsonl.gz", 50);
        assertThat(run("aiperf", cut.toString())).isEqualTo(1);
        JsonTree j = json();
        long kept = ((Number) j.at("records", "records")).longValue();
        assertThat(kept).isBetween(1L, 9L);
        assertThat(((Number) j.at("metrics", "time_to_first_token", "count")).longValue())
                .isEqualTo(kept);
        assertThat(((Number) j.at("records", "malformed_lines")).longValue())
                .isZero(); // the cut line is dropped, not parsed
        assertThat(err.toString())
                .contains("tokjoule aiperf: " + cut + ": truncated gzip after " + kept + " lines (Unexpected end of"
                        + " ZLIB input stream; a cut line of ")
                .contains("--allow-partial");
        assertThat(run("aiperf", cut.toString(), "--allow-partial")).isZero();
        assertThat(err.toString()).contains("tokjoule aiperf: warning: " + cut + ": truncated gzip after " + kept);

        Path cutJson = gzip(SCHEMA_13, "profile_export_aiperf.json.gz", 50);
        assertThat(run("aiperf", cutJson.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(cutJson + ": truncated gzip after ");
    }

    @Test
    void otherExportsAreRefusedByName() throws Exception {
        Path telemetry = Files.writeString(dir.resolve("gpu_telemetry_export.jsonl"), "{}\n");
        assertThat(run("aiperf", telemetry.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is aiperf's GPU telemetry time series, not a benchmark summary");
        Path raw = Files.writeString(dir.resolve("profile_export_raw.jsonl"), "{}\n");
        assertThat(run("aiperf", raw.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("raw request and response payloads");
        Path slices = Files.writeString(dir.resolve("profile_export_aiperf_timeslices.csv"), "x\n");
        assertThat(run("aiperf", slices.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("per-time-slice statistics");
    }

    @Test
    void aRenamedTelemetryExportIsStillRecognised() throws Exception {
        // The corpus's copy is named ai-dynamo_plot-fixture-qwen-c1-gpu-telemetry-export.jsonl: hyphens, not
        // underscores; one with a neutral name is told by its first record.
        String record = "{\"timestamp_ns\": 1762551530946074466, \"gpu_index\": 0, \"gpu_uuid\": \"GPU-ef6e\","
                + " \"telemetry_data\": {\"gpu_power_usage\": 30.257}}\n";
        Path hyphens = Files.writeString(dir.resolve("run-gpu-telemetry-export.jsonl"), record);
        assertThat(run("aiperf", hyphens.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is aiperf's GPU telemetry time series, not a benchmark summary");
        err.getBuffer().setLength(0);
        Path neutral = Files.writeString(dir.resolve("run3.jsonl"), record);
        assertThat(run("aiperf", neutral.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("run3.jsonl: no metric and no error summary: it is aiperf's GPU telemetry time series");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedOnceNamingWhatIsRead() throws Exception {
        Path notes = Files.writeString(dir.resolve("SOURCES.md"), "# Sources\n");
        assertThat(run("aiperf", notes.toString())).isEqualTo(1);
        String e = err.toString();
        assertThat(e)
                .contains("SOURCES.md: $ (line 1, column 1): Unexpected character ('#'")
                .contains("(tokjoule aiperf reads profile_export_aiperf.json, profile_export_aiperf.csv and"
                        + " profile_export.jsonl, each also .gz)")
                .doesNotContain("[Source:");
        assertThat(e.indexOf("Unexpected character")).isEqualTo(e.lastIndexOf("Unexpected character"));
    }

    @Test
    void whatIsNoExportFailsNamingTheCause() throws Exception {
        Path csv = Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n");
        assertThat(run("aiperf", csv.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("notes.csv: line 1: not an aiperf CSV export");
        Path badNumber = Files.writeString(dir.resolve("bad.csv"), "Metric,avg,min\nRequest Latency (ms),12.5,x\n");
        assertThat(run("aiperf", badNumber.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv: line 2, column 3 (min of Request Latency): 'x' is not a number");
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        assertThat(run("aiperf", empty.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no metric and no error summary: is it an aiperf export?");
        Path noRecords = Files.writeString(dir.resolve("none.jsonl"), "\n\n");
        assertThat(run("aiperf", noRecords.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no metric and no error summary");
    }

    @Test
    void aCsvWithoutAnErrorRowHadNoFailedRequestAndOneWithoutAggregatesSaysNothing() throws Exception {
        // aiperf writes Error Request Count only when a request failed (as error_request_count in its JSON)
        Path ok = Files.writeString(
                dir.resolve("ok.csv"),
                "Metric,avg,min\r\nRequest Latency (ms),12.5,10\r\n\r\nMetric,Value\r\nRequest Count,20.00\r\n");
        assertThat(run("aiperf", ok.toString())).isZero();
        JsonTree j = json();
        assertThat(((Number) j.at("error_count")).longValue()).isZero();
        assertThat("null".equals(j.at("start_time"))).isTrue();
        Path bare = Files.writeString(dir.resolve("bare.csv"), "Metric,avg,min\nRequest Latency (ms),12.5,10\n");
        assertThat(run("aiperf", bare.toString())).isZero();
        assertThat("null".equals(json().at("error_count"))).isTrue();
    }
}
