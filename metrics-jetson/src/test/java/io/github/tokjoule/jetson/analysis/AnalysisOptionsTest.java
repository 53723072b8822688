package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.core.cell.CellShape;
import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.energy.OutputTokJVariant;
import io.github.tokjoule.core.flags.FlagThresholds;
import io.github.tokjoule.core.join.EnergyEstimator;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.PowerMode;
import java.time.ZoneId;
import java.util.Optional;
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
        // each with… changes its own component and only it
        EnergyEstimator pooled = EnergyEstimators.pooled();
        assertThat(d.withMethod(EnergyMethod.SEED_COMPATIBLE)
                        .withEstimator(pooled)
                        .withRail(RailChoice.parse("total"))
                        .withZone(ZoneId.of("Asia/Kolkata"))
                        .withMode(PowerMode.of(2, "MAXN"))
                        .withThresholds(FlagThresholds.defaults().withThrottleCelsius(90))
                        .withCanonicalCell(CellShape.of(128, 64))
                        .withHeadlineVariant(OutputTokJVariant.DECODE_PHASE)
                        .withThreads(3)
                        .withRequestClockUncertaintyNanos(7))
                .isEqualTo(new AnalysisOptions(
                        EnergyMethod.SEED_COMPATIBLE,
                        pooled,
                        RailChoice.parse("total"),
                        Optional.of(ZoneId.of("Asia/Kolkata")),
                        Optional.of(PowerMode.of(2, "MAXN")),
                        FlagThresholds.defaults().withThrottleCelsius(90),
                        CellShape.of(128, 64),
                        OutputTokJVariant.DECODE_PHASE,
                        3,
                        7));
        assertThatThrownBy(() -> d.withRequestClockUncertaintyNanos(-1))
                .hasMessage("requestClockUncertaintyNanos must not be negative: -1");
    }
}
