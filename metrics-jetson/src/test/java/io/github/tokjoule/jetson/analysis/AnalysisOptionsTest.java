package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnalysisOptionsTest {

    @Test
    void theRequestClockIsTakenAsExactUnlessAnUncertaintyIsDeclared() {
        AnalysisOptions d = AnalysisOptions.defaults();
        assertThat(d.requestClockUncertaintyNanos()).isZero();
        AnalysisOptions u = d.withRequestClockUncertaintyNanos(20_000_000).withThreads(2);
        // every other copy keeps it
        assertThat(u.requestClockUncertaintyNanos()).isEqualTo(20_000_000);
        assertThat(u.withMethod(d.method()).withRail(d.rail()).requestClockUncertaintyNanos())
                .isEqualTo(20_000_000);
        assertThatThrownBy(() -> d.withRequestClockUncertaintyNanos(-1))
                .hasMessage("requestClockUncertaintyNanos must not be negative: -1");
    }
}
