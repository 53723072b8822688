package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.power.TimeWindow;
import org.junit.jupiter.api.Test;

class RequestTimelineTest {

    @Test
    void windowsPartitionTheRequest() {
        RequestTimeline r = RequestTimeline.ofLatencies(1_000, 250, 1_000, 12, 3);

        assertThat(r.window(Phase.PREFILL)).isEqualTo(TimeWindow.of(1_000, 1_250));
        assertThat(r.window(Phase.DECODE)).isEqualTo(TimeWindow.of(1_250, 2_000));
        assertThat(r.window(Phase.TOTAL)).isEqualTo(TimeWindow.of(1_000, 2_000));
        assertThat(r.durationNanos(Phase.PREFILL) + r.durationNanos(Phase.DECODE))
                .isEqualTo(r.durationNanos(Phase.TOTAL))
                .isEqualTo(1_000);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.tokensKnown()).isTrue();
    }

    @Test
    void aFailedRequestHasNoDecode() {
        RequestTimeline r = RequestTimeline.failed(10, 30, Double.NaN);

        assertThat(r.succeeded()).isFalse();
        assertThat(r.firstTokenEpochNanos()).isEqualTo(30);
        assertThat(r.durationNanos(Phase.DECODE)).isZero();
        assertThat(r.outputTokens()).isZero();
        assertThat(r.tokensKnown()).isFalse();
    }

    @Test
    void rejectsInstantsOutOfOrder() {
        assertThatThrownBy(() -> RequestTimeline.succeeded(10, 9, 20, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstTokenEpochNanos (9) is before startEpochNanos (10)");
        assertThatThrownBy(() -> RequestTimeline.succeeded(10, 15, 12, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endEpochNanos (12) is before firstTokenEpochNanos (15)");
        assertThatThrownBy(() -> RequestTimeline.ofLatencies(10, -1, 5, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeToFirstTokenNanos must not be negative: -1");
        assertThatThrownBy(() -> RequestTimeline.ofLatencies(10, 6, 5, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestLatencyNanos (5) is below timeToFirstTokenNanos (6)");
        assertThatThrownBy(() -> RequestTimeline.succeeded(Long.MIN_VALUE, 0, Long.MAX_VALUE, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than Long.MAX_VALUE nanoseconds");
    }

    @Test
    void rejectsNegativeOrInfiniteTokens() {
        assertThatThrownBy(() -> RequestTimeline.succeeded(0, 1, 2, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputTokens must be NaN (unknown) or finite and not negative: -1.0");
        assertThatThrownBy(() -> RequestTimeline.succeeded(0, 1, 2, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputTokens must be NaN (unknown) or finite and not negative: Infinity");
    }
}
