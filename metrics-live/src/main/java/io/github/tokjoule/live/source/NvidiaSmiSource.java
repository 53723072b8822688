package io.github.tokjoule.live.source;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * nvidia-smi run as a live child process for one discrete GPU, recording the power readings the machine offers.
 *
 * <h2>What is asked for</h2>
 *
 * First {@code nvidia-smi --help-query-gpu} is run once and its field names read. Of {@code power.draw} (what the
 * driver calls the board power; on Ampere and newer a one-second average, on older GPUs instantaneous),
 * {@code power.draw.average} and {@code power.draw.instant} (driver 535 and newer) the ones listed are queried, and so
 * is the first listed field whose name contains {@code energy} (NVML's total-energy counter, millijoules since the
 * driver loaded, where the driver exposes it as a query field). The query runs as
 * {@code nvidia-smi -i GPU --query-gpu=index,FIELDS --format=csv,noheader,nounits -lms INTERVAL}.
 *
 * <h2>What is recorded</h2>
 *
 * A field printed as {@code [N/A]} or {@code [Not Supported]} in the first reading is not offered by this GPU: it is
 * left out and the {@link SourceStatus#facts()} say so; the others are rails in watts of {@link
 * LiveTrace.Reading#POWER} traces, one per averaging window, whose {@link LiveTrace#sensorDelayNanos() sensor delay} is
 * that window plus the driver's refresh period ({@link #DRIVER_REFRESH_NANOS}): {@link #AVERAGING_WINDOW_NANOS} (one
 * second) for {@code power.draw.average}, and for {@code power.draw} where the GPU offers {@code power.draw.average}
 * (Ampere except GA100, and newer: there {@code power.draw} is the one-second average); no window for {@code
 * power.draw.instant} and for {@code power.draw} on older GPUs, whose delay is the instant reading's measured lag
 * ({@link #INSTANT_DELAY_NANOS}). A measurement
 * window's interval and shift then account for the average ({@link io.github.tokjoule.live.LiveMeter}), and its end
 * waits for the readings one second past it. The facts say each field's averaging. The energy counter, if offered, fills a second, {@link LiveTrace.Reading#ENERGY_COUNTER} trace
 * ({@code energy}, in joules), so window energies from it are the GPU's own count. A later line whose value is not a
 * number is a counted failure and gives no sample.
 *
 * <h2>What a real machine offers</h2>
 *
 * On an NVIDIA H100 80GB HBM3 with driver 580.159.04 (captured in {@code benchmarks/gpu/nvidia-smi}, replayed in this
 * module's tests): all three power fields, {@code power.draw} equal to {@code power.draw.average} (a trailing ~1 s
 * mean), {@code power.draw.instant} a point reading, both refreshed every 100 ms by the driver; <b>no energy field</b>
 * (the total-energy counter is NVML-only there), so no energy trace. nvidia-smi's own {@code -lms} period stretches
 * when a query is slow (57 fields: lines ~200 ms apart at {@code -lms 100}); this source asks for at most four fields
 * and takes each sample's time from the line's arrival, never from a line count.
 *
 * @since 0.2.0
 */
public final class NvidiaSmiSource extends ChildProcessSource {

    /** The power fields asked for when the driver lists them. */
    public static final List<String> POWER_FIELDS = List.of("power.draw", "power.draw.average", "power.draw.instant");

    /**
     * The window of the averaged power readings: {@code power.draw.average}, and {@code power.draw} where the GPU
     * offers {@code power.draw.average}, are trailing means over one second ({@code nvidia-smi --help-query-gpu}:
     * "On Ampere or newer devices, returns average power draw over 1 sec"; measured on an H100 as the best-fitting
     * window, 1,000 ms: docs/reference/gpu-power-facts.md). A trace of these readings has this sensor delay.
     */
    public static final long AVERAGING_WINDOW_NANOS = 1_000_000_000L;

    /**
     * How often the driver refreshes its power readings: 100 ms, measured on an H100 (both readings and the energy
     * counter; docs/reference/gpu-power-facts.md), the only GPU measured; nvidia-smi does not say it. A reading is up
     * to this much older than the line that prints it, so it is part of every power trace's sensor delay.
     */
    public static final long DRIVER_REFRESH_NANOS = 100_000_000L;

    /**
     * The sensor delay of an instantaneous power reading ({@code power.draw.instant}, and {@code power.draw} where it
     * is instantaneous): 180 ms, twice the instant reading's mean lag behind the GPU's energy counter, 90 ms, measured
     * on an H100 in two runs of a real LLM workload (docs/ANALYSIS.md, "The counter"; the driver's 100 ms refresh
     * accounts for 50 ms of it on average). A reading then counts as reflecting the power up to this long before its
     * stamp, half of it on average, which is where {@link io.github.tokjoule.live.LiveMeter} places it. Checked on a
     * third, independent run of the real {@code tokjoule monitor} (docs/LIVE.md): with the driver's refresh alone
     * (100 ms), 84.5 % of the requests' intervals held the counter's energy, with 180 ms 90.5 %.
     */
    public static final long INSTANT_DELAY_NANOS = 180_000_000L;

    /**
     * How far the instant reading's lag may lie from its mean, half of {@link #INSTANT_DELAY_NANOS} (90 ms): 60 ms.
     * nvidia-smi's lines every 100 ms and the driver's 100 ms refresh are locked in phase, so a reading's staleness
     * is one constant per run anywhere in the refresh period (0–100 ms, plus the 40 ms the reading lags its refresh on
     * the H100), not the spread the mean stands for: the lag is one unknown in 40–140 ms. 60 ms rather than 50 so that
     * a lag at either end of that span lies inside the declared range, where the edges can measure it, not on its
     * bound (where the measurement falls back). A group of windows measures
     * it from the readings at the windows' edges ({@link LiveTrace.Builder#placementUncertaintyNanos(long)});
     * docs/LIVE.md, "Real hardware".
     */
    public static final long INSTANT_PLACEMENT_UNCERTAINTY_NANOS = 60_000_000L;

    private static final Pattern FIELD = Pattern.compile("\"([a-z0-9_.]+)\"");

    private final List<String> fields;
    private final long intervalNanos;
    private final int capacity;
    private volatile List<LiveTrace> power = List.of();
    private volatile @Nullable LiveTrace energy;
    private int[][] powerColumns = new int[0][];
    private double[][] wattsBuffers = new double[0][];
    private int energyColumn = -1;
    private final double[] joulesBuffer = new double[1];

    private NvidiaSmiSource(
            List<String> command, List<String> fields, long intervalNanos, int capacity, LiveClock clock) {
        super("nvidia-smi", command, Math.max(TimeUnit.SECONDS.toNanos(10), 20 * intervalNanos), clock);
        this.fields = fields;
        this.intervalNanos = intervalNanos;
        this.capacity = capacity;
    }

    /**
     * Probes which fields the driver offers and returns a source that queries them.
     *
     * @param executable the nvidia-smi executable, e.g. {@code nvidia-smi}
     * @param gpu the GPU index
     * @param intervalNanos the sampling interval, at least 1 ms (nvidia-smi's {@code -lms} is in milliseconds)
     * @param capacity the traces' ring capacity in samples
     * @param clock the clock
     * @return the source, not started
     * @throws IOException if nvidia-smi cannot be run or lists none of the power fields
     * @throws InterruptedException if interrupted while the probe runs
     */
    public static NvidiaSmiSource probe(String executable, int gpu, long intervalNanos, int capacity, LiveClock clock)
            throws IOException, InterruptedException {
        long millis = TimeUnit.NANOSECONDS.toMillis(intervalNanos);
        if (millis < 1) {
            throw new IllegalArgumentException(
                    "nvidia-smi samples in whole milliseconds: interval " + intervalNanos + " ns is below 1 ms");
        }
        Set<String> offered = helpFields(executable);
        List<String> fields = new ArrayList<>();
        for (String f : POWER_FIELDS) {
            if (offered.contains(f)) {
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            throw new IOException(executable + " --help-query-gpu lists none of " + POWER_FIELDS
                    + ": this driver cannot report power through nvidia-smi");
        }
        String energyField =
                offered.stream().filter(f -> f.contains("energy")).findFirst().orElse("");
        if (!energyField.isEmpty()) {
            fields.add(energyField);
        }
        List<String> command = List.of(
                executable,
                "-i",
                Integer.toString(gpu),
                "--query-gpu=index," + String.join(",", fields),
                "--format=csv,noheader,nounits",
                "-lms",
                Long.toString(millis));
        NvidiaSmiSource source = new NvidiaSmiSource(command, List.copyOf(fields), intervalNanos, capacity, clock);
        source.fact("command", String.join(" ", command));
        source.fact("fields listed by --help-query-gpu", String.join(",", fields));
        source.fact("energy counter field", energyField.isEmpty() ? "none listed" : energyField);
        return source;
    }

    private static Set<String> helpFields(String executable) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(executable, "--help-query-gpu")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run " + executable + " --help-query-gpu: " + e.getMessage(), e);
        }
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(executable + " --help-query-gpu did not end within 30 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(
                    executable + " --help-query-gpu failed with exit code " + p.exitValue() + ": " + text.strip());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("\"")) {
                Matcher m = FIELD.matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Override
    boolean line(String text, long epochNanos) {
        String[] values = text.split(",", -1);
        if (values.length != fields.size() + 1) {
            throw new IllegalArgumentException("nvidia-smi printed " + values.length + " values, expected "
                    + (fields.size() + 1) + " (index," + String.join(",", fields) + "): " + text);
        }
        if (power.isEmpty()) {
            firstLine(values);
        }
        List<LiveTrace> traces = power;
        for (int g = 0; g < powerColumns.length; g++) {
            for (int r = 0; r < powerColumns[g].length; r++) {
                wattsBuffers[g][r] = number(values, powerColumns[g][r]);
            }
        }
        double joules = energyColumn < 0 ? 0 : number(values, energyColumn) / 1000.0;
        for (int g = 0; g < traces.size(); g++) {
            traces.get(g).appendWatts(epochNanos, wattsBuffers[g]);
        }
        LiveTrace e = energy;
        if (e != null) {
            joulesBuffer[0] = joules;
            e.appendJoules(epochNanos, joulesBuffer);
        }
        return true;
    }

    private void firstLine(String[] values) {
        boolean averageListed = fields.contains("power.draw.average");
        boolean averageOffered = averageListed && isNumber(values[fields.indexOf("power.draw.average") + 1].strip());
        // one trace per averaging window (its sensor delay), in the order of the first field each holds
        Map<Long, List<Integer>> columnsByWindow = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            String value = values[i + 1].strip();
            boolean isNumber = isNumber(value);
            fact(field, isNumber ? "offered" : "not offered by this GPU (printed " + value + ")");
            if (!isNumber) {
                continue;
            }
            if (POWER_FIELDS.contains(field)) {
                long window = averagingWindowNanos(field, averageListed, averageOffered);
                columnsByWindow.computeIfAbsent(window, w -> new ArrayList<>()).add(i + 1);
            } else {
                energyColumn = i + 1;
            }
        }
        if (columnsByWindow.isEmpty()) {
            throw new IllegalArgumentException("nvidia-smi prints no power reading for this GPU (every power field"
                    + " is not available): " + String.join(",", values));
        }
        int[][] columns = new int[columnsByWindow.size()][];
        double[][] buffers = new double[columnsByWindow.size()][];
        List<LiveTrace> traces = new ArrayList<>();
        int g = 0;
        for (Map.Entry<Long, List<Integer>> e : columnsByWindow.entrySet()) {
            columns[g] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            buffers[g] = new double[columns[g].length];
            List<String> rails = new ArrayList<>();
            for (int column : columns[g]) {
                rails.add(fields.get(column - 1));
            }
            traces.add(LiveTrace.builder("nvidia-smi", rails)
                    .capacity(capacity)
                    .nominalIntervalNanos(intervalNanos)
                    .sensorDelayNanos(sensorDelayNanos(e.getKey()))
                    .placementUncertaintyNanos(e.getKey() == 0 ? INSTANT_PLACEMENT_UNCERTAINTY_NANOS : 0)
                    .build());
            g++;
        }
        powerColumns = columns;
        wattsBuffers = buffers;
        if (energyColumn >= 0) {
            energy = LiveTrace.builder("nvidia-smi", List.of("energy"))
                    .reading(LiveTrace.Reading.ENERGY_COUNTER)
                    .capacity(capacity)
                    .nominalIntervalNanos(intervalNanos)
                    .build();
        }
        power = List.copyOf(traces);
    }

    /**
     * The averaging window of a power field, recorded in the facts: {@code power.draw.instant} none; {@code
     * power.draw.average} {@link #AVERAGING_WINDOW_NANOS}; {@code power.draw} the same where this GPU offers {@code
     * power.draw.average} (which the driver's help says is available on "Ampere (except GA100) or newer devices",
     * exactly where {@code power.draw} is the one-second average), none where the driver lists {@code
     * power.draw.average} but this GPU prints it as not available (an older GPU, whose {@code power.draw} is
     * instantaneous), and unknown, taken as none, where the driver does not list it (before driver 535).
     */
    private long averagingWindowNanos(String field, boolean averageListed, boolean averageOffered) {
        String how;
        long window;
        if (field.equals("power.draw.instant")) {
            how = "instantaneous";
            window = 0;
        } else if (field.equals("power.draw.average") || averageOffered) {
            how = "a trailing 1 s mean";
            window = AVERAGING_WINDOW_NANOS;
        } else if (averageListed) {
            how = "instantaneous (this GPU does not offer power.draw.average: older than Ampere, or GA100)";
            window = 0;
        } else {
            how = "unknown (the driver lists no power.draw.average; a 1 s mean on Ampere and newer), taken as"
                    + " instantaneous: windows' intervals do not account for an average";
            window = 0;
        }
        fact(
                field + " averaging",
                how + "; sensor delay " + TimeUnit.NANOSECONDS.toMillis(sensorDelayNanos(window))
                        + (window == 0
                                ? " ms (twice the instant reading's mean lag, as measured on an H100)"
                                : " ms (with the driver's 100 ms refresh, as measured on an H100)"));
        return window;
    }

    /** The sensor delay of a power trace whose readings average over {@code windowNanos} (0: instantaneous). */
    static long sensorDelayNanos(long windowNanos) {
        return windowNanos == 0 ? INSTANT_DELAY_NANOS : windowNanos + DRIVER_REFRESH_NANOS;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private double number(String[] values, int column) {
        String value = values[column].strip();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "nvidia-smi printed " + value + " for " + fields.get(column - 1) + " (not a number): no sample");
        }
    }

    @Override
    public List<LiveTrace> traces() {
        LiveTrace e = energy;
        List<LiveTrace> all = new ArrayList<>(power);
        if (e != null) {
            all.add(e);
        }
        return List.copyOf(all);
    }
}
