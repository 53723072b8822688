package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.LiveTrace;
import io.github.tokjoule.live.source.NvidiaSmiSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tokjoule report LOG [--records …]}: a log written by the real {@code tokjoule monitor} against a fake Jetson
 * tree (VDD_IN 5000 mV × 1200 mA = 6 W, VDD_CPU_GPU_CV 5000 mV × 400 mA = 2 W, constant), so every energy is the
 * power times a duration, by hand.
 */
class MonitorLogReportTest {

    private static final long MS = 1_000_000L;

    @TempDir
    static Path shared;

    private static Path csvLog;
    private static Path jsonLog;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TokJoule.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @BeforeAll
    static void monitor() throws IOException {
        Path sysfs = shared.resolve("sysfs");
        MonitorCommandTest.fakeSysfs(sysfs);
        Path chip = sysfs.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.writeString(chip.resolve("in2_label"), "VDD_CPU_GPU_CV\n");
        Files.writeString(chip.resolve("in2_input"), "5000\n");
        Files.writeString(chip.resolve("curr2_input"), "400\n");
        csvLog = shared.resolve("power.csv");
        jsonLog = shared.resolve("power.jsonl");
        for (Path log : List.of(csvLog, jsonLog)) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = TokJoule.run(
                    new String[] {
                        "monitor",
                        "--source",
                        "hwmon",
                        "--sysfs-root",
                        sysfs.toString(),
                        "--interval-ms",
                        "10",
                        "--duration",
                        "1500ms",
                        "--refresh-ms",
                        "200",
                        "--out",
                        log.toString()
                    },
                    new PrintWriter(o, true),
                    new PrintWriter(e, true));
            assertThat(code).as(e.toString()).isZero();
        }
    }

    /** The first and last sample time of the log's VDD_IN rail. */
    private static long[] span(Path log) throws IOException {
        PowerTrace t = LiveLog.read(log).traces().get("hwmon/VDD_IN");
        return new long[] {t.epochNanosAt(0), t.epochNanosAt(t.size() - 1)};
    }

    /** aiperf records: each request {@code [start, start + 500 ms]}, first token at +100 ms, 64 in, 32 out. */
    private static Path records(Path dir, long... starts) throws IOException {
        StringBuilder b = new StringBuilder();
        for (long start : starts) {
            b.append("{\"metadata\":{\"request_start_ns\":")
                    .append(start)
                    .append(",\"request_end_ns\":")
                    .append(start + 500 * MS)
                    .append(",\"benchmark_phase\":\"profiling\"},\"metrics\":{")
                    .append("\"input_sequence_length\":{\"value\":64,\"unit\":\"tokens\"},")
                    .append("\"output_sequence_length\":{\"value\":32,\"unit\":\"tokens\"},")
                    .append("\"time_to_first_token\":{\"value\":100.0,\"unit\":\"ms\"}}}\n");
        }
        Path file = dir.resolve("profile_export.jsonl");
        Files.writeString(file, b);
        return file;
    }

    /** {@code tokjoule report power.csv --records RECS --out OUT [MORE…]}. */
    private int joined(Path recs, String out, String... more) {
        List<String> args =
                new ArrayList<>(List.of("report", csvLog.toString(), "--records", recs.toString(), "--out", out));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static String field(List<String> csv, String column) {
        List<String> header = Arrays.asList(csv.get(0).split(",", -1));
        String[] row = csv.get(1).split(",", -1);
        assertThat(row).hasSize(header.size());
        return row[header.indexOf(column)];
    }

    @ParameterizedTest
    @ValueSource(strings = {"power.csv", "power.jsonl"})
    void joinsTheRecordsOnTheDefaultRailWithHandComputedEnergies(String name, @TempDir Path dir) throws IOException {
        Path log = shared.resolve(name);
        long[] span = span(log);
        Path recs = records(dir, span[0] + 100 * MS, span[0] + 700 * MS);
        Path report = dir.resolve("report");
        assertThat(run(
                        "report",
                        log.toString(),
                        "--records",
                        recs.toString(),
                        "--model",
                        "m1",
                        "--out",
                        report.toString()))
                .as(err.toString())
                .isZero();
        List<String> cells = Files.readAllLines(report.resolve("cells.csv"));
        assertThat(cells).hasSize(2);
        // VDD_CPU_GPU_CV (the default among several rails) is 2 W: 2 W x 0.5 s = 1 J per request, 0.2 J of prefill
        assertThat(field(cells, "rail")).isEqualTo("hwmon/VDD_CPU_GPU_CV");
        assertThat(field(cells, "model")).isEqualTo("m1");
        assertThat(Double.parseDouble(field(cells, "energy_total_j"))).isCloseTo(1.0, within(1e-9));
        assertThat(Double.parseDouble(field(cells, "energy_prefill_j"))).isCloseTo(0.2, within(1e-9));
        assertThat(Double.parseDouble(field(cells, "output_tok_per_j"))).isCloseTo(32.0, within(1e-9));
        assertThat(Double.parseDouble(field(cells, "ttft_p50_ms"))).isCloseTo(100.0, within(1e-9));
        assertThat(Double.parseDouble(field(cells, "power_w"))).isCloseTo(2.0, within(1e-9));
        assertThat(field(cells, "power_trace")).isEqualTo("hwmon 10 ms");
        List<String> requests = Files.readAllLines(report.resolve("tables/requests.csv"));
        assertThat(requests).hasSize(3);
        assertThat(Files.readString(report.resolve("index.html"))).contains("Energy per phase", "Rails of the log");
        assertThat(Files.readString(report.resolve("report.md"))).contains("Energy per request");
        assertThat(out.toString()).contains("2 of 2 requests attributed on hwmon/VDD_CPU_GPU_CV");
        // One power chart per rail, the two requests shaded on each.
        for (String rail : List.of("VDD_IN", "VDD_CPU_GPU_CV")) {
            Path svg = report.resolve("charts/power_hwmon_" + rail + ".svg");
            assertThat(wellFormedSvg(svg)).isTrue();
            assertThat(Files.readString(svg)).contains("Power over time: hwmon/" + rail, "fill=\"#e8e8e8\"");
        }
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("Power over time: hwmon/VDD_IN", "Shaded: the 2 attributed requests");
    }

    private static boolean wellFormedSvg(Path svg) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(svg.toFile())
                    .getDocumentElement()
                    .getTagName()
                    .equals("svg");
        } catch (Exception e) {
            throw new AssertionError(svg + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    @Test
    void withoutRecordsTheReportIsTheLogsSummary(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        assertThat(run("report", csvLog.toString(), "--out", report.toString()))
                .as(err.toString())
                .isZero();
        assertThat(report.resolve("cells.csv")).doesNotExist();
        List<String> rails = Files.readAllLines(report.resolve("tables/rails.csv"));
        assertThat(rails).hasSize(3);
        long[] span = span(csvLog);
        double seconds = (span[1] - span[0]) / 1e9;
        String[] vddIn = rails.get(1).split(",", -1);
        assertThat(vddIn[0]).isEqualTo("hwmon/VDD_IN");
        // 6 W over the span
        assertThat(Double.parseDouble(vddIn[5])).isCloseTo(6 * seconds, within(1e-9));
        assertThat(Double.parseDouble(vddIn[6])).isCloseTo(6.0, within(1e-9));
        assertThat(out.toString()).contains("hwmon/VDD_IN: ", "mean 6.00 W");
        // Every sample drawn (about 150 per rail, fewer than the chart's 660 columns), at 6 W: the top of a 0-6 W
        // scale, y = 24 in every point of the band; nothing shaded without records.
        String svg = Files.readString(report.resolve("charts/power_hwmon_VDD_IN.svg"));
        assertThat(wellFormedSvg(report.resolve("charts/power_hwmon_VDD_IN.svg")))
                .isTrue();
        assertThat(svg).doesNotContain("#e8e8e8");
        assertThat(Files.readString(report.resolve("index.html"))).contains("samples, every one drawn");
        java.util.regex.Matcher band = java.util.regex.Pattern.compile("stroke-linejoin=\"round\" d=\"([^\"]*)\"")
                .matcher(svg);
        assertThat(band.find()).isTrue();
        java.util.regex.Matcher y =
                java.util.regex.Pattern.compile("[ML]\\d+,(\\d+)").matcher(band.group(1));
        int points = 0;
        while (y.find()) {
            assertThat(y.group(1)).isEqualTo("24");
            points++;
        }
        assertThat(points).isGreaterThan(100);
    }

    @Test
    void aRailTheLogLacksIsAUsageErrorNamingItsRails(@TempDir Path dir) throws IOException {
        Path recs = records(dir, span(csvLog)[0]);
        assertThat(joined(recs, dir.resolve("r").toString(), "--rail", "VDD_NOPE"))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("no rail VDD_NOPE", "hwmon/VDD_IN, hwmon/VDD_CPU_GPU_CV");
    }

    @Test
    void recordsOutsideTheLogAreCountedAndNamedUnlessPartialResultsAreAskedFor(@TempDir Path dir) throws IOException {
        long[] span = span(csvLog);
        Path recs = records(dir, span[0] + 100 * MS, span[1] + 60_000 * MS, span[1] + 70_000 * MS);
        assertThat(joined(recs, dir.resolve("r").toString())).isEqualTo(TokJoule.FAILED);
        assertThat(err.toString())
                .contains("2 of 3 requests", "outside the log's span", "#2 at ", "#3 at ", "--allow-partial");
        assertThat(joined(recs, dir.resolve("r2").toString(), "--allow-partial"))
                .as(err.toString())
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("r2/tables/excluded.csv"))).hasSize(3);
        assertThat(Double.parseDouble(field(Files.readAllLines(dir.resolve("r2/cells.csv")), "energy_total_j")))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void recordsAWholeZoneOffsetAwaySayTheClocksDisagree(@TempDir Path dir) throws IOException {
        long[] span = span(csvLog);
        long fiveAndAHalfHours = 19_800_000 * MS;
        Path recs = records(dir, span[0] + 100 * MS - fiveAndAHalfHours, span[0] + 700 * MS - fiveAndAHalfHours);
        assertThat(joined(recs, dir.resolve("r").toString())).isEqualTo(TokJoule.FAILED);
        assertThat(err.toString()).contains("2 of 2 requests", "+5.50 h later", "time-zone offset", "date -u");
    }

    @Test
    void optionsThatDoNotApplyToALogAreUsageErrors(@TempDir Path dir) {
        assertThat(run(
                        "report",
                        csvLog.toString(),
                        "--zone",
                        "Asia/Kolkata",
                        "--out",
                        dir.resolve("r").toString()))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("--zone (a monitor log and aiperf's records hold epoch times");
        assertThat(run("report", dir.toString(), "--records", csvLog.toString()))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("--records and --model apply to a monitor log");
        assertThat(run(
                        "report",
                        csvLog.toString(),
                        "--request-clock-uncertainty-ms",
                        "20",
                        "--out",
                        dir.resolve("r").toString()))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("--request-clock-uncertainty-ms (it applies to a sweep's aiperf records)");
    }

    @Test
    void aLogWithoutARailOrASampleFails(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "# tokjoule live log 1\nepoch_nanos,source,rail,watts,joules\n");
        assertThat(run("report", empty.toString(), "--out", dir.resolve("r").toString()))
                .isEqualTo(TokJoule.FAILED);
        assertThat(err.toString()).contains("empty.csv: the log declares no rail");
        Path noSample = dir.resolve("nosample.jsonl");
        Files.writeString(
                noSample,
                "{\"format\":\"tokjoule live log 1\"}\n{\"rail\":\"hwmon/VDD_IN\",\"reading\":\"power\","
                        + "\"nominal_interval_nanos\":10000000}\n");
        assertThat(run("report", noSample.toString(), "--out", dir.resolve("r2").toString()))
                .isEqualTo(TokJoule.FAILED);
        assertThat(err.toString()).contains("no sample of any rail (hwmon/VDD_IN)");
    }

    /**
     * nvidia-smi's instant reading declares its lag only within 90 ± 60 ms: the report measures it at the requests'
     * edges and says so. The log: 60 W idle, 300 W while each of 20 requests of 0.5 s runs, 0.6-0.7 s apart, read
     * every 100 ms by a point reading 120 ms late.
     */
    @Test
    void aLagDeclaredWithinARangeIsMeasuredAtTheRequestsEdgesAndSaid(@TempDir Path dir) throws IOException {
        long t0 = 1_765_000_000_000_000_000L;
        long[] starts = new long[20];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = t0 + 2000 * MS + i * 1137 * MS;
        }
        LiveTrace trace = LiveTrace.builder("nvidia-smi", List.of("power.draw.instant"))
                .capacity(1000)
                .nominalIntervalNanos(100 * MS)
                .sensorDelayNanos(NvidiaSmiSource.INSTANT_DELAY_NANOS)
                .placementUncertaintyNanos(NvidiaSmiSource.INSTANT_PLACEMENT_UNCERTAINTY_NANOS)
                .build();
        Path log = dir.resolve("smi.jsonl");
        try (LiveLog.LogWriter writer = LiveLog.open(log, List.of(trace), List.of())) {
            for (long t = t0; t < starts[19] + 3000 * MS; t += 100 * MS) {
                long at = t - 120 * MS;
                boolean busy = false;
                for (long s : starts) {
                    busy |= at >= s && at < s + 500 * MS;
                }
                trace.appendWatts(t, new double[] {busy ? 300 : 60});
            }
            writer.drain();
        }
        Path report = dir.resolve("report");
        assertThat(run(
                        "report",
                        log.toString(),
                        "--records",
                        records(dir, starts).toString(),
                        "--out",
                        "" + report))
                .as(err.toString())
                .isZero();
        assertThat(err.toString())
                .contains("the readings of nvidia-smi/power.draw.instant lag their stamps by 12")
                .contains("request edges (declared 90 ± 60 ms)");
        // per request 300 W x 0.5 s = 150 J from the readings placed at the measured lag, plus the correction of the
        // edges' smoothing for D = 180 ms, (ΔP_start − ΔP_end) · D/16 = (240 + 240) W x 11.25 ms = 5.4 J: 155.4 J
        // (point readings are not smoothed: a bias within the interval, docs/ANALYSIS.md §11)
        List<String> cells = Files.readAllLines(report.resolve("cells.csv"));
        assertThat(Double.parseDouble(field(cells, "energy_total_j"))).isCloseTo(155.4, within(1e-6));
    }
}
