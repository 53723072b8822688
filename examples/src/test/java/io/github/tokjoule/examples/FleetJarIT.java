package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tokjoule fleet --follow} on the built jar, a real child process ({@link JarProcess}) running the unbounded
 * job on its embedded Flink, stopped by SIGINT (Ctrl-C) or SIGTERM once the board's cell row is in {@code cells.csv}.
 *
 * <p>What must hold (docs/FLINK.md): exit status 130 or 143 (128 + the signal's number), the last line names the signal
 * and counts the rows written, and {@code cells.csv} and {@code boards.csv} are complete: every line ends, every row
 * has the header's fields, and the row holds the figures computed by hand ({@link FleetCommandTest#board}: 15 J per
 * request).
 */
class FleetJarIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheFollowingJobWithItsFilesComplete(String signal) throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetCommandTest.board(fleet);
        Path out = dir.resolve("out");
        String stdout;
        try (JarProcess p = JarProcess.start(
                dir,
                "fleet",
                "--follow",
                fleet.toString(),
                "--out",
                out.toString(),
                "--silence-timeout",
                "2s",
                "--checkpoint-interval",
                "1s")) {
            // the cell becomes final when the board has been silent for 2 s; Flink's start takes a while. The board's
            // notice and the cell's row reach their two sinks independently: wait for both before the signal (waiting
            // for the notice alone raced the row under load, and the summary said 0 cell rows, rightly).
            p.awaitWhileRunning(
                    () -> lines(out.resolve("boards.csv")) >= 2 && lines(out.resolve("cells.csv")) >= 2, 240);
            int status = p.signalAndWait(signal);
            stdout = p.stdout();
            assertThat(status).as("stdout %s%nstderr %s", stdout, p.stderr()).isEqualTo(JarProcess.exitStatus(signal));
        }
        assertThat(stdout)
                .contains(
                        "Following ", "Stopped (" + JarProcess.summaryName(signal) + "): 1 cell rows, 1 board notices");

        String cells = JarProcess.read(out.resolve("cells.csv"));
        assertThat(cells).endsWith("\n");
        List<String> lines = cells.lines().toList();
        assertThat(lines).hasSize(2);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        String[] row = lines.get(1).split(",", -1);
        assertThat(row).hasSize(header.size());
        assertThat(row[header.indexOf("board")]).isEqualTo("b1");
        assertThat(row[header.indexOf("requests_attributed")]).isEqualTo("14");
        // by hand: 10 W x 1.5 s per request
        assertThat(Double.parseDouble(row[header.indexOf("energy_total_j")])).isCloseTo(15.0, within(1e-9));
        String boards = JarProcess.read(out.resolve("boards.csv"));
        assertThat(boards).endsWith("\n");
        assertThat(boards.lines().toList().get(1)).startsWith("b1,SILENT");
    }

    private static long lines(Path file) {
        try {
            String text = JarProcess.read(file);
            return text.isEmpty() ? 0 : text.lines().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
