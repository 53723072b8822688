package io.github.tokjoule.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tokjoule} command. Exit codes: 0 success, 1 failure, 2 usage error.
 *
 * <p>Subcommands: {@code demo} (a synthetic sweep analysed into a report), {@code report} (a real sweep), {@code
 * sweep} and {@code plan} (the Jetson driver), {@code tegrastats} and {@code aiperf} (converters). An error that is not
 * a usage error is printed as one line, {@code tokjoule <command>: <message>}, and exits with 1 (with the stack trace
 * when the environment variable {@code TOKJOULE_DEBUG} is set).
 */
@Command(
        name = "tokjoule",
        mixinStandardHelpOptions = true,
        versionProvider = TokJoule.Version.class,
        description = "Energy and latency metrics for LLM inference benchmarks on NVIDIA Jetson.",
        subcommands = {
            DemoCommand.class,
            ReportCommand.class,
            SweepCommand.class,
            PlanCommand.class,
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
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn off screen, also on a desktop
        }
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
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("tokjoule " + commandLine.getCommandName() + ": " + describe(e));
            if (System.getenv("TOKJOULE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** One line: the exception's message (its class when it has none), then its causes' messages. */
    static String describe(Throwable e) {
        StringBuilder sb =
                new StringBuilder(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            String m = cause.getMessage();
            if (m != null && sb.indexOf(m) < 0) {
                sb.append(" (").append(m).append(')');
            }
        }
        return sb.toString().replace('\n', ' ');
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
}
