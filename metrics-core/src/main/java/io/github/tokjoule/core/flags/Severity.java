package io.github.tokjoule.core.flags;

/**
 * How much a {@link Flag} matters, in increasing order.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** Worth knowing, the number stands (e.g. sample times were reconstructed). */
    INFO,
    /** The number is approximate; publish it with the flag (e.g. prefill undersampled). */
    WARNING,
    /** The number is probably wrong or missing (e.g. the window lies outside the power trace). */
    ERROR;

    /**
     * Tells whether this severity is at least as serious as another.
     *
     * @param other the other severity
     * @return {@code true} if {@code this.compareTo(other) >= 0}
     */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
