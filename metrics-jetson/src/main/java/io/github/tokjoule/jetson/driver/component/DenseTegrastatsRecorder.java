package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.live.LiveClock;
import io.github.tokjoule.live.LiveLog;
import io.github.tokjoule.live.source.HwmonSource;
import io.github.tokjoule.live.source.SourceStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TegrastatsRecorder} that records, beside each cell's tegrastats log, the Jetson's INA3221 rails through
 * hwmon at 100 Hz into {@value #FILE_NAME} (the {@code tokjoule monitor} log format, docs/LIVE.md), so that the
 * analysis can integrate a dense trace instead of tegrastats' samples (issue 16).
 *
 * <p>tegrastats is started first and stays the reference: if no INA3221 rail is found under the sysfs root (not a
 * Jetson, a kernel without the hwmon driver) or the hwmon source cannot start, the cell records tegrastats only and
 * the reason is appended to the cell's tegrastats console log. While the cell runs a daemon thread writes the new
 * samples every second; stopping the recording stops tegrastats, then the sampler, writes the rest and appends the
 * sampler's counts (samples, failed reads, missed deadlines) to the console log.
 *
 * @since 0.2.0
 */
public final class DenseTegrastatsRecorder implements TegrastatsRecorder {

    /** The dense trace's file name, beside the cell's {@code tegrastats.log}. */
    public static final String FILE_NAME = "hwmon.csv";

    /** Samples kept in memory: 60 s at 100 Hz, far more than one second between writes. */
    private static final int CAPACITY = 6_000;

    /** The SCHED_FIFO priority the sampler thread asks for: above every normal thread, far below the kernel's own. */
    private static final int REALTIME_PRIORITY = 10;

    private final TegrastatsRecorder tegrastats;
    private final Path sysfsRoot;
    private final long intervalNanos;
    private final List<String> sudoPrefix;

    private DenseTegrastatsRecorder(
            TegrastatsRecorder tegrastats, Path sysfsRoot, long intervalNanos, List<String> sudoPrefix) {
        this.tegrastats = tegrastats;
        this.sysfsRoot = sysfsRoot;
        this.intervalNanos = intervalNanos;
        this.sudoPrefix = List.copyOf(sudoPrefix);
    }

    /**
     * Returns the recorder.
     *
     * @param tegrastats the tegrastats recorder it adds to
     * @param sysfsRoot the sysfs root ({@code /sys} on a Jetson)
     * @param intervalNanos the hwmon sampling interval (10 ms for 100 Hz)
     * @return the recorder
     */
    public static DenseTegrastatsRecorder create(TegrastatsRecorder tegrastats, Path sysfsRoot, long intervalNanos) {
        return create(tegrastats, sysfsRoot, intervalNanos, List.of());
    }

    /**
     * Returns the recorder whose sampler asks for SCHED_FIFO through the driver's sudo prefix ({@code sudo -n chrt -f
     * -p 10 TID}, docs/DRIVER.md "Privileged steps"): a driver run as its user then gets the real-time sampler where
     * sudoers allows {@code chrt}, and says so in the cell's console log where it does not.
     *
     * @param tegrastats the tegrastats recorder it adds to
     * @param sysfsRoot the sysfs root ({@code /sys} on a Jetson)
     * @param intervalNanos the hwmon sampling interval (10 ms for 100 Hz)
     * @param sudoPrefix the words put before {@code chrt}; empty when the driver runs as root
     * @return the recorder
     * @since 0.2.0
     */
    public static DenseTegrastatsRecorder create(
            TegrastatsRecorder tegrastats, Path sysfsRoot, long intervalNanos, List<String> sudoPrefix) {
        return new DenseTegrastatsRecorder(tegrastats, sysfsRoot, intervalNanos, sudoPrefix);
    }

    @Override
    public Recording start(Path logFile, Path consoleLog) throws IOException, InterruptedException {
        Recording base = tegrastats.start(logFile, consoleLog);
        HwmonSource source = null;
        LiveLog.LogWriter writer;
        try {
            source = HwmonSource.open(sysfsRoot, intervalNanos, CAPACITY, LiveClock.system());
            // Normal priority keeps ~96 % of 100 Hz deadlines within 2 ms beside one build, SCHED_FIFO all of them
            // (docs/PERFORMANCE.md); where it is refused the log's comments and the console log say so.
            source.realtimePriority(REALTIME_PRIORITY, sudoPrefix);
            source.start();
            String realtime = source.status().facts().getOrDefault("realtime", "off");
            if (realtime.startsWith("refused")) {
                note(consoleLog, "tokjoule: hwmon sampler at normal priority, real-time " + realtime);
            }
            List<String> comments = new ArrayList<>();
            source.status().facts().forEach((k, v) -> comments.add("hwmon " + k + ": " + v));
            writer = LiveLog.open(logFile.resolveSibling(FILE_NAME), source.traces(), comments);
        } catch (IOException e) {
            if (source != null) {
                source.close(); // started, but its log could not be opened: no sampler left running for nothing
            }
            note(consoleLog, "tokjoule: no dense hwmon trace for this cell: " + e.getMessage());
            return base;
        }
        HwmonSource sampler = source;
        Thread drainer = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(1000);
                            writer.drain();
                        } catch (InterruptedException e) {
                            return;
                        } catch (UncheckedIOException e) {
                            note(consoleLog, "tokjoule: writing " + FILE_NAME + " failed: " + e.getMessage());
                            return;
                        }
                    }
                },
                "tokjoule-hwmon-log");
        drainer.setDaemon(true);
        drainer.start();
        return new Recording() {
            @Override
            public boolean isAlive() {
                return base.isAlive();
            }

            @Override
            public void stop() {
                base.stop();
                sampler.close();
                drainer.interrupt();
                try {
                    drainer.join(TimeUnit.SECONDS.toMillis(5));
                    writer.close();
                } catch (IOException | UncheckedIOException e) {
                    note(consoleLog, "tokjoule: closing " + FILE_NAME + " failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                SourceStatus st = sampler.status();
                note(
                        consoleLog,
                        "tokjoule: hwmon " + st.samples() + " samples, " + st.failures() + " failed reads, "
                                + st.missedDeadlines() + " missed deadlines, " + writer.skipped() + " not written"
                                + st.lastProblem()
                                        .map(p -> "; last problem: " + p)
                                        .orElse(""));
            }
        };
    }

    private static void note(Path consoleLog, String line) {
        try {
            Files.writeString(
                    consoleLog,
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The console log is a diagnostic; the recording itself is not affected.
        }
    }
}
