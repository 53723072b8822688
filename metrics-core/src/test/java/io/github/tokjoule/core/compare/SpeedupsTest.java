package io.github.tokjoule.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedupsTest {

    // Three cells, keyed by "ctx/gen". Mode A is faster than B.
    private static final Map<String, Double> A = Map.of("128/64", 200.0, "512/64", 100.0, "2048/256", 50.0);
    private static final Map<String, Double> B = Map.of("128/64", 100.0, "512/64", 80.0, "2048/256", 25.0);

    @Test
    void directionDecidesWhichWayTheRatioGoes() {
        assertThat(MetricDirection.HIGHER_IS_BETTER.speedup(150, 100)).isEqualTo(1.5);
        assertThat(MetricDirection.LOWER_IS_BETTER.speedup(300, 450)).isEqualTo(1.5); // TTFT 450 → 300 ms
        assertThat(Speedups.ratio(150, 100, MetricDirection.HIGHER_IS_BETTER)).isEqualTo(1.5);
        assertThat(MetricDirection.HIGHER_IS_BETTER.isBetter(2, 1)).isTrue();
        assertThat(MetricDirection.LOWER_IS_BETTER.isBetter(2, 1)).isFalse();
        assertThat(MetricDirection.LOWER_IS_BETTER.isBetter(1, 2)).isTrue();
        assertThatThrownBy(() -> MetricDirection.HIGHER_IS_BETTER.speedup(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be positive and finite for a speedup: 0.0");
        assertThatThrownBy(() -> MetricDirection.LOWER_IS_BETTER.speedup(1, Double.NaN))
                .hasMessage("baseline must be positive and finite for a speedup: NaN");
    }

    @Test
    void theFourMethodsByHand() {
        // CANONICAL_CELL at 2048/256: 50 / 25 = 2.
        assertThat(Speedups.canonicalCell("2048/256", MetricDirection.HIGHER_IS_BETTER)
                        .speedup(A, B))
                .isEqualTo(2.0);
        // RATIO_OF_MEANS: mean A = 350/3, mean B = 205/3 → 350/205 = 1.707317.
        assertThat(Speedups.<String>of(SpeedupMethod.RATIO_OF_MEANS, MetricDirection.HIGHER_IS_BETTER)
                        .speedup(A, B))
                .isCloseTo(350.0 / 205, within(1e-12));
        // RATIO_OF_MEDIANS: median A = 100, median B = 80 → 1.25.
        assertThat(Speedups.<String>of(SpeedupMethod.RATIO_OF_MEDIANS, MetricDirection.HIGHER_IS_BETTER)
                        .speedup(A, B))
                .isEqualTo(1.25);
        // GEOMETRIC_MEAN_OF_RATIOS: ratios 2, 1.25, 2 → (2 · 1.25 · 2)^(1/3) = 5^(1/3) = 1.709976.
        assertThat(Speedups.<String>of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER)
                        .speedup(A, B))
                .isCloseTo(Math.cbrt(5), within(1e-12));
        // Latency-like: A's latencies are B's speeds read as ms; lower is better, so B/A.
        assertThat(Speedups.<String>of(SpeedupMethod.RATIO_OF_MEANS, MetricDirection.LOWER_IS_BETTER)
                        .speedup(B, A))
                .isCloseTo(350.0 / 205, within(1e-12));
    }

    @Test
    void onlyCommonCellsWithValuesCount() {
        Map<String, Double> a = new LinkedHashMap<>(A);
        a.put("1024/128", 10.0); // not in B: ignored
        Map<String, Double> b = new LinkedHashMap<>(B);
        b.put("512/64", Double.NaN); // failed cell: ignored
        // Means over 128/64 and 2048/256 only: (200 + 50) / (100 + 25) = 2.
        assertThat(Speedups.<String>of(SpeedupMethod.RATIO_OF_MEANS, MetricDirection.HIGHER_IS_BETTER)
                        .speedup(a, b))
                .isEqualTo(2.0);
        Speedups<String> g = Speedups.of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER);
        assertThat(g.speedup(Map.of("x", 1.0), Map.of("y", 1.0))).isNaN();
        assertThat(g.speedup(Map.of(), B)).isNaN();
        Speedups<String> c = Speedups.canonicalCell("2048/256", MetricDirection.HIGHER_IS_BETTER);
        assertThat(c.speedup(Map.of("128/64", 1.0), B)).isNaN();
        assertThat(c.speedup(A, Map.of())).isNaN();
        assertThat(c.speedup(Map.of("2048/256", Double.NaN), B)).isNaN();
        assertThat(c.speedup(A, Map.of("2048/256", Double.NaN))).isNaN();
        assertThat(g.speedup(Map.of("x", 1.0), Map.of("x", Double.NaN))).isNaN();
    }

    @Test
    void invalidValuesNameTheCell() {
        Speedups<String> g = Speedups.of(SpeedupMethod.GEOMETRIC_MEAN_OF_RATIOS, MetricDirection.HIGHER_IS_BETTER);
        assertThatThrownBy(() -> g.speedup(Map.of("ctx128", 0.0), Map.of("ctx128", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mode value at cell ctx128 must be positive and finite for a speedup: 0.0");
        assertThatThrownBy(() -> g.speedup(Map.of("ctx128", 1.0), Map.of("ctx128", Double.POSITIVE_INFINITY)))
                .hasMessage("baseline value at cell ctx128 must be positive and finite for a speedup: Infinity");
        Speedups<String> c = Speedups.canonicalCell("k", MetricDirection.HIGHER_IS_BETTER);
        assertThatThrownBy(() -> c.speedup(Map.of("k", -1.0), Map.of("k", 1.0))).hasMessageContaining("cell k");
        assertThatThrownBy(() -> Speedups.of(SpeedupMethod.CANONICAL_CELL, MetricDirection.HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Speedups.canonicalCell(key, direction)");
    }

    @Test
    void matrixPairsAndSeedPairs() {
        Map<String, Map<String, Double>> byMode = new LinkedHashMap<>();
        byMode.put("7W", Map.of("c", 10.0));
        byMode.put("15W", Map.of("c", 20.0));
        byMode.put("25W", Map.of("c", 30.0));
        byMode.put("MAXN", Map.of("c", 33.0));
        Speedups<String> s = Speedups.canonicalCell("c", MetricDirection.HIGHER_IS_BETTER);
        SpeedupMatrix m = s.matrix(byMode);
        assertThat(m.labels()).containsExactly("7W", "15W", "25W", "MAXN");
        assertThat(m.speedup("25W", "15W")).isEqualTo(1.5);
        assertThat(m.speedup("15W", "25W")).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.speedup("MAXN", "MAXN")).isEqualTo(1.0);
        assertThat(m.method()).isEqualTo(SpeedupMethod.CANONICAL_CELL);
        assertThat(m.direction()).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        // Seed order: 25W/15W, MAXN/15W, 15W/7W, 25W/7W, MAXN/7W, MAXN/25W.
        Map<ModePair, Double> six = s.seedPairs(byMode);
        assertThat(six.keySet())
                .extracting(ModePair::toString)
                .containsExactly("25W/15W", "MAXN/15W", "15W/7W", "25W/7W", "MAXN/7W", "MAXN/25W");
        assertThat(six.values()).containsExactly(1.5, 1.65, 2.0, 3.0, 3.3, 1.1);
        assertThat(m.speedups(ModePair.seedPairs())).containsExactlyElementsOf(six.values());
        // Different labels, a missing mode → NaN.
        Map<ModePair, Double> renamed = s.pairs(ModePair.seedPairs("7W", "15W", "25W", "MAXN_SUPER"), byMode);
        assertThat(renamed.get(ModePair.of("MAXN_SUPER", "15W"))).isNaN();
        SpeedupMatrix withMissing = s.matrix(List.of("15W", "OFF"), byMode);
        assertThat(withMissing.speedup("OFF", "15W")).isNaN();
        assertThat(withMissing.toString()).contains("15W\t1.00\tNaN");
        assertThatThrownBy(() -> m.speedup("10W", "15W"))
                .hasMessage("mode label '10W' is not one of [7W, 15W, 25W, MAXN]");
        assertThatThrownBy(() -> m.speedup("15W", "1W")).hasMessageContaining("baseline label '1W'");
        assertThatThrownBy(() -> s.matrix(List.of("7W", "7W"), byMode)).hasMessage("mode label repeats: 7W");
        assertThat(s.toString()).isEqualTo("Speedups{CANONICAL_CELL, HIGHER_IS_BETTER, cell c}");
        assertThat(Speedups.of(SpeedupMethod.RATIO_OF_MEANS, MetricDirection.LOWER_IS_BETTER)
                        .toString())
                .isEqualTo("Speedups{RATIO_OF_MEANS, LOWER_IS_BETTER}");
        assertThat(s.method()).isEqualTo(SpeedupMethod.CANONICAL_CELL);
        assertThat(s.direction()).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
    }

    @Test
    void matrixValueSemantics() {
        double[][] v = {{1, 2}, {0.5, 1}};
        SpeedupMatrix a =
                SpeedupMatrix.of(List.of("x", "y"), v, SpeedupMethod.RATIO_OF_MEANS, MetricDirection.HIGHER_IS_BETTER);
        v[0][1] = 99; // copied
        assertThat(a.speedup("x", "y")).isEqualTo(2);
        SpeedupMatrix b = SpeedupMatrix.of(
                List.of("x", "y"),
                new double[][] {{1, 2}, {0.5, 1}},
                SpeedupMethod.RATIO_OF_MEANS,
                MetricDirection.HIGHER_IS_BETTER);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a).isNotEqualTo("x");
        assertThat(a)
                .isNotEqualTo(SpeedupMatrix.of(
                        List.of("x", "y"),
                        new double[][] {{1, 2}, {0.5, 1}},
                        SpeedupMethod.RATIO_OF_MEDIANS,
                        MetricDirection.HIGHER_IS_BETTER));
        assertThat(a)
                .isNotEqualTo(SpeedupMatrix.of(
                        List.of("x", "y"),
                        new double[][] {{1, 2}, {0.5, 1}},
                        SpeedupMethod.RATIO_OF_MEANS,
                        MetricDirection.LOWER_IS_BETTER));
        assertThat(a)
                .isNotEqualTo(SpeedupMatrix.of(
                        List.of("x", "z"),
                        new double[][] {{1, 2}, {0.5, 1}},
                        SpeedupMethod.RATIO_OF_MEANS,
                        MetricDirection.HIGHER_IS_BETTER));
        assertThat(a)
                .isNotEqualTo(SpeedupMatrix.of(
                        List.of("x", "y"),
                        new double[][] {{1, 3}, {0.5, 1}},
                        SpeedupMethod.RATIO_OF_MEANS,
                        MetricDirection.HIGHER_IS_BETTER));
        assertThatThrownBy(() -> SpeedupMatrix.of(
                        List.of("x"),
                        new double[][] {{1}, {1}},
                        SpeedupMethod.RATIO_OF_MEANS,
                        MetricDirection.HIGHER_IS_BETTER))
                .hasMessage("values has 2 rows for 1 labels");
        assertThatThrownBy(() -> SpeedupMatrix.of(
                        List.of("x"),
                        new double[][] {{1, 2}},
                        SpeedupMethod.RATIO_OF_MEANS,
                        MetricDirection.HIGHER_IS_BETTER))
                .hasMessage("values row 0 has 2 columns for 1 labels");
        assertThatThrownBy(() -> ModePair.of(" ", "15W")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModePair.of("25W", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
