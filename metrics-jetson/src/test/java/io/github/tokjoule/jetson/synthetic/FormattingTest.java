package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormattingTest {

    private static String temperature(double celsius) {
        StringBuilder sb = new StringBuilder();
        TegrastatsWriter.temperature(sb, "x@", celsius);
        return sb.toString();
    }

    @Test
    void temperaturesAreThirtySecondsTruncatedToThreeDecimals() {
        // values of the corpus line: 64.71875 prints 64.718 (truncated, not rounded), 63.5 prints 63.5
        assertThat(temperature(64.71875)).isEqualTo("x@64.718C");
        assertThat(temperature(65.5625)).isEqualTo("x@65.562C");
        assertThat(temperature(63.03125)).isEqualTo("x@63.031C");
        assertThat(temperature(63.5)).isEqualTo("x@63.5C");
        assertThat(temperature(60.875)).isEqualTo("x@60.875C");
        assertThat(temperature(48.0)).isEqualTo("x@48C");
        assertThat(temperature(48.25)).isEqualTo("x@48.25C");
        // 48.01 is quantised to the nearest 1/32: 48.0
        assertThat(temperature(48.01)).isEqualTo("x@48C");
        assertThat(temperature(-0.5)).isEqualTo("x@-0.5C");
        assertThat(temperature(45.09375)).isEqualTo("x@45.093C");
    }

    @Test
    void tegrastatsStampIsMonthFirstLocalTime() {
        // 2025-05-15T13:00:28Z is 18:30:28 in Asia/Kolkata (UTC+05:30)
        long second = Instant.parse("2025-05-15T13:00:28Z").getEpochSecond();
        assertThat(TegrastatsWriter.stamp(second, ZoneId.of("Asia/Kolkata"))).isEqualTo("05-15-2025 18:30:28 ");
        assertThat(TegrastatsWriter.stamp(second, ZoneId.of("UTC"))).isEqualTo("05-15-2025 13:00:28 ");
    }

    @Test
    void millisecondsFromNanosAreExactDecimals() {
        StringBuilder sb = new StringBuilder();
        AiperfExports.appendMillis(sb, 31_742_934L);
        sb.append(' ');
        AiperfExports.appendMillis(sb, 5_000_000L);
        sb.append(' ');
        AiperfExports.appendMillis(sb, 1_500_000L);
        sb.append(' ');
        AiperfExports.appendMillis(sb, 1_000_001L);
        sb.append(' ');
        AiperfExports.appendMillis(sb, 120L);
        assertThat(sb).hasToString("31.742934 5.0 1.5 1.000001 0.00012");
    }

    @Test
    void aiperfTimesAreNaiveLocalIsoWithMicroseconds() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        long t = Instant.parse("2026-07-03T04:19:39.807147Z").toEpochMilli() * 1_000_000L + 147_000L;
        // 04:19:39.807147 UTC = 09:49:39.807147 local; nanos 499 below the next microsecond round down
        assertThat(AiperfExports.isoLocal(t + 499, kolkata)).isEqualTo("2026-07-03T09:49:39.807147");
        assertThat(AiperfExports.isoLocal(t + 500, kolkata)).isEqualTo("2026-07-03T09:49:39.807148");
        // zero microseconds are omitted, like Python's isoformat()
        long whole = Instant.parse("2026-07-03T04:19:39Z").getEpochSecond() * 1_000_000_000L;
        assertThat(AiperfExports.isoLocal(whole, kolkata)).isEqualTo("2026-07-03T09:49:39");
    }
}
