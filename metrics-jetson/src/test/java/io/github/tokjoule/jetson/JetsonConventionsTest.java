package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.testing.PackageConventions;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JetsonConventionsTest {

    /** The library API: the analysis, the driver's entry point, the plan a user writes and the process seam. */
    private static final List<String> EXPORTED = List.of(
            "io.github.tokjoule.jetson",
            "io.github.tokjoule.jetson.analysis",
            "io.github.tokjoule.jetson.driver",
            "io.github.tokjoule.jetson.driver.plan",
            "io.github.tokjoule.jetson.driver.process");

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
        ModuleDescriptor d = ModuleFinder.of(classes)
                .find("io.github.tokjoule.jetson")
                .orElseThrow()
                .descriptor();
        assertThat(d.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrderElementsOf(EXPORTED);
        assertThat(d.packages())
                .as("packages the module holds but does not export")
                .contains(
                        "io.github.tokjoule.jetson.synthetic",
                        "io.github.tokjoule.jetson.driver.component",
                        "io.github.tokjoule.jetson.driver.journal",
                        "io.github.tokjoule.jetson.driver.internal");
    }
}
