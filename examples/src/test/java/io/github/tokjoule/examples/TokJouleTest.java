package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TokJouleTest extends CommandLineTest {

    @Test
    void eachSubcommandIsKeyedByItsCommandName() {
        TokJoule.SUBCOMMANDS.forEach((name, make) -> assertThat(make.get()
                        .getClass()
                        .getAnnotation(picocli.CommandLine.Command.class)
                        .name())
                .as("the @Command name of the subcommand keyed %s", name)
                .isEqualTo(name));
        assertThat(TokJoule.SUBCOMMANDS).hasSize(8);
    }

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
        for (String sub :
                new String[] {"", "demo", "report", "sweep", "plan", "tegrastats", "fleet", "aiperf", "monitor"}) {
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
            {"aiperf", missing},
            {"fleet", missing},
            {"fleet", "--follow", missing},
            {"monitor", "--sysfs-root", missing, "--duration", "1s"}
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
    void noCommandOverwritesADirectoryItDidNotWrite() throws IOException {
        // Each directory holds a file of a name the command writes there; none may be touched.
        Path sweep = java.nio.file.Files.createDirectories(dir.resolve("sweep"));
        java.nio.file.Files.writeString(sweep.resolve("manifest.json"), "mine");
        Path fleet = java.nio.file.Files.createDirectories(dir.resolve("fleet"));
        java.nio.file.Files.writeString(fleet.resolve("cells.csv"), "mine");
        Path file = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
        for (String[] args : new String[][] {
            {
                "demo",
                "--keep-sweep",
                sweep.toString(),
                "--out",
                dir.resolve("r1").toString()
            },
            {"fleet", dir.toString(), "--out", fleet.toString()},
            {"demo", "--out", file.toString()},
            {"demo", "--keep-sweep", file.toString(), "--out", dir.resolve("r2").toString()}
        }) {
            err.getBuffer().setLength(0);
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString())
                    .as(String.join(" ", args))
                    .startsWith("tokjoule " + args[0] + ": ")
                    .containsAnyOf("has no .tokjoule-", "is a file, not a directory")
                    .containsIgnoringCase("give a new or empty directory");
        }
        assertThat(sweep.resolve("manifest.json")).hasContent("mine");
        assertThat(fleet.resolve("cells.csv")).hasContent("mine");
        assertThat(file).hasContent("mine");
    }

    @Test
    void aBadZoneReadsTheSameInEveryCommand() {
        for (String sub : new String[] {"report", "tegrastats", "aiperf", "fleet"}) {
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
    void aMisspeltCommandIsAUsageErrorWithSuggestions() {
        // only the named subcommand is built; a first argument that names none builds them all, so picocli still
        // suggests the nearest ones
        assertThat(run("reprot")).isEqualTo(2);
        assertThat(err.toString()).contains("reprot").contains("Did you mean").contains("report");
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
        // The cause is said, not only the path (it printed "tokjoule demo: <path>").
        assertThat(err.toString()).startsWith("tokjoule demo: " + file.resolve("sub") + ": ");
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
        // Jackson repeats its message with the location on a second line: said once.
        assertThat(TokJoule.describe(new IOException(
                        "x.json: $ (line 1, column 1): Unexpected character",
                        new IOException("Unexpected character\n at [Source: REDACTED; line: 1, column: 1]"))))
                .isEqualTo("x.json: $ (line 1, column 1): Unexpected character");
        // A file-system failure's message is only the path: what went wrong is added.
        assertThat(TokJoule.describe(new java.nio.file.FileAlreadyExistsException("out")))
                .isEqualTo("out: already exists (as a file, where a directory was needed?)");
        assertThat(TokJoule.describe(new java.nio.file.AccessDeniedException("/proc/x")))
                .isEqualTo("/proc/x: permission denied");
        assertThat(TokJoule.describe(new java.nio.file.FileSystemException("/a", null, "Read-only file system")))
                .isEqualTo("/a: Read-only file system");
    }

    @Test
    void aBinaryFileIsSaidToBeNotTextWithItsName() throws IOException {
        // It said "tokjoule report: Input length = 1" (the decoder's message), naming no file.
        byte[] bytes = {'R', 'A', 'M', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
        Path bin = java.nio.file.Files.write(dir.resolve("power.csv"), bytes);
        Path plan = java.nio.file.Files.write(dir.resolve("plan.json"), bytes);
        for (String[] args : new String[][] {{"report", bin.toString()}, {"plan", plan.toString()}}) {
            err.getBuffer().setLength(0);
            assertThat(run(args)).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("tokjoule " + args[0] + ": " + args[1] + ": not UTF-8 text (a sequence of 1 byte(s)"
                            + " that is not UTF-8): a binary or compressed file?")
                    .doesNotContain("Input length")
                    .doesNotContain("Exception");
        }
    }
}
