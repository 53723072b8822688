package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import org.junit.jupiter.api.Test;

class TegrastatsConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() throws ClassNotFoundException {
        Class<?> anchor = Class.forName("io.github.tokjoule.tegrastats.package-info");
        assertThat(PackageConventions.assertModuleConventions(anchor)).contains("io.github.tokjoule.tegrastats");
    }
}
