package io.github.tokjoule.flink;

import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.jetson.analysis.AnalysisOptions;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Flink's side of {@link BoardJoin}: one join per board in keyed state (serialized by {@link BoardJoinSerializer}, so
 * that it is checkpointed), fed every event of the board, finished by an event-time timer at the end of time, which
 * fires when a bounded input ends (its final watermark). Cells go to the main output, {@link BoardNotice}s to
 * {@link FleetJob#NOTICES}.
 *
 * <p>With a silence timeout ({@link JoinSettings#silenceTimeoutNanos()}), one processing-time timer per board at a
 * time: when it fires and the board has sent no sample for the timeout, the board is declared silent ({@link
 * BoardJoin#silence}); otherwise it is set again for the timeout after the last sample. After a (re)start the timeout
 * counts from the start: a board cannot be judged silent for the time the job was not running.
 */
final class BoardJoinFunction extends KeyedProcessFunction<String, BoardEvent, CellFigures> {

    private static final long serialVersionUID = 1L;

    private final JoinSettings settings;
    private transient @Nullable ValueState<BoardJoin> state;
    private transient @Nullable EnergyEstimator estimator;
    private transient long openedMillis;

    BoardJoinFunction(JoinSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("board-join", BoardJoinSerializer.INSTANCE));
        // the report's default, so that fleet and report figures are the same arithmetic
        estimator = AnalysisOptions.defaults().estimator();
        openedMillis = System.currentTimeMillis();
    }

    @Override
    public void processElement(BoardEvent event, Context ctx, Collector<CellFigures> out) throws Exception {
        ValueState<BoardJoin> s = requireOpen(state);
        BoardJoin join = s.value();
        if (join == null) {
            join = new BoardJoin(event.board(), settings);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        join.accept(event, requireOpen(estimator), output(ctx, out));
        long timeoutMillis = timeoutMillis();
        if (timeoutMillis > 0) {
            long now = ctx.timerService().currentProcessingTime();
            if (event.kind() == BoardEvent.Kind.SAMPLE) {
                join.heard(now);
            }
            if (join.silenceTimerMillis() == Long.MIN_VALUE) {
                join.silenceTimerMillis(now + timeoutMillis);
                ctx.timerService().registerProcessingTimeTimer(now + timeoutMillis);
            }
        }
        s.update(join);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CellFigures> out) throws Exception {
        ValueState<BoardJoin> s = requireOpen(state);
        BoardJoin join = s.value();
        if (join == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            join.finish(requireOpen(estimator), output(ctx, out));
            s.clear();
            return;
        }
        long quietSince = Math.max(join.lastHeardMillis(), openedMillis);
        long timeoutMillis = timeoutMillis();
        if (timestamp - quietSince >= timeoutMillis) {
            join.silenceTimerMillis(Long.MIN_VALUE);
            join.silence(requireOpen(estimator), output(ctx, out));
        } else {
            join.silenceTimerMillis(quietSince + timeoutMillis);
            ctx.timerService().registerProcessingTimeTimer(quietSince + timeoutMillis);
        }
        s.update(join);
    }

    private long timeoutMillis() {
        long nanos = settings.silenceTimeoutNanos();
        return nanos == 0 ? 0 : Math.max(1, nanos / 1_000_000);
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
