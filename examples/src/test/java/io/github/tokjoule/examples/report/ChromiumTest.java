package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser harness itself: a page with a broken script is reported, so that "no error" in the report means it. */
class ChromiumTest {

    @TempDir
    Path dir;

    @Test
    void reportsAnUncaughtExceptionAndAConsoleError() throws Exception {
        Optional<Path> binary = Chromium.find();
        if (binary.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no Chromium on the PATH: apt-get install -y chromium (or set CHROMIUM)");
        }
        Assumptions.assumeTrue(binary.isPresent(), "no Chromium on the PATH; skipped outside CI");
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><script>console.error('boom');nope();</script></body></html>",
                StandardCharsets.UTF_8);
        try (Chromium c = Chromium.start(binary.get(), dir.resolve("profile"))) {
            c.open(page.toUri());
            Chromium.settle();
            assertThat(c.errors())
                    .anySatisfy(e -> assertThat(e).startsWith("exception: ").contains("nope is not defined"))
                    .anySatisfy(e -> assertThat(e).startsWith("console.error: ").contains("boom"));
            assertThat(c.eval("document.body.tagName")).isEqualTo("BODY");
        }
    }
}
