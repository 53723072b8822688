package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power problems {@link PowerLog#read} reports as the cell's problem, each with its exact message. */
class PowerLogTest {

    /**
     * Thor lines without {@code VIN} (R38 prints it only on some boards; docs/reference/tegrastats-format.md §3): the
     * board is detected as Thor from its other rails, and Thor's total is {@code VIN}.
     */
    private static final String THOR_WITHOUT_VIN =
            "12-01-2025 10:00:00 RAM 1000/100000MB VDD_GPU 1000mW/1000mW VDD_CPU_SOC_MSS 2000mW/2000mW"
                    + " VIN_SYS_5V0 3000mW/3000mW\n"
                    + "12-01-2025 10:00:01 RAM 1000/100000MB VDD_GPU 1000mW/1000mW VDD_CPU_SOC_MSS 2000mW/2000mW"
                    + " VIN_SYS_5V0 3000mW/3000mW\n";

    private static Path log(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("tegrastats.log"), text);
    }

    @Test
    void aBoardTotalRailTheLogLacksIsTheCellsPowerProblemNeverAZeroWattTrace(@TempDir Path dir) throws IOException {
        Path file = log(dir, THOR_WITHOUT_VIN);
        PowerLog p = PowerLog.read(file, ZoneOffset.UTC, RailChoice.boardTotal(), 1000, false);
        assertThat(p.trace()).isEmpty();
        assertThat(p.rail()).isEqualTo("VIN");
        assertThat(p.availableRails()).containsExactly("VDD_GPU", "VDD_CPU_SOC_MSS", "VIN_SYS_5V0");
        assertThat(p.problem())
                .hasValue(file + ": rail VIN is not in the log, which prints VDD_GPU, VDD_CPU_SOC_MSS, VIN_SYS_5V0:"
                        + " select one of them (RailSelection.rail or RailSelection.sum), or the board's total"
                        + " (detectProfile().orElseThrow().total())");
        // the default choice (compute rail, else the board total) takes the same branch on this board
        assertThat(PowerLog.read(file, ZoneOffset.UTC, RailChoice.defaultChoice(), 1000, false)
                        .problem())
                .isEqualTo(p.problem());
    }

    @Test
    void anUnknownBoardHasNoTotalAndANamedRailMustBePrinted(@TempDir Path dir) throws IOException {
        Path file = log(dir, "12-01-2025 10:00:00 RAM 1000/100000MB VDD_FOO 1000mW/1000mW\n");
        assertThat(PowerLog.read(file, ZoneOffset.UTC, RailChoice.boardTotal(), 1000, false)
                        .problem())
                .hasValue("unknown board (rails [VDD_FOO]): no board total; choose a rail or a sum");
        assertThat(PowerLog.read(file, ZoneOffset.UTC, RailChoice.rail("VDD_IN"), 1000, false)
                        .problem())
                .hasValue("rail VDD_IN is not in the log (rails: [VDD_FOO])");
        assertThat(PowerLog.read(file, ZoneOffset.UTC, RailChoice.sum("VDD_FOO", "VDD_BAR"), 1000, false)
                        .problem())
                .hasValue("rail VDD_BAR is not in the log (rails: [VDD_FOO])");
    }

    @Test
    void aLogWithoutSamplesOrStampsSaysSo(@TempDir Path dir) throws IOException {
        Path empty = log(dir, "not a tegrastats line\n");
        assertThat(PowerLog.read(empty, ZoneOffset.UTC, RailChoice.boardTotal(), 1000, false)
                        .problem())
                .hasValue("no tegrastats sample in " + empty);
        Path unstamped = log(dir, "RAM 1000/100000MB VDD_IN 1000mW/1000mW VDD_CPU_GPU_CV 500mW/500mW\n");
        assertThat(PowerLog.read(unstamped, ZoneOffset.UTC, RailChoice.boardTotal(), 1000, false)
                        .problem())
                .hasValue(unstamped + " has no timestamps (JetPack 4 or earlier): give a start and period");
    }
}
