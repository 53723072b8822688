package io.github.tokjoule.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tokjoule} command. Exit codes, the same in every subcommand: {@value #OK} success, {@value #FAILED} the
 * input or the run failed (a file that does not parse, figures left empty, a sweep that stopped), {@value #USAGE}
 * usage (a bad or missing option, no subcommand, a file or directory that does not exist).
 *
 * <p>Subcommands: {@code demo} (a synthetic sweep analyzed into a report), {@code report} (a real sweep), {@code
 * sweep} and {@code plan} (the Jetson driver), {@code tegrastats} and {@code aiperf} (converters). An error that is not
 * a usage error is printed as one line, {@code tokjoule <command>: <message>}, and exits with 1 (with the stack trace
 * when the environment variable {@code TOKJOULE_DEBUG} is set).
 */
@Command(
        name = "tokjoule",
        mixinStandardHelpOptions = true,
        versionProvider = TokJoule.Version.class,
        description = "Energy and latency metrics for LLM inference benchmarks on NVIDIA Jetson.")
public final class TokJoule implements Callable<Integer> {

    /**
     * The subcommands by name, in the order of the help. Only the one a command line names is built: picocli reads a
     * command's annotations by reflection, and building all eight was ≈ 0.25 s of CPU at every start
     * (docs/PERFORMANCE.md, "Round 4: start-up and the report's serial tail"). Every one is built when the first
     * argument names none (help, version, a usage error, no command), so the root's help and suggestions are
     * unchanged. Each key is its command's {@code @Command} name ({@code TokJouleTest} checks it), read here without
     * reflection for the same reason.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("report", ReportCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("tegrastats", TegrastatsCommand::new);
        m.put("fleet", FleetCommand::new);
        m.put("aiperf", AiperfCommand::new);
        m.put("monitor", MonitorCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Exit code: success. */
    static final int OK = 0;

    /** Exit code: the input or the run failed. */
    static final int FAILED = 1;

    /** Exit code: usage error, including a file or directory that does not exist. */
    static final int USAGE = 2;

    /** The footer of every command's help: the one exit-code convention. */
    static final String EXIT_CODES_FOOTER = "%nExit codes (every tokjoule command): 0 success; 1 the input or the run"
            + " failed (a file that does not parse, figures left empty, a sweep that stopped); 2 usage error (a bad"
            + " or missing option, no command, a file or directory that does not exist). Errors go to standard"
            + " error; set TOKJOULE_DEBUG=1 for stack traces.";

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
        // Before the settings below: picocli applies them to the subcommands present when they are made.
        String named = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        SUBCOMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(ZoneId.class, Zones::parse);
        footer(cli);
        cli.setParameterExceptionHandler(TokJoule::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine
                    .getErr()
                    .println("tokjoule " + commandLine.getCommandName() + ": " + where(e, parseResult) + describe(e));
            if (System.getenv("TOKJOULE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return FAILED;
        });
        return cli.execute(args);
    }

    private static void footer(CommandLine cli) {
        cli.getCommandSpec().usageMessage().footer(EXIT_CODES_FOOTER);
        for (CommandLine sub : cli.getSubcommands().values()) {
            footer(sub);
        }
    }

    /**
     * A usage error: its message, the command's synopsis and where to read more, on standard error; not the whole
     * help, which buried the one line that matters.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("tokjoule " + cmd.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print(cmd.getHelp().synopsis(0));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /**
     * One line: the exception's message (its class when it has none), then its causes' messages. A cause whose first
     * line is already said is left out (Jackson repeats its message with a location suffix on a second line), and a
     * file-system failure, whose message is only the path, says what went wrong with it.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(message(e));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            String m = cause.getMessage() == null ? null : message(cause);
            if (m != null && sb.indexOf(m.lines().findFirst().orElse(m).strip()) < 0) {
                sb.append(" (").append(m).append(')');
            }
        }
        return sb.toString().replace('\n', ' ');
    }

    /**
     * The command's file or directory arguments, {@code "a, b: "}, when the failure is text that is not UTF-8: the
     * decoder's exception names no file, and its message ("Input length = 1") says nothing.
     */
    static String where(Throwable e, CommandLine.ParseResult parseResult) {
        boolean undecodable = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            undecodable |= t instanceof CharacterCodingException;
        }
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        List<String> inputs = new ArrayList<>();
        for (CommandLine.Model.PositionalParamSpec p : command.matchedPositionals()) {
            Object v = p.getValue();
            if (v instanceof List<?> l) {
                l.forEach(x -> inputs.add(String.valueOf(x)));
            } else if (v != null) {
                inputs.add(String.valueOf(v));
            }
        }
        return undecodable && !inputs.isEmpty() ? String.join(", ", inputs) + ": " : "";
    }

    private static String message(Throwable e) {
        if (e instanceof MalformedInputException m) {
            return "not UTF-8 text (a sequence of " + m.getInputLength() + " byte(s) that is not UTF-8): a binary or"
                    + " compressed file?";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text: a binary or compressed file?";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = f.getReason() != null
                    ? f.getReason()
                    : e instanceof NoSuchFileException
                            ? "no such file or directory"
                            : e instanceof AccessDeniedException
                                    ? "permission denied"
                                    : e instanceof FileAlreadyExistsException
                                            ? "already exists (as a file, where a directory was needed?)"
                                            : e instanceof NotDirectoryException
                                                    ? "not a directory"
                                                    : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    /** No subcommand is a usage error: the usage goes to standard error, the exit code is {@value #USAGE}. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tokjoule: no command given; choose one of: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
        spec.commandLine().usage(err);
        err.flush();
        return USAGE;
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
