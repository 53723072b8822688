package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import org.junit.jupiter.api.Test;

class AiperfConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() throws ClassNotFoundException {
        Class<?> anchor = Class.forName("io.github.tokjoule.aiperf.package-info");
        assertThat(PackageConventions.assertModuleConventions(anchor)).contains("io.github.tokjoule.aiperf");
    }
}
