package io.github.tokjoule.tegrastats;

/**
 * A memory size unit as tegrastats prints it. tegrastats divides kernel kibibyte counts by 1024, so its {@code kB},
 * {@code MB} and {@code GB} are binary units (KiB, MiB, GiB).
 *
 * @since 0.1.0
 */
public enum SizeUnit {
    /** {@code B}: bytes. */
    BYTES("B", 1L),
    /** {@code kB} (also read from {@code KB}): 1024 bytes. */
    KILOBYTES("kB", 1L << 10),
    /** {@code MB}: 1024² bytes. */
    MEGABYTES("MB", 1L << 20),
    /** {@code GB}: 1024³ bytes. */
    GIGABYTES("GB", 1L << 30);

    private final String symbol;
    private final long bytes;

    SizeUnit(String symbol, long bytes) {
        this.symbol = symbol;
        this.bytes = bytes;
    }

    /** {@return the symbol tegrastats prints, e.g. {@code "MB"}} */
    public String symbol() {
        return symbol;
    }

    /** {@return the number of bytes in one unit} */
    public long bytes() {
        return bytes;
    }

    /**
     * Converts a value in this unit to megabytes (MiB).
     *
     * @param value a count of this unit
     * @return {@code value · bytes() / 2^20}
     */
    public double toMegabytes(long value) {
        return value * (double) bytes / (1L << 20);
    }

    /**
     * Converts a value in this unit to kilobytes (KiB).
     *
     * @param value a count of this unit
     * @return {@code value · bytes() / 2^10}
     */
    public double toKilobytes(long value) {
        return value * (double) bytes / (1L << 10);
    }
}
