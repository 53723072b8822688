package io.github.tokjoule.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class StatsPropertiesTest {

    /** Samples of 1 to 40 values: either small integers (many ties) or spread-out doubles. */
    static Gen<double[]> samples() {
        Gen<Double> tied = integers().between(-5, 5).map(i -> (double) i);
        Gen<Double> spread = doubles().between(-1e4, 1e4);
        Gen<List<Double>> ties = lists().of(tied).ofSizeBetween(1, 40);
        Gen<List<Double>> spreads = lists().of(spread).ofSizeBetween(1, 40);
        return ties.mix(spreads)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Gen<QuantileMethod> methods() {
        return integers().between(0, 8).map(i -> QuantileMethod.values()[i]);
    }

    private static double tolerance(double[] v) {
        double span = Arrays.stream(v).map(Math::abs).max().orElse(1);
        return 1e-9 * Math.max(1, span);
    }

    @Test
    void quantilesAreMonotoneInP() {
        qt().withExamples(400)
                .forAll(samples(), doubles().between(0, 100), doubles().between(0, 100), methods())
                .checkAssert((v, a, b, m) -> {
                    double lo = Math.min(a, b);
                    double hi = Math.max(a, b);
                    assertThat(Quantiles.percentile(v, lo, m)).isLessThanOrEqualTo(Quantiles.percentile(v, hi, m));
                });
    }

    @Test
    void quantilesAreBoundedByMinAndMaxAndHitThemAtTheEnds() {
        qt().withExamples(400)
                .forAll(samples(), doubles().between(0, 100), methods())
                .checkAssert((v, p, m) -> {
                    double min = Arrays.stream(v).min().getAsDouble();
                    double max = Arrays.stream(v).max().getAsDouble();
                    assertThat(Quantiles.percentile(v, p, m)).isBetween(min, max);
                    assertThat(Quantiles.percentile(v, 0, m)).isEqualTo(min);
                    assertThat(Quantiles.percentile(v, 100, m)).isEqualTo(max);
                });
    }

    @Test
    void quantilesAreInvariantUnderPermutation() {
        qt().withExamples(300)
                .forAll(samples(), doubles().between(0, 100), methods(), longs().all())
                .checkAssert((v, p, m, seed) -> {
                    double[] shuffled = v.clone();
                    Random r = new Random(seed);
                    for (int i = shuffled.length - 1; i > 0; i--) {
                        int j = r.nextInt(i + 1);
                        double t = shuffled[i];
                        shuffled[i] = shuffled[j];
                        shuffled[j] = t;
                    }
                    assertThat(Quantiles.percentile(shuffled, p, m)).isEqualTo(Quantiles.percentile(v, p, m));
                });
    }

    @Test
    void quantilesEqualASlowSortBasedReferenceForEveryMethod() {
        qt().withExamples(500)
                .forAll(samples(), doubles().between(0, 100), methods())
                .checkAssert((v, p, m) -> {
                    double expected = SlowQuantile.of(v, p / 100, m.hyndmanFanType());
                    assertThat(Quantiles.percentile(v, p, m))
                            .as("%s p=%s of %s", m, p, Arrays.toString(v))
                            .isCloseTo(expected, within(tolerance(v)));
                });
    }

    @Test
    void intAndLongOverloadsAgreeWithDoubles() {
        qt().withExamples(200)
                .forAll(
                        lists().of(integers().between(-1000, 1000)).ofSizeBetween(1, 30),
                        doubles().between(0, 100))
                .checkAssert((l, p) -> {
                    int[] ints = l.stream().mapToInt(Integer::intValue).toArray();
                    long[] longs = l.stream().mapToLong(Integer::longValue).toArray();
                    double[] ds = l.stream().mapToDouble(Integer::doubleValue).toArray();
                    double expected = Quantiles.percentile(ds, p);
                    assertThat(Quantiles.percentile(ints, p, QuantileMethod.LINEAR))
                            .isCloseTo(expected, within(1e-9));
                    assertThat(Quantiles.percentile(longs, p, QuantileMethod.LINEAR))
                            .isCloseTo(expected, within(1e-9));
                });
    }

    @Test
    void summaryIsConsistentAndScalesWithTheData() {
        qt().withExamples(300).forAll(samples(), doubles().between(0.001, 1000)).checkAssert((v, c) -> {
            Summary s = Summary.of(v);
            assertThat(s.count()).isEqualTo(v.length);
            assertThat(s.mean()).isBetween(s.min(), s.max());
            assertThat(s.std()).isGreaterThanOrEqualTo(0);
            double[] ps = {
                s.min(), s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95(), s.p99(), s.max()
            };
            for (int i = 1; i < ps.length; i++) {
                assertThat(ps[i]).isGreaterThanOrEqualTo(ps[i - 1]);
            }
            double[] scaled = Arrays.stream(v).map(x -> x * c).toArray();
            Summary t = Summary.of(scaled);
            double tol =
                    1e-9 * Math.max(1, c * Arrays.stream(v).map(Math::abs).max().getAsDouble());
            assertThat(t.mean()).isCloseTo(s.mean() * c, within(tol));
            assertThat(t.std()).isCloseTo(s.std() * c, within(tol));
            assertThat(t.p90()).isCloseTo(s.p90() * c, within(tol));
            assertThat(t.p50()).isCloseTo(s.p50() * c, within(tol));
        });
    }

    @Test
    void confidenceIntervalsAreOrderedAndDeterministic() {
        qt().withExamples(60)
                .forAll(samples(), doubles().between(0.5, 0.99), longs().all())
                .checkAssert((v, level, seed) -> {
                    double min = Arrays.stream(v).min().getAsDouble();
                    double max = Arrays.stream(v).max().getAsDouble();
                    ConfidenceInterval b = ConfidenceInterval.bootstrapMedian(v, level, 200, seed);
                    assertThat(b).isEqualTo(ConfidenceInterval.bootstrapMedian(v, level, 200, seed));
                    assertThat(b.lower()).isBetween(min, max);
                    assertThat(b.upper()).isBetween(b.lower(), max);
                    if (v.length >= 2) {
                        ConfidenceInterval t = ConfidenceInterval.studentTMean(v, level);
                        ConfidenceInterval wider = ConfidenceInterval.studentTMean(v, (level + 1) / 2);
                        assertThat(t.contains(t.estimate())).isTrue();
                        assertThat(t.upper() - t.estimate()).isCloseTo(t.estimate() - t.lower(), within(tolerance(v)));
                        assertThat(wider.halfWidth()).isGreaterThanOrEqualTo(t.halfWidth());
                    }
                });
    }
}
