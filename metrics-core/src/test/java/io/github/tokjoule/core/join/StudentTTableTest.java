package io.github.tokjoule.core.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Every entry of the generated table is the library's own quantile, bit for bit, and they fall with the degrees. */
class StudentTTableTest {

    @Test
    void everyEntryIsTheLibrarysQuantile() {
        assertThat(StudentTTable.Q975).hasSize(1024);
        for (int df = 1; df <= StudentTTable.Q975.length; df++) {
            double library = TDistribution.of(df).inverseCumulativeProbability(0.975);
            assertThat(Double.doubleToRawLongBits(StudentTTable.Q975[df - 1]))
                    .as("df %d: table %s, library %s", df, StudentTTable.Q975[df - 1], library)
                    .isEqualTo(Double.doubleToRawLongBits(library));
            if (df > 1) {
                assertThat(StudentTTable.Q975[df - 1]).isLessThan(StudentTTable.Q975[df - 2]);
            }
        }
    }
}
