package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser harness itself: a page with a broken script is reported, so that "no error" in the report means it. */
class ChromiumTest {

    @TempDir
    Path dir;

    @Test
    void reportsAnUncaughtExceptionAndAConsoleError() throws Exception {
        Path binary = Chromium.findOrSkip();
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><script>console.error('boom');nope();</script></body></html>",
                StandardCharsets.UTF_8);
        try (Chromium c = Chromium.showing(binary, page.toUri(), dir.resolve("profile"))) {
            assertThat(c.errors())
                    .anySatisfy(e -> assertThat(e).startsWith("exception: ").contains("nope is not defined"))
                    .anySatisfy(e -> assertThat(e).startsWith("console.error: ").contains("boom"));
            assertThat(c.eval("document.body.tagName")).isEqualTo("BODY");
        }
    }
}
