package io.github.tokjoule.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    record P(String label, double tokS, double tokJ) {}

    @Test
    void frontByHand() {
        List<P> ps = List.of(
                new P("a", 10, 1), // dominated by c (more of both)
                new P("b", 5, 9), // best efficiency: on the front
                new P("c", 12, 3), // on the front
                new P("d", 20, 2), // best throughput: on the front
                new P("e", 12, 2), // same throughput as c, less efficient: dominated by c
                new P("f", 5, 9)); // identical to b: both on the front
        ParetoFront<P> f = ParetoFront.of(ps, P::tokS, P::tokJ);
        assertThat(f.members()).extracting(p -> p.item().label()).containsExactly("d", "c", "b", "f");
        assertThat(f.dominated()).extracting(p -> p.item().label()).containsExactly("a", "e");
        assertThat(f.points()).hasSize(6);
        assertThat(f.isMember(ps.get(1))).isTrue();
        assertThat(f.isMember(ps.get(0))).isFalse();
        assertThat(f.toString())
                .startsWith("ParetoFront{members=[ParetoPoint[item=P[label=d")
                .endsWith("dominated=2}");
    }

    @Test
    void equalEfficiencyAtLowerThroughputIsDominated() {
        // (10, 5) dominates (8, 5): equal efficiency, strictly more throughput.
        ParetoFront<String> f =
                ParetoFront.ofPoints(List.of(new ParetoPoint<>("x", 8, 5), new ParetoPoint<>("y", 10, 5)));
        assertThat(f.members()).extracting(ParetoPoint::item).containsExactly("y");
        assertThat(ParetoFront.ofPoints(List.<ParetoPoint<String>>of()).members())
                .isEmpty();
    }

    @Test
    void dominance() {
        ParetoPoint<String> a = new ParetoPoint<>("a", 2, 2);
        assertThat(a.dominates(new ParetoPoint<>("b", 1, 2))).isTrue();
        assertThat(a.dominates(new ParetoPoint<>("b", 2, 1))).isTrue();
        assertThat(a.dominates(new ParetoPoint<>("b", 2, 2))).isFalse();
        assertThat(a.dominates(new ParetoPoint<>("b", 3, 1))).isFalse();
        assertThat(a.dominates(new ParetoPoint<>("b", 1, 3))).isFalse();
        assertThatThrownBy(() -> new ParetoPoint<>("failed cell", Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throughput and efficiency must be finite: NaN, 1.0 (item failed cell)");
        assertThatThrownBy(() -> new ParetoPoint<>("x", 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bestOfReturnsTheWinnerWithItsValue() {
        List<P> ps = List.of(new P("a", 10, 1), new P("b", Double.NaN, 9), new P("c", 12, 3), new P("d", 12, 4));
        assertThat(Best.max(ps, P::tokS)).hasValue(new Best<>(ps.get(2), 12.0)); // first of the tie
        assertThat(Best.min(ps, P::tokS)).hasValue(new Best<>(ps.get(0), 10.0));
        assertThat(Best.best(ps, P::tokJ, MetricDirection.HIGHER_IS_BETTER)).hasValue(new Best<>(ps.get(1), 9.0));
        assertThat(Best.max(List.<P>of(), P::tokS)).isEmpty();
        assertThat(Best.max(List.of(new P("x", Double.NaN, 0)), P::tokS)).isEmpty();
        assertThat(Best.maxEntry(Map.of("15W", 5.1, "25W", 5.3))).hasValue(new Best<>("25W", 5.3));
        assertThat(Best.peakMode(Map.of())).isEqualTo(Optional.empty());
    }
}
