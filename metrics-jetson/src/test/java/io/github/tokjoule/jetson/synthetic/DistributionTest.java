package io.github.tokjoule.jetson.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void numpyLinearPercentilesMeanAndPopulationStd() {
        Distribution d = new Distribution(new double[] {4, 1, 3, 2});
        // sorted 1 2 3 4; p50: h = 3 · 0.5 = 1.5 → 2 + 0.5 · 1 = 2.5
        assertThat(d.percentile(50)).isEqualTo(2.5);
        // p90: h = 2.7 → 3 + 0.7 · 1 = 3.7
        assertThat(d.percentile(90)).isCloseTo(3.7, within(1e-12));
        assertThat(d.percentile(100)).isEqualTo(4);
        assertThat(d.percentile(0)).isEqualTo(1);
        assertThat(d.mean()).isEqualTo(2.5);
        // deviations² 2.25 0.25 0.25 2.25 → /4 = 1.25
        assertThat(d.std()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(d.sum()).isEqualTo(10);
        assertThat(d.count()).isEqualTo(4);
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.max()).isEqualTo(4);
    }

    @Test
    void singleValue() {
        Distribution d = new Distribution(new double[] {7});
        assertThat(d.percentile(99)).isEqualTo(7);
        assertThat(d.std()).isZero();
        assertThatThrownBy(() -> new Distribution(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreMonotoneAndBounded() {
        qt().forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 50))
                .checkAssert((List<Double> values) -> {
                    Distribution d = new Distribution(
                            values.stream().mapToDouble(Double::doubleValue).toArray());
                    double previous = d.min();
                    for (double p : Distribution.PERCENTS) {
                        double q = d.percentile(p);
                        assertThat(q).isBetween(previous, d.max());
                        previous = q;
                    }
                });
    }
}
