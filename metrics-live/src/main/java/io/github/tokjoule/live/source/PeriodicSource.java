package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A source read on a fixed period by its own thread: hwmon files, RAPL counters.
 *
 * <p>Deadlines are {@code first + k · interval} on the monotonic clock, so lateness never accumulates. The thread
 * parks until shortly before each deadline, spins to it ({@link #spinBeforeDeadlineNanos(long)}), records its lateness in a {@link JitterHistogram}, and reads. A read that fails is counted
 * and skipped (the trace simply has no sample there, and the coverage of a window across it reports the gap); a read
 * so late that whole deadlines passed counts those as missed and resumes at the next deadline in the future, so a
 * stall never makes a burst of catch-up samples. The steady-state loop allocates nothing.
 */
abstract class PeriodicSource implements PowerSource {

    private static final long FIRST_SAMPLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** How long before each deadline the sampler stops parking and spins, by default: 0 (measured no gain). */
    public static final long DEFAULT_SPIN_NANOS = 0L;

    private final String name;
    private final long intervalNanos;
    private final LiveClock clock;
    private final JitterHistogram jitter = new JitterHistogram();
    private final CountDownLatch firstSample = new CountDownLatch(1);
    private final Map<String, String> facts = new LinkedHashMap<>();
    private volatile boolean running;
    private volatile long samples;
    private volatile long failures;
    private volatile long missedDeadlines;
    private volatile @Nullable String lastProblem;
    private volatile String realtime = "off";
    private int realtimePriority;
    private List<String> chrtPrefix = List.of();
    private long spinNanos = DEFAULT_SPIN_NANOS;
    private @Nullable Thread thread;

    PeriodicSource(String name, long intervalNanos, LiveClock clock) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException(name + ": the sampling interval must be positive: " + intervalNanos);
        }
        this.name = name;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /**
     * Reads every rail once and appends the sample.
     *
     * @param beforeNanoTime {@link System#nanoTime()} just before the read, for the sample's time
     * @throws IOException if a file cannot be read or holds no number; the sample is skipped
     */
    abstract void sample(long beforeNanoTime) throws IOException;

    /** Releases what {@link #sample} reads (open files). Called once, on the sampler thread, when it ends. */
    abstract void release();

    /** The clock that maps {@link System#nanoTime()} to epoch nanoseconds. */
    final LiveClock clock() {
        return clock;
    }

    /** Records a fact about the machine, shown in {@link #status()}. Before {@link #start()} only. */
    final void fact(String key, String value) {
        facts.put(key, value);
    }

    final void sampled() {
        samples++;
        firstSample.countDown();
    }

    @Override
    public final String name() {
        return name;
    }

    /** {@return the sampling interval in ns} */
    public final long intervalNanos() {
        return intervalNanos;
    }

    /** {@return how late the sampler woke for each deadline} */
    public final JitterHistogram jitter() {
        return jitter;
    }

    /**
     * Asks for the sampler thread to run under the real-time policy {@code SCHED_FIFO} at this priority, set by
     * {@code chrt -f -p PRIORITY TID} on the thread itself when it starts. Why: on a small, loaded machine the normal
     * scheduler can wake the sampler tens of milliseconds late; a real-time thread that sleeps 99 % of the time is
     * woken within a fraction of a millisecond (docs/PERFORMANCE.md). It needs {@code chrt} (util-linux) and root or
     * {@code CAP_SYS_NICE}; if that fails the source samples anyway and the facts say why ({@code realtime}).
     *
     * @param priority 1 to 99; 0 leaves the normal policy (the default)
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if the source already started
     */
    public final synchronized void realtimePriority(int priority) {
        realtimePriority(priority, List.of());
    }

    /**
     * As {@link #realtimePriority(int)}, with {@code chrt} run through these words, for a process that holds no
     * {@code CAP_SYS_NICE} but may run {@code chrt} with sudo: {@code [sudo, -n]} runs {@code sudo -n chrt -f -p PRIORITY
     * TID}. The sweep driver passes its sudo prefix (docs/DRIVER.md, "Privileged steps"); an empty list runs {@code chrt}
     * itself. Where the prefix refuses (no sudoers entry, no cached credentials) the source samples at normal priority
     * and the facts say so with the prefix's own words.
     *
     * @param priority 1 to 99; 0 leaves the normal policy (the default)
     * @param prefix the words put before {@code chrt}; none may be empty
     * @throws IllegalArgumentException if the priority is out of range or a word is empty
     * @throws IllegalStateException if the source already started
     * @since 0.2.0
     */
    public final synchronized void realtimePriority(int priority, List<String> prefix) {
        for (String word : prefix) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException(name + ": the words before chrt must not be empty: " + prefix);
            }
        }
        if (priority < 0 || priority > 99) {
            throw new IllegalArgumentException(name + ": a SCHED_FIFO priority is 1 to 99 (0: off): " + priority);
        }
        if (thread != null) {
            throw new IllegalStateException(name + ": set the real-time priority before start()");
        }
        this.realtimePriority = priority;
        this.chrtPrefix = List.copyOf(prefix);
    }

    /**
     * Sets how long before each deadline the sampler thread stops parking and spins ({@link Thread#onSpinWait()})
     * until the deadline. Why: a parked thread is woken by a timer and then waits for a CPU; on a loaded machine that
     * wait is often a millisecond or more, and waking that much earlier absorbs it while the deadline schedule stays
     * exact. The cost is up to this much CPU time per period (1 ms per 10 ms is a tenth of one core while the sampler
     * is on time); at most a tenth of the interval is spun whatever is set; 0 (the default) parks until the deadline
     * itself. Measured on a loaded 2-core machine, spinning 1 ms did not help: a thread that spends CPU loses the
     * scheduler's preference for sleepers (docs/PERFORMANCE.md); {@link #realtimePriority(int)} is what works. Figures: docs/PERFORMANCE.md.
     *
     * @param nanos 0 to one interval; default {@link #DEFAULT_SPIN_NANOS}
     * @throws IllegalArgumentException if negative or longer than the interval
     * @throws IllegalStateException if the source already started
     * @since 0.2.0
     */
    public final synchronized void spinBeforeDeadlineNanos(long nanos) {
        if (nanos < 0 || nanos > intervalNanos) {
            throw new IllegalArgumentException(name + ": the spin before a deadline must be 0 to one interval ("
                    + intervalNanos + " ns): " + nanos);
        }
        if (thread != null) {
            throw new IllegalStateException(name + ": set the spin before start()");
        }
        this.spinNanos = nanos;
    }

    /** Promotes the calling (sampler) thread with chrt; records the outcome. */
    private void promote(int priority) {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // PID/task/TID
            String tid = self.substring(self.lastIndexOf('/') + 1);
            List<String> command = new ArrayList<>(chrtPrefix);
            command.addAll(List.of("chrt", "-f", "-p", Integer.toString(priority), tid));
            Process chrt = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(chrt.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            realtime = chrt.waitFor() == 0
                    ? "SCHED_FIFO " + priority + " (thread " + tid + ")"
                    : "refused, sampling at normal priority: " + String.join(" ", command) + " said " + output;
        } catch (IOException | RuntimeException e) {
            realtime = "refused, sampling at normal priority: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes one sample on the calling thread, for a caller that keeps its own schedule (and for the allocation
     * benchmark). Not while the source's own sampler runs: the trace has one writer.
     *
     * @throws IOException if a file cannot be read or holds no number; nothing is appended
     * @throws IllegalStateException if the source's sampler thread runs
     */
    public final void sampleNow() throws IOException {
        if (running) {
            throw new IllegalStateException(
                    name + " is sampling on its own thread; sampleNow() would be a second writer");
        }
        sample(System.nanoTime());
    }

    @Override
    public final synchronized void start() throws IOException, InterruptedException {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        Thread t = new Thread(this::loop, "tokjoule-live-" + name);
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
        if (!firstSample.await(FIRST_SAMPLE_LIMIT_NANOS, TimeUnit.NANOSECONDS)) {
            close();
            throw new IOException(
                    name + ": no sample within 5 s" + (lastProblem == null ? "" : "; last problem: " + lastProblem));
        }
    }

    private void loop() {
        if (realtimePriority > 0) {
            promote(realtimePriority);
        }
        long spin = Math.min(spinNanos, intervalNanos / 10);
        long deadline = System.nanoTime();
        try {
            while (running) {
                long now = System.nanoTime();
                while (deadline - now > spin && running) {
                    LockSupport.parkNanos(deadline - now - spin);
                    now = System.nanoTime();
                }
                while (now - deadline < 0 && running) {
                    Thread.onSpinWait();
                    now = System.nanoTime();
                }
                if (!running) {
                    break;
                }
                jitter.record(now - deadline);
                try {
                    sample(now);
                } catch (IOException | RuntimeException e) {
                    failures++;
                    lastProblem = e.getMessage();
                }
                deadline += intervalNanos;
                long behind = System.nanoTime() - deadline;
                if (behind >= intervalNanos) {
                    long skipped = behind / intervalNanos;
                    missedDeadlines += skipped;
                    deadline += skipped * intervalNanos;
                }
            }
        } finally {
            running = false;
            release();
        }
    }

    @Override
    public final SourceStatus status() {
        Map<String, String> now = new LinkedHashMap<>(facts);
        now.put("realtime", realtime);
        return new SourceStatus(
                name, running, samples, failures, missedDeadlines, Optional.ofNullable(lastProblem), now);
    }

    @Override
    public final void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        traces().forEach(io.github.tokjoule.live.LiveTrace::closeSpill);
    }
}
