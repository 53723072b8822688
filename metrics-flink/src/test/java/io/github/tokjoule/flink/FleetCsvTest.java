package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCsvTest {

    private static final CellId CELL = CellId.of("m", "25W", "llama.cpp", 128, 64);

    /** The cell of two requests the javadoc below works through by hand. */
    private static CellFigures twoRequests() {
        return new CellFigures(
                "orin-1",
                CELL,
                "VDD_IN",
                "PER_REQUEST",
                "",
                2,
                1,
                0,
                0,
                0,
                200,
                100,
                500_000_000L,
                1_500_000_000L,
                2,
                Double.NaN,
                Double.NaN,
                6,
                Double.NaN,
                Double.NaN,
                8,
                7,
                9.5,
                3,
                20,
                40);
    }

    /**
     * Two requests, 200 input and 100 output tokens in all, 0.5 s of prefill and 1.5 s of decode, 2 J of prefill and
     * 6 J of decode: per request 1, 3 and 4 J; output tok/J 100 / 8 = 12.5; prefill tok/J 200 / 2 = 100; decode
     * tok/J 100 / 6 = 16.666…; total tok/J 300 / 8 = 37.5; mJ per output token 1000 / (100 / 6) = 60 (59.99999999999999 in double, as the report computes it: 1000 / 16.666666666666668); power 8 J / 2 s
     * = 4 W. The total's 95 % interval [7, 9.5] J is [3.5, 4.75] J per request and, for output tok/J, [100 / 9.5,
     * 100 / 7] = [10.526315789473685, 14.285714285714286] (jshell: {@code 100/9.5}, {@code 100/7.0}); prefill and
     * decode have no interval, so their columns are empty.
     */
    @Test
    void theAppenderWritesWhatTheBoundedWriterWritesRowByRow(@TempDir Path dir) throws Exception {
        CellFigures f = twoRequests();
        BoardNotice silent =
                new BoardNotice("orin-1", BoardNotice.Kind.SILENT, 1_000_000_000L, 3_500_000_000L, 40, 0, 0, 1);
        StringWriter cells = new StringWriter();
        FleetCsv.writeCells(List.of(f, f), OutputTokJVariant.REQUEST, cells);
        StringWriter boards = new StringWriter();
        FleetCsv.writeBoards(List.of(silent), boards);

        try (FleetCsvAppender a = FleetCsvAppender.open(dir.resolve("out"), OutputTokJVariant.REQUEST)) {
            a.cell(f);
            a.notice(silent);
            // flushed row by row: a reader sees the rows before the appender is closed
            assertThat(Files.readString(dir.resolve("out/boards.csv"))).isEqualTo(boards.toString());
            a.cell(f);
            assertThat(a.cellRows()).isEqualTo(2);
            assertThat(a.boardRows()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("out/cells.csv"))).isEqualTo(cells.toString());
    }

    @Test
    void aCellsRowHoldsItsRatiosOfSums() throws Exception {
        CellFigures f = twoRequests();
        StringWriter w = new StringWriter();
        FleetCsv.writeCells(List.of(f), OutputTokJVariant.REQUEST, w);

        String[] lines = w.toString().split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", FleetCsv.CELL_COLUMNS));
        assertThat(lines[1])
                .isEqualTo("25W,m,128,64,ok,100.0,50.0,,,,,4.0,4.0,1.0,3.0,12.5,12.5,,100.0,16.666666666666668,37.5,"
                        + "59.99999999999999,MEASURED,,VDD_IN,2,1,PER_REQUEST,3.5,4.75,,,,,10.526315789473685,"
                        + "14.285714285714286,,,,,orin-1,2,1,40");
        assertThat(lines[1].split(",", -1)).hasSize(FleetCsv.CELL_COLUMNS.size());
    }

    @Test
    void aFailedCellKeepsItsReasonAndNoFigure() throws Exception {
        StringWriter w = new StringWriter();
        FleetCsv.writeCells(
                List.of(CellFigures.failedCell("orin-1", CELL, "server died\n(OOM?)")), OutputTokJVariant.REQUEST, w);

        assertThat(w.toString().split("\n")[1])
                .isEqualTo(
                        "25W,m,128,64,failed: server died | (OOM?),,,,,,,,,,,,,,,,,,MEASURED,,,0,0,,,,,,,,,,,,,,orin-1,0,0,0");
    }
}
