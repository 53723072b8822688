package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokJouleTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return TokJoule.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: tokjoule")
                .contains("demo", "report", "sweep", "plan", "tegrastats", "aiperf");
    }

    @Test
    void withoutASubcommandTheUsageIsPrinted() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Usage: tokjoule");
    }

    @Test
    void everySubcommandHasHelpWithItsExitCodes() {
        for (String sub : new String[] {"demo", "report", "sweep", "plan"}) {
            out.getBuffer().setLength(0);
            assertThat(run(sub, "--help")).as(sub).isZero();
            assertThat(out.toString()).as(sub).contains("Usage: tokjoule " + sub, "Exit codes:", "2 ");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
        assertThat(run("demo", "--seed", "many")).isEqualTo(2);
    }

    @Test
    void aDemoThatCannotWriteFailsWithExitCodeOne() throws Exception {
        Path file = dir.resolve("file");
        java.nio.file.Files.writeString(file, "x");
        // --out is a file: the report cannot be written there.
        assertThat(run(
                        "demo",
                        "--out",
                        file.resolve("sub").toString(),
                        "--keep-sweep",
                        dir.resolve("s").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("tokjoule demo: ");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("tokjoule ");
    }

    @Test
    void errorsAreDescribedOnOneLineWithTheirCauses() {
        assertThat(TokJoule.describe(new IllegalStateException("outer", new IOException("inner\nline"))))
                .isEqualTo("outer (inner line)");
        assertThat(TokJoule.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
        assertThat(TokJoule.describe(new IOException("same", new IOException("same"))))
                .isEqualTo("same");
    }
}
