package io.github.tokjoule.jetson.driver.process;

import java.time.Duration;

/**
 * Waits for a while: cooldowns and polling go through it, so tests do not wait.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the real sleeper ({@link Thread#sleep(long)}).
     *
     * @return the sleeper
     */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        };
    }
}
