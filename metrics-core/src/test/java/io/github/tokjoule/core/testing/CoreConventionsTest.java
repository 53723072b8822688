package io.github.tokjoule.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.testing.PackageConventions;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CoreConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() {
        assertThat(PackageConventions.assertModuleConventions(PowerTrace.class))
                .contains(
                        "io.github.tokjoule.core.capacity",
                        "io.github.tokjoule.core.cell",
                        "io.github.tokjoule.core.compare",
                        "io.github.tokjoule.core.energy",
                        "io.github.tokjoule.core.flags",
                        "io.github.tokjoule.core.power",
                        "io.github.tokjoule.core.stats",
                        "io.github.tokjoule.core.thermal");
    }

    @Test
    void everyPublicPackageIsExported() throws Exception {
        Path classes = Path.of(PowerTrace.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .contains(
                        "io.github.tokjoule.core.capacity",
                        "io.github.tokjoule.core.cell",
                        "io.github.tokjoule.core.compare",
                        "io.github.tokjoule.core.energy",
                        "io.github.tokjoule.core.flags",
                        "io.github.tokjoule.core.stats")
                .doesNotContain("io.github.tokjoule.core.internal");
    }
}
