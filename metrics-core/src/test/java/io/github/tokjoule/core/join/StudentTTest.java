package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchScipy() {
        // python3: from scipy.stats import t; t.ppf(0.975, d) for d in (1, 2, 8, 1024, 2000)
        assertThat(StudentT.quantile975(1)).isCloseTo(12.706204736174694, within(1e-9));
        assertThat(StudentT.quantile975(2)).isCloseTo(4.302652729749462, within(1e-9));
        assertThat(StudentT.quantile975(8)).isCloseTo(2.306004135204166, within(1e-9));
        assertThat(StudentT.quantile975(1024)).isCloseTo(1.9622833497895968, within(1e-9));
        assertThat(StudentT.quantile975(2000)).isCloseTo(1.9611508260994377, within(1e-9));
    }

    @Test
    void aRememberedQuantileIsTheComputedOneAndFallsWithTheDegreesOfFreedom() {
        qt().forAll(integers().between(1, 3000)).checkAssert(d -> {
            double first = StudentT.quantile975(d);
            assertThat(StudentT.quantile975(d)).isEqualTo(first);
            assertThat(first).isEqualTo(TDistribution.of(d).inverseCumulativeProbability(0.975));
            assertThat(StudentT.quantile975(d + 1)).isLessThan(first);
        });
    }
}
