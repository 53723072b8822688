package io.github.tokjoule.live;

import java.time.Instant;

/**
 * The one clock of live measurement: a monotonic clock ({@link System#nanoTime()}) mapped once to epoch nanoseconds.
 *
 * <p>Why: the wall clock may step (NTP, a manual change) while a trace is recorded, which would put samples out of
 * order or stretch a window. The monotonic clock never steps; reading the wall clock once, at construction, fixes the
 * offset, so {@code epochNanos = originEpochNanos + (nanoTime − originNanoTime)}. The epoch values are as exact as
 * the wall clock was at that one instant (typically within a millisecond under NTP) and every difference between two
 * of them is exact to the monotonic clock's resolution. Samples and windows must take their times from the same
 * instance to be comparable to the nanosecond: use {@link #system()} everywhere unless a test injects its own.
 *
 * @since 0.2.0
 */
public final class LiveClock {

    private static final LiveClock SYSTEM = mappedNow();

    private final long originEpochNanos;
    private final long originNanoTime;

    private LiveClock(long originEpochNanos, long originNanoTime) {
        this.originEpochNanos = originEpochNanos;
        this.originNanoTime = originNanoTime;
    }

    /** {@return the process-wide clock, mapped once when this class is first used} */
    public static LiveClock system() {
        return SYSTEM;
    }

    /** {@return a new clock mapped now: the wall clock read once, beside the monotonic clock} */
    public static LiveClock mappedNow() {
        long before = System.nanoTime();
        Instant now = Instant.now();
        long after = System.nanoTime();
        long epoch = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        // The wall-clock read happened somewhere between the two monotonic reads: take the middle.
        return new LiveClock(epoch, before + (after - before) / 2);
    }

    /** {@return the current time in epoch nanoseconds; never decreases} */
    public long nowEpochNanos() {
        return toEpochNanos(System.nanoTime());
    }

    /**
     * Converts a reading of {@link System#nanoTime()} to epoch nanoseconds on this clock's mapping.
     *
     * @param nanoTime a value of {@link System#nanoTime()} in this JVM
     * @return the epoch nanoseconds
     */
    public long toEpochNanos(long nanoTime) {
        return originEpochNanos + (nanoTime - originNanoTime);
    }

    /**
     * Converts epoch nanoseconds on this clock back to the monotonic clock, e.g. to park until a deadline.
     *
     * @param epochNanos an instant on this clock
     * @return the {@link System#nanoTime()} value of that instant
     */
    public long toNanoTime(long epochNanos) {
        return originNanoTime + (epochNanos - originEpochNanos);
    }

    @Override
    public String toString() {
        return "LiveClock[origin " + Instant.ofEpochSecond(0, originEpochNanos) + "]";
    }
}
