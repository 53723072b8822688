package io.github.tokjoule.jetson.driver.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The {@link ProcessRunner} on {@link ProcessBuilder}. It resolves a program against the {@code PATH} of the
 * environment the child gets (the JDK would use the parent's), so an overridden {@code PATH} selects the executables;
 * it merges standard error into standard output; and it remembers every process it started until it ends, so
 * {@link #stopAll(Duration)} stops exactly those.
 *
 * @since 0.1.0
 */
public final class LocalProcessRunner implements ProcessRunner {

    private static final int OUTPUT_LIMIT_BYTES = 1 << 20;

    private final Map<String, String> overrides;
    private final List<LocalProcess> live = new CopyOnWriteArrayList<>();

    private LocalProcessRunner(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Returns a runner whose children inherit this JVM's environment.
     *
     * @return the runner
     */
    public static LocalProcessRunner create() {
        return new LocalProcessRunner(Map.of());
    }

    /**
     * Returns a runner whose children inherit this JVM's environment with some variables replaced, e.g. a
     * {@code PATH} that puts a directory of fake executables first.
     *
     * @param environment the variables to add or replace
     * @return the runner
     */
    public static LocalProcessRunner create(Map<String, String> environment) {
        return new LocalProcessRunner(environment);
    }

    /**
     * Returns the environment a command's process gets: this JVM's, then the runner's overrides, then the command's.
     *
     * @param command the command
     * @return the environment
     */
    public Map<String, String> environmentFor(Command command) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(overrides);
        env.putAll(command.environment());
        return env;
    }

    /**
     * Finds a program the way a shell would, on the {@code PATH} of the given environment.
     *
     * @param program a program name without {@code /}, or a path
     * @param environment the environment whose {@code PATH} is searched
     * @return the executable, empty if none is found
     */
    public static Optional<Path> resolve(String program, Map<String, String> environment) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Path> which(String program) {
        return resolve(program, environmentFor(Command.of(program)));
    }

    @Override
    public RunningProcess start(Command command) throws IOException {
        return startLocal(command);
    }

    private LocalProcess startLocal(Command command) throws IOException {
        Map<String, String> env = environmentFor(command);
        Path exe = resolve(command.program(), env)
                .orElseThrow(() -> new IOException("executable \"" + command.program() + "\" not found on PATH "
                        + env.getOrDefault("PATH", "(unset)")));
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, exe.toString());
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Path output;
        boolean temporary;
        if (command.outputFile().isPresent()) {
            output = command.outputFile().get();
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            temporary = false;
            builder.redirectOutput(
                    command.appendOutput()
                            ? ProcessBuilder.Redirect.appendTo(output.toFile())
                            : ProcessBuilder.Redirect.to(output.toFile()));
        } else {
            output = Files.createTempFile("tokjoule-process-", ".log");
            output.toFile().deleteOnExit();
            temporary = true;
            builder.redirectOutput(output.toFile());
        }
        Process process = builder.start();
        LocalProcess local = new LocalProcess(command, process, output, temporary);
        live.add(local);
        CompletableFuture<Void> unused = process.onExit().thenRun(() -> live.remove(local));
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin().isPresent()) {
                in.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process ended or closed its input before reading it; its exit code tells what happened.
        }
        return local;
    }

    @Override
    public ProcessResult run(Command command, Duration timeout) throws IOException, InterruptedException {
        LocalProcess process = startLocal(command);
        try {
            return ProcessRunner.super.run(command, timeout, process);
        } finally {
            process.discardTemporaryOutput();
        }
    }

    @Override
    public void stopAll(Duration grace) {
        List<LocalProcess> all = new ArrayList<>(live);
        Collections.reverse(all);
        for (LocalProcess p : all) {
            p.stop(grace);
        }
    }

    /**
     * Returns the processes started by this runner that are still alive.
     *
     * @return the live processes, oldest first
     */
    public List<RunningProcess> liveProcesses() {
        return live.stream().filter(LocalProcess::isAlive).collect(Collectors.toList());
    }

    private static final class LocalProcess implements RunningProcess {
        private final Command command;
        private final Process process;
        private final Path output;
        private final boolean temporary;

        LocalProcess(Command command, Process process, Path output, boolean temporary) {
            this.command = command;
            this.process = process;
            this.output = output;
            this.temporary = temporary;
        }

        @Override
        public Command command() {
            return command;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public OptionalInt exitCode() {
            return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }

        @Override
        public void stop(Duration grace) {
            if (!process.isAlive()) {
                return;
            }
            // A stop often follows an interrupt (Ctrl-C). Clear the flag while waiting out the grace period, or the
            // waits would end at once and SIGKILL would follow SIGTERM immediately: sudo does not relay SIGKILL, so
            // a privileged child (tegrastats) would be left running. The flag is restored before returning.
            boolean interrupted = Thread.interrupted();
            List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + grace.toNanos();
            interrupted |= waitForOwn(deadline);
            for (ProcessHandle child : tree) {
                interrupted |= waitUntil(child, deadline);
            }
            for (ProcessHandle child : tree) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            interrupted |= waitForOwn(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits for our own child through {@link Process#waitFor}, which returns once the JDK has reaped it (a handle's
         * {@code isAlive} can turn false a moment earlier); returns whether an interrupt arrived meanwhile.
         */
        private boolean waitForOwn(long deadlineNanos) {
            boolean interrupted = false;
            while (process.isAlive()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    process.waitFor(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return interrupted;
        }

        /** Waits until the process ends or the deadline passes; returns whether an interrupt arrived meanwhile. */
        private static boolean waitUntil(ProcessHandle handle, long deadlineNanos) {
            boolean interrupted = false;
            while (handle.isAlive()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    Thread.sleep(Math.min(20, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return interrupted;
        }

        @Override
        public String output() {
            try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
                long length = file.length();
                long from = Math.max(0, length - OUTPUT_LIMIT_BYTES);
                byte[] bytes = new byte[(int) (length - from)];
                file.seek(from);
                file.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        void discardTemporaryOutput() {
            if (temporary && !process.isAlive()) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // A leftover temporary file is harmless; it is also marked delete-on-exit.
                }
            }
        }
    }
}
