package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.tokjoule.jetson.synthetic.SweepSpec;
import io.github.tokjoule.jetson.synthetic.SyntheticSweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokjoule fleet --follow}: the unbounded job on an embedded Flink, driven through the command line. */
class FleetCommandTest {

    private static final long T0 = 1_765_000_000_000_000_000L; // 2025-12-06T05:46:40Z
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TokJoule.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /**
     * One board's finished logs: 10 W sampled every 100 ms for 30 s (a live log as {@code tokjoule monitor} writes
     * it) and 14 requests of 1.5 s (TTFT 300 ms, 100 tokens in, 50 out) starting at 1, 3, …, 27 s.
     */
    static void board(Path fleet) throws IOException {
        Path board = fleet.resolve("b1");
        Path cell = board.resolve("25W/m1/gen50/ctx100");
        Files.createDirectories(cell);
        StringBuilder power = new StringBuilder(
                "# tokjoule live log 1\n# rail hwmon/VDD_IN power 100000000\nepoch_nanos,source,rail,watts,joules\n");
        for (long k = 0; k <= 300; k++) {
            power.append(T0 + k * SECOND / 10).append(",hwmon,VDD_IN,10.0,0.0\n");
        }
        Files.writeString(board.resolve("power.csv"), power);
        StringBuilder records = new StringBuilder();
        for (long s = 1; s <= 27; s += 2) {
            long start = T0 + s * SECOND;
            records.append("{\"metadata\":{\"request_start_ns\":")
                    .append(start)
                    .append(",\"request_end_ns\":")
                    .append(start + 1_500_000_000L)
                    .append(",\"benchmark_phase\":\"profiling\"},\"metrics\":{")
                    .append("\"input_sequence_length\":{\"value\":100,\"unit\":\"tokens\"},")
                    .append("\"output_sequence_length\":{\"value\":50,\"unit\":\"tokens\"},")
                    .append("\"time_to_first_token\":{\"value\":300.0,\"unit\":\"ms\"}}}\n");
        }
        Files.writeString(cell.resolve("profile_export.jsonl"), records);
    }

    @Test
    void followsAFleetDirectoryAndAppendsTheCellWhenTheBoardFallsSilent(@TempDir Path dir) throws IOException {
        Path fleet = dir.resolve("fleet");
        board(fleet);
        Path outDir = dir.resolve("out");
        int code = run(
                "fleet",
                "--follow",
                fleet.toString(),
                "--out",
                outDir.toString(),
                "--silence-timeout",
                "2s",
                "--checkpoint-interval",
                "1s",
                "--duration",
                "30s");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Following ", "Done: 1 cell rows, 1 board notices");
        List<String> cells = Files.readAllLines(outDir.resolve("cells.csv"));
        assertThat(cells).hasSize(2);
        List<String> header = Arrays.asList(cells.get(0).split(",", -1));
        String[] row = cells.get(1).split(",", -1);
        assertThat(row).hasSize(header.size());
        assertThat(row[header.indexOf("mode")]).isEqualTo("25W");
        assertThat(row[header.indexOf("model")]).isEqualTo("m1");
        assertThat(row[header.indexOf("board")]).isEqualTo("b1");
        assertThat(row[header.indexOf("requests_attributed")]).isEqualTo("14");
        // by hand: 10 W x 1.5 s = 15 J per request, 10 W x 0.3 s = 3 J of prefill; 50 tokens / 15 J
        assertThat(Double.parseDouble(row[header.indexOf("energy_total_j")])).isCloseTo(15.0, within(1e-9));
        assertThat(Double.parseDouble(row[header.indexOf("energy_prefill_j")])).isCloseTo(3.0, within(1e-9));
        assertThat(Double.parseDouble(row[header.indexOf("output_tok_per_j")])).isCloseTo(50.0 / 15.0, within(1e-9));
        List<String> boards = Files.readAllLines(outDir.resolve("boards.csv"));
        assertThat(boards).hasSize(2);
        assertThat(boards.get(1)).startsWith("b1,SILENT");
    }

    @Test
    void boundedSweepGivesTheReportsEnergies(@TempDir Path dir) throws IOException {
        Path sweep = dir.resolve("board-1");
        SyntheticSweep.generate(
                SweepSpec.builder(DemoCommand.ZONE)
                        .modes("25W")
                        .models("smollm2-135m")
                        .promptLengths(128)
                        .genLengths(64)
                        .randomSeed(3)
                        .build(),
                sweep);
        assertThat(run(
                        "report",
                        sweep.toString(),
                        "--out",
                        dir.resolve("report").toString()))
                .as(err.toString())
                .isZero();
        assertThat(run("fleet", sweep.toString(), "--out", dir.resolve("fleet").toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Fleet: 1 boards, 1 cells (0 failed)");
        List<String> report = Files.readAllLines(dir.resolve("report/cells.csv"));
        List<String> fleet = Files.readAllLines(dir.resolve("fleet/cells.csv"));
        assertThat(fleet).hasSize(2);
        List<String> reportHeader = Arrays.asList(report.get(0).split(",", -1));
        List<String> fleetHeader = Arrays.asList(fleet.get(0).split(",", -1));
        String[] r = report.get(1).split(",", -1);
        String[] f = fleet.get(1).split(",", -1);
        for (String column : List.of("mode", "model", "energy_total_j", "energy_prefill_j", "output_tok_per_j")) {
            assertThat(f[fleetHeader.indexOf(column)]).as(column).isEqualTo(r[reportHeader.indexOf(column)]);
        }
        assertThat(f[fleetHeader.indexOf("board")]).isEqualTo("board-1");
    }

    @Test
    void followAndSweepDirectoriesExcludeEachOther(@TempDir Path dir) {
        assertThat(run("fleet", "--follow", dir.toString(), dir.toString())).isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("either SWEEP_DIR... (bounded) or --follow FLEET_DIR (unbounded)");
        assertThat(run("fleet")).isEqualTo(TokJoule.USAGE);
        assertThat(run("fleet", dir.toString(), "--duration", "3s")).isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("--duration and --backend apply to --follow only");
        assertThat(run("fleet", "--follow", dir.toString(), "--silence-timeout", "soon"))
                .isEqualTo(TokJoule.USAGE);
        assertThat(err.toString()).contains("--silence-timeout 'soon' is not a whole number with ms, s, m or h");
        // A usage error leaves no output directory behind (the default --out is ./tokjoule-fleet).
        assertThat(Path.of("tokjoule-fleet")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNoSweepFailsWithTheReadersWordsNotFlinks(@TempDir Path dir) throws IOException {
        // It said "Job execution failed. (Recovery is suppressed by NoRestartBackoffTimeStrategy) (...)".
        Path notASweep = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notASweep.resolve("holiday.txt"), "x");
        assertThat(run(
                        "fleet",
                        notASweep.toString(),
                        "--out",
                        dir.resolve("fleet").toString()))
                .isEqualTo(TokJoule.FAILED);
        assertThat(err.toString())
                .startsWith("tokjoule fleet: " + notASweep + ": no manifest.json")
                .doesNotContain("Job execution failed")
                .doesNotContain("NoRestartBackoffTimeStrategy");
    }
}
