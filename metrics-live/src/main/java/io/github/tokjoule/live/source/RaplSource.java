package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux powercap RAPL energy counters of the CPU packages (and their sub-zones: core, uncore, dram), read at a fixed
 * period into an {@link LiveTrace.Reading#ENERGY_COUNTER} trace, so window energies are the counters' own.
 *
 * <h2>Discovery</h2>
 *
 * Every directory {@code class/powercap/intel-rapl:*} under the sysfs root with an {@code energy_uj} file is a zone; its
 * rail is named by its {@code name} file ({@code package-0}, …), a sub-zone ({@code intel-rapl:0:1}) by its parent's
 * name, a slash and its own ({@code package-0/uncore}). {@code max_energy_range_uj} is read once per zone.
 *
 * <h2>Wrap-around</h2>
 *
 * {@code energy_uj} counts micro-joules up to {@code max_energy_range_uj} and starts again from 0. Between two reads a
 * counter that went down wrapped once: the energy of that period is {@code now + max_energy_range_uj − previous}.
 * (The hardware counter's true period is one energy unit, some 15 to 61 µJ, more than {@code max_energy_range_uj}:
 * that much per wrap is below the counter's resolution and is not added.) Two wraps between reads cannot be seen; they
 * need a period longer than {@code max_energy_range_uj} / power, about 60 s at 4 kW, far above any sampling interval.
 * Since Linux 5.10 {@code energy_uj} is readable by root only; the error says so.
 *
 * @since 0.2.0
 */
public final class RaplSource extends PeriodicSource {

    private final SysfsFile[] counters;
    private final long[] maxRangeMicrojoules;
    private final long[] previous;
    private final long[] unwrapped;
    private final long[] wraps;
    private final double[] joules;
    private final LiveTrace trace;
    private boolean first = true;

    private RaplSource(
            List<String> rails,
            SysfsFile[] counters,
            long[] maxRange,
            long intervalNanos,
            int capacity,
            LiveClock clock) {
        super("rapl", intervalNanos, clock);
        this.counters = counters;
        this.maxRangeMicrojoules = maxRange;
        this.previous = new long[counters.length];
        this.unwrapped = new long[counters.length];
        this.wraps = new long[counters.length];
        this.joules = new double[counters.length];
        this.trace = LiveTrace.builder("rapl", rails)
                .reading(LiveTrace.Reading.ENERGY_COUNTER)
                .capacity(capacity)
                .nominalIntervalNanos(intervalNanos)
                .build();
    }

    /**
     * Finds the RAPL zones under a sysfs root and opens their counters.
     *
     * @param sysfsRoot the sysfs root, normally {@code /sys}
     * @param intervalNanos the sampling interval in ns, positive
     * @param capacity the trace's ring capacity in samples
     * @param clock the clock
     * @return the source, not started
     * @throws IOException if there is no zone (the message names the path searched), a counter is not readable (the
     *     message says that root is needed since Linux 5.10), or {@code max_energy_range_uj} is missing
     */
    public static RaplSource open(Path sysfsRoot, long intervalNanos, int capacity, LiveClock clock)
            throws IOException {
        Path powercap = sysfsRoot.resolve("class/powercap");
        List<Path> zones = new ArrayList<>();
        if (Files.isDirectory(powercap)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(powercap, "intel-rapl:*")) {
                stream.forEach(zones::add);
            }
        }
        zones.removeIf(z -> !Files.exists(z.resolve("energy_uj")));
        zones.sort(null);
        if (zones.isEmpty()) {
            throw new IOException("no RAPL zone with energy_uj under " + powercap
                    + " (an Intel or AMD CPU with the intel_rapl_common module loaded has one)");
        }
        List<String> rails = new ArrayList<>();
        SysfsFile[] counters = new SysfsFile[zones.size()];
        long[] max = new long[zones.size()];
        List<String> facts = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            Path zone = zones.get(i);
            String dir = zone.getFileName().toString();
            String name = HwmonSource.readText(zone.resolve("name"));
            String id = dir.substring("intel-rapl:".length());
            int colon = id.indexOf(':');
            String rail = colon < 0
                    ? name
                    : HwmonSource.readText(powercap.resolve("intel-rapl:" + id.substring(0, colon))
                                    .resolve("name")) + "/" + name;
            rails.add(rail);
            String range = HwmonSource.readText(zone.resolve("max_energy_range_uj"));
            try {
                max[i] = Long.parseLong(range);
            } catch (NumberFormatException e) {
                throw new IOException(
                        zone.resolve("max_energy_range_uj") + " is " + range
                                + ": a counter without its range cannot be unwrapped",
                        e);
            }
            try {
                counters[i] = new SysfsFile(zone.resolve("energy_uj"));
                counters[i].readLong();
            } catch (AccessDeniedException e) {
                throw new IOException(
                        zone.resolve("energy_uj") + " is not readable: since Linux 5.10 the RAPL counters"
                                + " are readable by root only; run as root or grant read access",
                        e);
            }
            facts.add(rail + " " + zone + " max_energy_range_uj=" + range);
        }
        RaplSource source = new RaplSource(rails, counters, max, intervalNanos, capacity, clock);
        for (int i = 0; i < facts.size(); i++) {
            source.fact("zone" + i, facts.get(i));
        }
        return source;
    }

    /** {@return how many times each rail's counter wrapped, in rail order} */
    public long[] wraps() {
        return wraps.clone();
    }

    @Override
    void sample(long beforeNanoTime) throws IOException {
        for (int i = 0; i < counters.length; i++) {
            long now = counters[i].readLong();
            if (!first) {
                long delta = now - previous[i];
                if (delta < 0) {
                    delta += maxRangeMicrojoules[i];
                    wraps[i]++;
                }
                unwrapped[i] += delta;
            }
            previous[i] = now;
            joules[i] = unwrapped[i] / 1e6;
        }
        first = false;
        long after = System.nanoTime();
        trace.appendJoules(clock().toEpochNanos(beforeNanoTime + (after - beforeNanoTime) / 2), joules);
        sampled();
    }

    @Override
    void release() {
        for (SysfsFile counter : counters) {
            HwmonSource.closeQuietly(counter);
        }
    }

    @Override
    public List<LiveTrace> traces() {
        return List.of(trace);
    }
}
