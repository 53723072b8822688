package io.github.tokjoule.jetson.driver;

/**
 * Receives progress events on the driver's thread; keep it quick.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SweepListener {

    /**
     * Called on each progress event.
     *
     * @param progress the event
     */
    void onProgress(SweepProgress progress);

    /**
     * Returns a listener that ignores every event.
     *
     * @return the listener
     */
    static SweepListener none() {
        return progress -> {};
    }
}
