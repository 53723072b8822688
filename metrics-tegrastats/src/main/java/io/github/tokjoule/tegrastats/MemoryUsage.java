package io.github.tokjoule.tegrastats;

/**
 * A used/total pair as printed ({@code RAM 6879/62841MB}, {@code SWAP 0/31421MB}, {@code IRAM 0/252kB}), in the unit
 * printed after the total.
 *
 * @param used the used amount, in {@code unit}
 * @param total the total amount, in {@code unit}
 * @param unit the printed unit
 * @since 0.1.0
 */
public record MemoryUsage(long used, long total, SizeUnit unit) {

    /** {@return the used amount in megabytes (MiB), converted from the printed unit} */
    public double usedMegabytes() {
        return unit.toMegabytes(used);
    }

    /** {@return the total amount in megabytes (MiB), converted from the printed unit} */
    public double totalMegabytes() {
        return unit.toMegabytes(total);
    }

    /** {@return the used amount in kilobytes (KiB), converted from the printed unit} */
    public double usedKilobytes() {
        return unit.toKilobytes(used);
    }

    /** {@return the total amount in kilobytes (KiB), converted from the printed unit} */
    public double totalKilobytes() {
        return unit.toKilobytes(total);
    }
}
