package io.github.tokjoule.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final double[] LAT = {
        412.5, 398.1, 405.7, 1020.3, 401.2, 399.9, 404.4, 403.3, 397.6, 410.0, 402.8, 400.5, 406.6, 399.0, 408.8, 401.9,
        403.0, 400.1, 398.8, 405.2
    };

    @Test
    void matchesNumpyOnLatencies() {
        // LAT as in QuantilesNumpyTest. python3 -c 'import numpy as np; LAT=[...]; print(repr(np.mean(LAT)),
        // repr(np.std(LAT)), [float(x) for x in np.percentile(LAT, [1, 5, 10, 25, 50, 75, 90, 95, 99])])'
        // -> 433.985 134.5684742984032 [397.69500000000005, 398.07500000000005, 398.73, 400.05, 402.9, 405.925,
        //    410.25, 442.89000000000044, 904.8179999999992]
        Summary s = Summary.of(LAT);
        assertThat(s.count()).isEqualTo(20);
        assertThat(s.mean()).isCloseTo(433.985, within(1e-9));
        assertThat(s.std()).isCloseTo(134.5684742984032, within(1e-9));
        assertThat(s.min()).isEqualTo(397.6);
        assertThat(s.max()).isEqualTo(1020.3);
        double[] expected = {
            397.69500000000005,
            398.07500000000005,
            398.73,
            400.05,
            402.9,
            405.925,
            410.25,
            442.89000000000044,
            904.8179999999992
        };
        double[] actual = {s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95(), s.p99()};
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("percentile #%d", i).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(s.percentile(95)).isEqualTo(s.p95());
    }

    @Test
    void populationStdAsNumpyDdofZero() {
        // python3 -c 'import numpy as np; D=[2,4,4,4,5,5,7,9]; print(np.mean(D), np.std(D),
        //   [float(x) for x in np.percentile(D, [1, 5, 10, 25, 50, 75, 90, 95, 99])])'
        // -> 5.0 2.0 [2.14, 2.7, 3.4000000000000004, 4.0, 4.5, 5.5, 7.6, 8.299999999999999, 8.86]
        // By hand: deviations² 9,1,1,1,0,0,4,16 sum 32, /8 = 4, sqrt = 2 (the sample std would be 2.138).
        Summary s = Summary.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.std()).isCloseTo(2.0, within(1e-15));
        assertThat(s.p1()).isCloseTo(2.14, within(1e-12));
        assertThat(s.p5()).isCloseTo(2.7, within(1e-12));
        assertThat(s.p10()).isCloseTo(3.4000000000000004, within(1e-12));
        assertThat(s.p25()).isEqualTo(4.0);
        assertThat(s.p50()).isEqualTo(4.5);
        assertThat(s.p75()).isEqualTo(5.5);
        assertThat(s.p90()).isCloseTo(7.6, within(1e-12));
        assertThat(s.p95()).isCloseTo(8.299999999999999, within(1e-12));
        assertThat(s.p99()).isCloseTo(8.86, within(1e-12));
    }

    @Test
    void emptyIsCountZeroAndNaN() {
        Summary s = Summary.of(new double[0]);
        assertThat(s).isSameAs(Summary.empty());
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.count()).isZero();
        for (double v : new double[] {
            s.mean(), s.std(), s.min(), s.max(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95(),
            s.p99()
        }) {
            assertThat(v).isNaN();
        }
        assertThat(Summary.empty()).isEqualTo(Summary.builder().build());
    }

    @Test
    void oneValue() {
        Summary s = Summary.of(new double[] {12.5});
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(12.5);
        assertThat(s.std()).isZero();
        assertThat(s.p1()).isEqualTo(12.5);
        assertThat(s.p99()).isEqualTo(12.5);
    }

    @Test
    void otherMethodChangesOnlyPercentiles() {
        double[] v = {10, 20, 30, 40, 50};
        Summary hazen = Summary.of(v, QuantileMethod.HAZEN);
        // python3 -c 'import numpy as np; print(np.percentile([10,20,30,40,50], 25, method="hazen"))' -> 17.5
        assertThat(hazen.p25()).isEqualTo(17.5);
        assertThat(hazen.mean()).isEqualTo(Summary.of(v).mean());
    }

    @Test
    void inputNotMutatedAndNaNRejected() {
        double[] v = {3, 1, 2};
        Summary.of(v);
        assertThat(v).containsExactly(3, 1, 2);
        assertThatThrownBy(() -> Summary.of(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[1] is not finite: Infinity");
    }

    @Test
    void builderKeepsKnownStatisticsAndValidates() {
        Summary s = Summary.builder()
                .count(20)
                .mean(410)
                .std(3.5)
                .min(400)
                .max(420)
                .percentile(50, 409)
                .percentile(99, 419)
                .build();
        assertThat(s.count()).isEqualTo(20);
        assertThat(s.p50()).isEqualTo(409);
        assertThat(s.p99()).isEqualTo(419);
        assertThat(s.p90()).isNaN();
        assertThatThrownBy(() -> Summary.builder().count(-1)).hasMessage("count must not be negative: -1");
        assertThatThrownBy(() -> Summary.builder().std(-1)).hasMessage("std must not be negative: -1.0");
        assertThatThrownBy(() -> Summary.builder().mean(Double.POSITIVE_INFINITY))
                .hasMessage("mean must be finite or NaN: Infinity");
        assertThatThrownBy(() -> Summary.builder().min(Double.NEGATIVE_INFINITY))
                .hasMessageContaining("min");
        assertThatThrownBy(() -> Summary.builder().max(Double.POSITIVE_INFINITY))
                .hasMessageContaining("max");
        assertThatThrownBy(() -> Summary.builder().percentile(50, Double.POSITIVE_INFINITY))
                .hasMessageContaining("p50");
        assertThatThrownBy(() -> Summary.builder().percentile(42, 1))
                .hasMessage("pPercent must be one of [1, 5, 10, 25, 50, 75, 90, 95, 99] (the stored percentiles): 42");
        assertThatThrownBy(() -> Summary.builder().min(2).max(1).build())
                .hasMessage("min (2.0) is greater than max (1.0)");
        assertThatThrownBy(() -> s.percentile(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaledConvertsUnits() {
        Summary ms = Summary.of(new double[] {1000, 2000, 3000});
        Summary sec = ms.scaled(1e-3);
        assertThat(sec.count()).isEqualTo(3);
        assertThat(sec.mean()).isEqualTo(2.0);
        assertThat(sec.p50()).isEqualTo(2.0);
        assertThat(sec.max()).isEqualTo(3.0);
        assertThat(sec.std()).isCloseTo(ms.std() / 1000, within(1e-15));
        assertThat(Summary.empty().scaled(2)).isEqualTo(Summary.empty());
        assertThatThrownBy(() -> ms.scaled(0)).hasMessage("factor must be positive and finite: 0.0");
        assertThatThrownBy(() -> ms.scaled(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityHashAndText() {
        Summary a = Summary.of(new double[] {1, 2, 3});
        Summary b = Summary.of(new double[] {3, 2, 1});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
        assertThat(a).isNotEqualTo(Summary.of(new double[] {1, 2, 4}));
        assertThat(a).isNotEqualTo(Summary.of(new double[] {1, 2, 3, 2}));
        assertThat(a).isNotEqualTo("x");
        assertThat(a.toString())
                .startsWith("Summary{count=3, mean=2.0,")
                .contains("p50=2.0")
                .endsWith("max=3.0}");
        Summary.Builder builder =
                Summary.builder().count(3).mean(2).std(a.std()).min(1).max(3);
        assertThat(builder.build()).isNotEqualTo(a); // percentiles unknown
        assertThat(Summary.builder().count(3).build())
                .isNotEqualTo(Summary.builder().count(3).mean(1).build());
        assertThat(Summary.builder().mean(1).std(1).build())
                .isNotEqualTo(Summary.builder().mean(1).build());
        assertThat(Summary.builder().min(1).build())
                .isNotEqualTo(Summary.builder().build());
        assertThat(Summary.builder().max(1).build())
                .isNotEqualTo(Summary.builder().build());
    }
}
