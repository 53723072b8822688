package io.github.tokjoule.flink;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.CloseableIterator;
import org.jspecify.annotations.Nullable;

/**
 * A running unbounded fleet job ({@link FleetJob#start}): two threads hand its cells and notices to the listener as
 * they come. {@link #close} cancels the job and waits for the threads.
 *
 * @since 0.2.0
 */
public final class Following implements AutoCloseable {

    private final JobClient client;
    private final CloseableIterator<CellFigures> cells;
    private final CloseableIterator<BoardNotice> notices;
    private final Thread cellThread;
    private final Thread noticeThread;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Following(
            JobClient client,
            CloseableIterator<CellFigures> cells,
            CloseableIterator<BoardNotice> notices,
            BoardJoin.Output listener) {
        this.client = client;
        this.cells = cells;
        this.notices = notices;
        this.cellThread = drain("fleet cells", cells, listener::cell);
        this.noticeThread = drain("fleet notices", notices, listener::notice);
    }

    private <T> Thread drain(String name, CloseableIterator<T> it, Consumer<T> to) {
        Thread t = new Thread(
                () -> {
                    try {
                        while (it.hasNext()) {
                            to.accept(it.next());
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {@return the job's id} */
    public JobID jobId() {
        return client.getJobID();
    }

    /**
     * Returns the job's status now. An embedded cluster shuts down once its job has ended, after which it can no longer
     * be asked; the job's end is then read from its result instead: {@code FINISHED}, or {@code FAILED} with the
     * job's own failure recorded for {@link #failure()} (rather than the cluster's "not running" complaint).
     *
     * @return the status
     * @throws Exception if it cannot be asked and the job has not ended
     */
    public JobStatus status() throws Exception {
        try {
            return client.getJobStatus().get();
        } catch (ExecutionException e) {
            CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
            if (!result.isDone()) {
                throw e;
            }
            try {
                result.get();
                return JobStatus.FINISHED;
            } catch (ExecutionException failed) {
                failure.compareAndSet(null, failed.getCause() == null ? failed : failed.getCause());
                return JobStatus.FAILED;
            }
        }
    }

    /** {@return what stopped a result thread (the job failed for good, or the listener threw), if anything did} */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Waits until the job ends (an unbounded job ends only when cancelled or when it fails for good).
     *
     * @throws Exception if the job failed
     */
    public void await() throws Exception {
        client.getJobExecutionResult().get();
        cellThread.join();
        noticeThread.join();
    }

    /**
     * Cancels the job, closes the result streams and waits for the threads.
     *
     * @throws Exception if cancelling fails
     */
    @Override
    public void close() throws Exception {
        try {
            client.cancel().get();
        } catch (Exception e) {
            // already finished or failed: nothing to cancel
        } finally {
            cells.close();
            notices.close();
            cellThread.join(10_000);
            noticeThread.join(10_000);
        }
    }
}
