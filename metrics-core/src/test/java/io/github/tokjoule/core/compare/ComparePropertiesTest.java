package io.github.tokjoule.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ComparePropertiesTest {

    /** Two paired series over 1–12 cells (the seed's 12 combinations), positive values. */
    static Gen<List<double[]>> pairedSeries() {
        return lists().of(
                        doubles().between(0.01, 1000).zip(doubles().between(0.01, 1000), (a, b) -> new double[] {a, b}))
                .ofSizeBetween(1, 12);
    }

    static Gen<SpeedupMethod> methods() {
        return integers().between(0, 3).map(i -> SpeedupMethod.values()[i]);
    }

    static Gen<MetricDirection> directions() {
        return integers().between(0, 1).map(i -> MetricDirection.values()[i]);
    }

    private static Speedups<Integer> speedups(SpeedupMethod m, MetricDirection d) {
        return m == SpeedupMethod.CANONICAL_CELL ? Speedups.canonicalCell(0, d) : Speedups.of(m, d);
    }

    private static Map<Integer, Double> column(List<double[]> s, int col) {
        Map<Integer, Double> m = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            m.put(i, s.get(i)[col]);
        }
        return m;
    }

    @Test
    void speedupOfAOverBTimesBOverAIsOne() {
        qt().forAll(pairedSeries(), methods(), directions()).checkAssert((s, m, d) -> {
            Speedups<Integer> sp = speedups(m, d);
            double ab = sp.speedup(column(s, 0), column(s, 1));
            double ba = sp.speedup(column(s, 1), column(s, 0));
            assertThat(ab * ba).isCloseTo(1.0, within(1e-12));
        });
    }

    @Test
    void identicalSeriesHaveSpeedupOneByEveryMethod() {
        qt().forAll(pairedSeries(), methods(), directions()).checkAssert((s, m, d) -> {
            Map<Integer, Double> a = column(s, 0);
            assertThat(speedups(m, d).speedup(a, new HashMap<>(a))).isCloseTo(1.0, within(1e-12));
        });
    }

    @Test
    void scalingTheModeScalesTheSpeedup() {
        qt().forAll(pairedSeries(), methods(), doubles().between(0.1, 10)).checkAssert((s, m, k) -> {
            Speedups<Integer> up = speedups(m, MetricDirection.HIGHER_IS_BETTER);
            Map<Integer, Double> a = column(s, 0);
            Map<Integer, Double> scaled = new HashMap<>();
            a.forEach((key, v) -> scaled.put(key, v * k));
            double base = up.speedup(a, column(s, 1));
            assertThat(up.speedup(scaled, column(s, 1))).isCloseTo(base * k, within(1e-9 * base * k));
            Speedups<Integer> down = speedups(m, MetricDirection.LOWER_IS_BETTER);
            double lat = down.speedup(a, column(s, 1));
            assertThat(down.speedup(scaled, column(s, 1))).isCloseTo(lat / k, within(1e-9 * lat / k));
        });
    }

    @Test
    void geometricMeanLiesBetweenTheSmallestAndLargestCellRatio() {
        qt().forAll(pairedSeries()).checkAssert(s -> {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double[] p : s) {
                lo = Math.min(lo, p[0] / p[1]);
                hi = Math.max(hi, p[0] / p[1]);
            }
            double g = Speedups.<Integer>of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER)
                    .speedup(column(s, 0), column(s, 1));
            assertThat(g).isBetween(lo * (1 - 1e-12), hi * (1 + 1e-12));
        });
    }

    /** Points on a coarse grid so that ties and duplicates are common. */
    static Gen<List<ParetoPoint<Integer>>> points() {
        Gen<Double> coord =
                integers().between(0, 8).map(i -> (double) i).mix(doubles().between(0, 8));
        return lists().of(coord.zip(coord, (x, y) -> new double[] {x, y}))
                .ofSizeBetween(0, 40)
                .map(l -> {
                    List<ParetoPoint<Integer>> ps = new ArrayList<>();
                    for (int i = 0; i < l.size(); i++) {
                        ps.add(new ParetoPoint<>(i, l.get(i)[0], l.get(i)[1]));
                    }
                    return ps;
                });
    }

    @Test
    void paretoMembersAreNonDominatedAndEveryOtherPointIsDominatedByAMember() {
        qt().forAll(points()).checkAssert(ps -> {
            ParetoFront<Integer> f = ParetoFront.ofPoints(ps);
            assertThat(f.members().size() + f.dominated().size()).isEqualTo(ps.size());
            for (ParetoPoint<Integer> m : f.members()) {
                assertThat(ps).noneMatch(q -> q.dominates(m));
            }
            for (ParetoPoint<Integer> d : f.dominated()) {
                assertThat(f.members()).anyMatch(m -> m.dominates(d));
            }
            // Agreement with the O(n²) definition.
            for (ParetoPoint<Integer> p : ps) {
                boolean onFront = ps.stream().noneMatch(q -> q.dominates(p));
                assertThat(f.members().contains(p)).isEqualTo(onFront);
            }
            for (int i = 1; i < f.members().size(); i++) {
                assertThat(f.members().get(i).throughput())
                        .isLessThanOrEqualTo(f.members().get(i - 1).throughput());
            }
        });
    }

    @Test
    void bestOfAgreesWithAStreamMaximum() {
        qt().forAll(lists().of(doubles().between(-100, 100)).ofSizeBetween(1, 30))
                .checkAssert(l -> {
                    double max =
                            l.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
                    Best<Double> b = Best.max(l, Double::doubleValue).orElseThrow();
                    assertThat(b.value()).isEqualTo(max);
                    assertThat(b.item()).isEqualTo(l.get(l.indexOf(max)));
                    double min =
                            l.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
                    assertThat(Best.min(l, Double::doubleValue).orElseThrow().value())
                            .isEqualTo(min);
                });
    }
}
