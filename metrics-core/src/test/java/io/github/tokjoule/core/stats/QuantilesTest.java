package io.github.tokjoule.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void emptyDataGivesNaN() {
        assertThat(Quantiles.percentile(new double[0], 50)).isNaN();
        assertThat(Quantiles.median(new double[0])).isNaN();
        assertThat(Quantiles.percentile(new int[0], 50, QuantileMethod.LINEAR)).isNaN();
        assertThat(Quantiles.percentile(new long[0], 50, QuantileMethod.LINEAR)).isNaN();
        assertThat(Quantiles.percentiles(new double[0], 10, 90)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void rejectsPercentOutsideZeroToHundredNamingTheArgument() {
        double[] v = {1, 2};
        assertThatThrownBy(() -> Quantiles.percentile(v, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pPercent must be in [0, 100] percent: -0.5");
        assertThatThrownBy(() -> Quantiles.percentile(v, 100.01)).hasMessageContaining("pPercent");
        assertThatThrownBy(() -> Quantiles.percentile(v, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Quantiles.percentiles(v, 50, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pPercents[1] must be in [0, 100] percent: 101.0");
        // p is validated even when there is no data: a wrong p is a programming error, not degenerate data.
        assertThatThrownBy(() -> Quantiles.percentile(new double[0], 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.percentile(new int[] {1}, -1, QuantileMethod.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.percentile(new long[] {1}, 101, QuantileMethod.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonFiniteDataNamingTheIndex() {
        assertThatThrownBy(() -> Quantiles.percentile(new double[] {1, Double.NaN}, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[1] is not finite: NaN");
        assertThatThrownBy(() -> Quantiles.median(new double[] {Double.NEGATIVE_INFINITY}))
                .hasMessage("values[0] is not finite: -Infinity");
    }

    @Test
    void severalPercentilesAtOnceEqualOneByOne() {
        double[] v = {5, 1, 4, 2, 3};
        // Sorted 1..5, h = 4q: p10 → 1.4, p50 → 3, p90 → 4.6 (by hand).
        assertThat(Quantiles.percentiles(v, 10, 50, 90)).containsExactly(1.4, 3.0, 4.6);
        assertThat(Quantiles.percentiles(v, QuantileMethod.INVERTED_CDF, 50)).containsExactly(3.0);
        assertThat(Quantiles.percentiles(v)).isEmpty();
        assertThat(v).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void integerAndLongData() {
        // Token counts 100, 101, 103, 110: h = 3 · 0.5 = 1.5 → 101 + 0.5 · 2 = 102 (by hand).
        int[] tokens = {110, 100, 103, 101};
        assertThat(Quantiles.percentile(tokens, 50, QuantileMethod.LINEAR)).isEqualTo(102.0);
        assertThat(tokens).containsExactly(110, 100, 103, 101);
        long[] nanos = {3_000_000_000L, 1_000_000_000L, 2_000_000_000L};
        assertThat(Quantiles.percentile(nanos, 75, QuantileMethod.LINEAR)).isEqualTo(2.5e9);
        assertThat(nanos).containsExactly(3_000_000_000L, 1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void methodsKnowTheirNumpyNamesAndTypes() {
        assertThat(QuantileMethod.defaultMethod()).isEqualTo(QuantileMethod.LINEAR);
        assertThat(QuantileMethod.LINEAR.hyndmanFanType()).isEqualTo(7);
        assertThat(QuantileMethod.LINEAR.numpyName()).isEqualTo("linear");
        assertThat(QuantileMethod.values())
                .extracting(QuantileMethod::hyndmanFanType)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
