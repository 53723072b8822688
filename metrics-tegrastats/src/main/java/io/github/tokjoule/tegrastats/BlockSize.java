package io.github.tokjoule.tegrastats;

import java.util.OptionalLong;

/**
 * A size printed inside parentheses after a memory field: the largest free blocks of RAM ({@code (lfb 3x4MB)}: 3
 * blocks of 4 MB; {@code (lfb 1x512kB)}), of IRAM ({@code (lfb 252kB)}: no count), or the cached swap
 * ({@code (cached 0MB)}: no count).
 *
 * @param count the number of blocks ({@code N} in {@code NxS}), or empty when the form has no count
 * @param size the size, in {@code unit}
 * @param unit the printed unit
 * @since 0.1.0
 */
public record BlockSize(OptionalLong count, long size, SizeUnit unit) {

    /** {@return the size in kilobytes (KiB)} */
    public double sizeKilobytes() {
        return unit.toKilobytes(size);
    }

    /** {@return the size in megabytes (MiB)} */
    public double sizeMegabytes() {
        return unit.toMegabytes(size);
    }
}
