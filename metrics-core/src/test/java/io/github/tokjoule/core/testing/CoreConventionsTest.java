package io.github.tokjoule.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import org.junit.jupiter.api.Test;

class CoreConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() {
        assertThat(PackageConventions.assertModuleConventions(PowerTrace.class))
                .contains("io.github.tokjoule.core.power", "io.github.tokjoule.core.thermal");
    }
}
