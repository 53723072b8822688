package io.github.tokjoule.core.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void durationOfAWindow() {
        TimeWindow w = TimeWindow.of(1_000_000_000L, 3_500_000_000L);
        assertThat(w.durationNanos()).isEqualTo(2_500_000_000L);
        assertThat(w.durationSeconds()).isEqualTo(2.5);
    }

    @Test
    void zeroLengthWindowIsValid() {
        TimeWindow w = TimeWindow.of(42, 42);
        assertThat(w.durationNanos()).isZero();
        assertThat(w.contains(42)).isTrue();
        assertThat(w.contains(43)).isFalse();
    }

    @Test
    void endBeforeStartIsRejectedWithBothValues() {
        assertThatThrownBy(() -> TimeWindow.of(10, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endEpochNanos (9)")
                .hasMessageContaining("startEpochNanos (10)");
    }

    @Test
    void instantFactoryKeepsNanoseconds() {
        // 2026-01-02T03:04:05.123456789Z = 1767323045 s since the epoch (date -u -d 2026-01-02T03:04:05Z +%s).
        Instant start = Instant.parse("2026-01-02T03:04:05.123456789Z");
        TimeWindow w = TimeWindow.of(start, start.plusMillis(250));
        assertThat(w.startEpochNanos()).isEqualTo(1_767_323_045_123_456_789L);
        assertThat(w.durationNanos()).isEqualTo(250_000_000L);
        assertThat(w.start()).isEqualTo(start);
        assertThat(w.end()).isEqualTo(Instant.parse("2026-01-02T03:04:05.373456789Z"));
    }

    @Test
    void instantOutsideNanosecondRangeOverflows() {
        assertThatThrownBy(() -> TimeWindow.toEpochNanos(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ofDurationRejectsNegativeLength() {
        assertThat(TimeWindow.ofDuration(5, 10)).isEqualTo(TimeWindow.of(5, 15));
        assertThatThrownBy(() -> TimeWindow.ofDuration(5, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationNanos")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsAWindowLongerThanALongOfNanoseconds() {
        assertThatThrownBy(() -> TimeWindow.of(Long.MIN_VALUE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window [" + Long.MIN_VALUE + ", 1] is longer than Long.MAX_VALUE nanoseconds");
        assertThat(TimeWindow.of(Long.MIN_VALUE, -1).durationNanos()).isEqualTo(Long.MAX_VALUE);
    }
}
