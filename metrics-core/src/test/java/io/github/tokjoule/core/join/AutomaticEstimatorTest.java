package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticEstimatorTest {

    private static final long T0 = 1_733_500_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static PowerTrace every(long periodMs) {
        int n = (int) (5_000 / periodMs) + 1;
        long[] t = new long[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = T0 + k * periodMs * MS;
            w[k] = 10 + k % 3;
        }
        return PowerTrace.of(t, w);
    }

    /** Two requests: 200 ms prefill and 800 ms decode each, from 1 s and 2.5 s. */
    private static final List<RequestTimeline> REQUESTS = List.of(
            RequestTimeline.succeeded(T0 + 1_000 * MS, T0 + 1_200 * MS, T0 + 2_000 * MS, 10, 10),
            RequestTimeline.succeeded(T0 + 2_500 * MS, T0 + 2_700 * MS, T0 + 3_500 * MS, 10, 10));

    @Test
    void integratesPerRequestWhereEveryPhaseHoldsTenSamples() {
        // 20 ms sampling: 11 samples in each closed 200 ms prefill window, 41 in each decode window.
        CellAttribution a = EnergyEstimators.automatic().attribute(every(20), REQUESTS);
        assertThat(a.estimator()).isEqualTo("PER_REQUEST");
        assertThat(a.cell().total().joules())
                .isEqualTo(EnergyEstimators.perRequest()
                        .attribute(every(20), REQUESTS)
                        .cell()
                        .total()
                        .joules());
    }

    @Test
    void poolsWhereAnyPhaseHoldsFewer() {
        // 25 ms sampling: 9 samples in each prefill window.
        assertThat(EnergyEstimators.automatic().attribute(every(25), REQUESTS).estimator())
                .isEqualTo("POOLED");
        assertThat(EnergyEstimators.automatic().attribute(every(500), REQUESTS).estimator())
                .isEqualTo("POOLED");
        assertThat(EnergyEstimators.automatic().attribute(every(20), List.of()).estimator())
                .isEqualTo("POOLED");
        assertThat(EnergyEstimators.automatic().name()).isEqualTo("AUTO");
    }
}
