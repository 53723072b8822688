package io.github.tokjoule.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** The existence checks of input paths: a file or directory that is not there is a usage error (exit code 2). */
final class Inputs {

    private Inputs() {}

    /**
     * Checks that a file exists and is a regular file.
     *
     * @param spec the command, for the usage error
     * @param label the parameter's label, e.g. {@code LOG}
     * @param file the path given
     * @return the file
     * @throws CommandLine.ParameterException if it does not exist or is a directory
     */
    static Path requireFile(CommandLine.Model.CommandSpec spec, String label, Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), label + " " + file + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), label + " " + file + ": no such file");
        }
        return file;
    }

    /**
     * Checks that a directory exists.
     *
     * @param spec the command, for the usage error
     * @param label the parameter's label, e.g. {@code SWEEP_DIR}
     * @param directory the path given
     * @return the directory
     * @throws CommandLine.ParameterException if it is not a directory
     */
    static Path requireDirectory(CommandLine.Model.CommandSpec spec, String label, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    label + " " + directory + (Files.exists(directory) ? ": not a directory" : ": no such directory"));
        }
        return directory;
    }
}
