package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {

    @Test
    void eachDistinctWarningIsPrintedOnceWithItsCountAndItsFirstFile() {
        assertThat(printed(
                        "runs/a/profile_export.jsonl: line 3 skipped",
                        "runs/b/profile_export.jsonl: line 3 skipped",
                        "no hwmon.csv anywhere",
                        "no hwmon.csv anywhere",
                        "no hwmon.csv anywhere",
                        "runs/c/tegrastats.log: 1 malformed line",
                        "once, naming no file"))
                .containsExactly(
                        "tokjoule report: warning: 2 x, first runs/a/profile_export.jsonl: line 3 skipped",
                        // It read "3 x, first no hwmon.csv anywhere" when the warning named no file.
                        "tokjoule report: warning: 3 x: no hwmon.csv anywhere",
                        "tokjoule report: warning: runs/c/tegrastats.log: 1 malformed line",
                        "tokjoule report: warning: once, naming no file");
    }

    @Test
    void warningsThatDifferOnlyInTheirNumbersAreOneGroupShowingTheFirst() {
        assertThat(printed(
                        "runs/a/tegrastats.log: runs/a/tegrastats.log: 34 lines, 33 samples, 1 malformed\n"
                                + "  malformed line 5: RAM abc/7620MB",
                        "runs/b/tegrastats.log: runs/b/tegrastats.log: 37 lines, 36 samples, 1 malformed\n"
                                + "  malformed line 9: RAM xyz/7620MB",
                        "mode 7W has no cell",
                        "mode 15W has no cell",
                        "runs/c/tegrastats.log: no sample"))
                .containsExactly(
                        "tokjoule report: warning: 2 x (numbers differ, the first shown), first runs/a/tegrastats.log:"
                                + " 34 lines, 33 samples, 1 malformed",
                        "  malformed line 5: RAM abc/7620MB",
                        "tokjoule report: warning: 2 x (numbers differ, the first shown): mode 7W has no cell",
                        "tokjoule report: warning: runs/c/tegrastats.log: no sample");
    }

    @Test
    void theShapeIsTheFirstLineWithEveryRunOfDigitsAsOne() {
        assertThat(Warnings.shape("12 of 384 cells, line 7\nsecond line 3")).isEqualTo("# of # cells, line #");
        assertThat(Warnings.shape("no digits")).isEqualTo("no digits");
        assertThat(Warnings.shape("")).isEmpty();
    }

    /** {@return the lines {@code tokjoule report} prints for these warnings} */
    private static List<String> printed(String... warnings) {
        StringWriter err = new StringWriter();
        Warnings.print(new PrintWriter(err, true), "report", List.of(warnings));
        return err.toString().lines().toList();
    }
}
