package io.github.tokjoule.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tokjoule} command. Exit codes: 0 success, 1 failure, 2 usage error.
 *
 * <p>The subcommands (demo, report, sweep, plan, tegrastats, aiperf) are not implemented yet; each says so and
 * exits with 1 rather than pretending to work.
 */
@Command(
        name = "tokjoule",
        mixinStandardHelpOptions = true,
        versionProvider = TokJoule.Version.class,
        description = "Energy and latency metrics for LLM inference benchmarks on NVIDIA Jetson.",
        subcommands = {
            TokJoule.NotYet.Demo.class,
            TokJoule.NotYet.Report.class,
            TokJoule.NotYet.Sweep.class,
            TokJoule.NotYet.Plan.class,
            TegrastatsCommand.class,
            AiperfCommand.class
        })
public final class TokJoule implements Runnable {

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before run()
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * Runs the command line with the given output streams, for tests and embedding.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TokJoule());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TokJoule.class.getPackage().getImplementationVersion();
            return new String[] {"tokjoule " + (v == null ? "(development build)" : v)};
        }
    }

    /** Placeholders for subcommands whose issues have not landed: each fails loudly with exit code 1. */
    abstract static class NotYet implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init")
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("tokjoule " + spec.name() + ": not implemented yet");
            return 1;
        }

        /** Until the demo lands, it prints the version and the command list, as the README's first step. */
        @Command(name = "demo", description = "Generate a synthetic sweep, analyse it and write the report.")
        static final class Demo extends NotYet {
            @Override
            public Integer call() {
                CommandLine root = spec.root().commandLine();
                root.printVersionHelp(root.getOut());
                root.getOut().println("The demo is not implemented yet; the commands are:");
                root.usage(root.getOut());
                return 0;
            }
        }

        @Command(name = "report", description = "Analyse a sweep directory and write the report.")
        static final class Report extends NotYet {}

        @Command(name = "sweep", description = "Run a power-mode x model sweep on a Jetson.")
        static final class Sweep extends NotYet {}

        @Command(name = "plan", description = "Print every command a sweep plan would run.")
        static final class Plan extends NotYet {}
    }
}
