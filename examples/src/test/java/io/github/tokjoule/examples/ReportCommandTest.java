package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.examples.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tokjoule report} on the hand-made two-cell sweep in the seed's layout (see {@code SOURCES.md} next to it for
 * every value and the arithmetic behind the expected numbers).
 */
class ReportCommandTest extends CommandLineTest {

    static final Path FIXTURE = Path.of("src/test/resources/io/github/tokjoule/examples/seed-two-cells");

    /** cells.csv as mode → column → value (the fixture's fields hold no comma). */
    private Map<String, Map<String, String>> cells() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("cells.csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            out.put(f[0], row);
        }
        return out;
    }

    private static void expect(Map<String, String> row, String column, double value) {
        assertThat(Double.parseDouble(row.get(column))).as(column).isCloseTo(value, within(1e-9 * Math.max(1, value)));
    }

    @Test
    void measuredReportOfTheSeedLayout() throws Exception {
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", dir.toString()))
                .isZero();
        Map<String, Map<String, String>> cells = cells();
        assertThat(cells).containsOnlyKeys("15W", "25W");
        Map<String, String> c15 = cells.get("15W");
        // 15W: P = 4.0 W; total 4.0 x 2.6 = 10.4 J; prefill 4.0 x 0.6 = 2.4 J; decode 8.0 J; output tok/J (request
        // energy) 64 / 10.4 = 6.1538; tok/s / P = 31.5 / 4 = 7.875; prefill 128 / 2.4 = 53.33; decode 64 / 8 = 8.0;
        // total 192 / 10.4 = 18.4615; mJ/token 1000 x 8 / 64 = 125.0
        assertThat(c15)
                .containsEntry("status", "ok")
                .containsEntry("method", "MEASURED")
                .containsEntry("rail", "VDD_CPU_GPU_CV");
        expect(c15, "isl", 128);
        expect(c15, "osl", 64);
        expect(c15, "ttft_p50_ms", 600);
        expect(c15, "rl_p50_ms", 2600);
        expect(c15, "tok_s", 31.5);
        expect(c15, "power_w", 4.0);
        expect(c15, "energy_total_j", 10.4);
        expect(c15, "energy_prefill_j", 2.4);
        expect(c15, "energy_decode_j", 8.0);
        expect(c15, "output_tok_per_j", 64 / 10.4);
        expect(c15, "output_tok_per_j_request", 64 / 10.4);
        expect(c15, "output_tok_per_j_throughput", 31.5 / 4.0);
        expect(c15, "prefill_tok_per_j", 128 / 2.4);
        expect(c15, "decode_tok_per_j", 8.0);
        expect(c15, "total_tok_per_j", 192 / 10.4);
        expect(c15, "mj_per_output_token", 125.0);
        assertThat(c15).containsEntry("requests_ok", "4").containsEntry("requests_failed", "0");
        // 600 ms of prefill holds at most one sample at 500 ms, but every reading is 4 W: the prefill interval is
        // narrow, and PREFILL_UNDERSAMPLED states the interval, not the sample count (issue 14)
        assertThat(c15.get("flags")).doesNotContain("PREFILL_UNDERSAMPLED");
        // 25W: P = 6.0 W; total 6 x 1.8 = 10.8 J; decode 6 x 1.4 = 8.4 J; 64 / 10.8; 64 / 8.4; 45 / 6 = 7.5
        Map<String, String> c25 = cells.get("25W");
        expect(c25, "power_w", 6.0);
        expect(c25, "energy_total_j", 10.8);
        expect(c25, "output_tok_per_j", 64 / 10.8);
        expect(c25, "decode_tok_per_j", 64 / 8.4);
        expect(c25, "output_tok_per_j_throughput", 7.5);
        // Best mode: 15W (6.15 > 5.93); 25W/15W throughput 45 / 31.5 = 1.43
        assertThat(out.toString()).contains("smollm2-135m  15W").contains("x1.43");
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("http://", "https://").contains("Asia/Kolkata (given with --zone)");
        assertThat(html).contains("the seed benchmark&#39;s published layout");
        // power 4.0 W; the constant temperatures of the fixture: cpu 50, gpu 51, tj 52.5 °C
        assertThat(dir.resolve("tables/thermal.csv"))
                .content()
                .containsPattern("smollm2-135m,15W,4\\.0\\d*,50\\.0,51\\.0,52\\.5,No");
    }

    @Test
    void seedCompatibleMethodGivesTheSeedsDecodePhaseTokPerJoule() throws Exception {
        assertThat(run(
                        "report",
                        FIXTURE.toString(),
                        "--zone",
                        "Asia/Kolkata",
                        "--method",
                        "seed",
                        "--out",
                        dir.toString()))
                .isZero();
        Map<String, Map<String, String>> cells = cells();
        // The seed's published variant: OSL / (P_decode x (RL - TTFT)) = 64 / (4 x 2.0) = 8.00 and 64 / (6 x 1.4) =
        // 7.62
        expect(cells.get("15W"), "output_tok_per_j", 8.0);
        assertThat(cells.get("15W")).containsEntry("method", "SEED_COMPATIBLE");
        expect(cells.get("25W"), "output_tok_per_j", 64 / 8.4);
        // The seed's rule TTFT p50 < 500 ms: 400 ms at 25W is flagged, 600 ms at 15W is not.
        assertThat(cells.get("15W").get("flags")).doesNotContain("PREFILL_UNDERSAMPLED");
        assertThat(cells.get("25W").get("flags")).contains("PREFILL_UNDERSAMPLED");
    }

    @Test
    void theBoardTotalRail() throws Exception {
        assertThat(run(
                        "report",
                        FIXTURE.toString(),
                        "--zone",
                        "Asia/Kolkata",
                        "--rail",
                        "total",
                        "--out",
                        dir.toString()))
                .isZero();
        Map<String, Map<String, String>> cells = cells();
        // VDD_IN 7.0 W and 9.5 W: decode tok/J 64 / (7.0 x 2.0) = 4.57 and 64 / (9.5 x 1.4) = 4.81
        assertThat(cells.get("15W")).containsEntry("rail", "VDD_IN");
        expect(cells.get("15W"), "power_w", 7.0);
        expect(cells.get("15W"), "decode_tok_per_j", 64 / 14.0);
        expect(cells.get("25W"), "power_w", 9.5);
        expect(cells.get("25W"), "decode_tok_per_j", 64 / (9.5 * 1.4));
    }

    /** The fixture's report on a rail its log does not have. */
    private int reportOnAnAbsentRail(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--rail", "VDD_NOPE"));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", dir.toString()));
        return run(args.toArray(String[]::new));
    }

    @Test
    void anAbsentRailIsAnErrorNamingTheRailsTheLogHas() throws Exception {
        assertThat(reportOnAnAbsentRail()).isEqualTo(1);
        assertThat(err.toString())
                .contains("tokjoule report: 2 of 2 cells have no energy figure:")
                .contains("2 cells: RAIL_MISSING: rail VDD_NOPE is not in the power log (rails: VDD_IN,"
                        + " VDD_CPU_GPU_CV, VDD_SOC); choose one of those rails with --rail")
                .contains("--allow-partial");
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void anAbsentRailWithAllowPartialWritesTheReport() throws Exception {
        assertThat(reportOnAnAbsentRail("--allow-partial")).isZero();
        assertThat(err.toString()).contains("tokjoule report: warning: 2 of 2 cells have no energy figure:");
        assertThat(cells().get("15W"))
                .containsEntry("power_w", "")
                .containsEntry("output_tok_per_j", "")
                .containsEntry("tok_s", "31.5");

        assertThat(cells().get("15W").get("flags")).contains("RAIL_MISSING");
        assertThat(out.toString()).contains("no cell has an output tok/J");
    }

    @Test
    void aTegrastatsLogOrAnAiperfExportGivenAsLogSaysWhatItIsAndWhatToDo() {
        // It said "line 1: not a tokjoule live log (expected tokjoule live log 1)" for both.
        Path tegrastats = Path.of("src/test/resources/tegrastats/gdwr-agx-orin-64gb-r35.log");
        assertThat(run(
                        "report",
                        tegrastats.toString(),
                        "--out",
                        dir.resolve("a").toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains(tegrastats + ": a tegrastats log, not a tokjoule monitor log: report reads a sweep directory")
                .contains("tokjoule tegrastats converts this one")
                .doesNotContain("not a tokjoule live log");
        err.getBuffer().setLength(0);
        for (String export : List.of(
                "ai-dynamo_plot-fixture-qwen-c1-profile-export-aiperf.json",
                "ai-dynamo_plot-fixture-qwen-c1-profile-export.jsonl")) {
            Path file = Path.of("src/test/resources/aiperf", export);
            assertThat(run("report", file.toString(), "--out", dir.resolve("b").toString()))
                    .isEqualTo(1);
            assertThat(err.toString())
                    .contains(file + ": an aiperf export, not a power log: give aiperf's records with --records")
                    .doesNotContain("not a tokjoule live log");
        }
    }

    @Test
    void usageErrors() {
        // The seed's layout has no manifest: the zone must be given.
        assertThat(run("report", FIXTURE.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("has no manifest.json", "--zone");
        assertThat(run("report", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("SWEEP_DIR|LOG " + dir.resolve("nothing") + ": no such file or directory");
        assertThat(run("report", FIXTURE.toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString())
                .contains("'Mars/Olympus' is not a time zone: give the device's IANA zone id")
                .doesNotContain("Exception");
        assertThat(run("report", FIXTURE.toString(), "--zone", "UTC", "--method", "guess"))
                .isEqualTo(2);
        assertThat(run("report", FIXTURE.toString(), "--zone", "UTC", "--rail", "A+A"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("repeats");
        assertThat(run("report", FIXTURE.toString(), "--zone", "UTC", "--mode", "42Q"))
                .isEqualTo(2);
        assertThat(run("report")).isEqualTo(2);
        assertThat(run("report", FIXTURE.toString(), "--zone", "UTC", "--request-clock-uncertainty-ms", "-5"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--request-clock-uncertainty-ms -5.0: give 0 to 1000 ms, how far either way aiperf's clock"
                        + " may be from the power log's");
        assertThat(run("report", FIXTURE.toString(), "--zone", "UTC", "--request-clock-uncertainty-ms", "NaN"))
                .isEqualTo(2);
    }

    @Test
    void aDeclaredRequestClockUncertaintyIsSaidOnThePage() throws Exception {
        assertThat(run(
                        "report",
                        FIXTURE.toString(),
                        "--zone",
                        "Asia/Kolkata",
                        "--request-clock-uncertainty-ms",
                        "20",
                        "--out",
                        dir.toString()))
                .isZero();
        // the fixture's power is constant within a mode (4.0 W at 15W): where the readings are placed, and any
        // allowance
        // for misplacing them (times the power's range near each edge, 0 W here), change nothing
        expect(cells().get("15W"), "energy_total_j", 10.4);
        assertThat(Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("The request clock was declared uncertain by ±20 ms against the power log");
    }

    @Test
    void aDirectoryWithoutCellsFailsWithOneLine() throws Exception {
        Files.createDirectories(dir.resolve("sweep/jetson-non-reasoning-benchmark-25w"));
        assertThat(run(
                        "report",
                        dir.resolve("sweep").toString(),
                        "--zone",
                        "UTC",
                        "--out",
                        dir.resolve("r").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tokjoule report: ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    /** A copy of the fixture, to break. */
    private Path copyOfTheFixture() throws Exception {
        Path copy = dir.resolve("sweep");
        try (var files = Files.walk(FIXTURE)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    @Test
    void aWrongZoneIsAnErrorNamingTheOffsetTheDataImply() throws Exception {
        // The fixture ran in Asia/Kolkata (UTC+05:30): read in UTC, aiperf's naive start_time lands 5.5 h after its
        // records' epoch times.
        assertThat(run(
                        "report",
                        FIXTURE.toString(),
                        "--zone",
                        "UTC",
                        "--out",
                        dir.resolve("r").toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("2 cells: ZONE_MISMATCH: --zone UTC looks wrong: aiperf's records start -5.50 h")
                .contains("the data imply the offset UTC+05:30 (e.g. ")
                .contains("Asia/Kolkata")
                .contains("give --zone UTC+05:30")
                .doesNotContain("Exception");
        assertThat(dir.resolve("r/index.html")).doesNotExist();
    }

    @Test
    void theImpliedOffsetIsTakenAtTheSweepsDateNotToday() throws Exception {
        // The fixture ran on 2026-05-25 in Asia/Kolkata (UTC+05:30). Read in America/New_York, then at UTC-04:00
        // (daylight saving time; UTC-05:00 in winter), aiperf's naive start_time lands 9.5 h after the records: the
        // data imply -04:00 + 9.5 h = UTC+05:30 whatever the day the test runs (it said UTC+04:30 in December).
        assertThat(run(
                        "report",
                        FIXTURE.toString(),
                        "--zone",
                        "America/New_York",
                        "--out",
                        dir.resolve("r").toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("aiperf's records start -9.50 h")
                .contains("the data imply the offset UTC+05:30 (e.g. ")
                .contains("give --zone UTC+05:30");
    }

    @Test
    void outNamingAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file + ": is a file, not a directory");
        assertThat(file).hasContent("mine");
    }

    @Test
    void thePageSaysWhichCellsAreRunWindowEstimates() throws Exception {
        Path sweep = copyOfTheFixture();
        deleteRecords(sweep);
        Path r = dir.resolve("r");
        assertThat(run("report", sweep.toString(), "--zone", "Asia/Kolkata", "--out", r.toString()))
                .isZero();
        String page = Files.readString(r.resolve("index.html")).replace("&#39;", "'");
        assertThat(page)
                .contains("Energy figures are run-window estimates for 2 of 2 cells (100 %, RUN_WINDOW_ESTIMATE,"
                        + " marked RW)")
                .contains(
                        "But no cell here has aiperf's per-request records (profile_export.jsonl): every energy figure is"
                                + " a run-window estimate (marked RW)");
    }

    @Test
    void aSweepWithoutRecordsGetsRunWindowEstimatesAndSaysSo() throws Exception {
        Path sweep = copyOfTheFixture();
        deleteRecords(sweep);
        Path r = dir.resolve("r");
        assertThat(run("report", sweep.toString(), "--zone", "Asia/Kolkata", "--out", r.toString()))
                .isZero();
        assertThat(err.toString())
                .contains("tokjoule report: note: 2 of 2 cells have no profile_export.jsonl")
                .contains("run-window estimates (estimator RUN_WINDOW, flag RUN_WINDOW_ESTIMATE)")
                .doesNotContain("Exception");
        assertThat(r.resolve("index.html")).exists();
        List<String> csv = Files.readAllLines(r.resolve("cells.csv"));
        assertThat(csv.subList(1, csv.size())).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("RUN_WINDOW_ESTIMATE"));
    }

    @Test
    void aSummaryWithoutItsRunWindowAndWithoutRecordsFailsNamingTheField() throws Exception {
        Path sweep = copyOfTheFixture();
        deleteRecords(sweep);
        editEach(sweep, "profile_export_aiperf.json", t -> t.replaceAll("\"end_time\"\\s*:\\s*\"[^\"]*\",?", ""));
        Path r = dir.resolve("r");
        assertThat(run("report", sweep.toString(), "--zone", "Asia/Kolkata", "--out", r.toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("lacks what the run-window estimate needs: end_time")
                .contains("re-run the cell with aiperf's records export")
                .doesNotContain("Exception");
        assertThat(r.resolve("index.html")).doesNotExist();
    }

    @Test
    void theSeedMethodWithoutItsRunWindowSaysWhatItNeeds() throws Exception {
        // It said only "2 cells: no energy figure (flags: TIMESTAMPS_RECONSTRUCTED)".
        Path sweep = copyOfTheFixture();
        editEach(sweep, "profile_export_aiperf.json", t -> t.replaceAll("\"end_time\"\\s*:\\s*\"[^\"]*\",?", ""));
        Path r = dir.resolve("r");
        assertThat(run("report", sweep.toString(), "--zone", "Asia/Kolkata", "--method", "seed", "--out", r.toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("2 of 2 cells have no energy figure")
                .contains("--method seed needs aiperf's start_time and end_time in profile_export_aiperf.json")
                .contains("or use --method measured")
                .doesNotContain("Exception");
        assertThat(r.resolve("index.html")).doesNotExist();
    }

    /** Rewrites every file of that name in the sweep through {@code edit}. */
    private static void editEach(Path sweep, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (var files = Files.walk(sweep)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().equals(name)) {
                    Files.writeString(p, edit.apply(Files.readString(p)));
                }
            }
        }
    }

    /** Reports the sweep (exit code 0) and returns the warning lines of standard error. */
    private List<String> warningsOfReport(Path sweep) {
        assertThat(run(
                        "report",
                        sweep.toString(),
                        "--zone",
                        "Asia/Kolkata",
                        "--out",
                        dir.resolve("r").toString()))
                .isZero();
        return err.toString().lines().filter(l -> l.contains("warning")).toList();
    }

    private static void deleteRecords(Path sweep) throws IOException {
        try (var files = Files.walk(sweep)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().equals("profile_export.jsonl")) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void outRefusesANonEmptyDirectoryTokjouleDidNotWrite() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine/charts"));
        Files.writeString(mine.resolve("holiday.png"), "not a chart");
        Path out = dir.resolve("mine");
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--out " + out + ": the directory is not empty and has no .tokjoule-report");
        assertThat(mine.resolve("holiday.png")).hasContent("not a chart");
        assertThat(out.resolve("index.html")).doesNotExist();
    }

    @Test
    void outReplacesItsOwnReport() throws Exception {
        Path out = dir.resolve("r");
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", out.toString()))
                .isZero();
        assertThat(out.resolve(ReportOutput.MARKER)).exists();
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", out.toString()))
                .isZero();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", empty.toString()))
                .isZero();
        assertThat(empty.resolve("index.html")).exists();
    }

    @Test
    void aReportDirectoryKeepsTheFilesTokjouleDidNotWriteInChartsAndTables() throws Exception {
        Path out = dir.resolve("r");
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", out.toString()))
                .isZero();
        assertThat(out.resolve(ReportWriter.WRITTEN_LIST)).exists();
        Files.writeString(out.resolve("charts/mine.svg"), "<svg/>");
        Files.writeString(out.resolve("tables/mine.csv"), "a,b\n");
        // a chart of the earlier report that this one does not write: it must not linger
        Files.writeString(out.resolve("charts/gone.svg"), "<svg/>");
        Files.writeString(
                out.resolve(ReportWriter.WRITTEN_LIST),
                Files.readString(out.resolve(ReportWriter.WRITTEN_LIST)) + "charts/gone.svg\n../../outside.csv\n");
        Path outside = Files.writeString(dir.resolve("outside.csv"), "x\n");
        long charts;
        try (var files = Files.list(out.resolve("charts"))) {
            charts = files.count();
        }
        assertThat(run("report", FIXTURE.toString(), "--zone", "Asia/Kolkata", "--out", out.toString()))
                .isZero();
        assertThat(out.resolve("charts/mine.svg")).hasContent("<svg/>");
        assertThat(out.resolve("tables/mine.csv")).hasContent("a,b");
        assertThat(out.resolve("charts/gone.svg")).doesNotExist();
        assertThat(outside).exists();
        try (var files = Files.list(out.resolve("charts"))) {
            assertThat(files.count()).isEqualTo(charts - 1);
        }
    }

    @Test
    void aWarningRepeatedOverCellsIsPrintedOnceWithItsCount() throws Exception {
        Path sweep = copyOfTheFixture();
        editEach(sweep, "profile_export.jsonl", t -> t + "not a record\n");
        List<String> warnings = warningsOfReport(sweep);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .startsWith("tokjoule report: warning: 2 x, first " + sweep)
                .contains("profile_export.jsonl: ")
                .contains("malformed");
    }

    @Test
    void aWarningWhoseNumbersDifferOverCellsIsStillPrintedOnceWithItsCount() throws Exception {
        // One malformed line in each tegrastats log: the parse summaries differ in their line counts (48 and 46
        // lines), and each named its file twice; they were printed once per log.
        Path sweep = copyOfTheFixture();
        editEach(sweep, "tegrastats.log", t -> {
            List<String> lines = new java.util.ArrayList<>(t.lines().toList());
            lines.set(4, lines.get(4).replaceFirst("RAM [0-9]+/", "RAM abc/"));
            return String.join("\n", lines) + "\n";
        });
        List<String> warnings = warningsOfReport(sweep);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .startsWith("tokjoule report: warning: 2 x (numbers differ, the first shown), first " + sweep)
                .contains("tegrastats.log: 4")
                .contains(" lines, ")
                .contains(" samples, 1 malformed, 0 skipped")
                .doesNotContain("tegrastats.log: " + sweep);
        assertThat(err.toString()).containsOnlyOnce("malformed line 5: RAM");
    }
}
