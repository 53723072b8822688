package io.github.tokjoule.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import org.junit.jupiter.api.Test;

class LiveConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() throws ClassNotFoundException {
        Class<?> anchor = Class.forName("io.github.tokjoule.live.package-info");
        assertThat(PackageConventions.assertModuleConventions(anchor))
                .contains("io.github.tokjoule.live", "io.github.tokjoule.live.source");
    }
}
