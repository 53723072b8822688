package io.github.tokjoule.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    private static final double[] D = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void studentTMatchesScipy() {
        // python3 -c 'from scipy import stats; import numpy as np; D=[2,4,4,4,5,5,7,9];
        //   print(stats.t.interval(0.95, 7, loc=np.mean(D), scale=np.std(D, ddof=1)/np.sqrt(8)))'
        // -> (3.21251208176379, 6.787487918236209)
        // By hand: mean 5, s = sqrt(32/7) = 2.13809, t(0.975, 7) = 2.364624, half = 2.364624 · 2.13809 / sqrt(8)
        //   = 1.787488.
        ConfidenceInterval ci = ConfidenceInterval.studentTMean(D, 0.95);
        assertThat(ci.estimate()).isEqualTo(5.0);
        assertThat(ci.lower()).isCloseTo(3.21251208176379, within(1e-9));
        assertThat(ci.upper()).isCloseTo(6.787487918236209, within(1e-9));
        assertThat(ci.halfWidth()).isCloseTo(1.787487918236209, within(1e-9));
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.contains(5)).isTrue();
        assertThat(ci.contains(7)).isFalse();
        assertThat(ci.contains(3)).isFalse();
        // python3 -c '... stats.t.interval(0.90, 7, ...)' -> (3.5678331919051978, 6.432166808094802)
        ConfidenceInterval ci90 = ConfidenceInterval.studentTMean(D, 0.90);
        assertThat(ci90.lower()).isCloseTo(3.5678331919051978, within(1e-9));
        assertThat(ci90.upper()).isCloseTo(6.432166808094802, within(1e-9));
        // Two values: python3 -c 'from scipy import stats; print(stats.t.interval(0.95, 1, loc=2.0,
        //   scale=0.7071067811865476/1.4142135623730951))' -> (-4.353102368087347, 8.353102368087347)
        ConfidenceInterval two = ConfidenceInterval.studentTMean(new double[] {1.5, 2.5}, 0.95);
        assertThat(two.lower()).isCloseTo(-4.353102368087347, within(1e-9));
        assertThat(two.upper()).isCloseTo(8.353102368087347, within(1e-9));
    }

    @Test
    void seed002FiftySamplesPlusMinusThree() {
        // Seed 002: "~85 tok/s decode, measured across 50 samples, 95% CI ±3 tok/s". Half-width
        // = t(0.975, 49) · s / sqrt(50); t(0.975, 49) = 2.0095752371292392 (scipy: stats.t.ppf(0.975, 49)).
        // 25 values at 85 − a and 25 at 85 + a have s = a · sqrt(50/49), so half = 2.0095752 · a / 7. For ±3 tok/s,
        // a = 21 / 2.0095752371292392 = 10.449970...
        double a = 21 / 2.0095752371292392;
        double[] tokS = new double[50];
        for (int i = 0; i < 50; i++) {
            tokS[i] = i % 2 == 0 ? 85 - a : 85 + a;
        }
        ConfidenceInterval ci = ConfidenceInterval.studentTMean(tokS, 0.95);
        assertThat(ci.estimate()).isCloseTo(85, within(1e-12));
        assertThat(ci.halfWidth()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void degenerateSamples() {
        ConfidenceInterval none = ConfidenceInterval.studentTMean(new double[0], 0.95);
        assertThat(none.estimate()).isNaN();
        assertThat(none.lower()).isNaN();
        assertThat(none.upper()).isNaN();
        assertThat(none.halfWidth()).isNaN();
        assertThat(none.contains(0)).isFalse();
        ConfidenceInterval one = ConfidenceInterval.studentTMean(new double[] {4.2}, 0.95);
        assertThat(one.estimate()).isEqualTo(4.2);
        assertThat(one.lower()).isNaN();
        ConfidenceInterval same = ConfidenceInterval.studentTMean(new double[] {3, 3, 3}, 0.95);
        assertThat(same.lower()).isEqualTo(3);
        assertThat(same.upper()).isEqualTo(3);

        ConfidenceInterval bNone = ConfidenceInterval.bootstrapMedian(new double[0], 0.95, 100, 1);
        assertThat(bNone.estimate()).isNaN();
        assertThat(bNone.lower()).isNaN();
        ConfidenceInterval bOne = ConfidenceInterval.bootstrapMedian(new double[] {4.2}, 0.95, 100, 1);
        assertThat(bOne.estimate()).isEqualTo(4.2);
        assertThat(bOne.lower()).isEqualTo(4.2);
        assertThat(bOne.upper()).isEqualTo(4.2);
    }

    @Test
    void bootstrapIsDeterministicAndAgreesWithASortBasedReference() {
        double[] v = {412.5, 398.1, 405.7, 1020.3, 401.2, 399.9, 404.4, 403.3, 397.6, 410.0};
        double[] before = v.clone();
        ConfidenceInterval a = ConfidenceInterval.bootstrapMedian(v, 0.95, 2000, 42);
        ConfidenceInterval b = ConfidenceInterval.bootstrapMedian(v, 0.95, 2000, 42);
        assertThat(a).isEqualTo(b);
        assertThat(v).containsExactly(before);
        // Median of the sorted data (397.6 398.1 399.9 401.2 403.3 | 404.4 405.7 410.0 412.5 1020.3): 403.85.
        assertThat(a.estimate()).isCloseTo(403.85, within(1e-12));
        double[] ref = slowBootstrap(v, 0.95, 2000, 42);
        assertThat(a.lower()).isCloseTo(ref[0], within(1e-9));
        assertThat(a.upper()).isCloseTo(ref[1], within(1e-9));
        assertThat(a.lower()).isLessThanOrEqualTo(a.estimate());
        assertThat(a.upper()).isGreaterThanOrEqualTo(a.estimate());
        assertThat(a.lower()).isGreaterThanOrEqualTo(397.6);
        assertThat(a.upper()).isLessThanOrEqualTo(1020.3);
        assertThat(ConfidenceInterval.bootstrapMedian(v, 0.95, 2000, 43)).isNotEqualTo(a);
    }

    /** The documented algorithm, written out with full sorts. */
    static double[] slowBootstrap(double[] values, double level, int resamples, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n = values.length;
        double[] medians = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = values[r.nextInt(n)];
            }
            medians[b] = sortedLinear(d, 0.5);
        }
        double alpha = 1 - level;
        return new double[] {sortedLinear(medians, alpha / 2), sortedLinear(medians, 1 - alpha / 2)};
    }

    /** Hyndman–Fan 7 on a sorted copy: h = (n − 1)q, interpolate between floor(h) and floor(h) + 1. */
    static double sortedLinear(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> ConfidenceInterval.studentTMean(D, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), e.g. 0.95: 1.0");
        assertThatThrownBy(() -> ConfidenceInterval.studentTMean(D, 0)).hasMessageContaining("level");
        assertThatThrownBy(() -> ConfidenceInterval.studentTMean(D, Double.NaN)).hasMessageContaining("level");
        assertThatThrownBy(() -> ConfidenceInterval.studentTMean(new double[] {Double.NaN}, 0.9))
                .hasMessage("values[0] is not finite: NaN");
        assertThatThrownBy(() -> ConfidenceInterval.bootstrapMedian(D, 0.95, 0, 1))
                .hasMessage("resamples must be at least 1: 0");
        assertThatThrownBy(() -> ConfidenceInterval.bootstrapMedian(D, 95, 10, 1))
                .hasMessageContaining("level");
        assertThatThrownBy(() -> new ConfidenceInterval(1, 2, 1, 0.95))
                .hasMessage("lower (2.0) is greater than upper (1.0)");
        assertThatThrownBy(() -> new ConfidenceInterval(Double.POSITIVE_INFINITY, 0, 1, 0.95))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new ConfidenceInterval(0, Double.NEGATIVE_INFINITY, 1, 0.95))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new ConfidenceInterval(0, 0, Double.POSITIVE_INFINITY, 0.95))
                .hasMessageContaining("finite");
    }
}
