package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {

    @Test
    void eachDistinctWarningIsPrintedOnceWithItsCountAndItsFirstFile() {
        StringWriter err = new StringWriter();
        Warnings.print(
                new PrintWriter(err, true),
                "report",
                List.of(
                        "runs/a/profile_export.jsonl: line 3 skipped",
                        "runs/b/profile_export.jsonl: line 3 skipped",
                        "no hwmon.csv anywhere",
                        "no hwmon.csv anywhere",
                        "no hwmon.csv anywhere",
                        "runs/c/tegrastats.log: 1 malformed line",
                        "once, naming no file"));
        assertThat(err.toString().lines())
                .containsExactly(
                        "tokjoule report: warning: 2 x, first runs/a/profile_export.jsonl: line 3 skipped",
                        // It read "3 x, first no hwmon.csv anywhere" when the warning named no file.
                        "tokjoule report: warning: 3 x: no hwmon.csv anywhere",
                        "tokjoule report: warning: runs/c/tegrastats.log: 1 malformed line",
                        "tokjoule report: warning: once, naming no file");
    }
}
