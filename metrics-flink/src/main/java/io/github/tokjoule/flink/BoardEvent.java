package io.github.tokjoule.flink;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.join.RequestTimeline;
import org.jspecify.annotations.Nullable;

/**
 * One element of a board's stream: a power sample, a request of a cell, or a cell that failed before it served any
 * request. Flat fields (no nested collections) so that Flink serializes it without Kryo's help on the hot path.
 *
 * @param board the board's name, the stream's key
 * @param kind what the event is
 * @param epochNanos a sample's time; a request's start
 * @param watts a sample's power in watts; NaN otherwise
 * @param nominalIntervalNanos a sample's nominal sampling interval (0 if unknown); 0 otherwise
 * @param sensorDelayNanos a sample's sensor delay {@code D}, the averaging window its reading reflects (a dense
 *     {@code hwmon.csv}'s or a monitor log's recorded {@code sensor_delay}; 0 for instantaneous readings and
 *     tegrastats); 0 otherwise
 * @param cell the cell of a request or of a failed cell; {@code null} for a sample
 * @param firstTokenEpochNanos a request's first token; 0 otherwise
 * @param endEpochNanos a request's end; 0 otherwise
 * @param inputTokens a request's input tokens (NaN if unknown); NaN otherwise
 * @param outputTokens a request's output tokens (NaN if unknown); NaN otherwise
 * @param succeeded whether a request succeeded; {@code false} otherwise
 * @param note why a failed cell failed, or a request's rail name; empty otherwise
 * @since 0.2.0
 */
public record BoardEvent(
        String board,
        Kind kind,
        long epochNanos,
        double watts,
        long nominalIntervalNanos,
        long sensorDelayNanos,
        @Nullable CellId cell,
        long firstTokenEpochNanos,
        long endEpochNanos,
        double inputTokens,
        double outputTokens,
        boolean succeeded,
        String note) {

    /** What a {@link BoardEvent} carries. */
    public enum Kind {
        /** A power sample. */
        SAMPLE,
        /** A request of a cell. */
        REQUEST,
        /** A cell that failed before it served a request (its reason in {@code note}). */
        FAILED_CELL
    }

    /**
     * Returns a power sample.
     *
     * @param board the board
     * @param epochNanos when it was taken
     * @param watts the power in watts
     * @param nominalIntervalNanos the sampler's nominal interval, or 0 if unknown
     * @return the event
     */
    public static BoardEvent sample(String board, long epochNanos, double watts, long nominalIntervalNanos) {
        return sample(board, epochNanos, watts, nominalIntervalNanos, 0);
    }

    /**
     * Returns a power sample of a sensor that averages its last {@code sensorDelayNanos}: the board's join gives the
     * delay to its estimator ({@link io.github.tokjoule.core.join.EnergyEstimator#withSensorAveragingNanos}).
     *
     * @param board the board
     * @param epochNanos when it was taken
     * @param watts the power in watts
     * @param nominalIntervalNanos the sampler's nominal interval, or 0 if unknown
     * @param sensorDelayNanos the sensor's delay {@code D}, 0 for an instantaneous reading
     * @return the event
     * @throws IllegalArgumentException if {@code sensorDelayNanos} is negative
     */
    public static BoardEvent sample(
            String board, long epochNanos, double watts, long nominalIntervalNanos, long sensorDelayNanos) {
        if (sensorDelayNanos < 0) {
            throw new IllegalArgumentException("sensorDelayNanos must not be negative: " + sensorDelayNanos);
        }
        return new BoardEvent(
                board,
                Kind.SAMPLE,
                epochNanos,
                watts,
                nominalIntervalNanos,
                sensorDelayNanos,
                null,
                0,
                0,
                Double.NaN,
                Double.NaN,
                false,
                "");
    }

    /**
     * Returns a request of a cell.
     *
     * @param board the board that served it
     * @param cell its cell
     * @param rail the rail its cell's power is read from (carried to the cell's row), or empty
     * @param request the request
     * @return the event
     */
    public static BoardEvent request(String board, CellId cell, String rail, RequestTimeline request) {
        return new BoardEvent(
                board,
                Kind.REQUEST,
                request.startEpochNanos(),
                Double.NaN,
                0,
                0,
                cell,
                request.firstTokenEpochNanos(),
                request.endEpochNanos(),
                request.inputTokens(),
                request.outputTokens(),
                request.succeeded(),
                rail);
    }

    /**
     * Returns a cell that failed before serving a request.
     *
     * @param board the board
     * @param cell the cell
     * @param reason why it failed
     * @return the event
     */
    public static BoardEvent failedCell(String board, CellId cell, String reason) {
        return new BoardEvent(
                board, Kind.FAILED_CELL, 0, Double.NaN, 0, 0, cell, 0, 0, Double.NaN, Double.NaN, false, reason);
    }

    /**
     * Returns the request of a {@link Kind#REQUEST} event.
     *
     * @return the timeline
     * @throws IllegalStateException if this is not a request
     */
    public RequestTimeline timeline() {
        if (kind != Kind.REQUEST) {
            throw new IllegalStateException("a " + kind + " event has no request");
        }
        return new RequestTimeline(
                epochNanos, firstTokenEpochNanos, endEpochNanos, inputTokens, outputTokens, succeeded);
    }

    /**
     * Returns the cell of a request or failed cell.
     *
     * @return the cell
     * @throws IllegalStateException for a sample
     */
    public CellId requireCell() {
        if (cell == null) {
            throw new IllegalStateException("a " + kind + " event has no cell");
        }
        return cell;
    }
}
