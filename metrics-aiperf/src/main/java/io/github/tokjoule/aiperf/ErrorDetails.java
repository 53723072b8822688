package io.github.tokjoule.aiperf;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An error as aiperf describes it ({@code ErrorDetails}): HTTP-like code, exception type, message and cause, each
 * optional. Cancelled requests have code 499 and type {@code RequestCancellationError}.
 *
 * @since 0.1.0
 */
public final class ErrorDetails {

    private final @Nullable Integer code;
    private final @Nullable String type;
    private final @Nullable String message;
    private final @Nullable String cause;

    private ErrorDetails(
            @Nullable Integer code, @Nullable String type, @Nullable String message, @Nullable String cause) {
        this.code = code;
        this.type = type;
        this.message = message;
        this.cause = cause;
    }

    /**
     * Returns error details.
     *
     * @param code the code, e.g. 499, if known
     * @param type the error type, e.g. {@code "RequestCancellationError"}, if known
     * @param message the message, if known
     * @param cause the cause text, if known
     * @return the details
     */
    public static ErrorDetails of(
            OptionalInt code, Optional<String> type, Optional<String> message, Optional<String> cause) {
        return new ErrorDetails(
                code.isPresent() ? code.getAsInt() : null, type.orElse(null), message.orElse(null), cause.orElse(null));
    }

    static ErrorDetails ofNullable(
            @Nullable Integer code, @Nullable String type, @Nullable String message, @Nullable String cause) {
        return new ErrorDetails(code, type, message, cause);
    }

    /** {@return the error code, e.g. an HTTP status or 499 for a cancellation} */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** {@return the error type, e.g. {@code "RequestCancellationError"}} */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** {@return the message} */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** {@return the cause (aiperf ≥ 0.8)} */
    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    /** {@return whether this is a request cancelled on purpose by aiperf (code 499 or type RequestCancellationError)} */
    public boolean isCancellation() {
        return (code != null && code == 499) || "RequestCancellationError".equals(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorDetails other
                && Objects.equals(code, other.code)
                && Objects.equals(type, other.type)
                && Objects.equals(message, other.message)
                && Objects.equals(cause, other.cause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, type, message, cause);
    }

    @Override
    public String toString() {
        return "ErrorDetails[code=" + code + ", type=" + type + ", message=" + message + ", cause=" + cause + "]";
    }
}
