package io.github.tokjoule.jetson.driver.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process to start: an argument list (the program first), extra environment variables, an optional text for its
 * standard input, and an optional file that receives its standard output and error. Commands are never shell
 * strings, so nothing in a plan can be interpreted by a shell.
 *
 * @param argv the program and its arguments; the program is looked up on the effective {@code PATH} when it holds
 *     no {@code /}
 * @param environment variables added to (or replacing) the runner's environment
 * @param stdin the text written to standard input, which is then closed; empty = standard input is closed at once
 * @param outputFile the file standard output and error go to; empty = captured by the runner
 * @param appendOutput whether to append to the output file rather than replace it
 * @since 0.1.0
 */
public record Command(
        List<String> argv,
        Map<String, String> environment,
        Optional<String> stdin,
        Optional<Path> outputFile,
        boolean appendOutput) {

    /**
     * Validates and copies the command.
     *
     * @throws IllegalArgumentException if the argument list is empty or holds an empty program or a NUL character
     */
    public Command {
        argv = List.copyOf(argv);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("argv must start with a program: " + argv);
        }
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("argv must not contain NUL characters: " + argv);
            }
        }
    }

    /**
     * Returns a command with the given arguments and nothing else.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), Optional.empty(), Optional.empty(), false);
    }

    /**
     * Returns a command with the given arguments and nothing else.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /**
     * Returns this command preceded by a prefix, e.g. {@code sudo -n}; the same command if the prefix is empty.
     *
     * @param prefix the words to put first
     * @return the prefixed command
     */
    public Command prefixedWith(List<String> prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return new Command(all, environment, stdin, outputFile, appendOutput);
    }

    /**
     * Returns this command with one more environment variable.
     *
     * @param name the variable
     * @param value its value
     * @return the new command
     */
    public Command withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new Command(argv, env, stdin, outputFile, appendOutput);
    }

    /**
     * Returns this command with a text for standard input.
     *
     * @param text the text
     * @return the new command
     */
    public Command withStdin(String text) {
        return new Command(argv, environment, Optional.of(text), outputFile, appendOutput);
    }

    /**
     * Returns this command with its output sent to a file.
     *
     * @param file the file
     * @param append whether to append rather than replace
     * @return the new command
     */
    public Command withOutput(Path file, boolean append) {
        return new Command(argv, environment, stdin, Optional.of(file), append);
    }

    /**
     * Returns the program, the first word.
     *
     * @return the program
     */
    public String program() {
        return argv.get(0);
    }

    /**
     * Renders the command for a human, quoting words a POSIX shell would split or expand. For display only: the
     * driver never hands this string to a shell.
     *
     * @return the rendered command, e.g. {@code sudo -n nvpmodel -m 2}
     */
    public String toDisplayString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            sb.append(e.getKey()).append('=').append(quote(e.getValue())).append(' ');
        }
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(quote(argv.get(i)));
        }
        return sb.toString();
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(Command::isPlain)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-_./:=@%+,".indexOf(c) >= 0;
    }
}
