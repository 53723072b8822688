package io.github.tokjoule.jetson.driver.testing;

import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import io.github.tokjoule.jetson.driver.process.RunningProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A {@link ProcessRunner} that starts nothing: {@link #run} answers from a script keyed by the command line
 * ({@code argv} joined by spaces); an unscripted command exits 0 with no output. Every command is recorded.
 */
public final class ScriptedRunner implements ProcessRunner {

    private final Map<String, Function<Command, ProcessResult>> script = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /** Answers a command line with an exit code and output. */
    public ScriptedRunner on(String commandLine, int exitCode, String output) {
        script.put(commandLine, c -> new ProcessResult(c, exitCode, false, output));
        return this;
    }

    /** Answers a command line with a timeout. */
    public ScriptedRunner timesOut(String commandLine) {
        script.put(commandLine, c -> new ProcessResult(c, -1, true, ""));
        return this;
    }

    /** Makes a program unknown: starting it throws, {@link #which} is empty. */
    public ScriptedRunner missing(String program) {
        missing.add(program);
        return this;
    }

    public List<Command> commands() {
        return commands;
    }

    public List<String> commandLines() {
        List<String> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(String.join(" ", c.argv()));
        }
        return out;
    }

    @Override
    public ProcessResult run(Command command, Duration timeout) throws IOException {
        commands.add(command);
        if (missing.contains(command.program())) {
            throw new IOException("executable \"" + command.program() + "\" not found on PATH");
        }
        Function<Command, ProcessResult> answer = script.get(String.join(" ", command.argv()));
        return answer == null ? new ProcessResult(command, 0, false, "") : answer.apply(command);
    }

    @Override
    public RunningProcess start(Command command) throws IOException {
        commands.add(command);
        if (missing.contains(command.program())) {
            throw new IOException("executable \"" + command.program() + "\" not found on PATH");
        }
        return new RunningProcess() {
            boolean alive = true;

            @Override
            public Command command() {
                return command;
            }

            @Override
            public long pid() {
                return 1;
            }

            @Override
            public boolean isAlive() {
                return alive;
            }

            @Override
            public OptionalInt exitCode() {
                return alive ? OptionalInt.empty() : OptionalInt.of(143);
            }

            @Override
            public boolean waitFor(Duration t) {
                return !alive;
            }

            @Override
            public void stop(Duration grace) {
                alive = false;
            }

            @Override
            public String output() {
                return "";
            }
        };
    }

    @Override
    public Optional<Path> which(String program) {
        return missing.contains(program) ? Optional.empty() : Optional.of(Path.of("/usr/bin", program));
    }

    private int stopAllCalls;

    public int stopAllCalls() {
        return stopAllCalls;
    }

    @Override
    public void stopAll(Duration grace) {
        stopAllCalls++;
    }
}
