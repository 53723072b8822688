package io.github.tokjoule.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.core.power.PowerTrace;
import io.github.tokjoule.testing.PackageConventions;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreConventionsTest {

    /** Every package of core but {@code internal}: all are API. */
    private static final List<String> EXPORTED = List.of(
            "io.github.tokjoule.core.capacity",
            "io.github.tokjoule.core.cell",
            "io.github.tokjoule.core.compare",
            "io.github.tokjoule.core.energy",
            "io.github.tokjoule.core.flags",
            "io.github.tokjoule.core.join",
            "io.github.tokjoule.core.power",
            "io.github.tokjoule.core.stats",
            "io.github.tokjoule.core.thermal");

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() {
        assertThat(PackageConventions.assertModuleConventions(PowerTrace.class)).containsAll(EXPORTED);
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
                .containsExactlyInAnyOrderElementsOf(EXPORTED)
                .doesNotContain("io.github.tokjoule.core.internal");
    }
}
