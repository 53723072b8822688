package io.github.tokjoule.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --out} option of the commands that write a report ({@code demo}, {@code report}), as a picocli mixin.
 *
 * <p>The report replaces its own files ({@code index.html}, {@code report.md}, {@code cells.csv}, and the {@code
 * charts/} and {@code tables/} files of the earlier report, listed in its {@code .tokjoule-report-files}, so that a
 * chart of an earlier run does not linger), which would destroy a user's files of those names. So it writes only into
 * a new or empty directory, or one that holds the {@value #MARKER} file it left there itself; a file someone else
 * put there, in {@code charts/} and {@code tables/} too, stays.
 */
final class ReportOutput {

    /** The file that marks a directory as tokjoule's own report directory. */
    static final String MARKER = ".tokjoule-report";

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "tokjoule-report",
            description = "Where the report is written (default: ${DEFAULT-VALUE}). DIR must be new, empty, or a"
                    + " report directory tokjoule wrote before (it holds a " + MARKER + " file); there tokjoule"
                    + " replaces index.html, report.md, cells.csv and the charts/ and tables/ files it wrote there"
                    + " (listed in .tokjoule-report-files); other files stay. A non-empty directory without the marker"
                    + " is refused (exit code 2), so nothing tokjoule did not write is deleted or overwritten.")
    Path directory = Path.of("tokjoule-report");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec mixee;

    /**
     * Checks that the directory is tokjoule's to write, and creates it with its marker, so that a directory the report
     * cannot be written to fails before the long part.
     *
     * @return the directory
     * @throws CommandLine.ParameterException if the path is a file, or a directory that is not empty and not marked as
     *     tokjoule's
     * @throws IOException if the directory cannot be created
     */
    Path prepare() throws IOException {
        return claim(
                mixee,
                "--out",
                directory,
                MARKER,
                "index.html, report.md, cells.csv and the charts/*.svg and tables/*.csv files it wrote",
                "a report directory");
    }

    /**
     * Claims a directory for files tokjoule replaces: it must be new, empty, or hold {@code marker} (left there by an
     * earlier run, which this call also writes), so that nothing tokjoule did not write is overwritten or deleted.
     *
     * @param spec the command, for the usage error
     * @param option the option that named the directory, e.g. {@code --out}
     * @param directory the directory
     * @param marker the marker file's name
     * @param replaces what tokjoule replaces there, for the messages
     * @param what what the directory is, for the marker's text, e.g. {@code a report directory}
     * @return the directory
     * @throws CommandLine.ParameterException (exit code 2) if the path is a file, or a directory that is not empty and
     *     has no marker
     * @throws IOException if the directory cannot be created or the marker written
     */
    static Path claim(
            CommandLine.Model.CommandSpec spec,
            String option,
            Path directory,
            String marker,
            String replaces,
            String what)
            throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + " " + directory + ": is a file, not a directory; give a new or empty" + " directory");
        }
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve(marker)) && !isEmpty(directory)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + " " + directory + ": the directory is not empty and has no " + marker + " file, so"
                            + " tokjoule did not write it; tokjoule would replace files there (" + replaces
                            + "). Give a new or empty directory.");
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(marker);
        if (!Files.exists(file)) {
            Files.writeString(
                    file,
                    "Written by tokjoule: " + what + ". tokjoule replaces " + replaces + " here on its next run;"
                            + " keep other files elsewhere.\n",
                    StandardCharsets.UTF_8);
        }
        return directory;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
