package io.github.tokjoule.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.cell.CellId;
import io.github.tokjoule.core.cell.CellMetrics;
import io.github.tokjoule.core.cell.EnergyMethod;
import org.junit.jupiter.api.Test;

/** The builder must be usable, chained to the end, from outside its package (as metrics-jetson will). */
class CellMetricsFromAnotherPackageTest {

    @Test
    void chainedBuilderReturnsThePublicType() {
        double tokJ = CellMetrics.builder()
                .id(CellId.of("m", "7W", "ollama", 128, 64))
                .method(EnergyMethod.MEASURED)
                .decodeTokensPerJoule(12.5)
                .build()
                .decodeTokensPerJoule();
        assertThat(tokJ).isEqualTo(12.5);
    }
}
