package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import org.junit.jupiter.api.Test;

class JetsonConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() throws ClassNotFoundException {
        Class<?> anchor = Class.forName("io.github.tokjoule.jetson.package-info");
        assertThat(PackageConventions.assertModuleConventions(anchor)).contains("io.github.tokjoule.jetson");
    }
}
