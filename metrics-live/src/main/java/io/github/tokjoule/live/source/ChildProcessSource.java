package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A source that runs a tool as a child process and turns each line it prints into a sample as the line arrives
 * (tegrastats, nvidia-smi). The sample time is the line's arrival on the monotonic clock: both tools print a reading
 * as soon as they take it, and their own timestamps have a resolution of a second (tegrastats) or a few milliseconds
 * of wall clock (nvidia-smi).
 *
 * <p>A line that gives no sample is counted as a failure with its reason. The process ending (crash, kill) is reported
 * in the status with its exit code and the last lines of its standard error; every sample before it stays. A tool
 * that stops printing without ending is a stall: {@link #silenceNanos()} says for how long.
 */
abstract class ChildProcessSource implements PowerSource {

    private static final int STDERR_LINES = 5;

    private final String name;
    private final List<String> command;
    private final long firstLineLimitNanos;
    private final LiveClock clock;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final CountDownLatch firstSample = new CountDownLatch(1);
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile long samples;
    private volatile long failures;
    private volatile long lastLineNanoTime;
    private volatile @Nullable String lastProblem;
    private volatile boolean stopping;
    private @Nullable Process process;
    private @Nullable Thread reader;
    private volatile @Nullable Thread errors;

    ChildProcessSource(String name, List<String> command, long firstLineLimitNanos, LiveClock clock) {
        this.name = name;
        this.command = List.copyOf(command);
        this.firstLineLimitNanos = firstLineLimitNanos;
        this.clock = clock;
    }

    /**
     * Turns one line into a sample.
     *
     * @param line the line, without its line end
     * @param epochNanos its arrival time
     * @return {@code true} if a sample was appended, {@code false} for a line that is not a sample (a header)
     * @throws IllegalArgumentException for a line that should be a sample but gives none; the message is the reason
     */
    abstract boolean line(String line, long epochNanos);

    final void fact(String key, String value) {
        facts.put(key, value);
    }

    final LiveClock clock() {
        return clock;
    }

    @Override
    public final String name() {
        return name;
    }

    /** {@return the command this source runs} */
    public final List<String> command() {
        return command;
    }

    /**
     * Why a program did not start, in words: the JDK's message ({@code Cannot run program "x": error=2, No such file or
     * directory}) names the errno, which says little to a user.
     */
    private String why(IOException e) {
        String m = String.valueOf(e.getMessage());
        String program = command.get(0);
        if (m.contains("error=2,")) {
            return "no program " + program + (program.contains("/") ? " at that path" : " on the PATH")
                    + " (is the tool installed? give its full path)";
        }
        if (m.contains("error=13,")) {
            return program + " is not executable (permission denied)";
        }
        return m;
    }

    @Override
    public final synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException(name + " already started");
        }
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException(name + ": cannot start " + String.join(" ", command) + ": " + why(e), e);
        }
        process = p;
        lastLineNanoTime = System.nanoTime();
        errors = daemon("tokjoule-live-" + name + "-stderr", () -> readErrors(p));
        reader = daemon("tokjoule-live-" + name, () -> readLines(p));
        if (!firstSample.await(firstLineLimitNanos, TimeUnit.NANOSECONDS)) {
            String why = p.isAlive()
                    ? "printed no sample within " + TimeUnit.NANOSECONDS.toMillis(firstLineLimitNanos) + " ms"
                    : "ended (exit code " + p.waitFor() + ") before its first sample";
            close();
            throw new IOException(name + " (" + String.join(" ", command) + ") " + why + problemSuffix());
        }
    }

    private String problemSuffix() {
        String problem = lastProblem;
        String tail = stderrTail();
        return (problem == null ? "" : "; last problem: " + problem) + (tail.isEmpty() ? "" : "; stderr: " + tail);
    }

    private static Thread daemon(String threadName, Runnable body) {
        Thread t = new Thread(body, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void readLines(Process p) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                lastLineNanoTime = now;
                try {
                    if (line(line, clock.toEpochNanos(now))) {
                        samples++;
                        firstSample.countDown();
                    }
                } catch (IllegalArgumentException e) {
                    failures++;
                    lastProblem = e.getMessage();
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                lastProblem = name + ": reading its output failed: " + e.getMessage();
            }
        }
        try {
            int code = p.waitFor();
            Thread stderr = errors;
            if (stderr != null) {
                stderr.join(TimeUnit.SECONDS.toMillis(1)); // its last lines explain the exit
            }
            if (!stopping && (code != 0 || samples == 0)) {
                lastProblem = name + " ended with exit code " + code + problemSuffix();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readErrors(Process p) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // The process ended; its exit code is reported by the line reader.
        }
    }

    private String stderrTail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    /** {@return nanoseconds since the last line arrived (or since the start): how long the tool has been silent} */
    public final long silenceNanos() {
        return System.nanoTime() - lastLineNanoTime;
    }

    @Override
    public final SourceStatus status() {
        Process p = process;
        boolean alive = p != null && p.isAlive();
        Map<String, String> now = new LinkedHashMap<>(facts);
        now.put("silent_ms", Long.toString(TimeUnit.NANOSECONDS.toMillis(silenceNanos())));
        if (p != null && !alive) {
            now.put("exit_code", Integer.toString(p.exitValue()));
        }
        return new SourceStatus(name, alive, samples, failures, 0, Optional.ofNullable(lastProblem), now);
    }

    @Override
    public final void close() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return;
        }
        stopping = true; // the exit that follows is ours, not the tool's failure
        // A wrapper script's children (a sleep, the real tool) hold the output pipe open: stop them too.
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            for (Thread t : new Thread[] {reader, errors}) {
                if (t != null) {
                    t.join(TimeUnit.SECONDS.toMillis(5));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        traces().forEach(io.github.tokjoule.live.LiveTrace::closeSpill);
    }
}
