package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code tokjoule tegrastats} on real corpus files (src/test/resources/tegrastats, see SOURCES.md there). */
class TegrastatsCommandTest extends CommandLineTest {

    private static String corpus(String name) {
        try {
            return Path.of(TegrastatsCommandTest.class
                            .getResource("/tegrastats/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    /** Every output line must be one complete JSON object. */
    private static void assertValidJson(String line) {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            int depth = 0;
            int tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
                if (p.currentToken().isStructStart()) {
                    depth++;
                } else if (p.currentToken().isStructEnd()) {
                    depth--;
                    if (depth == 0) {
                        assertThat(p.nextToken()).isNull();
                        break;
                    }
                }
            }
            assertThat(tokens).isGreaterThan(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void jsonLinesOfTheAgxOrinR35Line() {
        assertThat(run("tegrastats", corpus("gdwr-agx-orin-64gb-r35.log"), "--zone", "Asia/Kolkata"))
                .isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        String json = lines.get(0);
        assertValidJson(json);
        // values from SOURCES.md; 10:36:27 in Kolkata (UTC+05:30) is 05:06:27Z, and a single stamp is placed in the
        // middle of its second
        assertThat(json)
                .startsWith("{\"line\":1,\"time\":\"2025-04-11T05:06:27.500Z\",\"ram_used_mb\":4321,"
                        + "\"ram_total_mb\":62801,\"swap_used_mb\":19,\"swap_total_mb\":31400,\"cpu\":[{\"load_pct\":0,"
                        + "\"freq_mhz\":729},")
                .contains("\"emc_load_pct\":0,\"emc_freq_mhz\":2133,\"gr3d_load_pct\":0,\"gr3d_freq_mhz\":[0,0],")
                .contains("\"temps\":{\"CV0\":null,\"CPU\":44.562,\"Tboard\":32,")
                .contains("\"rails\":{\"VDD_GPU_SOC\":{\"mw\":2340,\"avg_mw\":2340,\"max_mw\":null},")
                .endsWith("\"NC#2\":{\"mw\":0,\"avg_mw\":0,\"max_mw\":null}}}");
        assertThat(err.toString())
                .contains("gdwr-agx-orin-64gb-r35.log: 1 lines, 1 samples, 0 malformed, 0 skipped")
                .contains("times: fitted to the printed stamps in Asia/Kolkata: mean period unknown")
                .contains("board: AGX Orin");
    }

    @Test
    void offCoresAreNullAndNonRootFieldsAreNull() {
        assertThat(run("tegrastats", corpus("jetson_stats-hist-agx-xavier-r32.log")))
                .isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        lines.forEach(TegrastatsCommandTest::assertValidJson);
        // CPU [1%@1160,2%@1161,0%@1189,0%@1189,off,off,off,off]; no SWAP; no timestamps
        assertThat(lines.get(0))
                .startsWith("{\"line\":1,\"time\":null,\"ram_used_mb\":1736,\"ram_total_mb\":15827,"
                        + "\"swap_used_mb\":null,\"swap_total_mb\":null,")
                .contains("{\"load_pct\":0,\"freq_mhz\":1189},null,null,null,null],")
                .contains("\"gr3d_freq_mhz\":[114]");
        // the non-sudo line: EMC_FREQ 0% GR3D_FREQ 4%, no frequency
        assertThat(lines.get(1))
                .contains("\"emc_load_pct\":0,\"emc_freq_mhz\":null,\"gr3d_load_pct\":4,\"gr3d_freq_mhz\":null,");
        assertThat(err.toString()).contains("note: the log has no timestamps: give --start and --interval-ms");
    }

    @Test
    void threeValuedRailsCarryTheirMax() {
        assertThat(run("tegrastats", corpus("jetson_stats-agx-orin-64gb-jp7.2-r39.2.log")))
                .isZero();
        assertThat(lines().get(0))
                .contains("\"time\":null")
                .contains("\"temps\":{\"cpu\":52.968,")
                .contains("\"VDD_GPU_SOC\":{\"mw\":5139,\"avg_mw\":5139,\"max_mw\":5139}");
        assertThat(err.toString()).contains("note: the log has timestamps but no --zone was given: times are null");
    }

    @Test
    void legacyLinesHaveNoTemperaturesOrRails() {
        assertThat(run("tegrastats", corpus("hordiales-tx1-r28.1.log"))).isZero();
        assertThat(lines()).hasSize(4);
        // cpu [0%,0%,0%,0%]@1734 EMC 0%@1600 APE 25 GR3D 0%@998
        assertThat(lines().get(0))
                .contains("\"swap_used_mb\":2780,\"swap_total_mb\":8192,")
                .contains("{\"load_pct\":0,\"freq_mhz\":1734}")
                .contains("\"emc_load_pct\":0,\"emc_freq_mhz\":1600,\"gr3d_load_pct\":0,\"gr3d_freq_mhz\":[998],")
                .endsWith("\"temps\":{},\"rails\":{}}");
    }

    @Test
    void aLogWithoutTimestampsTakesAStartAndAPeriod() {
        assertThat(run(
                        "tegrastats",
                        corpus("ssaraff98-tx2-long.log"),
                        "--start",
                        "2021-01-26T18:22:31Z",
                        "--interval-ms",
                        "1000"))
                .isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(432);
        // the date header is line 1; samples start at line 2, one second apart
        assertThat(lines.get(0)).startsWith("{\"line\":2,\"time\":\"2021-01-26T18:22:31Z\",");
        assertThat(lines.get(1)).startsWith("{\"line\":3,\"time\":\"2021-01-26T18:22:32Z\",");
        assertThat(err.toString())
                .contains("433 lines, 432 samples, 0 malformed, 1 skipped (1 date_header)")
                .contains("times: from --start, period 1000.0 ms")
                .contains("board: TX2");
    }

    @Test
    void csvHasOneColumnPerFieldSeen() {
        assertThat(run(
                        "tegrastats",
                        corpus("jetson_stats-agx-orin-64gb-jp7.2-r39.2.log"),
                        "--format",
                        "csv",
                        "--zone",
                        "UTC"))
                .isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        StringBuilder cpu = new StringBuilder();
        for (int c = 0; c < 12; c++) {
            cpu.append(",cpu").append(c).append("_load_pct,cpu").append(c).append("_freq_mhz");
        }
        // no SWAP in this line, so no swap columns; three-valued rails get a max column
        assertThat(lines.get(0))
                .isEqualTo("line,time,ram_used_mb,ram_total_mb" + cpu
                        + ",emc_load_pct,emc_freq_mhz,gr3d_load_pct,gr3d_freq_mhz_0,gr3d_freq_mhz_1"
                        + ",temp_cpu,temp_soc2,temp_soc0,temp_gpu"
                        + ",rail_VDD_GPU_SOC_mw,rail_VDD_GPU_SOC_avg_mw,rail_VDD_GPU_SOC_max_mw"
                        + ",rail_VDD_CPU_CV_mw,rail_VDD_CPU_CV_avg_mw,rail_VDD_CPU_CV_max_mw"
                        + ",rail_VIN_SYS_5V0_mw,rail_VIN_SYS_5V0_avg_mw,rail_VIN_SYS_5V0_max_mw");
        // 07-25-2026 09:08:28 UTC, middle of the second; loads 23,10,… at 2201 MHz; EMC 3%@3199; GR3D 12%@[1300,1300]
        assertThat(lines.get(1))
                .startsWith("1,2026-07-25T09:08:28.500Z,20642,62817,23,2201,10,2201,")
                .contains(",3,3199,12,1300,1300,52.968,48.406,49.531,47.625,")
                .endsWith(",5139,5139,5139,3268,3268,3268,5500,5500,5500");
    }

    @Test
    void csvLeavesMissingValuesEmptyAndQuotesNames() throws IOException {
        Path log = dir.resolve("odd.log");
        Files.writeString(log, "RAM 1/2MB a,b@40C cpu@-256C VDD_IN 5/5\nRAM 1/2MB CPU [off,3%@2] a,b@41C\n");
        assertThat(run("tegrastats", log.toString(), "--format", "csv")).isZero();
        assertThat(lines())
                .containsExactly(
                        "line,time,ram_used_mb,ram_total_mb,cpu0_load_pct,cpu0_freq_mhz,cpu1_load_pct,cpu1_freq_mhz,"
                                + "\"temp_a,b\",temp_cpu,rail_VDD_IN_mw,rail_VDD_IN_avg_mw",
                        "1,,1,2,,,,,40,,5,5",
                        "2,,1,2,,,3,2,41,,,");
    }

    @Test
    void gzipInputAndMalformedLines() throws IOException {
        Path log = dir.resolve("mixed.log");
        byte[] text = "RAM 1/2MB VDD_IN 5/5\nRAM 1/\n$ tegrastats\nRAM 1/2MB VDD_IN 6/5\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(text);
        }
        Files.write(log, gz.toByteArray());
        assertThat(run("tegrastats", log.toString())).isZero();
        assertThat(lines()).hasSize(2);
        assertThat(err.toString())
                .contains("4 lines, 2 samples, 1 malformed, 1 skipped (1 shell_prompt)")
                .contains("malformed line 2: RAM: expected the total after '/' at column 7: RAM 1/");
        StringWriter strictErr = new StringWriter();
        int code = TokJoule.run(
                new String[] {"tegrastats", log.toString(), "--strict"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(strictErr, true));
        assertThat(code).isEqualTo(1);
        assertThat(strictErr.toString()).contains("mixed.log:2: RAM: expected the total after '/'");
    }

    @Test
    void startIsIgnoredWhenTheLogHasTimestamps() {
        assertThat(run(
                        "tegrastats",
                        corpus("gdwr-agx-orin-64gb-r35.log"),
                        "--zone",
                        "UTC",
                        "--interval-ms",
                        "500",
                        "--start",
                        "2025-01-01T00:00:00Z"))
                .isZero();
        assertThat(lines().get(0)).contains("\"time\":\"2025-04-11T10:36:27.500Z\"");
        assertThat(err.toString()).contains("note: --start is ignored: the log has timestamps");
    }

    @Test
    void usageAndInputErrors() {
        assertThat(run("tegrastats", corpus("gdwr-agx-orin-64gb-r35.log"), "--zone", "Mars/Olympus"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("'Mars/Olympus' is not a time zone: give the device's IANA zone id")
                .doesNotContain("Exception");
        assertThat(run("tegrastats", corpus("gdwr-agx-orin-64gb-r35.log"), "--start", "yesterday"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--start: not an ISO-8601 instant: 'yesterday'");
        assertThat(run("tegrastats", corpus("gdwr-agx-orin-64gb-r35.log"), "--interval-ms", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--interval-ms must be positive: 0");
        assertThat(run("tegrastats", corpus("gdwr-agx-orin-64gb-r35.log"), "--format", "xml"))
                .isEqualTo(2);
        assertThat(run("tegrastats")).isEqualTo(2);
        assertThat(run("tegrastats", dir.resolve("missing.log").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("LOG " + dir.resolve("missing.log") + ": no such file");
        assertThat(run("tegrastats", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a directory, not a file");
        assertThat(run("tegrastats", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tokjoule tegrastats", "--zone", "--interval-ms", "--format");
    }

    @Test
    void anEmptyLogFailsNamingTheCause() throws IOException {
        Path log = dir.resolve("empty.log");
        Files.writeString(log, "");
        assertThat(run("tegrastats", log.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("0 lines, 0 samples")
                .contains("tokjoule tegrastats: " + log + ": no tegrastats sample in 0 lines: is it a tegrastats log?");
        assertThat(run("tegrastats", log.toString(), "--format", "csv", "--strict"))
                .isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void randomBytesFailNamingTheCause() throws IOException {
        Path log = dir.resolve("random.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 'x'; // not the gzip magic
        Files.write(log, bytes);
        for (String strict : new String[] {"--format=jsonl", "--strict"}) {
            err.getBuffer().setLength(0);
            assertThat(run("tegrastats", log.toString(), strict)).as(strict).isEqualTo(1);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).as(strict).contains("tokjoule tegrastats: " + log + ": no tegrastats sample in");
        }
    }

    @Test
    void aTruncatedGzipKeepsItsCompleteLinesAndSaysWhereItWasCut() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("RAM ")
                    .append(1000 + i)
                    .append("/7620MB VDD_IN ")
                    .append(5000 + i)
                    .append("mW/5000mW\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        byte[] whole = gz.toByteArray();
        Path log = dir.resolve("cut.log.gz");
        Files.write(log, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(run("tegrastats", log.toString())).isEqualTo(1);
        List<String> lines = lines();
        assertThat(lines).isNotEmpty().hasSizeLessThan(200);
        int n = lines.size();
        assertThat(lines.get(0)).contains("\"ram_used_mb\":1000");
        // the cut line is dropped, not read as a sample: the last record is a whole line's
        assertThat(lines.get(n - 1)).contains("\"ram_used_mb\":" + (1000 + n - 1), "\"VDD_IN\"");
        assertThat(err.toString())
                .contains("tokjoule tegrastats: " + log + ": truncated gzip after " + n + " lines (")
                .contains("every complete line before the cut is kept, the rest of the file is lost");
    }
}
