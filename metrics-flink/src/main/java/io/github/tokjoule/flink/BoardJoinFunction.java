package io.github.tokjoule.flink;

import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Flink's side of {@link BoardJoin}: one join per board in keyed state, fed every event of the board, finished by an
 * event-time timer at the end of time, which fires when a bounded input ends (its final watermark). Cells go to the
 * main output, {@link BoardNotice}s to {@link FleetJob#NOTICES}.
 */
final class BoardJoinFunction extends KeyedProcessFunction<String, BoardEvent, CellFigures> {

    private static final long serialVersionUID = 1L;

    private final JoinSettings settings;
    private transient @Nullable ValueState<BoardJoin> state;
    private transient @Nullable EnergyEstimator estimator;

    BoardJoinFunction(JoinSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("board-join", TypeInformation.of(BoardJoin.class)));
        // the report's default, so that fleet and report figures are the same arithmetic
        estimator = AnalysisOptions.defaults().estimator();
    }

    @Override
    public void processElement(BoardEvent event, Context ctx, Collector<CellFigures> out) throws Exception {
        ValueState<BoardJoin> s = requireOpen(state);
        BoardJoin join = s.value();
        if (join == null) {
            join = new BoardJoin(event.board(), settings);
            s.update(join);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        join.accept(event, requireOpen(estimator), output(ctx, out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CellFigures> out) throws Exception {
        ValueState<BoardJoin> s = requireOpen(state);
        BoardJoin join = s.value();
        if (join != null) {
            join.finish(requireOpen(estimator), output(ctx, out));
            s.clear();
        }
    }

    private static BoardJoin.Output output(Context ctx, Collector<CellFigures> out) {
        return new BoardJoin.Output() {
            @Override
            public void cell(CellFigures cell) {
                out.collect(cell);
            }

            @Override
            public void notice(BoardNotice notice) {
                ctx.output(FleetJob.NOTICES, notice);
            }
        };
    }

    private static <T> T requireOpen(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("BoardJoinFunction used before open()");
        }
        return value;
    }
}
