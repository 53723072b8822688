package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Jetson's INA3221 power monitors read through the kernel's hwmon files, at a fixed period (default 10 ms).
 *
 * <h2>Discovery</h2>
 *
 * Under a sysfs root (normally {@code /sys}; a test gives a fake tree) the chips are found at
 * {@code bus/i2c/drivers/ina3221*}{@code /*}{@code /hwmon/hwmon*} (the Jetson layout) and at {@code class/hwmon/hwmon*}
 * whose {@code name} is {@code ina3221}; a directory reached both ways counts once. In each chip every channel
 * {@code N} with an {@code inN_label} is a rail named by its label, unless {@code inN_enable} is {@code 0}; its power is
 * {@code power_N_input} in µW where that file exists, else {@code inN_input} (bus voltage, mV) × {@code currN_input}
 * (current, mA) / 10⁶, in watts. A label found on two chips is suffixed with {@code @hwmonK}. The chip's
 * {@code samples} (readings averaged per conversion) and {@code update_interval} (the conversion time in ms, as the
 * kernel's ina3221 documentation defines it) are recorded in the {@link SourceStatus#facts()}: a sampling interval
 * below {@code update_interval} reads the same conversion twice.
 *
 * <h2>Sampling</h2>
 *
 * The files stay open and are re-read from offset 0 each period (see {@link PeriodicSource}); the sample time is the
 * middle of the reads of one period. A read error (the chip gone, an i2c error) is counted and the period skipped.
 *
 * @since 0.2.0
 */
public final class HwmonSource extends PeriodicSource {

    private static final Pattern LABEL = Pattern.compile("in(\\d+)_label");

    private final List<Channel> channels;
    private final LiveTrace trace;
    private final double[] wattsBuffer;

    private record Channel(
            String rail,
            @Nullable SysfsFile power,
            @Nullable SysfsFile millivolts,
            @Nullable SysfsFile milliamps) {}

    private HwmonSource(List<Channel> channels, LiveTrace trace, long intervalNanos, LiveClock clock) {
        super("hwmon", intervalNanos, clock);
        this.channels = channels;
        this.trace = trace;
        this.wattsBuffer = new double[channels.size()];
    }

    /**
     * Finds the INA3221 rails under a sysfs root and opens their files.
     *
     * @param sysfsRoot the sysfs root, normally {@code /sys}
     * @param intervalNanos the sampling interval in ns, positive (10 ms for 100 Hz)
     * @param capacity the trace's ring capacity in samples
     * @param clock the clock (normally {@link LiveClock#system()})
     * @return the source, not started
     * @throws IOException if no INA3221 rail is found (the message names the paths searched) or a file cannot be
     *     opened
     */
    public static HwmonSource open(Path sysfsRoot, long intervalNanos, int capacity, LiveClock clock)
            throws IOException {
        Set<Path> chips = findChips(sysfsRoot);
        List<Channel> channels = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        Set<String> labels = new TreeSet<>();
        long delayNanos = 0;
        List<SysfsFile> opened = new ArrayList<>();
        try {
            for (Path chip : chips) {
                String samples = readText(chip.resolve("samples"));
                String update = readText(chip.resolve("update_interval"));
                facts.add(chip + " samples=" + samples + " update_interval=" + update);
                delayNanos = Math.max(delayNanos, sensorDelayNanos(samples, update));
                for (int n : channelNumbers(chip)) {
                    String label = readText(chip.resolve("in" + n + "_label"));
                    if ("0".equals(readText(chip.resolve("in" + n + "_enable")))) {
                        continue;
                    }
                    Path power = chip.resolve("power" + n + "_input");
                    Path volts = chip.resolve("in" + n + "_input");
                    Path amps = chip.resolve("curr" + n + "_input");
                    String rail = labels.add(label) ? label : label + "@" + chip.getFileName();
                    if (Files.isReadable(power)) {
                        channels.add(new Channel(rail, opened(opened, power), null, null));
                    } else if (Files.isReadable(volts) && Files.isReadable(amps)) {
                        channels.add(new Channel(rail, null, opened(opened, volts), opened(opened, amps)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A file that fails to open after others did: close those, or every retry leaks their descriptors
            for (SysfsFile f : opened) {
                try {
                    f.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        if (channels.isEmpty()) {
            throw new IOException("no INA3221 rail under " + sysfsRoot + " (searched "
                    + sysfsRoot.resolve("bus/i2c/drivers/ina3221*/*/hwmon/hwmon*") + " and "
                    + sysfsRoot.resolve("class/hwmon/hwmon*") + " named ina3221); on a Jetson give --sysfs-root /sys,"
                    + " elsewhere use another --source");
        }
        List<String> rails = channels.stream().map(Channel::rail).toList();
        LiveTrace trace = LiveTrace.builder("hwmon", rails)
                .capacity(capacity)
                .nominalIntervalNanos(intervalNanos)
                .sensorDelayNanos(delayNanos)
                .build();
        HwmonSource source = new HwmonSource(List.copyOf(channels), trace, intervalNanos, clock);
        source.fact(
                "sensor delay", delayNanos + " ns (update_interval × (2 − 1/samples); 0 where the chip does not say)");
        for (int i = 0; i < facts.size(); i++) {
            source.fact("chip" + i, facts.get(i));
        }
        for (Channel c : channels) {
            source.fact(
                    "rail " + c.rail(),
                    c.power() != null
                            ? c.power().path().toString()
                            : requireFile(c.millivolts()).path() + " × "
                                    + requireFile(c.milliamps()).path());
        }
        return source;
    }

    /** Opens a sysfs file and remembers it, so that a later failure can close it. */
    private static SysfsFile opened(List<SysfsFile> opened, Path path) throws IOException {
        SysfsFile f = new SysfsFile(path);
        opened.add(f);
        return f;
    }

    /**
     * The sensor delay of a chip: a reading reflects the power at some time within {@code update_interval × (2 −
     * 1/samples)} before it is read. Why: the chip refreshes a channel's register once per {@code update_interval}
     * (ms, the hwmon ABI), so the value read is up to one period old, and it averages {@code samples} conversions
     * spread over the period before that refresh (one short conversion for {@code samples = 1}).
     *
     * @param samples the chip's {@code samples} file's text
     * @param updateInterval its {@code update_interval} file's text, in ms
     * @return the delay in ns; 0 if either is absent or not a positive whole number
     */
    static long sensorDelayNanos(String samples, String updateInterval) {
        try {
            long s = Long.parseLong(samples);
            long ms = Long.parseLong(updateInterval);
            if (s < 1 || ms < 1) {
                return 0;
            }
            return Math.round(ms * 1e6 * (2.0 - 1.0 / s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static SysfsFile requireFile(@Nullable SysfsFile file) {
        if (file == null) {
            throw new IllegalStateException("a V×I channel without its files");
        }
        return file;
    }

    private static Set<Path> findChips(Path root) throws IOException {
        Set<Path> found = new LinkedHashSet<>();
        for (Path driver : list(root.resolve("bus/i2c/drivers"), "ina3221*")) {
            for (Path device : list(driver, "*")) {
                for (Path hwmon : list(device.resolve("hwmon"), "hwmon*")) {
                    found.add(hwmon.toRealPath());
                }
            }
        }
        for (Path hwmon : list(root.resolve("class/hwmon"), "hwmon*")) {
            if ("ina3221".equals(readText(hwmon.resolve("name")))) {
                found.add(hwmon.toRealPath());
            }
        }
        return found;
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    private static List<Integer> channelNumbers(Path chip) throws IOException {
        Set<Integer> numbers = new TreeSet<>();
        for (Path label : list(chip, "in*_label")) {
            Matcher m = LABEL.matcher(label.getFileName().toString());
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return new ArrayList<>(numbers);
    }

    /** The trimmed content of a small text file, or {@code "absent"}. */
    static String readText(Path file) throws IOException {
        return Files.isReadable(file)
                ? Files.readString(file, StandardCharsets.US_ASCII).trim()
                : "absent";
    }

    @Override
    void sample(long beforeNanoTime) throws IOException {
        for (int i = 0; i < wattsBuffer.length; i++) {
            Channel c = channels.get(i);
            SysfsFile power = c.power();
            SysfsFile mv = c.millivolts();
            SysfsFile ma = c.milliamps();
            if (power != null) {
                wattsBuffer[i] = power.readLong() / 1e6;
            } else if (mv != null && ma != null) {
                wattsBuffer[i] = (double) mv.readLong() * (double) ma.readLong() / 1e6;
            }
        }
        long after = System.nanoTime();
        trace.appendWatts(clock().toEpochNanos(beforeNanoTime + (after - beforeNanoTime) / 2), wattsBuffer);
        sampled();
    }

    @Override
    void release() {
        for (Channel c : channels) {
            closeQuietly(c.power());
            closeQuietly(c.millivolts());
            closeQuietly(c.milliamps());
        }
    }

    static void closeQuietly(@Nullable SysfsFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Closing a sysfs file cannot lose data; nothing to report.
            }
        }
    }

    @Override
    public List<LiveTrace> traces() {
        return List.of(trace);
    }
}
