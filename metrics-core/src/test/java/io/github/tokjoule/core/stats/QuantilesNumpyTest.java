package io.github.tokjoule.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reference values from numpy 2.4.6 ({@code np.percentile}, default method {@code 'linear'} = Hyndman–Fan 7). Each
 * expected value carries the exact command that printed it.
 */
class QuantilesNumpyTest {

    /**
     * Twenty TTFT-like values in ms with one outlier. numpy commands below use {@code LAT} defined as: {@code LAT =
     * [412.5, 398.1, 405.7, 1020.3, 401.2, 399.9, 404.4, 403.3, 397.6, 410.0, 402.8, 400.5, 406.6, 399.0, 408.8,
     * 401.9, 403.0, 400.1, 398.8, 405.2]}.
     */
    private static final double[] LAT = {
        412.5, 398.1, 405.7, 1020.3, 401.2, 399.9, 404.4, 403.3, 397.6, 410.0, 402.8, 400.5, 406.6, 399.0, 408.8, 401.9,
        403.0, 400.1, 398.8, 405.2
    };

    private static void ref(double expected, double p, double... values) {
        double[] before = values.clone();
        double actual = Quantiles.percentile(values, p);
        assertThat(actual)
                .as("np.percentile(%s, %s)", Arrays.toString(values), p)
                .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        assertThat(values).as("input not mutated").containsExactly(before);
    }

    @Test
    void linearMatchesNumpyDefault() {
        // python3 -c 'import numpy as np; print(np.percentile([1, 2, 3, 4], 50))'  -> 2.5
        ref(2.5, 50, 1, 2, 3, 4);
        // python3 -c 'import numpy as np; print(np.percentile([1, 2, 3, 4], 0))'  -> 1.0   (p = 0 is the minimum)
        ref(1.0, 0, 1, 2, 3, 4);
        // python3 -c 'import numpy as np; print(np.percentile([1, 2, 3, 4], 100))'  -> 4.0   (p = 100 is the maximum)
        ref(4.0, 100, 1, 2, 3, 4);
        // python3 -c 'import numpy as np; print(np.percentile([7.5], 37))'  -> 7.5   (n = 1)
        ref(7.5, 37, 7.5);
        // python3 -c 'import numpy as np; print(np.percentile([7.5], 0))'  -> 7.5
        ref(7.5, 0, 7.5);
        // python3 -c 'import numpy as np; print(np.percentile([7.5], 100))'  -> 7.5
        ref(7.5, 100, 7.5);
        // python3 -c 'import numpy as np; print(np.percentile([3, 1], 25))'  -> 1.5   (n = 2, unsorted)
        ref(1.5, 25, 3, 1);
        // python3 -c 'import numpy as np; print(np.percentile([3, 1], 90))'  -> 2.8
        ref(2.8, 90, 3, 1);
        // python3 -c 'import numpy as np; print(np.percentile([3, 1], 50))'  -> 2.0
        ref(2.0, 50, 3, 1);
        // python3 -c 'import numpy as np; print(np.percentile([2, 2, 2, 5, 5, 9], 50))'  -> 3.5   (ties)
        ref(3.5, 50, 2, 2, 2, 5, 5, 9);
        // python3 -c 'import numpy as np; print(np.percentile([2, 2, 2, 5, 5, 9], 40))'  -> 2.0
        ref(2.0, 40, 2, 2, 2, 5, 5, 9);
        // python3 -c 'import numpy as np; print(np.percentile([2, 2, 2, 5, 5, 9], 75))'  -> 5.0
        ref(5.0, 75, 2, 2, 2, 5, 5, 9);
        // python3 -c 'import numpy as np; print(np.percentile([4, 4, 4, 4], 63))'  -> 4.0   (all tied)
        ref(4.0, 63, 4, 4, 4, 4);
        // python3 -c 'import numpy as np; print(np.percentile([10, 3, 7, 3, 1], 10))'  -> 1.8
        ref(1.8, 10, 10, 3, 7, 3, 1);
        // python3 -c 'import numpy as np; print(repr(np.percentile([10, 3, 7, 3, 1], 99)))'  -> 9.879999999999999
        ref(9.879999999999999, 99, 10, 3, 7, 3, 1);
        // python3 -c 'import numpy as np; print(repr(np.percentile([-5, -1, 0, 2.5], 33.3)))'  -> -1.0040000000000004
        ref(-1.0040000000000004, 33.3, -5, -1, 0, 2.5);
        // python3 -c 'import numpy as np; print(np.percentile([0.1, 0.2, 0.3], 50))'  -> 0.2
        ref(0.2, 50, 0.1, 0.2, 0.3);
    }

    @Test
    void linearMatchesNumpyOnLatencies() {
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 1)))'  -> 397.69500000000005
        ref(397.69500000000005, 1, LAT);
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 5)))'  -> 398.07500000000005
        ref(398.07500000000005, 5, LAT);
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 50)))'  -> 402.9
        ref(402.9, 50, LAT);
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 90)))'  -> 410.25
        ref(410.25, 90, LAT);
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 95)))'  -> 442.89000000000044
        ref(442.89000000000044, 95, LAT);
        // python3 -c 'import numpy as np; LAT=[...]; print(repr(np.percentile(LAT, 99)))'  -> 904.8179999999992
        ref(904.8179999999992, 99, LAT);
    }

    /**
     * Every method against numpy. Rows are percentiles; columns follow {@link QuantileMethod#values()} (types 1 to
     * 9). Produced by: {@code python3 -c "import numpy as np; ms=['inverted_cdf','averaged_inverted_cdf',
     * 'closest_observation','interpolated_inverted_cdf','hazen','weibull','linear','median_unbiased',
     * 'normal_unbiased']; [print(p, [float(np.percentile(D, p, method=m)) for m in ms]) for p in (0, 10, 25, 40, 50,
     * 62.5, 90, 100)]"} with {@code D} the data named in each test.
     */
    private static void allMethods(double[] data, double p, double... expectedByType) {
        QuantileMethod[] methods = QuantileMethod.values();
        for (int i = 0; i < methods.length; i++) {
            double actual = Quantiles.percentile(data, p, methods[i]);
            assertThat(actual)
                    .as("%s (numpy method=%s) at p=%s", methods[i], methods[i].numpyName(), p)
                    .isCloseTo(expectedByType[i], within(1e-12 * Math.max(1, Math.abs(expectedByType[i]))));
        }
    }

    @Test
    void everyHyndmanFanMethodMatchesNumpyOnEightValues() {
        double[] d = {3, 1, 4, 1, 5, 9, 2, 6}; // D = [3, 1, 4, 1, 5, 9, 2, 6]
        allMethods(d, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        allMethods(d, 10, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        allMethods(d, 25, 1.0, 1.5, 1.0, 1.0, 1.5, 1.25, 1.75, 1.4166666666666665, 1.4375);
        allMethods(d, 40, 3.0, 3.0, 2.0, 2.2, 2.7, 2.6, 2.8000000000000003, 2.666666666666667, 2.6750000000000003);
        allMethods(d, 50, 3.0, 3.5, 3.0, 3.0, 3.5, 3.5, 3.5, 3.5, 3.5);
        allMethods(d, 62.5, 4.0, 4.5, 4.0, 4.0, 4.5, 4.625, 4.375, 4.541666666666667, 4.53125);
        allMethods(
                d,
                90,
                9.0,
                9.0,
                6.0,
                6.6000000000000005,
                8.100000000000001,
                9.0,
                6.8999999999999995,
                8.500000000000002,
                8.399999999999999);
        allMethods(d, 100, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0);
    }

    @Test
    void everyHyndmanFanMethodMatchesNumpyOnFiveValues() {
        double[] d = {10, 20, 30, 40, 50}; // D = [10, 20, 30, 40, 50]
        allMethods(d, 0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0);
        allMethods(d, 10, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 14.0, 10.0, 10.0);
        allMethods(d, 25, 20.0, 20.0, 10.0, 12.5, 17.5, 15.0, 20.0, 16.666666666666668, 16.875);
        allMethods(d, 40, 20.0, 25.0, 20.0, 20.0, 25.0, 24.0, 26.0, 24.666666666666668, 24.75);
        allMethods(d, 50, 30.0, 30.0, 20.0, 25.0, 30.0, 30.0, 30.0, 30.0, 30.0);
        allMethods(d, 62.5, 40.0, 40.0, 30.0, 31.25, 36.25, 37.5, 35.0, 36.66666666666667, 36.5625);
        allMethods(d, 90, 50.0, 50.0, 40.0, 45.0, 50.0, 50.0, 46.0, 50.0, 50.0);
        allMethods(d, 100, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0);
    }
}
