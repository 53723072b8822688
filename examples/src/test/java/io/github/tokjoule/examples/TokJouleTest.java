package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TokJouleTest extends CommandLineTest {

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: tokjoule")
                .contains("demo", "report", "sweep", "plan", "tegrastats", "fleet", "aiperf");
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .startsWith(
                        "tokjoule: no command given; choose one of: demo, report, sweep, plan, tegrastats, fleet, aiperf")
                .contains("Usage: tokjoule");
    }

    @Test
    void everyCommandsHelpStatesTheOneExitCodeConvention() {
        for (String sub : new String[] {"", "demo", "report", "sweep", "plan", "tegrastats", "fleet", "aiperf"}) {
            out.getBuffer().setLength(0);
            assertThat(sub.isEmpty() ? run("--help") : run(sub, "--help"))
                    .as(sub)
                    .isZero();
            assertThat(out.toString().replaceAll("\\s+", " "))
                    .as(sub)
                    .contains("Usage: tokjoule " + sub)
                    .contains("Exit codes (every tokjoule command): 0 success; 1 the input or the run failed")
                    .contains("2 usage error (a bad or missing option, no command, a file or directory that does not"
                            + " exist)");
        }
    }

    @Test
    void aMissingFileIsAUsageErrorInEveryCommand() {
        String missing = dir.resolve("missing").toString();
        for (String[] args : new String[][] {
            {"report", missing, "--zone", "UTC"},
            {"plan", missing},
            {"sweep", missing},
            {"tegrastats", missing},
            {"aiperf", missing}
        }) {
            err.getBuffer().setLength(0);
            assertThat(run(args)).as(args[0]).isEqualTo(2);
            assertThat(err.toString())
                    .as(args[0])
                    .startsWith("tokjoule " + args[0] + ": ")
                    .contains(missing + ": no such")
                    .contains("Try 'tokjoule " + args[0] + " --help' for more information.");
        }
    }

    @Test
    void aBadZoneReadsTheSameInEveryCommand() {
        for (String sub : new String[] {"report", "tegrastats", "aiperf"}) {
            err.getBuffer().setLength(0);
            assertThat(run(sub, dir.toString(), "--zone", "Asia/Atlantis"))
                    .as(sub)
                    .isEqualTo(2);
            assertThat(err.toString())
                    .as(sub)
                    .startsWith("tokjoule " + sub + ": Invalid value for option '--zone': 'Asia/Atlantis' is not a time"
                            + " zone: give the device's IANA zone id (e.g. Asia/Kolkata, Europe/Berlin, UTC) or a fixed"
                            + " offset (e.g. UTC+05:30)")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
        assertThat(run("demo", "--random-seed", "many")).isEqualTo(2);
        assertThat(run("demo", "--seed", "many")).isEqualTo(2); // the older alias
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
