package io.github.tokjoule.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.util.CloseableIterator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link Following#status()} once the embedded cluster has shut down after its job ended: it can no longer be asked
 * for the job's status (it answers "MiniCluster is not yet running or has already been shut down", as the per-job
 * MiniCluster of {@code tokjoule fleet --follow} did once on a loaded machine), so the job's end is read from its
 * result. The client below stands in for that cluster's: a status request fails, the result is complete.
 */
class FollowingStatusTest {

    /** A job client whose cluster is gone: status requests fail; the result is the given one. */
    private static final class ShutDownCluster implements JobClient {
        private final CompletableFuture<JobExecutionResult> result;

        ShutDownCluster(CompletableFuture<JobExecutionResult> result) {
            this.result = result;
        }

        @Override
        public JobID getJobID() {
            return new JobID();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("MiniCluster is not yet running or has already been shut down."));
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.failedFuture(new IllegalStateException("already shut down"));
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime, @Nullable String dir, SavepointFormatType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(@Nullable String dir, SavepointFormatType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }

    private static final BoardJoin.Output NOTHING = new BoardJoin.Output() {
        @Override
        public void cell(CellFigures cell) {}

        @Override
        public void notice(BoardNotice notice) {}
    };

    private static Following following(CompletableFuture<JobExecutionResult> result) {
        return new Following(
                new ShutDownCluster(result), CloseableIterator.empty(), CloseableIterator.empty(), NOTHING);
    }

    @Test
    void aFailedJobIsReportedWithItsOwnCause() throws Exception {
        IllegalStateException cause = new IllegalStateException("the job's own failure");
        try (Following job = following(CompletableFuture.failedFuture(cause))) {
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.failure()).containsSame(cause);
        }
    }

    @Test
    void aFinishedJobIsReportedFinished() throws Exception {
        try (Following job =
                following(CompletableFuture.completedFuture(new JobExecutionResult(new JobID(), 1, Map.of())))) {
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.failure()).isEmpty();
        }
    }

    @Test
    void aRunningJobWhoseStatusCannotBeAskedIsAnError() throws Exception {
        try (Following job = following(new CompletableFuture<>())) {
            assertThatThrownBy(job::status)
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("MiniCluster is not yet running");
        }
    }
}
