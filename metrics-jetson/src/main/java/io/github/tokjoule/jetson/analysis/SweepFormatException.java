package io.github.tokjoule.jetson.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A sweep directory or one of its files is not what the layout promises: the message names the file and, where
 * known, the JSON key or line, and the offending value.
 *
 * @since 0.1.0
 */
public final class SweepFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or directory at fault. */
    private final transient Path source;

    /**
     * Creates the exception.
     *
     * @param source the file or directory at fault
     * @param reason what is wrong, naming the key or line and the value
     * @param cause the underlying error, if any
     */
    public SweepFormatException(Path source, String reason, @Nullable Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
    }

    /** {@return the file or directory at fault} */
    public Path source() {
        return source;
    }
}
