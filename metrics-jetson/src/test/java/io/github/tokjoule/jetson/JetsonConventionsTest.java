package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JetsonConventionsTest {

    @Test
    void everyPackageIsNullMarkedAndTheModuleIsDescribed() throws ClassNotFoundException {
        Class<?> anchor = Class.forName("io.github.tokjoule.jetson.package-info");
        assertThat(PackageConventions.assertModuleConventions(anchor)).contains("io.github.tokjoule.jetson");
    }

    @Test
    void exportsTheAnalysisAndTheDriversEntryButNotTheGeneratorNorTheDriversInternals() throws Exception {
        Path classes = Path.of(PowerMode.class
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
                .containsExactlyInAnyOrder(
                        "io.github.tokjoule.jetson",
                        "io.github.tokjoule.jetson.analysis",
                        "io.github.tokjoule.jetson.driver",
                        "io.github.tokjoule.jetson.driver.plan",
                        "io.github.tokjoule.jetson.driver.process");
        for (String hidden : new String[] {"synthetic", "driver/component", "driver/journal", "driver/internal"}) {
            assertThat(classes.resolve("io/github/tokjoule/jetson/" + hidden))
                    .as("a package the module holds but does not export")
                    .isDirectory();
        }
    }
}
