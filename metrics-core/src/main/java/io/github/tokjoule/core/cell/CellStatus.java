package io.github.tokjoule.core.cell;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a cell produced results: {@link #ok()}, or {@link #failed(String)} with the reason (the model could not be
 * served, the run crashed, every request failed). A failed cell keeps its row, with {@code NaN} numbers, so that
 * nothing is lost silently.
 *
 * @since 0.1.0
 */
public final class CellStatus {

    private static final CellStatus OK = new CellStatus(null);

    private final @Nullable String failureReason;

    private CellStatus(@Nullable String failureReason) {
        this.failureReason = failureReason;
    }

    /** {@return the status of a cell that produced results} */
    public static CellStatus ok() {
        return OK;
    }

    /**
     * Returns the status of a failed cell.
     *
     * @param reason why, e.g. the text of the sweep's {@code FAILED} file; not blank
     * @return the status
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    public static CellStatus failed(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason of a failed cell must not be blank");
        }
        return new CellStatus(reason.strip());
    }

    /** {@return {@code true} if the cell produced results} */
    public boolean isOk() {
        return failureReason == null;
    }

    /** {@return the reason of the failure, or empty if the cell is ok} */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellStatus && Objects.equals(failureReason, ((CellStatus) o).failureReason);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(failureReason);
    }

    /** {@return {@code ok} or {@code failed: <reason>}} */
    @Override
    public String toString() {
        return failureReason == null ? "ok" : "failed: " + failureReason;
    }
}
