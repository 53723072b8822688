package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import java.io.IOException;
import java.util.LinkedHashMap;
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
 * parks until each deadline, records its lateness in a {@link JitterHistogram}, and reads. A read that fails is counted
 * and skipped (the trace simply has no sample there, and the coverage of a window across it reports the gap); a read
 * so late that whole deadlines passed counts those as missed and resumes at the next deadline in the future, so a
 * stall never makes a burst of catch-up samples. The steady-state loop allocates nothing.
 */
abstract class PeriodicSource implements PowerSource {

    private static final long FIRST_SAMPLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

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
        long deadline = System.nanoTime();
        try {
            while (running) {
                long now = System.nanoTime();
                while (now - deadline < 0 && running) {
                    LockSupport.parkNanos(deadline - now);
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
        return new SourceStatus(
                name, running, samples, failures, missedDeadlines, Optional.ofNullable(lastProblem), facts);
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
