package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TokJouleTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void demoPlaceholderPrintsVersionAndCommands() {
        assertThat(run("demo")).isZero();
        assertThat(out.toString()).startsWith("tokjoule ").contains("not implemented yet", "Usage: tokjoule");
    }

    @Test
    void unfinishedSubcommandsFailLoudly() {
        assertThat(run("report")).isEqualTo(1);
        assertThat(err.toString()).contains("tokjoule report: not implemented yet");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("tokjoule ");
    }
}
