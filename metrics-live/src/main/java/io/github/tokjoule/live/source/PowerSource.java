package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.util.List;

/**
 * A live source of power samples: it fills one or more {@link LiveTrace}s from its own thread until closed.
 *
 * @since 0.2.0
 */
public interface PowerSource extends AutoCloseable {

    /** {@return the source's name, e.g. {@code hwmon}} */
    String name();

    /**
     * Starts sampling; returns once the first sample is in the traces, so that they cover what follows.
     *
     * @throws IOException if the source cannot start or gives no first sample in time (the message says why and
     *     what to do)
     * @throws InterruptedException if interrupted while waiting for the first sample (the source is then stopped)
     */
    void start() throws IOException, InterruptedException;

    /** {@return the traces this source fills; valid after {@link #start()}} */
    List<LiveTrace> traces();

    /** {@return the source's health now} */
    SourceStatus status();

    /** Stops sampling and waits for the sampler to end; the traces keep every sample taken. Idempotent. */
    @Override
    void close();
}
