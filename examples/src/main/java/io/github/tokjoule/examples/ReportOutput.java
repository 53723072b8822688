package io.github.tokjoule.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that write a report ({@code demo}, {@code report}), as a picocli mixin. */
final class ReportOutput {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "tokjoule-report",
            description = "Where the report is written (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of("tokjoule-report");

    /**
     * Creates the directory, so that a directory the report cannot be written
     * to fails before the long part.
     *
     * @return the directory
     * @throws IOException if the directory cannot be created
     */
    Path prepare() throws IOException {
        return Files.createDirectories(directory);
    }
}
