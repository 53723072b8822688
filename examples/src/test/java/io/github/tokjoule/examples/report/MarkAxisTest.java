package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How far an axis follows a mark's interval: to its ends, but no further from the value than the value's own size. */
class MarkAxisTest {

    @Test
    void anIntervalWithinTheValuesSizeIsFollowedWhole() {
        // 22.0 ± 0.3: both ends lie within 22 of the value
        SvgPlot.Mark m = new SvgPlot.Mark(22.0, 21.7, 22.3, false, "");
        assertThat(m.axisLow()).isEqualTo(21.7);
        assertThat(m.axisHigh()).isEqualTo(22.3);
    }

    @Test
    void aWideIntervalIsFollowedOnlyToTwiceTheValueAndToZero() {
        // The demo's prefill tok/J: 1400 with an interval up to 58,000 → 1400 + 1400 = 2800; its low end 300 is kept.
        SvgPlot.Mark m = new SvgPlot.Mark(1400, 300, 58_000, true, "");
        assertThat(m.axisHigh()).isEqualTo(2800);
        assertThat(m.axisLow()).isEqualTo(300);
        // −2 in [−10, 1]: −2 − 2 = −4 below, −2 + 2 = 0 above
        SvgPlot.Mark negative = new SvgPlot.Mark(-2, -10, 1, false, "");
        assertThat(negative.axisLow()).isEqualTo(-4);
        assertThat(negative.axisHigh()).isEqualTo(0);
    }

    @Test
    void withoutAnIntervalTheAxisFollowsTheValue() {
        SvgPlot.Mark m = new SvgPlot.Mark(5, Double.NaN, Double.NaN, false, "");
        assertThat(m.axisLow()).isEqualTo(5);
        assertThat(m.axisHigh()).isEqualTo(5);
    }
}
