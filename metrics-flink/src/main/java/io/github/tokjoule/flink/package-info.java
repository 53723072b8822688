/**
 * tokjoule on Apache Flink: the request–power join for a fleet of boards.
 *
 * <ul>
 *   <li>{@link io.github.tokjoule.flink.BoardEvent}: the stream element, a power sample or a request of one board.
 *   <li>{@link io.github.tokjoule.flink.BoardJoin}: the per-board event-time join (Flink-free logic): samples
 *       buffered in time order behind the board's own watermark, each request joined with the samples around its
 *       window, each cell attributed by metrics-core's {@link io.github.tokjoule.core.join.EnergyEstimator} once its
 *       last request is joined; late samples, late requests and silent stretches counted.
 *   <li>{@link io.github.tokjoule.flink.FleetJob}: the Flink job, keyed by board, over sweep directories (bounded)
 *       or any {@code DataStream} of events (unbounded); runs embedded or on a cluster.
 *   <li>{@link io.github.tokjoule.flink.CellFigures}, {@link io.github.tokjoule.flink.BoardNotice}: what it emits;
 *       {@link io.github.tokjoule.flink.FleetCsv} writes them as the report's {@code cells.csv} and a
 *       {@code boards.csv}.
 * </ul>
 *
 * @since 0.2.0
 */
@NullMarked
package io.github.tokjoule.flink;

import org.jspecify.annotations.NullMarked;
