package io.github.tokjoule.tegrastats;

import java.util.OptionalInt;

/**
 * One CPU core of the {@code CPU [..]} list, in the position it was printed.
 *
 * @param index the 0-based position in the list
 * @param online {@code false} when the core was printed as {@code off}
 * @param loadPercent the load in percent, empty for an {@code off} core
 * @param frequencyMhz the frequency in MHz; for the legacy {@code cpu [a%,b%]@F} form the shared frequency {@code F}
 *     of every online core; empty for an {@code off} core or when no frequency was printed
 * @since 0.1.0
 */
public record CpuCore(int index, boolean online, OptionalInt loadPercent, OptionalInt frequencyMhz) {}
