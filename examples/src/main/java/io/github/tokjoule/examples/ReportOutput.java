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
 * <p>The report replaces its own files ({@code index.html}, {@code report.md}, {@code cells.csv}, and every
 * {@code charts/*.png, charts/*.svg} and {@code tables/*.csv}, so that a chart of an earlier run does not linger), which would
 * destroy a user's files of those names. So it writes only into a new or empty directory, or one that holds the
 * {@value #MARKER} file it left there itself.
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
                    + " replaces index.html, report.md, cells.csv, charts/*.png, charts/*.svg and tables/*.csv. A non-empty"
                    + " directory without the marker is refused (exit code 2), so nothing tokjoule did not write is"
                    + " deleted or overwritten.")
    Path directory = Path.of("tokjoule-report");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec mixee;

    /**
     * Checks that the directory is tokjoule's to write, and creates it with its marker, so that a directory the report cannot be written to fails before the long part.
     *
     * @return the directory
     * @throws CommandLine.ParameterException if the directory is not empty and not marked as tokjoule's
     * @throws IOException if the directory cannot be created
     */
    Path prepare() throws IOException {
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve(MARKER)) && !isEmpty(directory)) {
            throw new CommandLine.ParameterException(
                    mixee.commandLine(),
                    "--out " + directory + ": the directory is not empty and has no " + MARKER + " file, so tokjoule"
                            + " did not write it; the report would replace files there (index.html, report.md,"
                            + " cells.csv, charts/*.png, charts/*.svg, tables/*.csv). Give a new or empty directory.");
        }
        Files.createDirectories(directory);
        Path marker = directory.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(
                    marker,
                    "Written by tokjoule: a report directory. tokjoule replaces index.html, report.md, cells.csv,"
                            + " charts/*.png, charts/*.svg and tables/*.csv here on its next run; keep other files elsewhere.\n",
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
