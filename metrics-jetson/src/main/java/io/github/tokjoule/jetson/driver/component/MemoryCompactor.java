package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.process.Command;
import io.github.tokjoule.jetson.driver.process.ProcessResult;
import io.github.tokjoule.jetson.driver.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks the kernel to compact memory after a server stops, so that the next model finds contiguous CMA memory (seed
 * report §5: {@code NvMapMemAllocInternalTagged: error 12} after about three model loads). Writes {@code 1} to
 * {@code /proc/sys/vm/compact_memory}: directly when the file is writable (the driver runs as root), otherwise through
 * {@code sudo tee}; skipped when the file does not exist (not Linux).
 *
 * @since 0.1.0
 */
public final class MemoryCompactor {

    private final ProcessRunner runner;
    private final JetsonCommands commands;
    private final Path file;
    private final Duration timeout;

    private MemoryCompactor(ProcessRunner runner, JetsonCommands commands, Path file, Duration timeout) {
        this.runner = runner;
        this.commands = commands;
        this.file = file;
        this.timeout = timeout;
    }

    /**
     * Returns the compactor.
     *
     * @param runner the process runner
     * @param commands the command builder
     * @param file the compaction file
     * @param timeout the time limit of {@code sudo tee}
     * @return the compactor
     */
    public static MemoryCompactor create(ProcessRunner runner, JetsonCommands commands, Path file, Duration timeout) {
        return new MemoryCompactor(runner, commands, file, timeout);
    }

    /**
     * Compacts memory.
     *
     * @return what was done: {@code written}, {@code written via sudo tee}, {@code skipped: ...} or
     *     {@code failed: ...}
     * @throws InterruptedException if interrupted
     */
    public String compact() throws InterruptedException {
        if (!Files.exists(file)) {
            return "skipped: " + file + " does not exist";
        }
        if (Files.isWritable(file)) {
            try {
                Files.writeString(file, "1\n", StandardCharsets.UTF_8);
                return "written";
            } catch (IOException e) {
                // Writable by mode bits but refused (e.g. not root): fall through to sudo tee.
            }
        }
        try {
            ProcessResult result = runner.run(command(), timeout);
            return result.succeeded()
                    ? "written via " + commands.compactMemory(file).program()
                    : "failed: " + result.describeFailure();
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }

    /**
     * Returns the command used when the file is not writable.
     *
     * @return {@code sudo tee /proc/sys/vm/compact_memory} with {@code 1} on standard input
     */
    public Command command() {
        return commands.compactMemory(file);
    }
}
