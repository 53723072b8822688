package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class GapMaxTreeTest {

    @Test
    void rangeMaxAgreesWithALinearScan() {
        qt().forAll(
                        lists().of(longs().between(0, 1_000_000)).ofSizeBetween(1, 70),
                        integers().between(0, 1000),
                        integers().between(0, 1000))
                .checkAssert((values, a, b) -> {
                    GapMaxTree tree = new GapMaxTree(values.size());
                    for (int i = 0; i < values.size(); i++) {
                        tree.set(i, values.get(i));
                    }
                    int from = Math.min(a, b) % values.size();
                    int to = Math.max(from, Math.max(a, b) % values.size());
                    long expected = 0;
                    for (int i = from; i <= to; i++) {
                        expected = Math.max(expected, values.get(i));
                    }
                    assertThat(tree.max(from, to)).isEqualTo(expected);
                });
    }
}
