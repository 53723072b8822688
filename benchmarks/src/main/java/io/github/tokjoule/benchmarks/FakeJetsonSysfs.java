package io.github.tokjoule.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake Jetson sysfs tree for the live-sampling benchmarks: one INA3221 chip with three rails (the Orin Nano's
 * VDD_IN, VDD_CPU_GPU_CV, VDD_SOC), values rewritten in place (fixed width, same inode) as sysfs attributes change,
 * and one RAPL package zone.
 */
final class FakeJetsonSysfs {

    static final String[] RAILS = {"VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"};

    final Path root;
    private final Path chip;

    FakeJetsonSysfs(Path root) throws IOException {
        this.root = root;
        this.chip = root.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.createDirectories(chip);
        Files.writeString(chip.resolve("samples"), "4\n", StandardCharsets.US_ASCII);
        Files.writeString(chip.resolve("update_interval"), "6\n", StandardCharsets.US_ASCII);
        for (int i = 0; i < RAILS.length; i++) {
            Files.writeString(chip.resolve("in" + (i + 1) + "_label"), RAILS[i] + "\n", StandardCharsets.US_ASCII);
            set(i, 5000, 1000 + 100 * i);
        }
        Path zone = root.resolve("class/powercap/intel-rapl:0");
        Files.createDirectories(zone);
        Files.writeString(zone.resolve("name"), "package-0\n", StandardCharsets.US_ASCII);
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n", StandardCharsets.US_ASCII);
        Files.writeString(zone.resolve("energy_uj"), "1000000\n", StandardCharsets.US_ASCII);
    }

    /** Rewrites one rail's bus voltage (mV) and current (mA) in place; four digits each, so never a torn number. */
    void set(int rail, int millivolts, int milliamps) throws IOException {
        rewrite(chip.resolve("in" + (rail + 1) + "_input"), millivolts);
        rewrite(chip.resolve("curr" + (rail + 1) + "_input"), milliamps);
    }

    private static void rewrite(Path file, int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
