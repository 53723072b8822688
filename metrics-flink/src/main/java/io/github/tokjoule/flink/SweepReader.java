package io.github.tokjoule.flink;

import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import io.github.tokjoule.jetson.analysis.RailChoice;
import io.github.tokjoule.jetson.analysis.SweepAnalysis;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The bounded source's reading step: on the task that gets it, one board's sweep directory becomes that board's
 * events ({@link SweepEvents}). The zone and rail travel as text because the analysis options are not serializable.
 */
final class SweepReader implements FlatMapFunction<BoardSweep, BoardEvent> {

    private static final long serialVersionUID = 1L;

    private final String zone;
    private final String rail;

    /**
     * @param zone the devices' zone id, or empty for each sweep's manifest zone
     * @param rail the rail choice ({@link RailChoice#parse}), or empty for the default
     */
    SweepReader(String zone, String rail) {
        this.zone = zone;
        this.rail = rail;
    }

    @Override
    public void flatMap(BoardSweep sweep, Collector<BoardEvent> out) throws Exception {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (!zone.isEmpty()) {
            options = options.withZone(ZoneId.of(zone));
        }
        if (!rail.isEmpty()) {
            options = options.withRail(RailChoice.parse(rail));
        }
        SweepEvents.emit(sweep.board(), SweepAnalysis.joinInputs(Path.of(sweep.directory()), options), out::collect);
    }
}
