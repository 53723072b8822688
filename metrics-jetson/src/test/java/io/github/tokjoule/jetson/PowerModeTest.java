package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class PowerModeTest {

    @Test
    void keepsIdAndLabel() {
        assertThat(PowerMode.of(2, "MAXN_SUPER")).isEqualTo(new PowerMode(2, "MAXN_SUPER"));
    }

    @Test
    void rejectsNegativeIdAndBlankLabel() {
        assertThatThrownBy(() -> PowerMode.of(-1, "7W")).hasMessageContaining("-1");
        assertThatThrownBy(() -> PowerMode.of(3, " ")).hasMessageContaining("blank");
    }

    /** A record of the same components whose equals and hashCode the compiler generates: the reference. */
    private record Generated(int id, String label) {}

    @Test
    void writtenOutEqualsAndHashCodeAgreeWithTheGeneratedOnes() {
        String[] labels = {"7W", "15W", "25W", "MAXN_SUPER"};
        qt().forAll(
                        integers().between(0, 3),
                        integers().between(0, 3),
                        integers().between(0, 3),
                        integers().between(0, 3))
                .checkAssert((i, l, j, m) -> {
                    PowerMode x = PowerMode.of(i, labels[l]);
                    PowerMode y = PowerMode.of(j, labels[m]);
                    assertThat(x.hashCode()).isEqualTo(new Generated(i, labels[l]).hashCode());
                    assertThat(x.equals(y)).isEqualTo(new Generated(i, labels[l]).equals(new Generated(j, labels[m])));
                    assertThat(x.equals(y)).isEqualTo(i.equals(j) && l.equals(m));
                });
    }
}
