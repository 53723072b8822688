package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFile() throws Exception {
        ReportWriter.Written w = ReportWriter.write(SampleData.create(), dir);
        assertThat(w.indexHtml()).exists();
        Path keep = Path.of("target/sample-report");
        Files.createDirectories(keep);
        ReportWriter.write(w.report(), keep);
        assertThat(dir.resolve("report.md")).exists();
        assertThat(dir.resolve("cells.csv")).exists();
    }
}
