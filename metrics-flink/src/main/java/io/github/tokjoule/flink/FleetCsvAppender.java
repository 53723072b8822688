package io.github.tokjoule.flink;

import io.github.tokjoule.core.energy.OutputTokJVariant;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The unbounded job's output: {@code cells.csv} and {@code boards.csv} (the columns of {@link FleetCsv}), each row
 * appended and flushed as soon as the job hands it over, so that a reader of the files, or a run cut short by Ctrl-C,
 * sees every row that became final. Both listener methods may be called from different threads.
 *
 * @since 0.2.0
 */
public final class FleetCsvAppender implements BoardJoin.Output, Closeable {

    private final Writer cells;
    private final Writer boards;
    private final OutputTokJVariant headline;
    private long cellRows;
    private long boardRows;

    private FleetCsvAppender(Writer cells, Writer boards, OutputTokJVariant headline) {
        this.cells = cells;
        this.boards = boards;
        this.headline = headline;
    }

    /**
     * Creates (or truncates) {@code cells.csv} and {@code boards.csv} in a directory and writes their headers.
     *
     * @param directory the output directory, created if absent
     * @param headline the output tok/J variant of the headline column, as for {@link FleetCsv#write}
     * @return the appender, to be closed
     * @throws IOException if the files cannot be written
     */
    public static FleetCsvAppender open(Path directory, OutputTokJVariant headline) throws IOException {
        Files.createDirectories(directory);
        Writer cells = Files.newBufferedWriter(directory.resolve("cells.csv"), StandardCharsets.UTF_8);
        try {
            Writer boards = Files.newBufferedWriter(directory.resolve("boards.csv"), StandardCharsets.UTF_8);
            FleetCsvAppender a = new FleetCsvAppender(cells, boards, headline);
            a.write(cells, String.join(",", FleetCsv.CELL_COLUMNS) + "\n");
            a.write(boards, String.join(",", FleetCsv.BOARD_COLUMNS) + "\n");
            return a;
        } catch (IOException | RuntimeException e) {
            cells.close();
            throw e;
        }
    }

    @Override
    public void cell(CellFigures cell) {
        write(cells, FleetCsv.cellRow(cell, headline));
        synchronized (cells) {
            cellRows++;
        }
    }

    @Override
    public void notice(BoardNotice notice) {
        write(boards, FleetCsv.boardRow(notice));
        synchronized (boards) {
            boardRows++;
        }
    }

    /** {@return the cell rows written so far, header excluded} */
    public long cellRows() {
        synchronized (cells) {
            return cellRows;
        }
    }

    /** {@return the board rows (notices) written so far, header excluded} */
    public long boardRows() {
        synchronized (boards) {
            return boardRows;
        }
    }

    private void write(Writer w, String line) {
        synchronized (w) {
            try {
                w.write(line);
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Closes both files.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        try (Writer c = cells;
                Writer b = boards) {
            synchronized (c) {
                c.flush();
            }
            synchronized (b) {
                b.flush();
            }
        }
    }
}
