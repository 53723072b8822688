package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.CellStatus;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.join.CellEnergy;
import io.github.tokjoule.core.join.Phase;
import io.github.tokjoule.jetson.analysis.CellIntervals;
import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a fleet run's results: {@code cells.csv} with the report's columns ({@link CellResultsCsv}, through a
 * {@link CellMetrics} row of the MEASURED method) followed by the fleet's own, and {@code boards.csv} with every
 * notice.
 *
 * <p>Columns the join does not compute are empty: the aiperf latency percentiles ({@code ttft_p50_ms},
 * {@code itl_p50_ms}, {@code rl_p50_ms}), {@code tok_s}, the {@code THROUGHPUT} variant of output tok/J, and the
 * flags. {@code power_w} is the requests' time-weighted mean power {@code Σ E_total / Σ RL}, as the report's MEASURED
 * method. The report's estimate columns ({@code estimator} and the twelve {@code *_ci95_low/high}) are filled by the
 * report's own code ({@link CellIntervals}, {@link CellResultsCsv#row}) from the cell's sums. After the report's
 * columns: {@code board, requests_attributed, requests_excluded, samples} (the samples the estimator was given).
 *
 * @since 0.2.0
 */
public final class FleetCsv {

    /** The fleet's own columns, after the report's. */
    private static final List<String> FLEET_COLUMNS =
            List.of("board", "requests_attributed", "requests_excluded", "samples");

    /** The columns of {@code cells.csv}: the report's ({@link CellResultsCsv#COLUMNS} but {@code power_trace}), then the fleet's. */
    public static final List<String> CELL_COLUMNS = Stream.concat(
                    // a row of CellMetrics has no power_trace: that is the sweep analysis' (AnalyzedCell.powerTrace)
                    CellResultsCsv.COLUMNS.stream().filter(c -> !c.equals(CellResultsCsv.POWER_TRACE_COLUMN)),
                    FLEET_COLUMNS.stream())
            .toList();

    /** The columns of {@code boards.csv}. */
    public static final List<String> BOARD_COLUMNS = List.of(
            "board", "kind", "from", "to", "silent_s", "samples", "late_samples", "duplicate_samples", "requests");

    private FleetCsv() {}

    /**
     * Returns a cell as the report's row type, MEASURED method: the figures the join computes, NaN for the others.
     *
     * @param f the cell's figures
     * @return the row
     */
    public static CellMetrics metrics(CellFigures f) {
        CellMetrics.Builder b = CellMetrics.builder()
                .id(f.cell())
                .method(EnergyMethod.MEASURED)
                .requestCount(f.requests())
                .errorCount(f.failed());
        if (f.isFailed()) {
            return b.status(CellStatus.failed(CellResultsCsv.oneLine(f.failure())))
                    .build();
        }
        if (!f.rail().isEmpty()) {
            b.rail(f.rail());
        }
        if (f.requests() > f.failed()) {
            // as the report: the estimator ran because some request had succeeded
            b.estimator(f.estimator());
        }
        if (f.attributed() == 0) {
            return b.build();
        }
        CellEnergy e = f.energy();
        CellIntervals.put(b, e);
        int n = f.attributed();
        double decodeTokJ = e.decodeTokensPerJoule().tokensPerJoule();
        b.realisedInputTokens(e.inputTokens() / n)
                .realisedOutputTokens(e.outputTokens() / n)
                .prefillJoulesPerRequest(e.joulesPerRequest(Phase.PREFILL).joules())
                .decodeJoulesPerRequest(e.joulesPerRequest(Phase.DECODE).joules())
                .totalJoulesPerRequest(e.joulesPerRequest(Phase.TOTAL).joules())
                .prefillTokensPerJoule(e.prefillTokensPerJoule().tokensPerJoule())
                .decodeTokensPerJoule(decodeTokJ)
                .totalTokensPerJoule(e.totalTokensPerJoule().tokensPerJoule())
                .millijoulesPerOutputToken(decodeTokJ > 0 ? 1000 / decodeTokJ : Double.NaN)
                .prefillWatts(e.meanWatts(Phase.PREFILL))
                .decodeWatts(e.meanWatts(Phase.DECODE));
        putIfKnown(b, OutputTokJVariant.REQUEST, e.outputTokensPerJoule().tokensPerJoule());
        putIfKnown(b, OutputTokJVariant.DECODE_PHASE, decodeTokJ);
        double serving = e.meanWatts(Phase.TOTAL);
        if (Double.isFinite(serving)) {
            b.servingWatts(serving);
        }
        return b.build();
    }

    private static void putIfKnown(CellMetrics.Builder b, OutputTokJVariant v, double value) {
        if (Double.isFinite(value)) {
            b.putOutputTokensPerJouleByVariant(v, value);
        }
    }

    /**
     * Writes {@code cells.csv} and {@code boards.csv} into a directory (created if needed; the files are replaced).
     *
     * @param result the fleet run's result
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @param directory the output directory
     * @throws IOException if a file cannot be written
     */
    public static void write(FleetResult result, OutputTokJVariant headline, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Writer w = Files.newBufferedWriter(directory.resolve("cells.csv"), StandardCharsets.UTF_8)) {
            writeCells(result.cells(), headline, w);
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve("boards.csv"), StandardCharsets.UTF_8)) {
            writeBoards(result.notices(), w);
        }
    }

    /**
     * Writes the cells.
     *
     * @param cells the cells, in order
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void writeCells(List<CellFigures> cells, OutputTokJVariant headline, Writer out) throws IOException {
        out.write(String.join(",", CELL_COLUMNS) + "\n");
        for (CellFigures f : cells) {
            out.write(cellRow(f, headline));
        }
    }

    /**
     * Returns one cell's line of {@code cells.csv}.
     *
     * @param f the cell
     * @param headline the output tok/J variant of the {@code output_tok_per_j} column
     * @return the line, with its line end
     */
    public static String cellRow(CellFigures f, OutputTokJVariant headline) {
        CellMetrics m = metrics(f);
        String row = CellResultsCsv.row(m, headline, CellResultsCsv.status(m));
        StringBuilder sb = new StringBuilder(row.length() + 64).append(row, 0, row.length() - 1);
        sb.append(',').append(CellResultsCsv.quote(f.board()));
        sb.append(',').append(f.attributed());
        sb.append(',').append(f.excluded());
        sb.append(',').append(f.samples());
        return sb.append('\n').toString();
    }

    /**
     * Writes the notices.
     *
     * @param notices the notices, in order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void writeBoards(List<BoardNotice> notices, Writer out) throws IOException {
        out.write(String.join(",", BOARD_COLUMNS) + "\n");
        for (BoardNotice n : notices) {
            out.write(boardRow(n));
        }
    }

    /**
     * Returns one notice's line of {@code boards.csv}.
     *
     * @param n the notice
     * @return the line, with its line end
     */
    public static String boardRow(BoardNotice n) {
        return CellResultsCsv.quote(n.board())
                + ','
                + n.kind()
                + ','
                + instant(n.fromEpochNanos())
                + ','
                + instant(n.toEpochNanos())
                + ','
                + CellResultsCsv.number(n.silentSeconds())
                + ','
                + n.samples()
                + ','
                + n.lateSamples()
                + ','
                + n.duplicateSamples()
                + ','
                + n.lateRequests()
                + '\n';
    }

    private static String instant(long epochNanos) {
        if (epochNanos == Long.MIN_VALUE || epochNanos == Long.MAX_VALUE) {
            return "";
        }
        return Instant.ofEpochSecond(
                        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
                .toString();
    }
}
