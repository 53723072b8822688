package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
