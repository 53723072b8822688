package io.github.tokjoule.live.source;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake sysfs tree in a temporary directory, laid out as a Jetson Orin's: INA3221 chips under
 * {@code bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1} with a {@code class/hwmon/hwmon1} link to the same directory,
 * and powercap RAPL zones. Values are rewritten in place (the file keeps its inode, as a sysfs attribute does), with
 * a fixed width per file so that a reader never sees a half-written number.
 */
final class FakeSysfs {

    final Path root;
    final Path chip;

    FakeSysfs(Path root) throws IOException {
        this.root = root;
        this.chip = root.resolve("bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.createDirectories(chip);
        Files.createDirectories(root.resolve("class/hwmon"));
        Files.createSymbolicLink(root.resolve("class/hwmon/hwmon1"), chip);
        write(chip.resolve("name"), "ina3221");
        write(chip.resolve("samples"), "4");
        write(chip.resolve("update_interval"), "6");
    }

    /** Adds channel {@code n} with a label, a bus voltage in mV and a current in mA. */
    void channel(int n, String label, long millivolts, long milliamps) throws IOException {
        write(chip.resolve("in" + n + "_label"), label);
        write(chip.resolve("in" + n + "_enable"), "1");
        set("in" + n + "_input", millivolts);
        set("curr" + n + "_input", milliamps);
    }

    /** Rewrites one attribute of the chip in place. */
    void set(String attribute, long value) throws IOException {
        rewrite(chip.resolve(attribute), value);
    }

    static void rewrite(Path file, long value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] bytes = (value + "\n").getBytes(StandardCharsets.US_ASCII);
            raf.seek(0);
            raf.write(bytes);
            raf.setLength(bytes.length);
        }
    }

    /** Adds a RAPL zone {@code intel-rapl:ID} with its name, counter and range. */
    Path raplZone(String id, String name, long energyMicrojoules, long maxRange) throws IOException {
        Path zone = root.resolve("class/powercap/intel-rapl:" + id);
        Files.createDirectories(zone);
        write(zone.resolve("name"), name);
        write(zone.resolve("max_energy_range_uj"), Long.toString(maxRange));
        rewrite(zone.resolve("energy_uj"), energyMicrojoules);
        return zone;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
    }
}
