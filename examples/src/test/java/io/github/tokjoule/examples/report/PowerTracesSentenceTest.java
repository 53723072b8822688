package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.analysis.PowerTraceSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The methods sentence that says which power traces the figures came from, per tool with its interval range. */
class PowerTracesSentenceTest {

    private static CellRow cell(Optional<PowerTraceSource> trace) {
        return new CellRow(
                "m",
                "25W",
                128,
                64,
                Optional.empty(),
                Map.of(),
                "MEASURED",
                "VDD_CPU_GPU_CV",
                List.of(),
                Map.of(),
                Optional.of("POOLED"),
                trace);
    }

    @Test
    void countsTheCellsOfEachToolWithTheRangeOfTheirIntervals() {
        String s = ReportDataBuilder.traces(List.of(
                cell(Optional.of(PowerTraceSource.tegrastats(520_000_000L))),
                cell(Optional.of(PowerTraceSource.hwmon(10_000_000L))),
                cell(Optional.empty()),
                cell(Optional.of(PowerTraceSource.tegrastats(500_400_000L)))));
        assertThat(s)
                .isEqualTo(" Power traces (each cell's in the cell table's Power trace column): tegrastats (nominal"
                        + " sample interval 500–520 ms) for 2 cells, hwmon (nominal sample interval 10.0 ms) for 1"
                        + " cell; hwmon is the dense INA3221 trace a driver run records beside tegrastats, which the"
                        + " analysis prefers where a cell has one.");
    }

    @Test
    void saysWhenNoCellHadADenseTraceAndNothingWithoutAnyTrace() {
        assertThat(ReportDataBuilder.traces(List.of(cell(Optional.of(PowerTraceSource.tegrastats(0))))))
                .isEqualTo(" Power traces (each cell's in the cell table's Power trace column): tegrastats for 1"
                        + " cell; no cell had a dense hwmon trace (hwmon.csv), which the analysis would prefer.");
        assertThat(ReportDataBuilder.traces(List.of(cell(Optional.empty())))).isEmpty();
    }

    @Test
    void theLabelRoundsTheIntervalToThreeFiguresKeepingWholeMilliseconds() {
        // 1 / 30 s = 33.333 ms; 515.6 ms keeps its whole milliseconds: 516
        assertThat(PowerTraceSource.tegrastats(33_333_333L).label()).isEqualTo("tegrastats 33.3 ms");
        assertThat(PowerTraceSource.tegrastats(515_600_000L).label()).isEqualTo("tegrastats 516 ms");
        assertThat(PowerTraceSource.hwmon(10_000_000L).label()).isEqualTo("hwmon 10 ms");
        assertThat(PowerTraceSource.hwmon(-1).label()).isEqualTo("hwmon");
    }
}
