package io.github.tokjoule.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The harness of the command-line tests: the real {@code tokjoule} entry point with captured output and exit code. */
abstract class CommandLineTest {

    /** Standard output of the runs so far. */
    final StringWriter out = new StringWriter();

    /** Standard error of the runs so far. */
    final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    /** Runs {@code tokjoule args...} as {@code main} would, without exiting, and returns the exit code. */
    int run(String... args) {
        return TokJoule.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
